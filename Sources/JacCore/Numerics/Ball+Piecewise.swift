/// The piecewise functions of issue 16 on balls, and the operators max, min and atan2.
///
/// A function with a jump (sign, heaviside, floor, ceil, and atan2 across the negative x axis)
/// is decided only when the whole ball lies where it is constant (or continuous): then its value
/// is exact. A ball that straddles a jump is `.imprecise` (the working precision rises, and an
/// argument that is exactly on the jump without the simplifier knowing it ends as not
/// certified); an argument that is exactly on it (an exact ball) takes the value docs/rules.md
/// gives: sign 0 = 0, heaviside 0 = 0, floor n = ceil n = n.
///
/// The continuous ones are Lipschitz with constant 1 in the largest coordinate, so the ball of
/// the midpoints' value with the largest radius holds every value:
///
///     |relu y − relu m| ≤ |y − m|,   |max(yᵢ) − max(mᵢ)| ≤ maxᵢ |yᵢ − mᵢ|   (min likewise)
extension Ball {
  /// sign, heaviside, floor, ceil or relu.
  func piecewise(_ f: Function) throws(BallFailure) -> Ball {
    switch f {
    case .sign, .heaviside:
      guard let s = sign else { throw .imprecise }
      return f == .sign ? Ball(s) : Ball(s > 0 ? 1 : 0)
    case .floor, .ceil:
      // Past 2^maxReductionOrder a ball never pins one integer within the work limit, and the
      // integer alone would take as many bits as the exponent (180 GB for floor(exp(10^12))).
      guard mid.order <= Ball.maxReductionOrder else { throw .imprecise }
      let up = f == .ceil
      let (low, high) = (lower.rounded(up: up), upper.rounded(up: up))
      guard low == high else { throw .imprecise }
      return Ball(BigFloat(low))
    default:
      switch sign {
      case 1: return self
      case .none: return Ball(mid.isNegative ? .zero : mid, rad)
      default: return .zero
      }
    }
  }

  /// max (`largest`) or min of the balls.
  static func extreme(_ balls: [Ball], largest: Bool) -> Ball {
    var best = balls[0]
    for b in balls.dropFirst() {
      let order = BigFloat.compare(b.mid, best.mid)
      if largest ? order > 0 : order < 0 { best.mid = b.mid }
      best.rad = Mag.max(best.rad, b.rad)
    }
    return best
  }

  /// atan2(y, x), the angle of (x, y) in (−π, π]:
  ///
  ///     y > 0:  π/2 − atan(x/y)      y < 0:  −π/2 − atan(x/y)      x > 0:  atan(y/x)
  ///     y = 0 exactly:  π for x < 0, undefined at x = 0 (jac's rules)
  ///
  /// Each formula holds on the whole half plane it is used in. A ball of y holding 0 with x not
  /// positive straddles the cut (π against −π) or the origin: `.imprecise`.
  static func angle(_ y: Ball, _ x: Ball, bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    let q = p + 16
    if let s = y.sign, s != 0 {
      let halfPi = c.pi(bits: q).scaled(-1)
      let a = try Ball.quotient(x, y, bits: q).atan(bits: q, c)
      return try .sum(s > 0 ? halfPi : -halfPi, -a, bits: p)
    }
    if x.sign == 1 { return try Ball.quotient(y, x, bits: q).atan(bits: p, c) }
    guard y.sign == 0, let t = x.sign else { throw .imprecise }
    if t == 0 { throw .notReal }
    return try c.pi(bits: q).rounded(bits: p)
  }
}

extension BigFloat {
  /// ⌊x⌋, or ⌈x⌉ when `up`, exactly.
  func rounded(up: Bool) -> BigInt {
    if exponent >= 0 { return mantissa.shiftedLeft(exponent) }
    let toward = mantissa.shiftedTowardZero(-exponent)
    let exact = mantissa.trailingZeroBitCount >= -exponent
    if exact { return toward }
    if up { return mantissa.isNegative ? toward : toward + .one }
    return mantissa.isNegative ? toward - .one : toward
  }
}
