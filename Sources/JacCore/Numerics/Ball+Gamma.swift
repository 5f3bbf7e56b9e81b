/// Γ, log Γ and B on balls, from Stirling's series with its remainder bound, after shifting the
/// argument up by the recurrence, and reflection below 1/2:
///
///     log Γ(w) = (w − ½)·log w − w + ½·log 2π + Σₖ₌₁ᴷ B₂ₖ/(2k(2k − 1)·w^(2k−1)) + R     (DLMF 5.11.1)
///
/// For real w > 0 the remainder R is bounded in magnitude by the first neglected term (and has
/// its sign; DLMF §5.11(ii)): the sum stops at the first term below 2^(−w) and that term's bound
/// over the ball joins the radius. The argument is first moved to w = z + m ≥ q (q the working
/// precision: the terms then fall below 2^(−q) within about q/13 of them), with
///
///     log Γ(z) = log Γ(z + m) − log(z(z + 1)…(z + m − 1))
///     Γ(z) = π/(sin(πz)·Γ(1 − z))            for z < 1/2 (DLMF 5.5.3)
///
/// sin(πz) reduced exactly (z = n + r, n the integer nearest the midpoint: sin πz = (−1)ⁿ sin πr),
/// so a pole (z an exact integer ≤ 0) is an exact 0 and "undefined", and a ball near one is
/// `.imprecise` (raise the precision). jac's loggamma is the real logarithm of Γ (docs/rules.md):
/// not real where Γ(z) < 0, which is where sin(πz) < 0 for z < 1/2.
///
///     B(a, b) = ±exp(log|Γ(a)| + log|Γ(b)| − log|Γ(a + b)|)
///     B(a, b) = Γ(a)·Γ(b)·(1/Γ(a + b))       near a pole of Γ(a + b), 1/Γ(s) = sin(πs)·Γ(1 − s)/π
///
/// (1/Γ is entire: B is 0 where only a + b is a pole, as jac's rules have it.) The Bernoulli
/// numbers make the cost quadratic in the precision: the gamma family stops at ``maxGammaBits``.
extension Ball {
  /// The largest working precision of the gamma family (about 770 digits); above it the value is
  /// not certified.
  static let maxGammaBits = 2560

  /// gamma, loggamma or digamma.
  func gammaFamily(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    guard p <= Ball.maxGammaBits else { throw .unsupported }
    switch f {
    case .gamma: return try gamma(bits: p, c)
    case .loggamma: return try logGamma(bits: p, c)
    default: return try digamma(bits: p, c)
    }
  }

  /// Γ(z). For z ≥ 2^50, log₂ Γ(z) > z·(log₂ z − 2) > 2^48: past the exponent range (`.overflow`),
  /// said before the guard bits (2·log₂ z) ask for a precision as large as z's exponent.
  func gamma(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if sign == 1 {
      if mid.order > Self.maxGammaOrder { throw .overflow }
      return try logGammaPositive(bits: q + Self.guardBits(self), c).exp(bits: p, c)
    }
    let (s, reflected) = try reflection(bits: q, c)
    let g = try reflected.logGammaPositive(bits: q + Self.guardBits(reflected), c).exp(bits: q, c)
    return try .quotient(c.pi(bits: q), .product(s, g, bits: q), bits: p)
  }

  /// 1/Γ(s), an entire function: 0 at the poles of Γ.
  func reciprocalGamma(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if sign == 1 {
      if mid.order > Self.maxGammaOrder { throw .overflow }
      return try (-logGammaPositive(bits: q + Self.guardBits(self), c)).exp(bits: p, c)
    }
    let (s, reflected) = try reflection(bits: q, c, continuous: true)
    if s.isExact && s.mid.isZero { return .zero }
    let g = try reflected.logGammaPositive(bits: q + Self.guardBits(reflected), c).exp(bits: q, c)
    return try .quotient(.product(s, g, bits: q), c.pi(bits: q), bits: p)
  }

