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

  /// Off in tests only: every expression goes through ``PrintLayout``'s arrays, built negations
  /// and numbers' strings, which the in-place readings must match byte for byte.
  var readsInPlace = true

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
  // The signs as `StaticString`s, appended a byte at a time (``TextBytes/append(piece:)``).
  private var times: StaticString { unicode ? "·" : "*" }
  private var minus: StaticString { unicode ? "−" : "-" }
  private var spacedMinus: StaticString { unicode ? " − " : style == .compact ? "-" : " - " }
  private var spacedPlus: StaticString { style == .compact ? "+" : " + " }

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
    var out = TextBytes()
    write(e, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Appends the text of `e` to `out` (a `String`: the text is made as bytes, then appended once).
  public func write(_ e: Expr, into out: inout some TextSink) {
    out.append(string(e))
  }

  /// Appends the UTF-8 text of `e` to `out` (``string(_:)`` without a string of its own: a
  /// listing writes its entries into one buffer of bytes). A subexpression the printer remembers
  /// (``RepeatedText``) is copied.
  public func write(_ e: Expr, into out: inout TextBytes) {
    // Below the memo's size, straight to the node (most nodes: no closures to build).
    let size = pool.treeSize(e)
    guard let repeated, size >= RepeatedText.minimumSize else { return writeNode(e, into: &out) }
    repeated.write(
      e, size: size, into: &out, { writeNode($0, into: &$1) },
      alone: { e, text in
        var bytes = TextBytes()
        writeNode(e, into: &bytes)
        text.append(String(decoding: bytes.bytes, as: UTF8.self))
      })
  }

  /// Symbols, calls and products are read from the pool's records, without a ``Node`` (which
  /// holds the symbol's `String` or the product's operand array, a retain and a release each).
  private func writeNode(_ e: Expr, into out: inout TextBytes) {
    if readsInPlace {
      switch pool.kind(e) {
      case .symbol where !unicode: return writeName(e, into: &out)
      case .call: return writeCall(pool.function(e)!, pool.operand(e, 0), into: &out)
      case .product: return writeFraction(e, into: &out)
      case .sum: return writeSum(e, into: &out)
      case .symbol, .number, .constant, .undefined, .power, .apply: break
      }
    }
    switch pool.node(e) {
    case .number(let q): writeNumber(q, into: &out)
    case .symbol(let name): out.append(symbolText(name))
    case .constant(let c):
      switch c {
      case .pi: out.append(unicode ? "π" : "pi")
      }
    case .undefined: out.append("undefined")
    case .call(let f, let u): writeCall(f, u, into: &out)
    case .apply(let op, let args):
      out.append(Self.head(op, arguments: args.count))
      out.append(byte: UInt8(ascii: "("))
      for (i, a) in args.enumerated() {
        if i > 0 { out.append(style == .compact ? "," : ", ") }
        write(a, into: &out)
      }
      out.append(byte: UInt8(ascii: ")"))
    case .sum: writeSum(e, into: &out)
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
          out.append(byte: UInt8(ascii: ")"))
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
      out.append(byte: UInt8(ascii: "^"))
      let simpleExponent = layout.precedence(x) == .atom && !(pool.rational(x).map { !$0.isInteger } ?? false)
      write(x, at: simpleExponent ? .unary : .atom, into: &out)
    }
  }

  /// The name of the symbol `e` as the plain and compact styles write it, copied from the
  /// pool's bytes (``ExpressionPool/symbolBytes``).
  private func writeName(_ e: Expr, into out: inout TextBytes) {
    let i = Int(pool.records[e.index].payload)
    let (start, end) = (i == 0 ? 0 : pool.symbolEnds[i - 1], pool.symbolEnds[i])
    pool.symbolBytes.withUnsafeBufferPointer { bytes in
      out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
  }

  /// `f(u)`; `e` for exp(1), `|u|` in the unicode style.
  private func writeCall(_ f: Function, _ u: Expr, into out: inout TextBytes) {
    if f == .exp && u == pool.one {
      out.append(byte: UInt8(ascii: "e"))
      return
    }
    if f == .abs && unicode {
      out.append("|")
      write(u, into: &out)
      out.append("|")
      return
    }
    out.append(f.name)
    out.append(byte: UInt8(ascii: "("))
    write(u, into: &out)
    out.append(byte: UInt8(ascii: ")"))
  }

  /// A number as `q.description` spells it (`-3/4`), its digits written without a string (a
  /// minus is `−` in the unicode style); |q| with `dropSign` (without the node −q made).
  private func writeNumber(_ q: Rational, dropSign: Bool = false, into out: inout TextBytes) {
    if q.isNegative && !dropSign { out.append(piece: minus) }
    writeDigits(q.numerator, into: &out)
    if PrintLayout.isOne(q.denominator) { return }
    out.append(byte: UInt8(ascii: "/"))
    writeDigits(q.denominator, into: &out)
  }

  /// The decimal digits of |n|.
  private func writeDigits(_ n: BigInt, into out: inout TextBytes) {
    if readsInPlace, case .small(let v) = n.storage { return out.append(decimal: v.magnitude) }
    let text = n.description
    out.append(n.isNegative ? String(text.dropFirst()) : text)
  }

  /// The terms of a sum in print order (``PrintLayout/orderedTerms(_:)``), each after its sign:
  /// `x - 2*y + 1`. A canonical sum's one number, first among its terms, prints last: that
  /// order is read in place, from the pool's operands, without an array of terms (nor the
  /// sum's own array retained, nor a closure to give the p-th term).
  private func writeSum(_ e: Expr, into out: inout TextBytes) {
    let n = pool.operandCount(e)
    func term(_ i: Int) -> Expr { pool.operand(e, i) }
    guard readsInPlace, n > 1, pool.isNumber(term(0)), !(1..<n).contains(where: { pool.isNumber(term($0)) }) else {
      for (p, t) in layout.orderedTerms(pool.operands(e)).enumerated() { writeTerm(t, first: p == 0, into: &out) }
      return
    }
    // The number moved last; then, if that starts with a negative term, the first positive one
    // moved to the front.
    func rotated(_ i: Int) -> Expr { term(i + 1 == n ? 0 : i + 1) }
    var lead = 0
    if layout.isNegative(rotated(0)), let k = (1..<n).first(where: { !layout.isNegative(rotated($0)) }) { lead = k }
    for p in 0..<n { writeTerm(rotated(p == 0 ? lead : p <= lead ? p - 1 : p), first: p == 0, into: &out) }
  }

  /// Writes the term `t` of a sum after its sign (none for the first).
  private func writeTerm(_ t: Expr, first: Bool, into out: inout TextBytes) {
    if first {
      write(t, into: &out)
    } else if let q = pool.rational(t), q.isNegative {
      // A number's magnitude as it prints on its own (never in parentheses after a minus),
      // without a node built for it: Bratu's 100,000 `exp(uᵢ)/10000200001 - 2`.
      out.append(piece: spacedMinus)
      writeNumber(readsInPlace ? q : -q, dropSign: readsInPlace, into: &out)
    } else if layout.isNegative(t) {
      out.append(piece: spacedMinus)
      if readsInPlace && printsMagnitudeInPlace(t) {
        writeFraction(t, dropSign: true, into: &out)
      } else {
        write(layout.magnitude(t), at: .product, into: &out)
      }
    } else {
      out.append(piece: spacedPlus)
      write(t, at: .product, into: &out)
    }
  }

  /// Whether the negative product `t` prints after a minus as its fraction without the sign,
  /// without the node −t built: its coefficient is not −1 (so −t is the same product with the
  /// coefficient turned, and prints as one), and it is too small for the repeated-text memo,
  /// which is keyed by −t.
  private func printsMagnitudeInPlace(_ t: Expr) -> Bool {
    guard pool.kind(t) == .product, let c = pool.rational(pool.operand(t, 0)), !c.isMinusOne else { return false }
    if pool.operandCount(t) == 2 && pool.kind(pool.operand(t, 1)) == .product { return false }
    return repeated == nil || pool.treeSize(t) < RepeatedText.minimumSize
  }

  /// Writes `e`, in parentheses if it binds more loosely than `context`.
  func write(_ e: Expr, at context: Precedence, into out: inout TextBytes) {
    if layout.precedence(e) < context {
      out.append(byte: UInt8(ascii: "("))
      write(e, into: &out)
      out.append(byte: UInt8(ascii: ")"))
    } else {
      write(e, into: &out)
    }
  }

  /// `e` as ±(n·f₁·f₂…)/(d·g₁·g₂…) (``PrintLayout/fraction(_:)``), without its sign with
  /// `dropSign`. A product whose factors all stay above the bar (no power with a negative
  /// exponent) and hold at most one application of an undefined function (whose order the
  /// layout may change) is read in place, without the layout's arrays.
  private func writeFraction(_ e: Expr, dropSign: Bool = false, into out: inout TextBytes) {
    if readsInPlace, let (q, first) = inPlaceFraction(e) {
      let p = pool
      return writeQuotient(
        negative: !dropSign && q.isNegative, q.numerator.magnitude, q.denominator,
        (first..<p.operandCount(e)).lazy.map { p.operand(e, $0) }, EmptyCollection(), into: &out)
    }
    let f = layout.fraction(e)
    writeQuotient(
      negative: !dropSign && f.negative, f.numeratorNumber, f.denominatorNumber, f.numerator, f.denominator,
      into: &out)
  }

  /// For a product that ``writeFraction(_:dropSign:into:)`` reads in place, its coefficient (1
  /// if none) and where its other factors start; else nil.
  private func inPlaceFraction(_ e: Expr) -> (Rational, Int)? {
    guard pool.kind(e) == .product else { return nil }
    let count = pool.operandCount(e)
    let first = pool.kind(pool.operand(e, 0)) == .number ? 1 : 0
    var applications = 0
    for i in first..<count {
      let f = pool.operand(e, i)
      switch pool.kind(f) {
      case .number: return nil
      case .power:
        let x = pool.operand(f, 1)
        if pool.kind(x) == .number && pool.rational(x)!.isNegative { return nil }
      case .apply: if case .apply(.undefined, _) = pool.node(f) { applications += 1 }
      default: break
      }
    }
    if applications > 1 { return nil }
    return (first == 1 ? pool.rational(pool.operand(e, 0))! : .one, first)
  }

  /// `-3*x*y/(2*z)`: the sign, the numerator's number and factors, then the denominator's.
  private func writeQuotient(
    negative: Bool, _ numeratorNumber: BigInt, _ denominatorNumber: BigInt, _ numerator: some Collection<Expr>,
    _ denominator: some Collection<Expr>, into out: inout TextBytes
  ) {
    if negative { out.append(piece: minus) }
    var wroteNumerator = false
    if !PrintLayout.isOne(numeratorNumber) || numerator.isEmpty {
      writeDigits(numeratorNumber, into: &out)
      wroteNumerator = true
    }
    for factor in numerator {
      if wroteNumerator { out.append(piece: times) }
      write(factor, at: .unary, into: &out)
      wroteNumerator = true
    }
    let denominatorCount = denominator.count + (PrintLayout.isOne(denominatorNumber) ? 0 : 1)
    guard denominatorCount > 0 else { return }
    out.append(byte: UInt8(ascii: "/"))
    if denominatorCount > 1 { out.append(byte: UInt8(ascii: "(")) }
    var wrote = false
    if !PrintLayout.isOne(denominatorNumber) {
      writeDigits(denominatorNumber, into: &out)
      wrote = true
    }
    for factor in denominator {
      if wrote { out.append(piece: times) }
      write(factor, at: denominatorCount > 1 ? .unary : .power, into: &out)
      wrote = true
    }
    if denominatorCount > 1 { out.append(byte: UInt8(ascii: ")")) }
  }
}
