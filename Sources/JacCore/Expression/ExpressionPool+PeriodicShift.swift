/// `periodic-shift`: a circular function of an angle shifted by a multiple of π/2 is ± a circular
/// function of the rest, as SymPy evaluates it on construction. With u + kπ/2, k taken mod 4:
///
///     k      0        1        2        3
///     sin    sin u    cos u    −sin u   −cos u
///     cos    cos u    −sin u   −cos u   sin u
///     tan    tan u    −cot u   tan u    −cot u
///     cot    cot u    −tan u   cot u    −tan u
///     sec    sec u    −csc u   −sec u   csc u
///     csc    csc u    sec u    −csc u   −sec u
///
/// So cos(π/2 − x) = sin x (by `odd-even-symmetry` on −sin(−x)) and sin(x + π) = −sin x. Other
/// multiples of π (x + π/4) stay as written; the hyperbolic functions have no real period.
extension ExpressionPool {
  /// f(argument) shifted, when the argument is a sum with a term kπ/2 for an integer k.
  func periodicShift(_ f: Function, _ argument: Expr, trace: RuleTrace?) -> Expr? {
    guard kind(argument) == .sum else { return nil }
    let terms = operands(argument)
    guard let i = terms.firstIndex(where: { multipleOfPi($0).map { ($0 * Rational(2)).denominator == 1 } ?? false }),
      let q = multipleOfPi(terms[i]), let n = (q * Rational(2)).numerator.intValue
    else { return nil }
    var rest = Array(terms)
    rest.remove(at: i)
    let u = add(rest, trace: trace)
    let k = ((n % 4) + 4) % 4
    let (g, negative): (Function, Bool)
    switch f {
    case .sin: (g, negative) = [(.sin, false), (.cos, false), (.sin, true), (.cos, true)][k]
    case .cos: (g, negative) = [(.cos, false), (.sin, true), (.cos, true), (.sin, false)][k]
    case .tan: (g, negative) = k % 2 == 0 ? (.tan, false) : (.cot, true)
    case .cot: (g, negative) = k % 2 == 0 ? (.cot, false) : (.tan, true)
    case .sec: (g, negative) = [(.sec, false), (.csc, true), (.sec, true), (.csc, false)][k]
    case .csc: (g, negative) = [(.csc, false), (.sec, false), (.csc, true), (.sec, true)][k]
    case .sinh, .cosh, .tanh, .sech, .csch, .coth, .asin, .acos, .atan, .asinh, .acosh, .atanh, .acot, .asec, .acsc,
      .asech, .acsch, .acoth, .exp, .log, .abs, .sign, .heaviside, .floor, .ceil, .relu, .sigmoid, .softplus, .erf,
      .erfc, .gamma, .loggamma, .digamma, .lambertw:
      return nil
    }
    trace?.note(.periodicShift)
    let shifted = call(g, u, trace: trace)
    return negative ? negate(shifted, trace: trace) : shifted
  }
}
