/// jac's elementary functions (``Function``) and powers on balls. Each is a formula in the
/// primitives of `Ball+Elementary.swift` chosen to avoid cancellation, evaluated with ball
/// operations (so radii propagate by themselves), after a rigorous domain test: a ball wholly
/// outside the real domain is `.notReal`, one straddling its boundary `.imprecise`.
///
///     tan = sin/cos, cot = cos/sin, sec = 1/cos, csc = 1/sin
///     asin x = atan(x/√((1 − x)(1 + x))),      acos x = 2·atan √((1 − x)/(1 + x))
///     sinh x = (E + E/(E + 1))/2, E = eˣ − 1    cosh x = (eˣ + e⁻ˣ)/2
///     tanh x = E/(E + 2), E = e²ˣ − 1           (for x ≥ 0; odd functions by symmetry)
///     asinh x = log1p(x + x²/(1 + √(1 + x²)))   acosh x = log1p(t + √(t(2 + t))), t = x − 1
///     atanh x = log1p(2x/(1 − x))/2
extension Ball {
  /// f(self) to `bits` bits.
  public func apply(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    switch f {
    case .sin: return try sinCos(bits: p, c).sin
    case .cos: return try sinCos(bits: p, c).cos
    case .tan, .cot, .sec, .csc:
      let (s, co) = try sinCos(bits: q, c)
      switch f {
      case .tan: return try .quotient(s, co, bits: p)
      case .cot: return try .quotient(co, s, bits: p)
      case .sec: return try co.reciprocal(bits: p)
      default: return try s.reciprocal(bits: p)
      }
    case .asin, .acos: return try inverseCosineOrSine(f, bits: p, c)
    case .sech, .csch, .coth: return try reciprocalHyperbolic(f, bits: p, c)
    case .acot, .asec, .acsc, .asech, .acsch, .acoth: return try inverseOfReciprocal(f, bits: p, c)
    case .sigmoid, .softplus: return try logistic(f, bits: p, c)
    case .sign, .heaviside, .floor, .ceil, .relu: return try piecewise(f)
    case .erf, .erfc: return try errorFunction(f, bits: p, c)
    case .gamma, .loggamma, .digamma: return try gammaFamily(f, bits: p, c)
    case .lambertw: return try lambertW(bits: p, c)
    case .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc: return try integral(f, bits: p, c)
    case .atan: return try atan(bits: p, c)
    case .sinh, .tanh, .asinh:
      if mid.isNegative { return try -(-self).apply(f, bits: p, c) }
      if f == .sinh {
        let e = try expMinusOne(bits: q, c)
        let ratio = try Ball.quotient(e, .sum(e, .one, bits: q), bits: q)
        return try Ball.sum(e, ratio, bits: p).scaled(-1)
      }
      if f == .tanh {
        // Past 2^40, 1 − tanh x < 2e^(−2x) < 2^(−2^40): that is the ball.
        if compare(to: BigFloat(1, exponent: 40)) == 1 {
          return try .sum(.one, Ball(.zero, Mag.power2(-(1 << 40))), bits: p)
        }
        let e = try scaled(1).expMinusOne(bits: q, c)
        return try .quotient(e, .sum(e, Ball(2), bits: q), bits: p)
      }
      let square = try Ball.product(self, self, bits: q)
      let root = try Ball.sum(.one, square, bits: q).squareRoot(bits: q)
      let t = try Ball.sum(self, .quotient(square, .sum(.one, root, bits: q), bits: q), bits: q)
      return try t.logOnePlus(bits: p, c)
    case .cosh:
      let y = mid.isNegative ? -self : self
      let e = try y.exp(bits: q, c)
      return try Ball.sum(e, e.reciprocal(bits: q), bits: p).scaled(-1)
    case .acosh:
      switch compare(to: .one) {
      case 1: break
      case -1: throw .notReal
      default:
        if isExact { return .zero }
        throw .imprecise
      }
      let t = try Ball.sum(self, Ball(-1), bits: q)
      let root = try Ball.product(t, .sum(t, Ball(2), bits: q), bits: q).squareRoot(bits: q)
      return try Ball.sum(t, root, bits: q).logOnePlus(bits: p, c)
    case .atanh:
      try requireInside(open: true)
      let ratio = try Ball.quotient(scaled(1), .sum(.one, -self, bits: q), bits: q)
      return try ratio.logOnePlus(bits: p, c).scaled(-1)
    case .exp: return try exp(bits: p, c)
    case .log: return try log(bits: p, c)
    case .abs: return magnitude
    }
  }

