import Testing

@testable import JacCore

/// Ball arithmetic and the certified values at a point: every elementary function on ordinary,
/// huge (10^300, 10^600), tiny (10^-300) and near-singular arguments, against decimals computed
/// once with mpmath at 2,500 digits and the digit policy of ``DecimalDigits`` (the reference
/// script is described in docs/architecture.md; the tests need no Python).
@Suite struct BallTests {
  /// (jac expression, the decimal jac must print).
  static let references: [(String, String)] = [
    ("sin(1/2)", "0.479425538604203"),
    ("sin(2)", "0.9092974268256817"),
    ("sin(-5/3)", "-0.9954079577517649"),
    ("sin(10^22)", "-0.8522008497671888"),
    ("sin(355)", "-3.014435335948845e-05"),
    ("sin(10^300)", "-0.985750425160377"),
    ("sin(10^600)", "0.9825744561104065"),
    ("sin(10^-300)", "1e-300"),
    // An exact argument of 16,610 bits is reduced exactly (π to 16,700 bits), and so is a
    // fraction of that size.
    ("sin(10^5000)", "0.6861601090482926"),
    ("cos(10^5000/3)", "-0.9683992790271317"),
    ("cos(1/2)", "0.8775825618903728"),
    ("cos(2)", "-0.4161468365471424"),
    ("cos(-5/3)", "-0.09572354801437559"),
    ("cos(10^22)", "0.523214785395139"),
    ("cos(10^300)", "-0.16821444437424507"),
    ("cos(10^600)", "-0.18586941168287707"),
    ("cos(10^-300)", "1.0"),
    ("cos(pi/2 + 10^-40)", "-1e-40"),
    ("tan(1/2)", "0.5463024898437905"),
    ("tan(-5/3)", "10.398778340333525"),
    ("tan(10^300)", "5.860081925944898"),
    ("tan(10^-300)", "1e-300"),
    ("tan(pi/2 - 10^-30)", "1e+30"),
    ("cot(1/2)", "1.830487721712452"),
    ("cot(10^600)", "-0.1891657273675268"),
    ("cot(10^-300)", "1e+300"),
    ("sec(2)", "-2.402997961722381"),
    ("sec(10^300)", "-5.944792694349069"),
    ("csc(-5/3)", "-1.0046132263786665"),
    ("csc(10^-300)", "1e+300"),
    ("csc(10^600)", "1.0177345785667722"),
    ("asin(1/2)", "0.5235987755982989"),
    ("asin(-1/3)", "-0.3398369094541219"),
    ("asin(1 - 10^-30)", "1.5707963267948952"),
    ("asin(10^-300)", "1e-300"),
    ("acos(1/2)", "1.0471975511965977"),
    ("acos(-1/3)", "1.9106332362490186"),
    ("acos(1 - 10^-30)", "1.414213562373095e-15"),
    ("acos(-1 + 10^-20)", "3.141592653448372"),
    ("acos(10^-300)", "1.5707963267948966"),
    ("atan(1/2)", "0.4636476090008061"),
    ("atan(2)", "1.1071487177940905"),
    ("atan(10^300)", "1.5707963267948966"),
    ("atan(-10^600)", "-1.5707963267948966"),
    ("atan(10^-300)", "1e-300"),
    ("sinh(1/2)", "0.5210953054937474"),
    ("sinh(10^-300)", "1e-300"),
    ("sinh(20)", "242582597.70489514"),
    ("sinh(-700)", "-5.0711602736750225e+303"),
    ("sinh(1000)", "9.850355570085235e+433"),
    ("sinh(80000)", "1.8093486657004376e+34743"),
    ("cosh(1/2)", "1.1276259652063807"),
    ("cosh(10^-300)", "1.0"),
    ("cosh(-20)", "242582597.70489514"),
    ("cosh(1000)", "9.850355570085235e+433"),
    ("tanh(1/2)", "0.46211715726000976"),
    ("tanh(10^-300)", "1e-300"),
    ("tanh(-20)", "-1.0"),
    ("tanh(1000)", "1.0"),
    ("asinh(1/2)", "0.48121182505960345"),
    ("asinh(10^-300)", "1e-300"),
    ("asinh(10^300)", "691.4686750787737"),
    ("asinh(-10^600)", "-1382.2442029769873"),
    ("acosh(1 + 10^-30)", "1.414213562373095e-15"),
    ("acosh(2)", "1.3169578969248168"),
    ("acosh(10^300)", "691.4686750787737"),
    ("atanh(1/2)", "0.5493061443340549"),
    ("atanh(10^-300)", "1e-300"),
    ("atanh(1 - 10^-30)", "34.88534998519066"),
    ("atanh(-1/3)", "-0.34657359027997265"),
    ("exp(1/2)", "1.6487212707001282"),
    ("exp(-1/2)", "0.6065306597126334"),
    ("exp(700)", "1.0142320547350045e+304"),
    ("exp(710)", "2.233994766161711e+308"),
    ("exp(-745)", "2.822350730471937e-324"),
    ("exp(-800)", "3.6678745841776872e-348"),
    ("exp(10^-300)", "1.0"),
    ("exp(1000)", "1.970071114017047e+434"),
    ("log(1/2)", "-0.6931471805599453"),
    ("log(2)", "0.6931471805599453"),
    ("log(10^300)", "690.7755278982137"),
    ("log(10^-300)", "-690.7755278982137"),
    ("log(1 + 10^-30)", "1e-30"),
    ("log(3^2000)", "2197.224577336219"),
    ("log(10^600)", "1381.5510557964274"),
    ("2^(1/3)", "1.2599210498948732"),
    ("(-2)^(1/3)", "-1.2599210498948732"),
    ("2^pi", "8.824977827076287"),
    ("pi^pi", "36.46215960720791"),
    ("(10^300)^(1/7)", "7.19685673001152e+42"),
    ("3^(-1/2)", "0.5773502691896257"),
    ("2^sqrt(2)", "2.665144142690225"),
    ("pi", "3.141592653589793"),
    ("exp(1)", "2.718281828459045"),
    ("pi^100", "5.187848314319613e+49"),
    ("exp(pi*sqrt(163))", "2.6253741264076874e+17"),
    ("sqrt(2)", "1.4142135623730951"),
    ("abs(-pi)", "3.141592653589793"),
    ("3^(1/2)*3^2000", "3.027401813072643e+954"),
    ("(1/3)^(10^4 + 1/2)", "3.539094636927186e-4772"),
    ("sqrt(10^-301)", "3.162277660168379e-151"),
  ]

