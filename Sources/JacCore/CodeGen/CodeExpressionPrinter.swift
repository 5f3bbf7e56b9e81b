/// Prints one expression as code in a ``CodeLanguage``, with shared subexpressions replaced by
/// the names of their temporaries. Layout follows ``PrintLayout``: a sum prints its negative
/// terms with `-`, a product as numerator / denominator, `u^(1/2)` as `sqrt(u)`.
struct CodeExpressionPrinter {
  let pool: ExpressionPool
  let language: CodeLanguage
  /// Nodes computed once into a temporary, and the temporary's name.
  var names: [Expr: String] = [:]
  /// Symbols as identifiers.
  var symbols: [Expr: String] = [:]
  private let layout: PrintLayout

  init(pool: ExpressionPool, language: CodeLanguage) {
    self.pool = pool
    self.language = language
    layout = PrintLayout(pool: pool)
  }

  /// How tightly `e` binds as code: the printers' precedence (``PrintLayout/precedence(_:)``)
  /// with what the languages spell otherwise.
  /// - A temporary is a name, and `pow(b, x)` (C, Swift) and `copysign(|u|^(p/q), u)` are
  ///   calls: atoms.
  /// - A leading minus binds like a sum, so it is parenthesised in every product and power:
  ///   `x*(-y)`, `(-x)**2` (`-x**2` is −(x²) in Python, Julia and MATLAB).
  /// - `sec(u)` is `1.0/cos(u)` (and sech, …: ``CodeLanguage/isReciprocal(_:)``): a product.
  func precedence(_ e: Expr, top: Expr?) -> Precedence {
    if e != top && names[e] != nil { return .atom }
    let printed = layout.precedence(e)
    switch printed {
    case .unary: return .sum
    case .power:
      guard case .power(_, let x) = pool.node(e) else { return printed }
      return language.powerIsCall || oddRoot(x) == .oddPower ? .atom : .power
    case .atom:
      guard case .call(let f, _) = pool.node(e) else { return printed }
      return CodeLanguage.isReciprocal(f) ? .product : printed
    case .sum, .product: return printed
    }
  }

  private enum OddRoot { case oddPower, evenPower }

  /// For an exponent p/q with q odd (q > 1): whether p is odd too, in which case u^(p/q) is
  /// written `copysign(|u|^(p/q), u)` (``power(_:_:)``); nil for any other exponent.
  private func oddRoot(_ x: Expr) -> OddRoot? {
    guard let q = pool.rational(x), !q.isInteger, let d = q.denominator.intValue, d % 2 == 1 else { return nil }
    return q.numerator.intValue.map { $0 % 2 != 0 } ?? true ? .oddPower : .evenPower
  }

  private func wrapped(_ e: Expr, atLeast level: Precedence, top: Expr?) -> String {
    let text = code(e, top: top)
    return precedence(e, top: top) >= level ? text : "(" + text + ")"
  }

  /// `e` as code. A temporary's own definition passes `top: e` so it is not replaced by itself.
  func code(_ e: Expr, top: Expr? = nil) -> String {
    if e != top, let name = names[e] { return name }
    switch pool.node(e) {
    case .number(let q):
      let text = language.number(q.numerator.magnitude, q.denominator)
      return q.isNegative ? "-" + text : text
    case .symbol: return symbols[e] ?? language.identifier(pool.symbolName(e) ?? "x")
    case .constant: return language.pi
    case .undefined: return "NAN"
    case .call(let f, let u):
      return language.call(f, code(u, top: nil))
    case .apply(let op, let args):
      return language.apply(op, args.map { code($0, top: nil) })
    case .sum(let terms):
      var out = ""
      for t in layout.orderedTerms(terms) {
        if layout.isNegative(t) {
          out += (out.isEmpty ? "-" : " - ") + wrapped(layout.magnitude(t), atLeast: .product, top: nil)
        } else {
          out += (out.isEmpty ? "" : " + ") + wrapped(t, atLeast: .sum, top: nil)
        }
      }
      return out
    case .product, .power:
      return fraction(e, top: top)
    }
  }

  /// A product or power: sign, numerator, then `/` and the denominator.
  private func fraction(_ e: Expr, top: Expr?) -> String {
    if case .power(let b, let x) = pool.node(e), pool.rational(x).map({ !$0.isNegative }) ?? true {
      return power(b, x)
    }
    // Factors computed into temporaries are used by name, even a reciprocal (t = 1/s^4), which
    // the layout below would otherwise rebuild as a new denominator.
    var named: [String] = []
    var rest = e
    if case .product(let factors) = pool.node(e) {
      named = factors.compactMap { names[$0] }
      if !named.isEmpty { rest = pool.multiply(factors.filter { names[$0] == nil }) }
    }
    let f = layout.fraction(rest)
    var top: [String] = []
    let bare = f.numerator.isEmpty && named.isEmpty
    if f.numeratorNumber != .one || bare { top.append(language.number(f.numeratorNumber, .one)) }
    top += f.numerator.map { wrapped($0, atLeast: .product, top: nil) } + named
    var bottom: [(text: String, level: Precedence)] = []
    if f.denominatorNumber != .one { bottom.append((language.number(f.denominatorNumber, .one), .atom)) }
    bottom += f.denominator.map { (code($0, top: nil), precedence($0, top: nil)) }
    var text = top.joined(separator: "*")
    if bottom.count == 1 {
      // One atom or power divides as it is; anything else (a sum, `1.0/cos(u)`) in parentheses.
      text += "/" + (bottom[0].level >= .power ? bottom[0].text : "(" + bottom[0].text + ")")
    } else if !bottom.isEmpty {
      text += "/(" + bottom.map { $0.level >= .product ? $0.text : "(" + $0.text + ")" }.joined(separator: "*") + ")"
    }
    return f.negative ? "-" + text : text
  }

  private func power(_ b: Expr, _ x: Expr) -> String {
    if x == pool.half { return language.sqrt + "(" + code(b) + ")" }
    // u^(p/q) with q odd is real for negative u in jac (the real odd root), but pow gives NaN
    // (C, Swift), a complex number (Python, MATLAB) or an error (Julia) there. So it is written
    // |u|^(p/q), with u's sign put back for odd p: copysign(|u|^(p/q), u).
    if let root = oddRoot(x) {
      let magnitude = language.power(language.absolute(code(b)), language.powerIsCall ? code(x) : "(" + code(x) + ")")
      return root == .oddPower ? language.copysign(magnitude, code(b)) : magnitude
    }
    let base = wrapped(b, atLeast: .atom, top: nil)
    let exponent: String
    if let q = pool.rational(x), q.isInteger {
      exponent = q.numerator.description
    } else {
      exponent = language.powerIsCall ? code(x) : wrapped(x, atLeast: .atom, top: nil)
    }
    return language.power(base, exponent)
  }
}
