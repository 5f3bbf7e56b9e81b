/// The normal form of a sum of monomials in atoms, built without the rational form (most sums
/// in the derivatives of a batch are of this kind: `2*a*x*y + b*y*cos(b*x*y)`, `x/y - 32*y^2/5`).
extension Simplifier {
  /// The rational normal form of `e` when `e` is a sum of terms c·Π bᵢ^kᵢ over atoms bᵢ
  /// (symbols, `pi`, calls, applications) with integer kᵢ ≠ 0, |kᵢ| ≤ 64, or roots u^(p/q)
  /// with 0 < |p| < q; nil for any other node. With lᵢ the smallest power of bᵢ over the terms
  /// (0 in a term without it), the normal form (``normalForm(_:_:toBeat:)``) is c·Π bᵢ^lᵢ·P:
  /// the terms over their common denominator Π bᵢ^(−lᵢ) (`common-denominator`), the content c
  /// and common monomial out (`factor-common-monomial`, `cancel-common-factor`), and P, with
  /// powers kᵢ − lᵢ, takes the sign that leaves at most half its terms negative
  /// (`pull-out-negative`). A term with a sum factor is first multiplied out
  /// (``expandedSum(_:_:)``), as the rational form does. Excluded, because the rational form
  /// would see more in them: powers of sin, cos, sinh and cosh other than 1 (`pythagorean`: P
  /// could hold their squares), any `abs` (`abs-square`), `exp` to a power below 1 or of a
  /// negative argument (written 1/exp(u)), powers beyond 64 (one atom there), roots whose
  /// powers in P reach their degree (`root-power`) and anything that is not an atom.
  /// Sums whose normal form is the sum itself (content 1, nothing common, the sign kept) are
  /// returned without building anything, and so is the input (`e`, or the sum `e` was
  /// multiplied out of, `input`) when the normal form is sure to cost more operations than
  /// `toBeat` (it would lose to the input). The work is charged to `budget`, a unit a factor.
  func polynomialSumNormalForm(_ e: Expr, _ budget: Budget, toBeat: Int = .max, keeping input: Expr? = nil)
    throws(SimplificationStop) -> Expr?
  {
    guard case .sum(let terms) = pool.node(e) else { return nil }
    if let expanded = try expandedSum(e, budget) {
      if pool.kind(expanded) == .sum {
        return try polynomialSumNormalForm(expanded, budget, toBeat: toBeat, keeping: e)
      }
      return pool.isNumber(expanded) || isAtomMonomial(expanded) ? expanded : nil
    }
    var split: [(coefficient: Rational, factors: [(atom: Int, power: Int)])] = []
    split.reserveCapacity(terms.count)
    /// Each atom, its root degree (1 for no root), its lowest and highest power and the number of
    /// terms it occurs in.
    var atoms: [(base: Expr, degree: Int, low: Int, high: Int, terms: Int)] = []
    var units = terms.count
    for t in terms {
      let (c, rest) = pool.coefficientAndRest(t)
      var factors: [(atom: Int, power: Int)] = []
      if rest != pool.one {
        for f in pool.factors(rest) {
          guard let (base, k, degree) = polynomialFactor(f) else { return nil }
          if let i = atoms.firstIndex(where: { $0.base == base }) {
            atoms[i].low = min(atoms[i].low, k)
            atoms[i].high = max(atoms[i].high, k)
            atoms[i].terms += 1
            factors.append((i, k))
          } else {
            atoms.append((base, degree, k, k, 1))
            factors.append((atoms.count - 1, k))
          }
        }
      }
      units += factors.count
      split.append((c, factors))
    }
    try budget.spend(units)
    for i in atoms.indices where atoms[i].terms < terms.count {
      atoms[i].low = min(atoms[i].low, 0)
      atoms[i].high = max(atoms[i].high, 0)
    }
    guard atoms.allSatisfy({ $0.degree == 1 || $0.high - $0.low < $0.degree }) else { return nil }
    var content = split[0].coefficient.magnitude
    for (c, _) in split.dropFirst() { content = Rational.gcd(content, c) }
    let flip = 2 * split.filter(\.coefficient.isNegative).count > split.count
    if content == .one && !flip && atoms.allSatisfy({ $0.low == 0 }) { return e }
    if flip { content = -content }
    // A lower bound on the normal form's ``Complexity``, read off its parts: P's t terms join
    // with t − 1 signs, a term of n factors (its coefficient one unless ±1) takes n − 1
    // products, a product of the outer factors (content, common powers, P) one fewer than there
    // are, and each power of an atom costs the atom, plus its `^` when the power is at least 2
    // (a root u^(k/q) costs its `^` or `sqrt` and u). Not when a product could merge atoms
    // into fewer factors: a root beside its base or another root of it (√y·y² = y^(5/2)), two
    // `exp` (exp(u)·exp(v) = exp(u + v)), or a power of `exp` (exp(u)² = exp(2·u)).
    let roots = atoms.filter { $0.degree > 1 }.map { pool.operand($0.base, 0) }
    let exps = atoms.filter { pool.function($0.base) == .exp }
    let merges =
      Set(roots).count < roots.count || roots.contains { r in atoms.contains { $0.base == r } } || exps.count > 1
      || exps.contains { $0.high - $0.low > 1 || $0.low > 1 }
    if toBeat < .max && !merges {
      func cost(_ i: Int, _ k: Int) -> Int {
        if atoms[i].degree > 1 { return 1 + measure.of(pool.operand(atoms[i].base, 0)) }
        return measure.of(atoms[i].base) + (k.magnitude >= 2 && pool.function(atoms[i].base) != .exp ? 1 : 0)
      }
      var bound = split.count - 1
      for (c, factors) in split {
        var count = (c / content).magnitude == .one ? 0 : 1
        for (i, atom) in atoms.enumerated() {
          let k = (factors.first { $0.atom == i }?.power ?? 0) - atom.low
          if k != 0 {
            count += 1
            bound += cost(i, k)
          }
        }
        bound += max(count - 1, 0)
      }
      var outer = content.magnitude == .one ? 1 : 2
      for (i, atom) in atoms.enumerated() where atom.low != 0 {
        outer += 1
        bound += cost(i, atom.low)
      }
      // Sure to cost more than the input: it stays, and nothing is built.
      if bound + outer - 1 > toBeat { return input ?? e }
    }
    let sum = pool.add(
      split.map { c, factors in
        var product = [pool.number(c / content)]
        for (i, atom) in atoms.enumerated() {
          let k = (factors.first { $0.atom == i }?.power ?? 0) - atom.low
          if k != 0 { product.append(power(atom.base, k)) }
        }
        return pool.multiply(product)
      })
    return pool.multiply([pool.number(content)] + atoms.filter { $0.low != 0 }.map { power($0.base, $0.low) } + [sum])
  }

