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
    ("gamma(1/3)", "2.6789385347077476"),
    ("gamma(sqrt(2))", "0.8865814287192592"),
    ("gamma(10^-300)", "1e+300"),
    ("gamma(-1/3)", "-4.062353818279202"),
    ("gamma(-7/2)", "0.2700882058522691"),
    ("gamma(-100 + 1/3)", "1.8061945708011585e-157"),
    ("gamma(-2 + 10^-20)", "5e+19"),
    ("gamma(1000/3)", "2.150371988584623e+695"),
    ("gamma(171 + 1/2)", "9.4833675668248e+307"),
    ("gamma(1000 + 1/3)", "4.0234255038336978e+2565"),
    ("gamma(pi)", "2.2880377953400324"),
    ("gamma(exp(-30))", "10686474581523.885"),
    ("loggamma(1/3)", "0.9854206469277671"),
    ("loggamma(sqrt(2))", "-0.1203823035189692"),
    ("loggamma(10^-300)", "690.7755278982137"),
    ("loggamma(10^20 + 1/2)", "4.505170185988091e+21"),
    ("loggamma(-3/2)", "0.860047015376481"),
    ("loggamma(1 + 10^-30)", "-5.772156649015328e-31"),
    ("loggamma(2 + 10^-30)", "4.227843350984672e-31"),
    ("loggamma(1000/3)", "1601.0622804759818"),
    ("digamma(1/3)", "-3.1320337800208063"),
    ("digamma(sqrt(2))", "-0.04690962626940851"),
    ("digamma(10^-300)", "-1e+300"),
    ("digamma(-1/3)", "1.6817655842134116"),
    ("digamma(-7/2)", "1.388870926359529"),
    ("digamma(-2 + 10^-20)", "-1e+20"),
    ("digamma(10^20)", "46.051701859880914"),
    ("digamma(1000/3)", "5.807642240314703"),
    ("digamma(pi)", "0.9772133079420068"),
    ("polygamma(1, 1/3)", "10.095597125427094"),
    ("polygamma(1, sqrt(2))", "1.0114791294395424"),
    ("polygamma(2, -7/2)", "-0.061556821321027695"),
    ("polygamma(3, 10^-10)", "6e+40"),
    ("polygamma(1, 10^20)", "1e-20"),
    ("polygamma(4, pi)", "-0.11057493125788627"),
    ("polygamma(2, -2 + 10^-5)", "-2000000000000000.2"),
    ("polygamma(7, 1000/3)", "1.5912398539872044e-15"),
    ("polygamma(30, 5/2)", "-1.2232990235199246e+20"),
    ("beta(1/3, 1/2)", "4.206546315976363"),
    ("beta(sqrt(2), pi)", "0.16132772104398513"),
    ("beta(1, 10^20)", "1e-20"),
    ("beta(1000/3, 1000/7)", "1.1706459605641358e-127"),
    ("beta(-1/3, 1/2)", "-1.2935547796148952"),
    ("beta(-7/2, -1/3)", "-3.270769610301978"),
    ("beta(1/2, -1/2)", "0"),
    ("beta(10^-300, 1/2)", "1e+300"),
    ("loggamma(-sqrt(2))", "0.9553036955738476"),
    ("beta(1/3 + sqrt(2), -sqrt(2))", "0.8912566483936186"),
    // Γ of each argument is past the exponent range, B is not.
    ("beta(-10^20 + 1/3, 10^20)", "6.285258707036325e-14"),
    ("beta(-10^20 - 1/3, 10^20)", "1.9238660372125183e-27"),
    ("loggamma(-sqrt(3))", "0.977394273217303"),
    // W₀: an ordinary argument, near and far from the branch point −1/e, huge and tiny ones.
    ("lambertw(1)", "0.5671432904097838"),
    ("lambertw(-1/4)", "-0.3574029561813889"),
    ("lambertw(-exp(-1) + 10^-20)", "-0.9999999997668356"),
    ("lambertw(-exp(-1) + 10^-600)", "-1.0"),
    ("lambertw(-2*exp(-2))", "-0.4063757399599599"),
    ("lambertw(10^1000)", "2294.846671683507"),
    ("lambertw(10^(10^10))", "23025850906.080574"),
    ("lambertw(exp(10^5))", "99988.48718966976"),
    ("lambertw(10^-300)", "1e-300"),
    ("lambertw(-10^-20)", "-1e-20"),
    ("lambertw(3)", "1.04990889496404"),
    ("lambertw(pi)", "1.0736581947961492"),
    ("lambertw(sqrt(2))", "0.7013383834136631"),
    ("lambertw(10^300)", "684.2472086297608"),
    ("lambertw(exp(-1/3)/3)", "0.19627794016817401"),
  ]

  @Test(arguments: specialReferences) func specialMatchesReference(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.decimal(expected)], "\(input)")
  }

  /// Outside the real domain or at a pole, proved so.
  @Test(arguments: [
    "asec(1/sqrt(3))", "asec(1 - 10^-30)", "acsc(-1 + 10^-30)", "asech(-sqrt(2))",
    "asech(1 + 10^-30)", "acoth(1/sqrt(2))", "acoth(-1 + 10^-30)", "lambertw(-1)", "lambertw(-exp(-1) - 10^-30)",
    "lambertw(-2/5)",
  ])
  func specialNotReal(_ input: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.notReal], "\(input)")
  }

  /// On a jump of a piecewise function, or on W₀'s branch point −1/e (real on one side only),
  /// without the simplifier knowing it: never a guess.
  @Test(arguments: [
    "sign(log(2) + log(3) - log(6))", "floor(log(8)/log(2))", "ceil(sqrt(2)*sqrt(3) + sqrt(5) - sqrt(11 + 2*sqrt(30)))",
    "heaviside(sqrt(2) + sqrt(3) - sqrt(5 + 2*sqrt(6)))",
    "atan2(atan(1/2) + atan(1/3) - pi/4, -1)", "acot(log(2) + log(3) - log(6))",
    "lambertw(-exp(-1) + log(2) + log(3) - log(6))",
  ])
  func specialOnAJumpIsUncertain(_ input: String) {
    let f = Fixture()
    let result = f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 1024)
    #expect(result == [.uncertain(nearZero: false)] || result == [.uncertain(nearZero: true)], "\(input)")
  }

  /// The gamma family and floor at arguments of huge or tiny magnitude: proved beyond the
  /// decimals, given, or said to be past the certified range, at once. Before, each formed an
  /// integer as long as the argument's exponent (⌊z⌉ of e^(−10^12) through z + ½, ⌊e^(10^12)⌋ for
  /// the recurrence's shift) and crashed allocating 180 GB; Γ(10^30000) ran for minutes at the
  /// 200,000 guard bits of an overflow.
  @Test func gammaFamilyFarOut() {
    let f = Fixture()
    let cases: [(String, CertifiedValue)] = [
      ("gamma(-exp(-10^12))", .beyondDecimals), ("gamma(exp(10^12))", .beyondDecimals),
      ("gamma(2^51)", .beyondDecimals), ("gamma(10^30000)", .beyondDecimals), ("loggamma(exp(10^12))", .beyondDecimals),
      ("digamma(exp(10^12))", .decimal("1000000000000.0")), ("loggamma(exp(-10^12))", .decimal("1000000000000.0")),
      ("gamma(-exp(10^12))", .unsupported), ("digamma(-exp(10^12))", .unsupported),
      ("polygamma(1, -exp(10^12))", .unsupported), ("beta(exp(10^12), exp(10^12))", .unsupported),
      ("floor(exp(10^12))", .uncertain(nearZero: false)),
    ]
    for (input, expected) in cases {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 640) == [expected], "\(input)")
    }
  }

  /// erfc past x = 2^25 is below 2^(−2^50): real, beyond the decimals (the exact form prints);
  /// erf there is 1 to every printed digit, and erfc(10^4) ≈ 10^(−43429453) is past the decimals.
  /// tanh, coth, sigmoid and softplus far out are 1 (or x) to every digit, not "beyond".
  @Test func errorFunctionFarOut() {
    let f = Fixture()
    let cases: [(String, CertifiedValue)] = [
      ("erfc(10^30)", .beyondDecimals), ("erfc(10^4)", .beyondDecimals), ("erf(-10^30)", .decimal("-1.0")),
      ("erfc(-10^30)", .decimal("2.0")), ("tanh(10^30)", .decimal("1.0")), ("coth(-10^30)", .decimal("-1.0")),
      ("sigmoid(2^49)", .decimal("1.0")), ("softplus(2^49)", .decimal("562949953421312.0")),
      ("sigmoid(-2^49)", .beyondDecimals), ("sech(10^30)", .beyondDecimals),
    ]
    for (input, expected) in cases {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [expected], "\(input)")
    }
  }

  /// The poles of Γ, log Γ, ψ, ψ⁽ⁿ⁾ and B (an exact integer ≤ 0 that the simplifier did not
  /// see: floor(−π) = −4), log Γ where Γ < 0, and an order of polygamma that is no integer ≥ 0.
  @Test(arguments: [
    "gamma(floor(-pi))", "loggamma(ceil(-exp(1)))", "digamma(ceil(-exp(1)))", "polygamma(2, floor(-pi))",
    "beta(floor(-pi), 1/3)", "loggamma(-1/2)", "loggamma(-5/2 - 10^-9)", "loggamma(-sqrt(1/2))",
    "polygamma(sqrt(2), 3)",
    "polygamma(-sqrt(2), 3)",
  ])
  func gammaFamilyNotReal(_ input: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.notReal], "\(input)")
  }

  /// At a pole in disguise, or an order that may be an integer: never a guess.
  @Test(arguments: [
    "gamma(log(2) + log(3) - log(6))", "polygamma(log(8)/log(2), 1)",
    "loggamma(1/3) + loggamma(2/3) - log(2*pi/sqrt(3))",
  ])
  func gammaFamilyUncertain(_ input: String) {
    let f = Fixture()
    let result = f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 1024)
    #expect(result == [.uncertain(nearZero: false)] || result == [.uncertain(nearZero: true)], "\(input)")
  }

  /// B₂ … B₃₀ from the tangent numbers, against SymPy's `bernoulli`.
  @Test func bernoulliNumbers() {
    let sympy = [
      (1, 6), (-1, 30), (1, 42), (-1, 30), (5, 66), (-691, 2730), (7, 6), (-3617, 510), (43867, 798),
      (-174611, 330), (854513, 138), (-236_364_091, 2730), (8_553_103, 6), (-23_749_461_029, 870),
      (8_615_841_276_005, 14322),
    ]
    let b = BallConstants.bernoulliNumbers(15)
    for (k, (n, d)) in sympy.enumerated() { #expect(b[k] == Rational(BigInt(n), BigInt(d)), "B\(2 * k + 2)") }
  }

  /// The balls of the special functions hold their value (60 digits from mpmath) at every
  /// precision, and are tight.
  @Test func specialBallsContainTheirValue() throws {
    let c = BallConstants()
    let third = Ball.exactly(Rational(BigInt(1), BigInt(3)), bits: 400)
    let tenThirds = Ball.exactly(Rational(BigInt(10), BigInt(3)), bits: 400)
    let cases: [(String, (Int) throws(BallFailure) -> Ball)] = [
      (
        "2.67893853470774763365569294097467764412868937795730110095043",
        { p throws(BallFailure) in try third.gamma(bits: p, c) }
      ),
      (
        "1.02178829109864191894125531256991714358116982122000919573142",
        { p throws(BallFailure) in try tenThirds.logGamma(bits: p, c) }
      ),
      (
        "-3.13203378002080632299641907428726885415542829672041806419275",
        { p throws(BallFailure) in try third.digamma(bits: p, c) }
      ),
      (
        "-55.1221223994016075524557559548150185690841906260297621657289",
        { p throws(BallFailure) in try Ball.polygamma(Ball(2), third, bits: p, c) }
      ),
      (
        "0.362648111766062933408178640147865879692141590372537239240019",
        { p throws(BallFailure) in try third.errorFunction(.erf, bits: p, c) }
      ),
      (
        "4.13703174651381023805390346736252459571019198594796245980591e-37",
        { p throws(BallFailure) in try Ball(9).errorFunction(.erfc, bits: p, c) }
      ),
      (
        "0.270088205852269108921625521271031646902483726647220895727818",
        { p throws(BallFailure) in try Ball(BigFloat(-7, exponent: -1)).gamma(bits: p, c) }
      ),
    ]
    for (reference, f) in cases {
      let negative = reference.hasPrefix("-")
      let r = DecimalNumber(parsing: String(reference.drop { $0 == "-" }))
      let digits = negative ? -r.digits : r.digits
      let (n, d) =
        r.exponent < 0 ? (digits, BigInt(10).power(-r.exponent)) : (digits * BigInt(10).power(r.exponent), BigInt.one)
      for bits in [53, 64, 100, 150, 180] {
        let y = try f(bits)
        // The reference's own error is below 10^-59 of it.
        let slack = BigFloat(1, exponent: y.mid.order - 196)
        #expect(
          y.lower.compare(numerator: n, denominator: d) <= 0
            || (y.lower - slack).compare(numerator: n, denominator: d) <= 0,
          "\(reference)")
        #expect(
          y.upper.compare(numerator: n, denominator: d) >= 0
            || (y.upper + slack).compare(numerator: n, denominator: d) >= 0,
          "\(reference)")
        #expect(y.rad.order <= y.mid.order - bits + 8, "radius \(y.rad) at \(bits) bits for \(reference)")
      }
    }
  }

  /// Past the certified limits of the gamma family (an order above 1000, a shift past 2^17, more
  /// than 2,560 bits: an exact 0 made of log Γ values) and of erf's series (x²·w past 2^21) the
  /// value is refused as such at once.
  @Test func specialFunctionLimits() {
    let f = Fixture()
    for input in [
      "polygamma(2, -10^7 + 1/3)", "polygamma(1001, 3/2)", "loggamma(1/3) + loggamma(2/3) - log(2*pi/sqrt(3))",
      "erfc(20*sqrt(2))*(log(2) + log(3) - log(6))",
    ] {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 5120) == [.unsupported], "\(input)")
    }
  }
}
