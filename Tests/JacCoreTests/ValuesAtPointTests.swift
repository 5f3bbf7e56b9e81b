import Testing

@testable import JacCore

/// Values at a point (`--at`): exact where exact, certified decimals otherwise, and the options
/// read exactly (`--tol`, `--from`).
@Suite struct ValuesAtPointTests {
  /// Rational powers of exact numbers fold exactly; an odd root of a negative number is real
  /// (as the `Double` evaluation has always had it), an even one stays unevaluated.
  @Test(arguments: [
    ("(-8)^(2/3)", "4"), ("8^(1/3)", "2"), ("(-8)^(1/3)", "-2"), ("(-8)^(4/3)", "16"), ("(-27/8)^(-2/3)", "4/9"),
    ("(-2)^(1/3)", "-2^(1/3)"), ("(-2)^(2/3)", "2^(2/3)"), ("(-4)^(1/2)", "sqrt(-4)"), ("sqrt(2)", "sqrt(2)"),
  ])
  func exactRationalPowers(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected, "\(input)")
  }
}
