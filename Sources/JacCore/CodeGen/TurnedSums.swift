/// Sign folding for sums the code writes both ways: S and its turned form −S, every term's sign
/// turned (`x + 2` and `-x - 2`, `t*t - 1` and `1 - t*t`). Where every use of one of them can
/// carry the sign, it is written as the other, so one sum is computed instead of two:
///
///   a + S = a - (−S)        S·u / v = −(−S)·u / v        S² = (−S)²  (any even power)
///
/// ekf5 computed `x + 2.0` and `-x - 2.0` (the latter only to square it). A sum that is an
/// entry of the result, an argument of a call, the base of any other power or a factor of a
/// product with a coefficient keeps its sign: nn30 writes `0.9*(t*t - 1.0)` and
/// `0.2*(1.0 - t*t)` in each row, and turned to `-0.9*(1.0 - t*t)` gcc computes `0.9*u` and
/// `-0.9*u` as one product and its negation, so its dense C ran 6% slower (995 → 1,057 ns).
/// A sum turns when that saves operations: its own (a leading minus is one) against the
/// negations turning adds (`t/u` becomes `-t/u`; `-t/u` becomes `t/u`, one fewer); of two that
/// could both turn, the larger saving turns.
enum TurnedSums {
  /// F → −F for each written sum F written as its turned form, read from the written nodes in
  /// post-order and their use counts (``CommonSubexpressions/written(pool:roots:shape:)``).
  static func turned(
    pool: ExpressionPool, order: [Expr], uses: [Expr: Int], shape: (Expr) -> CodeShape
  ) -> [Expr: Expr] {
    // How often each node is written where a sign can be moved out of it, and how many
    // negations turning it adds: `t/u` becomes `-t/u` (one more), `-t/u` becomes `t/u` (one less).
    var signable: [Expr: Int] = [:]
    var negations: [Expr: Int] = [:]
    var position: [Expr: Int] = [:]
    for (k, e) in order.enumerated() {
      position[e] = k
      let s = shape(e)
      for o in signCarrying(pool, s) { signable[o, default: 0] += 1 }
      if case .fraction(let negative, let c, let numerator, let denominator) = s, c == .one, !numerator.isEmpty {
        for o in numerator + denominator { negations[o, default: 0] += negative ? -1 : 1 }
      }
    }
    /// What writing s turned saves: its own operations (a leading minus is one) less the
    /// negations it adds; nil where a use cannot take the sign.
    func gain(_ s: Expr) -> Int? {
      guard signable[s, default: 0] == uses[s, default: 0], case .sum(let terms) = shape(s) else { return nil }
      return terms.count - 1 + (terms.first?.negative == true ? 1 : 0) - negations[s, default: 0]
    }
    var map: [Expr: Expr] = [:]
    for f in order where pool.kind(f) == .sum && map[f] == nil {
      let k = pool.turned(f)
      guard k != f, pool.kind(k) == .sum, uses[k, default: 0] >= 1, map[k] == nil, let g = gain(f), g > 0 else {
        continue
      }
      // Both could turn: the larger gain turns, else the one written later.
      if let h = gain(k), h > g || (h == g && position[k, default: 0] > position[f, default: 0]) {
        map[k] = f
      } else {
        map[f] = k
      }
    }
    return map
  }

  /// The operands of a shape that can give their sign to it: the terms of a sum, the factors of
  /// a fraction, the base of an even power.
  static func signCarrying(_ pool: ExpressionPool, _ s: CodeShape) -> [Expr] {
    switch s {
    case .sum(let terms): return terms.map(\.term)
    case .fraction(_, let c, let numerator, let denominator): return c == .one ? numerator + denominator : []
    case .repeated(let b, let n): return n % 2 == 0 ? Array(repeating: b, count: n) : []
    case .power(let b, let x): return isEven(pool, x) ? [b] : []
    case .leaf, .squareRoot, .oddRoot, .call, .apply, .accurate, .squares: return []
    }
  }

  /// `s` with the turned sums of `map` written turned, their signs moved out.
  static func apply(_ map: [Expr: Expr], to s: CodeShape, pool: ExpressionPool) -> CodeShape {
    switch s {
    case .sum(let terms):
      return .sum(terms.map { t in map[t.term].map { (!t.negative, $0) } ?? t })
    case .fraction(var negative, let c, let numerator, let denominator):
      func turn(_ f: Expr) -> Expr {
        guard let k = map[f] else { return f }
        negative.toggle()
        return k
      }
      let (top, bottom) = (numerator.map(turn), denominator.map(turn))
      return .fraction(negative: negative, coefficient: c, numerator: top, denominator: bottom)
    case .repeated(let b, let n) where n % 2 == 0: return .repeated(map[b] ?? b, times: n)
    case .power(let b, let x) where isEven(pool, x): return .power(map[b] ?? b, exponent: x)
    case .leaf, .squareRoot, .oddRoot, .call, .apply, .accurate, .squares, .repeated, .power: return s
    }
  }

  private static func isEven(_ pool: ExpressionPool, _ x: Expr) -> Bool {
    guard let n = pool.rational(x)?.intValue else { return false }
    return n % 2 == 0
  }
}
