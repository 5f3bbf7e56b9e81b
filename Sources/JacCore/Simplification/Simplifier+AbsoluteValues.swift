/// `abs-merge`: in a product, |u|ᵏ·|v|ˡ = |uᵏ·vˡ| for odd integers k, l (real u, v), tried as a
/// candidate and kept only when shorter: `abs(x)*abs(y)/abs(z)` is `abs(x*y/z)`, one call
/// where there were three. (`abs-of-product` at construction goes the other way only for
/// factors that cannot be negative, which then leave the bars.)
extension Simplifier {
  /// `abs-even-power`: |u|^(2k) = u^(2k) for real u and every integer k, in a product or a
  /// power, kept only when shorter: d/dx log|x| = x/|x|² = 1/x. (Not at construction: there it
  /// would split |x|² from |x|^(3/2), and x³/|x|^(7/2) would no longer meet as x/|x|^(3/2).)
  func withAbsEvenPowers(_ best: Expr) -> Expr {
    let factors = pool.kind(best) == .product ? pool.operands(best) : [best]
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
