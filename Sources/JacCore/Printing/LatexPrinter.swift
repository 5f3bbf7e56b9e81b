/// Prints expressions as LaTeX math that compiles with only `amsmath`:
/// `\frac{}{}`, `\sqrt{}`, `\sin`, `\ln`, `e^{x}`, `\left( \right)` only around tall content,
/// `\theta` for `theta`/`θ`, `x_{1}` for `x1`/`x_1` (unless both spellings meet in one answer:
/// ``distinctSymbols(_:)``), `\operatorname{arsinh}` where LaTeX has no command, `\sin^{2}(t)`
/// for integer powers of named functions.
public struct LatexPrinter {
  let pool: ExpressionPool
  private let layout: PrintLayout

  /// Text of repeated subexpressions, when the printer remembers them.
  private let repeated: RepeatedText?

  /// Symbols written otherwise than ``symbol(_:)`` writes them, by name: set from
  /// ``distinctSymbols(_:)`` for the names of one answer.
  public var symbolNames: [String: String] = [:]

  /// A symbol as this printer writes it.
  public func symbolText(_ name: String) -> String { symbolNames[name] ?? Self.symbol(name) }

  /// With `remembersRepeats`, a subexpression printed twice is kept and copied after that
  /// (``RepeatedText``); make one such printer per answer.
  public init(pool: ExpressionPool, remembersRepeats: Bool = false) {
    self.pool = pool
    layout = PrintLayout(pool: pool)
    repeated = remembersRepeats ? RepeatedText() : nil
  }

  public func string(_ e: Expr) -> String {
    var out = ""
    write(e, into: &out)
    return out
  }

  /// A matrix of already-rendered cells in the given environment (`pmatrix`, `bmatrix`,
  /// `vmatrix`).
  public static func matrix(_ cells: [[String]], environment: String = "pmatrix") -> String {
    "\\begin{\(environment)} " + cells.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ")
      + " \\end{\(environment)}"
  }

  func write(_ e: Expr, into out: inout String) {
    // Below the memo's size, straight to the node (most nodes: no closures to build).
    let size = pool.treeSize(e)
    guard let repeated, size >= RepeatedText.minimumSize else { return writeNode(e, into: &out) }
    repeated.write(e, size: size, into: &out, { writeNode($0, into: &$1) }) { writeNode($0, into: &$1) }
  }

  private func writeNode(_ e: Expr, into out: inout String) {
    switch pool.node(e) {
    case .number(let q):
      if q.isInteger {
        out += q.description
      } else {
        out += (q.isNegative ? "-" : "") + "\\frac{\(q.numerator.magnitude)}{\(q.denominator)}"
      }
    case .symbol(let name): out += symbolText(name)
    case .constant(let c):
      switch c {
      case .pi: out += "\\pi"
      }
    case .undefined: out += "\\text{undefined}"
    case .call(let f, let u): writeCall(f, u, exponent: nil, into: &out)
    case .apply(let op, let args): writeApply(op, args, into: &out)
    case .sum(let terms):
      for (i, t) in layout.orderedTerms(terms).enumerated() {
        if i == 0 {
          write(t, into: &out)
        } else if layout.isNegative(t) {
          out += " - "
          writeGrouped(layout.magnitude(t), at: .product, into: &out)
        } else {
          out += " + "
          writeGrouped(t, at: .product, into: &out)
        }
      }
    case .product: writeFraction(e, into: &out)
    case .power(let b, let x):
      if let q = pool.rational(x) {
        if q.isNegative {
          writeFraction(e, into: &out)
          return
        }
        if q.numerator == .one, let n = q.denominator.intValue, n > 1 {
          out += n == 2 ? "\\sqrt{" : "\\sqrt[\(n)]{"
          write(b, into: &out)
          out += "}"
          return
        }
        if q.isInteger, case .call(let f, let u) = pool.node(b), Self.takesPowerOnName(f) {
          writeCall(f, u, exponent: q.description, into: &out)
          return
        }
      }
      if case .call(.exp, let u) = pool.node(b), u == pool.one {
        out += "e"
      } else {
        writeGrouped(b, at: .atom, into: &out)
      }
      out += "^{"
      write(x, into: &out)
      out += "}"
    }
  }

  func writeGrouped(_ e: Expr, at context: Precedence, into out: inout String) {
    if layout.precedence(e) < context {
      out += isTall(e) ? "\\left(" : "("
      write(e, into: &out)
      out += isTall(e) ? "\\right)" : ")"
    } else {
      write(e, into: &out)
    }
  }

