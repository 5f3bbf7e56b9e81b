#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Real-domain values of the functions C's `<math.h>` lacks, and the poles and domains of those it
/// has (NaN where the real function is undefined). Checked against mpmath in `SpecialFunctionTests`.
enum SpecialFunctions {
  /// σ(x) = 1/(1 + e^(−x)), without overflow: e^(−x) is formed only for x ≥ 0, and
  /// σ(x) = e^x/(1 + e^x) below.
  static func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)): no overflow for large x and no
  /// loss for very negative x (softplus(−40) = e^(−40) to full precision).
  static func softplus(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return Swift.max(x, 0) + log1p(exp(-Swift.abs(x)))
  }

  /// True for 0, −1, −2, …: the poles of Γ, log Γ, ψ and ψ⁽ⁿ⁾.
  static func isPole(_ x: Double) -> Bool { x <= 0 && x == x.rounded() }

  /// Γ(x), NaN at the poles.
  static func gamma(_ x: Double) -> Double { isPole(x) ? .nan : tgamma(x) }

  /// log Γ(x) where Γ(x) > 0; NaN where Γ(x) < 0 (−1 < x < 0, −3 < x < −2, …) and at the poles,
  /// as the real logarithm of Γ. (C's `lgamma` is log |Γ(x)|.)
  static func loggamma(_ x: Double) -> Double {
    if x.isNaN || isPole(x) || gammaSign(x) < 0 { return .nan }
    return lgamma(x)
  }

  /// The sign of Γ(x) away from its poles: positive for x > 0; for x < 0, (−1)^k on (−k, −k + 1).
  static func gammaSign(_ x: Double) -> Double {
    if x > 0 { return 1 }
    let k = -x.rounded(.down)  // x in (−k, −k + 1)
    return k.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1
  }

  /// ψ(x) = Γ'(x)/Γ(x). For x < 0 the reflection ψ(x) = ψ(1 − x) − π/tan(πx) (with πx reduced
  /// to (−π/2, π/2] first); within 1/8 of ψ's positive zero x₀ its Taylor series there
  /// (``digammaZero``); otherwise, for x > 0, the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 12,
  /// then the asymptotic series ψ(x) ~ log x − 1/(2x) − Σₖ B₂ₖ/(2k·x²ᵏ), k = 1…7.
  static func digamma(_ x: Double) -> Double {
    if x.isNaN || isPole(x) { return .nan }
    if x < 0 {
      let r = x - x.rounded()
      return digamma(1 - x) - Double.pi / tan(Double.pi * r)
    }
    if Swift.abs(x - digammaZero.hi) < 0.125 {
      let h = (x - digammaZero.hi) - digammaZero.lo
      return h * digammaTaylor.reversed().reduce(0) { $0 * h + $1 }
    }
    var y = x
    var shift = 0.0
    while y < 12 {
      shift -= 1 / y
      y += 1
    }
    let y2 = 1 / (y * y)
    // B₂ₖ/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
    let series =
      y2
      * (1.0 / 12 - y2
        * (1.0 / 120 - y2 * (1.0 / 252 - y2 * (1.0 / 240 - y2 * (1.0 / 132 - y2 * (691.0 / 32760 - y2 / 12))))))
    return shift + log(y) - 0.5 / y - series
  }

  /// T(x) = log Γ(x) − (x − ½)·log x + x − ½·log 2π = 1/(12x) − 1/(360x³) + 1/(1260x⁵) −
  /// 1/(1680x⁷) + …, for x ≥ 85 (where the next term, 1/(1188x⁹), is below 10⁻¹⁹).
  static func stirlingTail(_ x: Double) -> Double {
    let y2 = 1 / (x * x)
    return (1.0 / 12 - y2 * (1.0 / 360 - y2 * (1.0 / 1260 - y2 / 1680))) / x
  }

  /// ψ's positive zero x₀ = 1.46163214496836234126…, the minimum of Γ, as the nearest double
  /// and the rest. Near x₀ the recurrence and series above sum terms of size 1 to a value near 0,
  /// so they keep only its absolute precision (ψ(x₀ + 10⁻¹²) = 9.67e-13 came out 1.8e-4 off,
  /// relatively); there ψ(x) = Σₖ cₖ hᵏ with h = (x − hi) − lo (x − hi is exact: Sterbenz)
  /// keeps every digit. The generated units' helpers take the same branch.
  static let digammaZero = (hi: 1.4616321449683622, lo: 9.549995429965697e-17)

  /// cₖ = ψ⁽ᵏ⁾(x₀)/k! for k = 1…17 (mpmath, 50 digits), the Taylor coefficients of ψ at x₀. The
  /// nearest pole is 0, so for |h| < 1/8 the terms fall about 8x₀ ≈ 11.7 times each: 17 terms
  /// reach 2⁻⁵⁶ of the first, and the sum is within 3e-16 of ψ, relatively.
  static let digammaTaylor: [Double] = [
    0.9676722454476212, -0.4427631689835921, 0.258499760955651, -0.16394270544240652, 0.10782405069126237,
    -0.07219956125645471, 0.04880428816414311, -0.03316112647484736, 0.022597648232218104, -0.01542476590494896,
    0.010538791616612175, -0.007204534386356869, 0.004926781395729853, -0.003369801655439328, 0.002305126326734928,
    -0.0015769367714301972, 0.0010788252019162967,
  ]

  /// ψ⁽ⁿ⁾(x) for an integer 0 ≤ n ≤ 100 (NaN otherwise, and at the poles):
  /// ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ n! Σₖ 1/(x + k)ⁿ⁺¹. The recurrence
  /// ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + (−1)ⁿ⁺¹ n!/xⁿ⁺¹ moves x to y ≥ 2n + 20, then the asymptotic series
  /// ψ⁽ⁿ⁾(y) ~ (−1)ⁿ⁺¹ [(n − 1)!/yⁿ + n!/(2yⁿ⁺¹) + Σₖ B₂ₖ (2k + n − 1)!/((2k)! y²ᵏ⁺ⁿ)].
  static func polygamma(_ order: Double, _ x: Double) -> Double {
    guard order >= 0, order <= 100, order == order.rounded(), !x.isNaN, !isPole(x) else { return .nan }
    let n = Int(order)
    if n == 0 { return digamma(x) }
    if x < -1e6 { return .nan }
    if x < 0 { return reflectedPolygamma(n, x) }
    let start = Double(2 * n + 20)
    var y = x
    var shift = 0.0
    while y < start {
      shift += pow(y, -Double(n + 1))
      y += 1
    }
    let factorial = tgamma(Double(n + 1))
    // Bracket / (n − 1)!: 1/yⁿ + n/(2yⁿ⁺¹) + Σ B₂ₖ (2k + n − 1)!/((2k)! (n − 1)! y²ᵏ⁺ⁿ).
    let bernoulli: [Double] = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6]
    var sum = 1 / pow(y, Double(n)) + Double(n) / (2 * pow(y, Double(n + 1)))
    var ratio = 1.0  // (2k + n − 1)!/((2k)! (n − 1)!), built term by term
    for (i, b) in bernoulli.enumerated() {
      let k = i + 1
      // From k − 1 to k: multiply by (2k + n − 2)(2k + n − 1)/((2k − 1)(2k)).
      ratio *= Double(2 * k + n - 2) * Double(2 * k + n - 1) / (Double(2 * k - 1) * Double(2 * k))
      sum += b * ratio / pow(y, Double(2 * k + n))
    }
    let magnitude = factorial * shift + tgamma(Double(n)) * sum
    return n % 2 == 1 ? magnitude : -magnitude
  }

  /// ψ⁽ⁿ⁾(x) for x < 0 by reflection: the sum of the recurrence would cancel there (ψ⁽¹⁰⁾(−10.5)
  /// came out 1% off, ψ⁽²⁰⁾(−20.5) 10¹⁸ times too large). Differentiating ψ(1 − x) − ψ(x) =
  /// π cot πx n times,
  ///
  ///     ψ⁽ⁿ⁾(x) = (−1)ⁿ ψ⁽ⁿ⁾(1 − x) − πⁿ⁺¹ Pₙ(cot πx),   P₀(c) = c,   Pₖ₊₁(c) = −(1 + c²) Pₖ′(c),
  ///
  /// the Pₖ with coefficients of one sign (no cancellation), and cot πr = sin(π(½ − |r|))/sin πr
  /// for r = x − round(x), exactly 0 at half-integers.
  static func reflectedPolygamma(_ n: Int, _ x: Double) -> Double {
    var p = [Double](repeating: 0, count: n + 3)
    p[1] = 1
    for k in 0..<n {
      var q = [Double](repeating: 0, count: n + 3)
      for j in 1...(k + 1) {
        q[j - 1] -= Double(j) * p[j]
        q[j + 1] -= Double(j) * p[j]
      }
      p = q
    }
    let r = x - x.rounded()
    let c = Double(signOf: r, magnitudeOf: sin(.pi * (0.5 - Swift.abs(r)))) / sin(.pi * Swift.abs(r))
    let value = p[0...(n + 1)].reversed().reduce(0.0) { $0 * c + $1 }
    let reflected = polygamma(Double(n), 1 - x)
    return (n % 2 == 1 ? -reflected : reflected) - pow(.pi, Double(n + 1)) * value
  }

  /// B(a, b) = Γ(a)Γ(b)/Γ(a + b): NaN at a pole of Γ(a) or Γ(b), 0 at a pole of Γ(a + b) only;
  /// through log |Γ| and the signs when a Γ would overflow. For a ≥ b > 0 with a + b ≥ 170,
  /// log Γ(a) − log Γ(a + b) by Stirling's series, without forming either (each is about a·log a,
  /// so their difference kept only a·log a·2⁻⁵³ absolute: B(10⁷, 1/2) was 8e-9 off, relatively):
  ///
  ///   log B(a, b) = log Γ(b) − (a − ½)·log1p(b/a) − b·log(a + b) + b + T(a) − T(a + b)
  ///
  /// with T from ``stirlingTail(_:)``.
  static func beta(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN || isPole(a) || isPole(b) { return .nan }
    if isPole(a + b) { return 0 }
    if Swift.max(Swift.abs(a), Swift.abs(b), Swift.abs(a + b)) < 170 {
      return tgamma(a) * tgamma(b) / tgamma(a + b)
    }
    if a > 0 && b > 0 {
      let (p, q) = (Swift.max(a, b), Swift.min(a, b))
      return exp(lgamma(q) - (p - 0.5) * log1p(q / p) - q * log(p + q) + q + stirlingTail(p) - stirlingTail(p + q))
    }
    let sign = gammaSign(a) * gammaSign(b) * gammaSign(a + b)
    return sign * exp(lgamma(a) + lgamma(b) - lgamma(a + b))
  }
}
