/// The primitive elementary functions on balls: exp, expm1, log, log1p, atan and the pair
/// (sin, cos). Each computes f(mid) by argument reduction and a fixed-point series
/// (``FixedPointSeries``), with the series' error bound, then adds the radius propagated from
/// the argument's: rad · sup|f′| over the ball. The other functions are built from these with
/// ball operations (``Ball+Functions.swift``), which propagate radii by themselves.
///
/// Working precisions carry 24 guard bits. A small argument keeps its relative precision
/// because the series are summed as ratios (sin x / x, atan x / x, (eˣ − 1)/x) in fixed point
/// and multiplied by the exact argument: sin 10⁻³⁰⁰ is 10⁻³⁰⁰ to `bits` bits, and
/// tan(10^-3,700,000,000) costs no more.
extension Ball {
  /// A fixed-point result V·2^(−w) with `error` ulps, times 2^k, as a ball.
  static func fixedPoint(_ v: BigInt, error: Double, w: Int, times2to k: Int = 0) -> Ball {
    Ball(BigFloat(v, exponent: k - w), Mag(error.nextUp, k - w))
  }

  /// eˣ. Reduction: x = k·ln 2 + r with k = ⌊x/ln 2⌉ and ln 2 to `order(x) + bits` bits, so
  /// |r| ≤ 0.35 with an error below 2^(−bits); then e^r = (e^(r/2^s))^(2^s) with s ≈ √bits/2
  /// halvings, the series for e^(r/2^s) − 1, and s squarings. A squaring V ← ⌊V²·2^(−w)⌋ turns
  /// an error δ into 2vδ + δ²·2^(−w) + 1 (v ≥ V·2^(−w) the value so far), tracked as it goes.
  /// Propagation: |e^x − e^m| ≤ e^m·(e^ρ − 1) ≤ e^m·ρ(1 + ρ) for ρ ≤ 1/2.
  public func exp(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if mid.isZero && rad.isZero { return .one }
    guard rad < Mag(0.25) else { throw .imprecise }
    if mid.order > 50 { throw .overflow }
    var k = 0
    var r = Ball(mid)
    if mid.order >= 0 {
      let ln2 = c.ln2(bits: mid.order + p + 24)
      let kk = BigFloat.quotient(mid, ln2.mid, bits: mid.order + 8).value.roundedToInteger()
      k = kk.intValue!
      r = Ball(mid - BigFloat(kk) * ln2.mid, Mag(Double(abs(k))) * ln2.rad)
    }
    let s = p < 128 ? 3 : Int(Double(p).squareRoot() / 2)
    let w = p + s + 24
    let (sum, seriesError) = FixedPointSeries.expMinusOne(FixedPointSeries.fixed(r.mid.scaled(-s), w), w)
    var v = sum + BigInt.one.shiftedLeft(w)
    var delta = seriesError
    let tiny = w > 1000 ? 0x1p-1000 : Double(sign: .plus, exponent: -w, significand: 1)
    for _ in 0..<s {
      // v: an upper bound of the value being squared (computed value plus its error).
      let value = (Mag(upper: BigFloat(v, exponent: -w)).bigFloatDouble + (delta * tiny).nextUp).nextUp
      v = FixedPointSeries.multiply(v, v, w)
      delta = ((2 * value * delta).nextUp + (delta * delta * tiny).nextUp + 1).nextUp
    }
    var result = Ball.fixedPoint(v, error: delta, w: w, times2to: k)
    guard let spread = (r.rad + rad).expMinusOneUp else { throw .imprecise }
    result.rad = result.rad + result.magnitudeUp * spread
    return try Ball.rounded(result.mid, result.rad, bits: p)
  }

  /// eˣ − 1, accurate near 0: for |x| < 1/2, x times the series Σₖ≥₀ xᵏ/(k+1)! (no
  /// cancellation, and a tiny x keeps its relative precision), else eˣ − 1. Propagation there:
  /// |f′| = eˣ ≤ e^(1/2 + 1/8) < 2.
  public func expMinusOne(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if mid.isZero && rad.isZero { return .zero }
    if !mid.isZero && mid.order >= 0 { return try .sum(exp(bits: p + 4, c), Ball(-1), bits: p) }
    guard rad < Mag(0.125) else { throw .imprecise }
    let w = p + 24
    let (ratio, error) = FixedPointSeries.expMinusOneRatio(FixedPointSeries.fixed(mid, w), w)
    let bound = Mag(upper: mid) * Mag(error.nextUp, -w)
    return try Ball.rounded(mid * BigFloat(ratio, exponent: -w), bound + rad.scaled(1), bits: p)
  }

