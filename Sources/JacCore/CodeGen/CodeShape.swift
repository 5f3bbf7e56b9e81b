/// What the code of one node is made of: the operands the printer writes, in order, and how it
/// joins them. ``CodeExpressionPrinter`` writes a shape, and ``CommonSubexpressions`` counts
/// uses over shapes, so a temporary is exactly a node the code would write twice, and every
/// temporary is used (counting the pool's parents instead gave temporaries for `-13*sin(u)`
/// while the sum printed `13*sin(u)` from scratch).
enum CodeShape {
  /// A number, symbol, π or NaN: written as it is, never a temporary.
  case leaf
  /// Terms in print order, negative ones written as `- magnitude`.
  case sum([(negative: Bool, term: Expr)])
  /// ±c·n₁·n₂…/(d₁·d₂…), the rational coefficient c > 0 folded into one constant.
  case fraction(negative: Bool, coefficient: Rational, numerator: [Expr], denominator: [Expr])
  /// u^(1/2) as `sqrt(u)`.
  case squareRoot(Expr)
  /// u^(p/q) with q odd: `|u|^(p/q)`, with u's sign put back when p is odd (u written twice).
  case oddRoot(Expr, exponent: Expr, odd: Bool)
  /// b^x with an integer exponent ≥ 0 or a symbolic one.
  case power(Expr, exponent: Expr)
  case call(Function, Expr)
  case apply(Operator, [Expr])

  /// The operands written, in order; an operand written twice is listed twice.
  var operands: [Expr] {
    switch self {
    case .leaf: return []
    case .sum(let terms): return terms.map(\.term)
    case .fraction(_, _, let numerator, let denominator): return numerator + denominator
    case .squareRoot(let u), .call(_, let u): return [u]
    case .oddRoot(let u, let x, let odd): return odd ? [u, x, u] : [u, x]
    case .power(let b, let x): return [b, x]
    case .apply(_, let args): return args
    }
  }
}

extension PrintLayout {
  /// The shape `e` is written in as code.
  func codeShape(_ e: Expr) -> CodeShape {
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined: return .leaf
    case .call(let f, let u): return .call(f, u)
    case .apply(let op, let args): return .apply(op, args)
    case .sum(let terms):
      return .sum(orderedTerms(terms).map { t in isNegative(t) ? (true, magnitude(t)) : (false, t) })
    case .power(let b, let x) where pool.rational(x).map({ !$0.isNegative }) ?? true:
      if x == pool.half { return .squareRoot(b) }
      if let q = pool.rational(x), !q.isInteger, let d = q.denominator.intValue, d % 2 == 1 {
        return .oddRoot(b, exponent: x, odd: q.numerator.intValue.map { $0 % 2 != 0 } ?? true)
      }
      return .power(b, exponent: x)
    case .product, .power:
      let f = fraction(e)
      return .fraction(
        negative: f.negative, coefficient: Rational(f.numeratorNumber, f.denominatorNumber), numerator: f.numerator,
        denominator: f.denominator)
    }
  }
}
