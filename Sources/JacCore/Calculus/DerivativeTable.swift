/// The derivatives of the elementary functions, f'(u), checked against an independent reference
/// (central finite differences in `DerivativeTests`, SymPy in `make crosscheck`):
///
/// | f        | f'(u)                 | f        | f'(u)                |
/// |----------|-----------------------|----------|----------------------|
/// | sin u    | cos u                 | sinh u   | cosh u               |
/// | cos u    | −sin u                | cosh u   | sinh u               |
/// | tan u    | 1 + tan² u            | tanh u   | 1 − tanh² u          |
/// | cot u    | −(1 + cot² u)         | asinh u  | 1/√(u² + 1)          |
/// | sec u    | sec u · tan u         | acosh u  | 1/√(u² − 1)  (u > 1) |
/// | csc u    | −csc u · cot u        | atanh u  | 1/(1 − u²)           |
/// | asin u   | 1/√(1 − u²)           | exp u    | exp u                |
/// | acos u   | −1/√(1 − u²)          | log u    | 1/u                  |
/// | atan u   | 1/(1 + u²)            | abs u    | u/|u|  (u ≠ 0)       |
///
/// Note asin' is 1/√(1 − u²): some published tables print 1/√(1 + u²), which is asinh'.
/// For |u| jac chooses u/|u| (rather than a new `sign` function) so every derivative stays in
/// jac's own language; it is undefined at u = 0, as |u|' is. The other functions' rows are in
/// `DerivativeTable+Special.swift`.
extension ExpressionPool {
  /// f'(u) for the function `f` at argument `u`.
  public func derivativeOf(_ f: Function, at u: Expr) -> Expr {
    let two = number(2)
    switch f {
    case .sin: return call(.cos, u)
    case .cos: return negate(call(.sin, u))
    case .tan: return add(one, power(call(.tan, u), two))
    case .cot: return negate(add(one, power(call(.cot, u), two)))
    case .sec: return multiply(call(.sec, u), call(.tan, u))
    case .csc: return negate(multiply(call(.csc, u), call(.cot, u)))
    case .asin: return power(subtract(one, power(u, two)), number(Rational(BigInt(-1), BigInt(2))))
    case .acos: return negate(power(subtract(one, power(u, two)), number(Rational(BigInt(-1), BigInt(2)))))
    case .atan: return reciprocal(add(one, power(u, two)))
    case .sinh: return call(.cosh, u)
    case .cosh: return call(.sinh, u)
    case .tanh: return subtract(one, power(call(.tanh, u), two))
    case .asinh: return power(add(power(u, two), one), number(Rational(BigInt(-1), BigInt(2))))
    case .acosh: return power(subtract(power(u, two), one), number(Rational(BigInt(-1), BigInt(2))))
    case .atanh: return reciprocal(subtract(one, power(u, two)))
    case .exp: return call(.exp, u)
    case .log: return reciprocal(u)
    case .abs: return divide(u, call(.abs, u))
    case .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil, .relu,
      .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw:
      return derivativeOfNewer(f, at: u)
    case .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc:
      return derivativeOfIntegral(f, at: u)
    }
  }
}