  /// log Γ(z) where Γ(z) > 0.
  func logGamma(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if sign == 1 { return try logGammaPositive(bits: q, c).rounded(bits: p) }
    let (s, reflected) = try reflection(bits: q, c)
    // Γ(z) has the sign of sin(πz): log of a ball below 0 is `.notReal`.
    let logSine = try s.log(bits: q, c)
    let logPi = try c.pi(bits: q).log(bits: q, c)
    let rest = try Ball.sum(logSine, reflected.logGammaPositive(bits: q, c), bits: q)
    return try .sum(logPi, -rest, bits: p)
  }

  /// (sin πz, 1 − z) for the reflection of a z not all positive: `.imprecise` when 1 − z is not
  /// all positive; unless `continuous` (for 1/Γ), `.notReal` at a pole and `.imprecise` when
  /// sin πz holds 0.
  func reflection(bits q: Int, _ c: BallConstants, continuous: Bool = false) throws(BallFailure) -> (Ball, Ball) {
    let s = try sinCosPi(bits: q, c).sin
    if !continuous {
      guard let sign = s.sign else { throw .imprecise }
      if sign == 0 { throw .notReal }
    }
    let reflected = try Ball.sum(.one, -self, bits: q)
    guard reflected.sign == 1 else { throw .imprecise }
    return (s, reflected)
  }

  /// (sin πz, cos πz), reduced exactly: z = n + r, n the integer nearest the midpoint. z of
  /// order past ``maxReductionOrder`` (no exact number is that long) is `.unsupported`: its n
  /// alone would take as many bits as its exponent.
  func sinCosPi(bits q: Int, _ c: BallConstants) throws(BallFailure) -> (sin: Ball, cos: Ball) {
    guard mid.order <= Ball.maxReductionOrder else { throw .unsupported }
    let n = mid.roundedToInteger()
    let r = Ball(mid - BigFloat(n), rad)
    let odd = !n.isEven
    if r.isExact && r.mid.isZero { return (.zero, odd ? Ball(-1) : .one) }
    let (s, co) = try Ball.product(c.pi(bits: q + 8), r, bits: q + 8).sinCos(bits: q, c)
    return odd ? (-s, -co) : (s, co)
  }

  /// Guard bits for log Γ(z) whose exponential is wanted: as many as log Γ(z) ≈ z·log z has
  /// before its binary point.
  static func guardBits(_ z: Ball) -> Int { 2 * Swift.max(0, z.mid.order) + 8 }

  /// The largest order of a positive argument of Γ or 1/Γ whose value is within the exponent range.
  static let maxGammaOrder = 50

  /// log Γ(z) for a ball of z > 0, to `bits` bits after the binary point (about).
  func logGammaPositive(bits q: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let wp = q + 2 * (64 - q.leadingZeroBitCount) + 16
    let (w, m) = try shifted(to: q, bits: wp)
    let half = Ball(BigFloat(1, exponent: -1))
    let logW = try w.log(bits: wp, c)
    let logTwoPi = try c.pi(bits: wp).scaled(1).log(bits: wp, c)
    var s = try Ball.sum(.product(.sum(w, -half, bits: wp), logW, bits: wp), -w, bits: wp)
    s = try .sum(s, logTwoPi.scaled(-1), bits: wp)
    let u = try w.reciprocal(bits: wp)
    let u2 = try Ball.product(u, u, bits: wp)
    var power = u
    let small = Mag.power2(-wp)
    for k in 1... {
      let b = c.bernoulli(k) / Rational(BigInt(2 * k * (2 * k - 1)))
      let term = try Ball.product(Ball.exactly(b, bits: wp), power, bits: wp)
      if term.magnitudeUp < small || k >= Self.maxTerms(q) {
        s.rad = s.rad + term.magnitudeUp
        break
      }
      s = try .sum(s, term, bits: wp)
      power = try .product(power, u2, bits: wp)
    }
    if m == 0 { return s }
    // z(z + 1)…(z + m − 1), each factor positive.
    var product = self
    for j in 1..<m { product = try .product(product, .sum(self, Ball(j), bits: wp), bits: wp) }
    return try .sum(s, -product.log(bits: wp, c), bits: wp)
  }

