/// π and ln 2 as balls, computed once per precision and kept (one cache per evaluation, so
/// the library holds no global state).
///
///     π/4  = 4·atan(1/5) − atan(1/239)                      (Machin, 1706)
///     ln 2 = 2·atanh(1/3) = Σ 2/((2k+1)·3^(2k+1))
///
/// Both series divide a fixed-point number by machine integers only (``FixedPointSeries/
/// inverseInteger(_:times:_:alternating:)``): O(w²/32) work for w bits, 0.1 s for π to
/// 130,000 bits in a release build, which reducing sin(10^39000) needs.
public final class BallConstants {
  private var piCache: (value: BigInt, error: Double, bits: Int)?
  private var ln2Cache: (value: BigInt, error: Double, bits: Int)?
  /// B₂, B₄, …, exact, as many as asked so far (``bernoulli(_:)``).
  var bernoulliCache: [Rational] = []

  public init() {}

  /// π to at least `bits` bits after the binary point.
  public func pi(bits: Int) -> Ball {
    if let c = piCache, c.bits >= bits { return Self.ball(c, bits) }
    let w = Self.nextPrecision(bits, after: piCache?.bits)
    let a = FixedPointSeries.inverseInteger(5, times: 16, w, alternating: true)
    let b = FixedPointSeries.inverseInteger(239, times: 4, w, alternating: true)
    piCache = (a.sum - b.sum, (a.error + b.error).nextUp, w)
    return Self.ball(piCache!, bits)
  }

  /// ln 2 to at least `bits` bits after the binary point.
  public func ln2(bits: Int) -> Ball {
    if let c = ln2Cache, c.bits >= bits { return Self.ball(c, bits) }
    let w = Self.nextPrecision(bits, after: ln2Cache?.bits)
    let r = FixedPointSeries.inverseInteger(3, times: 2, w, alternating: false)
    ln2Cache = (r.sum, r.error, w)
    return Self.ball(ln2Cache!, bits)
  }

  /// The precision to compute a constant at when `bits` are asked and `cached` are kept: what
  /// is asked the first time; after that an eighth more (a rising working precision then
  /// recomputes it a few times, not at every step; doubling would cost four times the work for
  /// the 130,000 bits of π that reducing sin(1e39000) needs), at least twice the kept bits for a
  /// small constant.
  static func nextPrecision(_ bits: Int, after cached: Int?) -> Int {
    guard let cached else { return bits + 64 }
    return max(bits + bits / 8, min(2 * cached, bits + 4096)) + 16
  }

  /// The cached fixed-point value as a ball, cut to `bits + 8` bits after the point.
  private static func ball(_ c: (value: BigInt, error: Double, bits: Int), _ bits: Int) -> Ball {
    let full = BigFloat(c.value, exponent: -c.bits)
    let keep = bits + 8
    let (mid, cut) = c.bits > keep ? full.truncated(full.order + keep) : (full, .zero)
    return Ball(mid, Mag(c.error, -c.bits) + cut)
  }
}