  /// Memo for ``isTall`` (a deep chain would otherwise be walked once per level).
  private final class TallCache {
    var known: [Expr: Bool] = [:]
  }
  private let tallCache = TallCache()

  /// Does `e` print taller than a line (a fraction or a root)?
  func isTall(_ e: Expr) -> Bool {
    if let known = tallCache.known[e] { return known }
    let tall = computeIsTall(e)
    tallCache.known[e] = tall
    return tall
  }

  private func computeIsTall(_ e: Expr) -> Bool {
    switch pool.node(e) {
    case .number(let q): return !q.isInteger
    case .symbol, .constant, .undefined: return false
    case .call(let f, let u): return f == .abs || isTall(u)
    case .apply(_, let args): return args.contains(where: isTall)
    case .sum(let ts): return ts.contains(where: isTall)
    case .product:
      let f = layout.fraction(e)
      return !f.denominator.isEmpty || f.denominatorNumber != .one || f.numerator.contains(where: isTall)
    case .power(let b, let x):
      if let q = pool.rational(x), q.isNegative || !q.isInteger { return true }
      return isTall(b)
    }
  }

  static func takesPowerOnName(_ f: Function) -> Bool {
    switch f {
    case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh, .sech, .csch, .coth: return true
    case .asin, .acos, .atan, .asinh, .acosh, .atanh, .exp, .log, .abs, .acot, .asec, .acsc, .asech, .acsch, .acoth,
      .sign, .heaviside, .floor, .ceil, .relu, .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma:
      return false
    }
  }

  private func writeCall(_ f: Function, _ u: Expr, exponent: String?, into out: inout String) {
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
  private func writeApply(_ op: Operator, _ args: [Expr], into out: inout String) {
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
    }
  }

  private func writeFraction(_ e: Expr, into out: inout String) {
    let f = layout.fraction(e)
    if f.negative { out += "-" }
    var numerator = ""
    if f.numeratorNumber != .one || f.numerator.isEmpty { numerator = f.numeratorNumber.description }
    var denominator = f.denominatorNumber == .one ? "" : f.denominatorNumber.description
    let isFraction = !f.denominator.isEmpty || f.denominatorNumber != .one
    // Inside \frac a lone factor needs no parentheses: \frac{x + 1}{x - 1}.
    if isFraction && numerator.isEmpty && f.numerator.count == 1 {
      write(f.numerator[0], into: &numerator)
    } else {
      appendFactors(f.numerator, to: &numerator)
    }
    if denominator.isEmpty && f.denominator.count == 1 {
      write(f.denominator[0], into: &denominator)
    } else {
      appendFactors(f.denominator, to: &denominator)
    }
    if denominator.isEmpty {
      out += numerator
    } else {
      out += "\\frac{\(numerator)}{\(denominator)}"
    }
  }

  /// Juxtaposes factors (`2 x \sin(y)`), with `\cdot` before a factor that starts with a digit.
  private func appendFactors(_ factors: [Expr], to out: inout String) {
    for factor in factors {
      var piece = ""
      writeGrouped(factor, at: .unary, into: &piece)
      if !out.isEmpty {
        out += piece.first?.isNumber == true ? " \\cdot " : " "
      }
      out += piece
    }
  }

  /// Plain text for `\text{…}`: the characters text mode treats specially, spelt safely
  /// (`^` → `\^{}`, `·` → `$\cdot$`).
  public static func textMode(_ s: String) -> String {
    let replacements: [Character: String] = [
      "^": "\\^{}", "_": "\\_", "&": "\\&", "%": "\\%", "#": "\\#", "$": "\\$", "·": "$\\cdot$",
      "{": "\\{", "}": "\\}", "\\": "\\textbackslash{}",
    ]
    return s.reduce(into: "") { out, c in out += replacements[c] ?? String(c) }
  }

  // MARK: Names

  static let greek: Set<String> = [
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
    "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
  ]

