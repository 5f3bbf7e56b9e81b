import Testing

@testable import JacCore

/// `--assume` in matrix calculus: about the function's scalars, honoured by the simplifier
/// (sqrt(t²) = t for t > 0, checked against SymPy: ∇ₓ t·xᵀx = 2tx), and nothing of an earlier
/// request of the same engine carries over into a matrix request.
@Suite struct MatrixAssumptionsTests {
  static func request(_ input: String, assume: String? = nil) -> Request {
    var r = Request(command: .grad, inputs: [input])
    r.vectors = ["x"]
    r.assumptions = assume
    return r
  }

  static func text(_ answer: Answer) -> String? {
    guard case .matrixForm(let form) = answer.value else { return nil }
    return form.text
  }

  @Test func assumptionsAboutScalarsAreHonoured() throws {
    let engine = Engine()
    #expect(Self.text(try engine.run(Self.request("sqrt(t^2)*x'*x", assume: "t > 0"))) == "2*t*x")
    #expect(Self.text(try engine.run(Self.request("sqrt(t^2)*x'*x", assume: "t < 0"))) == "-2*t*x")
    let answer = try engine.run(Self.request("sqrt(t^2)*x'*x", assume: "t > 0"))
    #expect(answer.assumptions?.text == "t > 0")
  }

  /// A scalar request's assumption (t > 0) does not simplify a later matrix request that has none.
  @Test func anEarlierAssumptionDoesNotCarryOver() throws {
    let engine = Engine()
    var scalar = Request(command: .simplify, inputs: ["sqrt(t^2)"])
    scalar.assumptions = "t > 0"
    _ = try engine.run(scalar)
    let answer = try engine.run(Self.request("sqrt(t^2)*x'*x"))
    #expect(Self.text(answer) == "2*abs(t)*x")
    #expect(answer.assumptions == nil)
  }

  /// Each matrix request starts with the whole simplification budget (it shared one budget with
  /// every request before it, so a long batch's later answers could come out cut short).
  @Test func eachMatrixRequestHasItsOwnBudget() throws {
    let engine = Engine()
    let r = Self.request("tanh(W*x)'*tanh(W*x)")
    var matrices = r
    matrices.matrices = ["W"]
    _ = try engine.run(matrices)
    let left = engine.simplifier.requestRemaining
    #expect(left < Simplifier.budgetPerRequest)
    _ = try engine.run(matrices)
    #expect(engine.simplifier.requestRemaining == left)
  }

  @Test(arguments: [
    ("x > 0", "'x' is a vector; an assumption must be about a scalar", 0),
    ("t > 0, A > 0", "'A' is a matrix; an assumption must be about a scalar", 7),
    ("S >= 0", "'S' is a symmetric matrix; an assumption must be about a scalar", 0),
    ("q > 0", "'q' is not in the input; an assumption must be about it", 0),
  ])
  func assumptionsAboutVectorsAndMatricesAreErrors(_ assume: String, _ message: String, _ column: Int) {
    var r = Self.request("t*x'*A*x + x'*S*x", assume: assume)
    r.matrices = ["A"]
    r.symmetric = ["S"]
    #expect {
      try Engine().run(r)
    } throws: { error in
      guard case JacError.optionParse(let p, let option, _) = error else { return false }
      return option == "--assume" && p.message.text == message && p.range.start == column
    }
  }

  /// `--check` draws its scalars at random, not inside the assumptions: refused, not ignored.
  @Test func checkWithAssumptionsIsRefused() {
    var r = Self.request("sqrt(t^2)*x'*x", assume: "t < 0")
    r.check = true
    #expect(throws: JacError.matrixCalculus(.checkWithAssumptions)) { try Engine().run(r) }
  }
}
