/// A real number known to lie in [mid − rad, mid + rad]: midpoint–radius interval arithmetic
/// (Arb's `arb_t`, van der Hoeven's ball arithmetic). Every operation returns a ball that
/// contains the exact result for every choice of points in its operands' balls: the midpoint
/// is computed to the working precision `bits`, and the radius adds the rounding error to the
/// propagated radii. Raising `bits` shrinks the balls of a computation (Ziv's strategy, run by
/// ``CertifiedValue``) until they decide what is asked.
///
/// An operation that cannot give a useful ball throws ``BallFailure``: `.notReal` when the
/// exact result is proved undefined or not real for every point of the ball (log of a ball
/// below 0), `.imprecise` when the ball straddles a singularity or a domain boundary (raise the
/// precision), `.overflow` when the result's binary exponent would pass ``maxOrder``.
public struct Ball: Sendable, CustomStringConvertible {
  public var mid: BigFloat
  public var rad: Mag

  public init(_ mid: BigFloat, _ rad: Mag = .zero) {
    self.mid = mid
    self.rad = rad
  }
  public init(_ n: Int) { self.init(BigFloat(n)) }

  public static let zero = Ball(0)
  public static let one = Ball(1)

  /// Largest binary order of a midpoint or radius: 2^±(2^48) (about 10^±8.5·10^13).
  public static let maxOrder = 1 << 48
  /// Largest binary order of a periodic function's argument that is reduced (π to as many
  /// bits): 2^18, past the 131,072 bits of the largest exact number with room for the
  /// working precision. A larger argument is undecided (`sin(2^1000000)`).
  public static let maxReductionOrder = 1 << 18

  public var description: String { "[\(mid) ± \(rad)]" }

  /// The ball is the single number `mid`.
  public var isExact: Bool { rad.isZero }
  /// 0 lies in the ball.
  public var containsZero: Bool { mid.isZero || !(rad < Mag(lower: mid)) }
  /// 1 when every point is positive, −1 when every point is negative, nil when 0 is in the ball.
  public var sign: Int? {
    if containsZero { return mid.isZero && rad.isZero ? 0 : nil }
    return mid.signum
  }
  /// mid − rad and mid + rad (exactly, unless the radius is far below the midpoint's last bit:
  /// then it is widened to 2^−64 of that bit, so the subtraction stays short).
  public var lower: BigFloat { mid - radiusBelowMid }
  public var upper: BigFloat { mid + radiusBelowMid }
  /// The radius as a number, at least 2^(exponent of mid − 64) when mid is not 0.
  private var radiusBelowMid: BigFloat {
    if rad.isZero || mid.isZero || rad.order >= mid.exponent - 64 { return rad.bigFloat }
    return BigFloat(1, exponent: mid.exponent - 64)
  }
  /// An upper bound of |x| over the ball.
  public var magnitudeUp: Mag { Mag(upper: mid) + rad }
  /// A lower bound of |x| over the ball (0 when the ball holds 0).
  public var magnitudeDown: Mag {
    if containsZero { return .zero }
    let low = mid.magnitude - radiusBelowMid
    return low.signum > 0 ? Mag(lower: low) : .zero
  }

  /// Whether every point of the ball is below (−1), above (1) the number c, or neither (0).
  public func compare(to c: BigFloat) -> Int {
    if BigFloat.compare(upper, c) < 0 { return -1 }
    if BigFloat.compare(lower, c) > 0 { return 1 }
    return 0
  }

  // MARK: Arithmetic

  /// Rounds `value` to `bits`, adding the error to `radius`; checks the range.
  static func rounded(_ value: BigFloat, _ radius: Mag, bits: Int) throws(BallFailure) -> Ball {
    let (m, error) = value.truncated(bits)
    let r = radius + error
    if (!m.isZero && Swift.abs(m.order) > maxOrder) || (!r.isZero && Swift.abs(r.order) > maxOrder) {
      throw .overflow
    }
    return Ball(m, r)
  }

  public static prefix func - (a: Ball) -> Ball { Ball(-a.mid, a.rad) }
  public var magnitude: Ball { mid.isNegative ? -self : self }

