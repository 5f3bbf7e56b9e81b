/// Whether constant arguments are provably off a kink or jump (for the `--at` note), with balls
/// at 80 to 640 bits: an exact rational argument is decided exactly; any other is off once its
/// ball excludes the kink. An argument not proved off (exactly on it, or too close to tell) counts
/// as on it: the note then says the convention applies, which is true or harmless.
extension ExpressionPool {
  enum KinkKind {
    /// sign, heaviside, relu, abs, acot: at 0.
    case zero
    /// floor, ceil: at the integers.
    case integer
    /// max (largest: true), min: where two arguments tie for the largest (smallest) value.
    case tie(largest: Bool)
    /// atan2(y, x): on the negative x axis, y = 0 and x ≤ 0.
    case branchCut
  }

  /// What kink node `e` is, with its arguments: a call of a function with a kink or jump
  /// (``Function/isKink(at:)``: at 0, or at the integers), max or min (a tie of two arguments),
  /// and with `branchCuts` atan2 (its jump); nil for any other node.
  func kinkCall(_ e: Expr, branchCuts: Bool = false) -> (kind: KinkKind, arguments: [Expr])? {
    switch node(e) {
    case .call(let f, let u) where f.isKink(at: 0) || f.isKink(at: 1): return (f.isKink(at: 1) ? .integer : .zero, [u])
    case .apply(let op, let args) where op == .max || op == .min: return (.tie(largest: op == .max), Array(args))
    case .apply(.atan2, let args) where branchCuts: return (.branchCut, Array(args))
    case .number, .symbol, .constant, .sum, .product, .power, .call, .apply, .undefined: return nil
    }
  }

  func provedOffKinks(_ arguments: [Expr], _ kind: KinkKind) -> Bool {
    // Undefined or out of range: the value itself is the error, no note.
    decidedWithBalls(arguments, failed: true) { Self.off($0, kind) ? true : nil } ?? false
  }

  /// The sign of a constant `e` once a ball proves it (an exact 0 only when the ball is exactly
  /// 0); `.notReal` when it is undefined or out of range; nil when 640 bits do not decide it.
  enum ProvedSign: Equatable {
    case sign(Int)
    case notReal
  }
  func provedSign(_ e: Expr) -> ProvedSign? {
    decidedWithBalls([e], failed: .notReal) { balls in balls[0].sign.map { .sign($0) } }
  }

  /// Balls for `arguments` at 80, 160, 320 and 640 bits until `decide` answers; `failed` when a
  /// value fails (undefined or out of range); nil when no precision decides.
  private func decidedWithBalls<T>(_ arguments: [Expr], failed: T, _ decide: ([Ball]) -> T?) -> T? {
    let constants = BallConstants()
    for bits in [80, 160, 320, 640] {
      var balls: [Ball] = []
      for value in ballValues(arguments, bits: bits, constants) {
        guard case .success(let b) = value else { return failed }
        balls.append(b)
      }
      if let answer = decide(balls) { return answer }
    }
    return nil
  }

  private static func off(_ balls: [Ball], _ kind: KinkKind) -> Bool {
    switch kind {
    case .zero: return balls[0].sign.map { $0 != 0 } ?? false
    case .integer:
      // A ball past 2^maxReductionOrder is wider than 1 at these precisions (and its integers
      // would take as many bits as its exponent): not proved off.
      guard balls[0].mid.order <= Ball.maxReductionOrder else { return false }
      return balls[0].lower.rounded(up: true) > balls[0].upper.rounded(up: false)
    case .branchCut:
      // Off when y ≠ 0 or x > 0.
      return balls[0].sign.map { $0 != 0 } ?? false || balls[1].sign == 1
    case .tie(let largest):
      // Off when one argument is provably above (below) all the others: near the point, max
      // (min) is that argument. A tie among the others does not matter (max(x, 0, 5) at x = 0).
      func below(_ a: Ball, _ b: Ball) -> Bool { BigFloat.compare(a.upper, b.lower) < 0 }
      let ordered = largest ? below : { a, b in below(b, a) }
      let best = balls.indices.first { i in balls.indices.allSatisfy { j in j == i || ordered(balls[j], balls[i]) } }
      return best != nil
    }
  }
}
