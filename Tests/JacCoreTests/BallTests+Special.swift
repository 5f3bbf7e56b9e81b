import Testing

@testable import JacCore

/// Issue 16's functions on balls, against decimals computed once with mpmath at 400 digits and
/// the digit policy of ``DecimalDigits`` (the script is described in docs/architecture.md; the
/// tests need no Python): ordinary, large, tiny and near-singular arguments, and the domain
/// decisions at the poles and boundaries.
extension BallTests {
  /// (jac expression, the decimal jac must print).
  static let specialReferences: [(String, String)] = [
    ("sech(1/3)", "0.9469052537634979"),
    ("sech(-7/2)", "0.06033974412016765"),
    ("sech(10^-30)", "1.0"),
    ("sech(800)", "7.335749168355375e-348"),
    ("csch(1/3)", "2.9451562666948143"),
    ("csch(-7/2)", "-0.060449890009156106"),
    ("csch(10^-30)", "1e+30"),
    ("csch(1 + 10^-30)", "0.8509181282393216"),
    ("csch(800)", "7.335749168355375e-348"),
    ("coth(1/3)", "3.110296679619444"),
    ("coth(-7/2)", "-1.0018254285064434"),
    ("coth(10^-30)", "1e+30"),
    ("coth(40)", "1.0"),
    ("acot(1/3)", "1.2490457723982544"),
    ("acot(-7/2)", "-0.27829965900511135"),
    ("acot(10^30)", "1e-30"),
    ("acot(-10^-30)", "-1.5707963267948966"),
    ("asec(-7/2)", "1.8605480282309441"),
    ("asec(3)", "1.2309594173407747"),
    ("asec(1 + 10^-30)", "1.414213562373095e-15"),
    ("asec(-1 - 10^-30)", "3.141592653589792"),
    ("asec(10^300)", "1.5707963267948966"),
    ("acsc(-7/2)", "-0.28975170143604747"),
    ("acsc(3)", "0.3398369094541219"),
    ("acsc(1 + 10^-30)", "1.5707963267948952"),
    ("acsc(10^300)", "1e-300"),
    ("asech(1/3)", "1.762747174039086"),
    ("asech(1 - 10^-30)", "1.414213562373095e-15"),
    ("asech(10^-300)", "691.4686750787737"),
    ("acsch(1/3)", "1.8184464592320668"),
    ("acsch(-7/2)", "-0.2819632391899829"),
    ("acsch(10^-300)", "691.4686750787737"),
    ("acsch(10^300)", "1e-300"),
    ("acoth(-7/2)", "-0.2938933324510595"),
    ("acoth(1 + 10^-30)", "34.88534998519066"),
    ("acoth(10^300)", "1e-300"),
    ("sigmoid(1/3)", "0.5825702064623147"),
    ("sigmoid(-7/2)", "0.02931223075135632"),
    ("sigmoid(10^-30)", "0.5"),
    ("sigmoid(-800)", "3.6678745841776872e-348"),
    ("sigmoid(40)", "1.0"),
    ("softplus(1/3)", "0.8736389080227418"),
    ("softplus(-7/2)", "0.029750418272620566"),
    ("softplus(-800)", "3.6678745841776872e-348"),
    ("softplus(800)", "800.0"),
    ("softplus(10^-30)", "0.6931471805599453"),
    ("sign(sin(10^22))", "-1"),
    ("heaviside(sin(10^22))", "0"),
    ("heaviside(cos(10^22))", "1"),
    ("floor(10^20*pi)", "314159265358979323846"),
    ("ceil(-exp(50))", "-5184705528587072464087"),
    ("floor(sqrt(2)*10^30)", "1414213562373095048801688724209"),
    ("floor(-sqrt(2))", "-2"),
    ("relu(-pi)", "0"),
    ("relu(exp(-800))", "3.6678745841776872e-348"),
    ("relu(sin(10^22))", "0"),
    ("relu(cos(10^22))", "0.523214785395139"),
    ("atan2(1, sqrt(2))", "0.6154797086703874"),
    ("atan2(-sqrt(2), -1)", "-2.186276035465284"),
    ("atan2(sqrt(2), -1)", "2.186276035465284"),
    ("atan2(sqrt(3), 0)", "1.5707963267948966"),
    ("atan2(-exp(-800), -1)", "-3.141592653589793"),
    ("atan2(exp(-800), 1)", "3.6678745841776872e-348"),
    ("atan2(10^300*sqrt(2), -1)", "1.5707963267948966"),
    ("atan2(0, -sqrt(2))", "3.141592653589793"),
    ("max(sqrt(2), pi, exp(1))", "3.141592653589793"),
    ("min(sqrt(2), pi, exp(1))", "1.4142135623730951"),
    ("max(sin(10^22), cos(10^22))", "0.523214785395139"),
    ("min(sin(10^22), -exp(-800))", "-0.8522008497671888"),
    ("max(-exp(-800), -exp(-900))", "-1.3644772123656827e-391"),
    ("erf(1/3)", "0.36264811176606293"),
    ("erf(-2)", "-0.9953222650189527"),
    ("erf(10^-300)", "1.1283791670955126e-300"),
    ("erf(3)", "0.9999779095030014"),
    ("erf(6)", "1.0"),
    ("erf(10)", "1.0"),
    ("erf(-30)", "-1.0"),
    ("erf(10^30)", "1.0"),
    ("erf(sqrt(2))", "0.9544997361036416"),
    ("erfc(1/3)", "0.6373518882339371"),
    ("erfc(-2)", "1.9953222650189528"),
    ("erfc(10^-300)", "1.0"),
    ("erfc(3)", "2.209049699858544e-05"),
    ("erfc(6)", "2.1519736712498913e-17"),
    ("erfc(9)", "4.13703174651381e-37"),
    ("erfc(10)", "2.088487583762545e-45"),
    ("erfc(27)", "5.237048923789256e-319"),
    ("erfc(30)", "2.5646562037561117e-393"),
    ("erfc(-30)", "2.0"),
    ("erfc(sqrt(2))", "0.04550026389635842"),
    ("erfc(-10^30)", "2.0"),
    ("erfc(5*sqrt(5))", "2.5968070393401858e-56"),
  ]

