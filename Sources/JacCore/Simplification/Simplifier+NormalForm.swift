/// The rational normal form, stage by stage, in the order the rewrites apply; each stage notes
/// its rule in the form it returns (``RationalForm/applied``).
extension Simplifier {
  /// Rational normal form, and the rules it applied: common denominator, root powers,
  /// Pythagorean reduction, cancellation, common factors and the sign out. Nil, without building
  /// it, when it is sure to cost more operations than `toBeat`
  /// (``RationalConverter/complexityFloor(_:atomCost:)``): in a big determinant most normal
  /// forms are long expansions that lose to the factored form, and building them was most of
  /// the time.
  func normalForm(_ e: Expr, _ budget: Budget, toBeat: Int = .max) throws(SimplificationStop)
    -> (expression: Expr, applied: RuleSet)?
  {
    let converter = self.converter ?? RationalConverter(pool: pool, budget: budget)
    guard let form = try reducedForm(e, converter, toBeat: toBeat) else { return nil }
    if toBeat < .max && converter.complexityFloor(form, atomCost: { measure.of($0) }) > toBeat { return nil }
    // Building the expression costs as much as making the form did; it was not charged, and a
    // power tower's gradient spent 27 s here on a budget of 200,000.
    try converter.budget.spend(form.factors.reduce(form.numerator.buildingCost) { $0 + $1.polynomial.buildingCost })
    return converter.expression(form, input: e)
  }

  /// The normal form as a ``RationalForm``; nil when the bound taken before the Pythagorean
  /// search (``Pythagorean/survivingRests(_:_:)``) already exceeds `toBeat`.
  func reducedForm(_ e: Expr, _ converter: RationalConverter, toBeat: Int = .max) throws(SimplificationStop)
    -> RationalForm?
  {
    var form = try reduceRoots(try converter.form(e), converter)
    let pythagorean = Pythagorean(converter: converter)
    var pairs = pythagorean.findPairs(form)
    // `cancel-common-factor` first where a Pythagorean reduction would hide the factor:
    // (cos²x − sin²x)/(cos x − sin x) = cos x + sin x, while 2cos²x − 1 has no factor cos x − sin x.
    if !pairs.isEmpty, !form.factors.isEmpty {
      let cancelled = try cancel(form, converter.budget)
      if cancelled.factors.map(\.multiplicity).reduce(0, +) < form.factors.map(\.multiplicity).reduce(0, +) {
        form = cancelled
        pairs = pythagorean.findPairs(form)
      }
    }
    // Without denominator factors nothing is cancelled later, so the bound holds for the result.
    if toBeat < .max, form.factors.isEmpty, !pairs.isEmpty, let rests = pythagorean.survivingRests(form, pairs),
      converter.complexityFloor(of: rests, atomCost: { measure.of($0) }) > toBeat
    {
      return nil
    }
    form = try pythagorean.reduce(form, pairs: pairs)
    form = try normalizeFactors(form, converter)
    return try cancelSharedFactors(try cancel(form, converter.budget), converter)
  }

  /// `root-power`: (u^(1/q))^k with k ≥ q becomes u^(k div q) · (u^(1/q))^(k mod q).
  private func reduceRoots(_ form: RationalForm, _ converter: RationalConverter) throws(SimplificationStop)
    -> RationalForm
  {
    guard !converter.roots.isEmpty else { return form }
    var result = form
    var substituted = false
    for (atom, root) in converter.roots.sorted(by: { $0.key < $1.key }) {
      let base = try converter.form(root.base)
      guard base.factors.isEmpty, base.monomialDenominator.isOne else { continue }
      func substitute(in p: Polynomial) throws(SimplificationStop) -> Polynomial {
        guard let q = try substituteRoot(atom, root.degree, base.numerator, in: p, converter.budget) else { return p }
        substituted = true
        return q
      }
      result.numerator = try substitute(in: result.numerator)
      result.factors = try result.factors.map { f throws(SimplificationStop) in
        (try substitute(in: f.polynomial), f.multiplicity)
      }
    }
    if substituted { result.applied.insert(.rootPower) }
    return result
  }

  /// `p` with every (u^(1/q))^k, k ≥ q, replaced; nil when there is none.
  private func substituteRoot(_ atom: Int, _ q: Int, _ base: Polynomial, in p: Polynomial, _ budget: Budget)
    throws(SimplificationStop) -> Polynomial?
  {
    var terms: [Term] = []
    var changed = false
    for term in p.terms {
      let e = term.monomial.exponent(of: atom)
      if e < q {
        terms.append(term)
      } else {
        changed = true
        let rest = term.monomial.removing(atom).0 * Monomial(atom: atom, exponent: e % q)
        terms += (try base.power(e / q, budget: budget)).scaled(term.coefficient, rest).terms
      }
    }
    return changed ? Polynomial(unsorted: terms) : nil
  }