  /// The largest shift of the recurrence: polygamma(n, x) is certified for x above −2^17.
  static let maxGammaShift = 1 << 17

  /// The least integer m ≥ 0 with z + m ≥ `target` (every point of the ball), and z + m. A shift
  /// past ``maxGammaShift`` is `.unsupported` (a huge negative argument of polygamma).
  func shifted(to target: Int, bits wp: Int) throws(BallFailure) -> (w: Ball, m: Int) {
    // Compared before ⌊lower⌋ is formed: for z = e^(10^12) that integer would be 180 GB.
    if BigFloat.compare(lower, BigFloat(target)) >= 0 { return (self, 0) }
    guard lower.order <= 64 else { throw .unsupported }
    let low = lower.rounded(up: false)
    guard let m = (BigInt(target) - low).intValue, m <= Ball.maxGammaShift else { throw .unsupported }
    return (try .sum(self, Ball(m), bits: wp), m)
  }

  /// The most terms of an asymptotic series at working precision q (the Bernoulli numbers cost
  /// O(K²)): q/8 + 16, more than the q/13 needed at w ≥ q.
  static func maxTerms(_ q: Int) -> Int { q / 8 + 16 }

  /// A rational as a ball at `bits` bits.
  static func exactly(_ r: Rational, bits: Int) -> Ball {
    let (v, error) = BigFloat.from(r, bits: bits + 8)
    return Ball(v, error)
  }

  /// B(a, b): sign·exp(log|Γ(a)| + log|Γ(b)| − log|Γ(a + b)|), so that huge arguments of
  /// opposite signs whose Γ values are past the exponent range still give B (B(1/3 − 10^20, 10^20)
  /// ≈ 10^-13); where a + b is at or near a pole of Γ, Γ(a)·Γ(b)·(1/Γ(a + b)), continuous there.
  static func beta(_ a: Ball, _ b: Ball, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    guard p <= Ball.maxGammaBits else { throw .unsupported }
    let q = p + 16
    let s = try Ball.sum(a, b, bits: q + 8)
    let g = q + Swift.max(guardBits(a), guardBits(b), guardBits(s))
    guard g - q <= Ball.maxGammaBits else { throw .unsupported }
    let (la, signA) = try a.logAbsGamma(bits: g, c)
    let (lb, signB) = try b.logAbsGamma(bits: g, c)
    guard let (ls, signS) = try? s.logAbsGamma(bits: g, c) else {
      let product = try Ball.product(a.gamma(bits: q, c), b.gamma(bits: q, c), bits: q)
      return try .product(product, s.reciprocalGamma(bits: q, c), bits: p)
    }
    let magnitude = try Ball.sum(.sum(la, lb, bits: g), -ls, bits: g).exp(bits: p, c)
    return signA * signB * signS > 0 ? magnitude : -magnitude
  }

  /// (log |Γ(z)|, the sign of Γ(z)) away from the poles: log Γ for z > 0, else
  /// log π − log |sin πz| − log Γ(1 − z) with the sign of sin πz.
  func logAbsGamma(bits q: Int, _ c: BallConstants) throws(BallFailure) -> (Ball, Int) {
    if sign == 1 { return (try logGammaPositive(bits: q, c), 1) }
    let (s, reflected) = try reflection(bits: q, c)
    let logSine = try s.magnitude.log(bits: q, c)
    let rest = try Ball.sum(logSine, reflected.logGammaPositive(bits: q, c), bits: q)
    return (try .sum(c.pi(bits: q).log(bits: q, c), -rest, bits: q), s.mid.signum)
  }

}
