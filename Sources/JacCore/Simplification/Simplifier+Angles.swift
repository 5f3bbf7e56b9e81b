/// `angle-sum` in the simplifier: for a sum with sines, cosines or tangents of sums or multiples
/// inside (``AngleExpansion``), the normal form of the expansion is one more candidate, kept
/// only when it is shorter than the form found without it. Only sums: a product or a lone call
/// (`3*sin(a + b)`) is never shorter expanded, and a product of a sum is reached through the sum.
extension Simplifier {
  /// `best`, or the normal form of its angle expansion if that is shorter.
  func withAnglesExpanded(_ best: Expr, _ budget: Budget) -> Expr {
    guard budget.remaining > 0, containsExpandableAngle(best) else { return best }
    guard let expanded = AngleExpansion(pool: pool).expanded(best) else { return best }
    let a = (measure.of(best), pool.treeSize(best))
    let found: (expression: Expr, applied: RuleSet)?
    do {
      found = try normalForm(expanded, budget, toBeat: a.0)
    } catch {
      return best
    }
    guard let (normal, applied) = found else { return best }
    let b = (measure.of(normal), pool.treeSize(normal))
    guard b < a else { return best }
    if trace != nil {
      var rules = applied
      rules.insert(.angleSum)
      rules.insert(.preferShorter)
      trace!.append(Step(before: best, after: normal, rules: rules.rules))
    }
    return normal
  }

  /// Whether `e` has a sine, cosine or tangent of a sum or multiple in it (memoised by node id:
  /// 0 unknown, 1 no, 2 yes; it depends on the node alone).
  private func containsExpandableAngle(_ e: Expr) -> Bool {
    if e.index < angleMemo.count, angleMemo[e.index] != 0 { return angleMemo[e.index] == 2 }
    var found = false
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined: break
    case .call(let f, let u):
      let argument = pool.node(u)
      if [.sin, .cos, .tan].contains(f) {
        switch argument {
        case .sum(let terms): found = terms.count <= AngleExpansion.maxParts
        case .product:
          let k = pool.coefficientAndRest(u).0
          found = k.isInteger && k.numerator.intValue.map { (2...AngleExpansion.maxMultiple).contains(abs($0)) } == true
        case .number, .symbol, .constant, .power, .call, .apply, .undefined: break
        }
      }
      found = found || containsExpandableAngle(u)
    case .sum(let xs), .product(let xs), .apply(_, let xs): found = xs.contains(where: containsExpandableAngle)
    case .power(let b, let x): found = containsExpandableAngle(b) || containsExpandableAngle(x)
    }
    if e.index >= angleMemo.count {
      angleMemo.append(contentsOf: repeatElement(0, count: max(e.index + 1, pool.count) - angleMemo.count))
    }
    angleMemo[e.index] = found ? 2 : 1
    return found
  }
}
