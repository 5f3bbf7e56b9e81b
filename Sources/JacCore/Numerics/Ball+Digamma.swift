/// ψ and ψ⁽ⁿ⁾ on balls, by the asymptotic series after shifting the argument up to w ≥ q (+ n):
///
///     ψ(w) = log w − 1/(2w) − Σₖ₌₁ᴷ B₂ₖ/(2k·w^(2k)) + R                                 (DLMF 5.11.2)
///     ψ⁽ⁿ⁾(w) = (−1)ⁿ⁺¹·[(n − 1)!/wⁿ + n!/(2wⁿ⁺¹) + Σₖ₌₁ᴷ B₂ₖ·(2k + n − 1)!/((2k)!·w^(2k+n)) + R]   (DLMF 5.15.8)
///     ψ(z) = ψ(z + m) − Σⱼ<ₘ 1/(z + j),   ψ⁽ⁿ⁾(z) = ψ⁽ⁿ⁾(z + m) + (−1)ⁿ⁺¹·n!·Σⱼ<ₘ 1/(z + j)ⁿ⁺¹
///     ψ(z) = ψ(1 − z) − π·cot(πz)        for z < 1/2 (DLMF 5.5.4)
///
/// For real w > 0 the remainder of ψ's series is bounded by the first neglected term (DLMF
/// §5.11(ii)). For ψ⁽ⁿ⁾ the same holds: the bound comes from ψ(w) − log w + 1/(2w) =
/// −∫₀^∞ g(t)e^(−wt) dt, g(t) = 1/(eᵗ − 1) − 1/t + ½ (DLMF 5.9.13), where g's Maclaurin remainder
/// after K terms is, for t > 0, between 0 and the next term; n derivatives in w multiply the
/// integrand by (−t)ⁿ and keep that. jac takes twice the first neglected term for n ≥ 1 as a
/// margin (it costs no digits: the sum goes on until that term is below 2^(−w)). Checked
/// against mpmath: the ratio of the true remainder to the first neglected term is in (0, 1).
///
/// The recurrence also carries a negative argument of ψ⁽ⁿ⁾ up (the shift is at most 2^17: a more
/// negative argument is `.unsupported`); a pole is an exact 0 in a term's denominator, so
/// "undefined", and a ball near one `.imprecise`.
extension Ball {
  /// ψ(z).
  func digamma(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if sign != 1 {
      let (s, reflected) = try reflection(bits: q, c)
      let cosine = try sinCosPi(bits: q, c).cos
      let cotangent = try Ball.product(c.pi(bits: q), .quotient(cosine, s, bits: q), bits: q)
      return try .sum(reflected.digamma(bits: q, c), -cotangent, bits: p)
    }
    let wp = q + 2 * (64 - q.leadingZeroBitCount) + 16
    let (w, m) = try shifted(to: q, bits: wp)
    var s = try Ball.sum(w.log(bits: wp, c), -w.reciprocal(bits: wp).scaled(-1), bits: wp)
    let u = try w.reciprocal(bits: wp)
    let u2 = try Ball.product(u, u, bits: wp)
    var power = u2
    let small = Mag.power2(-wp)
    for k in 1... {
      let term = try Ball.product(Ball.exactly(c.bernoulli(k) / Rational(BigInt(2 * k)), bits: wp), power, bits: wp)
      if term.magnitudeUp < small || k >= Self.maxTerms(q) {
        s.rad = s.rad + term.magnitudeUp
        break
      }
      s = try .sum(s, -term, bits: wp)
      power = try .product(power, u2, bits: wp)
    }
    for j in 0..<m { s = try .sum(s, -Ball.sum(self, Ball(j), bits: wp).reciprocal(bits: wp), bits: wp) }
    return try s.rounded(bits: p)
  }

  /// The largest order n of polygamma(n, x) evaluated (the series' coefficients grow like
  /// (2k + n − 1)!); above it the value is not certified.
  static let maxPolygammaOrder = 1000

  /// ψ⁽ⁿ⁾(z) for an order ball that must be an exact integer n ≥ 0.
  static func polygamma(_ order: Ball, _ z: Ball, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    guard p <= Ball.maxGammaBits else { throw .unsupported }
    let low = order.lower.rounded(up: true)
    let high = order.upper.rounded(up: false)
    // No integer ≥ 0 in the ball: undefined; an inexact ball around one: undecided.
    if high < low || high.isNegative { throw .notReal }
    guard order.isExact, low == high, let n = low.intValue else { throw .imprecise }
    if n == 0 { return try z.digamma(bits: p, c) }
    guard n <= maxPolygammaOrder else { throw .unsupported }
    let q = p + 16
    let wp = q + 2 * (64 - q.leadingZeroBitCount) + 16
    let (w, m) = try z.shifted(to: q + n, bits: wp)
    let u = try w.reciprocal(bits: wp)
    let u2 = try Ball.product(u, u, bits: wp)
    let factorial = (1...n).reduce(BigInt.one) { $0 * BigInt($1) }
    // (n − 1)!/wⁿ + n!/(2wⁿ⁺¹), then the terms B₂ₖ·cₖ/w^(2k+n), cₖ = (2k + n − 1)!/(2k)!.
    var power = try u.power(BigInt(n), bits: wp)
    let leading = Ball.exactly(Rational((1..<n).reduce(BigInt.one) { $0 * BigInt($1) }), bits: wp)
    var s = try Ball.product(leading, power, bits: wp)
    power = try .product(power, u, bits: wp)
    s = try .sum(s, .product(Ball.exactly(Rational(factorial), bits: wp), power, bits: wp).scaled(-1), bits: wp)
    power = try .product(power, u, bits: wp)
    var coefficient = Rational(factorial * BigInt(n + 1), BigInt(2))
    let small = Mag.power2(-wp)
    for k in 1... {
      if k > 1 {
        coefficient = coefficient * Rational(BigInt((2 * k + n - 2) * (2 * k + n - 1)), BigInt((2 * k - 1) * 2 * k))
      }
      let term = try Ball.product(Ball.exactly(c.bernoulli(k) * coefficient, bits: wp), power, bits: wp)
      if term.magnitudeUp < small || k >= Self.maxTerms(q) {
        s.rad = s.rad + term.magnitudeUp.scaled(1)
        break
      }
      s = try .sum(s, term, bits: wp)
      power = try .product(power, u2, bits: wp)
    }
    var sum = Ball.zero
    for j in 0..<m { sum = try .sum(sum, Ball.sum(z, Ball(j), bits: wp).power(BigInt(-(n + 1)), bits: wp), bits: wp) }
    s = try .sum(s, .product(Ball.exactly(Rational(factorial), bits: wp), sum, bits: wp), bits: wp)
    return try (n & 1 == 1 ? s : -s).rounded(bits: p)
  }
}
