/// Exact conversions between `Rational` and `Double`, for options read exactly and used in
/// floating point (`--tol`, `--from`).
extension Rational {
  /// The double's exact value (finite doubles only).
  public init(exactly x: Double) {
    precondition(x.isFinite)
    if x == 0 {
      self = .zero
      return
    }
    let m = BigInt(Int64(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)))
    let e = Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52
    let n = x < 0 ? -m : m
    self = e >= 0 ? Rational(n.shiftedLeft(e)) : Rational(n, BigInt.one.shiftedLeft(-e))
  }

  /// The largest double at most `self` (−infinity below every double, the greatest finite
  /// one above it): `r ≤ self ⇔ r ≤ roundedDown` for every double r, so a comparison with a
  /// tolerance stays exact when the tolerance is not a double (`--tol 1e-400` gives 0).
  public var roundedDown: Double {
    var d = doubleValue
    if d.isNaN { d = 0 }
    if d == .infinity { d = .greatestFiniteMagnitude }
    if d == -.infinity { return isNegative ? -.infinity : 0 }
    while d.isFinite && Rational(exactly: d) > self { d = d.nextDown }
    while d.nextUp.isFinite && Rational(exactly: d.nextUp) <= self { d = d.nextUp }
    return d
  }

  /// The double nearest the value (ties to the even significand), ±infinity past the largest.
  public var nearestDouble: Double {
    let below = roundedDown
    guard below.isFinite else { return below }
    let above = below.nextUp
    if Rational(exactly: below) == self { return below }
    if !above.isFinite { return .infinity }
    let (low, high) = (self - Rational(exactly: below), Rational(exactly: above) - self)
    if low != high { return low < high ? below : above }
    return below.significandBitPattern & 1 == 0 ? below : above
  }
}
