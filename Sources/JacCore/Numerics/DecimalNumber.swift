#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A positive decimal `digits · 10^exponent`, read from or written in Swift's style for
/// `Double`: positional from 10⁻⁴ to 2⁵³ (`0.0001`, `1234567.0`, `9007199254740992.0`), else
/// scientific with at least two exponent digits (`1e-05`, `9.868221827117338e+15`,
/// `1.2345678901234568e+954`).
struct DecimalNumber: Equatable {
  var digits: BigInt
  var exponent: Int

  init(digits: BigInt, exponent: Int) {
    self.digits = digits
    self.exponent = exponent
  }

  /// Reads `1.25`, `1e-05`, `1.0` (a zero after the point is a digit: `1.0` claims 0.1).
  init(parsing text: String) {
    let parts = text.split(separator: "e")
    var mantissa = String(parts[0])
    var exponent = 0
    if parts.count > 1 {
      let e = parts[1].first == "+" ? parts[1].dropFirst() : parts[1]
      exponent = Int(e)!
    }
    if let dot = mantissa.firstIndex(of: ".") {
      exponent -= mantissa.distance(from: dot, to: mantissa.endIndex) - 1
      mantissa.remove(at: dot)
    }
    self.init(digits: BigInt(decimalDigits: Array(mantissa.utf8))!, exponent: exponent)
  }

  /// The decimal exponent of the leading digit.
  var leadingExponent: Int { exponent + digits.description.count - 1 }

  /// `digits` without trailing zeros (the exponent raised to match).
  var trimmed: DecimalNumber {
    var d = self
    let ten = BigInt(10)
    while !d.digits.isZero {
      let (q, r) = d.digits.quotientAndRemainder(dividingBy: ten)
      if !r.isZero { break }
      d = DecimalNumber(digits: q, exponent: d.exponent + 1)
    }
    return d
  }

  /// digits·10^exponent ≤ 2⁵³.
  private var isAtMost2to53: Bool {
    let limit = BigInt(1 << 53)
    return exponent >= 0 ? digits * BigInt(10).power(exponent) <= limit : digits <= limit * BigInt(10).power(-exponent)
  }

  /// The text in Swift's style.
  func text(negative: Bool) -> String {
    let t = trimmed
    let s = t.digits.description
    let e = t.leadingExponent
    var body: String
    let positional = e >= -4 && (e < 15 || (e == 15 && t.isAtMost2to53))
    if positional {
      if e >= 0 {
        let whole = s.count > e + 1 ? String(s.prefix(e + 1)) : s + String(repeating: "0", count: e + 1 - s.count)
        let fraction = s.count > e + 1 ? String(s.dropFirst(e + 1)) : "0"
        body = whole + "." + fraction
      } else {
        body = "0." + String(repeating: "0", count: -e - 1) + s
      }
    } else {
      body = String(s.prefix(1)) + (s.count > 1 ? "." + s.dropFirst() : "")
      body += "e" + (e < 0 ? "-" : "+") + (Swift.abs(e) < 10 ? "0" : "") + String(Swift.abs(e))
    }
    return (negative ? "-" : "") + body
  }

  /// Whether every point of [lower, upper] (positive) lies within one unit of the last digit:
  /// true, false (none does), or nil (some do).
  func contains(lower: BigFloat, upper: BigFloat) -> Bool? {
    let below = fraction(digits - .one)
    let above = fraction(digits + .one)
    let lowerAbove = lower.compare(numerator: below.n, denominator: below.d) > 0
    let upperBelow = upper.compare(numerator: above.n, denominator: above.d) < 0
    if lowerAbove && upperBelow { return true }
    if upper.compare(numerator: below.n, denominator: below.d) <= 0
      || lower.compare(numerator: above.n, denominator: above.d) >= 0
    {
      return false
    }
    return nil
  }

  /// k·10^exponent as n/d.
  private func fraction(_ k: BigInt) -> (n: BigInt, d: BigInt) {
    exponent >= 0 ? (k * BigInt(10).power(exponent), .one) : (k, BigInt(10).power(-exponent))
  }

