import Testing

@testable import JacCore

@Suite struct ParserTests {
  /// Each input parses to the same expression as the explicit form beside it.
  @Test(arguments: [
    ("2^3^2", "512"),
    ("-x^2", "-(x^2)"),
    ("2^-1", "1/2"),
    ("x**2", "x^2"),
    ("2x", "2*x"),
    ("2 sin(x)", "2*sin(x)"),
    ("3(x+1)", "3*(x+1)"),
    ("(x+1)(x-1)", "(x+1)*(x-1)"),
    ("2x^2", "2*(x^2)"),
    ("1/2x", "(1/2)*x"),
    ("0.25", "1/4"),
    ("1e-3", "1/1000"),
    (".5", "1/2"),
    ("6.02E23", "602000000000000000000000"),
    ("2e", "2*e"),
    ("e^x", "exp(x)"),
    ("ln(x)", "log(x)"),
    ("sqrt(x)", "x^(1/2)"),
    ("π + pi", "2*pi"),
    ("θ·φ", "θ*φ"),
    ("x − y", "x - y"),
    ("x1 + x_1", "x1 + x_1"),
    ("((x))", "x"),
    ("a - b - c", "a + (-b) + (-c)"),
    ("a/b/c", "a/(b*c)"),
  ])
  func equivalentForms(_ input: String, _ explicit: String) {
    let f = Fixture()
    #expect(f.parse(input) == f.parse(explicit), "\(input) vs \(explicit)")
  }

  @Test func listOfComponents() throws {
    let pool = ExpressionPool()
    let items = try Parser.parseList("r*cos(t), r*sin(t)", in: pool)
    #expect(items.count == 2)
  }

  /// Errors name the problem and point at it: the 1-based column of the range start, and its
  /// width in columns (the carets under it; 0 at the end of the input).
  @Test(arguments: [
    ("sin(x^2", "expected ')' to close '(' at column 4", 8, 0),
    ("1/(x+", "expected an expression, found end of input", 6, 0),
    ("x(y)", "'x' is not a function", 1, 1),
    ("sinn(x)", "unknown function 'sinn'; did you mean 'sin' or 'sinh'?", 1, 4),
    ("foo(x)", "unknown function 'foo'", 1, 3),
    ("sin x", "expected '(' after function 'sin'", 1, 3),
    ("sin(x, y)", "'sin' takes 1 argument, found 2", 1, 9),
    ("x y", "expected an operator before 'y'", 3, 1),
    ("2 3", "expected an operator before a number", 3, 1),
    ("x + ", "expected an expression, found end of input", 5, 0),
    ("x)", "unexpected ')'", 2, 1),
    ("x $ y", "unexpected character '$'", 3, 1),
    ("x \u{0} y", "unexpected character 'U+0000'", 3, 1),
    ("", "empty input", 1, 0),
    ("   ", "empty input", 4, 0),
    ("1/0", "division by zero", 1, 3),
    ("log(0)", "'log' is undefined at 0", 1, 6),
    ("tan(pi/2)", "'tan' is undefined at pi/2", 1, 9),
    // Constants outside a function's real domain, proved so with balls: jac's values are real.
    ("sqrt(-1)^2", "'sqrt(-1)' is not real; jac's values are real", 1, 8),
    ("x*log(-1)", "'log(-1)' is not real; jac's values are real", 3, 7),
    ("2 + (-1)^(1/2)", "'(-1)^(1/2)' is not real; jac's values are real", 5, 10),
    ("asin(2)*x", "'asin(2)' is not real; jac's values are real", 1, 7),
    ("acosh(0)", "'acosh(0)' is not real; jac's values are real", 1, 8),
    ("loggamma(-1/2)", "'loggamma(-1/2)' is not real; jac's values are real", 1, 14),
    ("log(x, -2)", "'log(x, -2)' is not real; jac's values are real", 1, 10),
    ("asec(1/2)", "'asec(1/2)' is not real; jac's values are real", 1, 9),
    ("x + lambertw(-1/e)*lambertw(-2/5)", "'lambertw(-2/5)' is not real; jac's values are real", 20, 14),
    ("lambertw(x, 0)", "'lambertw' takes 1 argument, found 2", 1, 14),
    ("0^(-2)", "division by zero", 1, 6),
    ("1e999999", "number too large", 1, 8),
    ("e(x)", "'e' is not a function", 1, 1),
    ("θ + * 2", "expected an expression, found '*'", 5, 1),
    ("θ(x)", "'θ' is not a function", 1, 1),
    (")", "expected an expression, found ')'", 1, 1),
  ])
  func errorsPointAtTheSpot(_ input: String, _ message: String, _ column: Int, _ width: Int) {
    let pool = ExpressionPool()
    do {
      _ = try Parser.parseList(input, in: pool)
      Issue.record("'\(input)' parsed but should fail")
    } catch {
      #expect(error.message.text == message)
      let start = SourceLocation.column(of: error.range.start, in: input)
      #expect(start == column)
      #expect(SourceLocation.column(of: error.range.end, in: input) - start == width)
    }
  }

