/// `abs-merge`: in a product, |u|ᵏ·|v|ˡ = |uᵏ·vˡ| for odd integers k, l (real u, v), tried as a
/// candidate and kept only when shorter: `abs(x)*abs(y)/abs(z)` is `abs(x*y/z)`, one call
/// where there were three. (`abs-of-product` at construction goes the other way only for
/// factors that cannot be negative, which then leave the bars.)
extension Simplifier {
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
    guard (measure.of(merged), pool.treeSize(merged)) < (measure.of(best), pool.treeSize(best)) else { return best }
    trace?.append(Step(before: best, after: merged, rules: [.absMerge, .preferShorter]))
    return merged
  }
}
