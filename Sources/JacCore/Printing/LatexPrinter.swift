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
    repeated.write(e, size: size, into: &out, { writeNode($0, into: &$1) }, alone: { writeNode($0, into: &$1) })
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
}