  /// Greek letters typed as Unicode, to their names (`θ` → `theta`).
  static let greekScalars: [Unicode.Scalar: String] = {
    let lower = [
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
      "mu", "nu", "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ]
    var map: [Unicode.Scalar: String] = [:]
    for (i, name) in lower.enumerated() { map[Unicode.Scalar(0x03B1 + UInt32(i))!] = name }
    let upper = [
      "Gamma": 0x0393, "Delta": 0x0394, "Theta": 0x0398, "Lambda": 0x039B, "Xi": 0x039E, "Pi": 0x03A0,
      "Sigma": 0x03A3, "Upsilon": 0x03A5, "Phi": 0x03A6, "Psi": 0x03A8, "Omega": 0x03A9,
    ]
    for (name, code) in upper { map[Unicode.Scalar(UInt32(code))!] = name }
    map[Unicode.Scalar(0x03D5)!] = "phi"
    map[Unicode.Scalar(0x03C6)!] = "varphi"
    return map
  }()

  /// A variable name as LaTeX: `theta` → `\theta`, `x1` → `x_{1}`, `x_ab` → `x_{ab}`,
  /// `rate` → `\mathit{rate}`.
  public static func symbol(_ name: String) -> String {
    // The common case without the letter tables or Character work: one ASCII letter, then ASCII
    // digits (x, q1, l12; the simplifier measures such names in LaTeX on its first candidate).
    let bytes = name.utf8
    if let first = bytes.first, (0x61...0x7A).contains(first | 0x20),
      bytes.dropFirst().allSatisfy({ (0x30...0x39).contains($0) })
    {
      return bytes.count == 1 ? name : String(name.prefix(1)) + "_{" + String(name.dropFirst()) + "}"
    }
    if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
      let base = String(name[..<underscore])
      let sub = String(name[name.index(after: underscore)...])
      return symbolBase(base) + "_{" + (sub.isEmpty ? "" : subscriptText(sub)) + "}"
    }
    // Trailing digits become a subscript.
    let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty && digits.count < name.count {
      let base = String(name.dropLast(digits.count))
      return symbolBase(base) + "_{" + String(digits.reversed()) + "}"
    }
    return symbolBase(name)
  }

  /// The names among `names` that print otherwise, so that distinct names never print alike:
  /// where ``symbol(_:)`` would give two of them one form (`theta` and `θ` both `\theta`, `x1`
  /// and `x_1` both `x_{1}`), each of those is set literally (``literal(_:)``): `\mathit{theta}`
  /// beside `\mathit{{\theta}}`, `\mathit{x1}` beside `\mathit{x\_1}`.
  public static func distinctSymbols(_ names: some Sequence<String>) -> [String: String] {
    let distinct = Set(names)
    var byForm: [String: [String]] = [:]
    for name in distinct { byForm[symbol(name), default: []].append(name) }
    var out: [String: String] = [:]
    for group in byForm.values where group.count > 1 {
      for name in group { out[name] = literal(name) }
    }
    guard !out.isEmpty else { return [:] }
    // A literal form could in principle meet another name's usual form; then all go literal,
    // which is one-to-one.
    let forms = distinct.map { out[$0] ?? symbol($0) }
    if Set(forms).count < forms.count {
      for name in distinct { out[name] = literal(name) }
    }
    return out
  }

  /// A name set letter by letter: Greek scalars as `{\theta}`, `_` as `\_`, other non-ASCII
  /// scalars as `\text{…}`, in `\mathit{}`. One-to-one: the pieces form a prefix-free code.
  static func literal(_ name: String) -> String {
    var out = ""
    for s in name.unicodeScalars {
      if s == "_" {
        out += "\\_"
      } else if s.isASCII {
        out.unicodeScalars.append(s)
      } else {
        out += "{" + letter(s) + "}"
      }
    }
    return "\\mathit{\(out)}"
  }

  private static func subscriptText(_ s: String) -> String {
    if s.allSatisfy({ $0.isASCII && $0.isNumber }) { return s }
    return symbol(s)
  }

  private static func symbolBase(_ name: String) -> String {
    let scalars = Array(name.unicodeScalars)
    if scalars.count == 1, let g = greekCommand(scalars[0]) { return "\\" + g }
    if greek.contains(name) { return "\\" + name }
    if scalars.count == 1 && scalars[0].isASCII { return name }
    if scalars.allSatisfy({ $0.isASCII }) { return "\\mathit{\(name.replacingUnderscores)}" }
    // Mixed or other letters: each as LaTeX sets it (``letter(_:)``).
    var out = ""
    for s in scalars { out += s.isASCII ? String(s) : letter(s) }
    return "\\mathit{\(out)}"
  }
}

extension String {
  fileprivate var replacingUnderscores: String {
    var out = ""
    for c in self { out += c == "_" ? "\\_" : String(c) }
    return out
  }
}
