/// `angle-sum` in the simplifier: for a sum with sines, cosines or tangents of sums or multiples
/// inside (``AngleExpansion``), the normal form of the expansion is one more candidate, kept
/// only when it is shorter than the form found without it. Sums, and quotients
/// (``withQuotientAnglesExpanded(_:_:)``): a product without a denominator or a lone call
/// (`3*sin(a + b)`) is never shorter expanded, and a product of a sum is reached through the sum.
extension Simplifier {
  /// `best`, or the normal form of its angle expansion if that is shorter.
  func withAnglesExpanded(_ best: Expr, _ budget: Budget) -> Expr {
    guard budget.remaining > 0, containsExpandableAngle(best), anglesMayCombine(best) else { return best }
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

  /// `angle-sum` on a quotient: a product with a factor below the bar, whose expansion's normal
  /// form may cancel a factor of the denominator (sin(2x)/sin(x) = 2·sin x·cos x/sin x = 2·cos x,
  /// cos(2x)/(cos x − sin x) = cos x + sin x). A product without a denominator is never shorter
  /// expanded.
  func withQuotientAnglesExpanded(_ best: Expr, _ budget: Budget) -> Expr {
    guard case .product(let factors) = pool.node(best),
      factors.contains(where: { pool.rational(pool.baseAndExponent($0).exponent)?.isNegative == true })
    else { return best }
    return withAnglesExpanded(best, budget)
  }

  /// Whether an angle expansion of `e` can meet anything: at least two distinct calls of the
  /// circular functions, or one whose argument holds a call (sin(2·asin x) = 2x·√(1 − x²)).
  /// With a single call T = cos(k·u) of an argument without calls, nothing else in `e` involves
  /// sin u or cos u, so the expanded polynomial cannot cancel and is never shorter than T: a
  /// batch line such as `3*y*cos(3*x*y) + 34*x*y` skips the expansion (it was 14% of the work).
  /// Each node is walked once (``SharedWalk``: a node seen before added nothing).
  func anglesMayCombine(_ e: Expr) -> Bool {
    var calls: [Expr] = []
    var visits = SharedWalk(pool, root: e)
    func walk(_ e: Expr) -> Bool {
      guard visits.first(e) else { return false }
      switch pool.node(e) {
      case .number, .symbol, .constant, .undefined: return false
      case .call(let f, let u):
        if Self.circular.contains(f) {
          if !calls.contains(e) { calls.append(e) }
          if calls.count >= 2 || hasCall(u) { return true }
        }
        return walk(u)
      case .sum(let xs), .product(let xs), .apply(_, let xs): return xs.contains(where: walk)
      case .power(let b, let x): return walk(b) || walk(x)
      }
    }
    return walk(e)
  }

  static let circular: Set<Function> = [.sin, .cos, .tan, .cot, .sec, .csc]

  /// Whether `e` holds a call or apply; each node looked at once (``SharedWalk``).
  private func hasCall(_ e: Expr) -> Bool {
    var visits = SharedWalk(pool, root: e)
    func walk(_ e: Expr) -> Bool {
      guard visits.first(e) else { return false }
      switch pool.node(e) {
      case .number, .symbol, .constant, .undefined: return false
      case .call, .apply: return true
      case .sum(let xs), .product(let xs): return xs.contains(where: walk)
      case .power(let b, let x): return walk(b) || walk(x)
      }
    }
    return walk(e)
  }

  /// Whether `e` has a sine, cosine or tangent of a sum or multiple in it (memoised by node id:
  /// 0 unknown, 1 no, 2 yes; it depends on the node alone).
  func containsExpandableAngle(_ e: Expr) -> Bool {
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

/// `tangent-quotient`: in a product, sin(u)^k/cos(u)^k is tan(u)^k and cos(u)^k/sin(u)^k is
/// cot(u)^k (and the same for sinh, cosh: tanh, coth is not a jac function), one factor where
/// there were two: d/dc log(sin c) = cot(c), d/dx log(cos x) = -tan(x).
extension Simplifier {
  func withTangentQuotients(_ e: Expr) -> Expr {
    guard case .product(let factors) = pool.node(e) else { return e }
    // Most products have no sine beside a cosine with a negative power: nothing to build.
    var (sines, cosines, negative) = (false, false, false)
    for f in factors {
      let (base, exponent) = pool.baseAndExponent(f)
      guard let fn = pool.function(base), Self.sineCosine.contains(fn) else { continue }
      if fn == .sin || fn == .sinh { sines = true } else { cosines = true }
      if pool.rational(exponent)?.isNegative == true { negative = true }
    }
    guard sines && cosines && negative else { return e }
    // (function, argument) → (exponent, index) for sin, cos, sinh, cosh factors with numeric exponents.
    // Keyed by the argument with its numbers spread (2z − (x + y) and 2z − x − y are one angle);
    // the sine's argument is the one kept.
    var found: [Expr: (sin: (Rational, Int)?, cos: (Rational, Int)?, hyperbolic: Bool, u: Expr)] = [:]
    // Sines first, so that a cosine of −u meets the sine of u (cos is even: a contracted
    // sin(2*y - x)/cos(x - 2*y) is tan(2*y - x)).
    for sines in [true, false] {
      for (i, f) in factors.enumerated() {
        let (base, exponent) = pool.baseAndExponent(f)
        guard let k = pool.rational(exponent), case .call(let fn, let u) = pool.node(base) else { continue }
        let key = AngleContraction.spreadNumbers(u, pool)
        switch fn {
        case .sin, .sinh: if sines { found[key, default: (nil, nil, fn == .sinh, u)].sin = (k, i) }
        case .cos, .cosh:
          guard !sines else { continue }
          let opposite = pool.kind(key) == .sum ? pool.turned(key) : pool.negate(key)
          let meets = found[key]?.sin == nil && found[opposite]?.sin != nil && found[opposite]?.cos == nil
          found[meets ? opposite : key, default: (nil, nil, fn == .cosh, u)].cos = (k, i)
        default: break
        }
      }
    }
    var replaced: [Int: Expr] = [:]
    var removed = Set<Int>()
    for (_, pair) in found.sorted(by: { pool.compare($0.key, $1.key) < 0 }) {
      let u = pair.u
      guard let (ks, i) = pair.sin, let (kc, j) = pair.cos, ks == -kc else { continue }
      let sameFamily =
        (pool.function(pool.baseAndExponent(factors[i]).base) == .sinh) == pair.hyperbolic
        && (pool.function(pool.baseAndExponent(factors[j]).base) == .cosh) == pair.hyperbolic
      guard sameFamily else { continue }
      if pair.hyperbolic {
        // tanh only: coth is not one of jac's functions.
        guard ks.numerator.signum > 0 else { continue }
        replaced[i] = pool.power(pool.call(.tanh, u), pool.number(ks))
      } else {
        replaced[i] =
          ks.numerator.signum > 0
          ? pool.power(pool.call(.tan, u), pool.number(ks)) : pool.power(pool.call(.cot, u), pool.number(kc))
      }
      removed.insert(j)
    }
    guard !replaced.isEmpty else { return e }
    let rebuilt = pool.multiply(
      factors.enumerated().compactMap { i, f in removed.contains(i) ? nil : replaced[i] ?? f })
    let a = (measure.of(e), pool.treeSize(e))
    guard (measure.of(rebuilt), pool.treeSize(rebuilt)) < a else { return e }
    trace?.append(Step(before: e, after: rebuilt, rules: [.tangentQuotient, .preferShorter]))
    return rebuilt
  }
}
