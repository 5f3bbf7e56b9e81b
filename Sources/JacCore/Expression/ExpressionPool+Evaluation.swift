#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numeric evaluation in `Double`, the only place jac uses floating point. Each distinct node is
/// evaluated once (memoised over the shared graph), operands before the nodes that use them, so
/// it does not recurse however deep the expression is. Outside a function's real domain the
/// value is NaN (log of a negative number, sqrt of a negative number, 1/0 gives ±infinity).
extension ExpressionPool {
  /// The value of `e` with each variable bound by `values` (unbound variables are NaN).
  public func evaluate(_ e: Expr, _ values: [String: Double]) -> Double {
    evaluate([e], values)[0]
  }

  /// Values of several expressions, sharing work between them.
  public func evaluate(_ roots: [Expr], _ values: [String: Double]) -> [Double] {
    var value: [Int32: Double] = [:]
    for e in distinctNodes(roots) {
      let v: Double
      switch node(e) {
      case .number(let q): v = q.doubleValue
      case .symbol(let name): v = values[name] ?? .nan
      case .constant(let c):
        switch c {
        case .pi: v = Double.pi
        }
      case .undefined: v = .nan
      case .sum(let ts): v = ts.reduce(0.0) { $0 + value[$1.id]! }
      case .product(let fs): v = fs.reduce(1.0) { $0 * value[$1.id]! }
      case .power(let b, let x): v = Self.power(value[b.id]!, value[x.id]!, exact: rational(x))
      case .call(let f, let u): v = Self.apply(f, value[u.id]!)
      }
      value[e.id] = v
    }
    return roots.map { value[$0.id]! }
  }

  /// x^y, with odd roots of negative numbers kept real only when the exponent is an exact
  /// rational with an odd denominator (−8^(1/3) = −2).
  static func power(_ x: Double, _ y: Double, exact: Rational?) -> Double {
    if x < 0, let q = exact, !q.isInteger, let d = q.denominator.intValue, d % 2 == 1 {
      let magnitude = pow(-x, y)
      return q.numerator.isEven ? magnitude : -magnitude
    }
    return pow(x, y)
  }

  static func apply(_ f: Function, _ u: Double) -> Double {
    switch f {
    case .sin: return sin(u)
    case .cos: return cos(u)
    case .tan: return tan(u)
    case .cot: return 1 / tan(u)
    case .sec: return 1 / cos(u)
    case .csc: return 1 / sin(u)
    case .asin: return asin(u)
    case .acos: return acos(u)
    case .atan: return atan(u)
    case .sinh: return sinh(u)
    case .cosh: return cosh(u)
    case .tanh: return tanh(u)
    case .asinh: return asinh(u)
    case .acosh: return acosh(u)
    case .atanh: return atanh(u)
    case .exp: return exp(u)
    case .log: return log(u)
    case .abs: return Swift.abs(u)
    }
  }
}