  /// log x for x > 0 (a ball below 0 is `.notReal`, one holding 0 `.imprecise`).
  /// Reduction: x = f·2^E with f ∈ [2/3, 4/3), log x = E·ln 2 + 2·atanh z, z = (f − 1)/(f + 1),
  /// |z| ≤ 1/5; z is computed to `bits` bits relative, so f near 1 loses nothing.
  /// Propagation: |log x − log m| ≤ ρ/(m − ρ).
  public func log(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    guard let s = sign else { throw .imprecise }
    if s <= 0 { throw .notReal }
    var e = mid.order - 1
    var f = mid.scaled(-e)
    if BigFloat.compare(f.scaled(1) + f, BigFloat(4)) >= 0 {
      e += 1
      f = f.scaled(-1)
    }
    var result = try Ball.logNearOne(f, bits: p + 8)
    if e != 0 {
      let ln2 = c.ln2(bits: p + 80 - e.magnitude.leadingZeroBitCount)
      result = try .sum(result, .product(Ball(BigFloat(e)), ln2, bits: p + 8), bits: p + 8)
    }
    if !rad.isZero { result.rad = result.rad + rad / magnitudeDown }
    return try Ball.rounded(result.mid, result.rad, bits: p)
  }

  /// log f for f ∈ [2/3, 4/3]: 2·atanh((f − 1)/(f + 1)) on f itself below 1,024 bits; above,
  /// on g = f^(1/2^s) (s square roots, s = bits/512, at most 24), log f = 2^s·log g, so the
  /// series needs s·2 fewer bits per term... about bits/(4 + 2s) terms instead of bits/4.6.
  /// Propagation from g's radius: |d log g/dg| = 1/g ≤ 2.
  static func logNearOne(_ f: BigFloat, bits p: Int) throws(BallFailure) -> Ball {
    let s = p >= 1024 ? min(24, p / 512) : 0
    if s == 0 { return try twiceAtanh(of: f - .one, over: f + .one, bits: p) }
    var g = Ball(f)
    for _ in 0..<s { g = try g.squareRoot(bits: p + s + 8) }
    let core = try twiceAtanh(of: g.mid - .one, over: g.mid + .one, bits: p + s)
    return Ball(core.mid.scaled(s), (core.rad + g.rad.scaled(1)).scaled(s))
  }

  /// log(1 + x), accurate near 0: 2·atanh(x/(2 + x)) for |x| < 1/2, else log(1 + x); and x
  /// itself for |x| < 2^(−p−8), since |log(1 + x) − x| ≤ x² < |x|·2^(−p−8) there (the exact
  /// 2 + x would need as many bits as x's exponent: a gigabyte for softplus(−10^10)).
  public func logOnePlus(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if mid.isZero && rad.isZero { return .zero }
    if !mid.isZero && mid.order >= 0 { return try Ball.sum(self, .one, bits: p + 8).log(bits: p, c) }
    guard rad < Mag(0.125) else { throw .imprecise }
    if !mid.isZero && mid.order < -(p + 8) {
      // |d/dx log(1 + x)| = 1/(1 + x) < 3 carries the radius, as below.
      return try Ball.rounded(mid, Mag(upper: mid).scaled(-(p + 8)) + rad * Mag(3), bits: p)
    }
    let result = try Ball.twiceAtanh(of: mid, over: mid + BigFloat(2), bits: p + 8)
    // |d/dx log(1 + x)| = 1/(1 + x) ≤ 1/(1 − 1/2 − 1/8) < 3.
    return try Ball.rounded(result.mid, result.rad + rad * Mag(3), bits: p)
  }

  /// 2·atanh(a/b) for exact a, b with |a/b| ≤ 1/3: the quotient z to `bits` bits relative
  /// (error ε), then 2z times the series for atanh(z)/z in fixed point at 2^(−w), w = bits + 24
  /// (its error scaled by 2|z|); the slope of 2·atanh there is below 2.25, so ε moves the
  /// result by at most 2.25ε.
  static func twiceAtanh(of a: BigFloat, over b: BigFloat, bits p: Int) throws(BallFailure) -> Ball {
    if a.isZero { return .zero }
    let (z, zError) = BigFloat.quotient(a, b, bits: p + 8)
    let w = p + 24
    let (ratio, error) = FixedPointSeries.arctangent(y: FixedPointSeries.fixed(z * z, w), w, alternating: false)
    let bound = (Mag(upper: z) * Mag(error.nextUp, -w)).scaled(1)
    return Ball((z * BigFloat(ratio, exponent: -w)).scaled(1), bound + zError * Mag(2.25))
  }

  /// atan x. For |x| > 1, atan x = sign(x)·π/2 − atan(1/x); then s half-angle steps
  /// x ← x/(1 + √(1 + x²)) (atan x = 2^s·atan xₛ, s ≥ 2 so |xₛ| ≤ tan(π/16) < 1/5), done with
  /// balls, and the series on xₛ's midpoint. Propagation: |atan′| ≤ 1.
  public func atan(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if mid.isZero && rad.isZero { return .zero }
    if mid.isNegative { return try -(-self).atan(bits: p, c) }
    let q = p + 16
    if BigFloat.compare(mid, .one) > 0 {
      let inverse = try reciprocal(bits: q).atan(bits: q, c)
      return try .sum(c.pi(bits: q).scaled(-1), -inverse, bits: p)
    }
    let s = 2 + p / 512
    var x = self
    for _ in 0..<s {
      let hypotenuse = try Ball.sum(.one, .product(x, x, bits: q), bits: q).squareRoot(bits: q)
      x = try .quotient(x, .sum(.one, hypotenuse, bits: q), bits: q)
    }
    if x.mid.isZero { return Ball(.zero, x.rad.scaled(s)) }
    // atan x = x·(atan x / x), the ratio's error scaled by |x|.
    let w = q + 24
    let (ratio, error) = FixedPointSeries.arctangent(y: FixedPointSeries.fixed(x.mid * x.mid, w), w, alternating: true)
    let bound = Mag(upper: x.mid) * Mag(error.nextUp, -w)
    return try Ball.rounded((x.mid * BigFloat(ratio, exponent: -w)).scaled(s), (bound + x.rad).scaled(s), bits: p)
  }

