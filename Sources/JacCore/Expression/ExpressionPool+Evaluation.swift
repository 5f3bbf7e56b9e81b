#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numeric evaluation in `Double`, the only place jac uses floating point. Each distinct node is
/// evaluated once, operands before the nodes that use them (through a ``Tape``), so it does not
/// recurse however deep the expression is. Outside a function's real domain the
/// value is NaN (log of a negative number, sqrt of a negative number, 1/0 gives ±infinity).
extension ExpressionPool {
  /// The value of `e` with each variable bound by `values` (unbound variables are NaN).
  public func evaluate(_ e: Expr, _ values: [String: Double]) -> Double {
    evaluate([e], values)[0]
  }

  /// Values of several expressions, sharing work between them (one ``Tape`` pass).
  public func evaluate(_ roots: [Expr], _ values: [String: Double]) -> [Double] {
    let names = Array(values.keys)
    return Tape(self, roots: roots, inputs: names).evaluate(names.map { values[$0]! })
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
    case .sech: return 1 / cosh(u)
    case .csch: return 1 / sinh(u)
    case .coth: return 1 / tanh(u)
    case .acot: return atan(1 / u)
    case .asec: return acos(1 / u)
    case .acsc: return asin(1 / u)
    case .asech: return acosh(1 / u)
    case .acsch: return asinh(1 / u)
    case .acoth: return atanh(1 / u)
    case .sign: return u > 0 ? 1 : u < 0 ? -1 : u == 0 ? 0 : .nan
    case .heaviside: return u > 0 ? 1 : u <= 0 ? 0 : .nan
    case .floor: return u.rounded(.down)
    case .ceil: return u.rounded(.up)
    case .relu: return u > 0 ? u : u <= 0 ? 0 : .nan
    case .sigmoid: return SpecialFunctions.sigmoid(u)
    case .softplus: return SpecialFunctions.softplus(u)
    case .erf: return erf(u)
    case .erfc: return erfc(u)
    case .gamma: return SpecialFunctions.gamma(u)
    case .loggamma: return SpecialFunctions.loggamma(u)
    case .digamma: return SpecialFunctions.digamma(u)
    case .lambertw: return SpecialFunctions.lambertw(u)
    case .erfi: return SpecialFunctions.erfi(u)
    case .ei: return SpecialFunctions.ei(u)
    case .si: return SpecialFunctions.sici(u).si
    case .ci: return SpecialFunctions.sici(u).ci
    case .shi: return SpecialFunctions.shichi(u).shi
    case .chi: return SpecialFunctions.shichi(u).chi
    case .li: return SpecialFunctions.li(u)
    case .fresnels: return SpecialFunctions.fresnel(u).s
    case .fresnelc: return SpecialFunctions.fresnel(u).c
    case .sinc: return SpecialFunctions.sinc(u)
    }
  }
}
