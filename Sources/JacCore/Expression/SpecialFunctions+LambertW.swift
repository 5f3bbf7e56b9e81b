#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// W₀(x), the principal real branch of Lambert's W (w·e^w = x, w ≥ −1), in `Double`, within a few
/// ulps of mpmath's `lambertw` on [−1/e, 1.8·10^308] (`HelperAccuracyTests`); the generated
/// code's `jac_lambertw` helpers are the same algorithm. Three regions, each with a first guess
/// and Halley's (or Newton's) iteration on an equation that is well conditioned there:
///
/// - x < −1/4, near the branch point: r = 1 + e·x = e·((x + c_hi) + c_lo), with 1/e = c_hi + c_lo
///   (x + c_hi is exact by Sterbenz's lemma, so r keeps its relative precision as x → −1/e).
///   r < 0 is not real (NaN). With w = t − 1, w·e^w = x reads G(t) = (t − 1)·e^t + 1 = r,
///   G' = t·e^t, G'' = (t + 1)·e^t; G is computed as (t − 1)·expm1(t) + t, whose error is about
///   ε·t, so t (and w) come out to about ε absolutely. First guess: the branch-point series
///   W = −1 + p − p²/3 + 11p³/72 − 43p⁴/540 + 769p⁵/17280, p = √(2r) (Corless et al. 1996; the
///   coefficients checked by reverting p = √(2G(t)) in SymPy).
/// - −1/4 ≤ x ≤ e: f(w) = w·e^w − x, f' = e^w·(w + 1), f'' = e^w·(w + 2), from Winitzki's
///   W ≈ L·(1 − log(1 + L)/(2 + L)), L = log(1 + x) (exact at x = 0; −0 stays −0).
/// - x > e: Newton on h(w) = w + log w − log x (no e^w to overflow), h' = 1 + 1/w, from the
///   asymptotic W ≈ L₁ − L₂ + L₂/L₁, L₁ = log x, L₂ = log L₁.
///
/// Each stops when a step is below 10⁻¹⁵ (about 4 ulps; the next would be far below an ulp), at
/// most 10 steps (1 to 4 are taken).
extension SpecialFunctions {
  /// 1/e as the double nearest it and the rest (mpmath), and e's nearest double.
  static let inverseE = (hi: 0.36787944117144233, lo: -1.2428753672788363e-17)
  static let e: Double = M_E

  /// The branch-point series' coefficients of p, p², …, p⁵.
  static let lambertwBranchSeries: [Double] = [1, -1.0 / 3, 11.0 / 72, -43.0 / 540, 769.0 / 17280]

  static func lambertw(_ x: Double) -> Double {
    if x.isNaN || x == .infinity { return x }
    if x < -0.25 {
      let r = e * ((x + inverseE.hi) + inverseE.lo)
      if !(r > 0) { return r == 0 ? -1 : .nan }
      let p = (2 * r).squareRoot()
      var t = p * lambertwBranchSeries.reversed().reduce(0) { $0 * p + $1 }
      for _ in 0..<10 {
        var d = ((t - 1) * expm1(t) + t - r) / (t * exp(t))
        d /= 1 - d * (t + 1) / (2 * t)
        t -= d
        if Swift.abs(d) <= 1e-15 { break }
      }
      return t - 1
    }
    if x <= e {
      let l = log1p(x)
      var w = l * (1 - log1p(l) / (2 + l))
      for _ in 0..<10 {
        let ew = exp(w)
        var d = (w * ew - x) / (ew * (w + 1))
        d /= 1 - d * (w + 2) / (2 * (w + 1))
        w -= d
        if Swift.abs(d) <= 1e-15 * Swift.abs(w) { break }
      }
      return w
    }
    let l = log(x)
    var w = l - log(l) + log(l) / l
    for _ in 0..<10 {
      let d = (w + log(w) - l) * w / (w + 1)
      w -= d
      if Swift.abs(d) <= 1e-15 * w { break }
    }
    return w
  }
}
