/// The Bernoulli numbers of the Stirling series, exact.
///
///     B₂ₖ = (−1)^(k−1)·2k·Tₖ / (4ᵏ(4ᵏ − 1))
///
/// from the tangent numbers Tₖ (tan x = Σ Tₖ x^(2k−1)/(2k − 1)!: 1, 2, 16, 272, …), computed in
/// place with small-integer products only (Brent and Harvey, "Fast computation of Bernoulli,
/// tangent and secant numbers", 2011, algorithm TangentNumbers):
///
///     T₁ = 1;  Tₖ = (k − 1)·Tₖ₋₁;  then for k = 2…n, j = k…n:  Tⱼ = (j − k)·Tⱼ₋₁ + (j − k + 2)·Tⱼ
///
/// O(n²) operations on numbers of O(n log n) bits; checked against SymPy's `bernoulli` in
/// `BallTests`.
extension BallConstants {
  /// B₂ₖ for k ≥ 1.
  func bernoulli(_ k: Int) -> Rational {
    if k > bernoulliCache.count { bernoulliCache = Self.bernoulliNumbers(max(k, 2 * bernoulliCache.count, 16)) }
    return bernoulliCache[k - 1]
  }

  /// B₂, …, B₂ₙ.
  static func bernoulliNumbers(_ n: Int) -> [Rational] {
    var t = [BigInt](repeating: .zero, count: n + 1)
    t[1] = .one
    if n >= 2 {
      for k in 2...n { t[k] = BigInt(k - 1) * t[k - 1] }
      for k in 2...n {
        for j in k...n { t[j] = BigInt(j - k) * t[j - 1] + BigInt(j - k + 2) * t[j] }
      }
    }
    return (1...n).map { k in
      let four = BigInt.one.shiftedLeft(2 * k)
      let numerator = BigInt(2 * k) * t[k]
      return Rational(k & 1 == 1 ? numerator : -numerator, four * (four - .one))
    }
  }
}