  /// Real constants stay: an odd root of a negative number, a constant inside the domain, a
  /// call of an undefined function, and constants whose reality needs more than a glance.
  @Test(arguments: [
    "(-8)^(1/3)", "sqrt(2)*x", "log(8, 2)", "asin(1)", "acosh(1)", "f(-1)", "sqrt(pi - 3)", "exp(1000)",
    "lambertw(-exp(-1))", "lambertw(-exp(-1) + 10^-30)",
  ])
  func realConstantsParse(_ input: String) throws {
    _ = try Parser.parseList(input, in: ExpressionPool())
  }

  @Test func implicitMultiplicationHint() throws {
    let pool = ExpressionPool()
    #expect(throws: ParseError.self) { try Parser.parseList("x(y)", in: pool) }
    do { _ = try Parser.parseList("x(y)", in: pool) } catch {
      #expect(error.message.hint == "write 'x*(...)' to multiply, or '--funcs x' for a function nobody defined")
    }
  }

  /// Habits of handwriting get a hint with the form jac reads: `sin x` and `sin^2(x)` (the hint
  /// does not assume a square), `|x|`.
  @Test(arguments: [
    ("sin x", "write 'sin(x)', and 'sin(x)^2' for its square ('sin^2(x)' is not read)"),
    ("sin^2(x)", "write 'sin(x)', and 'sin(x)^2' for its square ('sin^2(x)' is not read)"),
    ("|x| + 1", "write 'abs(x)' for |x|"),
  ])
  func handwritingHints(_ input: String, _ hint: String) {
    do {
      _ = try Parser.parseList(input, in: ExpressionPool())
      Issue.record("\(input) parsed")
    } catch {
      #expect(error.message.hint == hint)
    }
  }

  /// 100,000 nested parentheses are an error, not a stack overflow.
  @Test func nestingBeyondTheLimitIsAnError() {
    let input = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
    let message = DeepStack.run { () -> String? in
      do {
        _ = try Parser.parseList(input, in: ExpressionPool())
        return nil
      } catch {
        return (error as? ParseError)?.message.text
      }
    }
    #expect(message == "nesting deeper than 10000 levels")
  }

  /// The limits the grammar's comments state are the lexer's and the parser's.
  @Test func grammarStatesTheLimits() throws {
    let grammar = try TestFiles.read("grammar/jac.ebnf")
    #expect(grammar.contains("at most \(Lexer.maxLiteralDigits) digits"))
    #expect(grammar.contains("|exponent| <= \(Lexer.maxLiteralExponent)"))
    #expect(grammar.contains("\(Parser.maxNesting) levels are accepted"))
  }

  /// Every function name the parser reads is in the grammar's FUNCTION (or MATRIXFUNCTION).
  @Test func grammarNamesEveryFunction() throws {
    let grammar = try TestFiles.read("grammar/jac.ebnf")
    let missing = (Parser.functionNames + ["log"]).filter { !grammar.contains("\"\($0)\"") }
    #expect(missing.isEmpty, "not in grammar/jac.ebnf: \(missing)")
  }