  /// (sin x, cos x). Reduction: x = k·π/2 + r with k = ⌊x/(π/2)⌉ and π to `order(x) + bits`
  /// bits (2,000 bits for x = 10⁶⁰⁰), so r is within 2^(−bits) and |r| < 1; then the series,
  /// and the quadrant k mod 4 picks (±sin r, ±cos r). Propagation: |sin′|, |cos′| ≤ 1.
  public func sinCos(bits p: Int, _ c: BallConstants) throws(BallFailure) -> (sin: Ball, cos: Ball) {
    if mid.isZero && rad.isZero { return (.zero, .one) }
    guard rad < Mag(0.25) else { throw .imprecise }
    var r = mid
    var spread = rad
    var quadrant = 0
    if mid.order > 0 {
      // Past the largest exact number and the working precision, π would be too long to compute.
      if mid.order > Ball.maxReductionOrder { throw .imprecise }
      let halfPi = c.pi(bits: mid.order + p + 24).scaled(-1)
      let k = BigFloat.quotient(mid, halfPi.mid, bits: mid.order + 8).value.roundedToInteger()
      r = mid - BigFloat(k) * halfPi.mid
      spread = spread + Mag(upper: BigFloat(k)) * halfPi.rad
      quadrant = Int(((k % BigInt(4)) + BigInt(4)).intValue! % 4)
    }
    // Above 1,024 bits: the series on r/2^h, then h doublings (below).
    let h = p >= 1024 && r.order > -10 ? min(24, p / 512) : 0
    let w = p + 24 + 2 * h
    // The exact r may be long (order(x) + bits): keep w + 24 of its bits, the rest joins the
    // spread (|r| < 1, so what is dropped is below 2^(−w−24)).
    let (rt, cut) = r.truncated(w + 24)
    spread = spread + cut
    let rh = rt.scaled(-h)
    let (ratio, co, error) = FixedPointSeries.sinCos(y: FixedPointSeries.fixed(rh * rh, w), w)
    var sine: Ball
    var cosine: Ball
    if h == 0 {
      // sin r = r·(sin r / r), the ratio's error scaled by |r|: a tiny r keeps its precision.
      sine = Ball(rt * BigFloat(ratio, exponent: -w), Mag(upper: rt) * Mag(error.nextUp, -w))
      cosine = Ball.fixedPoint(co, error: error, w: w)
    } else {
      // sin(r/2^h) in fixed point (|r/2^h| < 1, the ratio ≤ 1: 2 more ulps), then
      // sin 2a = 2·sin a·cos a, cos 2a = 1 − 2·sin² a, each product truncated (2 ulps after the
      // doubling): with |sin|, |cos| ≤ 1 + δ·2^(−w), an error δ of both becomes at most
      // 4δ + 6δ²·2^(−w) + 2, tracked as it goes (2h guard bits cover the growth).
      var s = FixedPointSeries.multiply(FixedPointSeries.fixed(rh, w), ratio, w)
      var c = co
      var delta = error + 2
      let tiny = w > 1000 ? 0x1p-1000 : Double(sign: .plus, exponent: -w, significand: 1)
      for _ in 0..<h {
        (s, c) = (
          FixedPointSeries.multiply(s, c, w).shiftedLeft(1),
          BigInt.one.shiftedLeft(w) - FixedPointSeries.multiply(s, s, w).shiftedLeft(1)
        )
        delta = ((4 * delta).nextUp + (6 * delta * delta * tiny).nextUp + 2).nextUp
      }
      sine = Ball.fixedPoint(s, error: delta, w: w)
      cosine = Ball.fixedPoint(c, error: delta, w: w)
    }
    sine.rad = sine.rad + spread
    cosine.rad = cosine.rad + spread
    switch quadrant {
    case 1: (sine, cosine) = (cosine, -sine)
    case 2: (sine, cosine) = (-sine, -cosine)
    case 3: (sine, cosine) = (-cosine, sine)
    default: break
    }
    return (try .rounded(sine.mid, sine.rad, bits: p), try .rounded(cosine.mid, cosine.rad, bits: p))
  }
}

extension Mag {
  /// The bound's value as a `Double` when its exponent is in range (for error bookkeeping of
  /// values near 1), rounded up; `.infinity` past the range.
  var bigFloatDouble: Double {
    if isZero { return 0 }
    if exponent > 1000 { return .infinity }
    if exponent < -1000 { return 0x1p-1000 }
    return Double(sign: .plus, exponent: exponent, significand: significand)
  }
}
