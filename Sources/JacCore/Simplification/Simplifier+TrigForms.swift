/// Trigonometric candidate forms beside the rational normal form, each kept only when shorter
/// by ``Complexity`` (then fewer nodes), tried in this order on the best form so far:
/// - `quotient-form`: tan u = sin u/cos u, cot u = cos u/sin u, sec u = 1/cos u, csc u = 1/sin u
///   (and tanh, coth, sech, csch with sinh, cosh), then the normal form, then `tangent-quotient`:
///   tan x·cos x = sin x, d/dx (1/tanh x) = (tanh²x − 1)/tanh²x = −1/sinh²x; kept only with
///   fewer operations (1 − tanh²x stays, though 1/cosh²x has fewer nodes);
/// - `power-reduction`: sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2, sinh²u = (cosh 2u − 1)/2,
///   cosh²u = (cosh 2u + 1)/2 for even positive powers in a sum, then the normal form:
///   cos⁴x − sin⁴x = 1 − 2 sin²x = cos 2x;
/// - `angle-contraction` (``AngleContraction``): cos a·cos b − sin a·sin b = cos(a + b), in a sum
///   or a sum inside a product, without and then with sin u·cos u = (1/2)·sin 2u.
/// Every candidate is exact (the identities hold for all real arguments where both sides are
/// defined), deterministic (term order, no hashing) and spends from the same budget.
extension Simplifier {
  /// Which candidates a node could take (``trigShape(_:)``).
  struct TrigShape: OptionSet {
    let rawValue: UInt8
    /// tan, cot, sec, csc, tanh, coth, sech or csch, below a fraction bar or beside another of
    /// the trigonometric or hyperbolic functions of the same argument (tan x·cos x; not
    /// x·(1 − tanh²u), whose 1/cosh²u form is shorter but loses the tanh a reader reuses).
    static let quotients = TrigShape(rawValue: 1)
    /// sin, cos, sinh or cosh to an even positive power, in a sum.
    static let squares = TrigShape(rawValue: 2)
    /// A term of a sum with two or more factors sin, cos, sinh or cosh.
    static let products = TrigShape(rawValue: 4)
  }

  static let quotientFunctions: Set<Function> = [.tan, .cot, .sec, .csc, .tanh, .coth, .sech, .csch]
  static let sineCosine: Set<Function> = [.sin, .cos, .sinh, .cosh]

  /// The shortest of `best`'s and `expanded`'s trigonometric candidates (`expanded` is `best`
  /// after `angle-sum`: x·(sin x·cos 2x + cos x·sin 2x) expands to the shorter
  /// x·sin x·(3 − 4 sin²x), but contracts to x·sin 3x), ties to `expanded`.
  func withTrigForms(_ best: Expr, expanded: Expr, _ budget: Budget) -> Expr {
    let fromExpanded = withTrigForms(expanded, budget)
    guard expanded != best else { return fromExpanded }
    let fromBest = withTrigForms(best, budget)
    return isShorter(fromBest, than: fromExpanded) ? fromBest : fromExpanded
  }

