/// The derivatives of the reciprocal hyperbolic, inverse reciprocal, piecewise and special
/// functions, f'(u), each checked against SymPy in `make crosscheck`:
///
/// | f           | f'(u)                          | f           | f'(u)                        |
/// |-------------|--------------------------------|-------------|------------------------------|
/// | sech u      | −sech u · tanh u               | sign u      | 0                            |
/// | csch u      | −csch u · coth u               | heaviside u | 0                            |
/// | coth u      | 1 − coth² u                    | floor u     | 0                            |
/// | acot u      | −1/(1 + u²)                    | ceil u      | 0                            |
/// | asec u      | 1/(|u| √(u² − 1))              | relu u      | heaviside u                  |
/// | acsc u      | −1/(|u| √(u² − 1))             | sigmoid u   | sigmoid u · (1 − sigmoid u)  |
/// | asech u     | −1/(u √(1 − u²))               | softplus u  | sigmoid u                    |
/// | acsch u     | −1/(|u| √(u² + 1))             | erf u       | 2 e^(−u²)/√π                 |
/// | acoth u     | 1/(1 − u²)                     | erfc u      | −2 e^(−u²)/√π                |
/// | gamma u     | Γ(u) ψ(u)                      | loggamma u  | ψ(u)                         |
/// | digamma u   | polygamma(1, u)                | lambertw u  | 1/(e^W(u)·(1 + W(u)))        |
///
/// W = W₀ (lambertw): from w·e^w = u, W'·e^W·(1 + W) = 1. SymPy prints W/(u·(1 + W)), the same
/// where u ≠ 0 (e^W = u/W); jac's form is also defined at u = 0 (W'(0) = 1) and, like W', not at
/// the branch point u = −1/e (W = −1).
///
/// The piecewise functions are constant between their jumps, so their derivative is 0 there;
/// at a jump (sign, heaviside at 0, floor and ceil at integers) jac also answers 0, as PyTorch,
/// TensorFlow and JAX do, and `--at` notes the point. relu' = heaviside, and H(0) = 0, so
/// relu'(0) = 0: the deep-learning frameworks' convention.
extension ExpressionPool {
  func derivativeOfNewer(_ f: Function, at u: Expr) -> Expr {
    let two = number(2)
    let minusHalf = number(Rational(BigInt(-1), BigInt(2)))
    switch f {
    case .sech: return negate(multiply(call(.sech, u), call(.tanh, u)))
    case .csch: return negate(multiply(call(.csch, u), call(.coth, u)))
    case .coth: return subtract(one, power(call(.coth, u), two))
    case .acot: return negate(reciprocal(add(one, power(u, two))))
    case .asec, .acsc:
      let d = reciprocal(multiply(call(.abs, u), power(subtract(power(u, two), one), half)))
      return f == .asec ? d : negate(d)
    case .asech: return negate(multiply(reciprocal(u), power(subtract(one, power(u, two)), minusHalf)))
    case .acsch: return negate(reciprocal(multiply(call(.abs, u), power(add(power(u, two), one), half))))
    case .acoth: return reciprocal(subtract(one, power(u, two)))
    case .sign, .heaviside, .floor, .ceil: return zero
    case .relu: return call(.heaviside, u)
    case .sigmoid: return multiply(call(.sigmoid, u), subtract(one, call(.sigmoid, u)))
    case .softplus: return call(.sigmoid, u)
    case .erf, .erfc:
      let d = multiply([two, call(.exp, negate(power(u, two))), power(pi, minusHalf)])
      return f == .erf ? d : negate(d)
    case .gamma: return multiply(call(.gamma, u), call(.digamma, u))
    case .loggamma: return call(.digamma, u)
    case .digamma: return apply(.polygamma, [one, u])
    case .lambertw:
      let w = call(.lambertw, u)
      return reciprocal(multiply(call(.exp, w), add(one, w)))
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc:
      return derivativeOf(f, at: u)
    }
  }
}
