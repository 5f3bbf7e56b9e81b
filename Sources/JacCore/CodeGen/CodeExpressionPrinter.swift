/// Prints one expression as code in a ``CodeLanguage``, with shared subexpressions replaced by
/// the names of their temporaries. Layout follows ``PrintLayout``: a sum prints its negative
/// terms with `-`, a product as numerator / denominator, `u^(1/2)` as `sqrt(u)`.
struct CodeExpressionPrinter {
  let pool: ExpressionPool
  let language: CodeLanguage
  /// Nodes computed once into a temporary, and the temporary's name.
  var names: [Expr: String] = [:]
  /// How tightly a name's text binds where it is not a plain name (the NumPy printer names the
  /// entry of an elementwise body `W1 @ x + b1`); an atom otherwise.
  var levels: [Expr: Precedence] = [:]
  /// NumPy's spelling of functions (`np.tanh`, `np.arcsin`), which apply to arrays entry by
  /// entry (``CodeLanguage/numpyCall(_:_:)``); Python only.
  var elementwise = false
  /// Symbols as identifiers.
  var symbols: [Expr: String] = [:]
  private let layout: PrintLayout
  /// The layout's shapes, each built once (shared by the copies of this printer that the
  /// passes over the temporaries take).
  let shapes: CodeShapeMemo

  init(pool: ExpressionPool, language: CodeLanguage) {
    self.pool = pool
    self.language = language
    layout = PrintLayout(pool: pool)
    shapes = CodeShapeMemo(layout)
  }

  /// How tightly `e` binds as code: the printers' precedence (``PrintLayout/precedence(_:)``)
  /// with what the languages spell otherwise.
  /// - A temporary is a name, and `pow(b, x)` (C, Swift) and `copysign(|u|^(p/q), u)` are
  ///   calls: atoms.
  /// - A leading minus binds like a sum, so it is parenthesised in every product and power:
  ///   `x*(-y)`, `(-x)**2` (`-x**2` is −(x²) in Python, Julia and MATLAB).
  /// - A fraction `p/q` is one decimal literal (``literal(_:)``): an atom, or a sum if negative.
  /// - `sec(u)` is `1.0/cos(u)` (and sech, …: ``CodeLanguage/isReciprocal(_:)``): a product.
  /// - The sum exp(u) − 1 is the call `expm1(u)` (``AccurateFunction``): an atom; a sum written
  ///   as its accurate form binds as the form (``PrintLayout/accurateForm(_:)``; NumPy's bodies
  ///   take the differences of squares only), and k·(v + p)·(v + q) as a product (``SquaresForm``).
  func precedence(_ e: Expr, top: Expr?) -> Precedence {
    if !aliases.isEmpty, let a = aliases[e] { return precedence(a, top: top) }
    if e != top && names[e] != nil { return levels[e] ?? .atom }
    let written = shape(e)
    if case .repeated = written { return .product }
    if case .accurate = written { return .atom }
    if case .squares(let form) = written { return form.negative ? .sum : .product }
    if let form = elementwise ? layout.squaresDifference(e) : layout.accurateForm(e) {
      return precedence(form, top: nil)
    }
    // A product whose sign a turned sum changed (``TurnedSums``): `-0.9*t1` binds like a sum.
    if case .fraction(let negative, _, _, _) = written, case .fraction(let was, _, _, _) = layoutShape(e),
      negative != was
    {
      return negative ? .sum : .product
    }
    if let q = pool.rational(e), !q.isInteger, literal(q.magnitude) != nil { return q.isNegative ? .sum : .atom }
    if pool.kind(e) == .product, case .sum = layoutShape(e) { return .sum }
    let printed = layout.precedence(e)
    switch printed {
    case .unary: return .sum
    case .power:
      if language.powerIsCall { return .atom }
      if case .oddRoot(_, _, true) = layoutShape(e) { return .atom }
      return .power
    case .atom:
      guard case .call(let f, _) = pool.node(e) else { return printed }
      return CodeLanguage.isReciprocal(f) ? .product : printed
    case .sum, .product: return printed
    }
  }

  /// Sums written as another written sum plus one term (``SumChains``).
  var sumChains: [Expr: SumChains.Chain] = [:]

