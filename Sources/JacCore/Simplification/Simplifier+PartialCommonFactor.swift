/// `partial-common-factor`: a factor shared by some terms of a sum, not all, comes out of them,
///
///     F·a + F·b + c = F·(a + b) + c,
///
/// kept only when it has fewer operations (``Complexity``) and prints in no more bytes. (LaTeX's
/// `\left(…\right)` is not weighed, as for the normal form's `x*exp(x) + exp(x)` →
/// `exp(x)*(x + 1)`.) `factor-common-monomial` takes out what every term of a numerator shares;
/// this groups the terms that share a factor the others lack: the Hessian entry
/// `x1*x2*exp(x1*x2) + exp(x1*x2) + 2*x1` is `exp(x1*x2)*(x1*x2 + 1) + 2*x1`.
///
/// Which factors F:
/// - calls (`exp(u)`, `sin(u)`), sums and their positive powers: the normal form's atoms other
///   than variables. Variables stay with their terms, so a polynomial keeps its expanded form
///   (`a*x + a*y + b` stays, as SymPy's `simplify` leaves it); what a group's terms share
///   besides F comes out with F (`factor-common-monomial` on the group:
///   `a*sin(t)*x + a*sin(t)*y + b` is `a*sin(t)*(x + y) + b`);
/// - not a factor below the bar: grouping those writes fractions within fractions
///   (`(sin(x)/(y*(3 - x)) + cos(x)/y)/(3 - x)`); exp(−u) prints above it and is grouped, apart
///   from exp(u);
/// - exp(k·u) = exp(u)^k, so exp(u) is a factor of exp(2·u) too;
/// - out of part of a sum, only from terms that hold F to one power: F stays a coefficient, not
///   the variable of a polynomial in Horner's form (`x*cos(x)^2 + 2*cos(x)^3 + y` stays); out
///   of every term of a sum, the power nearest 0 (the Hessian of log(1 + exp(x·y)) has
///   `exp(x*y)*(exp(x*y) + x*y + 1)/(exp(x*y) + 1)^2` off the diagonal).
///
/// Greedy, in one pass over the factors of the terms: the candidates F with the terms that hold
/// them, in the order of an estimate of what each saves ((k − 1)·(ops(F) + 1) for k terms, each
/// losing F and its `*`), then of first appearance; each group is formed from the terms still
/// free, simplified (its sum in parentheses in turn, so a group may group again inside), and
/// kept only when it is shorter than its terms. The work is the sum's factors once, a sort of
/// the candidates, and each group's terms: about n·(factors of a term)·log n for n terms.
///
/// Where: on every node the simplifier returns (``withPartialCommonFactors(_:_:)``) and at the
/// roots: a sum is grouped, and so is each sum factor (or sum base) of a product or power that
/// the simplifier built (a normal form's numerator); the sums it was given had their turn as
/// nodes. Every sum of an answer has thus been offered the rule, and a second `simplify` gives
/// the same answer.
extension Simplifier {
  /// `e` with `partial-common-factor` applied to it if it is a sum, else to its sum factors and
  /// bases that have not been through ``simplify(_:_:)`` (those that have were offered it there).
  func withPartialCommonFactors(_ e: Expr, _ budget: Budget) -> Expr {
    switch pool.kind(e) {
    case .sum:
      return partlyFactored(e, budget)
    case .product, .power:
      guard budget.remaining > 0 else { return e }
      var factors: [Expr]?
      for (i, f) in pool.factors(e).enumerated() {
        let (base, exponent) = pool.baseAndExponent(f)
        var g = f
        if pool.kind(base) == .sum && memo[base] != base {
          let grouped = partlyFactored(base, budget)
          if grouped != base { g = pool.power(grouped, exponent) }
        }
        if factors == nil && g != f { factors = Array(pool.factors(e).prefix(i)) }
        factors?.append(g)
      }
      return factors.map { pool.multiply($0) } ?? e
    case .number, .symbol, .constant, .call, .apply, .undefined:
      return e
    }
  }

  /// A factor of a term: F^amount, F the key (for an exponential exp(k·u), F is exp(u) and the
  /// amount k).
  private struct SharedFactor {
    var key: Expr
    var amount: Rational
  }

