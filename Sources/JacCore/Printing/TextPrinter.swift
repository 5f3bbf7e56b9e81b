/// Prints expressions in jac's own input syntax, with the fewest parentheses that parse back to
/// the same expression: `-r*sin(t)`, `x^2`, `(x + 1)/(x - 1)`, `sqrt(x^2 + y^2)`, `e`, `pi`.
///
/// The ``Style/unicode`` style is for reading in a terminal, not for parsing back: `x²`, `−`,
/// `·`, `√x`, `|x|`, `π`, Greek names as letters (`theta` → `θ`).
public struct TextPrinter {
  let pool: ExpressionPool
  private let layout: PrintLayout
  /// `plain` is jac's input syntax, `x^2 + 2*x*y`; `compact` the same without the spaces around
  /// `+` and `-`, `x^2+2*x*y`; `unicode` for reading in a terminal.
  public enum Style: Sendable { case plain, compact, unicode }
  public let style: Style

  /// Text of repeated subexpressions, when the printer remembers them.
  private let repeated: RepeatedText?

  /// Greek names the unicode style spells out instead of writing the letter
  /// (``spelledGreekNames(_:)``).
  public var spelledNames: Set<String> = []

  /// With `remembersRepeats`, a subexpression printed twice is kept and copied after that
  /// (``RepeatedText``); make one such printer per answer.
  public init(pool: ExpressionPool, style: Style = .plain, remembersRepeats: Bool = false) {
    self.pool = pool
    self.style = style
    layout = PrintLayout(pool: pool)
    repeated = remembersRepeats ? RepeatedText() : nil
  }

  private var unicode: Bool { style == .unicode }
  private var times: String { unicode ? "·" : "*" }
  private var minus: String { unicode ? "−" : "-" }
  private var spacedMinus: String { unicode ? " − " : style == .compact ? "-" : " - " }
  private var spacedPlus: String { style == .compact ? "+" : " + " }