  /// Whether b² and b³ are written `b*b` and `b*b*b` (``CodeShape/repeated(_:times:)``): in C,
  /// Swift and Python on floats (NumPy's `a ** 2` on arrays is its own fast square), when b is a
  /// leaf or common subexpressions are shared (so a b that is not a leaf is computed once). gcc and LLVM turn `pow(b, 2)` into `b*b` themselves, but
  /// `pow(b, 3)` stays a call to the library, and Python's `b ** 2` costs about three
  /// multiplications.
  var repeatsPowers = false

  /// Negative terms written as `+ t` (t their temporary) rather than `- magnitude`
  /// (``CommonSubexpressions/negativesWrittenElsewhere(pool:order:uses:shape:)``).
  var foldedNegatives: Set<Expr> = []

  /// Sums written as their turned form, the sign moved out (``TurnedSums``).
  var turnedSums: [Expr: Expr] = [:]

  /// Sums written as an earlier written sum that is the same polynomial (``EqualPolynomials``).
  var aliases: [Expr: Expr] = [:]

  /// The shape `e` is written in (``CodeShape``): the layout's, except that a sum with a base
  /// writes the base first and then the term the base lacks, small powers may be products, and
  /// sums written both ways are written one way (``TurnedSums``).
  func shape(_ e: Expr) -> CodeShape {
    if !aliases.isEmpty, let a = aliases[e] { return shape(a) }
    let s = turnedSums.isEmpty ? unturnedShape(e) : TurnedSums.apply(turnedSums, to: unturnedShape(e), pool: pool)
    return aliases.isEmpty ? s : s.mapped { aliases[$0] ?? $0 }
  }

  /// The layout's shape of `e`; NumPy's entry-by-entry bodies keep 1 − tanh²(z) and 1 − σ(z), which
  /// share `np.tanh(z)` with a layer's output (``MatrixNumPyPrinter``), and take only `np.log1p`
  /// and `np.expm1` (``PrintLayout/codeShape(_:complements:)``).
  private func layoutShape(_ e: Expr) -> CodeShape { shapes.shape(e, complements: !elementwise) }

  private func unturnedShape(_ e: Expr) -> CodeShape {
    if let chain = sumChains[e] { return .sum([(false, chain.base)] + chain.rest) }
    let s = layoutShape(e)
    if !foldedNegatives.isEmpty, case .sum(var terms) = s {
      for k in terms.indices where terms[k].negative {
        let t = pool.negate(terms[k].term)
        if foldedNegatives.contains(t) { terms[k] = (false, t) }
      }
      return .sum(terms)
    }
    guard case .power(let b, let x) = s, language != .julia && language != .matlab, !elementwise else { return s }
    guard let n = pool.rational(x)?.intValue, n == 2 || n == 3 else { return s }
    guard repeatsPowers || CommonSubexpressions.isLeaf(pool, b) else { return s }
    return .repeated(b, times: n)
  }

  /// A positive rational as one floating-point literal: the double nearest it, in the shortest
  /// digits that read back as that double (`39/100` → `0.39`, `1/3` → `0.3333333333333333`),
  /// so a coefficient costs one multiplication, not a division. Nil where the nearest double
  /// is 0 or infinite (the literal would lose the value): those keep `p.0/q.0`.
  func literal(_ q: Rational) -> String? {
    if q.isInteger { return q.numerator.description + ".0" }
    let d = q.nearestDouble
    guard d.isFinite, d != 0 else { return nil }
    return d.description
  }

  private func wrapped(_ e: Expr, atLeast level: Precedence, top: Expr?) -> String {
    let text = code(e, top: top)
    return precedence(e, top: top) >= level ? text : "(" + text + ")"
  }