  /// `quotient-form`, then `reciprocal-form` (``withReciprocalForms(_:)``), at a root: the whole
  /// answer, or a call's argument. Not at inner sums and
  /// products: there a quotient shorter on its own turned the parent's normal form from
  /// `sec(y)*(2*tan(y)^2 + 1)/abs(x)` into the longer `(sin(y)^2 + 1)/(abs(x)*cos(y)^3)` (202
  /// entries of the comparison corpus printed longer so).
  /// A sum is also tried term by term: its normal form puts every term over one denominator. A
  /// product with quotient functions and a sum is also tried multiplied out, as that sum:
  /// csc x·sec x·(tan x − cot x) = csc x·sec x·tan x − csc x·sec x·cot x = sec²x − csc²x.
  func withQuotientForms(_ e: Expr, _ budget: Budget) -> Expr {
    switch pool.kind(e) {
    case .sum:
      // Nothing trigonometric in the sum: nothing in any term either (a term's shape is part of
      // the sum's), so the trigonometric candidates are not tried; the reciprocal forms still are.
      let trigonometric = !trigShape(e).isEmpty
      let whole = withReciprocalForms(trigonometric ? withTrigForms(e, budget, quotients: true) : e)
      let terms = pool.operands(e)
      let each = terms.map { withReciprocalForms(trigonometric ? withTrigForms($0, budget, quotients: true) : $0) }
      guard each != terms else { return whole }
      let termwise = pool.add(each)
      return isShorter(termwise, than: whole) ? termwise : whole
    case .product:
      let whole = withReciprocalForms(withTrigForms(e, budget, quotients: true))
      guard budget.remaining > 0, trigShape(e).contains(.quotients), let sum = multipliedOut(e),
        pool.kind(sum) == .sum
      else { return whole }
      // Its steps are named only if it wins.
      let (termwise, named) = tracingApart { withQuotientForms(sum, budget) }
      guard termwise != sum, isShorter(termwise, than: whole) else { return whole }
      trace?.append(Step(before: e, after: termwise, rules: named.union(RuleSet([.preferShorter])).rules))
      return termwise
    case .power: return withReciprocalForms(withTrigForms(e, budget, quotients: true))
    default: return e
    }
  }

  /// A product with one factor a sum of at most four terms, multiplied out: M·(a + b) = M·a + M·b.
  private func multipliedOut(_ e: Expr) -> Expr? {
    let factors = pool.operands(e)
    let sums = factors.indices.filter { pool.kind(factors[$0]) == .sum }
    guard sums.count == 1, case .sum(let terms) = pool.node(factors[sums[0]]), terms.count <= 4 else { return nil }
    let rest = factors.enumerated().filter { $0.offset != sums[0] }.map(\.element)
    return pool.add(terms.map { pool.multiply(rest + [$0]) })
  }

  /// `best`, or the shortest of its trigonometric candidates if one is shorter (`quotient-form`
  /// only when `quotients`, at a root).
  func withTrigForms(_ best: Expr, _ budget: Budget, quotients: Bool = false) -> Expr {
    guard budget.remaining > 0, pool.treeSize(best) <= AngleExpansion.maxNodes else { return best }
    var shape = trigShape(best)
    if !quotients { shape.remove(.quotients) }
    guard !shape.isEmpty else { return best }
    var current = best
    let score = { self.measure.of(current) }
    // `strictly`: fewer operations, not only fewer nodes (1 − tanh²u and 1/cosh²u, tan²u + 1 and
    // 1/cos²u count alike; the form with the input's functions stays).
    func consider(_ candidate: Expr?, _ rules: RuleSet, strictly: Bool = false) {
      guard let c = candidate, c != current, isShorter(c, than: current, strictly: strictly) else { return }
      if trace != nil {
        var named = rules
        named.insert(.preferShorter)
        trace!.append(Step(before: current, after: c, rules: named.rules))
      }
      current = c
    }
    let contraction = AngleContraction(pool: pool, simplified: { self.simplify($0, budget) })
    if shape.contains(.quotients) {
      let quotients = substituted(current, quotientForm)
      let (c, rules) = normalFormOf(quotients, budget, toBeat: score())
      consider(c.map(tangentQuotientsUntraced), rules.union(RuleSet([.quotientForm])), strictly: true)
      // The other candidates on the quotient's normal form: (tan a + tan b)/(1 − tan a·tan b) is
      // (sin a·cos b + cos a·sin b)/(cos a·cos b − sin a·sin b), which contracts to
      // sin(a + b)/cos(a + b) = tan(a + b); 2 tan x/(1 − tan²x) = 2 sin x·cos x/(1 − 2 sin²x)
      // reduces to sin 2x/cos 2x = tan 2x. That normal form is longer than the input, so it is
      // built without the bound when the bounded one gave up.
      let (full, fullRules) = c != nil ? (c, rules) : normalFormOf(quotients, budget, toBeat: .max)
      if let full {
        // With the reciprocals: (tan⁴x − 1)/tan²x = 1/cos²x − 1/sin²x = sec²x − csc²x.
        let reciprocals = reciprocalCandidate(tangentQuotientsUntraced(full))
        consider(reciprocals, fullRules.union(RuleSet([.quotientForm, .reciprocalForm])), strictly: true)
        let (shorter, named) = tracingApart { withTrigForms(full, budget) }
        if shorter != full {
          let all = fullRules.union(named).union(RuleSet([.quotientForm, .tangentQuotient]))
          consider(tangentQuotientsUntraced(shorter), all, strictly: true)
        }
      }
      // With the angles expanded too: tan(x + y) − (tan x + tan y)/(1 − tan x·tan y) = 0.
      if let expanded = AngleExpansion(pool: pool).expanded(current) {
        let (c, rules) = normalFormOf(substituted(expanded, quotientForm) ?? expanded, budget, toBeat: score())
        consider(c.map(tangentQuotientsUntraced), rules.union(RuleSet([.quotientForm, .angleSum])), strictly: true)
      }
    }
    if shape.contains(.squares) {
      let (c, rules) = normalFormOf(substituted(current, powerReduced), budget, toBeat: score())
      consider(c, rules.union(RuleSet([.powerReduction])))
    }
    if trigShape(current).contains(.products) {
      for doubleAngles in [false, true] {
        let contracted = contractedSums(current, contraction, doubleAngles: doubleAngles)
        consider(contracted.map(tangentQuotientsUntraced), RuleSet([.angleContraction]))
      }
    }
    return current
  }