  /// The factor of `f` that may be shared with other terms: nil for numbers, `pi` and variables,
  /// and
  /// for a factor below the bar (grouping those writes fractions within fractions,
  /// `(sin(x)/(y*(3 - x)) + cos(x)/y)/(3 - x)`); exp(−u) prints above it.
  private func sharedFactor(_ f: Expr) -> SharedFactor? {
    let (base, exponent) = pool.baseAndExponent(f)
    switch pool.kind(base) {
    case .number, .symbol, .constant, .undefined: return nil
    case .call, .apply, .sum, .product, .power: break
    }
    guard let q = pool.rational(exponent) else { return SharedFactor(key: f, amount: .one) }
    if q.isOne, pool.function(base) == .exp {
      let (k, u) = pool.coefficientAndRest(pool.operand(base, 0))
      if !k.isOne && u != pool.one { return SharedFactor(key: pool.call(.exp, u), amount: k) }
    }
    return q.isNegative ? nil : SharedFactor(key: base, amount: q)
  }

  /// F^amount as an expression (exp(u)^k is exp(k·u)).
  private func power(_ key: Expr, _ amount: Rational) -> Expr {
    if pool.function(key) == .exp {
      return pool.call(.exp, pool.multiply(pool.number(amount), pool.operand(key, 0)))
    }
    return pool.power(key, pool.number(amount))
  }

  /// The terms of `sum` that share a factor, grouped where that has fewer operations; `sum`
  /// itself when nothing is.
  func partlyFactored(_ sum: Expr, _ budget: Budget) -> Expr {
    guard budget.remaining > 0, pool.kind(sum) == .sum else { return sum }
    let n = pool.operandCount(sum)
    // Screened on the records alone: most sums have at most one factor that is not a variable.
    var candidates = 0
    for i in 0..<n {
      for f in pool.factors(pool.operand(sum, i)) where !pool.isNumber(f) {
        switch pool.kind(pool.baseAndExponent(f).base) {
        case .symbol, .constant, .number, .undefined: break
        case .call, .apply, .sum, .product, .power: candidates += 1
        }
      }
    }
    guard candidates >= 2 else { return sum }
    let groups = sharedFactors(of: sum)
    guard !groups.isEmpty else { return sum }
    // One unit a candidate factor, when some are shared (the groups' sums pay for their own
    // simplification); a sum with none costs nothing, as a linear combination of distinct plain
    // atoms must (``isSettledLinearCombination(_:)``).
    do { try budget.spend(candidates) } catch { return sum }
    var taken = [Bool](repeating: false, count: n)
    var grouped: [Expr] = []
    var rules = RuleSet()
    for group in groups {
      var free = group.members.filter { !taken[$0.term] }
      // Out of part of the sum, F comes only from terms that hold it to one power: F stays a
      // coefficient, not a variable of a polynomial written in Horner's form.
      if free.count < n, let amount = commonestAmount(free) { free = free.filter { $0.amount == amount } }
      guard free.count >= 2, budget.remaining > 0 else { continue }
      guard let (product, applied) = factoredOut(group.key, free, of: sum, budget) else { continue }
      for m in free { taken[m.term] = true }
      grouped.append(product)
      rules.formUnion(applied)
    }
    guard !grouped.isEmpty else { return sum }
    let result = pool.add(grouped + (0..<n).filter { !taken[$0] }.map { pool.operand(sum, $0) })
    guard measure.of(result) < measure.of(sum), printed.of(result).bytes <= printed.of(sum).bytes else { return sum }
    if trace != nil {
      rules.insert(.partialCommonFactor)
      rules.insert(.preferShorter)
      trace!.append(Step(before: sum, after: result, rules: rules.rules))
    }
    return result
  }

