/// An exact rational number `numerator/denominator`.
///
/// Invariants: `denominator > 0` and `gcd(numerator, denominator) == 1`, so equal values have
/// equal fields (and `Hashable` is structural).
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let numerator: BigInt
  public let denominator: BigInt

  public init(_ n: BigInt) {
    numerator = n
    denominator = .one
  }
  public init(_ n: Int) { self.init(BigInt(n)) }

  /// `n/d` reduced to lowest terms; `d` must not be zero.
  public init(_ n: BigInt, _ d: BigInt) {
    precondition(!d.isZero, "zero denominator")
    let g = BigInt.gcd(n, d)
    var num = g == .one ? n : n / g
    var den = g == .one ? d : d / g
    if den.isNegative {
      num = -num
      den = -den
    }
    numerator = num
    denominator = den
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)
  public static let minusOne = Rational(-1)
  public static let half = Rational(BigInt(1), BigInt(2))

  public var isZero: Bool { numerator.isZero }
  public var isOne: Bool { numerator == .one && denominator == .one }
  public var isMinusOne: Bool { numerator == BigInt(-1) && denominator == .one }
  public var isInteger: Bool { denominator == .one }
  public var isNegative: Bool { numerator.isNegative }
  public var signum: Int { numerator.signum }
  public var magnitude: Rational { isNegative ? -self : self }
  /// The value as an `Int` when it is an integer that fits.
  public var intValue: Int? { isInteger ? numerator.intValue : nil }
  /// A double within a unit or so of the last place of the value (±infinity past the range, 0
  /// or a subnormal below it): both parts cut to their leading 64 bits, divided, and scaled.
  public var doubleValue: Double {
    let n = numerator.doubleValue
    let d = denominator.doubleValue
    if n.isFinite && d.isFinite { return n / d }
    let nShift = max(0, numerator.bitWidth - 64)
    let dShift = max(0, denominator.bitWidth - 64)
    let q = numerator.shiftedTowardZero(nShift).doubleValue / denominator.shiftedTowardZero(dShift).doubleValue
    var scale = nShift - dShift
    var v = q
    // Scale in steps that stay inside the exponent range, so a subnormal result rounds once.
    while scale > 0 && v.isFinite {
      let step = min(scale, 1000)
      v *= Double(sign: .plus, exponent: step, significand: 1)
      scale -= step
    }
    while scale < 0 && v != 0 {
      let step = min(-scale, 1000)
      v *= Double(sign: .plus, exponent: -step, significand: 1)
      scale += step
    }
    return v
  }

  public var description: String {
    isInteger ? numerator.description : "\(numerator)/\(denominator)"
  }

  public static func < (a: Rational, b: Rational) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }
  public static prefix func - (a: Rational) -> Rational {
    Rational(unchecked: -a.numerator, a.denominator)
  }
  public static func + (a: Rational, b: Rational) -> Rational {
    if a.denominator == .one && b.denominator == .one { return Rational(a.numerator + b.numerator) }
    return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
  public static func * (a: Rational, b: Rational) -> Rational {
    if a.denominator == .one && b.denominator == .one { return Rational(a.numerator * b.numerator) }
    return Rational(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  /// `a / b`; `b` must not be zero.
  public static func / (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  public var reciprocal: Rational { Rational(denominator, numerator) }

  /// `self^n` for an integer `n` (negative allowed when `self != 0`).
  public func power(_ n: Int) -> Rational {
    if n >= 0 { return Rational(unchecked: numerator.power(n), denominator.power(n)) }
    return reciprocal.power(-n)
  }

  /// Greatest common divisor of two rationals: gcd of numerators over lcm of denominators.
  public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
    let g = BigInt.gcd(a.numerator, b.numerator)
    let dg = BigInt.gcd(a.denominator, b.denominator)
    return Rational(g, a.denominator / dg * b.denominator)
  }

  /// Already reduced parts (sign in the numerator).
  private init(unchecked n: BigInt, _ d: BigInt) {
    numerator = n
    denominator = d
  }
}