  /// Throws unless the ball lies in (−1, 1) (`open`) or [−1, 1]: `.notReal` when every point is
  /// outside [−1, 1], else `.imprecise` (an exact ±1 passes the closed test).
  private func requireInside(open: Bool) throws(BallFailure) {
    let above = compare(to: .one)
    let below = compare(to: BigFloat(-1))
    if above == 1 || below == -1 { throw .notReal }
    if above == -1 && below == 1 { return }
    let unit = isExact && BigFloat.compare(mid.magnitude, .one) == 0
    if unit && open { throw .notReal }
    if !unit { throw .imprecise }
  }

  /// asin or acos, on [−1, 1].
  private func inverseCosineOrSine(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    try requireInside(open: false)
    let q = p + 16
    let oneMinus = try Ball.sum(.one, -self, bits: q)
    let onePlus = try Ball.sum(.one, self, bits: q)
    if f == .asin {
      if isExact && oneMinus.mid.isZero { return try c.pi(bits: q).scaled(-1).rounded(bits: p) }
      if isExact && onePlus.mid.isZero { return try (-c.pi(bits: q).scaled(-1)).rounded(bits: p) }
      let root = try Ball.product(oneMinus, onePlus, bits: q).squareRoot(bits: q)
      return try Ball.quotient(self, root, bits: q).atan(bits: p, c)
    }
    if isExact && onePlus.mid.isZero { return try c.pi(bits: q).rounded(bits: p) }
    let root = try Ball.quotient(oneMinus, onePlus, bits: q).squareRoot(bits: q)
    return try root.atan(bits: p, c).scaled(1)
  }

  /// The ball rounded to `bits` bits.
  func rounded(bits: Int) throws(BallFailure) -> Ball { try Ball.rounded(mid, rad, bits: bits) }

  // MARK: Powers

  /// self^(n/d) for a rational exponent in lowest terms. An odd root of a negative number is
  /// real ((−8)^(2/3) = 4), an even root is not; a ball straddling 0 under an odd root with
  /// n > 0 gives a ball around 0, under an even root or with n < 0 `.imprecise`.
  /// |x|^(n/d) = (√|x|)ⁿ for d = 2, else exp((n/d)·log|x|).
  public func power(_ e: Rational, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if e.isInteger { return try power(e.numerator, bits: p) }
    let n = e.numerator
    let d = e.denominator
    guard let s = sign else {
      if d.isEven || n.isNegative { throw .imprecise }
      let bound = try Ball(magnitudeUp.bigFloat).power(e, bits: p, c)
      return Ball(.zero, bound.magnitudeUp)
    }
    if s == 0 {
      if n.isNegative { throw .notReal }
      return .zero
    }
    if s < 0 && d.isEven { throw .notReal }
    let q = p + 16
    let m = s < 0 ? -self : self
    var r: Ball
    if d == BigInt(2) {
      r = try m.squareRoot(bits: q).power(n, bits: q)
    } else {
      let (v, error) = BigFloat.from(e, bits: q + 64)
      r = try m.exponential(of: Ball(v, error), bits: q, c)
    }
    if s < 0 && !n.isEven { r = -r }
    return try r.rounded(bits: p)
  }

  /// self^y for an exponent that is not a rational number: exp(y·log x) for x > 0; 0 for x = 0
  /// and y > 0. As jac's `Double` evaluation has it, a negative base is not real (the exponent
  /// is not a rational with an odd denominator).
  public func power(real y: Ball, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    guard let s = sign else { throw .imprecise }
    if s == 0 {
      guard let t = y.sign else { throw .imprecise }
      if t > 0 { return .zero }
      throw .notReal
    }
    if s < 0 { throw .notReal }
    return try exponential(of: y, bits: p, c)
  }

  /// exp(y·log x) for x > 0, with log x to as many more bits as y·log x has before its binary
  /// point (eʸ's relative error is y's absolute error).
  private func exponential(of y: Ball, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    var q = p + 16
    var t = try Ball.product(y, log(bits: q, c), bits: q)
    // eᵗ for |t| ≥ 2^58 is past the exponent range whatever the precision (and a log to
    // order(t) more bits would not end).
    if t.mid.order > 60 { throw t.rad < Mag.power2(t.mid.order - 2) ? .overflow : .imprecise }
    if t.mid.order > 0 {
      q += t.mid.order
      t = try Ball.product(y, log(bits: q, c), bits: q)
    }
    return try t.exp(bits: p, c)
  }
}
