/// W₀ (lambertw) on balls. W₀ is increasing on [−1/e, ∞), so the ball [x₋, x₊] maps into
/// [W₀(x₋), W₀(x₊)], and each end is enclosed by a proof, not by an error estimate:
///
///     a ≤ W₀(y) ≤ b   ⇐   a·e^a < y < b·e^b              (a ≥ −1: w·e^w increases on [−1, ∞))
///     a ≤ W₀(y) ≤ b   ⇐   a + log a < log y < b + log b    (0 < a, for y > 3: no e^b to overflow)
///
/// decided with ball arithmetic at a = w − δ, b = w + δ around an approximation w, δ = 2^(4−q)
/// relative to w; a check that fails is `.imprecise` (Ziv's loop raises the precision).
///
/// Domain: r = 1 + e·x over the ball; r < 0 is `.notReal` (x < −1/e, as log(−1)), a ball holding
/// 0 `.imprecise`. Near the branch point 1 + W₀(y) ≈ √(2r) =: t, and w·e^w − y is flat there
/// (its slope is about t/e): the checks take log₂(1/t) guard bits, and so does r itself.
///
/// The approximation: Newton's iteration at rising precision (each step doubles the correct bits,
/// less what the step's curvature costs), from
/// - |y| < 2^(−900): y (W₀(y) = y − y² + …), on w·e^w − y;
/// - r < 2^(−20): the branch-point series t = p − p²/3 + 11p³/72, p = √(2r), on
///   G(t) = (t − 1)·(e^t − 1) + t = r (w = t − 1; G' = t·e^t), whose error is about the
///   precision times t, so a step's rounding costs t no bits;
/// - y > 2^1000: log y − log log y + log log y/log y, on w + log w − log y;
/// - otherwise the `Double` value (``SpecialFunctions/lambertw(_:)``), on w·e^w − y (w + log w −
///   log y for y > 3).
extension Ball {
  func lambertW(bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    if isExact && mid.isZero { return .zero }
    let q = p + 16
    guard let s = try Self.branchDistance(self, bits: q + 8, c).sign, s != 0 else { throw .imprecise }
    if s < 0 { throw .notReal }
    let low = try Self.lambertWEnclosure(lower, bits: q, c)
    let high = isExact ? low.high : try Self.lambertWEnclosure(upper, bits: q, c).high
    return try Ball.rounded((low.low + high).scaled(-1), Mag(upper: (high - low.low).scaled(-1)), bits: p)
  }

  /// r = 1 + e·x: positive exactly where W₀(x) is real and not −1.
  private static func branchDistance(_ x: Ball, bits w: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    try Ball.sum(.one, .product(Ball.one.exp(bits: w, c), x, bits: w), bits: w)
  }

  /// a ≤ W₀(y) ≤ b, proved, with b − a about 2^(−q) relative.
  private static func lambertWEnclosure(_ y: BigFloat, bits q: Int, _ c: BallConstants) throws(BallFailure) -> (
    low: BigFloat, high: BigFloat
  ) {
    if y.isZero { return (.zero, .zero) }
    var r = try branchDistance(Ball(y), bits: q + 8, c)
    guard r.sign == 1 else { throw .imprecise }
    let guardBits = Swift.max(0, -r.mid.order / 2) + 8
    if r.mid.order < -20 { r = try branchDistance(Ball(y), bits: q + 8 + 2 * guardBits, c) }
    let viaLog = BigFloat.compare(y, BigFloat(3)) > 0
    // The domain is settled and W₀(y) is in range: a step that fails is undecided.
    guard let w = try? lambertWApproximation(y, r, viaLog: viaLog, bits: q, c) else { throw .imprecise }
    let delta = BigFloat(1, exponent: w.order - q + 4)
    let (a, b) = (w - delta, w + delta)
    // Whether v·e^v − y (or v + log v − log y) is below 0 (`below`), or above it, at v.
    func holds(_ v: BigFloat, below: Bool) -> Bool {
      let h = try? lambertWResidual(Ball(v), y, viaLog: viaLog, bits: q + guardBits + 8, c)
      return h?.sign == (below ? -1 : 1)
    }
    // Below −1 the low end is −1 itself: −1/e < y.
    let lowest = BigFloat.compare(a, BigFloat(-1)) <= 0
    if !lowest && !holds(a, below: true) || !holds(b, below: false) { throw .imprecise }
    return (lowest ? BigFloat(-1) : a, b)
  }

