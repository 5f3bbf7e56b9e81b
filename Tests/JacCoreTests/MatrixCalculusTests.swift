import Foundation
import Testing

@testable import JacCore

/// Matrix calculus (issue 19): the answers in matrix form, each also held to jac's scalar engine
/// by `--check` (expansion at four sizes), the parse errors at their spot, the simplifier's
/// rules, and the printed form reading back.
@Suite struct MatrixCalculusTests {
  struct Case: CustomStringConvertible, Sendable {
    var command: Request.Command
    var input: String
    var vectors: [String] = []
    var matrices: [String] = []
    var symmetric: [String] = []
    var vars: [String]? = nil
    var expected: String
    var description: String { "\(command.rawValue) \(input) → \(expected)" }
  }

  static func request(_ c: Case, check: Bool = true) -> Request {
    var r = Request(command: c.command, inputs: [c.input], variables: c.vars)
    r.vectors = c.vectors
    r.matrices = c.matrices
    r.symmetric = c.symmetric
    r.check = check && c.command != .simplify
    return r
  }

  static func run(_ c: Case, check: Bool = true) throws -> MatrixForm {
    let answer = try Engine().run(request(c, check: check))
    guard case .matrixForm(let form) = answer.value else { throw Failure() }
    return form
  }
  struct Failure: Error {}

