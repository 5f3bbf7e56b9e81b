/// How each language calls jac's functions. Where its standard library has the function, that is
/// used (C99 `<math.h>`: erf, erfc, tgamma, lgamma, floor, ceil, fmax, fmin; Python's `math`;
/// Swift's Foundation; Julia's Base: sign, floor, ceil, max, min, acot, …; MATLAB: sign, erf,
/// gamma, gammaln, psi (digamma and polygamma), beta, acot, …). None has erfi, Ei, Si, Ci, Shi,
/// Chi, li or the Fresnel integrals (`CodeLanguage+Integrals.swift`), and Julia's and MATLAB's
/// `sinc` are normalised, so jac's sinc is a helper everywhere. Where it has not, the unit calls
/// a helper named `jac_…` that ``CodeLanguage/helpers(for:)`` writes into the same unit.
extension CodeLanguage {
  /// Whether `1.0/…` is how ``call(_:_:)`` writes f (a product, for the printer's precedence).
  static func isReciprocal(_ f: Function) -> Bool {
    switch f {
    case .sec, .csc, .cot, .sech, .csch, .coth: return true
    case .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .log, .abs, .acot,
      .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil, .relu, .sigmoid, .softplus, .erf, .erfc,
      .gamma, .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc:
      return false
    }
  }

  /// `f(u)` as code, `u` already rendered. sec, csc, cot and the reciprocal hyperbolics are
  /// `1.0/cos(u)`, …, which every language has; the inverse reciprocals are `atan(1.0/(u))`, …
  /// in C, Python and Swift (Julia and MATLAB have acot, asec, …).
  func call(_ f: Function, _ u: String) -> String {
    let math = self == .python ? "math." : ""
    func library(_ name: String) -> String { math + name + "(" + u + ")" }
    func helper(_ name: String) -> String { "jac_" + name + "(" + u + ")" }
    switch f {
    case .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .log:
      return library(f.name)
    case .abs: return absolute(u)
    case .sec: return "1.0/" + library("cos")
    case .csc: return "1.0/" + library("sin")
    case .cot: return "1.0/" + library("tan")
    case .sech: return "1.0/" + library("cosh")
    case .csch: return "1.0/" + library("sinh")
    case .coth: return "1.0/" + library("tanh")
    case .acot, .asec, .acsc, .asech, .acsch, .acoth:
      if self == .julia || self == .matlab { return library(f.name) }
      let inverse = [
        "acot": "atan", "asec": "acos", "acsc": "asin", "asech": "acosh", "acsch": "asinh", "acoth": "atanh",
      ]
      return math + inverse[f.name]! + "(1.0/(" + u + "))"
    case .sign: return self == .julia || self == .matlab ? library("sign") : helper("sign")
    case .floor, .ceil: return library(f.name)
    case .heaviside, .relu, .sigmoid, .softplus: return helper(f.name)
    case .erf, .erfc: return self == .julia ? helper(f.name) : library(f.name)
    case .gamma:
      switch self {
      case .c, .swift: return library("tgamma")
      case .python, .matlab: return library("gamma")
      case .julia: return helper("gamma")
      }
    case .loggamma:
      switch self {
      case .c, .swift, .python: return library("lgamma")
      case .matlab: return library("gammaln")
      case .julia: return helper("loggamma")
      }
    case .digamma: return self == .matlab ? library("psi") : helper("digamma")
    case .lambertw: return helper("lambertw")
    case .sinc: return helper("sinc")
    case .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc: return helper(f.name)
    }
  }

  /// `log1p(u)` or `expm1(u)` as code, `u` already rendered: C99 `<math.h>`, Python's `math`,
  /// Swift's Foundation, Julia's Base and MATLAB all have both under these names.
  func call(_ f: AccurateFunction, _ u: String) -> String { (self == .python ? "math." : "") + f.name + "(" + u + ")" }

  /// `op(a₁, …, aₙ)` as code, the arguments already rendered: `atan2(y, x)` is `math.atan2` in
  /// Python and the two-argument `atan(y, x)` in Julia (Base has no `atan2`); max and min of
  /// more than two nest in C (`fmax`) and MATLAB; MATLAB's polygamma is `psi(n, x)`.
  func apply(_ op: Operator, _ arguments: [String]) -> String {
    func call(_ name: String, _ args: [String]) -> String { name + "(" + args.joined(separator: ", ") + ")" }
    func nested(_ name: String) -> String {
      arguments.dropLast().reversed().reduce(arguments.last!) { call(name, [$1, $0]) }
    }
    switch op {
    case .atan2:
      switch self {
      case .c, .swift, .matlab: return call("atan2", arguments)
      case .python: return call("math.atan2", arguments)
      case .julia: return call("atan", arguments)
      }
    case .max, .min:
      switch self {
      case .c: return nested(op == .max ? "fmax" : "fmin")
      case .matlab: return nested(op.name)
      case .python, .swift, .julia: return call(op.name, arguments)
      }
    case .polygamma: return self == .matlab ? call("psi", arguments) : call("jac_polygamma", arguments)
    case .beta: return self == .matlab ? call("beta", arguments) : call("jac_beta", arguments)
    case .undefined(let name, _): return call(identifier(name), arguments)
    }
  }

  /// The helpers a call of `f` needs in this language, by name (``helperSource(_:)``), with the
  /// helpers they call.
  func helpers(for f: Function) -> [String] {
    switch f {
    case .sign: return self == .julia || self == .matlab ? [] : ["sign"]
    case .heaviside, .relu, .sigmoid, .softplus: return [f.name]
    case .erf, .erfc: return self == .julia ? ["erf", "erfc"] : []
    case .gamma, .loggamma: return self == .julia ? ["gamma", "loggamma"] : []
    case .digamma: return self == .matlab ? [] : ["digamma"]
    case .lambertw: return ["lambertw"]
    case .sinc: return ["sinc"]
    case .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc: return Self.integralHelpers(for: f)
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs, .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .floor, .ceil:
      return []
    }
  }

  /// The helpers an operator needs in this language.
  func helpers(for op: Operator) -> [String] {
    switch op {
    case .polygamma: return self == .matlab ? [] : ["digamma", "polygamma"]
    case .beta: return self == .matlab ? [] : self == .julia ? ["gamma", "loggamma", "beta"] : ["beta"]
    case .atan2, .max, .min, .undefined: return []
    }
  }
}