  /// Re-normalises denominator factors after substitutions: constants and monomials move out,
  /// equal factors merge.
  private func normalizeFactors(_ form: RationalForm, _ converter: RationalConverter) throws(SimplificationStop)
    -> RationalForm
  {
    var result = RationalForm(form.numerator, applied: form.applied)
    result.monomialDenominator = form.monomialDenominator
    for (p, k) in form.factors {
      if p.isZero { throw SimplificationStop.divisionByZero }
      let (c, m, primitive) = try converter.normalized(p)
      result.numerator = result.numerator.scaled(c.power(-k))
      for _ in 0..<k { result.monomialDenominator = result.monomialDenominator * m }
      if let primitive { result.addFactor(primitive, k) }
    }
    return result
  }

  /// `cancel-common-factor`: divides the numerator by each denominator factor while exact, and
  /// cancels common monomials: (x² − 1)/(x + 1) = x − 1, x·y/x² = y/x.
  private func cancel(_ form: RationalForm, _ budget: Budget) throws(SimplificationStop) -> RationalForm {
    var result = form
    var kept: [(polynomial: Polynomial, multiplicity: Int)] = []
    for (p, k) in form.factors {
      var remaining = k
      while remaining > 0, let q = try result.numerator.exactQuotient(p, budget: budget) {
        result.numerator = q
        remaining -= 1
        result.applied.insert(.cancelCommonFactor)
      }
      if remaining > 0 { kept.append((p, remaining)) }
    }
    result.factors = kept
    let (_, m) = result.numerator.content
    let g = m.gcd(result.monomialDenominator)
    if !g.isOne {
      result.numerator = result.numerator.divided(by: .one, g)
      result.monomialDenominator = result.monomialDenominator.dividing(by: g)!
      result.applied.insert(.cancelCommonFactor)
    }
    return result
  }

  /// `cancel-common-factor` where neither divides the other: a denominator factor F in one atom
  /// x, of degree 2 or more, and the numerator N share g = gcd(F, c₁, c₂, …) for N = Σ cᵢ(x)·mᵢ
  /// (Euclid's algorithm, ``Polynomial/univariateGCD(_:_:budget:)``); then F^k becomes
  /// (F/g)^k·g^(k−j) where g divides N j times (j ≤ k): (x² − 1)/(x⁴ − 1) = 1/(x² + 1),
  /// (x·y + y)/(x² − 1) = y/(x − 1). A multivariate F is left as it is.
  private func cancelSharedFactors(_ form: RationalForm, _ converter: RationalConverter) throws(SimplificationStop)
    -> RationalForm
  {
    guard !form.numerator.isZero, form.factors.contains(where: { Self.isSharedFactorCandidate($0.polynomial) }) else {
      return form
    }
    let budget = converter.budget
    var result = form
    result.factors = []
    var changed = false
    for (p, k) in form.factors {
      guard Self.isSharedFactorCandidate(p), let atom = p.singleAtom else {
        result.factors.append((p, k))
        continue
      }
      var g = p
      for c in result.numerator.coefficients(in: atom) where g.degree(in: atom) > 0 {
        g = try Polynomial.univariateGCD(g, c, budget: budget)
      }
      guard g.degree(in: atom) > 0, let h = try p.exactQuotient(g, budget: budget) else {
        result.factors.append((p, k))
        continue
      }
      var j = 0
      while j < k, let q = try result.numerator.exactQuotient(g, budget: budget) {
        result.numerator = q
        j += 1
      }
      guard j > 0 else {
        result.factors.append((p, k))
        continue
      }
      changed = true
      result.factors.append((h, k))
      if k > j { result.factors.append((g, k - j)) }
    }
    guard changed else { return form }
    result.applied.insert(.cancelCommonFactor)
    return try normalizeFactors(result, converter)
  }

  /// A denominator factor `cancelSharedFactors` looks at: in one atom, of degree 2 or more (a
  /// factor of degree 1 shares a factor with the numerator only by dividing it, which `cancel`
  /// has done).
  private static func isSharedFactorCandidate(_ p: Polynomial) -> Bool {
    guard let atom = p.singleAtom else { return false }
    return p.degree(in: atom) >= 2
  }
}
