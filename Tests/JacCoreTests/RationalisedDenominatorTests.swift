import Testing

@testable import JacCore

/// `rationalise-denominator`: constant quotients with one square root below the bar are written
/// from their value in ℚ(√d), so equal values print alike. Every pair checked with SymPy 1.14:
/// `simplify(radsimp(input) - radsimp(expected)) == 0`.
@Suite struct RationalisedDenominatorTests {
  @Test(arguments: [
    ("1/(sqrt(2) + 1)", "sqrt(2) - 1"),
    ("9/(-5*sqrt(2) - 18)", "-9/(5*sqrt(2) + 18)"),
    ("9/(5*sqrt(2) + 18)", "9/(5*sqrt(2) + 18)"),
    ("-9/(-5*sqrt(2) - 18)", "9/(5*sqrt(2) + 18)"),
    ("-188/(444*sqrt(2) - 588)", "-47/(111*sqrt(2) - 147)"),
    ("sqrt(2)/(sqrt(2) + 1)", "2 - sqrt(2)"),
    ("1/(sqrt(2) + 1) + 1/(sqrt(2) - 1)", "2*sqrt(2)"),
    ("9/(-5*sqrt(2) - 18) + 9/(5*sqrt(2) + 18)", "0"),
    ("1/(sqrt(2) - 1)^2", "2*sqrt(2) + 3"),
    ("1/(2*sqrt(2) + 2)", "(sqrt(2) - 1)/2"),
    ("(2*sqrt(2) - 7)/(sqrt(2) - 128)", "41/(249*sqrt(2) + 892)"),
    ("x/(sqrt(2) + 1)", "x*(sqrt(2) - 1)"),
    ("2*x/(y*(1 - sqrt(3)))", "-x*(sqrt(3) + 1)/y"),
    ("(x + 1)/(-sqrt(3) + 1)", "-(x + 1)/(sqrt(3) - 1)"),
    ("sin(1/(sqrt(5) - 2))", "sin(sqrt(5) + 2)"),
    // Equal values, typed differently, print alike.
    ("45*sqrt(2)/274 - 81/137", "-9/(5*sqrt(2) + 18)"),
    ("3*(sqrt(2) + 1)", "3*sqrt(2) + 3"),
    ("2*x*(sqrt(2) + 1)", "2*x*(sqrt(2) + 1)"),
    ("x*(2*sqrt(2) + 2)", "2*x*(sqrt(2) + 1)"),
    ("-(7*sqrt(6)/12 + 1)*y", "-y*(7*sqrt(6)/12 + 1)"),
    ("(2 + sqrt(3))^5/(2 - sqrt(3))^4", "40545*sqrt(3) + 70226"),
    ("1/((sqrt(2) + 1)*(sqrt(3) + 1))", "(sqrt(2) - 1)*(sqrt(3) - 1)/2"),
  ])
  func rationalised(_ input: String, _ expected: String) {
    let f = Fixture()
    let got = f.simplify(input)
    #expect(f.text(got) == expected, "\(input)")
    #expect(f.simplify(f.text(got)) == got, "\(input): not a fixed point")
  }

  /// Left alone: symbols in the sum, two different square roots, another radical.
  @Test(arguments: [
    "1/(sqrt(2) + x)", "1/(sqrt(2) + sqrt(3))", "1/(2^(1/3) + 1)", "(sqrt(2) + 1)^2", "1/(pi + 1)",
  ])
  func leftAlone(_ input: String) {
    let f = Fixture()
    let simplifier = Simplifier(pool: f.pool)
    simplifier.trace = []
    _ = simplifier.simplify(f.parse(input))
    #expect(!simplifier.trace!.contains { $0.rules.contains(.rationaliseDenominator) }, "\(input)")
  }

  /// The field's arithmetic: (1 + √2)·(3 − 2√2) = −1 + √2, 1/(1 + √2) = −1 + √2, (1 + √2)⁻² = 3 − 2√2.
  @Test func fieldArithmetic() {
    let two = Rational(2)
    let a = QuadraticSurd(p: .one, q: .one)
    #expect(a.multiplied(by: QuadraticSurd(p: Rational(3), q: Rational(-2)), two) == QuadraticSurd(p: -.one, q: .one))
    #expect(a.reciprocal(two) == QuadraticSurd(p: -.one, q: .one))
    #expect(a.power(-2, two) == QuadraticSurd(p: Rational(3), q: Rational(-2)))
    #expect(QuadraticSurd(p: .zero, q: .zero).reciprocal(two) == nil)
  }
}