  /// a + b: the midpoints' sum rounded, the radii added. A term below the other's last bit
  /// by more than `bits` is not added exactly: it joins the radius (|b| ≤ |b.mid| + b.rad).
  public static func sum(_ a: Ball, _ b: Ball, bits: Int) throws(BallFailure) -> Ball {
    if !a.mid.isZero && !b.mid.isZero {
      if a.mid.order - b.mid.order > bits + 4 { return try rounded(a.mid, a.rad + b.magnitudeUp, bits: bits) }
      if b.mid.order - a.mid.order > bits + 4 { return try rounded(b.mid, b.rad + a.magnitudeUp, bits: bits) }
    }
    return try rounded(a.mid + b.mid, a.rad + b.rad, bits: bits)
  }

  /// a · b: |ab − a₀b₀| ≤ |a₀|·r_b + |b₀|·r_a + r_a·r_b.
  public static func product(_ a: Ball, _ b: Ball, bits: Int) throws(BallFailure) -> Ball {
    let propagated = Mag(upper: a.mid) * b.rad + Mag(upper: b.mid) * a.rad + a.rad * b.rad
    return try rounded(a.mid * b.mid, propagated, bits: bits)
  }

  /// a / b for b not containing 0: |a/b − a₀/b₀| ≤ (|a₀|·r_b + |b₀|·r_a) / (|b₀|·(|b₀| − r_b)).
  /// A divisor ball holding 0 is `.imprecise`, an exact 0 `.notReal`.
  public static func quotient(_ a: Ball, _ b: Ball, bits: Int) throws(BallFailure) -> Ball {
    guard let s = b.sign else { throw .imprecise }
    if s == 0 { throw .notReal }
    let (q, error) = BigFloat.quotient(a.mid, b.mid, bits: bits)
    var radius = error
    if !a.rad.isZero || !b.rad.isZero {
      let numerator = Mag(upper: a.mid) * b.rad + Mag(upper: b.mid) * a.rad
      radius = radius + numerator / Mag.multipliedDown(Mag(lower: b.mid), b.magnitudeDown)
    }
    return try rounded(q, radius, bits: bits)
  }

  /// 1/a.
  public func reciprocal(bits: Int) throws(BallFailure) -> Ball { try Ball.quotient(.one, self, bits: bits) }

  /// a·2^k, exactly.
  public func scaled(_ k: Int) -> Ball { Ball(mid.scaled(k), rad.scaled(k)) }

  /// aⁿ for an integer n by repeated squaring (n < 0: 1/a^|n|).
  public func power(_ n: BigInt, bits: Int) throws(BallFailure) -> Ball {
    if n.isZero { return .one }
    if n.isNegative { return try power(-n, bits: bits).reciprocal(bits: bits) }
    guard let k = n.intValue, k <= Ball.maxOrder else { throw .overflow }
    // Each squaring adds its rounding error: raise the precision by log₂ n guard bits.
    let guardBits = bits + 64 - k.leadingZeroBitCount + 4
    var result = Ball.one
    var base = self
    var e = k
    while true {
      if e & 1 == 1 { result = try .product(result, base, bits: guardBits) }
      e >>= 1
      if e == 0 { break }
      base = try .product(base, base, bits: guardBits)
    }
    return try Ball.rounded(result.mid, result.rad, bits: bits)
  }

  /// √a: |√x − √a₀| = |x − a₀|/(√x + √a₀) ≤ r/√a₀. A ball below 0 is `.notReal`, one
  /// straddling 0 `.imprecise`, the exact 0 gives 0.
  public func squareRoot(bits: Int) throws(BallFailure) -> Ball {
    guard let s = sign else { throw .imprecise }
    if s == 0 { return .zero }
    if s < 0 { throw .notReal }
    let (root, error) = mid.squareRoot(bits: bits)
    let propagated = rad.isZero ? Mag.zero : rad / Mag(lower: mid).squareRootDown
    return try Ball.rounded(root, error + propagated, bits: bits)
  }
}

/// Why a ball operation gave no ball (see ``Ball``).
public enum BallFailure: Error, Equatable, Sendable {
  /// Proved undefined or not real at every point of the operands.
  case notReal
  /// Undecided at this precision (a ball straddles a boundary or a singularity).
  case imprecise
  /// A binary exponent past ``Ball/maxOrder``.
  case overflow
  /// A value past ``Ball/maxOrder`` reached a function that needs its sign or size (log,
  /// a quotient): no precision decides it.
  case undecidable
  /// Past what jac evaluates with certified digits (the gamma family above
  /// ``Ball/maxGammaBits``, polygamma of a high order or far below 0, erf's series past
  /// ``Ball/maxErrorFunctionWork``): no higher precision is tried.
  case unsupported
}
