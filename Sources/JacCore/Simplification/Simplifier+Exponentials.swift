/// `exp-merge`: in a product, exp(a)·exp(b) = exp(a + b) (for every a and b), the argument
/// simplified (SymPy's `powsimp`). Not in the constructors: the chain rule through k nested
/// exponentials would rebuild a sum of up to k arguments at every level (quadratic), and
/// SymPy's `Mul` keeps exp(a)·exp(b) apart too.
///
/// Where it is tried:
/// - at a root (a whole answer or a call's argument; a sum also term by term), kept only when
///   shorter: d/dx exp(exp(x)) is `exp(exp(x) + x)`, `exp(a)*exp(b)` is `exp(a + b)`;
/// - inside, only when the merged argument is a number: exp(x + 1)/exp(x) = exp(−x)·exp(x + 1)
///   is `e`, so 1/(exp(x + 1)/exp(x) − e) is seen to divide by 0. A new exponential inside a
///   sum hides the atoms the sum's normal form shares: d²/dx² acos(exp(x²)) merged
///   exp(x²)·exp(2x²) into exp(3x²) and printed three terms where it had one product.
extension Simplifier {
  func withExpMerged(_ best: Expr, _ budget: Budget, atRoot: Bool) -> Expr {
    // Screened by the records alone (no node built): most products hold at most one exp.
    guard budget.remaining > 0, pool.kind(best) == .product else { return best }
    var exps = 0
    for i in 0..<pool.operandCount(best) where pool.function(pool.operand(best, i)) == .exp { exps += 1 }
    guard exps >= 2, case .product(let factors) = pool.node(best) else { return best }
    var arguments: [Expr] = []
    var others: [Expr] = []
    for f in factors {
      if case .call(.exp, let u) = pool.node(f) { arguments.append(u) } else { others.append(f) }
    }
    guard arguments.count >= 2 else { return best }
    let argument = simplify(pool.add(arguments), budget)
    guard atRoot || pool.isNumber(argument) else { return best }
    let merged = pool.multiply(others + [pool.call(.exp, argument)])
    guard isShorter(merged, than: best) else { return best }
    trace?.append(Step(before: best, after: merged, rules: [.expMerge, .preferShorter]))
    return merged
  }

  /// ``withExpMerged(_:_:atRoot:)`` at a root: a product, or a sum's terms.
  func withExpsMergedAtRoot(_ e: Expr, _ budget: Budget) -> Expr {
    guard pool.kind(e) == .sum else { return withExpMerged(e, budget, atRoot: true) }
    // The terms are rebuilt only from the first that changes.
    var merged: [Expr]?
    for i in 0..<pool.operandCount(e) {
      let term = pool.operand(e, i)
      let m = withExpMerged(term, budget, atRoot: true)
      if merged == nil && m != term { merged = (0..<i).map { pool.operand(e, $0) } }
      merged?.append(m)
    }
    return merged.map { pool.add($0) } ?? e
  }
}
