import Testing

@testable import JacCore

/// Undefined functions: parsing (`f(x)`, `f'(x)`, `D[1,2](f)(u, v)`, `--funcs`), the chain,
/// product and quotient rules through them, printing that reads back, and their errors.
@Suite struct UndefinedFunctionTests {
  /// `diff` of each input along `wrt` prints as given (text).
  @Test(arguments: [
    ("f(g(x))", ["x"], "f'(g(x))*g'(x)"),
    ("f(g(h(x)))", ["x"], "f'(g(h(x)))*g'(h(x))*h'(x)"),
    ("f(x)*g(x)", ["x"], "f(x)*g'(x) + f'(x)*g(x)"),
    ("f(x)/g(x)", ["x"], "(f'(x)*g(x) - f(x)*g'(x))/g(x)^2"),
    ("f(x)", ["x", "x", "x"], "f'''(x)"),
    ("f(x)", ["x", "x", "x", "x"], "D[1,1,1,1](f)(x)"),
    ("sin(f(x^2))", ["x"], "2*x*cos(f(x^2))*f'(x^2)"),
    ("g(x*y, x + y)", ["x"], "y*D[1](g)(x*y, x + y) + D[2](g)(x*y, x + y)"),
    ("g(x, y)", ["x", "y"], "D[1,2](g)(x, y)"),
    ("g(x, y)", ["y", "x"], "D[1,2](g)(x, y)"),
    ("f'(x)", ["x"], "f''(x)"),
    ("D[2](g)(x, y)", ["x"], "D[1,2](g)(x, y)"),
    ("f(3)*x", ["x"], "f(3)"),
  ])
  func derivatives(_ input: String, _ wrt: [String], _ expected: String) throws {
    let engine = Engine()
    var request = Request(command: .diff, inputs: [input])
    request.along = wrt
    let answer = try engine.run(request)
    let text = TextPrinter(pool: engine.pool)
    #expect(answer.value.entries.map(text.string) == [expected])
  }

  @Test func gradientThroughOneArgument() throws {
    let engine = Engine()
    let answer = try engine.run(Request(command: .grad, inputs: ["f(x*y)"], variables: ["x", "y"]))
    #expect(answer.value.entries.map(TextPrinter(pool: engine.pool).string) == ["y*f'(x*y)", "x*f'(x*y)"])
  }

  /// Declared names (`--funcs L`) are functions; printed answers read back with the same names.
  @Test func declaredFunctionsRoundTrip() throws {
    let engine = Engine()
    var request = Request(command: .hessian, inputs: ["L(u*v, u, w) + phi(u)"], variables: ["u", "v", "w"])
    request.functions = ["L", "phi"]
    let answer = try engine.run(request)
    let pool = engine.pool
    for printer in [TextPrinter(pool: pool), TextPrinter(pool: pool, style: .compact)] {
      for entry in answer.value.entries {
        let back = try Parser.parseExpression(printer.string(entry), in: pool, functions: ["L", "phi"])
        #expect(back == entry, "\(printer.string(entry))")
      }
    }
    #expect(pool.undefinedFunctions(answer.value.entries) == ["L", "phi"])
  }

  /// Mixed partials commute: `D[2,1]` is `D[1,2]`; a prime is `D[1]` of a function of one argument.
  @Test func notationsAgree() throws {
    let pool = ExpressionPool()
    func parse(_ s: String) throws -> Expr { try Parser.parseExpression(s, in: pool) }
    #expect(try parse("D[2,1](f)(x, y)") == parse("D[1,2](f)(x, y)"))
    #expect(try parse("D[ 1 , 2 ](f)(x, y)") == parse("D[1,2](f)(x, y)"))
    #expect(try parse("f''(x)") == parse("D[1,1](f)(x)"))
  }

  /// Without a declaration only f, g, h, F, G, H are functions; a name alone is a variable.
  @Test func conventionalNames() throws {
    let pool = ExpressionPool()
    for name in ["f", "g", "h", "F", "G", "H"] {
      #expect(pool.undefinedFunctions([try Parser.parseExpression("\(name)(x)", in: pool)]) == [name])
    }
    #expect(pool.freeSymbols([try Parser.parseExpression("f*x", in: pool)]) == ["f", "x"])
    #expect(throws: ParseError.self) { try Parser.parseExpression("L(x)", in: pool) }
    #expect(throws: Never.self) { try Parser.parseExpression("L(x)", in: pool, functions: ["L"]) }
  }

  /// Errors name the problem and point at it (1-based column, width).
  @Test(arguments: [
    ("f(x) + f", "'f' is used both as a function and as a variable", 8, 1),
    ("f + f(x)", "'f' is used both as a function and as a variable", 5, 1),
    ("f(x) + f(x, y)", "'f' takes 1 argument, found 2", 8, 7),
    ("sin'(x)", "'sin' is not an undefined function", 1, 3),
    ("x'(t)", "'x' is not an undefined function", 1, 1),
    ("D[1](sin)(x)", "'sin' is not an undefined function", 6, 3),
    ("f'(x, y)", "a prime differentiates a function of one argument; 'f' takes 2", 1, 2),
    ("D[3](f)(x, y)", "'f' takes 2 arguments; there is no argument 3", 1, 4),
    ("D[0](f)(x)", "malformed 'D[…]': argument positions are whole numbers from 1", 1, 4),
    ("D[1", "malformed 'D[…]': argument positions are whole numbers from 1", 1, 3),
    ("D[1] f(x)", "expected a function name in parentheses after 'D[…]', found 'f'", 6, 1),
    ("D[1](2)(x)", "expected a function name in parentheses after 'D[…]', found a number", 6, 1),
    ("x' + 1", "unexpected character '''", 2, 1),
    ("f '(x)", "unexpected character '''", 3, 1),
    ("f'", "unexpected character '''", 2, 1),
  ])
  func errorsPointAtTheSpot(_ input: String, _ message: String, _ column: Int, _ width: Int) {
    expectParseError(input, message, column: column, width: width)
  }

  /// `--at` and `--check` on an answer that applies an undefined function name it.
  @Test func valuesNeedDefinedFunctions() throws {
    let engine = Engine()
    var at = Request(command: .diff, inputs: ["f(x)"])
    at.at = [Request.Binding(name: "x", value: "1")]
    #expect(throws: JacError.undefinedFunction(name: "f", use: "'--at'")) { try engine.run(at) }
    var check = Request(command: .grad, inputs: ["x*g(y)"])
    check.check = true
    #expect(throws: JacError.undefinedFunction(name: "g", use: "'--check'")) { try engine.run(check) }
  }

  /// LaTeX: primes for one argument, ∂ᵢ by position for several.
  @Test func latex() throws {
    let f = Fixture()
    #expect(f.latex(f.parse("f''(x)")) == "f''(x)")
    #expect(f.latex(f.parse("D[1,2](g)(x, y)")) == "\\partial_{1,2} g(x, y)")
    #expect(f.latex(f.parse("D[1,1,1,1](f)(x)")) == "f^{(4)}(x)")
  }
}