  /// ⌊y/10^q⌋ for y > 0, and whether the division is exact.
  static func floorQuotient(_ y: BigFloat, _ q: Int) -> (BigInt, exact: Bool) {
    var n = y.mantissa.shiftedLeft(max(y.exponent, 0))
    var d = BigInt.one.shiftedLeft(max(-y.exponent, 0))
    if q >= 0 { d *= BigInt(10).power(q) } else { n *= BigInt(10).power(-q) }
    let (k, r) = n.quotientAndRemainder(dividingBy: d)
    return (k, r.isZero)
  }

  /// The shortest decimal that reads back as D = M·2^e (2^52 ≤ M < 2^53) under round-to-nearest-
  /// even at 53 bits with an unbounded exponent; of several, the nearest D (Steele & White's
  /// criterion, as Swift's `description` applies it to doubles). For each length n = 1, 2, …:
  /// the multiples k·10^q (q = E − n + 1, E = D's decimal exponent) inside D's rounding
  /// interval, its ends included when M is even.
  static func shortest(_ m: BigInt, _ e: Int) -> DecimalNumber {
    let d = BigFloat(m, exponent: e)
    let lowGap = m == BigInt.one.shiftedLeft(52) ? 1 : 2
    let below = BigFloat(m.shiftedLeft(2) - BigInt(lowGap), exponent: e - 2)
    let above = BigFloat(m.shiftedLeft(2) + BigInt(2), exponent: e - 2)
    let inclusive = m.isEven
    let top = decimalExponent(d)
    for n in 1...17 {
      let q = top - n + 1
      var (high, highExact) = floorQuotient(above, q)
      if highExact && !inclusive { high -= .one }
      let (lowFloor, lowExact) = floorQuotient(below, q)
      let low = lowExact && inclusive ? lowFloor : lowFloor + .one
      guard low <= high else { continue }
      // The multiple nearest D: ⌊D/10^q⌋ or one more (⌊2D/10^q⌋ tells), ties to even.
      let (floorD, _) = floorQuotient(d, q)
      let (twice, tie) = floorQuotient(d.scaled(1), q)
      var k = floorD
      if twice != floorD.shiftedLeft(1) && !(tie && floorD.isEven) { k += .one }
      if k < low { k = low }
      if k > high { k = high }
      return DecimalNumber(digits: k, exponent: q).trimmed
    }
    return DecimalNumber(digits: floorQuotient(d, top - 16).0, exponent: top - 16).trimmed
  }

  /// ⌊log₁₀ y⌋ for y > 0: estimated in `Double`, then corrected by exact comparisons.
  static func decimalExponent(_ y: BigFloat) -> Int {
    let (topBits, shift) = y.mantissa.leadingBits(60)
    var k = Int((log10(Double(topBits)) + Double(shift + y.exponent) * 0.301_029_995_663_981_2).rounded(.down))
    func atLeast(_ k: Int) -> Bool {
      k >= 0
        ? y.compare(numerator: BigInt(10).power(k), denominator: .one) >= 0
        : y.compare(numerator: .one, denominator: BigInt(10).power(-k)) >= 0
    }
    while !atLeast(k) { k -= 1 }
    while atLeast(k + 1) { k += 1 }
    return k
  }

  /// [lower, upper] (positive) rounded correctly to 17 significant digits at the decimal
  /// exponent of `near` (round half up), or nil when the ends round differently.
  static func correctlyRounded(lower: BigFloat, upper: BigFloat, near: DecimalNumber) -> DecimalNumber? {
    var q = near.leadingExponent - 16
    func rounded(_ y: BigFloat) -> BigInt { (floorQuotient(y.scaled(1), q).0 + .one).shiftedTowardZero(1) }
    var k = rounded(lower)
    guard k == rounded(upper) else { return nil }
    if k == BigInt(10).power(17) {
      k = BigInt(10).power(16)
      q += 1
    }
    return DecimalNumber(digits: k, exponent: q).trimmed
  }
}