  /// `e` with every term's sum factor multiplied out (`38*y*(1 - tanh(u)^2) + 28*x*y` →
  /// `38*y - 38*y*tanh(u)^2 + 28*x*y`), as the rational form expands it; nil when no term has a
  /// sum factor, or when a factor is anything but a number or a plain atom (a symbol, `pi`, an
  /// application, a call other than `exp` and `abs`) to an integer power, or a sum of such
  /// terms: for those, multiplying could merge what the rational form keeps apart
  /// (`exp(u)*exp(v) = exp(u + v)`, `sqrt(x)*sqrt(x) = x`, `abs(x)*abs(y) = abs(x*y)`).
  private func expandedSum(_ e: Expr, _ budget: Budget) throws(SimplificationStop) -> Expr? {
    guard case .sum(let terms) = pool.node(e) else { return nil }
    func isPlain(_ f: Expr) -> Bool {
      if pool.isNumber(f) { return true }
      let (base, exponent) = pool.baseAndExponent(f)
      guard let q = pool.rational(exponent), let k = q.numerator.intValue, q.isInteger, k.magnitude <= 64 else {
        return false
      }
      switch pool.node(base) {
      case .symbol, .constant, .apply: return true
      case .call(let fn, _): return fn != .exp && fn != .abs
      case .number, .sum, .product, .power, .undefined: return false
      }
    }
    func factors(_ t: Expr) -> Operands { pool.factors(t) }
    var out: [Expr] = []
    var expanded = false
    for t in terms {
      let fs = factors(t)
      guard let i = fs.firstIndex(where: { pool.kind($0) == .sum }) else {
        guard fs.allSatisfy(isPlain) else { return nil }
        out.append(t)
        continue
      }
      var rest = Array(fs)
      rest.remove(at: i)
      let sum = pool.operands(fs[i])
      guard rest.allSatisfy(isPlain), sum.allSatisfy({ factors($0).allSatisfy(isPlain) }) else { return nil }
      try budget.spend(sum.count * (rest.count + 1))
      for s in sum { out.append(pool.multiply(rest + [s])) }
      expanded = true
    }
    return expanded ? pool.add(out) : nil
  }