  @Test(arguments: references) func decimalMatchesReference(_ input: String, _ expected: String) {
    let f = Fixture()
    let e = f.parse(input)
    #expect(f.pool.certifiedValues([e], digits: true) == [.decimal(expected)], "\(input)")
  }

  /// Values that are undefined or not real are proved so: a ball wholly outside the domain.
  @Test(arguments: [
    "asin(2)", "acos(-3/2)", "acosh(1/2)", "atanh(2)", "log(-1)", "log(sin(4))", "(-2)^(1/2)", "(-2)^pi",
    "sqrt(1 - pi)", "log(-exp(10^3))", "asin(1 + 10^-30)", "acosh(1 - 10^-40)",
  ])
  func notReal(_ input: String) {
    let f = Fixture()
    #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.notReal], "\(input)")
  }

  /// An exact 0 the simplifier does not see is never printed as a guess: the ball keeps 0 at
  /// every precision up to the limit (here 2,048 bits, to keep the debug test quick).
  @Test(arguments: [
    "log(2) + log(3) - log(6)", "atan(1/2) + atan(1/3) - pi/4", "sqrt(2) + sqrt(3) - sqrt(5 + 2*sqrt(6))",
  ])
  func exactZeroIsUncertain(_ input: String) {
    let f = Fixture()
    let e = f.parse(input)
    #expect(f.pool.certifiedValues([e], digits: true, maxBits: 2048) == [.uncertain(nearZero: true)])
    // Deciding only whether it is real needs no digits.
    #expect(f.pool.certifiedValues([e], digits: false, maxBits: 2048) == [.real])
  }

