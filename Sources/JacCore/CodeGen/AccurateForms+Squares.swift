/// Differences of squares in generated code (``AccurateForms``): c + k·u², c and k of opposite
/// signs and s = √(−c/k) a double exactly, written as a product whose factor u ∓ s cancels
/// exactly near u = ±s, where u² had rounded away the digits of c + k·u² that matter:
///
/// | jac's form        | written as                              | u                              |
/// |-------------------|-----------------------------------------|--------------------------------|
/// | `1 - x^2`         | `(x + 1.0)*(1.0 - x)`                   | a symbol (a node: ``squaresDifference(_:)``) |
/// | `1 - y^4`         | `(y*y + 1.0)*(1 - y^2)`, then the above | the square of a symbol or sum  |
/// | `1 - (x + y)^2`   | `(1.0 - t0)*(t0 + 1.0)`, t0 = x + y     | a sum (a shape: ``sumSquares(_:)``) |
/// | `4 - (2*x + 1)^2` | `(1.0 - t0)*(t0 + 3.0)`, t0 = 2.0*x     | a sum with a number: folded in |
///
/// Bases that are products, quotients, powers or calls (`1 - x^2*y^2`, d/dx of `asin(x*y)`)
/// stay as they are: u = x·y itself rounds, and 1 − fl(x·y) is no better than 1 − x·x·y·y
/// (mpmath, 20,000 points near x·y = ±1: at most 1.08e-4 off, relatively, against 9.3e-5).
extension PrintLayout {
  /// c + k·x², c and k of opposite signs, as the product −k·(s − x)·(s + x) (c > 0) or
  /// k·(x − s)·(x + s), s = √(−c/k): near x = ±s, x² rounds away the digits of c + k·x² that
  /// matter, while s ∓ x is exact (Sterbenz). Only where s is a double exactly (an integer or a
  /// fraction over a power of 2 below 2⁵³: for s = 1/3, s itself rounds, and the product is no
  /// better); x a symbol, or x = w² for a symbol or a sum w (`1 - y^4` is `(1 - y^2)*(y^2 + 1)`,
  /// its first factor in turn `(1 - y)*(y + 1)`; with w a sum, ``sumSquares(_:)``), so the
  /// written x, twice, stays short. Nil otherwise.
  func squaresDifference(_ e: Expr) -> Expr? {
    guard let r = squaredPower(e) else { return nil }
    let base = pool.kind(pool.operand(r, 0))
    guard base == .symbol || base == .sum, let p = pool.rational(pool.operand(r, 1)),
      (p == Rational(2) && base == .symbol) || p == Rational(4)
    else { return nil }
    let (c, k) = coefficients(e)
    guard c.isNegative != k.isNegative, let s = Self.exactDoubleSquareRoot(-c / k) else { return nil }
    let x = p == Rational(2) ? pool.operand(r, 0) : pool.power(pool.operand(r, 0), pool.number(2))
    let root = pool.number(s)
    let difference = c.isNegative ? pool.add(x, pool.negate(root)) : pool.add(root, pool.negate(x))
    return pool.multiply([pool.number(c.isNegative ? k : -k), difference, pool.add(x, root)])
  }