  /// v·e^v − y, or v + log v − log y (`viaLog`, v > 0).
  private static func lambertWResidual(
    _ v: Ball, _ y: BigFloat, viaLog: Bool, bits w: Int, _ c: BallConstants
  ) throws(BallFailure) -> Ball {
    if viaLog { return try .sum(.sum(v, v.log(bits: w, c), bits: w), -Ball(y).log(bits: w, c), bits: w) }
    return try .sum(.product(v, v.exp(bits: w, c), bits: w), -Ball(y), bits: w)
  }

  /// W₀(y) to about `bits` bits (not proved), for y ≠ 0 with r = 1 + e·y > 0 (see the note above
  /// ``lambertW(bits:_:)``).
  private static func lambertWApproximation(
    _ y: BigFloat, _ r: Ball, viaLog: Bool, bits q: Int, _ c: BallConstants
  ) throws(BallFailure) -> BigFloat {
    if r.mid.order < -20 {
      // The series' error is about p⁴/12; G''/(2G') ≈ 1/(2t) costs g bits a step.
      let g = -r.mid.order / 2 + 1
      let b = 4 * g + 40
      let p = try r.scaled(1).squareRoot(bits: b)
      let square = try Ball.product(p, p, bits: b)
      let cube = try Ball.quotient(.product(.product(square, p, bits: b), Ball(11), bits: b), Ball(72), bits: b)
      let t0 = try Ball.sum(.sum(p, -Ball.quotient(square, Ball(3), bits: b), bits: b), cube, bits: b).mid
      let t = try newton(t0, correct: 4 * (g - 2), bits: q, curvature: g + 1, rounding: 4) { v, b throws(BallFailure) in
        let product = try Ball.product(.sum(v, Ball(-1), bits: b), v.expMinusOne(bits: b, c), bits: b)
        let h = try Ball.sum(.sum(product, v, bits: b), -r, bits: b)
        return try .quotient(h, .product(v, v.exp(bits: b, c), bits: b), bits: b)
      }
      return t - .one
    }
    var w: BigFloat
    var correct: Int
    if y.order < -900 {
      (w, correct) = (y, -y.order)
    } else if y.order > 1000 {
      let l = try Ball(y).log(bits: 64, c)
      let ll = try l.log(bits: 64, c)
      w = try Ball.sum(.sum(l, -ll, bits: 64), .quotient(ll, l, bits: 64), bits: 64).mid
      correct = 16
    } else {
      let start = SpecialFunctions.lambertw(y.approximate)
      guard start.isFinite else { throw .imprecise }
      (w, correct) = (BigFloat.from(Rational(exactly: start), bits: 64).value, 40)
    }
    let loss = viaLog ? 2 : 12
    return try newton(w, correct: correct, bits: q, curvature: loss, rounding: loss) { v, b throws(BallFailure) in
      let h = try lambertWResidual(v, y, viaLog: viaLog, bits: b, c)
      let vPlusOne = try Ball.sum(v, .one, bits: b)
      if viaLog { return try .quotient(.product(h, v, bits: b), vPlusOne, bits: b) }
      return try .quotient(h, .product(v.exp(bits: b, c), vPlusOne, bits: b), bits: b)
    }
  }

  /// Newton's iteration v ← v − step(v, precision) from `start` with `correct` bits until it has
  /// `bits`: a step doubles the correct bits less `curvature`, and is taken at that precision
  /// (at most `bits`) and `rounding` bits more, which its rounding costs.
  private static func newton(
    _ start: BigFloat, correct: Int, bits q: Int, curvature: Int, rounding: Int,
    step: (Ball, Int) throws(BallFailure) -> Ball
  ) throws(BallFailure) -> BigFloat {
    var v = start
    var correct = correct
    if correct >= q { return v }
    for _ in 0..<64 {
      let precision = Swift.max(32, Swift.min(q, 2 * correct - curvature)) + rounding
      v = try (v - step(Ball(v), precision).mid).truncated(precision + 8).value
      correct = Swift.min(2 * correct - curvature, precision - rounding)
      if correct >= q { return v }
    }
    throw .imprecise
  }
}
