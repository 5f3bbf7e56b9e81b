/// erfi, Ei, Si, Ci, Shi, Chi, li, the Fresnel integrals and sinc on balls, each by its power
/// series (DLMF 6.6.2, 6.6.5, 6.6.6, 7.6.4, 7.6.6 and 7.6.1 at ix), in one form:
///
///     Σₖ≥ₖ₀ pₖ/mₖ,   p₀ = 1,  pₖ = pₖ₋₁·z/dₖ
///
/// | f          | value                       | z        | dₖ            | mₖ      | k₀ |
/// |------------|-----------------------------|----------|---------------|---------|----|
/// | erfi x     | (2x/√π)·Σ                   | x²       | k             | 2k + 1  | 0  |
/// | Si x, Shi x| x·Σ                         | ∓x²      | 2k(2k + 1)    | 2k + 1  | 0  |
/// | Ci x, Chi x| γ + log x + Σ               | ∓x²      | (2k − 1)2k    | 2k      | 1  |
/// | Ei x       | γ + log |x| + Σ             | x        | k             | k       | 1  |
/// | fresnels x | x·a·Σ, a = πx²/2            | −a²      | 2k(2k + 1)    | 4k + 3  | 0  |
/// | fresnelc x | x·Σ                         | −a²      | (2k − 1)2k    | 4k + 1  | 0  |
/// | sinc x     | Σ (|x| < 1; sin x/x above)  | −x²      | 2k(2k + 1)    | 1       | 0  |
///
/// li x = Ei(log x) (li 0 = 0). γ = −ψ(1) (``digamma(bits:_:)``). The sum stops once
/// r = |z|/dₖ₊₁ ≤ 1/2 and |pₖ| < 2^(−w): dₖ grows and mₖ ≥ 1, so the tail is below
/// |pₖ|·r/(1 − r) ≤ |pₖ|, which joins the radius. Where the terms alternate they cancel: the
/// largest is below e^|x| (Si, Ci, Ei of x < 0, sinc) or e^a (Fresnel), so w has that many more
/// bits (log₂ e = 1.45 per unit; Ei x ≈ eˣ/x for x < 0 twice that). The work, terms × bits, is
/// capped at ``maxIntegralWork`` (Si(1000) is within it, at about 1,500 bits); past it, or for an
/// argument past 2^20, the value is `.unsupported` (no asymptotic expansion yet).
extension Ball {
  /// The largest terms × bits of one series.
  static let maxIntegralWork = 8_388_608.0

  func integral(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if isExact && mid.isZero {
      switch f {
      case .sinc: return .one
      case .ei, .ci, .chi: throw .notReal
      default: return .zero
      }
    }
    if f.isOdd && mid.isNegative { return try -(-self).integral(f, bits: p, c) }
    if f == .sinc && mid.isNegative { return try (-self).integral(f, bits: p, c) }
    let size = Swift.abs(mid.approximate)
    guard size < 1_048_576 else { throw .unsupported }
    let q = p + 16
    switch f {
    case .erfi:
      let s = try Self.integralSeries(.product(self, self, bits: q + 8), bits: q + 8, d: { $0 }, m: { 2 * $0 + 1 })
      let root = try c.pi(bits: q + 8).squareRoot(bits: q + 8)
      return try .product(.quotient(scaled(1), root, bits: q + 8), s, bits: p)
    case .si, .shi, .sinc:
      if f == .sinc && size >= 1 {
        return try .quotient(sinCos(bits: q, c).sin, self, bits: p)
      }
      let w = q + 8 + (f == .shi ? 0 : Int(1.45 * size))
      let square = try Ball.product(self, self, bits: w)
      let z = f == .shi ? square : -square
      let s = try Self.integralSeries(z, bits: w, d: { 2 * $0 * (2 * $0 + 1) }, m: { f == .sinc ? 1 : 2 * $0 + 1 })
      return try f == .sinc ? s.rounded(bits: p) : .product(self, s, bits: p)
    case .ci, .chi:
      let w = q + 8 + (f == .chi ? 0 : Int(1.45 * size))
      let square = try Ball.product(self, self, bits: w)
      let s = try Self.integralSeries(
        f == .chi ? square : -square, from: 1, bits: w, d: { (2 * $0 - 1) * 2 * $0 }, m: { 2 * $0 })
      return try .sum(.sum(log(bits: w, c), Self.eulerGamma(bits: w, c), bits: w), s, bits: p)
    case .ei:
      let w = q + 8 + (mid.isNegative ? Int(2.9 * size) : 0)
      let s = try Self.integralSeries(self, from: 1, bits: w, d: { $0 }, m: { $0 })
      return try .sum(.sum(magnitude.log(bits: w, c), Self.eulerGamma(bits: w, c), bits: w), s, bits: p)
    case .li:
      return try log(bits: q, c).integral(.ei, bits: p, c)
    case .fresnels, .fresnelc:
      let a = try Ball.product(c.pi(bits: q + 8), .product(self, self, bits: q + 8), bits: q + 8).scaled(-1)
      let w = q + 8 + Int(1.45 * a.mid.approximate)
      let z = try -Ball.product(a, a, bits: w)
      if f == .fresnelc {
        let s = try Self.integralSeries(z, bits: w, d: { (2 * $0 - 1) * 2 * $0 }, m: { 4 * $0 + 1 })
        return try .product(self, s, bits: p)
      }
      let s = try Self.integralSeries(z, bits: w, d: { 2 * $0 * (2 * $0 + 1) }, m: { 4 * $0 + 3 })
      return try .product(.product(self, a, bits: w), s, bits: p)
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs, .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil,
      .relu, .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw:
      return try apply(f, bits: p, c)
    }
  }

  /// Σₖ≥ₖ₀ pₖ/mₖ with p₀ = 1, pₖ = pₖ₋₁·z/dₖ, to 2^(−w) (the note above ``integral(_:bits:_:)``).
  static func integralSeries(
    _ z: Ball, from k0: Int = 0, bits w: Int, d: (Int) -> Int, m: (Int) -> Int
  ) throws(BallFailure) -> Ball {
    let zUp = z.magnitudeUp
    let small = Mag.power2(-w)
    var p = Ball.one
    var sum = k0 == 0 ? try Ball.quotient(.one, Ball(m(0)), bits: w) : Ball.zero
    var k = 0
    while !(k >= k0 && !(Mag(Double(d(k + 1))) < zUp.scaled(1)) && p.magnitudeUp < small) {
      k += 1
      if Double(k) * Double(w) > maxIntegralWork { throw .unsupported }
      let wk = termBits(p, below: sum, w)
      p = try .quotient(.product(p, z.rounded(bits: wk), bits: wk), Ball(d(k)), bits: wk)
      if k >= k0 { sum = try .sum(sum, .quotient(p, Ball(m(k)), bits: wk), bits: w) }
    }
    sum.rad = sum.rad + p.magnitudeUp
    return sum
  }

  /// Euler's constant γ = −ψ(1) (DLMF 5.4.12).
  static func eulerGamma(bits w: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    try -Ball.one.digamma(bits: w, c)
  }
}
