/// Sums the code writes in two forms that are one polynomial, written once: the EKF's bearing
/// rows divide by `x^2 + y^2 + 4*x - 6*y + 13`, which is the range row's `(x + 2)^2 + (3 - y)^2`
/// multiplied out, so the second is written as the first (and both become one temporary). The
/// pool shares equal expressions, not equal polynomials; here each written sum that is a
/// polynomial in symbols (numbers, symbols, sums, products and powers to an integer 1…4) is
/// multiplied out (``Polynomial``, symbols as atoms, exact coefficients, terms in one order) and
/// the sums with one expansion are all written as the least multiplied out of them: the one with
/// the fewest terms (then the shortest by ``CodeLength``'s bound, then the first written). That
/// is the factored form where there is one, and it is the one to keep: `x^2 + y^2 + 4*x - 6*y +
/// 13` near (-2, 3) cancels to rounding noise, where `(x + 2)^2 + (3 - y)^2` keeps every digit. Expansions past 64 terms, or 64
/// levels below a written sum, are not compared (the written sums come operands first, so an
/// inner sum's expansion is remembered before its parents ask). Deterministic: the written order
/// is the code's.
enum EqualPolynomials {
  /// Sum → the least multiplied-out written sum that is the same polynomial (none for that one).
  static func aliases(pool: ExpressionPool, written: [Expr]) -> [Expr: Expr] {
    var classes: [Polynomial: [Expr]] = [:]
    var order: [Polynomial] = []
    var memo: [Expr: Polynomial?] = [:]
    for e in written where pool.kind(e) == .sum {
      guard let p = expansion(pool, e, &memo, depth: 0) else { continue }
      if classes[p] == nil { order.append(p) }
      classes[p, default: []].append(e)
    }
    var length = CodeLength(pool: pool, parameters: 0)
    var aliases: [Expr: Expr] = [:]
    for p in order {
      guard let members = classes[p], members.count > 1 else { continue }
      func rank(_ e: Expr) -> (terms: Int, length: Int) { (pool.terms(e).count, length.bound(e)) }
      var kept = members[0]
      var keptRank = rank(kept)
      for e in members.dropFirst() {
        let r = rank(e)
        if r < keptRank { (kept, keptRank) = (e, r) }
      }
      for e in members where e != kept { aliases[e] = kept }
    }
    return aliases
  }

  /// `e` multiplied out, or nil when it is not a polynomial in symbols or grows past 64 terms.
  private static func expansion(
    _ pool: ExpressionPool, _ e: Expr, _ memo: inout [Expr: Polynomial?], depth: Int
  ) -> Polynomial? {
    if let known = memo[e] { return known }
    guard depth < 64 else { return nil }
    var result: Polynomial?
    switch pool.node(e) {
    case .number(let q): result = Polynomial(constant: q)
    case .symbol: result = Polynomial(monomial: Monomial(atom: e.index, exponent: 1))
    case .sum(let terms), .product(let terms):
      let sum = pool.kind(e) == .sum
      result = Polynomial(constant: sum ? .zero : .one)
      for t in terms {
        guard let r = result, let p = expansion(pool, t, &memo, depth: depth + 1) else {
          result = nil
          break
        }
        result = sum ? r + p : try? r.multiplied(by: p, budget: Budget(4_096))
      }
    case .power(let b, let x):
      if let n = pool.rational(x)?.intValue, (1...4).contains(n), pool.rational(x)?.isInteger == true,
        let p = expansion(pool, b, &memo, depth: depth + 1)
      {
        result = try? p.power(n, budget: Budget(4_096))
      }
    case .constant, .call, .apply, .undefined: result = nil
    }
    if let r = result, r.termCount > 64 { result = nil }
    memo[e] = .some(result)
    return result
  }
}
