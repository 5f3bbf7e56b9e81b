/// The exact length in UTF-8 bytes of an expression as ``LatexPrinter`` prints it, without
/// printing it: bottom-up over the DAG, once per distinct node, saturating (as ``TextLength``).
///
///   len(\frac{n}{d}) = 9 + len(n) + len(d)      len(\sin\left(u\right)) = |\sin| + 13 + len(u)
///   len(f₁ f₂)       = len(f₁) + 1 + len(f₂), or + 7 for ` \cdot ` before a factor that starts
///                      with a digit
///
/// so a node also records whether its text starts with a digit, and how many backslashes it
/// holds (JSON doubles each: ``escaped``). A test holds it to the printer.
public struct LatexLength {
  /// A node's text: its length, its backslashes, and whether it starts with a digit.
  public struct Measure: Sendable {
    public var length: Int
    public var backslashes: Int
    var digit = false
    /// The length as a JSON string's contents (each `\` escaped; LaTeX holds no `"`).
    public var escaped: Int { min(length + backslashes, TextLength.cap) }

    /// A literal of `length` bytes holding `backslashes` backslashes.
    static func literal(_ length: Int, _ backslashes: Int = 0) -> Measure {
      Measure(length: length, backslashes: backslashes)
    }
    static func + (a: Measure, b: Measure) -> Measure {
      Measure(
        length: min(a.length + b.length, TextLength.cap),
        backslashes: min(a.backslashes + b.backslashes, TextLength.cap),
        digit: a.length == 0 ? b.digit : a.digit)
    }
    static func += (a: inout Measure, b: Measure) { a = a + b }
  }

  let pool: ExpressionPool
  private let printer: LatexPrinter
  private let layout: PrintLayout
  private var known: [Expr: Measure] = [:]

  /// Lengths as `printer` prints (its symbol names).
  public init(_ printer: LatexPrinter) {
    pool = printer.pool
    self.printer = printer
    layout = PrintLayout(pool: printer.pool)
  }

  /// The length of `printer.string(e)`.
  public mutating func of(_ e: Expr) -> Int { measure(e).length }

  /// The length, backslashes and first digit of `printer.string(e)`.
  public mutating func measure(_ e: Expr) -> Measure {
    if let m = known[e] { return m }
    let m = compute(e)
    known[e] = m
    return m
  }

  /// ``LatexPrinter/writeGrouped(_:at:into:)``: `(…)`, or `\left(…\right)` around tall content.
  private mutating func grouped(_ e: Expr, at context: Precedence) -> Measure {
    guard layout.precedence(e) < context else { return measure(e) }
    return printer.isTall(e) ? .literal(6, 1) + measure(e) + .literal(7, 1) : .literal(1) + measure(e) + .literal(1)
  }

  private static func text(_ s: String) -> Measure {
    Measure(length: s.utf8.count, backslashes: s.utf8.count(where: { $0 == UInt8(ascii: "\\") }))
  }

  private mutating func compute(_ e: Expr) -> Measure {
    switch pool.node(e) {
    case .number(let q):
      if q.isInteger { return Measure(length: q.description.utf8.count, backslashes: 0, digit: !q.isNegative) }
      let digits = q.numerator.magnitude.description.utf8.count + q.denominator.description.utf8.count
      return .literal(digits + 9 + (q.isNegative ? 1 : 0), 1)
    case .symbol(let name): return Self.text(printer.symbolText(name))
    case .constant(let c):
      switch c {
      case .pi: return .literal(3, 1)
      }
    case .undefined: return .literal(16, 1)
    case .call(let f, let u): return call(f, u, exponent: nil)
    case .apply:
      // Functions of several arguments are rare and short: measured by printing them, exactly.
      return Self.text(printer.string(e))
    case .sum(let terms):
      var total = Measure.literal(0)
      for (i, t) in layout.orderedTerms(terms).enumerated() {
        if i == 0 {
          total = measure(t)
        } else if layout.isNegative(t) {
          total += .literal(3) + grouped(layout.magnitude(t), at: .product)
        } else {
          total += .literal(3) + grouped(t, at: .product)
        }
      }
      return total
    case .product: return fraction(e)
    case .power(let b, let x):
      if let q = pool.rational(x) {
        if q.isNegative { return fraction(e) }
        if q.numerator == .one, let n = q.denominator.intValue, n > 1 {
          return .literal(n == 2 ? 6 : 8 + String(n).utf8.count, 1) + measure(b) + .literal(1)
        }
        if q.isInteger, case .call(let f, let u) = pool.node(b), LatexPrinter.takesPowerOnName(f) {
          return call(f, u, exponent: q.description)
        }
      }
      let base: Measure
      if case .call(.exp, let u) = pool.node(b), u == pool.one {
        base = .literal(1)
      } else {
        base = grouped(b, at: .atom)
      }
      return base + .literal(2) + measure(x) + .literal(1)
    }
  }

  /// ``LatexPrinter``'s `writeCall`, with the power written on the name (`\sin^{2}`) if any.
  private mutating func call(_ f: Function, _ u: Expr, exponent: String?) -> Measure {
    switch f {
    case .exp: return u == pool.one ? .literal(1) : .literal(3) + measure(u) + .literal(1)
    case .abs: return .literal(6, 1) + measure(u) + .literal(7, 1)
    case .floor: return .literal(13, 2) + measure(u) + .literal(13, 2)
    case .ceil: return .literal(12, 2) + measure(u) + .literal(12, 2)
    default: break
    }
    var name = Self.text(LatexPrinter.functionName(f))
    if let exponent { name += .literal(exponent.utf8.count + 3) }
    let tall = printer.isTall(u)
    return name + (tall ? .literal(6, 1) : .literal(1)) + measure(u) + (tall ? .literal(7, 1) : .literal(1))
  }

  /// ``LatexPrinter``'s `writeFraction`: `-`, then the numerator, or `\frac{numerator}{denominator}`.
  private mutating func fraction(_ e: Expr) -> Measure {
    let f = layout.fraction(e)
    var numerator = Measure.literal(0)
    if f.numeratorNumber != .one || f.numerator.isEmpty {
      numerator = Measure(length: f.numeratorNumber.description.utf8.count, backslashes: 0, digit: true)
    }
    var denominator = Measure.literal(f.denominatorNumber == .one ? 0 : f.denominatorNumber.description.utf8.count)
    let isFraction = !f.denominator.isEmpty || f.denominatorNumber != .one
    if isFraction && numerator.length == 0 && f.numerator.count == 1 {
      numerator = measure(f.numerator[0])
    } else {
      numerator = factors(f.numerator, after: numerator)
    }
    if denominator.length == 0 && f.denominator.count == 1 {
      denominator = measure(f.denominator[0])
    } else {
      denominator = factors(f.denominator, after: denominator)
    }
    let sign = Measure.literal(f.negative ? 1 : 0)
    if denominator.length == 0 { return sign + numerator }
    return sign + .literal(6, 1) + numerator + .literal(2) + denominator + .literal(1)
  }

  /// ``LatexPrinter``'s `appendFactors`: factors juxtaposed after `start`, ` \cdot ` before one
  /// that starts with a digit.
  private mutating func factors(_ list: [Expr], after start: Measure) -> Measure {
    var total = start
    for factor in list {
      let piece = grouped(factor, at: .unary)
      if total.length > 0 { total += piece.digit ? .literal(7, 1) : .literal(1) }
      total += piece
    }
    return total
  }
}