  /// The examples of issue 19, and more: the printed form, and the check by expansion passing.
  static let cases: [Case] = [
    Case(command: .grad, input: "x'*A*x", vectors: ["x"], matrices: ["A"], expected: "(A + A')*x"),
    Case(command: .grad, input: "x'*A*x", vectors: ["x"], symmetric: ["A"], expected: "2*A*x"),
    Case(command: .grad, input: "xᵀ*A*x", vectors: ["x"], matrices: ["A"], expected: "(A + A')*x"),
    Case(command: .grad, input: "x^T*A*x", vectors: ["x"], matrices: ["A"], expected: "(A + A')*x"),
    Case(command: .grad, input: "norm(x)^2", vectors: ["x"], expected: "2*x"),
    Case(command: .grad, input: "norm(X)^2", matrices: ["X"], vars: ["X"], expected: "2*X"),
    Case(command: .grad, input: "log(det(X))", matrices: ["X"], vars: ["X"], expected: "inv(X)'"),
    Case(command: .grad, input: "tr(A*X*B)", matrices: ["A", "X", "B"], vars: ["X"], expected: "A'*B'"),
    Case(
      command: .grad, input: "norm(W*x - y)^2", vectors: ["x", "y"], matrices: ["W"], vars: ["W"],
      expected: "2*(W*x - y)*x'"),
    Case(
      command: .jacobian, input: "tanh(W1*x + b1)", vectors: ["x", "b1"], matrices: ["W1"], vars: ["x"],
      expected: "diag(1 - tanh(W1*x + b1).^2)*W1"),
    Case(
      command: .jacobian, input: "W2*tanh(W1*x + b1)", vectors: ["x", "b1"], matrices: ["W1", "W2"], vars: ["x"],
      expected: "W2*diag(1 - tanh(W1*x + b1).^2)*W1"),
    // Aᵀ·1 is A's column sums, not sum(A) (a scalar, which it printed: the check disagreed).
    Case(command: .grad, input: "sum(A*x)", vectors: ["x"], matrices: ["A"], expected: "A'*ones(n)"),
    Case(command: .hessian, input: "x'*A*x", vectors: ["x"], matrices: ["A"], expected: "A + A'"),
    Case(command: .hessian, input: "x'*A*x", vectors: ["x"], symmetric: ["A"], expected: "2*A"),
    Case(
      command: .grad, input: "sum(log(1 + exp(-y .* (X*w))))", vectors: ["w", "y"], matrices: ["X"], vars: ["w"],
      expected: "-X'*(1 ./ (1 + exp(y .* (X*w))) .* y)"),
    Case(
      command: .hessian, input: "sum(log(1 + exp(-y .* (X*w))))", vectors: ["w", "y"], matrices: ["X"], vars: ["w"],
      expected: "X'*diag(exp(y .* (X*w)) .* (1 + exp(y .* (X*w))).^(-2) .* y.^2)*X"),
    Case(
      command: .hessian, input: "log(sum(exp(x)))", vectors: ["x"],
      expected: "diag(exp(x))/sum(exp(x)) - exp(x)*exp(x)'/sum(exp(x))^2"),
    Case(command: .jacobian, input: "x ./ norm(x)", vectors: ["x"], expected: "I/norm(x) - x*x'/norm(x)^3"),
    Case(command: .grad, input: "norm(x)", vectors: ["x"], expected: "x/norm(x)"),
    Case(command: .jacobian, input: "exp(x) .* x", vectors: ["x"], expected: "diag(exp(x) .* (1 + x))"),
    Case(command: .jacobian, input: "A*x + x", vectors: ["x"], matrices: ["A"], expected: "A + I"),
    Case(command: .grad, input: "exp(-x'*x)", vectors: ["x"], expected: "-2*exp(-(x'*x))*x"),
    Case(command: .grad, input: "c*dot(a, x)", vectors: ["a", "x"], vars: ["x"], expected: "c*a"),
    Case(
      command: .grad, input: "a'*inv(X)*b", vectors: ["a", "b"], matrices: ["X"], vars: ["X"],
      expected: "-inv(X)'*a*b'*inv(X)'"),
    Case(command: .grad, input: "tr(X*X)", matrices: ["X"], expected: "2*X'"),
    Case(command: .grad, input: "det(X)", matrices: ["X"], expected: "det(X)*inv(X)'"),
    Case(command: .grad, input: "log(det(S))", symmetric: ["S"], expected: "inv(S)"),
    Case(
      command: .jacobian, input: "sigmoid(W*x)", vectors: ["x"], matrices: ["W"],
      expected: "diag(sigmoid(W*x) .* (1 - sigmoid(W*x)))*W"),
    Case(
      command: .grad, input: "-y'*log(softmax(z))", vectors: ["z", "y"], vars: ["z"],
      expected: "sum(y)*exp(z)/sum(exp(z)) - y"),
    Case(
      command: .grad, input: "logsumexp(z) - y'*z", vectors: ["z", "y"], vars: ["z"], expected: "exp(z)/sum(exp(z)) - y"
    ),
    Case(
      command: .jacobian, input: "softmax(z)", vectors: ["z"],
      expected: "diag(exp(z))/sum(exp(z)) - exp(z)*exp(z)'/sum(exp(z))^2"),
    Case(command: .simplify, input: "(A*B)'", matrices: ["A", "B"], expected: "B'*A'"),
    Case(command: .simplify, input: "((A')')", matrices: ["A"], expected: "A"),
    Case(command: .simplify, input: "A + A' + 2*A", matrices: ["A"], expected: "3*A + A'"),
    Case(command: .simplify, input: "S' - S", symmetric: ["S"], expected: "0"),
    Case(command: .simplify, input: "X*inv(X)*y", vectors: ["y"], matrices: ["X"], expected: "y"),
    Case(command: .simplify, input: "tanh(x).^2 + 1", vectors: ["x"], expected: "1 + tanh(x).^2"),
    // A 1×1 product inside a call or as a term needs no parentheses of its own (it printed
    // `exp((x'*x))`, `sign((x'*x) - 1)`); as a factor or under a power it keeps them.
    Case(command: .grad, input: "exp(x'*x)", vectors: ["x"], expected: "2*exp(x'*x)*x"),
    Case(command: .grad, input: "log(1 + x'*x)", vectors: ["x"], expected: "2*x/(1 + x'*x)"),
    Case(command: .grad, input: "max(x'*x, 1)", vectors: ["x"], expected: "(sign(x'*x - 1) + 1)*x"),
    Case(command: .grad, input: "(x'*x)^2", vectors: ["x"], expected: "4*(x'*x)*x"),
    // One scalar in every term is taken out: cos(…)*A + cos(…)*A' is cos(…)*(A + A').
    Case(command: .grad, input: "sin(x'*A*x)", vectors: ["x"], matrices: ["A"], expected: "cos(x'*A*x)*(A + A')*x"),
    // The terms that end alike grouped, and a fraction taken out (matrixcalculus.org's form).
    Case(
      command: .grad, input: "x'*Q*x/2 + c'*x", vectors: ["x", "c"], matrices: ["Q"], vars: ["x"],
      expected: "(Q + Q')*x/2 + c"),
  ]

  @Test(arguments: cases)
  func matrixForm(_ c: Case) throws {
    let form = try Self.run(c)
    #expect(form.text == c.expected)
    if let check = form.check {
      #expect(check.passed, "\(check.trials.map { "\($0.sizes): \($0.worstError)" })")
      #expect(check.trials.count == 4 && check.trials.allSatisfy { $0.compared > 0 })
    }
  }