  /// What ``withTrigForms(_:_:)`` could try on `e`, from the sums, products and integer powers
  /// at its top (not inside calls, which were simplified on their own).
  func trigShape(_ e: Expr) -> TrigShape {
    var shape: TrigShape = []
    // Calls of the Pythagorean family met: function, argument, whether below the bar.
    var calls: [(function: Function, argument: Expr, below: Bool)] = []
    // Operands read from the pool's records (``ExpressionPool/operand(_:_:)``), not through
    // `node`, which builds an array for each sum and product: this walk runs on every settled
    // sum and product (Bratu's 300,000 entries).
    // Each node once in each state (``SharedWalk``): a repeat would find what the first found.
    var visits = SharedWalk(pool, root: e)
    func walk(_ e: Expr, inSum: Bool, below: Bool = false) {
      guard visits.first(e, state: (inSum ? 1 : 0) | (below ? 2 : 0)) else { return }
      switch pool.kind(e) {
      case .sum: for i in 0..<pool.operandCount(e) { walk(pool.operand(e, i), inSum: true, below: below) }
      case .product:
        let k = pool.operandCount(e)
        if inSum {
          var count = 0
          for i in 0..<k {
            let (b, x) = pool.baseAndExponent(pool.operand(e, i))
            guard let fn = pool.function(b), Self.sineCosine.contains(fn), let q = pool.rational(x), q.isInteger,
              !q.isNegative
            else { continue }
            count += q.numerator.intValue ?? 2
          }
          if count >= 2 { shape.insert(.products) }
        } else if hasDoubleAngleQuotient(pool.operands(e)) {
          shape.insert(.products)
        }
        for i in 0..<k { walk(pool.operand(e, i), inSum: inSum, below: below) }
      case .power:
        let (b, x) = (pool.operand(e, 0), pool.operand(e, 1))
        guard let q = pool.rational(x), q.isInteger else { return }
        if inSum, q.numerator.isEven, !q.isNegative, let fn = pool.function(b), Self.sineCosine.contains(fn) {
          shape.insert([.squares, .products])
        }
        walk(b, inSum: inSum, below: below != q.isNegative)
      case .call:
        guard let fn = pool.function(e) else { return }
        if Self.pythagoreanFamily.contains(fn) || Self.quotientFunctions.contains(fn) {
          calls.append((fn, pool.operand(e, 0), below))
        }
      case .number, .symbol, .constant, .apply, .undefined: break
      }
    }
    walk(e, inSum: false)
    for c in calls where Self.quotientFunctions.contains(c.function) {
      if c.below || calls.contains(where: { $0.argument == c.argument && $0.function != c.function }) {
        shape.insert(.quotients)
        break
      }
    }
    return shape
  }

