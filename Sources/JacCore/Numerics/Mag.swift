/// A non-negative number kept as an upper (or, where a function says so, lower) bound:
/// `significand · 2^exponent` with the significand a `Double` in [1, 2) (or 0), and an exponent
/// of any size. It holds the radius of a ``Ball`` and the bounds that propagate it (Arb's
/// `mag_t` plays the same part).
///
/// Each operation rounds in the stated direction: IEEE addition, multiplication, division and
/// square root are correctly rounded, so one `nextUp` (or `nextDown`) after each makes the
/// result a bound. Significands are in [1, 2), so no operation overflows or underflows; the
/// exponent carries the scale.
public struct Mag: Sendable, Equatable, CustomStringConvertible {
  /// In [1, 2), or 0 for the zero bound.
  public private(set) var significand: Double
  public private(set) var exponent: Int

  public static let zero = Mag(significand: 0, exponent: 0)

  /// `v · 2^e` for a finite `v ≥ 0`, exactly.
  init(_ v: Double, _ e: Int = 0) {
    precondition(v >= 0 && v.isFinite)
    if v == 0 {
      self = .zero
    } else {
      significand = v.significand
      exponent = e + Int(v.exponent)
    }
  }

  private init(significand: Double, exponent: Int) {
    self.significand = significand
    self.exponent = exponent
  }

  /// 2^k.
  public static func power2(_ k: Int) -> Mag { Mag(significand: 1, exponent: k) }

  public var isZero: Bool { significand == 0 }

  /// An upper bound of |x| (its leading 52 bits, plus one unit of the last).
  public init(upper x: BigFloat) {
    let (top, shift) = x.mantissa.leadingBits(52)
    self = top == 0 ? .zero : Mag(Double(top + 1), shift + x.exponent)
  }

  /// A lower bound of |x| (its leading 52 bits).
  public init(lower x: BigFloat) {
    let (top, shift) = x.mantissa.leadingBits(52)
    self = top == 0 ? .zero : Mag(Double(top), shift + x.exponent)
  }

  /// The bound as an exact binary number.
  public var bigFloat: BigFloat {
    if isZero { return .zero }
    return BigFloat(BigInt(Int64(significand * 0x1p52)), exponent: exponent - 52)
  }

  /// ⌊log₂⌋ of a nonzero bound: 2^order ≤ self < 2^(order+1).
  public var order: Int { exponent }

  public var description: String {
    isZero ? "0" : "\(significand)·2^\(exponent)"
  }

  // MARK: Rounding up

  /// a + b, rounded up.
  public static func + (a: Mag, b: Mag) -> Mag {
    if a.isZero { return b }
    if b.isZero { return a }
    let (big, small) = a.exponent >= b.exponent ? (a, b) : (b, a)
    let gap = big.exponent - small.exponent
    let tail =
      gap > 1100 ? Double.leastNonzeroMagnitude : Double(sign: .plus, exponent: -gap, significand: small.significand)
    return Mag((big.significand + tail).nextUp, big.exponent)
  }

  /// a · b, rounded up.
  public static func * (a: Mag, b: Mag) -> Mag {
    if a.isZero || b.isZero { return .zero }
    return Mag((a.significand * b.significand).nextUp, a.exponent + b.exponent)
  }

  /// a / b, rounded up (`b` a lower bound, not zero).
  public static func / (a: Mag, b: Mag) -> Mag {
    precondition(!b.isZero, "division by a zero bound")
    if a.isZero { return .zero }
    return Mag((a.significand / b.significand).nextUp, a.exponent - b.exponent)
  }

  /// a · 2^k, exactly.
  public func scaled(_ k: Int) -> Mag { isZero ? self : Mag(significand: significand, exponent: exponent + k) }

  /// √a, rounded up.
  public var squareRootUp: Mag {
    if isZero { return self }
    let odd = exponent & 1 != 0
    let s = odd ? significand * 2 : significand
    return Mag(s.squareRoot().nextUp, (exponent - (odd ? 1 : 0)) / 2)
  }

  /// √a, rounded down.
  public var squareRootDown: Mag {
    if isZero { return self }
    let odd = exponent & 1 != 0
    let s = odd ? significand * 2 : significand
    return Mag(s.squareRoot().nextDown, (exponent - (odd ? 1 : 0)) / 2)
  }

  /// a · b, rounded down.
  public static func multipliedDown(_ a: Mag, _ b: Mag) -> Mag {
    if a.isZero || b.isZero { return .zero }
    return Mag((a.significand * b.significand).nextDown, a.exponent + b.exponent)
  }

  /// An upper bound of eᵃ − 1 for a ≤ 1/2: a·(1 + a) (the series a + a²/2 + a³/6 + … is at
  /// most a + a²·(1/2 + 1/12 + …) ≤ a + a² there), or nil above 1/2.
  public var expMinusOneUp: Mag? {
    if isZero { return self }
    guard exponent < -1 || (exponent == -1 && significand == 1) else { return nil }
    return self * (Mag(1) + self)
  }

  public static func < (a: Mag, b: Mag) -> Bool {
    if a.isZero { return !b.isZero }
    if b.isZero { return false }
    return a.exponent != b.exponent ? a.exponent < b.exponent : a.significand < b.significand
  }
  public static func max(_ a: Mag, _ b: Mag) -> Mag { a < b ? b : a }
}

extension BigInt {
  /// The leading `n` bits of |self| as an integer `t` with |self| = t·2^shift + r, 0 ≤ r < 2^shift
  /// (`t` has at most `n ≤ 62` bits; (0, 0) for zero).
  func leadingBits(_ n: Int) -> (top: Int64, shift: Int) {
    let width = bitWidth
    if width == 0 { return (0, 0) }
    let shift = max(0, width - n)
    let t = magnitude.shiftedTowardZero(shift)
    return (Int64(t.intValue!), shift)
  }
}