  /// The printed answer reads back, in the same declarations, as an expression that prints the same.
  @Test(arguments: cases.filter { !$0.expected.contains("ones(") })
  func answerReadsBack(_ c: Case) throws {
    let back = Case(
      command: .simplify, input: c.expected, vectors: c.vectors, matrices: c.matrices, symmetric: c.symmetric,
      expected: c.expected)
    #expect(try Self.run(back).text == c.expected)
  }

  /// docs/rules.md's rows of the matrix rules, through `simplify` (x, y vectors; A, B, X
  /// matrices; S symmetric).
  @Test func ruleRowsOfTheDocs() throws {
    let doc = try TestFiles.read("docs/rules.md")
    let section = try #require(doc.split(separator: "## Matrix forms").last)
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count >= 14)
    for row in rows {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let input = String(cells[1].dropFirst().prefix { $0 != "`" })
      let output = String(cells[2].dropFirst().prefix { $0 != "`" })
      let form = try Self.run(
        Case(
          command: .simplify, input: input, vectors: ["x", "y"], matrices: ["A", "B", "X"], symmetric: ["S"],
          expected: ""))
      #expect(form.text == output, "\(cells[0]): \(input)")
    }
  }

  /// `--jvp V` and `--vjp U` against the Jacobian: for a vector variable J·v and uᵀ·J by
  /// expansion; for a matrix variable ⟨U, df⟩ = ⟨VJP, dX⟩ checked as the gradient of uᵀf.
  @Test func vectorProducts() throws {
    let engine = Engine()
    let kinds: [String: MatrixContext.Kind] = [
      "x": .vector, "b": .vector, "u": .vector, "v": .vector, "W": .matrix, "B": .matrix,
    ]
    let context = MatrixContext(pool: engine.pool, kinds: kinds)
    let calculus = MatrixCalculus(context: context, differentiator: engine.differentiator) {
      engine.simplifier.simplify($0)
    }
    let f = try MatrixParser.parse("B*tanh(W*x + b)", in: context)
    let (u, v) = (try MatrixParser.parse("u", in: context), try MatrixParser.parse("v", in: context))
    let j = try #require(try calculus.jacobian(f, "x"))
    func same(_ a: MatrixExpr?, _ b: MatrixExpr?) -> Bool {
      MatrixCheck.run(
        function: a!, result: b, command: .simplify, variables: [], context: context,
        differentiator: engine.differentiator
      ).passed
    }
    #expect(same(.product([j, v]), calculus.jvp(f, "x", direction: v)))
    #expect(same(.product([.transpose(u), j]), try calculus.vjp(f, "x", cotangent: u)))
    // Along the matrix W: the VJP is the gradient of u'*f.
    let uf = try MatrixParser.parse("u'*B*tanh(W*x + b)", in: context)
    #expect(same(try calculus.gradient(uf, "W"), try calculus.vjp(f, "W", cotangent: u)))
    #expect(
      MatrixPrinter(context: context).string(try calculus.vjp(f, "W", cotangent: u))
        == "(B'*u .* (1 - tanh(W*x + b).^2))*x'")
  }

  /// `--expand`: the answer written out at n=3 has, entry by entry, the values of the scalar
  /// engine's gradient of the written-out input (x'*A*x with x1…x3, A1_1…A3_3).
  @Test func expandAgreesWithTheScalarEngine() throws {
    var request = Self.request(Case(command: .grad, input: "x'*A*x", vectors: ["x"], matrices: ["A"], expected: ""))
    request.check = false
    request.expand = "n=3"
    let engine = Engine()
    let answer = try engine.run(request)
    guard case .matrix(let m) = answer.value else { throw Failure() }
    #expect(m.rows == 3 && m.columns == 1)
    let x = (1...3).map { "x\($0)" }
    let ax = (1...3).map { i in (1...3).map { j in "A\(i)_\(j)*x\(j)" }.joined(separator: " + ") }
    let written = (0..<3).map { "\(x[$0])*(\(ax[$0]))" }.joined(separator: " + ")
    let scalar = try engine.run(Request(command: .grad, inputs: [written], variables: x))
    guard case .matrix(let g) = scalar.value else { throw Failure() }
    var rng = SeededGenerator(seed: 19)
    var values: [String: Double] = [:]
    for name in x + (1...3).flatMap({ i in (1...3).map { "A\(i)_\($0)" } }) {
      values[name] = Double.random(in: -2...2, using: &rng)
    }
    for (a, b) in zip(engine.pool.evaluate(m.entries, values), engine.pool.evaluate(g.entries, values)) {
      #expect(isClose(a, b, relative: 1e-12))
    }
  }

  /// Deep input stays within reach: nested elementwise functions are one function (composed
  /// once), and printers and the differential ask "is it a function of its argument?" once per
  /// node (tanh nested 300 deep took 3.5 s at 200 before; the cost is measured in
  /// docs/performance.md, not asserted here). It runs on the large stack the command runs on:
  /// a debug build's frames put 300 levels within a few percent of a plain thread's 8 MiB.
  @Test func deepElementwiseNesting() throws {
    let input = String(repeating: "tanh(", count: 300) + "x" + String(repeating: ")", count: 300)
    let text = try DeepStack.run { () -> Result<String, Failure> in
      do {
        return .success(
          try Self.run(
            Case(command: .jacobian, input: input, vectors: ["x"], expected: ""),
            check: false
          ).text)
      } catch { return .failure(Failure()) }
    }.get()
    #expect(text.hasPrefix("diag("))
  }

  /// `--expand` errors name the sizes.
  @Test func expandErrors() {
    for (text, message) in [
      ("k=2", "'--expand' gives a size for 'k'; the sizes are 'n'"),
      ("n", "'--expand' takes sizes from 1 to 12 such as n=3,m=2, found 'n'"),
      ("n=13", "'--expand' takes sizes from 1 to 12 such as n=3,m=2, found 'n=13'"),
    ] {
      var request = Self.request(Case(command: .grad, input: "x'*x", vectors: ["x"], expected: ""), check: false)
      request.expand = text
      do {
        _ = try Engine().run(request)
        Issue.record("\(text) answered")
      } catch {
        #expect(error.message == message)
      }
    }
  }

  /// A wrong answer fails the check: the check compares values, it does not trust the answer.
  @Test func wrongAnswerFailsTheCheck() throws {
    let engine = Engine()
    let context = MatrixContext(pool: engine.pool, kinds: ["x": .vector, "A": .matrix])
    let f = try MatrixParser.parse("x'*A*x", in: context)
    for wrong in ["A*x", "2*A*x", "(A + A')*x + x", "A'*x"] {
      let answer = try MatrixParser.parse(wrong, in: context)
      let check = MatrixCheck.run(
        function: f, result: answer, command: .grad, variables: ["x"], context: context,
        differentiator: engine.differentiator)
      #expect(!check.passed, "\(wrong) passed")
    }
    let right = try MatrixParser.parse("A*x + A'*x", in: context)
    let check = MatrixCheck.run(
      function: f, result: right, command: .grad, variables: ["x"], context: context,
      differentiator: engine.differentiator)
    #expect(check.passed)
  }

  /// Size errors point at the operator; other errors at the construct.
  @Test(arguments: [
    ("x*y", ["x", "y"], [String](), "sizes do not agree for '*': n×1 and m×1", 1, 2),
    ("A*x + y'", ["x", "y"], ["A"], "sizes do not agree for '+': n×1 and 1×p", 4, 5),
    ("det(x)", ["x"], [], "'det' needs a square matrix, found n×1", 0, 6),
    ("A^2", [], ["A"], "a power of a n×m matrix other than '^-1' or '^T'", 1, 2),
    ("A/x", ["x"], ["A"], "'/' divides by a scalar, found p×1", 1, 2),
    ("atan2(x, x)", ["x"], [], "'atan2' does not apply to a vector or matrix", 0, 11),
    ("dot(x, A)", ["x"], ["A"], "'dot' takes two vectors, found n×1, m×p", 0, 9),
    ("x .* A", ["x"], ["A"], "sizes do not agree for '.*': n×1 and n×m", 2, 4),
    ("sinn(x)", ["x"], [], "unknown function 'sinn'; did you mean 'sin', 'sinh', 'sign' or 'sinc'?", 0, 7),
    ("(x", ["x"], [], "expected ')' to close '(' at column 1", 2, 2),
    ("x x", ["x"], [], "expected an operator before 'x'", 2, 3),
  ])
  func sizeErrors(
    _ input: String, _ vectors: [String], _ matrices: [String], _ message: String, _ start: Int, _ end: Int
  ) {
    var kinds: [String: MatrixContext.Kind] = [:]
    for v in vectors { kinds[v] = .vector }
    for m in matrices { kinds[m] = .matrix }
    do {
      _ = try MatrixParser.parse(input, in: MatrixContext(pool: ExpressionPool(), kinds: kinds))
      Issue.record("'\(input)' parsed")
    } catch {
      #expect(error.message.text == message)
      #expect(error.range == SourceRange(start, end), "\(error.range)")
    }
  }

  /// Requests the layer refuses, with their messages.
  @Test(arguments: [
    (
      Case(command: .grad, input: "A*x", vectors: ["x"], matrices: ["A"], expected: ""),
      "grad needs a scalar function; this one is n×1 (use 'jacobian')"
    ),
    (
      Case(command: .jacobian, input: "tanh(W*x)", vectors: ["x"], matrices: ["W"], vars: ["W"], expected: ""),
      "the Jacobian with respect to the matrix 'W' is a tensor; ask for its product with a direction "
        + "('--vjp g' with '--vector g', or '--jvp V') or take 'grad' of a scalar function of it"
    ),
    (
      Case(command: .grad, input: "x'*A*x", vectors: ["x"], matrices: ["A"], vars: ["c"], expected: ""),
      "'c' is not a declared vector or matrix; declare it with '--vector' or '--matrix'"
    ),
    (
      Case(command: .grad, input: "x'*x", vectors: ["x", "y"], vars: ["y"], expected: ""),
      "'y' does not occur in the function"
    ),
    (
      Case(command: .grad, input: "x'*A*x", vectors: ["x"], matrices: ["A", "x"], expected: ""), "'x' is declared twice"
    ),
    (
      Case(command: .jacobian, input: "A*B", matrices: ["A", "B"], vars: ["A"], expected: ""),
      "jacobian needs a vector or scalar function; this one is n×p"
    ),
  ])
  func refusals(_ c: Case, _ message: String) {
    do {
      _ = try Self.run(c, check: false)
      Issue.record("answered")
    } catch let error as JacError {
      #expect(error.message == message)
    } catch {
      Issue.record("\(error)")
    }
  }

  /// Without --vars the variables are the vectors mentioned; the matrices only if there is none.
  @Test func defaultVariables() throws {
    let answer = try Engine().run(
      Self.request(Case(command: .grad, input: "x'*A*x", vectors: ["x"], matrices: ["A"], expected: "")))
    #expect(answer.variables == ["x"])
    let m = try Engine().run(
      Self.request(Case(command: .grad, input: "tr(A*X)", matrices: ["A", "X"], vars: ["X"], expected: "")))
    #expect(m.variables == ["X"])
  }

  /// Shapes in symbolic sizes (JSON's "shape"): a gradient has the variable's shape.
  @Test func shapes() throws {
    #expect(try Self.run(Self.cases[0]).shape == ["n", "1"])
    #expect(try Self.run(Self.cases[5]).shape == ["n", "m"])
    #expect(try Self.run(Self.cases[10]).shape == ["n", "p"])
  }

  /// LaTeX: bold vectors, ^\top, \operatorname{diag}, Hadamard powers.
  @Test func latex() throws {
    #expect(try Self.run(Self.cases[0]).latex == "\\left(A + A^\\top\\right) \\mathbf{x}")
    #expect(
      try Self.run(Self.cases[10]).latex
        == "W_{2} \\operatorname{diag}\\left(1 - \\tanh(W_{1} \\mathbf{x} + \\mathbf{b_{1}})^{\\circ 2}\\right) W_{1}")
    #expect(try Self.run(Self.cases[6]).latex == "X^{-\\top}")
    // No parentheses inside an exponent's braces or a fraction's bar, nor around a number.
    let exp = Case(command: .grad, input: "exp(x'*x)", vectors: ["x"], expected: "")
    #expect(try Self.run(exp).latex == "2 e^{\\mathbf{x}^\\top \\mathbf{x}} \\mathbf{x}")
    let log = Case(command: .grad, input: "log(1 + x'*x)", vectors: ["x"], expected: "")
    #expect(try Self.run(log).latex == "\\frac{2}{1 + \\mathbf{x}^\\top \\mathbf{x}} \\mathbf{x}")
  }
}