  /// c + k·u², u = c₀ + v a sum (v its terms but the number c₀, turned when all are negative,
  /// so that `(3 - x)^2` is read as `(x - 3)^2`), as
  ///
  ///     c + k·u² = k·(u − s)·(u + s) = k·(v + p)·(v + q),   p = c₀ − s,  q = c₀ + s
  ///
  /// written `|k|*(−p − v)*(v + q)` when k < 0 < −p (`(1.0 - t0)*(t0 + 1.0)`), else with k's
  /// sign in front. v is written twice, so a v that is not a symbol is a temporary, computed
  /// once as it was for u²; near u = s, v + p then cancels in one exact subtraction (Sterbenz),
  /// with c₀ folded into p (`4 - (2*x + 1)^2` near x = 1/2: 1 − 2x, where 2x + 1 rounded). Only
  /// where s, p and q are doubles exactly; nil otherwise.
  func sumSquares(_ e: Expr) -> CodeShape? {
    guard let r = squaredPower(e), pool.kind(pool.operand(r, 0)) == .sum,
      pool.rational(pool.operand(r, 1)) == Rational(2)
    else { return nil }
    let (c, k) = coefficients(e)
    guard c.isNegative != k.isNegative, let s = Self.exactDoubleSquareRoot(-c / k) else { return nil }
    var terms = Array(pool.operands(pool.operand(r, 0)))
    var c0 = Rational.zero
    if pool.isNumber(terms[0]) { c0 = pool.rational(terms.removeFirst())! }
    if terms.allSatisfy(isNegative) { (c0, terms) = (-c0, terms.map { pool.negate($0) }) }
    let (p, q) = (c0 - s, c0 + s)
    guard Self.isExactDouble(p), Self.isExactDouble(q) else { return nil }
    let turned = k.isNegative && p.isNegative
    let form = SquaresForm(
      negative: k.isNegative && !turned, coefficient: k.magnitude, v: pool.add(terms), p: p, q: q,
      turned: turned)
    return .squares(form)
  }

  /// The power r of a sum c + k·r of two terms, c a number and k a rational (1 when the term
  /// is r alone); nil for any other sum. Reads no number: every written sum that holds one is
  /// asked (``accurateSum(_:complements:)``, and the printer's precedence each time).
  private func squaredPower(_ e: Expr) -> Expr? {
    guard pool.operandCount(e) == 2, pool.isNumber(pool.operand(e, 0)) else { return nil }
    let t = pool.operand(e, 1)
    let scaled = pool.kind(t) == .product && pool.operandCount(t) == 2 && pool.isNumber(pool.operand(t, 0))
    let r = scaled ? pool.operand(t, 1) : t
    return pool.kind(r) == .power ? r : nil
  }

  /// c and k of a sum c + k·r that ``squaredPower(_:)`` accepted.
  private func coefficients(_ e: Expr) -> (c: Rational, k: Rational) {
    let t = pool.operand(e, 1)
    let k = pool.kind(t) == .product ? pool.rational(pool.operand(t, 0))! : .one
    return (pool.rational(pool.operand(e, 0))!, k)
  }

  /// √q when it is a rational whose numerator and denominator are squares, the denominator's root
  /// a power of 2 and the numerator's below 2⁵³ (a double exactly); nil otherwise.
  static func exactDoubleSquareRoot(_ q: Rational) -> Rational? {
    guard let a = q.numerator.exactRoot(2), let b = q.denominator.exactRoot(2) else { return nil }
    let root = Rational(a, b)
    return isExactDouble(root) ? root : nil
  }

  /// Whether q is a double exactly: its denominator a power of 2, its numerator below 2⁵³ in
  /// magnitude (the literal then reads back as q).
  static func isExactDouble(_ q: Rational) -> Bool {
    guard let d = q.denominator.intValue, d & (d - 1) == 0, let m = q.numerator.magnitude.intValue else { return false }
    return m < 1 << 53
  }
}

/// k·(v + p)·(v + q), the code of a difference of squares c + k·(c₀ + v)² whose base is a sum
/// (``PrintLayout/sumSquares(_:)``): `±m*(v + p)*(v + q)`, m = |k|, or `m*(−p − v)*(v + q)`
/// when `turned`; a factor v + 0 is v.
struct SquaresForm {
  /// Whether the code starts with a minus.
  var negative: Bool
  /// m = |k| > 0, not written when 1.
  var coefficient: Rational
  /// The base's terms but its number, written twice.
  var v: Expr
  var p: Rational
  var q: Rational
  /// Whether the first factor is written −p − v (k < 0 < −p).
  var turned: Bool
}