  /// Whether a product has sin u·cos u (or sinh u·cosh u) over a sine or cosine of 2u: halved to
  /// sin 2u it makes a tangent (2 sin x·cos x/cos 2x = tan 2x). A lone 2 sin x·cos x stays, and
  /// so does 2 sin x·cos x/y.
  func hasDoubleAngleQuotient(_ factors: Operands) -> Bool {
    // Most products have no sine or cosine below the bar: nothing to collect.
    let anyBelow = factors.contains { f in
      let (b, x) = pool.baseAndExponent(f)
      guard let fn = pool.function(b), Self.sineCosine.contains(fn) else { return false }
      return pool.rational(x)?.isNegative == true
    }
    guard anyBelow else { return false }
    var pairs: [(u: Expr, hyperbolic: Bool, sine: Bool)] = []
    var below: [(u: Expr, hyperbolic: Bool)] = []
    for f in factors {
      let (b, x) = pool.baseAndExponent(f)
      guard let q = pool.rational(x), q.isInteger, case .call(let fn, let u) = pool.node(b),
        Self.sineCosine.contains(fn)
      else { continue }
      let hyperbolic = fn == .sinh || fn == .cosh
      if q.isNegative {
        below.append((u, hyperbolic))
      } else {
        pairs.append((u, hyperbolic, fn == .sin || fn == .sinh))
      }
    }
    return pairs.contains { s in
      s.sine && pairs.contains { !$0.sine && $0.u == s.u && $0.hyperbolic == s.hyperbolic }
        && below.contains { $0.hyperbolic == s.hyperbolic && $0.u == pool.multiply(pool.number(2), s.u) }
    }
  }

  /// The normal form of `e` (nil when it cannot beat `toBeat` or the budget runs out).
  private func normalFormOf(_ e: Expr?, _ budget: Budget, toBeat: Int) -> (Expr?, RuleSet) {
    guard let e else { return (nil, RuleSet()) }
    do {
      guard let (normal, applied) = try normalForm(e, budget, toBeat: toBeat) else { return (nil, RuleSet()) }
      return (normal, applied)
    } catch {
      return (nil, RuleSet())
    }
  }

  /// `body`'s result and the rules its steps named, its steps kept out of the trace (they
  /// rewrite a candidate that may yet lose).
  private func tracingApart(_ body: () -> Expr) -> (Expr, RuleSet) {
    guard let saved = trace else { return (body(), RuleSet()) }
    trace = []
    defer { trace = saved }
    let result = body()
    return (result, RuleSet(trace!.flatMap(\.rules)))
  }

  /// `tangent-quotient` on a candidate, without a `--steps` line of its own.
  private func tangentQuotientsUntraced(_ e: Expr) -> Expr {
    let saved = trace
    trace = nil
    defer { trace = saved }
    return withTangentQuotients(e)
  }

  /// `e` with `rewrite` applied to the calls and powers at its top (through sums, products and
  /// powers); nil when nothing changed.
  func substituted(_ e: Expr, _ rewrite: (Expr) -> Expr?) -> Expr? {
    var memo: [Expr: Expr] = [:]
    func map(_ e: Expr) -> Expr {
      if let m = memo[e] { return m }
      let new: Expr
      if let r = rewrite(e) {
        new = r
      } else {
        switch pool.node(e) {
        case .sum(let terms): new = pool.add(terms.map(map))
        case .product(let factors): new = pool.multiply(factors.map(map))
        // Not into roots: (sinh/cosh)^(-3/2) has no shorter normal form than tanh^(-3/2).
        case .power(let b, let x): new = pool.rational(x)?.isInteger == true ? pool.power(map(b), x) : e
        case .number, .symbol, .constant, .call, .apply, .undefined: new = e
        }
      }
      memo[e] = new
      return new
    }
    let result = map(e)
    return result == e ? nil : result
  }

