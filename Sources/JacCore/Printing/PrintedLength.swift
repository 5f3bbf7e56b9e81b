/// The exact length of an expression as ``TextPrinter`` prints it, in UTF-8 bytes and in Unicode
/// scalars (the unit of the aligned matrix layout's column widths), without printing it.
///
/// The printers' layout is deterministic and decided node by node (``PrintLayout``), and a node
/// prints the same text wherever it occurs; only the parentheses around it depend on where it
/// stands. So the length is computed bottom-up over the DAG, once per distinct node, with
/// saturating sums (the printed tree of a deep chain is exponentially larger than the DAG):
///
///   len(f(u))      = |f| + 2 + len(u)                    len(u^v)   = len(u)↑atom + 1 + len(v)↑
///   len(t₁ ± t₂ …) = len(t₁) + Σ (|sep| + len(|tᵢ|)↑product)
///   len(±n·f₁·…/(d·g₁·…)) = [1] + len(n) + Σ (|*| + len(fᵢ)↑unary) + 1 + [2] + …
///
/// where len(e)↑c adds 2 for the parentheses when e binds more loosely than c. Cost: linear in
/// the distinct nodes (the nodes ``PrintLayout`` makes on the way, `-t` and `b^q` below the
/// bar, are the ones the printer makes too). A test holds it to the printer on random
/// expressions in every style.
public struct TextLength {
  /// A length in bytes and in Unicode scalars; sums saturate at ``cap``.
  public struct Size: Equatable, Sendable {
    public var bytes: Int
    public var scalars: Int
    public init(bytes: Int, scalars: Int) {
      self.bytes = bytes
      self.scalars = scalars
    }
    public static let zero = Size(bytes: 0, scalars: 0)
    /// An ASCII string's size.
    static func ascii(_ n: Int) -> Size { Size(bytes: n, scalars: n) }
    static func of(_ s: String) -> Size { Size(bytes: s.utf8.count, scalars: s.unicodeScalars.count) }
    public static func + (a: Size, b: Size) -> Size {
      Size(bytes: min(a.bytes + b.bytes, cap), scalars: min(a.scalars + b.scalars, cap))
    }
    public static func += (a: inout Size, b: Size) { a = a + b }
  }
  /// Where saturating sums stop: far beyond any limit, and two of them add without overflow.
  public static let cap = Int.max / 4

  let pool: ExpressionPool
  private let printer: TextPrinter
  private let layout: PrintLayout
  /// Lengths by node, of the nodes measured so far (a dictionary: one answer in a long batch
  /// measures a few nodes of a pool of millions).
  private var known = ExprMap<Size>()

  /// Lengths as `printer` prints (its style and spelt names).
  public init(_ printer: TextPrinter) {
    pool = printer.pool
    self.printer = printer
    layout = PrintLayout(pool: printer.pool)
  }

  private var unicode: Bool { printer.style == .unicode }
  private var times: Size { unicode ? Size(bytes: 2, scalars: 1) : .ascii(1) }
  private var minus: Size { unicode ? Size(bytes: 3, scalars: 1) : .ascii(1) }
  private var spacedMinus: Size { unicode ? Size(bytes: 5, scalars: 3) : .ascii(printer.style == .compact ? 1 : 3) }
  private var spacedPlus: Size { .ascii(printer.style == .compact ? 1 : 3) }

  /// The length of `printer.string(e)`.
  public mutating func of(_ e: Expr) -> Size {
    if let size = known[e] { return size }
    let size = measure(e)
    known[e] = size
    return size
  }

  /// `e` in parentheses when it binds more loosely than `context` (``TextPrinter/write(_:at:into:)``).
  private mutating func of(_ e: Expr, at context: Precedence) -> Size {
    layout.precedence(e) < context ? of(e) + .ascii(2) : of(e)
  }

  private mutating func measure(_ e: Expr) -> Size {
    switch pool.node(e) {
    case .number(let q):
      let digits = Size.of(q.description)
      return unicode && q.isNegative ? digits + Size(bytes: 2, scalars: 0) : digits
    case .symbol(let name): return .of(printer.symbolText(name))
    case .constant(let c):
      switch c {
      case .pi: return unicode ? Size(bytes: 2, scalars: 1) : .ascii(2)
      }
    case .undefined: return .ascii(9)
    case .call(let f, let u):
      if f == .exp && u == pool.one { return .ascii(1) }
      if f == .abs && unicode { return of(u) + .ascii(2) }
      return of(u) + .ascii(f.name.utf8.count + 2)
    case .apply(let op, let args):
      // ``TextPrinter``: the head, then the arguments in parentheses, `, ` (`,` compact) between.
      var total = Size.of(TextPrinter.head(op, arguments: args.count)) + .ascii(2)
      for (i, a) in args.enumerated() { total += (i > 0 ? .ascii(printer.style == .compact ? 1 : 2) : .zero) + of(a) }
      return total
    case .sum(let terms):
      var total = Size.zero
      for (i, t) in layout.orderedTerms(terms).enumerated() {
        if i == 0 {
          total += of(t)
        } else if layout.isNegative(t) {
          total += spacedMinus + of(layout.magnitude(t), at: .product)
        } else {
          total += spacedPlus + of(t, at: .product)
        }
      }
      return total
    case .product: return fraction(e)
    case .power(let b, let x): return power(e, b, x)
    }
  }

  private mutating func power(_ e: Expr, _ b: Expr, _ x: Expr) -> Size {
    if let q = pool.rational(x) {
      if q == .half { return unicode ? of(b, at: .atom) + Size(bytes: 3, scalars: 1) : of(b) + .ascii(6) }
      if q.isNegative { return fraction(e) }
      if unicode, q.isInteger {
        // Superscript digits: ² ³ ¹ are two bytes, the others and ⁻ three.
        var superscript = Size.zero
        for c in q.description.unicodeScalars {
          superscript += Size(bytes: c == "1" || c == "2" || c == "3" ? 2 : 3, scalars: 1)
        }
        return of(b, at: .atom) + superscript
      }
    }
    let simpleExponent = layout.precedence(x) == .atom && !(pool.rational(x).map { !$0.isInteger } ?? false)
    return of(b, at: .atom) + .ascii(1) + of(x, at: simpleExponent ? .unary : .atom)
  }

  /// ``TextPrinter``'s `writeFraction`: sign, numerator factors, then `/` and the denominator.
  private mutating func fraction(_ e: Expr) -> Size {
    let f = layout.fraction(e)
    var total = f.negative ? minus : .zero
    var wroteNumerator = false
    if f.numeratorNumber != .one || f.numerator.isEmpty {
      total += .ascii(f.numeratorNumber.description.utf8.count)
      wroteNumerator = true
    }
    for factor in f.numerator {
      if wroteNumerator { total += times }
      total += of(factor, at: .unary)
      wroteNumerator = true
    }
    let denominatorCount = f.denominator.count + (f.denominatorNumber == .one ? 0 : 1)
    guard denominatorCount > 0 else { return total }
    total += .ascii(denominatorCount > 1 ? 3 : 1)
    var wrote = false
    if f.denominatorNumber != .one {
      total += .ascii(f.denominatorNumber.description.utf8.count)
      wrote = true
    }
    for factor in f.denominator {
      if wrote { total += times }
      total += of(factor, at: denominatorCount > 1 ? .unary : .power)
      wrote = true
    }
    return total
  }
}
