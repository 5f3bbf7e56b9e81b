/// Power series in fixed point: an integer `V` stands for V·2^(−w), and every product or
/// quotient truncates, so each step errs by less than one unit 2^(−w) (an *ulp* below). Each
/// series returns its sum and a bound on its total error in ulps, derived in its comment; the
/// ball functions (``Ball+Elementary.swift``) turn the pair into a ball.
///
/// The arguments are small (|x| ≤ 1/2 unless said otherwise), so each term is at most half the
/// one before, and a term's error, δₖ ≤ (δₖ₋₁·|x| + 1)/cₖ + 1 ≤ δₖ₋₁/2 + 2, stays below 4.
/// The series stops at the first term that truncates to 0; the true remainder is then below
/// 2·(4 + 1) ulps. So N terms err by at most 4N + 10 ulps, plus what the argument's own
/// truncation (below 1 ulp) moves the sum: at most 2 ulps, the functions' slopes being below 2.
enum FixedPointSeries {
  /// ⌊a·b·2^(−w)⌋ toward zero.
  @inline(__always) static func multiply(_ a: BigInt, _ b: BigInt, _ w: Int) -> BigInt {
    (a * b).shiftedTowardZero(w)
  }

  /// x·2^w truncated toward zero (x = m·2^e): error below 1 ulp.
  static func fixed(_ x: BigFloat, _ w: Int) -> BigInt {
    let shift = x.exponent + w
    return shift >= 0 ? x.mantissa.shiftedLeft(shift) : x.mantissa.shiftedTowardZero(-shift)
  }

  /// The total error bound for a series of `terms` terms, in ulps: 4N + 12.
  static func bound(_ terms: Int) -> Double { Double(4 * terms + 12) }

  /// eˣ − 1 = Σₖ≥₁ xᵏ/k! for |x| ≤ 1/2 (`x` = x·2^w): Tₖ = ⌊⌊Tₖ₋₁·x·2^(−w)⌋/k⌋ from T₀ = 2^w.
  /// Error ≤ 4N + 12 ulps.
  static func expMinusOne(_ x: BigInt, _ w: Int) -> (sum: BigInt, error: Double) {
    let (ratio, error) = series(x, w, first: 1)
    return (ratio - BigInt.one.shiftedLeft(w), error)
  }

  /// (eˣ − 1)/x = Σₖ≥₀ xᵏ/(k+1)! for |x| ≤ 1/2 (`x` = x·2^w): Tₖ = ⌊⌊Tₖ₋₁·x·2^(−w)⌋/(k+1)⌋
  /// from T₀ = 2^w. The ratio keeps a tiny x's relative precision at a fixed w (eˣ − 1 itself
  /// would need w to grow with −log₂|x|). Error ≤ 4N + 12 ulps.
  static func expMinusOneRatio(_ x: BigInt, _ w: Int) -> (sum: BigInt, error: Double) {
    series(x, w, first: 2)
  }

  /// Σₖ≥₀ Tₖ with T₀ = 2^w, Tₖ = ⌊⌊Tₖ₋₁·x·2^(−w)⌋/(k + first − 1)⌋.
  private static func series(_ x: BigInt, _ w: Int, first: Int) -> (sum: BigInt, error: Double) {
    var term = BigInt.one.shiftedLeft(w)
    var sum = term
    var k = 1
    while true {
      term = multiply(term, x, w) / BigInt(k + first - 1)
      if term.isZero { break }
      sum += term
      k += 1
    }
    return (sum, bound(k))
  }

