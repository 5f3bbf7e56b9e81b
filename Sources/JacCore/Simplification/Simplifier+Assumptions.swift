/// `--assume` in the simplifier: a call whose value follows from the sign of its argument
/// (``Assumptions/sign(of:)``) is replaced by it, bottom-up, before the sums and products above
/// it are simplified:
/// - abs(u) = u for u ≥ 0 and −u for u ≤ 0 (so `sqrt(u^2)`, which is `abs(u)`, too);
/// - sign(u) = 1, −1 or 0 for u > 0, u < 0, u = 0;
/// - heaviside(u) = 1 for u > 0 and 0 for u < 0;
/// - relu(u) = u for u ≥ 0 and 0 for u ≤ 0;
/// - lambertw(u·exp(u)) = u for u·exp(u) ≥ 0, that is u ≥ 0 (W₀(u·e^u) = u holds for u ≥ −1).
extension Simplifier {
  func refined(_ f: Function, _ v: Expr) -> Expr? {
    guard let assumptions, [.abs, .sign, .heaviside, .relu, .lambertw].contains(f), let s = assumptions.sign(of: v)
    else {
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
    case (.lambertw, _) where s.isNonnegative: return pool.exponentOfProduct(v)
    default: return nil
    }
  }
}

/// `--assume` in sums: log(u·v) = log u + log v where u, v > 0 (and log(uᵏ) = k·log u), tried as
/// a candidate and kept only when shorter, so log(x·y) − log x − log y is 0 for x, y > 0 and a
/// lone log(x·y) stays.
extension Simplifier {
  func withLogsExpanded(_ best: Expr, _ budget: Budget) -> Expr {
    guard let assumptions, budget.remaining > 0, case .sum(let terms) = pool.node(best),
      pool.treeSize(best) <= AngleExpansion.maxNodes
    else { return best }
    var changed = false
    func expand(_ e: Expr) -> Expr {
      switch pool.node(e) {
      case .call(.log, let u):
        let factors = pool.factors(u)
        guard factors.count > 1 || pool.kind(u) == .power,
          factors.allSatisfy({ assumptions.sign(of: pool.baseAndExponent($0).base) == .positive })
        else { return e }
        changed = true
        return pool.add(
          factors.map { f in
            let (b, x) = pool.baseAndExponent(f)
            return pool.multiply(x, pool.call(.log, b))
          })
      case .product(let fs): return pool.multiply(fs.map(expand))
      default: return e
      }
    }
    let expanded = pool.add(terms.map(expand))
    guard changed else { return best }
    let a = (measure.of(best), pool.treeSize(best))
    guard let (normal, _) = try? normalForm(expanded, budget, toBeat: a.0),
      isShorter(normal, than: best)
    else { return best }
    return normal
  }
}
