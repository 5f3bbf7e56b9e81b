/// Sums the code writes in two forms that are one polynomial, written once: the EKF's bearing
/// rows divide by `x^2 + y^2 + 4*x - 6*y + 13`, which is the range row's `(x + 2)^2 + (3 - y)^2`
/// multiplied out, so the second is written as the first (and both become one temporary). The
/// pool shares equal expressions, not equal polynomials; here each written sum that is a
/// polynomial in symbols (numbers, symbols, sums, products and powers to an integer 1…4) is
/// multiplied out (``Polynomial``, symbols as atoms, exact coefficients, terms in one order) and
/// a later sum whose expansion equals an earlier one's is written as the earlier one. Expansions past 64
/// terms, or 64 levels below a written sum, are not compared (the written sums come operands
/// first, so an inner sum's expansion is remembered before its parents ask). Deterministic: the
/// written order is the code's.
enum EqualPolynomials {
  /// Later sum → the earlier written sum that is the same polynomial.
  static func aliases(pool: ExpressionPool, written: [Expr]) -> [Expr: Expr] {
    var first: [Polynomial: Expr] = [:]
    var aliases: [Expr: Expr] = [:]
    var memo: [Expr: Polynomial?] = [:]
    for e in written where pool.kind(e) == .sum {
      guard let p = expansion(pool, e, &memo, depth: 0) else { continue }
      if let f = first[p] { aliases[e] = f } else { first[p] = e }
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