  /// Superscript digits and minus for `x²`, `x⁻¹`.
  private static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
  ]

  /// Greek letter names spelt as letters in the unicode style.
  private static let greekLetters: [String: String] = {
    var map: [String: String] = [:]
    for (scalar, name) in LatexPrinter.greekScalars where name != "varsigma" {
      map[name] = String(Character(scalar))
    }
    map["phi"] = "φ"
    map["varphi"] = "ϕ"
    return map
  }()

  /// The names among `names` that the unicode style must spell out so that distinct names never
  /// print alike: `theta` beside `θ` stays `theta`.
  public static func spelledGreekNames(_ names: some Sequence<String>) -> Set<String> {
    let distinct = Set(names)
    return distinct.filter { name in greekLetters[name].map(distinct.contains) ?? false }
  }

  /// What comes before an `apply` node's arguments: `atan2`, `f`, and for partial derivatives of
  /// an undefined function `f'`, `f''`, `f'''` (one argument, up to the third) or `D[1,2](f)`.
  static func head(_ op: Operator, arguments: Int) -> String {
    switch op {
    case .atan2, .max, .min, .polygamma, .beta: return op.name
    case .undefined(let name, let partials):
      if partials.isEmpty { return name }
      if arguments == 1 && partials.count <= 3 {
        return name + String(repeating: "'", count: partials.count)
      }
      return "D[" + partials.map(String.init).joined(separator: ",") + "](" + name + ")"
    }
  }

  /// A symbol as this printer writes it: `θ` for `theta` in the unicode style (unless spelt).
  func symbolText(_ name: String) -> String {
    unicode && !spelledNames.contains(name) ? Self.greekLetters[name] ?? name : name
  }

  public func string(_ e: Expr) -> String {
    var out = ""
    write(e, into: &out)
    return out
  }

  /// Appends the text of `e` to `out` (``string(_:)`` without a string of its own: a listing
  /// writes its entries into one buffer of bytes). A subexpression the printer remembers
  /// (``RepeatedText``) is copied.
  public func write(_ e: Expr, into out: inout some TextSink) {
    // Below the memo's size, straight to the node (most nodes: no closures to build).
    let size = pool.treeSize(e)
    guard let repeated, size >= RepeatedText.minimumSize else { return writeNode(e, into: &out) }
    repeated.write(e, size: size, into: &out, { writeNode($0, into: &$1) }) { writeNode($0, into: &$1) }
  }

  private func writeNode(_ e: Expr, into out: inout some TextSink) {
    switch pool.node(e) {
    case .number(let q): out.append(unicode ? String(q.description.map { $0 == "-" ? "−" : $0 }) : q.description)
    case .symbol(let name): out.append(symbolText(name))
    case .constant(let c):
      switch c {
      case .pi: out.append(unicode ? "π" : "pi")
      }
    case .undefined: out.append("undefined")
    case .call(let f, let u):
      if f == .exp && u == pool.one {
        out.append("e")
        return
      }
      if f == .abs && unicode {
        out.append("|")
        write(u, into: &out)
        out.append("|")
        return
      }
      out.append(f.name)
      out.append("(")
      write(u, into: &out)
      out.append(")")
    case .apply(let op, let args):
      out.append(Self.head(op, arguments: args.count))
      out.append("(")
      for (i, a) in args.enumerated() {
        if i > 0 { out.append(style == .compact ? "," : ", ") }
        write(a, into: &out)
      }
      out.append(")")
    case .sum(let terms):
      for (i, t) in layout.orderedTerms(terms).enumerated() {
        if i == 0 {
          write(t, into: &out)
        } else if let q = pool.rational(t), q.isNegative {
          // A number's magnitude as it prints on its own (never in parentheses after a minus),
          // without a node built for it: Bratu's 100,000 `exp(uᵢ)/10000200001 - 2`.
          out.append(spacedMinus)
          out.append((-q).description)
        } else if layout.isNegative(t) {
          out.append(spacedMinus)
          write(layout.magnitude(t), at: .product, into: &out)
        } else {
          out.append(spacedPlus)
          write(t, at: .product, into: &out)
        }
      }
    case .product:
      writeFraction(e, into: &out)
    case .power(let b, let x):
      if let q = pool.rational(x) {
        if q == .half {
          if unicode {
            out.append("√")
            write(b, at: .atom, into: &out)
            return
          }
          out.append("sqrt(")
          write(b, into: &out)
          out.append(")")
          return
        }
        if q.isNegative {
          writeFraction(e, into: &out)
          return
        }
      }
      write(b, at: .atom, into: &out)
      if unicode, let q = pool.rational(x), q.isInteger {
        out.append(String(q.description.compactMap { Self.superscripts[$0] }))
        return
      }
      out.append("^")
      let simpleExponent = layout.precedence(x) == .atom && !(pool.rational(x).map { !$0.isInteger } ?? false)
      write(x, at: simpleExponent ? .unary : .atom, into: &out)
    }
  }

  /// Writes `e`, in parentheses if it binds more loosely than `context`.
  func write(_ e: Expr, at context: Precedence, into out: inout some TextSink) {
    if layout.precedence(e) < context {
      out.append("(")
      write(e, into: &out)
      out.append(")")
    } else {
      write(e, into: &out)
    }
  }

  private func writeFraction(_ e: Expr, into out: inout some TextSink) {
    let f = layout.fraction(e)
    if f.negative { out.append(minus) }
    var wroteNumerator = false
    if f.numeratorNumber != .one || f.numerator.isEmpty {
      out.append(f.numeratorNumber.description)
      wroteNumerator = true
    }
    for factor in f.numerator {
      if wroteNumerator { out.append(times) }
      write(factor, at: .unary, into: &out)
      wroteNumerator = true
    }
    let denominatorCount = f.denominator.count + (f.denominatorNumber == .one ? 0 : 1)
    guard denominatorCount > 0 else { return }
    out.append("/")
    if denominatorCount > 1 { out.append("(") }
    var wrote = false
    if f.denominatorNumber != .one {
      out.append(f.denominatorNumber.description)
      wrote = true
    }
    for factor in f.denominator {
      if wrote { out.append(times) }
      write(factor, at: denominatorCount > 1 ? .unary : .power, into: &out)
      wrote = true
    }
    if denominatorCount > 1 { out.append(")") }
  }
}
