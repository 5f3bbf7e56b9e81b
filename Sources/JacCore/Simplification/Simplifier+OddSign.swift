/// `sign-into-odd-function`: at a root, a product's minus sign goes into an odd function of a
/// sum, −k·f(a − b)ⁿ = k·f(b − a)ⁿ for odd f and odd n, kept only where that is shorter: an
/// answer `-sin(a - b)` is `sin(b - a)`. The contraction of a sum cannot see a sign outside it:
/// −(sin a·cos b − cos a·sin b) contracts inside to sin(a − b). Only at a root: inside a sum
/// `x - sin(a - b)` and `x + sin(b - a)` print alike.
extension Simplifier {
  func withSignInOddFunction(_ e: Expr) -> Expr {
    guard case .product(let factors) = pool.node(e), pool.coefficientAndRest(e).0.isNegative,
      let i = factors.firstIndex(where: isOddOfSum)
    else { return e }
    let (base, exponent) = pool.baseAndExponent(factors[i])
    guard case .call(let f, let u) = pool.node(base) else { return e }
    var turned = factors
    turned[i] = pool.power(pool.call(f, pool.turned(u)), exponent)
    let candidate = pool.multiply(turned + [pool.minusOne])
    guard isShorter(candidate, than: e, strictly: true) else { return e }
    trace?.append(Step(before: e, after: candidate, rules: [.signIntoOddFunction, .preferShorter]))
    return candidate
  }

  /// f(u)ⁿ with f odd, u a sum and n an odd integer.
  private func isOddOfSum(_ factor: Expr) -> Bool {
    let (base, exponent) = pool.baseAndExponent(factor)
    guard case .call(let f, let u) = pool.node(base), f.isOdd, pool.kind(u) == .sum, let n = pool.rational(exponent),
      n.isInteger, !n.numerator.isEven
    else { return false }
    return true
  }
}
