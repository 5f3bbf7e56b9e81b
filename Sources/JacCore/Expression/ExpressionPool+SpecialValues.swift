/// Exact values of the newer functions at numbers (the rule `known-values`, like the table in
/// `ExpressionPool+KnownValues.swift`):
/// - sech 0 = 1; csch 0, coth 0, asec 0, acsc 0, acsch 0, asech 0, acoth ±1 are undefined;
///   acot 0 = π/2, acot(±1) = ±π/4; asec 1 = 0, asec(−1) = π; acsc(±1) = ±π/2; asech 1 = 0;
/// - sign, heaviside (H(0) = 0), floor, ceil and relu of any rational;
/// - sigmoid 0 = 1/2, softplus 0 = log 2, erf 0 = 0, erfc 0 = 1;
/// - Γ(n) = (n − 1)! for integers 1 ≤ n ≤ 300, Γ(m + 1/2) = (2m)!√π/(4ᵐ m!) and
///   Γ(1/2 − m) = (−4)ᵐ m!√π/(2m)! for 0 ≤ m ≤ 150; log Γ(1) = log Γ(2) = 0 and
///   log Γ(n) = log((n − 1)!) up to 300; Γ, log Γ and ψ are undefined at 0, −1, −2, …;
/// - erfi 0 = Si 0 = Shi 0 = fresnels 0 = fresnelc 0 = 0, sinc 0 = 1, li 0 = 0; Ei 0, Ci 0,
///   Chi 0 and li 1 are undefined (SymPy: −∞);
/// - W₀(0) = 0, and W₀(c·e^c) = c for a rational c ≥ −1 (``lambertwValue(_:)``; for a symbolic
///   u that cannot be negative, W₀(u·e^u) = u is `exp-log-inverse`, in ``call(_:_:trace:)``).
extension ExpressionPool {
  func specialValue(_ f: Function, atNumber q: Rational) -> Expr? {
    let quarter = Rational(BigInt(1), BigInt(4))
    let isPole = q.isInteger && !(q.signum > 0)
    switch f {
    case .sech: return q.isZero ? one : nil
    case .csch, .coth, .acsch: return q.isZero ? undefined : nil
    case .acot:
      if q.isZero { return scaled(pi, by: .half) }
      return q.magnitude.isOne ? scaled(pi, by: q.isNegative ? -quarter : quarter) : nil
    case .asec:
      if q.isZero { return undefined }
      return q.isOne ? zero : q.isMinusOne ? pi : nil
    case .acsc:
      if q.isZero { return undefined }
      return q.magnitude.isOne ? scaled(pi, by: q.isNegative ? -Rational.half : .half) : nil
    case .asech: return q.isOne ? zero : q.isZero ? undefined : nil
    case .acoth: return q.magnitude.isOne ? undefined : nil
    case .sign, .heaviside, .relu: return piecewiseValue(f, sign: q.signum, number(q))
    case .floor, .ceil:
      let (quotient, remainder) = q.numerator.quotientAndRemainder(dividingBy: q.denominator)
      if remainder.isZero { return number(Rational(quotient)) }
      let down = q.isNegative ? quotient - .one : quotient
      return number(Rational(f == .floor ? down : down + .one))
    case .sigmoid: return q.isZero ? half : nil
    case .softplus: return q.isZero ? call(.log, number(2)) : nil
    case .erf: return q.isZero ? zero : nil
    case .erfc: return q.isZero ? one : nil
    case .gamma: return isPole ? undefined : gammaValue(q)
    case .loggamma:
      if isPole { return undefined }
      guard q.isInteger, let n = q.intValue, n <= 300 else { return nil }
      return n <= 2 ? zero : call(.log, number(Rational(factorial(n - 1))))
    case .digamma: return isPole ? undefined : nil
    case .lambertw: return q.isZero ? zero : nil
    case .erfi, .si, .shi, .fresnels, .fresnelc: return q.isZero ? zero : nil
    case .sinc: return q.isZero ? one : nil
    case .ei, .ci, .chi: return q.isZero ? undefined : nil
    case .li: return q.isZero ? zero : q.isOne ? undefined : nil
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs:
      return nil
    }
  }

  /// W₀(c·e^c) = c for a rational c ≥ −1: W₀(e) = 1, W₀(−e^(−1)) = −1 (the branch point),
  /// W₀(2·e^2) = 2, W₀(−e^(−1/2)/2) = −1/2. Below −1, c·e^c is W₋₁'s value, not W₀'s
  /// (W₀(−2·e^(−2)) ≈ −0.406), so it stays as written.
  func lambertwValue(_ u: Expr) -> Expr? {
    guard let v = exponentOfProduct(u), let c = rational(v), c >= -Rational.one else { return nil }
    return v
  }

  /// v when u is v·e^v: e itself (v = 1), or a product with a factor exp(v) whose other factors
  /// multiply to v (2·x·exp(2·x)).
  func exponentOfProduct(_ u: Expr) -> Expr? {
    if function(u) == .exp { return operand(u, 0) == one ? one : nil }
    guard kind(u) == .product else { return nil }
    let factors = Array(operands(u))
    for (i, f) in factors.enumerated() where function(f) == .exp {
      var rest = factors
      rest.remove(at: i)
      if multiply(rest) == operand(f, 0) { return operand(f, 0) }
    }
    return nil
  }

  /// sign, heaviside and relu of a value `u` whose sign is `sign`.
  func piecewiseValue(_ f: Function, sign: Int, _ u: Expr) -> Expr? {
    switch f {
    case .sign: return number(Rational(sign))
    case .heaviside: return sign > 0 ? one : zero
    case .relu: return sign > 0 ? u : zero
    default: return nil
    }
  }

  /// Γ(q) at a positive integer or a half-integer, or nil.
  private func gammaValue(_ q: Rational) -> Expr? {
    if q.isInteger {
      guard let n = q.intValue, n <= 300 else { return nil }
      return number(Rational(factorial(n - 1)))
    }
    guard q.denominator == BigInt(2), let twice = q.numerator.intValue, abs(twice) <= 301 else { return nil }
    let rootPi = sqrt(pi)
    if twice > 0 {  // q = m + 1/2
      let m = (twice - 1) / 2
      let c = Rational(factorial(2 * m), BigInt(4).power(m) * factorial(m))
      return multiply(number(c), rootPi)
    }
    let m = (1 - twice) / 2  // q = 1/2 − m
    let c = Rational(BigInt(-4).power(m) * factorial(m), factorial(2 * m))
    return multiply(number(c), rootPi)
  }

  /// n! for a small n ≥ 0.
  func factorial(_ n: Int) -> BigInt {
    var r = BigInt.one
    if n >= 2 { for k in 2...n { r *= BigInt(k) } }
    return r
  }
}
