/// `surd-denominator`: a product whose denominator has sums with numeric roots in them
/// (2^(1/3), sqrt(3)) is also tried with the denominator multiplied out. The normal form keeps
/// denominator factors apart, and a root is an atom there, so a common factor with a surd
/// coefficient stays hidden in one factor:
/// 2^(1/3)/((2^(1/3) + x)·(2^(1/3)·x² − 2^(2/3)·x + 2)), where the denominator multiplies out
/// (`root-power`: (2^(1/3))³ = 2) to 2^(1/3)·(x³ + 2) and the quotient is 1/(x³ + 2): the
/// derivative of Maxima's and SymPy's antiderivative of 1/(x³ + 2).
extension Simplifier {
  func withSurdDenominator(_ best: Expr, _ budget: Budget) -> Expr {
    guard budget.remaining > 0, pool.treeSize(best) <= AngleExpansion.maxNodes,
      case .product(let factors) = pool.node(best)
    else { return best }
    var above: [Expr] = []
    var below: [Expr] = []
    for f in factors {
      let (b, x) = pool.baseAndExponent(f)
      if let q = pool.rational(x), q.isNegative, q.isInteger {
        below.append(pool.power(b, pool.number(-q)))
      } else {
        above.append(f)
      }
    }
    guard below.count >= 2 || below.contains(where: { pool.kind($0) == .power }),
      below.contains(where: hasNumericRoot)
    else { return best }
    let a = (measure.of(best), pool.treeSize(best))
    do {
      guard let (denominator, _) = try normalForm(pool.multiply(below), budget) else { return best }
      let candidate = pool.multiply(above + [pool.power(denominator, pool.minusOne)])
      guard let (normal, applied) = try normalForm(candidate, budget, toBeat: a.0) else { return best }
      guard isShorter(normal, than: best) else { return best }
      if trace != nil {
        var rules = applied
        rules.insert(.surdDenominator)
        rules.insert(.preferShorter)
        trace!.append(Step(before: best, after: normal, rules: rules.rules))
      }
      return normal
    } catch {
      return best
    }
  }

  /// Whether a sum at the top of `e` has a rational power of a number (2^(1/3)) among its parts;
  /// each node looked at once (``SharedWalk``).
  private func hasNumericRoot(_ e: Expr) -> Bool {
    var visits = SharedWalk(pool, root: e)
    func walk(_ e: Expr) -> Bool {
      guard visits.first(e) else { return false }
      switch pool.node(e) {
      case .power(let b, let x):
        if pool.isNumber(b), let q = pool.rational(x), !q.isInteger { return true }
        return walk(b)
      case .sum(let xs), .product(let xs): return xs.contains(where: walk)
      case .number, .symbol, .constant, .call, .apply, .undefined: return false
      }
    }
    return walk(e)
  }
}