  /// grammar/jac.ebnf and Parser.swift stay in step, both ways: every syntactic rule (a
  /// lowercase name) has one `mutating func parse<Rule>` (the functions that consume input),
  /// every such function has a rule, and the grammar copied into Parser's doc comment names the
  /// same rules in the same order. The static `parse…(_:in:)` functions are entry points that
  /// call a rule's function, not rules.
  @Test func grammarAndParserStayInStep() throws {
    let grammar = try TestFiles.read("grammar/jac.ebnf").split(separator: "\n")
    let files = [
      "Syntax/Parser.swift", "Syntax/Parser+Calls.swift", "Syntax/Parser+Undefined.swift",
      "MatrixCalculus/MatrixParser.swift",
    ]
    let parser = try files.flatMap { try TestFiles.read("Sources/JacCore/" + $0).split(separator: "\n") }
    let rules = grammar.compactMap { $0.firstMatch(of: /^([a-z]\w*)\s*=/).map { String($0.1) } }
    let functions = parser.compactMap { $0.firstMatch(of: /mutating func parse([A-Z]\w*)\(/).map { String($0.1) } }
    let documented = parser.compactMap { $0.firstMatch(of: /^\/\/\/ ([a-z]\w*)\s*=/).map { String($0.1) } }
    func function(_ rule: String) -> String { rule.prefix(1).uppercased() + rule.dropFirst() }
    #expect(!rules.isEmpty, "no syntactic rules found in grammar/jac.ebnf")
    for rule in rules where !functions.contains(function(rule)) {
      Issue.record("grammar rule '\(rule)' has no 'mutating func parse\(function(rule))' in Parser.swift")
    }
    for name in functions where !rules.map(function).contains(name) {
      Issue.record("Parser.parse\(name) has no rule in grammar/jac.ebnf")
    }
    #expect(Set(functions).count == functions.count, "one function per rule: \(functions)")
    #expect(documented == rules, "Parser.swift's doc comment copies the grammar's rules")
  }

  /// grammar/jac.ebnf's FUNCTION rule lists exactly the names the parser knows as functions.
  @Test func grammarListsEveryFunctionName() throws {
    let grammar = try TestFiles.read("grammar/jac.ebnf")
    let start = try #require(grammar.range(of: "FUNCTION   ="))
    let end = try #require(grammar.range(of: ";", range: start.upperBound..<grammar.endIndex))
    let listed = grammar[start.upperBound..<end.lowerBound].matches(of: /"([^"]+)"/).map { String($0.1) }
    #expect(
      Set(listed) == Set(Parser.functionNames),
      "only in the grammar: \(Set(listed).subtracting(Parser.functionNames)); only in the parser: \(Set(Parser.functionNames).subtracting(listed))"
    )
    #expect(listed.count == Set(listed).count)
  }

  /// Aliases parse to the same node; beta, gamma and psi are variables without a '('.
  @Test func aliasesAndVariableFunctionNames() {
    let f = Fixture()
    #expect(
      f.parse("arcsin(x) + arsinh(x) + arctanh(x) + logistic(x) + lgamma(x) + psi(x) + sgn(x) + productlog(x)")
        == f.parse("asin(x) + asinh(x) + atanh(x) + sigmoid(x) + loggamma(x) + digamma(x) + sign(x) + lambertw(x)"))
    #expect(f.text(f.parse("beta*gamma(x) + psi")) == "beta*gamma(x) + psi")
    #expect(throws: ParseError.self) { try Parser.parseExpression("max(x)", in: f.pool) }
    #expect(throws: ParseError.self) { try Parser.parseExpression("polygamma(1/2, x)", in: f.pool) }
  }
}

/// The notation people type (issue 16): each form parses to the same expression as jac's own.
@Suite struct TypedNotationTests {
  @Test(arguments: [
    ("√x", "sqrt(x)"), ("∛x", "x^(1/3)"), ("√(x + 1)", "sqrt(x + 1)"), ("√x^2", "sqrt(x^2)"),
    ("√x*y", "sqrt(x)*y"), ("2√x", "2*sqrt(x)"), ("√-x", "sqrt(-x)"), ("√√x", "sqrt(sqrt(x))"),
    ("x²", "x^2"), ("x³", "x^3"), ("x⁻¹", "x^-1"), ("x⁺²", "x^2"), ("x¹⁰", "x^10"), ("-x²", "-(x^2)"),
    ("2^x²", "2^(x^2)"), ("(x+1)²", "(x+1)^2"), ("sin(x)²", "sin(x)^2"), ("e^(−x)", "exp(-x)"),
    ("x·y", "x*y"), ("x⋅y", "x*y"), ("x×y", "x*y"), ("x÷y", "x/y"), ("x − y", "x - y"), ("π", "pi"),
  ])
  func sameAsTyped(_ input: String, _ explicit: String) {
    let f = Fixture()
    #expect(f.parse(input) == f.parse(explicit), "\(input) vs \(explicit)")
  }

  @Test(arguments: [
    ("x⁻", "a superscript sign needs superscript digits after it", 2, 1),
    ("x¹²³⁴⁵⁶⁷", "number too large", 2, 7),
    ("²x", "expected an expression, found '²'", 1, 1),
    ("x√y", "expected an operator before '√'", 2, 1),
    ("x²y", "expected an operator before 'y'", 3, 1),
    ("1 ÷ 0", "division by zero", 1, 5),
  ])
  func errorsPointAtTheSpot(_ input: String, _ message: String, _ column: Int, _ width: Int) {
    expectParseError(input, message, column: column, width: width)
  }
}
