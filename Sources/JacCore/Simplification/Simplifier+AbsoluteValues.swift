/// `abs-merge`: in a product, |u|ᵏ·|v|ˡ = |uᵏ·vˡ| for odd integers k, l (real u, v), tried as a
/// candidate and kept only when shorter: `abs(x)*abs(y)/abs(z)` is `abs(x*y/z)`, one call
/// where there were three. (`abs-of-product` at construction goes the other way only for
/// factors that cannot be negative, which then leave the bars.)
extension Simplifier {
  /// `abs-even-power`: |u|^(2k) = u^(2k) for real u and every integer k, in a product or a
  /// power, kept only when shorter: d/dx log|x| = x/|x|² = 1/x. (Not at construction: there it
  /// would split |x|² from |x|^(3/2), and x³/|x|^(7/2) would no longer meet as x/|x|^(3/2).)
  func withAbsEvenPowers(_ best: Expr) -> Expr {
    let factors = pool.factors(best)
    var changed = false
    let rewritten = factors.map { f -> Expr in
      let (b, x) = pool.baseAndExponent(f)
      guard case .call(.abs, let u) = pool.node(b), let k = pool.rational(x), k.isInteger, k.numerator.isEven else {
        return f
      }
      changed = true
      return pool.power(u, x)
    }
    guard changed else { return best }
    let candidate = pool.multiply(rewritten)
    guard isShorter(candidate, than: best) else { return best }
    trace?.append(Step(before: best, after: candidate, rules: [.absEvenPower, .preferShorter]))
    return candidate
  }

  func withAbsMerged(_ best: Expr) -> Expr {
    guard case .product(let factors) = pool.node(best) else { return best }
    var inside: [Expr] = []
    var outside: [Expr] = []
    for f in factors {
      let (b, x) = pool.baseAndExponent(f)
      if case .call(.abs, let u) = pool.node(b), let k = pool.rational(x), k.isInteger, !k.numerator.isEven {
        inside.append(pool.power(u, x))
      } else {
        outside.append(f)
      }
    }
    guard inside.count >= 2 else { return best }
    let merged = pool.multiply(outside + [pool.call(.abs, pool.multiply(inside))])
    guard isShorter(merged, than: best) else { return best }
    trace?.append(Step(before: best, after: merged, rules: [.absMerge, .preferShorter]))
    return merged
  }
}

/// `root-of-square`: a square root of a polynomial that is a perfect square, P = S², is |S|:
/// sqrt(x² + 2x + 1) = |x + 1|, and P^(k/2) = |S|^k. S is found term by term, as for numbers:
/// its leading term is the root of P's, each next term is the leading term of P − S² divided by
/// twice S's leading term, and P − S² = 0 at the end proves it (else nothing changes). P may be
/// a product, multiplied out, over a monomial that is a square too: √(r²·(R² + 2R·r·cos v +
/// r²·cos²v)) = |r·(R + r·cos v)|, the torus' area element; under `--assume` the bars go where
/// S's sign is known (``refined(_:_:)``).
extension Simplifier {
  func withPerfectSquareRoot(_ best: Expr, _ budget: Budget) -> Expr {
    guard budget.remaining > 0, case .power(let b, let x) = pool.node(best),
      pool.kind(b) == .sum || pool.kind(b) == .product,
      let q = pool.rational(x), q.denominator == BigInt(2), pool.treeSize(best) <= AngleExpansion.maxNodes
    else { return best }
    // A product multiplies out to two terms or more only with a sum among its factors (a
    // monomial under the root is the power rules' business): screened without converting.
    if pool.kind(b) == .product
      && !(0..<pool.operandCount(b)).contains(where: { i in
        let f = pool.operand(b, i)
        return pool.kind(f) == .sum || (pool.kind(f) == .power && pool.kind(pool.operand(f, 0)) == .sum)
      })
    {
      return best
    }
    let converter = self.converter ?? RationalConverter(pool: pool, budget: budget)
    do {
      let form = try converter.form(b)
      guard form.factors.isEmpty, let below = Self.halved(form.monomialDenominator), form.numerator.termCount >= 2,
        let s = try Self.squareRoot(form.numerator, budget)
      else { return best }
      let inner = converter.expression(RationalForm(s).withDenominator(below)).expression
      let root = pool.power(refined(.abs, inner) ?? pool.call(.abs, inner), pool.number(q * Rational(BigInt(2))))
      guard isShorter(root, than: best) else { return best }
      trace?.append(Step(before: best, after: root, rules: [.rootOfSquare, .preferShorter]))
      return root
    } catch {
      return best
    }
  }

  /// S with S² = p, or nil.
  static func squareRoot(_ p: Polynomial, _ budget: Budget) throws(SimplificationStop) -> Polynomial? {
    guard let (m, c) = p.leadingTerm, !c.isNegative, let rm = halved(m),
      let n = c.numerator.exactRoot(2), let d = c.denominator.exactRoot(2)
    else { return nil }
    let lead = Rational(n, d)
    var s = Polynomial(monomial: rm, coefficient: lead)
    for _ in 0..<p.termCount {
      let rest = try Polynomial.sum(p, try s.power(2, budget: budget).scaled(Rational.minusOne), budget: budget)
      guard let (rm2, rc) = rest.leadingTerm else { return s }
      guard let next = rm2.dividing(by: rm) else { return nil }
      s = try Polynomial.sum(
        s, Polynomial(monomial: next, coefficient: rc / (lead * Rational(BigInt(2)))), budget: budget)
    }
    return nil
  }

  /// The monomial with every exponent halved, when all are even.
  private static func halved(_ m: Monomial) -> Monomial? {
    var packed: [UInt64] = []
    for (atom, e) in m.pairs {
      guard e % 2 == 0 else { return nil }
      packed.append(UInt64(atom) << 32 | UInt64(e / 2))
    }
    return Monomial(packed: packed)
  }
}
