/// NumPy's spelling of jac's functions, for code whose values are arrays (the matrix-calculus
/// answers of `--format python`): each applies entry by entry. Where NumPy lacks a function,
/// SciPy's `scipy.special` has it (erf, erfc, gamma, gammaln = log|Γ|, digamma, polygamma, beta),
/// and sigmoid is the unit's helper `jac_sigmoid` (exp(−log(1 + e^(−z))), by `np.logaddexp`:
/// no overflow at either end); W₀ is the scalar helper `jac_lambertw` entry by entry
/// (`jac_lambertw_array`).
extension CodeLanguage {
  /// `f(u)` on arrays, `u` already rendered.
  static func numpyCall(_ f: Function, _ u: String) -> String {
    func np(_ name: String) -> String { "np." + name + "(" + u + ")" }
    func special(_ name: String) -> String { "scipy.special." + name + "(" + u + ")" }
    switch f {
    case .sin, .cos, .tan, .sinh, .cosh, .tanh, .exp, .log, .abs, .sign, .floor, .ceil: return np(f.name)
    case .asin, .acos, .atan, .asinh, .acosh, .atanh: return np("arc" + f.name.dropFirst())
    case .sec: return "1.0/" + np("cos")
    case .csc: return "1.0/" + np("sin")
    case .cot: return "1.0/" + np("tan")
    case .sech: return "1.0/" + np("cosh")
    case .csch: return "1.0/" + np("sinh")
    case .coth: return "1.0/" + np("tanh")
    case .acot, .asec, .acsc, .asech, .acsch, .acoth:
      let inverse = [
        "acot": "arctan", "asec": "arccos", "acsc": "arcsin", "asech": "arccosh", "acsch": "arcsinh",
        "acoth": "arctanh",
      ]
      return "np." + inverse[f.name]! + "(1.0/(" + u + "))"
    case .heaviside: return "np.heaviside(" + u + ", 0.0)"
    case .relu: return "np.maximum(" + u + ", 0.0)"
    case .sigmoid: return "jac_sigmoid(" + u + ")"
    case .softplus: return "np.logaddexp(0.0, " + u + ")"
    case .erf, .erfc, .gamma, .digamma: return special(f.name)
    case .loggamma: return special("gammaln")
    case .lambertw: return "jac_lambertw_array(" + u + ")"
    case .erfi: return special("erfi")
    case .ei: return special("expi")
    case .si: return "scipy.special.sici(" + u + ")[0]"
    case .ci: return "scipy.special.sici(" + u + ")[1]"
    case .shi: return "scipy.special.shichi(" + u + ")[0]"
    case .chi: return "scipy.special.shichi(" + u + ")[1]"
    case .li: return "scipy.special.expi(np.log(" + u + "))"
    case .fresnels: return "scipy.special.fresnel(" + u + ")[0]"
    case .fresnelc: return "scipy.special.fresnel(" + u + ")[1]"
    // np.sinc is the normalised sin(πx)/(πx): jac's sin(x)/x is np.sinc(x/π).
    case .sinc: return "np.sinc((" + u + ")/np.pi)"
    }
  }

  /// `op(a₁, …, aₙ)` on arrays: max and min of more than two nest.
  static func numpyApply(_ op: Operator, _ arguments: [String]) -> String {
    func call(_ name: String, _ args: [String]) -> String { name + "(" + args.joined(separator: ", ") + ")" }
    switch op {
    case .atan2: return call("np.arctan2", arguments)
    case .max, .min:
      let name = op == .max ? "np.maximum" : "np.minimum"
      return arguments.dropLast().reversed().reduce(arguments.last!) { call(name, [$1, $0]) }
    case .polygamma: return call("scipy.special.polygamma", arguments)
    case .beta: return call("scipy.special.beta", arguments)
    case .undefined(let name, _): return call(CodeLanguage.python.identifier(name), arguments)
    }
  }
}
