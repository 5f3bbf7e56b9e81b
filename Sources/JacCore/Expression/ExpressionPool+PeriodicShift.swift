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
    guard kind(argument) == .sum, Self.isCircular(f) else { return nil }
    let terms = operands(argument)
    // The sum's one term c·π (like terms are collected), found by a look at each term's kind: an
    // angle sum of fifty joints is scanned at each sin and cos the derivative builds (a call of
    // `multipleOfPi` a term was 4% of arm50's code generation).
    guard
      let i = terms.firstIndex(where: {
        $0 == pi || (kind($0) == .product && operandCount($0) == 2 && operand($0, 1) == pi)
      }),
      let q = multipleOfPi(terms[i]), (q * Rational(2)).denominator == 1, let n = (q * Rational(2)).numerator.intValue
    else { return nil }
    var rest = Array(terms)
    rest.remove(at: i)
    let u = add(rest, trace: trace)
    let k = ((n % 4) + 4) % 4
    guard let (g, negative) = Self.shifts[f]?[k] else { return nil }
    trace?.note(.periodicShift)
    let shifted = call(g, u, trace: trace)
    return negative ? negate(shifted, trace: trace) : shifted
  }

  /// Whether `f` is one of the six circular functions the table shifts (a switch: no hashing).
  static func isCircular(_ f: Function) -> Bool {
    switch f {
    case .sin, .cos, .tan, .cot, .sec, .csc: return true
    default: return false
    }
  }

  /// f(u + kπ/2) = ±g(u), by f and k (the table above): (g, whether negated).
  static let shifts: [Function: [(Function, Bool)]] = [
    .sin: [(.sin, false), (.cos, false), (.sin, true), (.cos, true)],
    .cos: [(.cos, false), (.sin, true), (.cos, true), (.sin, false)],
    .tan: [(.tan, false), (.cot, true), (.tan, false), (.cot, true)],
    .cot: [(.cot, false), (.tan, true), (.cot, false), (.tan, true)],
    .sec: [(.sec, false), (.csc, true), (.sec, true), (.csc, false)],
    .csc: [(.csc, false), (.sec, false), (.csc, true), (.sec, true)],
  ]
}
