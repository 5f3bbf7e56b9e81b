/// The smart constructor of calls, `f(u)`, and the identities it applies
/// (``SimplificationRule/Stage/canonicalForm``), each noted into the caller's ``RuleTrace``.
extension ExpressionPool {
  /// `f(argument)` in canonical form: `known-values` (sin 0 = 0, cos π = −1, log 1 = 0, …),
  /// `odd-even-symmetry` (sin(−u) = −sin u, cos(−u) = cos u), `exp-log-inverse`
  /// (exp(log u) = u, exp(c·log u) = u^c, log(exp u) = u, lambertw(u·exp(u)) = u for u ≥ 0), `trig-of-inverse` (``ofInverse(_:_:_:trace:)``),
  /// `periodic-shift` (sin(u + π/2) = cos u, ``periodicShift(_:_:trace:)``),
  /// `abs-of-nonnegative` (|u| = u for u that cannot be negative) and `abs-of-product`
  /// (|a·b| = a·|b| for a ≥ 0).
  public func call(_ f: Function, _ argument: Expr, trace: RuleTrace? = nil) -> Expr {
    // f(x) of a variable: no identity below applies (each needs a number, π, a call, a product
    // or a negative coefficient), so it is the node itself (the parser's `exp(u5)`).
    if kind(argument) == .symbol {
      return intern(.call, payload: Int32(f.rawValue), argument)
    }
    if kind(argument) == .undefined { return undefined }
    if let v = knownValue(f, argument, trace: trace) {
      trace?.note(.knownValues)
      return v
    }
    let (c, rest) = coefficientAndRest(argument)
    if c.isNegative && (f.isOdd || f.isEven) {
      trace?.note(.oddEvenSymmetry)
      let positive = call(f, scaled(rest, by: -c), trace: trace)
      return f.isOdd ? negate(positive, trace: trace) : positive
    }
    switch f {
    case .exp, .log:
      if let g = function(argument), (f, g) == (.exp, .log) || (f, g) == (.log, .exp) {
        trace?.note(.expLogInverse)
        return operand(argument, 0)
      }
      // exp(c·log u) = u^c for a rational c, where defined (u > 0): exp(2*log(x)) = x^2.
      if f == .exp, function(rest) == .log {
        trace?.note(.expLogInverse)
        return power(operand(rest, 0), number(c), trace: trace)
      }
      // exp(log Γ(u)) = Γ(u) wherever log Γ(u) is real.
      if f == .exp, function(argument) == .loggamma {
        trace?.note(.expLogInverse)
        return call(.gamma, operand(argument, 0), trace: trace)
      }
    case .abs:
      if !canBeNegative(argument) {
        trace?.note(.absOfNonnegative)
        return argument
      }
      // |a·b| = |a|·|b|: non-negative factors come out (|r²·sin p| = r²·|sin p|).
      if kind(argument) == .product {
        let factors = operands(argument)
        let outside = factors.filter { !canBeNegative($0) }
        if !outside.isEmpty {
          trace?.note(.absOfProduct)
          let inside = factors.filter { canBeNegative($0) }
          return multiply(outside + [call(.abs, multiply(inside, trace: trace), trace: trace)], trace: trace)
        }
      }
    case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh, .sech, .csch, .coth:
      if let v = periodicShift(f, argument, trace: trace) { return v }
      if let inner = function(argument), !isNumber(operand(argument, 0)),
        let v = ofInverse(f, inner, operand(argument, 0), trace: trace)
      {
        trace?.note(.trigOfInverse)
        return v
      }
    case .lambertw:
      // W₀(u·e^u) = u for u ≥ −1; here for u that cannot be negative (x^2·exp(x^2)).
      if let u = exponentOfProduct(argument), !canBeNegative(u) {
        trace?.note(.expLogInverse)
        return u
      }
    case .relu:
      if !canBeNegative(argument) {
        trace?.note(.absOfNonnegative)
        return argument
      }
    case .floor, .ceil:
      // floor and ceil of an integer-valued call are that call.
      if let g = function(argument), [.floor, .ceil, .sign, .heaviside].contains(g) {
        trace?.note(.knownValues)
        return argument
      }
    case .asin, .acos, .atan, .asinh, .acosh, .atanh, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside,
      .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels,
      .fresnelc, .sinc:
      break
    }
    return intern(.call, payload: Int32(f.rawValue), argument)
  }

  /// `trig-of-inverse`: f(g(u)) for an inverse function g, on the real domain of g(u) (where
  /// g(u) is undefined, so is the input): sin(asin u) = u, cot(atan u) = 1/u,
  /// cos(asin u) = sin(acos u) = √(1 − u²) (asin lies in [−π/2, π/2] and acos in [0, π], where
  /// cos and sin are non-negative), cos(atan u) = 1/√(1 + u²), sin(atan u) = u/√(1 + u²).
  /// Only for a symbolic u, so that a number outside the domain (asin(2)) stays as written.
  private func ofInverse(_ f: Function, _ g: Function, _ u: Expr, trace: RuleTrace?) -> Expr? {
    let t = trace
    switch (f, g) {
    case (.sin, .asin), (.cos, .acos), (.tan, .atan), (.sinh, .asinh), (.cosh, .acosh), (.tanh, .atanh),
      (.cot, .acot), (.sec, .asec), (.csc, .acsc), (.sech, .asech), (.csch, .acsch), (.coth, .acoth):
      return u
    case (.cot, .atan), (.sec, .acos), (.csc, .asin):
      return reciprocal(u, trace: t)
    case (.cos, .asin), (.sin, .acos):
      return sqrt(subtract(one, square(u, trace: t), trace: t), trace: t)
    case (.cos, .atan):
      return reciprocal(sqrt(add(one, square(u, trace: t), trace: t), trace: t), trace: t)
    case (.sin, .atan):
      return multiply(u, reciprocal(sqrt(add(one, square(u, trace: t), trace: t), trace: t), trace: t), trace: t)
    default:
      return nil
    }
  }

  /// Functions whose real values are never negative.
  static let nonnegativeFunctions: Set<Function> = [
    .exp, .abs, .cosh, .sech, .asech, .heaviside, .relu, .sigmoid, .softplus, .erfc,
  ]

  /// True unless `e` is plainly non-negative for every real value of its variables.
  func canBeNegative(_ e: Expr) -> Bool {
    switch node(e) {
    case .number(let q): return q.isNegative
    case .constant: return false
    case .call(let f, _): return !Self.nonnegativeFunctions.contains(f)
    case .power(let b, let x):
      if let q = rational(x), q.numerator.isEven { return false }
      return canBeNegative(b)
    case .product(let fs): return fs.contains { canBeNegative($0) }
    case .sum(let ts): return ts.contains { canBeNegative($0) }
    case .symbol, .apply, .undefined: return true
    }
  }
}