  /// The amount most members have (the first to appear on a tie), from the members sorted by
  /// amount: k log k for k members, however many amounts they have.
  private func commonestAmount(_ members: [(term: Int, factor: Int, amount: Rational)]) -> Rational? {
    guard !members.isEmpty else { return nil }
    let order = members.indices.sorted { (members[$0].amount, $0) < (members[$1].amount, $1) }
    var best: (amount: Rational, count: Int, first: Int)?
    var start = 0
    for i in 1...order.count where i == order.count || members[order[i]].amount != members[order[start]].amount {
      let run = (amount: members[order[start]].amount, count: i - start, first: order[start])
      let beaten = best.map { $0.count > run.count || $0.count == run.count && $0.first < run.first } ?? false
      if !beaten { best = run }
      start = i
    }
    return best?.amount
  }

  /// A candidate factor and the terms that hold it: (term index, factor index, amount).
  private struct Group {
    var key: Expr
    var members: [(term: Int, factor: Int, amount: Rational)]
  }

  /// The factors two or more terms of `sum` hold (with amounts of one sign), in the order
  /// they are tried: the larger estimated saving first, then the first to appear.
  private func sharedFactors(of sum: Expr) -> [Group] {
    var groups: [Group] = []
    // The group of a key with a positive amount, and with a negative one.
    var index: [ExprMap<Int>] = [ExprMap(), ExprMap()]
    for i in 0..<pool.operandCount(sum) {
      for (j, f) in pool.factors(pool.operand(sum, i)).enumerated() where !pool.isNumber(f) {
        guard let s = sharedFactor(f) else { continue }
        let side = s.amount.isNegative ? 1 : 0
        if let g = index[side][s.key] {
          // A term holds a key once (exp(x)·exp(2·x) is two factors of one key).
          if groups[g].members.last!.term != i { groups[g].members.append((i, j, s.amount)) }
        } else {
          index[side][s.key] = groups.count
          groups.append(Group(key: s.key, members: [(i, j, s.amount)]))
        }
      }
    }
    let shared = groups.enumerated().filter { $0.element.members.count >= 2 }
    // Sorted on (saving, first appearance): no order of ids or hashes reaches the answer.
    let savings = shared.map { (measure.of($0.element.key) + 1) * ($0.element.members.count - 1) }
    return zip(shared, savings)
      .sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0.offset < b.0.offset }
      .map(\.0.element)
  }

  /// F^m·(Σ tᵢ/F^m) for the terms tᵢ of `members`, m the amount nearest 0, simplified; nil
  /// unless it has fewer operations than Σ tᵢ.
  private func factoredOut(
    _ key: Expr, _ members: [(term: Int, factor: Int, amount: Rational)], of sum: Expr, _ budget: Budget
  ) -> (Expr, RuleSet)? {
    let m = members.map(\.amount).min { $0.magnitude < $1.magnitude }!
    var terms: [Expr] = []
    var quotients: [Expr] = []
    for member in members {
      let t = pool.operand(sum, member.term)
      terms.append(t)
      var factors = Array(pool.factors(t))
      factors[member.factor] = member.amount == m ? pool.one : power(key, member.amount - m)
      quotients.append(pool.multiply(factors))
    }
    let steps = trace?.count ?? 0
    var inner = simplify(pool.add(quotients), budget)
    var sign = pool.one
    // pull-out-negative on the group's sum: a minus in front prints as the outer sum's `-`
    // (`1 - (a + b)*tanh(u)^2`, not `tanh(u)^2*(-a - b) + 1`).
    if pool.kind(inner) == .sum {
      let layout = PrintLayout(pool: pool)
      if 2 * pool.operands(inner).filter(layout.isNegative).count > pool.operandCount(inner) {
        (inner, sign) = (pool.turned(inner), pool.minusOne)
      }
    }
    let product = simplify(pool.multiply([sign, power(key, m), inner]), budget)
    let before = pool.add(terms)
    guard measure.of(product) < measure.of(before), printed.of(product).bytes <= printed.of(before).bytes else {
      if trace != nil { trace!.removeSubrange(steps...) }
      return nil
    }
    // The rules that shaped the group's sum (its own grouping, a common monomial) are this step's.
    var applied = RuleSet()
    if trace != nil {
      for step in trace![steps...] { applied.formUnion(RuleSet(step.rules)) }
      trace!.removeSubrange(steps...)
    }
    return (product, applied)
  }
}