  /// A factor of a sum's term as the rational form sees it: b^k as (b, k, 1) for an atom b, and
  /// a root u^(p/q) as (u^(1/q), p, q), the atom the rational form makes of it
  /// (``RationalConverter/form(_:)``); nil for anything the rational form could rewrite or that
  /// is no atom (``polynomialSumNormalForm(_:_:)``).
  private func polynomialFactor(_ f: Expr) -> (base: Expr, power: Int, degree: Int)? {
    let (base, exponent) = pool.baseAndExponent(f)
    guard let q = pool.rational(exponent), let p = q.numerator.intValue, let n = q.denominator.intValue, p != 0
    else { return nil }
    if n > 1 {
      guard p.magnitude < n, !pool.isNumber(base) else { return nil }
      return (pool.power(base, pool.number(Rational(BigInt(1), BigInt(n)))), p, n)
    }
    guard p.magnitude <= 64 else { return nil }
    switch pool.node(base) {
    case .symbol, .constant, .apply: return (base, p, 1)
    case .call(let fn, let u):
      if fn == .abs || p != 1 && Self.pythagoreanPairs.contains(fn) { return nil }
      if fn == .exp && (p < 1 || pool.coefficientAndRest(u).0.isNegative) { return nil }
      return (base, p, 1)
    case .number, .sum, .product, .power, .undefined: return nil
    }
  }

  /// The functions whose squares `pythagorean` and `hyperbolic-pythagorean` rewrite.
  static let pythagoreanPairs: Set<Function> = [.sin, .cos, .sinh, .cosh]

  /// Whether `e` is a product (or power) c·Π bᵢ^kᵢ whose rational normal form is `e` itself:
  /// c a number, each bᵢ an atom (a symbol, `pi`, an application, a call other than `abs` and
  /// `exp`, with no square of sin, cos, sinh or cosh) to a nonzero integer power, or a root
  /// u^(p/q) with 0 < |p| < q of anything but a number. The rational form makes each factor an
  /// atom (u^(1/q) for a root) to the power kᵢ (or p): one term over a monomial, in which
  /// nothing cancels (distinct atoms), no root reaches its degree (`root-power`) and no square
  /// pairs up; written back, it is the product it came from. Derivatives of square roots are
  /// mostly such products (`16*y/sqrt(32*x*y)`).
  func isAtomMonomial(_ e: Expr) -> Bool {
    let factors: Operands
    switch pool.node(e) {
    case .product(let fs): factors = fs
    case .power: factors = Operands(single: e)
    default: return false
    }
    for f in factors where !pool.isNumber(f) {
      let (base, exponent) = pool.baseAndExponent(f)
      guard let q = pool.rational(exponent), let p = q.numerator.intValue, let n = q.denominator.intValue, p != 0
      else { return false }
      if n > 1 {
        guard p.magnitude < n, !pool.isNumber(base) else { return false }
        continue
      }
      guard p.magnitude <= 64 else { return false }
      switch pool.node(base) {
      case .symbol, .constant, .apply: continue
      case .call(let fn, _):
        if fn == .abs || fn == .exp || p.magnitude >= 2 && Self.pythagoreanPairs.contains(fn) { return false }
      case .number, .sum, .product, .power, .undefined: return false
      }
    }
    return true
  }

  private func power(_ base: Expr, _ k: Int) -> Expr {
    k == 1 ? base : pool.power(base, pool.number(Rational(BigInt(k))))
  }
}
