/// Named functions in LaTeX: `\sin`, `\arcsin`, `\operatorname{arsinh}` where LaTeX has no
/// command, `e^{u}`, `\left| u \right|`, `\sin^{2}(t)` for integer powers of the trigonometric
/// and hyperbolic functions; calls of several arguments (`\operatorname{atan2}(y, x)`,
/// `\psi^{(n)}(x)`) and undefined functions with their derivatives (`f'(x)`, `\partial_{1,2} f(u, v)`).
extension LatexPrinter {
  static func takesPowerOnName(_ f: Function) -> Bool {
    switch f {
    case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh, .sech, .csch, .coth: return true
    case .asin, .acos, .atan, .asinh, .acosh, .atanh, .exp, .log, .abs, .acot, .asec, .acsc, .asech, .acsch, .acoth,
      .sign, .heaviside, .floor, .ceil, .relu, .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma,
      .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li, .fresnels, .fresnelc, .sinc:
      return false
    }
  }

  func writeCall(_ f: Function, _ u: Expr, exponent: String?, into out: inout String) {
    switch f {
    case .exp:
      if u == pool.one {
        out += "e"
      } else {
        out += "e^{"
        write(u, into: &out)
        out += "}"
      }
      return
    case .abs, .floor, .ceil:
      let (open, close) = f == .abs ? ("|", "|") : f == .floor ? ("\\lfloor ", "\\rfloor") : ("\\lceil ", "\\rceil")
      out += "\\left" + open
      write(u, into: &out)
      out += "\\right" + close
      return
    default: break
    }
    out += Self.functionName(f)
    if let exponent { out += "^{\(exponent)}" }
    let tall = isTall(u)
    out += tall ? "\\left(" : "("
    write(u, into: &out)
    out += tall ? "\\right)" : ")"
  }

  /// `\operatorname{atan2}(y, x)`; an undefined function by its name, `f'(x)` and `f''(x)` for
  /// derivatives of a function of one argument (up to the third), `\partial_{1,2} f(u, v)` else.
  func writeApply(_ op: Operator, _ args: Operands, into out: inout String) {
    switch op {
    case .atan2: out += "\\operatorname{atan2}"
    case .max: out += "\\max"
    case .min: out += "\\min"
    case .beta: out += "\\mathrm{B}"
    case .polygamma:
      // ψ⁽ⁿ⁾(x): the order as a superscript, the argument alone.
      out += "\\psi^{("
      write(args[0], into: &out)
      out += ")}"
      let tall = isTall(args[1])
      out += tall ? "\\left(" : "("
      write(args[1], into: &out)
      out += tall ? "\\right)" : ")"
      return
    case .undefined(let name, let partials):
      if partials.isEmpty {
        out += symbolText(name)
      } else if args.count == 1 && partials.count <= 3 {
        out += symbolText(name) + String(repeating: "'", count: partials.count)
      } else if args.count == 1 {
        out += symbolText(name) + "^{(\(partials.count))}"
      } else {
        out += "\\partial_{" + partials.map(String.init).joined(separator: ",") + "} " + symbolText(name)
      }
    }
    let tall = args.contains(where: isTall)
    out += tall ? "\\left(" : "("
    for (i, a) in args.enumerated() {
      if i > 0 { out += ", " }
      write(a, into: &out)
    }
    out += tall ? "\\right)" : ")"
  }

  static func functionName(_ f: Function) -> String {
    switch f {
    case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh, .exp: return "\\" + f.name
    case .asin: return "\\arcsin"
    case .acos: return "\\arccos"
    case .atan: return "\\arctan"
    case .asinh: return "\\operatorname{arsinh}"
    case .acosh: return "\\operatorname{arcosh}"
    case .atanh: return "\\operatorname{artanh}"
    case .log: return "\\ln"
    case .abs: return "\\operatorname{abs}"
    case .coth: return "\\coth"
    case .sech, .csch, .erf, .erfc, .softplus: return "\\operatorname{" + f.name + "}"
    case .acot, .asec, .acsc: return "\\operatorname{arc" + f.name.dropFirst() + "}"
    case .asech, .acsch, .acoth: return "\\operatorname{ar" + f.name.dropFirst() + "}"
    case .sign: return "\\operatorname{sgn}"
    case .heaviside: return "\\operatorname{H}"
    case .floor: return "\\operatorname{floor}"
    case .ceil: return "\\operatorname{ceil}"
    case .relu: return "\\operatorname{ReLU}"
    case .sigmoid: return "\\sigma"
    case .gamma: return "\\Gamma"
    case .loggamma: return "\\ln\\Gamma"
    case .digamma: return "\\psi"
    case .lambertw: return "\\operatorname{W}_{0}"
    case .erfi, .ei, .si, .ci, .shi, .chi, .li, .sinc: return "\\operatorname{" + f.name + "}"
    case .fresnels: return "S"
    case .fresnelc: return "C"
    }
  }
}