  /// log(0 + something not provably 0) and 1/(an exact 0 in disguise) cannot be decided.
  @Test func undecidedDomain() {
    let f = Fixture()
    for input in ["log(log(2) + log(3) - log(6))", "1/(sqrt(2) + sqrt(3) - sqrt(5 + 2*sqrt(6)))"] {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: false, maxBits: 1024) == [.uncertain(nearZero: false)])
    }
  }

  /// A value past 2^±130000 keeps its exact form; one past the exponent range too, through the
  /// functions defined everywhere; in a function that needs its sign, it is undecidable.
  @Test func beyondTheDecimalRange() {
    let f = Fixture()
    for input in ["exp(10^6)", "exp(-10^6)", "sin(exp(10^30))", "exp(10^30) + 1"] {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true) == [.beyondDecimals], "\(input)")
    }
    #expect(f.pool.certifiedValues([f.parse("log(exp(10^30) - 1)")], digits: true) == [.outOfRange])
  }

  /// Extreme arguments cost no more than ordinary ones: the series are summed as ratios, so
  /// tan of 10^-(1.1e9) needs no billion-bit fixed point; an exponent of 2^178,000,000 stops at
  /// once as out of range; an argument too long to reduce is undecided, not a hang. log(1 + x)
  /// of a tiny x (softplus, atanh, asinh, acoth, acsch) is x to every bit the ball keeps: before,
  /// the exact 2 + x took a bit per unit of x's exponent, 70 s for softplus(-10^10), hours here.
  @Test func extremeArguments() {
    let f = Fixture()
    let cases: [(String, CertifiedValue)] = [
      ("1 - tan((1/1000000007)^123456789)", .decimal("1.0")),
      ("tan((1/1000000007)^123456789)", .beyondDecimals),
      ("1 + sin(10^-100000)", .decimal("1.0")),
      ("atan(10^-100000)*10^100000", .decimal("1.0")),
      ("(1/2)^cosh(123456789)", .beyondDecimals),
      ("sqrt((1/2)^cosh(123456789))", .outOfRange),
      ("sin(2^1000000)", .uncertain(nearZero: false)),
      ("softplus(-10^12)", .beyondDecimals),
      ("softplus(-10^12)*exp(10^12)", .decimal("1.0")),
      ("atanh(exp(-10^12))*exp(10^12)", .decimal("1.0")),
      ("asinh(-exp(-10^12))*exp(10^12)", .decimal("-1.0")),
      ("acoth(exp(10^12))*exp(10^12)", .decimal("1.0")),
      ("acsch(exp(10^12))*exp(10^12)", .decimal("1.0")),
    ]
    for (input, expected) in cases {
      #expect(f.pool.certifiedValues([f.parse(input)], digits: true, maxBits: 640) == [expected], "\(input)")
    }
  }

  /// The midpoint–radius invariant at several precisions: the ball holds the reference value
  /// (60 digits from mpmath; its own error is below 10^-58 of it).
  @Test func ballsContainTheirValue() throws {
    let c = BallConstants()
    let cases: [(Ball, (Ball, Int) throws(BallFailure) -> Ball, String)] = [
      (
        Ball(1), { x, p throws(BallFailure) in try x.exp(bits: p, c) },
        "2.71828182845904523536028747135266249775724709369995957496697"
      ),
      (
        Ball(3), { x, p throws(BallFailure) in try x.log(bits: p, c) },
        "1.09861228866810969139524523692252570464749055782274945173469"
      ),
      (
        Ball(2), { x, p throws(BallFailure) in try x.atan(bits: p, c) },
        "1.10714871779409050301706546017853704007004764540143264667654"
      ),
      (
        Ball(1000), { x, p throws(BallFailure) in try x.sinCos(bits: p, c).sin },
        "0.826879540532002560255887429109218141212724967847788320908123"
      ),
      (
        Ball(2), { x, p throws(BallFailure) in try x.squareRoot(bits: p) },
        "1.41421356237309504880168872420969807856967187537694807317668"
      ),
      (
        Ball(BigFloat(1), Mag.power2(-70)), { x, p throws(BallFailure) in try x.exp(bits: p, c) },
        "2.71828182845904523536028747135266249775724709369995957496697"
      ),
    ]
    for (x, f, reference) in cases {
      let r = DecimalNumber(parsing: reference)
      let (n, d) = (r.digits, BigInt(10).power(-r.exponent))
      for bits in [53, 64, 100, 150, 190] {
        let y = try f(x, bits)
        let slack = BigFloat(BigInt(1), exponent: -194)
        #expect(
          y.lower.compare(numerator: n, denominator: d) <= 0
            || (y.lower - slack).compare(numerator: n, denominator: d) <= 0)
        #expect(
          y.upper.compare(numerator: n, denominator: d) >= 0
            || (y.upper + slack).compare(numerator: n, denominator: d) >= 0)
        // And it is tight: the radius is near the precision asked for.
        #expect(y.rad.order <= -bits + 8 || !x.rad.isZero, "radius \(y.rad) at \(bits) bits")
      }
    }
  }

  /// The shortest-digits algorithm used beyond the double range agrees with Swift's
  /// `description` inside it (seed 41), and the formatting matches Swift's.
  @Test func shortestDigitsMatchSwift() {
    var rng = SeededGenerator(seed: 41)
    for _ in 0..<3000 {
      let x = Double(
        sign: .plus, exponent: Int.random(in: -1000...1000, using: &rng),
        significand: Double.random(in: 1..<2, using: &rng))
      let m = BigInt(Int64(x.significandBitPattern | (1 << 52)))
      let d = DecimalNumber.shortest(m, Int(x.exponent) - 52)
      #expect(d.text(negative: false) == x.description, "\(x)")
    }
    for _ in 0..<2000 {
      // Where the layout changes: near 10⁻⁴ and 2⁵³.
      let x =
        Bool.random(using: &rng)
        ? Double.random(in: 5e-5..<2e-4, using: &rng) : Double.random(in: 1e15..<2e16, using: &rng)
      let m = BigInt(Int64(x.significandBitPattern | (1 << 52)))
      #expect(DecimalNumber.shortest(m, Int(x.exponent) - 52).text(negative: false) == x.description, "\(x)")
    }
    for x in [1e16, 1e15, 123456.0, 0.0001, 0.00001, 1.5e-7, 9007199254740992.0, 9007199254740994.0, 1.0, 100.0] {
      let m = BigInt(Int64(x.significandBitPattern | (1 << 52)))
      #expect(DecimalNumber.shortest(m, Int(x.exponent) - 52).text(negative: false) == x.description)
    }
  }

  /// Integer square roots and Karatsuba products against their definitions (seed 43).
  @Test func integerKernels() {
    var rng = SeededGenerator(seed: 43)
    for _ in 0..<200 {
      let n = BigIntTests.random(limbs: Int.random(in: 1...120, using: &rng), using: &rng).magnitude
      let r = n.squareRootFloor()
      #expect(r * r <= n && (r + .one) * (r + .one) > n)
      let a = BigIntTests.random(limbs: Int.random(in: 40...150, using: &rng), using: &rng)
      let b = BigIntTests.random(limbs: Int.random(in: 40...150, using: &rng), using: &rng)
      let (an, am) = a.signAndMagnitude
      let (bn, bm) = b.signAndMagnitude
      var schoolbook = [UInt32](repeating: 0, count: am.count + bm.count)
      schoolbook.withUnsafeMutableBufferPointer { r in
        am.withUnsafeBufferPointer { x in bm.withUnsafeBufferPointer { y in Limbs.schoolbook(x, y, into: r) } }
      }
      #expect(a * b == BigInt(negative: an != bn, magnitude: schoolbook))
    }
  }

  /// Rounding keeps what it drops in its error bound, and rounding to nearest is exact at ties.
  @Test func bigFloatRounding() {
    var rng = SeededGenerator(seed: 47)
    for _ in 0..<500 {
      let x = BigFloat(
        BigIntTests.random(limbs: Int.random(in: 1...6, using: &rng), using: &rng),
        exponent: Int.random(in: -200...200, using: &rng))
      let bits = Int.random(in: 2...100, using: &rng)
      let (t, error) = x.truncated(bits)
      #expect(t.width <= bits)
      let gap = (x - t).magnitude
      #expect(
        BigFloat.compare(gap, error.bigFloat) <= 0
          && (error.isZero ? gap.isZero : BigFloat.compare(gap, error.bigFloat) < 0))
      let n = x.roundedToNearest(bits)
      let half = BigFloat(1, exponent: x.order - bits - 1)
      #expect(BigFloat.compare((x - n).magnitude, half) <= 0)
    }
    #expect(BigFloat.compare(BigFloat(BigInt(5), exponent: 0).roundedToNearest(2), BigFloat(4)) == 0)
    #expect(BigFloat.compare(BigFloat(BigInt(7), exponent: 0).roundedToNearest(2), BigFloat(8)) == 0)
  }
}
