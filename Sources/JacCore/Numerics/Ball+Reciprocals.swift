/// Issue 16's compositions of the primitives on balls: the reciprocal hyperbolics, the inverses
/// of the reciprocal functions, and the logistic pair. Each is a formula chosen to avoid
/// cancellation and overflow, after a rigorous domain test (a ball wholly outside the real
/// domain is `.notReal`, one straddling its boundary or a pole `.imprecise`); radii propagate
/// through the ball operations by themselves. Principal values as docs/rules.md and SymPy have
/// them (DLMF §4.23, §4.37):
///
///     sech x = 2E/(1 + E²),  E = e^(−|x|)      (an identity for every x; no overflow)
///     csch x = 2E/(1 − E²)   for |x| ≥ 1, else 1/sinh x        coth x = 1/tanh x
///     acot x = atan(1/x),    acot 0 = π/2 (jumps at 0)
///     asec x = acos(1/x) = 2·atan √((x − 1)/(x + 1))           for |x| ≥ 1
///     acsc x = asin(1/x) = atan(1/√((x − 1)(x + 1)))           for x ≥ 1, odd
///     asech x = acosh(1/x) = log1p(t + √(t(2 + t))), t = (1 − x)/x    for 0 < x ≤ 1
///     acsch x = asinh(1/x)                                     acoth x = log1p(2/(x − 1))/2 for x > 1, odd
///     sigmoid x = 1/(1 + e^(−x)) for x ≥ 0, eˣ/(1 + eˣ) below
///     softplus x = x + log1p(e^(−x)) for x ≥ 0, log1p(eˣ) below
///
/// Past x = 2^40, e^(−x) < 2^(−2^40) (eˣ would pass the balls' exponent range before 2^48):
/// sigmoid x and softplus x − x are then within 2^(−2^40) of 1 and 0, and that is the ball.
extension Ball {
  /// sech, csch or coth.
  func reciprocalHyperbolic(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    switch f {
    case .sech:
      let e = try (mid.isNegative ? self : -self).exp(bits: q, c)
      let square = try Ball.product(e, e, bits: q)
      return try .quotient(e.scaled(1), .sum(.one, square, bits: q), bits: p)
    case .csch:
      if mid.isNegative { return try -(-self).reciprocalHyperbolic(f, bits: p, c) }
      if !mid.isZero && mid.order >= 1 {
        let e = try (-self).exp(bits: q, c)
        let square = try Ball.product(e, e, bits: q)
        return try .quotient(e.scaled(1), .sum(.one, -square, bits: q), bits: p)
      }
      return try apply(.sinh, bits: q, c).reciprocal(bits: p)
    default:
      return try apply(.tanh, bits: q, c).reciprocal(bits: p)
    }
  }

  /// acot, asec, acsc, asech, acsch or acoth.
  func inverseOfReciprocal(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    let one = Ball.one
    switch f {
    case .acot:
      guard let s = sign else { throw .imprecise }
      if s == 0 { return try c.pi(bits: q).scaled(-1).rounded(bits: p) }
      return try reciprocal(bits: q).atan(bits: p, c)
    case .asec:
      if let exact = try unitBoundary(open: false) {
        return exact > 0 ? .zero : try c.pi(bits: q).rounded(bits: p)
      }
      let ratio = try Ball.quotient(.sum(self, -one, bits: q), .sum(self, one, bits: q), bits: q)
      return try ratio.squareRoot(bits: q).atan(bits: p, c).scaled(1)
    case .acsc:
      if mid.isNegative { return try -(-self).inverseOfReciprocal(f, bits: p, c) }
      if try unitBoundary(open: false) != nil { return try c.pi(bits: q).scaled(-1).rounded(bits: p) }
      let product = try Ball.product(.sum(self, -one, bits: q), .sum(self, one, bits: q), bits: q)
      return try product.squareRoot(bits: q).reciprocal(bits: q).atan(bits: p, c)
    case .asech:
      guard let s = sign else { throw .imprecise }
      if s <= 0 { throw .notReal }
      switch compare(to: .one) {
      case -1: break
      case 1: throw .notReal
      default:
        if isExact { return .zero }
        throw .imprecise
      }
      let t = try Ball.quotient(.sum(one, -self, bits: q), self, bits: q)
      let root = try Ball.product(t, .sum(t, Ball(2), bits: q), bits: q).squareRoot(bits: q)
      return try Ball.sum(t, root, bits: q).logOnePlus(bits: p, c)
    case .acsch:
      return try reciprocal(bits: q).apply(.asinh, bits: p, c)
    default:
      if mid.isNegative { return try -(-self).inverseOfReciprocal(f, bits: p, c) }
      if try unitBoundary(open: true) != nil { throw .notReal }
      let ratio = try Ball.quotient(Ball(2), .sum(self, -one, bits: q), bits: q)
      return try ratio.logOnePlus(bits: p, c).scaled(-1)
    }
  }

  /// The domain test of a function defined for |x| ≥ 1 (`open`: |x| > 1): nil when every point is
  /// inside the domain; ±1 for an exact ±1 (of a closed domain); `.notReal` when every point is in
  /// (−1, 1) (or [−1, 1] for an open domain); else `.imprecise`.
  private func unitBoundary(open: Bool) throws(BallFailure) -> Int? {
    let above = compare(to: .one)
    let below = compare(to: BigFloat(-1))
    if above == 1 || below == -1 { return nil }
    if above == -1 && below == 1 { throw .notReal }
    let unit = isExact && BigFloat.compare(mid.magnitude, .one) == 0
    if !unit { throw .imprecise }
    if open { throw .notReal }
    return mid.signum
  }

  /// sigmoid or softplus.
  func logistic(_ f: Function, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if !mid.isNegative {
      if compare(to: BigFloat(1, exponent: 40)) == 1 {
        let tiny = Ball(.zero, Mag.power2(-(1 << 40)))
        return try f == .sigmoid ? .sum(.one, tiny, bits: p) : .sum(self, tiny, bits: p)
      }
      let e = try (-self).exp(bits: q, c)
      if f == .sigmoid { return try Ball.sum(.one, e, bits: q).reciprocal(bits: p) }
      return try Ball.sum(self, e.logOnePlus(bits: q, c), bits: p)
    }
    let e = try exp(bits: q, c)
    if f == .sigmoid { return try .quotient(e, .sum(.one, e, bits: q), bits: p) }
    return try e.logOnePlus(bits: p, c)
  }
}
