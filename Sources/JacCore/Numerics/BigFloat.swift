/// A binary number `mantissa · 2^exponent` with an integer mantissa of any size: the midpoint
/// of a ``Ball``. Addition, subtraction and multiplication are exact; the rounding operations
/// return the rounded value with a bound on what they dropped (``Mag``), so every error is
/// accounted for.
///
/// The representation is not unique (`2·2^0 = 1·2^1`): compare values with ``compare(_:_:)``,
/// never fields.
public struct BigFloat: Sendable, CustomStringConvertible {
  public var mantissa: BigInt
  public var exponent: Int

  public init(_ mantissa: BigInt, exponent: Int = 0) {
    self.mantissa = mantissa
    self.exponent = mantissa.isZero ? 0 : exponent
  }
  public init(_ n: Int) { self.init(BigInt(n)) }

  public static let zero = BigFloat(0)
  public static let one = BigFloat(1)

  public var isZero: Bool { mantissa.isZero }
  public var isNegative: Bool { mantissa.isNegative }
  public var signum: Int { mantissa.signum }
  public var magnitude: BigFloat { BigFloat(mantissa.magnitude, exponent: exponent) }
  /// Bits of the mantissa.
  var width: Int { mantissa.bitWidth }
  /// The binary order of a nonzero value: 2^(order−1) ≤ |x| < 2^order.
  public var order: Int { mantissa.bitWidth + exponent }

  public var description: String { "\(mantissa)·2^\(exponent)" }

  /// `self · 2^k`, exactly.
  public func scaled(_ k: Int) -> BigFloat { BigFloat(mantissa, exponent: exponent + k) }

  public static prefix func - (a: BigFloat) -> BigFloat { BigFloat(-a.mantissa, exponent: a.exponent) }

  /// a + b, exactly (the mantissa grows by the gap between the exponents).
  public static func + (a: BigFloat, b: BigFloat) -> BigFloat {
    if a.isZero { return b }
    if b.isZero { return a }
    if a.exponent >= b.exponent {
      return BigFloat(a.mantissa.shiftedLeft(a.exponent - b.exponent) + b.mantissa, exponent: b.exponent)
    }
    return BigFloat(a.mantissa + b.mantissa.shiftedLeft(b.exponent - a.exponent), exponent: a.exponent)
  }
  public static func - (a: BigFloat, b: BigFloat) -> BigFloat { a + (-b) }

  /// a · b, exactly.
  public static func * (a: BigFloat, b: BigFloat) -> BigFloat {
    BigFloat(a.mantissa * b.mantissa, exponent: a.exponent + b.exponent)
  }

  /// -1, 0 or 1 as a < b, a = b, a > b.
  public static func compare(_ a: BigFloat, _ b: BigFloat) -> Int {
    if a.signum != b.signum { return a.signum < b.signum ? -1 : 1 }
    if a.isZero { return 0 }
    if a.order != b.order { return (a.order < b.order) == (a.signum > 0) ? -1 : 1 }
    return (a - b).signum
  }

  // MARK: Rounding

  /// The value truncated (toward zero) to at most `bits` bits of mantissa, and a bound on the
  /// error: |x − t| < 2^(order − bits), and 0 when nothing was dropped.
  public func truncated(_ bits: Int) -> (value: BigFloat, error: Mag) {
    let drop = width - bits
    if drop <= 0 { return (self, .zero) }
    let exact = mantissa.trailingZeroBitCount >= drop
    let value = BigFloat(mantissa.shiftedTowardZero(drop), exponent: exponent + drop)
    return (value, exact ? .zero : Mag.power2(exponent + drop))
  }

  /// The nearest value with at most `bits` bits of mantissa, ties to an even mantissa.
  public func roundedToNearest(_ bits: Int) -> BigFloat {
    let drop = width - bits
    if drop <= 0 { return self }
    let m = mantissa.magnitude
    var q = m.shiftedTowardZero(drop)
    let remainder = m - q.shiftedLeft(drop)
    let half = BigInt.one.shiftedLeft(drop - 1)
    if remainder > half || (remainder == half && !q.isEven) { q += .one }
    return BigFloat(mantissa.isNegative ? -q : q, exponent: exponent + drop)
  }

  /// ⌊x⌉: the nearest integer (ties away from zero). 0 for |x| < 1/2 without adding ½ to it
  /// exactly, which takes as many bits as x's exponent (a gigabyte for x = e^(−10^10)).
  public func roundedToInteger() -> BigInt {
    if exponent >= 0 { return mantissa.shiftedLeft(exponent) }
    if order < 0 { return .zero }
    let half = BigFloat(mantissa.magnitude, exponent: exponent) + BigFloat(1, exponent: -1)
    let n = half.mantissa.shiftedTowardZero(-half.exponent)
    return mantissa.isNegative ? -n : n
  }

  /// a / b to `bits` bits (b ≠ 0): the quotient of the mantissas, shifted so that it has at
  /// least `bits` bits, truncated; the error is below one unit of its last place.
  public static func quotient(_ a: BigFloat, _ b: BigFloat, bits: Int) -> (value: BigFloat, error: Mag) {
    precondition(!b.isZero, "division by zero")
    if a.isZero { return (.zero, .zero) }
    let shift = max(0, bits + b.width - a.width + 1)
    let (q, r) = a.mantissa.shiftedLeft(shift).quotientAndRemainder(dividingBy: b.mantissa)
    let e = a.exponent - shift - b.exponent
    return (BigFloat(q, exponent: e), r.isZero ? .zero : Mag.power2(e))
  }

  /// √x to `bits` bits (x ≥ 0): ⌊√(m·2^s)⌋·2^((e−s)/2) with s making e − s even and the root
  /// `bits` long; the error is below one unit of its last place.
  public func squareRoot(bits: Int) -> (value: BigFloat, error: Mag) {
    precondition(!isNegative)
    if isZero { return (.zero, .zero) }
    var shift = max(0, 2 * bits - width + 2)
    if (exponent - shift) & 1 != 0 { shift += 1 }
    let n = mantissa.shiftedLeft(shift)
    let root = n.squareRootFloor()
    let e = (exponent - shift) / 2
    return (BigFloat(root, exponent: e), root * root == n ? .zero : Mag.power2(e))
  }

  // MARK: Conversions

  /// q exactly when its denominator is a power of two (an integer of any size stays exact, so
  /// sin(10^20000) reduces the exact argument), else the quotient to `bits` bits after the
  /// binary point as well as `bits` significant bits, with the error below one unit of its last
  /// place.
  public static func from(_ q: Rational, bits: Int) -> (value: BigFloat, error: Mag) {
    let d = q.denominator
    let twos = d.trailingZeroBitCount
    if d.shiftedTowardZero(twos) == .one { return (BigFloat(q.numerator, exponent: -twos), .zero) }
    let whole = max(0, q.numerator.bitWidth - d.bitWidth)
    return quotient(BigFloat(q.numerator), BigFloat(d), bits: bits + whole)
  }

  /// −1, 0 or 1 as x < n/d, x = n/d, x > n/d (d > 0), exactly: m·d·2^e against n.
  public func compare(numerator n: BigInt, denominator d: BigInt) -> Int {
    let md = mantissa * d
    let (a, b) = exponent >= 0 ? (md.shiftedLeft(exponent), n) : (md, n.shiftedLeft(-exponent))
    return a < b ? -1 : (a == b ? 0 : 1)
  }
}
