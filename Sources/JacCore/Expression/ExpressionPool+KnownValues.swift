/// Exact values of the elementary functions at special points.
///
/// Trigonometric functions are evaluated at rational multiples of π whose denominator divides
/// 12 (the angles of the unit-circle table: multiples of π/6 and π/4):
/// sin(qπ) from the first-quadrant values 0, 1/2, √2/2, √3/2, 1, with sin(qπ) = −sin((q−1)π)
/// and cos(qπ) = sin((q + 1/2)π); tan = sin/cos, cot = cos/sin, sec = 1/cos, csc = 1/sin, and a
/// zero denominator is `undefined` (tan(π/2)).
///
/// This is the rule `known-values`: ``call(_:_:trace:)`` notes it when a value is found here.
extension ExpressionPool {
  func knownValue(_ f: Function, _ u: Expr, trace: RuleTrace? = nil) -> Expr? {
    if let v = inverseTrigValue(f, u) { return v }
    if let q = rational(u) { return knownValue(f, atNumber: q) }
    if f == .lambertw { return lambertwValue(u) }
    if let q = multipleOfPi(u) {
      let sin = { (q: Rational) in self.sinOfPiTimes(q, trace: trace) }
      switch f {
      case .sin: return sin(q)
      case .cos: return sin(q + .half)
      case .tan: return ratio(sin(q), sin(q + .half), trace: trace)
      case .cot: return ratio(sin(q + .half), sin(q), trace: trace)
      case .sec: return ratio(one, sin(q + .half), trace: trace)
      case .csc: return ratio(one, sin(q), trace: trace)
      case .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .log, .abs:
        return f == .abs ? (q.isNegative ? scaled(pi, by: -q) : u) : nil
      case .sign, .heaviside, .relu:
        return piecewiseValue(f, sign: q.signum, u)
      case .sinc: return q.isZero ? one : ratio(sin(q), scaled(pi, by: q), trace: trace)
      case .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .floor, .ceil, .sigmoid, .softplus, .erf,
        .erfc, .gamma, .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc:
        return nil
      }
    }
    return nil
  }

  private func knownValue(_ f: Function, atNumber q: Rational) -> Expr? {
    switch f {
    case .sin, .tan, .sinh, .tanh, .asin, .atan, .asinh, .atanh:
      if q.isZero { return zero }
      if f == .asin && q.isOne { return scaled(pi, by: .half) }
      if f == .atan && q.isOne { return scaled(pi, by: Rational(BigInt(1), BigInt(4))) }
      if f == .atanh && q.magnitude.isOne { return undefined }
      return nil
    case .cos, .cosh, .sec, .exp:
      return q.isZero ? one : nil
    case .acos:
      if q.isOne { return zero }
      if q.isZero { return scaled(pi, by: .half) }
      if q.isMinusOne { return pi }
      return nil
    case .acosh, .log:
      if q.isOne { return zero }
      if q.isZero && f == .log { return undefined }
      return nil
    case .cot, .csc:
      return q.isZero ? undefined : nil
    case .abs:
      return number(q.magnitude)
    case .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil, .relu,
      .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li,
      .fresnels, .fresnelc, .sinc:
      return specialValue(f, atNumber: q)
    }
  }

  /// `q` when `u` is `q·π` for a rational `q` whose denominator divides 12.
  func multipleOfPi(_ u: Expr) -> Rational? {
    var q: Rational
    if u == pi {
      q = .one
    } else if kind(u) == .product, operandCount(u) == 2, operand(u, 1) == pi, let c = rational(operand(u, 0)) {
      q = c
    } else {
      return nil
    }
    guard let d = q.denominator.intValue, 12 % d == 0 else { return nil }
    return q
  }

  /// sin(qπ) for q with denominator dividing 12, or nil when it is not in the table.
  private func sinOfPiTimes(_ q: Rational, trace: RuleTrace?) -> Expr? {
    // Twelfths of π, reduced to [0, 24).
    let twelve = Rational(12)
    guard let k0 = (q * twelve).intValue else { return nil }
    let k = ((k0 % 24) + 24) % 24
    if k >= 12 {
      return sinOfPiTimes(Rational(BigInt(k - 12), BigInt(12)), trace: trace).map { negate($0, trace: trace) }
    }
    let angle = min(k, 12 - k)  // sin(π − x) = sin x
    switch angle {
    case 0: return zero
    case 2: return half
    case 3: return multiply(half, sqrt(number(2), trace: trace), trace: trace)
    case 4: return multiply(half, sqrt(number(3), trace: trace), trace: trace)
    case 6: return one
    default: return nil
    }
  }

  private func ratio(_ a: Expr?, _ b: Expr?, trace: RuleTrace?) -> Expr? {
    guard let a, let b else { return nil }
    return b == zero ? undefined : divide(a, b, trace: trace)
  }
}
