/// Expressions reduced on a curve (or surface) F = 0, where F is a polynomial in its names with
/// coefficients that are numbers or constants (π, e, √2): implicit's derivatives are quotients
/// N/D of polynomials that only mean something where F = 0, and there N/D = (N mod F)/(D mod F).
///
/// For one polynomial F the remainder of multivariate division by F's leading term
/// (``Polynomial/remainder(dividingBy:budget:)``) is canonical for a monomial order, since {F} is
/// a Gröbner basis of the ideal (F); it differs from N by a multiple q·F, so it has N's value at
/// every point of the curve. With F = x² + y² − 1 and x first, x² → 1 − y²:
///
///     −(x² + y²)/y³  →  −1/y³.
///
/// Each name of F is tried first in a lexicographic order (the rest in the order given), which
/// eliminates its leading power. For each order, each expression's candidates are: N reduced
/// over D, and N over D with every factor of D reduced (a factor that reduces to 0 vanishes on
/// the whole curve, and that candidate is dropped); each is simplified and kept only when
/// ``Simplifier/isShorter(_:than:strictly:)`` the expression. The order whose expressions cost
/// least in all (``Complexity``) wins, the first on a tie; nil when no expression gets shorter,
/// F is not a polynomial, or the work ``Budget`` runs out.
struct CurveReduction {
  let simplifier: Simplifier
  var pool: ExpressionPool { simplifier.pool }

  /// The reduced expressions and the rewrite that made them, `leading` → `replacement`
  /// (F's leading term solved for: x^2 → 1 - y^2).
  struct Result {
    var expressions: [Expr]
    var leading: Expr
    var replacement: Expr
  }

  /// `expressions` reduced modulo `f`, trying first each name of `f` in turn: those of `names` in
  /// their order, then F's other names in name order.
  func reduce(_ expressions: [Expr], modulo f: Expr, preferring names: [String]) -> Result? {
    let present = pool.freeSymbols([f])
    let order = names.filter(present.contains) + present.filter { !names.contains($0) }
    let budget = Budget(Simplifier.budgetPerExpression)
    var best: (result: Result, cost: Int)?
    var unreduced = 0
    for e in expressions { unreduced += simplifier.measure.of(e) }
    do {
      for first in order {
        let names = [first] + order.filter { $0 != first }
        guard let result = try reduce(expressions, f, names, budget) else { return nil }
        var cost = 0
        for e in result.expressions { cost += simplifier.measure.of(e) }
        if cost < best?.cost ?? unreduced { best = (result, cost) }
      }
    } catch {
      return nil
    }
    return best?.result
  }

  /// The expressions reduced under the lexicographic order of `names`; nil when F is not a
  /// polynomial in them.
  private func reduce(_ expressions: [Expr], _ f: Expr, _ names: [String], _ budget: Budget)
    throws(SimplificationStop) -> Result?
  {
    let converter = RationalConverter(pool: pool, budget: budget)
    // Atoms numbered in this order make the polynomials' own lexicographic order this one.
    for name in names { _ = converter.atom(pool.symbol(name)) }
    let form = try converter.form(f)
    // F is a polynomial: its atoms are names and constants (π, e, √2), never x^(1/2) or sin(x).
    let polynomial = converter.atoms.allSatisfy { pool.kind($0) == .symbol || pool.freeSymbols([$0]).isEmpty }
    guard polynomial, !form.hasDenominator, let (lead, c) = form.numerator.leadingTerm else { return nil }
    let divisor = form.numerator
    let shorter = try expressions.map { e throws(SimplificationStop) in
      var best = e
      for candidate in try candidates(try converter.form(e), divisor, converter) {
        let simplified = simplifier.simplify(converter.expression(candidate).expression)
        if !simplifier.budgetExhausted && simplifier.isShorter(simplified, than: best) { best = simplified }
      }
      return best
    }
    let leading = Polynomial(monomial: lead)
    return Result(
      expressions: shorter, leading: converter.expression(leading),
      replacement: converter.expression(leading + divisor.scaled(-c.reciprocal)))
  }

  /// N/D reduced modulo F: N mod F over D, and N mod F over D with each factor reduced (when it
  /// does not reduce to 0, which would mean D vanishes on the whole curve); only those that
  /// reduce something, since simplifying N/D again from its form could find a shorter form of
  /// the same expression, which is not this rewrite.
  private func candidates(_ form: RationalForm, _ divisor: Polynomial, _ converter: RationalConverter)
    throws(SimplificationStop) -> [RationalForm]
  {
    func reduced(_ p: Polynomial) throws(SimplificationStop) -> Polynomial {
      try p.remainder(dividingBy: divisor, budget: converter.budget)
    }
    var result: [RationalForm] = []
    var numeratorOnly = form
    numeratorOnly.numerator = try reduced(form.numerator)
    if numeratorOnly.numerator != form.numerator { result.append(numeratorOnly) }
    let monomial = Polynomial(monomial: form.monomialDenominator)
    var whole = RationalForm(numeratorOnly.numerator)
    var denominatorChanged = false
    for (p, k) in [(monomial, 1)] + form.factors {
      let q = try reduced(p)
      if q.isZero { return result }
      denominatorChanged = denominatorChanged || q != p
      let reciprocal = try converter.reciprocal(RationalForm(q))
      for _ in 0..<k { whole = try .product(whole, reciprocal, budget: converter.budget) }
    }
    if denominatorChanged { result.append(whole) }
    return result
  }
}
