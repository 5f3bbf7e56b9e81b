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

  /// How tightly a rendered piece binds: an atom needs no parentheses anywhere; an operator
  /// power (`x**2`, `x^2`) needs them only as a base or an exponent; a product also as a
  /// divisor; a sum (or a negation) inside any product.
  enum Level: Int, Comparable {
    case sum, product, power, atom
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
  }

  /// `e` as code. A temporary's own definition passes `top: e` so it is not replaced by itself.
  func code(_ e: Expr, top: Expr? = nil) -> String { render(e, top: top).text }

  private func wrapped(_ e: Expr, atLeast level: Level, top: Expr?) -> String {
    let r = render(e, top: top)
    return r.level >= level ? r.text : "(" + r.text + ")"
  }

  private func render(_ e: Expr, top: Expr?) -> (text: String, level: Level) {
    if e != top, let name = names[e] { return (name, .atom) }
    switch pool.node(e) {
    case .number(let q):
      let text = language.number(q.numerator.magnitude, q.denominator)
      let level: Level = q.isInteger ? .atom : .product
      return q.isNegative ? ("-" + text, .sum) : (text, level)
    case .symbol: return (symbols[e] ?? language.identifier(pool.symbolName(e) ?? "x"), .atom)
    case .constant: return (language.pi, .atom)
    case .undefined: return ("NAN", .atom)
    case .call(let f, let u):
      let call = language.function(f) + "(" + code(u, top: nil) + ")"
      switch f {
      case .sec, .csc, .cot: return ("1.0/" + call, .product)
      default: return (call, .atom)
      }
    case .sum(let terms):
      var out = ""
      for t in layout.orderedTerms(terms) {
        if layout.isNegative(t) {
          let magnitude = pool.negate(t)
          out += (out.isEmpty ? "-" : " - ") + wrapped(magnitude, atLeast: .product, top: nil)
        } else {
          out += (out.isEmpty ? "" : " + ") + wrapped(t, atLeast: .sum, top: nil)
        }
      }
      return (out, .sum)
    case .product, .power:
      return fraction(e, top: top)
    }
  }

  /// A product or power: sign, numerator, then `/` and the denominator.
  private func fraction(_ e: Expr, top: Expr?) -> (text: String, level: Level) {
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
    var bottom: [(text: String, level: Level)] = []
    if f.denominatorNumber != .one { bottom.append((language.number(f.denominatorNumber, .one), .atom)) }
    bottom += f.denominator.map { render($0, top: nil) }
    var text = top.joined(separator: "*")
    if bottom.count == 1 {
      // One atom or power divides as it is; anything else (a sum, `1.0/cos(u)`) in parentheses.
      text += "/" + (bottom[0].level >= .power ? bottom[0].text : "(" + bottom[0].text + ")")
    } else if !bottom.isEmpty {
      text += "/(" + bottom.map { $0.level >= .product ? $0.text : "(" + $0.text + ")" }.joined(separator: "*") + ")"
    }
    return f.negative ? ("-" + text, .sum) : (text, .product)
  }

  private func power(_ b: Expr, _ x: Expr) -> (text: String, level: Level) {
    if x == pool.half { return (language.sqrt + "(" + code(b) + ")", .atom) }
    // u^(p/q) with q odd is real for negative u in jac (the real odd root), but pow gives NaN
    // (C, Swift), a complex number (Python, MATLAB) or an error (Julia) there. So it is written
    // |u|^(p/q), with u's sign put back for odd p: copysign(|u|^(p/q), u).
    if let q = pool.rational(x), !q.isInteger, let d = q.denominator.intValue, d % 2 == 1 {
      let magnitude = language.power(language.absolute(code(b)), language.powerIsCall ? code(x) : "(" + code(x) + ")")
      let odd = q.numerator.intValue.map { $0 % 2 != 0 } ?? true
      return (odd ? language.copysign(magnitude, code(b)) : magnitude, odd || language.powerIsCall ? .atom : .power)
    }
    let base = wrapped(b, atLeast: .atom, top: nil)
    let exponent: String
    if let q = pool.rational(x), q.isInteger {
      exponent = q.numerator.description
    } else {
      exponent = language.powerIsCall ? code(x) : wrapped(x, atLeast: .atom, top: nil)
    }
    return (language.power(base, exponent), language.powerIsCall ? .atom : .power)
  }
}