  /// sin x / x and cos x for |x| ≤ 1, from y = x² (`y` = y·2^w, truncated: below 1 ulp):
  ///
  ///     sin x / x = Σ (−y)ᵏ/(2k+1)!,  Tₖ = Tₖ₋₁·y/((2k)(2k+1)), T₀ = 2^w
  ///     cos x     = Σ (−y)ᵏ/(2k)!,    Tₖ = Tₖ₋₁·y/((2k−1)(2k)), T₀ = 2^w
  ///
  /// Here |y| ≤ 1, but the divisors are at least 2, so a term is at most half the one before,
  /// as the bound needs; y's error moves the sums by at most 1/6 and 1/2 of it. The ratio keeps
  /// a tiny x's relative precision at a fixed w. Error ≤ 4N + 12 ulps each.
  static func sinCos(y: BigInt, _ w: Int) -> (sinRatio: BigInt, cos: BigInt, error: Double) {
    func alternating(offset: Int) -> (BigInt, Int) {
      var term = BigInt.one.shiftedLeft(w)
      var sum = term
      var k = 1
      while true {
        let divisor = (2 * k - 1 + offset) * (2 * k + offset)
        term = multiply(term, y, w) / BigInt(divisor)
        if term.isZero { break }
        sum = k & 1 == 1 ? sum - term : sum + term
        k += 1
      }
      return (sum, k)
    }
    let (s, ns) = alternating(offset: 1)
    let (c, nc) = alternating(offset: 0)
    return (s, c, bound(max(ns, nc)))
  }

  /// atan x / x (`alternating`) or atanh x / x for |x| ≤ 1/2, from y = x² (`y` = y·2^w):
  ///
  ///     atan x / x = Σ (−y)ᵏ/(2k+1),   atanh x / x = Σ yᵏ/(2k+1)
  ///
  /// with Pₖ = ⌊Pₖ₋₁·y·2^(−w)⌋ (P₀ = 2^w) and terms ⌊Pₖ/(2k+1)⌋. Pₖ's error stays below 2
  /// (|y| ≤ 1/4), a term's below 3; the atanh remainder after a zero term is below 4/3 of it.
  /// Error ≤ 4N + 12 ulps.
  static func arctangent(y: BigInt, _ w: Int, alternating: Bool) -> (ratio: BigInt, error: Double) {
    var power = BigInt.one.shiftedLeft(w)
    var sum = power
    var k = 1
    while true {
      power = multiply(power, y, w)
      let term = power / BigInt(2 * k + 1)
      if term.isZero { break }
      sum = alternating && k & 1 == 1 ? sum - term : sum + term
      k += 1
    }
    return (sum, bound(k))
  }

  /// Σₖ (−1)ᵏ·c / ((2k+1)·n^(2k+1)) to `w` bits, for an integer n ≥ 2: c·atan(1/n) when
  /// `alternating`, else c·atanh(1/n). The powers are divided exactly by machine integers:
  /// Pₖ = ⌊Pₖ₋₁/n²⌋ from P₀ = ⌊c·2^w/n⌋ (error ≤ 1 + 1/n² + … < 2), terms ⌊Pₖ/(2k+1)⌋
  /// (error < 3). Error ≤ 4N + 12 ulps. Used for π (Machin) and ln 2.
  static func inverseInteger(_ n: UInt32, times c: UInt32, _ w: Int, alternating: Bool) -> (sum: BigInt, error: Double)
  {
    var power = Limbs.shiftLeft([c], w)
    _ = Limbs.divideInPlace(&power, by: n)
    var positive = power
    var negative: [UInt32] = []
    let square = UInt64(n) * UInt64(n)
    var k = 1
    while !power.isEmpty {
      if square <= UInt64(UInt32.max) {
        _ = Limbs.divideInPlace(&power, by: UInt32(square))
      } else {
        _ = Limbs.divideInPlace(&power, by: n)
        _ = Limbs.divideInPlace(&power, by: n)
      }
      var term = power
      _ = Limbs.divideInPlace(&term, by: UInt32(2 * k + 1))
      if term.isEmpty { break }
      if alternating && k & 1 == 1 {
        negative = Limbs.add(negative, term)
      } else {
        positive = Limbs.add(positive, term)
      }
      k += 1
    }
    let sum = BigInt(negative: false, magnitude: positive) - BigInt(negative: false, magnitude: negative)
    return (sum, bound(k) + 2 * Double(k))
  }
}