  /// `quotient-form` on one node: tan u = sin u/cos u and the other quotients.
  private func quotientForm(_ e: Expr) -> Expr? {
    guard case .call(let fn, let u) = pool.node(e) else { return nil }
    let (s, c) = [.tanh, .coth, .sech, .csch].contains(fn) ? (Function.sinh, Function.cosh) : (.sin, .cos)
    switch fn {
    case .tan, .tanh: return pool.divide(pool.call(s, u), pool.call(c, u))
    case .cot, .coth: return pool.divide(pool.call(c, u), pool.call(s, u))
    case .sec, .sech: return pool.divide(pool.one, pool.call(c, u))
    case .csc, .csch: return pool.divide(pool.one, pool.call(s, u))
    default: return nil
    }
  }

  /// `power-reduction` on one node: sin²ᵏu = ((1 − cos 2u)/2)ᵏ and the others, k ≥ 1.
  private func powerReduced(_ e: Expr) -> Expr? {
    guard case .power(let b, let x) = pool.node(e), let q = pool.rational(x), q.isInteger, q.numerator.isEven,
      !q.isNegative, case .call(let fn, let u) = pool.node(b), Self.sineCosine.contains(fn)
    else { return nil }
    let twice = pool.multiply(pool.number(2), u)
    let half = pool.number(Rational(BigInt(1), BigInt(2)))
    let reduced: Expr
    switch fn {
    case .sin: reduced = pool.multiply(half, pool.subtract(pool.one, pool.call(.cos, twice)))
    case .cos: reduced = pool.multiply(half, pool.add(pool.one, pool.call(.cos, twice)))
    case .sinh: reduced = pool.multiply(half, pool.subtract(pool.call(.cosh, twice), pool.one))
    default: reduced = pool.multiply(half, pool.add(pool.call(.cosh, twice), pool.one))
    }
    return pool.power(reduced, pool.number(q / Rational(BigInt(2))))
  }

  /// Each sum in `e` (itself, or a factor of a product, or a power's base) contracted; nil if
  /// none contracts.
  private func contractedSums(_ e: Expr, _ contraction: AngleContraction, doubleAngles: Bool) -> Expr? {
    switch pool.node(e) {
    case .sum: return contraction.contracted(e, doubleAngles: doubleAngles)
    case .product(let factors):
      return contractedFactors(factors, contraction, doubleAngles)
    case .power(let b, let x):
      guard pool.kind(b) == .sum, let c = contraction.contracted(b, doubleAngles: doubleAngles) else { return nil }
      return pool.power(c, x)
    case .number, .symbol, .constant, .call, .apply, .undefined: return nil
    }
  }

  /// A product's sum factors contracted, and its own sin u·cos u over cos 2u halved; nil if
  /// nothing changes.
  private func contractedFactors(_ factors: Operands, _ contraction: AngleContraction, _ doubleAngles: Bool) -> Expr? {
    var changed = false
    let new = factors.map { f -> Expr in
      let (b, x) = pool.baseAndExponent(f)
      guard pool.kind(b) == .sum, let c = contraction.contracted(b, doubleAngles: doubleAngles) else { return f }
      changed = true
      return pool.power(c, x)
    }
    let product = pool.multiply(new)
    // The product's own sin u·cos u too, over cos 2u: 2 sin x·cos x/cos 2x = sin 2x/cos 2x.
    if doubleAngles, hasDoubleAngleQuotient(pool.operands(product)), let halved = contraction.doubleAngle(product) {
      return halved
    }
    return changed ? product : nil
  }
}