  /// `e` as code. A temporary's own definition passes `top: e` so it is not replaced by itself.
  func code(_ e: Expr, top: Expr? = nil) -> String {
    if !aliases.isEmpty, let a = aliases[e] { return code(a) }
    if e != top, let name = names[e] { return name }
    switch pool.node(e) {
    case .number(let q):
      let text = literal(q.magnitude) ?? language.number(q.numerator.magnitude, q.denominator)
      return q.isNegative ? "-" + text : text
    case .symbol: return symbols[e] ?? language.identifier(pool.symbolName(e) ?? "x")
    case .constant: return elementwise ? "np.pi" : language.pi
    case .undefined: return "NAN"
    case .sum, .product, .power, .call, .apply: break
    }
    switch shape(e) {
    case .leaf: return ""
    case .call(let f, let u): return elementwise ? CodeLanguage.numpyCall(f, code(u)) : language.call(f, code(u))
    case .apply(let op, let args):
      let arguments = args.map { code($0) }
      return elementwise ? CodeLanguage.numpyApply(op, arguments) : language.apply(op, arguments)
    case .sum(let terms):
      var out = ""
      for (negative, t) in terms {
        if negative {
          out += (out.isEmpty ? "-" : " - ") + wrapped(t, atLeast: .product, top: nil)
        } else {
          out += (out.isEmpty ? "" : " + ") + wrapped(t, atLeast: .sum, top: nil)
        }
      }
      return out
    case .squareRoot(let u): return (elementwise ? "np.sqrt" : language.sqrt) + "(" + code(u) + ")"
    case .accurate(let f, let u): return elementwise ? "np." + f.name + "(" + code(u) + ")" : language.call(f, code(u))
    case .oddRoot(let u, let x, let odd):
      // u^(p/q) with q odd is real for negative u in jac (the real odd root), but pow gives NaN
      // (C, Swift), a complex number (Python, MATLAB) or an error (Julia) there. So it is
      // written |u|^(p/q), with u's sign put back for odd p: copysign(|u|^(p/q), u).
      let magnitude = language.power(
        language.absolute(code(u)), language.powerIsCall ? code(x) : "(" + code(x) + ")")
      if odd && elementwise { return "np.copysign(\(magnitude), \(code(u)))" }
      return odd ? language.copysign(magnitude, code(u)) : magnitude
    case .power(let b, let x):
      let base = wrapped(b, atLeast: .atom, top: nil)
      let exponent: String
      if let q = pool.rational(x), q.isInteger {
        exponent = q.numerator.description
      } else {
        exponent = language.powerIsCall ? code(x) : wrapped(x, atLeast: .atom, top: nil)
      }
      return language.power(base, exponent)
    case .repeated(let b, let n):
      let factor = wrapped(b, atLeast: .product, top: nil)
      return Array(repeating: factor, count: n).joined(separator: "*")
    case .fraction(let negative, let c, let numerator, let denominator):
      return (negative ? "-" : "") + fraction(c, numerator, denominator)
    case .squares(let form): return squares(form)
    }
  }

  /// ±m·(v + p)·(v + q) as `m*(v - 1.0)*(v + 3.0)`, or `m*(1.0 - v)*(v + 3.0)` turned
  /// (``SquaresForm``); a factor v + 0 is v, m = 1 is not written.
  private func squares(_ form: SquaresForm) -> String {
    // p and q are doubles exactly, their denominators below 2⁶³ (``PrintLayout/isExactDouble(_:)``): each has a literal.
    let (inSum, inProduct) = (wrapped(form.v, atLeast: .sum, top: nil), wrapped(form.v, atLeast: .product, top: nil))
    func factor(_ c: Rational) -> String {
      c == .zero ? inProduct : "(\(inSum) \(c.isNegative ? "-" : "+") \(literal(c.magnitude)!))"
    }
    let first = form.turned ? "(\(literal(-form.p)!) - \(inProduct))" : factor(form.p)
    let m = form.coefficient == .one ? "" : fraction(form.coefficient, [], []) + "*"
    return (form.negative ? "-" : "") + m + first + "*" + factor(form.q)
  }

  /// c·n₁·n₂…/(d₁·d₂…) with c > 0 one literal (`0.39*t/u`), or `p.0*…/(q.0*…)` when c has
  /// no finite nonzero double.
  private func fraction(_ c: Rational, _ numerator: [Expr], _ denominator: [Expr]) -> String {
    var top: [String] = []
    var bottom: [(text: String, level: Precedence)] = []
    if let text = literal(c) {
      if c != .one || numerator.isEmpty { top.append(text) }
    } else {
      top.append(language.number(c.numerator, .one))
      bottom.append((language.number(c.denominator, .one), .atom))
    }
    top += numerator.map { wrapped($0, atLeast: .product, top: nil) }
    bottom += denominator.map { (code($0), precedence($0, top: nil)) }
    var text = top.joined(separator: "*")
    if bottom.count == 1 {
      // One atom or power divides as it is; anything else (a sum, `1.0/cos(u)`) in parentheses.
      text += "/" + (bottom[0].level >= .power ? bottom[0].text : "(" + bottom[0].text + ")")
    } else if !bottom.isEmpty {
      text += "/(" + bottom.map { $0.level >= .product ? $0.text : "(" + $0.text + ")" }.joined(separator: "*") + ")"
    }
    return text
  }
}