  @Test(arguments: specialReferences) func specialMatchesReference(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.decimal(expected)], "\(input)")
  }

  /// Outside the real domain or at a pole, proved so.
  @Test(arguments: [
    "asec(1/sqrt(3))", "asec(1 - 10^-30)", "acsc(-1 + 10^-30)", "asech(-sqrt(2))",
    "asech(1 + 10^-30)", "acoth(1/sqrt(2))", "acoth(-1 + 10^-30)",
  ])
  func specialNotReal(_ input: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.notReal], "\(input)")
  }

  /// On a jump of a piecewise function without the simplifier knowing it: never a guess.
  @Test(arguments: [
    "sign(log(2) + log(3) - log(6))", "floor(log(8)/log(2))", "ceil(sqrt(2)*sqrt(8))",
    "heaviside(sqrt(2)*sqrt(3) - sqrt(6))",
    "atan2(atan(1/2) + atan(1/3) - pi/4, -1)", "acot(log(2) + log(3) - log(6))",
  ])
  func specialOnAJumpIsUncertain(_ input: String) {
    let f = Fixture()
    let result = f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 1024)
    #expect(result == [.uncertain(nearZero: false)] || result == [.uncertain(nearZero: true)], "\(input)")
  }

  /// erfc past x = 2^25 is below 2^(−2^50): real, beyond the decimals (the exact form prints);
  /// erf there is 1 to every printed digit, and erfc(10^4) ≈ 10^(−43429453) is past the decimals.
  @Test func errorFunctionFarOut() {
    let f = Fixture()
    let cases: [(String, CertifiedValue)] = [
      ("erfc(10^30)", .beyondDecimals), ("erfc(10^4)", .beyondDecimals), ("erf(-10^30)", .decimal("-1.0")),
      ("erfc(-10^30)", .decimal("2.0")),
    ]
    for (input, expected) in cases {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [expected], "\(input)")
    }
  }
}
