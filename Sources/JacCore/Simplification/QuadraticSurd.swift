/// A number p + q·√d of the quadratic field ℚ(√d), d ≥ 2 a square-free integer (the one
/// radical `merge-radicals` leaves in √d), with the arithmetic `rationalise-denominator` needs:
///
///   (p + q√d) + (r + s√d) = (p + r) + (q + s)√d
///   (p + q√d) · (r + s√d) = (p·r + q·s·d) + (p·s + q·r)√d
///   1 / (p + q√d)         = (p − q√d) / (p² − q²·d)
///
/// p² − q²·d is 0 only for p = q = 0, since d is not the square of a rational. Every operation
/// gives nil when a part grows past ``bitLimit`` bits (the rule is then not applied).
struct QuadraticSurd: Equatable {
  var p: Rational
  var q: Rational

  /// Numerators and denominators of more bits are not worked with.
  static let bitLimit = 512
  /// Integer powers of a larger magnitude are not worked out.
  static let exponentLimit = 16
  static let one = QuadraticSurd(p: .one, q: .zero)

  var isZero: Bool { p.isZero && q.isZero }

  /// Nil when a part is past ``bitLimit``.
  private static func checked(_ p: Rational, _ q: Rational) -> QuadraticSurd? {
    for r in [p, q] where r.numerator.bitWidth > bitLimit || r.denominator.bitWidth > bitLimit { return nil }
    return QuadraticSurd(p: p, q: q)
  }

  func adding(_ o: QuadraticSurd) -> QuadraticSurd? { Self.checked(p + o.p, q + o.q) }

  func multiplied(by o: QuadraticSurd, _ d: Rational) -> QuadraticSurd? {
    Self.checked(p * o.p + q * o.q * d, p * o.q + q * o.p)
  }

  /// 1/(p + q√d) = (p − q√d)/(p² − q²·d); nil for 0.
  func reciprocal(_ d: Rational) -> QuadraticSurd? {
    let norm = p * p - q * q * d
    guard !norm.isZero else { return nil }
    return Self.checked(p / norm, -q / norm)
  }

  /// (p + q√d)ⁿ by squaring, n of magnitude at most ``exponentLimit``; nil for 0ⁿ with n < 0.
  func power(_ n: Int, _ d: Rational) -> QuadraticSurd? {
    guard abs(n) <= Self.exponentLimit else { return nil }
    guard var base = n < 0 ? reciprocal(d) : self else { return nil }
    var result = Self.one
    var k = abs(n)
    while true {
      if k & 1 == 1 {
        guard let r = result.multiplied(by: base, d) else { return nil }
        result = r
      }
      k >>= 1
      guard k > 0 else { return result }
      guard let b = base.multiplied(by: base, d) else { return nil }
      base = b
    }
  }
}

extension ExpressionPool {
  /// d when `sum` is a constant p + q·√d with q ≠ 0: its terms are numbers, √d and c·√d for one
  /// square-free integer d ≥ 2 (`5*sqrt(2) + 18`); nil for any other sum, at once for one with a
  /// symbol in it.
  func quadraticRadicand(_ sum: Expr) -> Rational? {
    guard kind(sum) == .sum, holdsNoSymbol(sum) else { return nil }
    var radicand: Rational?
    for i in 0..<operandCount(sum) {
      var t = operand(sum, i)
      if isNumber(t) { continue }
      if kind(t) == .product {
        guard operandCount(t) == 2, isNumber(operand(t, 0)) else { return nil }
        t = operand(t, 1)
      }
      guard let d = squareRootRadicand(t), radicand == nil || radicand == d else { return nil }
      radicand = d
    }
    return radicand
  }

  /// d when `e` is √d for an integer d ≥ 2 (square-free: `exact-powers` took out the squares).
  private func squareRootRadicand(_ e: Expr) -> Rational? {
    guard kind(e) == .power, rational(operand(e, 1)) == .half, let d = rational(operand(e, 0)), d.isInteger
    else { return nil }
    return d
  }

  /// The value in ℚ(√d) of a number, √d, or a sum, product or integer power of such; nil for
  /// anything else (a symbol, another radical, a call), or when a part grows too large.
  func quadraticValue(_ e: Expr, _ d: Rational) -> QuadraticSurd? {
    switch kind(e) {
    case .number: return QuadraticSurd(p: rational(e)!, q: .zero)
    case .power:
      if squareRootRadicand(e) == d { return QuadraticSurd(p: .zero, q: .one) }
      guard let n = rational(operand(e, 1))?.intValue, let base = quadraticValue(operand(e, 0), d) else { return nil }
      return base.power(n, d)
    case .sum, .product:
      guard holdsNoSymbol(e) else { return nil }
      var value = kind(e) == .sum ? QuadraticSurd(p: .zero, q: .zero) : QuadraticSurd.one
      for i in 0..<operandCount(e) {
        guard let v = quadraticValue(operand(e, i), d),
          let next = kind(e) == .sum ? value.adding(v) : value.multiplied(by: v, d)
        else { return nil }
        value = next
      }
      return value
    case .symbol, .constant, .call, .apply, .undefined: return nil
    }
  }
}
