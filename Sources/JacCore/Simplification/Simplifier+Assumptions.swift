/// `--assume` in the simplifier: a call whose value follows from the sign of its argument
/// (``Assumptions/sign(of:)``) is replaced by it, bottom-up, before the sums and products above
/// it are simplified:
/// - abs(u) = u for u ≥ 0 and −u for u ≤ 0 (so `sqrt(u^2)`, which is `abs(u)`, too);
/// - sign(u) = 1, −1 or 0 for u > 0, u < 0, u = 0;
/// - heaviside(u) = 1 for u > 0 and 0 for u < 0;
/// - relu(u) = u for u ≥ 0 and 0 for u ≤ 0.
extension Simplifier {
  func refined(_ f: Function, _ v: Expr) -> Expr? {
    guard let assumptions, [.abs, .sign, .heaviside, .relu].contains(f), let s = assumptions.sign(of: v) else {
      return nil
    }
    switch (f, s) {
    case (.abs, _) where s.isNonnegative: return v
    case (.abs, _) where s.isNonpositive:
      // −(x − y) is y − x: a sum is negated term by term.
      return pool.kind(v) == .sum ? pool.add(pool.operands(v).map { pool.negate($0) }) : pool.negate(v)
    case (.sign, .positive), (.heaviside, .positive): return pool.one
    case (.sign, .negative): return pool.minusOne
    case (.sign, .zero), (.heaviside, .negative): return pool.zero
    case (.relu, _) where s.isNonnegative: return v
    case (.relu, _) where s.isNonpositive: return pool.zero
    default: return nil
    }
  }
}
