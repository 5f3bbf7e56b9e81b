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
    /// max, min: where two arguments are equal.
    case tie
  }

  func provedOffKinks(_ arguments: [Expr], _ kind: KinkKind) -> Bool {
    let constants = BallConstants()
    for bits in [80, 160, 320, 640] {
      var balls: [Ball] = []
      for value in ballValues(arguments, bits: bits, constants) {
        // Undefined or out of range: the value itself is the error, no note.
        guard case .success(let b) = value else { return true }
        balls.append(b)
      }
      if Self.off(balls, kind) { return true }
    }
    return false
  }

  private static func off(_ balls: [Ball], _ kind: KinkKind) -> Bool {
    switch kind {
    case .zero: return balls[0].sign.map { $0 != 0 } ?? false
    case .integer:
      // A ball past 2^maxReductionOrder is wider than 1 at these precisions (and its integers
      // would take as many bits as its exponent): not proved off.
      guard balls[0].mid.order <= Ball.maxReductionOrder else { return false }
      return balls[0].lower.rounded(up: true) > balls[0].upper.rounded(up: false)
    case .tie:
      for i in balls.indices {
        for j in balls.indices where j > i {
          let apart =
            BigFloat.compare(balls[i].upper, balls[j].lower) < 0 || BigFloat.compare(balls[j].upper, balls[i].lower) < 0
          if !apart { return false }
        }
      }
      return true
    }
  }
}
