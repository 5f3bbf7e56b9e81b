/// The canonical forms and exact values of the built-in operators (rule `known-values` for the
/// values):
/// - max(…), min(…): nested calls of the same one flattened, duplicates dropped, of the numbers
///   only the largest (smallest) kept, arguments sorted; one argument left is the value;
/// - atan2(y, x) at numbers: 0, π, ±π/2, ±π/4, ±3π/4 on the axes and diagonals, atan(y/x) for
///   any other x > 0, undefined at (0, 0);
/// - polygamma(0, x) = digamma(x); undefined for an order that is not an integer ≥ 0 and at the
///   poles x = 0, −1, −2, …;
/// - beta(a, b) = beta(b, a) (sorted); (a − 1)!(b − 1)!/(a + b − 1)! for integers 1 ≤ a, b ≤ 300.
extension ExpressionPool {
  enum CanonicalApply {
    case value(Expr)
    case arguments([Expr])
  }

  func canonicalApply(_ op: Operator, _ arguments: [Expr], trace: RuleTrace?) -> CanonicalApply {
    switch op {
    case .max, .min: return extreme(op, arguments, trace: trace)
    case .atan2:
      guard let y = rational(arguments[0]), let x = rational(arguments[1]) else { return .arguments(arguments) }
      trace?.note(.knownValues)
      return .value(angleValue(y, x))
    case .polygamma:
      guard let n = rational(arguments[0]) else { return .arguments(arguments) }
      if !n.isInteger || n.isNegative { return .value(undefined) }
      if let x = rational(arguments[1]), x.isInteger, !(x.signum > 0) { return .value(undefined) }
      if n.isZero { return .value(call(.digamma, arguments[1], trace: trace)) }
      return .arguments(arguments)
    case .beta:
      let sorted = compare(arguments[0], arguments[1]) <= 0 ? arguments : [arguments[1], arguments[0]]
      guard let a = rational(sorted[0]), let b = rational(sorted[1]) else { return .arguments(sorted) }
      if (a.isInteger && !(a.signum > 0)) || (b.isInteger && !(b.signum > 0)) { return .value(undefined) }
      guard a.isInteger, b.isInteger, let m = a.intValue, let n = b.intValue, m <= 300, n <= 300 else {
        return .arguments(sorted)
      }
      trace?.note(.knownValues)
      return .value(number(Rational(factorial(m - 1) * factorial(n - 1), factorial(m + n - 1))))
    case .undefined: return .arguments(arguments)
    }
  }

  /// max or min: flattened, deduplicated, one number, sorted.
  private func extreme(_ op: Operator, _ arguments: [Expr], trace: RuleTrace?) -> CanonicalApply {
    var flat: [Expr] = []
    for a in arguments {
      if applied(a) == op { flat += operands(a) } else { flat.append(a) }
    }
    var best: Rational? = nil
    var rest: [Expr] = []
    for a in flat {
      if let q = rational(a) {
        if let b = best { best = (op == .max) == (b < q) ? q : b } else { best = q }
      } else if !rest.contains(a) {
        rest.append(a)
      }
    }
    if let best { rest.append(number(best)) }
    rest.sort { compare($0, $1) < 0 }
    if rest.count < arguments.count { trace?.note(.knownValues) }
    return rest.count == 1 ? .value(rest[0]) : .arguments(rest)
  }

  /// atan2(y, x) at rational y and x.
  private func angleValue(_ y: Rational, _ x: Rational) -> Expr {
    if x.isZero && y.isZero { return undefined }
    if y.isZero { return x.isNegative ? pi : zero }
    if x.isZero { return scaled(pi, by: y.isNegative ? -Rational.half : .half) }
    if y.magnitude == x.magnitude {
      let q = Rational(BigInt(x.isNegative ? 3 : 1), BigInt(4))
      return scaled(pi, by: y.isNegative ? -q : q)
    }
    if !x.isNegative { return call(.atan, number(y / x)) }
    // x < 0: atan(y/x) ± π, the sign of y.
    let a = call(.atan, number(y / x))
    return y.isNegative ? subtract(a, pi) : add(a, pi)
  }
}
