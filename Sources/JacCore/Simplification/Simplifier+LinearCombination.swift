/// A cheap exit for answers that are already their simplified form: linear combinations of
/// distinct plain atoms, the entries of big sparse Jacobians (Bratu's rows
/// `u1 - 2*u2 + u3 + 1/10201*exp(u2)` and diagonal entries `exp(u2)/10201 - 2`: 200,000 distinct
/// answers at n = 100,000, each of which the full pass took about 16,000 instructions to give
/// back unchanged).
///
/// The shape, read off the pool's records without building anything:
///
///     e = c₀ + c₁·a₁ + … + cₖ·aₖ   (a sum), or a single term cᵢ·aᵢ or aᵢ,
///
/// with rational cᵢ and plain atoms aᵢ: a symbol, a constant, or `exp` or `log` of a symbol. As a
/// sum it must also be *settled* (``isSettledSum(_:oneFraction:)``) by a bound that is quick to
/// read: some coefficient is ±1 (so the numerators' gcd is 1), some coefficient is positive, at
/// most one is a fraction (none when ``settlesOneFraction`` is off). The atoms of a canonical
/// sum are distinct (`collect-like-terms`), so no base is common to every term.
///
/// Why the full pass gives `e` back, at no cost, for every such `e` (without `--steps` and
/// `--assume`, where this exit is not taken):
/// - a plain atom simplifies to itself: a symbol or constant is a leaf; a call's argument is a
///   symbol, and `refined` only acts under assumptions;
/// - a term c·a is a product whose ``productShape(_:)`` is settled (no sum; `exp` of a symbol has
///   a positive argument and exponent 1; not `abs`), and no candidate applies: no sin, cos,
///   sinh, cosh (`tangent-quotient`, ``trigShape(_:)``), no negative power (`surd-denominator`,
///   `reciprocal-form`), no `abs` (`abs-merge`, `abs-even-power`), no tan, cot, sec, csc or
///   their hyperbolic kin (`quotient-form`);
/// - the sum is settled, so ``unchanged(_:_:_:)`` keeps it; it has no angle to expand (no sin,
///   cos or tan), no trigonometric shape and no log to expand (only under assumptions); at the
///   root ``withQuotientForms(_:_:)`` finds nothing trigonometric and no reciprocal in it or in
///   any term.
/// No rational form is built on the way, so the budget is untouched (cost 0) and, with budget
/// left, the full pass would not report it exhausted either. With no budget left the full pass
/// reports it exhausted: the exit is not taken then.
///
/// `SimplificationTests.linearCombinationsExitEarly` runs random expressions of this shape and
/// near it through both paths (``exitsLinearCombinations`` off) and compares answers and costs.
extension Simplifier {
  /// Whether `e` is a linear combination of distinct plain atoms that the full pass returns
  /// unchanged at no cost (see above); false whenever in doubt.
  func isSettledLinearCombination(_ e: Expr) -> Bool {
    switch pool.kind(e) {
    case .sum: break
    case .product, .symbol, .constant, .call: return linearTerm(e) != nil
    case .number, .power, .apply, .undefined: return false
    }
    var unit = false
    var positive = false
    var fractions = 0
    for i in 0..<pool.operandCount(e) {
      guard let c = linearTerm(pool.operand(e, i)) else { return false }
      unit = unit || c.unit
      positive = positive || !c.negative
      if !c.integer {
        fractions += 1
        guard settlesOneFraction, fractions == 1 else { return false }
      }
    }
    return unit && positive
  }

  /// The coefficient of a term c, a or c·a (a plain atom): whether its numerator is ±1, whether
  /// it is an integer, whether it is negative; nil for any other term.
  private func linearTerm(_ t: Expr) -> (unit: Bool, integer: Bool, negative: Bool)? {
    let c: Rational
    switch pool.kind(t) {
    case .number: c = pool.rational(t)!
    case .product:
      guard pool.operandCount(t) == 2, let q = pool.rational(pool.operand(t, 0)), isPlainAtom(pool.operand(t, 1)) else {
        return nil
      }
      c = q
    default:
      guard isPlainAtom(t) else { return nil }
      return (true, true, false)
    }
    return (c.numerator.magnitude == .one, c.isInteger, c.isNegative)
  }

  /// A symbol, a constant, or `exp` or `log` of a symbol.
  private func isPlainAtom(_ a: Expr) -> Bool {
    switch pool.kind(a) {
    case .symbol, .constant: return true
    case .call:
      guard let f = pool.function(a), f == .exp || f == .log else { return false }
      return pool.kind(pool.operand(a, 0)) == .symbol
    case .number, .sum, .product, .power, .apply, .undefined: return false
    }
  }
}
