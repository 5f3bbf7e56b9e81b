import Testing

@testable import JacCore

/// `partial-common-factor`: a factor shared by some terms of a sum comes out of them, when that
/// has fewer operations (`Simplifier+PartialCommonFactor.swift`).
@Suite struct PartialCommonFactorTests {
  /// Inputs and answers, compared as text (the grouping is the point) and as expressions. Each
  /// answer was checked equal to its input with SymPy (`simplify(a - b) == 0`).
  @Test(arguments: [
    // The Hessian entry of x1²·x2 + exp(x1·x2) (issue of session 16).
    ("x1*x2*exp(x1*x2) + exp(x1*x2) + 2*x1", "exp(x1*x2)*(x1*x2 + 1) + 2*x1"),
    // What the group shares besides the call comes out with it (factor-common-monomial inside).
    ("a*sin(t)*x + a*sin(t)*y + b", "a*sin(t)*(x + y) + b"),
    // exp(2·u) holds exp(u): the Hessian of log(1 + exp(x·y)), off the diagonal.
    (
      "(x*y*exp(x*y) + exp(2*x*y) + exp(x*y))/(exp(x*y) + 1)^2",
      "exp(x*y)*(exp(x*y) + x*y + 1)/(exp(x*y) + 1)^2"
    ),
    // A group may group again inside.
    ("x*exp(x)*sin(y) + y*exp(x)*sin(y) + exp(x) + 3*z", "exp(x)*(sin(y)*(x + y) + 1) + 3*z"),
    // Out of part of a sum, only from terms that hold the factor to one power.
    ("x*cos(x)^2 + 2*y*cos(x)^2 + cos(x)^3 + x*sin(x) + y*sin(x)", "cos(x)^2*(x + 2*y) + sin(x)*(x + y) + cos(x)^3"),
    // Out of a whole sum, the power nearest 0 (exp(x*y) out of exp(2*x*y)).
    ("x*exp(x*y) + exp(2*x*y) + exp(3*x*y)*y", "exp(x*y)*(y*exp(2*x*y) + exp(x*y) + x)"),
    // A sum as the shared factor.
    ("(x + 1)*sin(x) + (x + 1)*cos(x) + y", "(x + 1)*(cos(x) + sin(x)) + y"),
  ])
  func grouped(_ input: String, _ expected: String) {
    let f = Fixture()
    let got = f.simplify(input)
    #expect(f.text(got) == expected)
    #expect(got == f.parse(expected))
  }

  /// Sums that stay: variables are not taken out of part of a polynomial (as SymPy's simplify
  /// leaves `a*x + a*y + b`); a factor one term holds; a grouping with no fewer operations.
  @Test(arguments: [
    "a*x + a*y + b", "x*exp(x) + y*exp(y) + 1", "2*x*y + 2*x*z + 1", "-l2*sin(q1 + q2) - l1*sin(q1)",
    "sin(x) + cos(x) + x",
    // A polynomial in a call stays expanded (not Horner's form, cos(x)^2*(2*cos(x) + x) + y).
    "x*cos(x)^2 + 2*cos(x)^3 + y",
  ])
  func stays(_ input: String) {
    let f = Fixture()
    #expect(f.text(f.simplify(input)) == f.text(f.parse(input)))
  }

  /// The grouped answer is a fixed point (a second simplification gives the same node) and keeps
  /// the value, on sums whose terms share calls at random (seed 16).
  @Test func fixedPointAndValue() {
    let seed: UInt64 = 16
    var rng = SeededGenerator(seed: seed)
    let f = Fixture()
    let atoms = ["x", "y", "2", "(-3)", "1/2", "exp(x)", "exp(2*x)", "sin(y)", "sin(y)^2", "cos(x*y)", "(x + 1)"]
    var grouped = 0
    for _ in 0..<200 {
      let terms = (0..<Int.random(in: 2...6, using: &rng)).map { _ in
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in atoms.randomElement(using: &rng)! }.joined(separator: "*")
      }
      let text = terms.joined(separator: " + ")
      let e = f.parse(text)
      let s = f.engine.simplifier.simplify(e)
      #expect(f.engine.simplifier.simplify(s) == s, "seed \(seed): not a fixed point: \(text) → \(f.text(s))")
      // A product with a sum in it where the input had none: something was taken out.
      if !text.contains("(x + 1)") && f.text(s).contains("*(") { grouped += 1 }
      for _ in 0..<3 {
        let point = ["x": Double.random(in: -2...2, using: &rng), "y": Double.random(in: -2...2, using: &rng)]
        let (a, b) = (f.pool.evaluate(e, point), f.pool.evaluate(s, point))
        guard a.isFinite, b.isFinite else { continue }
        #expect(isClose(a, b, relative: 1e-9, absolute: 1e-9), "seed \(seed): \(text) → \(f.text(s)) at \(point)")
      }
    }
    #expect(grouped > 20)
  }

  /// `--steps` names the rule.
  @Test func namedInSteps() {
    let f = Fixture()
    let simplifier = Simplifier(pool: f.pool)
    simplifier.trace = []
    let got = simplifier.simplify(f.parse("x*y*exp(x*y) + exp(x*y) + 2*x"))
    #expect(f.text(got) == "exp(x*y)*(x*y + 1) + 2*x")
    #expect(simplifier.trace!.map { $0.rules.map(\.rawValue) } == [["partial-common-factor", "prefer-shorter"]])
  }
}
