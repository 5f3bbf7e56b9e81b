/// What the rest of jac asks of a ``Function``: its name, its symmetry, and whether its value is
/// a constant between jumps (piecewise constant functions have derivative 0 where they are
/// differentiable, and `--at` notes a point on a jump).
extension Function {
  /// The name as typed and printed.
  public var name: String { Self.names[Int(rawValue)] }
  private static let names = [
    "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
    "atanh", "exp", "log", "abs", "sech", "csch", "coth", "acot", "asec", "acsc", "asech", "acsch", "acoth", "sign",
    "heaviside", "floor", "ceil", "relu", "sigmoid", "softplus", "erf", "erfc", "gamma", "loggamma", "digamma",
    "lambertw", "erfi", "Ei", "Si", "Ci", "Shi", "Chi", "li", "fresnels", "fresnelc", "sinc",
  ]

  /// `f(-u) = -f(u)`. acot is odd with SymPy's principal value acot u = atan(1/u).
  var isOdd: Bool {
    switch self {
    case .sin, .tan, .cot, .csc, .asin, .atan, .sinh, .tanh, .asinh, .atanh: return true
    case .csch, .coth, .acot, .acsc, .acsch, .acoth, .sign, .erf: return true
    case .erfi, .si, .shi, .fresnels, .fresnelc: return true
    case .cos, .sec, .acos, .cosh, .acosh, .exp, .log, .abs, .sech, .asec, .asech, .heaviside, .floor, .ceil, .relu,
      .sigmoid, .softplus, .erfc, .gamma, .loggamma, .digamma, .lambertw, .ei, .ci, .chi, .li, .sinc:
      return false
    }
  }

  /// `f(-u) = f(u)`.
  var isEven: Bool {
    switch self {
    case .cos, .sec, .cosh, .abs, .sech, .sinc: return true
    case .sin, .tan, .cot, .csc, .asin, .acos, .atan, .sinh, .tanh, .asinh, .acosh, .atanh, .exp, .log, .csch, .coth,
      .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil, .relu, .sigmoid, .softplus, .erf,
      .erfc, .gamma, .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc:
      return false
    }
  }

  /// Where the function has a kink or a jump, as the argument values `u` at which
  /// `kink(u)` is true: sign, heaviside, relu and abs at 0, acot at 0 (a jump from −π/2 to π/2), floor and ceil at
  /// integers.
  /// The derivative there is a convention (docs/rules.md), which `--at` notes.
  func isKink(at u: Double) -> Bool {
    switch self {
    case .sign, .heaviside, .relu, .abs, .acot: return u == 0
    case .floor, .ceil: return u == u.rounded()
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .sech, .csch, .coth, .asec, .acsc, .asech, .acsch, .acoth, .sigmoid, .softplus, .erf, .erfc, .gamma,
      .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc:
      return false
    }
  }
}
