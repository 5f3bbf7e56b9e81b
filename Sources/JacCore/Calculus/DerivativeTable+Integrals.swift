/// The derivatives of the integrals of elementary functions and of sinc, f'(u), each checked
/// against SymPy's `diff` (`DerivativeTests`):
///
/// | f           | f'(u)                 | f           | f'(u)                          |
/// |-------------|-----------------------|-------------|--------------------------------|
/// | erfi u      | 2 e^(u²)/√π           | Chi u       | cosh u/u                       |
/// | Ei u        | e^u/u                 | li u        | 1/log u                        |
/// | Si u        | sinc u                | fresnels u  | sin(πu²/2)                     |
/// | Ci u        | cos u/u               | fresnelc u  | cos(πu²/2)                     |
/// | Shi u       | sinh u/u              | sinc u      | (u cos u − sin u)/u²           |
///
/// Si' is written sinc u, SymPy's sin(u)/u where u ≠ 0 and also defined at u = 0 (Si'(0) = 1).
/// Shi' = sinh(u)/u and sinc' = (u cos u − sin u)/u² are SymPy's forms: undefined at u = 0,
/// where the limits are 1 and 0 (`taylor` reaches them; `--at` reports the point undefined, as
/// it does for sin(x)/x).
extension ExpressionPool {
  func derivativeOfIntegral(_ f: Function, at u: Expr) -> Expr {
    let two = number(2)
    switch f {
    case .erfi: return multiply([two, call(.exp, power(u, two)), power(pi, number(Rational(BigInt(-1), BigInt(2))))])
    case .ei: return divide(call(.exp, u), u)
    case .si: return call(.sinc, u)
    case .ci: return divide(call(.cos, u), u)
    case .shi: return divide(call(.sinh, u), u)
    case .chi: return divide(call(.cosh, u), u)
    case .li: return reciprocal(call(.log, u))
    case .fresnels, .fresnelc:
      let angle = multiply([half, pi, power(u, two)])
      return call(f == .fresnels ? .sin : .cos, angle)
    case .sinc: return divide(subtract(multiply(u, call(.cos, u)), call(.sin, u)), power(u, two))
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs, .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil,
      .relu, .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw:
      return derivativeOf(f, at: u)
    }
  }
}
