import Testing

@testable import JacCore

/// `cancel-common-factor` past exact division: a denominator factor in one atom and the
/// numerator share their gcd (Euclid's algorithm), which cancels. Each row checked against
/// SymPy's `cancel`.
@Suite struct PolynomialGCDTests {
  @Test(arguments: [
    ("(x + 1)/(x^2 + 2*x + 1)", "1/(x + 1)"),
    ("(x^2 - 1)/(x^4 - 1)", "1/(x^2 + 1)"),
    ("(x^3 - 1)/(x^2 - 1)", "(x^2 + x + 1)/(x + 1)"),
    ("(x^2 - 1)/(x^2 - 2*x + 1)", "(x + 1)/(x - 1)"),
    ("(2*x + 2)/(3*x^2 - 3)", "2/(3*(x - 1))"),
    // The numerator's parts in x share the factor: x*y + y = y*(x + 1).
    ("(x*y + y)/(x^2 - 1)", "y/(x - 1)"),
    // A factor squared keeps what the numerator does not cancel: (x + 1)^4 over (x + 1)(x - 1).
    ("(x^2 - 1)/((x^2 + 2*x + 1)^2*y)", "(x - 1)/(y*(x + 1)^3)"),
    // The atom may be a call.
    ("(sin(x) + 1)/(sin(x)^2 + 2*sin(x) + 1)", "1/(sin(x) + 1)"),
    // Nothing shared: unchanged.
    ("(x + 2)/(x^2 + 1)", "(x + 2)/(x^2 + 1)"),
    ("(x*y + 1)/(x^2 - 1)", "(x*y + 1)/(x^2 - 1)"),
  ])
  func sharedFactorsCancel(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.simplify(input)) == expected)
  }

  /// The survey's case: d/dx atan(2x/(1 − x²)) printed 2*(x^2 + 1)/(2*x^2 + x^4 + 1).
  @Test func derivativeOfDoubleAngleArctangent() {
    let f = Fixture()
    let x = f.pool.symbol("x")
    let d = f.engine.simplifier.simplify(f.engine.differentiator.derivative(f.parse("atan(2*x/(1 - x^2))"), x))
    #expect(f.text(d) == "2/(x^2 + 1)")
  }

  /// Euclid's algorithm on polynomials in one atom, monic.
  @Test func univariateGCD() throws {
    let f = Fixture()
    let converter = RationalConverter(pool: f.pool, budget: Budget(100_000))
    let a = try converter.form(f.parse("x^4 - 1")).numerator
    let b = try converter.form(f.parse("2*x^3 + 2*x^2 - 2*x - 2")).numerator
    let g = try Polynomial.univariateGCD(a, b, budget: Budget(100_000))
    #expect(g == (try converter.form(f.parse("x^2 - 1")).numerator))
    let one = try Polynomial.univariateGCD(a, try converter.form(f.parse("x^2 + 3")).numerator, budget: Budget(1000))
    #expect(one == Polynomial(constant: .one))
  }
}
