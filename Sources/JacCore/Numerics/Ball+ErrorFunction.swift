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
/// - the series' cost grows as y²·w (2y² terms of w bits): past y²·w = 2^21 it is not run and the
///   value is `.unsupported` (reached only by a value undecided at lower precisions: erfc(20) is
///   decided at 80 bits, by the asymptotic series).
/// - y > 2^25: e^(−y²) < 2^(−2^50) is past every ball's exponent: erfc y is real and beyond the
///   decimals (`.overflow`: its exact form prints), erf y is within 2^(−2^40) of 1.
///
/// Radii propagate through the ball operations; the truncation bounds are taken over the ball.
extension Ball {
  /// The largest y²·w of the series (see the note above ``errorFunction(_:bits:_:)``'s series).
  static let maxErrorFunctionWork = 2_097_152.0

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
    // The series costs about 2y² products at this precision: past y²·w = 2^21 (erf(30) at 2,048
    // bits, erfc(20) at 4,096) it is not run (seconds of work, only for values undecided below).
    if square.mid.approximate * Double(q + lost + 40) > Ball.maxErrorFunctionWork { throw .unsupported }
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
      // A term far below the sum needs fewer bits: rounded to 2^(−w−32) of the sum (the terms
      // before the largest are within a factor of it, so they keep all w bits).
      let wk = Self.termBits(term, below: sum, w)
      term = try .quotient(.product(term, twoSquare.rounded(bits: wk), bits: wk), Ball(2 * k + 1), bits: wk)
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
    let inverse = try square.scaled(1).reciprocal(bits: w + 8)
    var term = Ball.one
    var sum = Ball.one
    var k = 0
    let small = Mag.power2(-w)
    while true {
      k += 1
      let wk = Self.termBits(term, below: sum, w)
      term = try -Ball.product(.product(term, inverse.rounded(bits: wk), bits: wk), Ball(2 * k - 1), bits: wk)
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

extension Ball {
  /// The precision for a series term: w bits and 32 more, less the binary orders by which it is
  /// below the sum (at least 64). Only the radius depends on it, and that is kept.
  static func termBits(_ term: Ball, below sum: Ball, _ w: Int) -> Int {
    if term.mid.isZero || sum.mid.isZero { return w }
    return Swift.max(64, Swift.min(w, w + 32 - (sum.mid.order - term.mid.order)))
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
