/// How the matrix printers (text and NumPy) split a scalar coefficient.
extension ExpressionPool {
  /// A positive scalar as numerator and denominator: 1/norm(x)^3 is (1, norm(x)^3), 3/2 is (3, 2).
  func scalarFraction(_ c: Expr) -> (numerator: Expr, denominator: Expr) {
    var numerator: [Expr] = []
    var denominator: [Expr] = []
    for f in factors(c) {
      if case .power(let b, let k) = node(f), let q = rational(k), q < Rational(0) {
        denominator.append(power(b, number(-q)))
      } else if let q = rational(f), q.denominator != BigInt(1) {
        numerator.append(number(Rational(q.numerator)))
        denominator.append(number(Rational(q.denominator)))
      } else {
        numerator.append(f)
      }
    }
    func product(_ es: [Expr]) -> Expr { es.isEmpty ? one : es.count == 1 ? es[0] : multiply(es) }
    return (product(numerator), product(denominator))
  }
}
