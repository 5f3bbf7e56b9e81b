/// erf and erfc on balls, for y = |x| (erf is odd, erfc(−y) = 1 + erf y):
///
/// - y² < q + 16 (q the working precision): the series of positive terms (DLMF 7.6.2)
///
///       erf y = (2y/√π)·e^(−y²)·Σₖ (2y²)ᵏ/(1·3·…·(2k + 1)),   tₖ = tₖ₋₁·2y²/(2k + 1)
///
///   summed with balls until the ratio r = 2y²/(2k + 3) is at most 1/2 and tₖ < 2^(−w) (the sum
///   is at least 1): the tail Σⱼ>ₖ tⱼ ≤ tₖ·r/(1 − r) ≤ tₖ joins the radius. No cancellation, and a
///   tiny y keeps its relative precision (the factor y). erfc y = 1 − erf y there, at
///   y²·log₂ e more bits (erfc y ≈ e^(−y²)/(y√π) cancels that many).
/// - y² ≥ q + 16: the asymptotic series (DLMF 7.12.1)
///
///       erfc y = e^(−y²)/(y√π)·(Σₖ<K (−1)ᵏ·1·3·…·(2k − 1)/(2y²)ᵏ + R_K)
///
///   whose remainder for real y is bounded by the first neglected term (DLMF §7.12(i)); terms
///   fall by (2k − 1)/(2y²) ≤ 1/2 until k ≈ y², below e^(−y²) < 2^(−q) there. erf y = 1 − erfc y.
/// - y > 2^25: e^(−y²) < 2^(−2^50) is past every ball's exponent: erfc y is real and beyond the
///   decimals (`.overflow`: its exact form prints), erf y is within 2^(−2^40) of 1.
///
/// Radii propagate through the ball operations; the truncation bounds are taken over the ball.
extension Ball {
  func errorFunction(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if isExact && mid.isZero { return f == .erf ? .zero : .one }
    if mid.isNegative {
      let e = try (-self).errorFunction(.erf, bits: p + 4, c)
      return try f == .erf ? -e : .sum(.one, e, bits: p)
    }
    let q = p + 16
    if compare(to: BigFloat(1, exponent: 25)) == 1 {
      if f == .erfc { throw .overflow }
      return try Ball.sum(.one, Ball(.zero, Mag.power2(-(1 << 40))), bits: p)
    }
    let square = try Ball.product(self, self, bits: q + 8)
    if square.compare(to: BigFloat(q + 16)) == 1 {
      let tail = try complementAsymptotic(square, bits: q, c)
      return try f == .erfc ? tail.rounded(bits: p) : .sum(.one, -tail, bits: p)
    }
    // erfc = 1 − erf cancels about y²·log₂ e < 1.45·y² bits.
    let lost = f == .erfc ? Int((1.45 * square.mid.approximate).rounded(.up)) + 8 : 0
    let e = try errorFunctionSeries(square, bits: q + lost, c)
    return try f == .erf ? e.rounded(bits: p) : .sum(.one, -e, bits: p)
  }

  /// erf y by the series of positive terms, from y² (`square`).
  private func errorFunctionSeries(_ square: Ball, bits q: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let w = q + 40
    let twoSquare = square.scaled(1)
    let twoSquareUp = twoSquare.magnitudeUp
    var term = Ball.one
    var sum = Ball.one
    var k = 0
    let small = Mag.power2(-w)
    // r = 2y²/(2k + 3) ≤ 1/2 and tₖ < 2^(−w): the tail is at most tₖ.
    while !(twoSquareUp.scaled(1) < Mag(Double(2 * k + 3)) && term.magnitudeUp < small) {
      k += 1
      term = try .quotient(.product(term, twoSquare, bits: w), Ball(2 * k + 1), bits: w)
      sum = try .sum(sum, term, bits: w)
    }
    sum.rad = sum.rad + term.magnitudeUp
    let root = try c.pi(bits: w).squareRoot(bits: w)
    let factor = try Ball.quotient(scaled(1), root, bits: w)
    let decay = try (-square).exp(bits: w, c)
    return try .product(.product(factor, decay, bits: w), sum, bits: q)
  }

  /// erfc y by the asymptotic series, from y² (`square`) ≥ q + 16.
  private func complementAsymptotic(_ square: Ball, bits q: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let w = q + 24
    let twoSquare = square.scaled(1)
    var term = Ball.one
    var sum = Ball.one
    var k = 0
    let small = Mag.power2(-w)
    while true {
      k += 1
      term = try -Ball.quotient(.product(term, Ball(2 * k - 1), bits: w), twoSquare, bits: w)
      if term.magnitudeUp < small { break }
      // Terms fall while 2k − 1 < 2y²; y² ≥ q + 16 ends the loop long before.
      guard square.compare(to: BigFloat(k)) == 1 else { throw .imprecise }
      sum = try .sum(sum, term, bits: w)
    }
    // The first neglected term bounds the remainder.
    sum.rad = sum.rad + term.magnitudeUp
    let root = try c.pi(bits: w).squareRoot(bits: w)
    let decay = try (-square).exp(bits: w, c)
    return try .quotient(.product(decay, sum, bits: w), .product(self, root, bits: w), bits: q)
  }
}

extension BigFloat {
  /// The value as a `Double` (its leading 53 bits; ±infinity or 0 past the range): for choosing
  /// precisions and term counts, never for a result.
  var approximate: Double {
    let (top, shift) = mantissa.leadingBits(53)
    let e = shift + exponent
    if e > 1100 { return mantissa.isNegative ? -.infinity : .infinity }
    if e < -1200 { return 0 }
    let magnitude = Double(sign: .plus, exponent: e, significand: Double(top))
    return mantissa.isNegative ? -magnitude : magnitude
  }
}
