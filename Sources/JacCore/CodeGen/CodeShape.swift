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
  /// b² or b³ as `b*b`, `b*b*b` (``CodeExpressionPrinter/shape(_:)``): b is listed as often as
  /// it is written, so a b that is not a leaf becomes a temporary.
  case repeated(Expr, times: Int)
  case call(Function, Expr)
  case apply(Operator, [Expr])
  /// `log1p(u)` for log(1 + u), `expm1(u)` for exp(u) − 1 (``AccurateFunction``).
  case accurate(AccurateFunction, Expr)
  /// c + k·(c₀ + v)² as k·(v + p)·(v + q) (``PrintLayout/sumSquares(_:)``): v is listed twice,
  /// so a v that is not a leaf is a temporary. Indirect: the form's numbers would make every
  /// shape larger to copy.
  indirect case squares(SquaresForm)

  /// The same shape with each operand o written as `f(o)`.
  func mapped(_ f: (Expr) -> Expr) -> CodeShape {
    switch self {
    case .leaf: return self
    case .sum(let terms): return .sum(terms.map { ($0.negative, f($0.term)) })
    case .fraction(let negative, let c, let numerator, let denominator):
      return .fraction(negative: negative, coefficient: c, numerator: numerator.map(f), denominator: denominator.map(f))
    case .squareRoot(let u): return .squareRoot(f(u))
    case .oddRoot(let u, let x, let odd): return .oddRoot(f(u), exponent: f(x), odd: odd)
    case .power(let b, let x): return .power(f(b), exponent: f(x))
    case .repeated(let b, let n): return .repeated(f(b), times: n)
    case .call(let fn, let u): return .call(fn, f(u))
    case .apply(let op, let args): return .apply(op, args.map(f))
    case .accurate(let fn, let u): return .accurate(fn, f(u))
    case .squares(var form):
      form.v = f(form.v)
      return .squares(form)
    }
  }

  /// The operands written, in order; an operand written twice is listed twice.
  var operands: [Expr] {
    switch self {
    case .leaf: return []
    case .sum(let terms): return terms.map(\.term)
    case .fraction(_, _, let numerator, let denominator): return numerator + denominator
    case .squareRoot(let u), .call(_, let u), .accurate(_, let u): return [u]
    case .oddRoot(let u, let x, let odd): return odd ? [u, x, u] : [u, x]
    case .power(let b, let x): return [b, x]
    case .repeated(let b, let n): return Array(repeating: b, count: n)
    case .apply(_, let args): return args
    case .squares(let form): return [form.v, form.v]
    }
  }
}

/// ``PrintLayout/codeShape(_:complements:)`` remembered per node, for one unit of code: the
/// common-subexpression counts, the sum chains, the sign folding and the printer ask for the
/// same node's shape many times, and a shape can rebuild products (``PrintLayout``'s
/// `distributed`: 26% of arm50's instructions before this memo, session 16). A shape depends on
/// the node alone (nodes never change), so the memo is exact.
final class CodeShapeMemo {
  let layout: PrintLayout
  private var withComplements = ExprMap<CodeShape>()
  private var without = ExprMap<CodeShape>()

  init(_ layout: PrintLayout) { self.layout = layout }

  func shape(_ e: Expr, complements: Bool) -> CodeShape {
    if let s = complements ? withComplements[e] : without[e] { return s }
    let s = layout.codeShape(e, complements: complements)
    if complements { withComplements[e] = s } else { without[e] = s }
    return s
  }
}

extension PrintLayout {
  /// The shape `e` is written in as code: log(1 + u) as `log1p(u)`, exp(u) − 1 as `expm1(u)`
  /// and, with `complements`, 1 − σ(u) as σ(−u), 1 − tanh²(u) as sech²(u), … (``accurateSum(_:complements:)``).
  func codeShape(_ e: Expr, complements: Bool = true) -> CodeShape {
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined: return .leaf
    case .call(let f, let u): return f == .log ? logOnePlus(u) ?? .call(f, u) : .call(f, u)
    case .apply(let op, let args): return .apply(op, Array(args))
    case .sum(let terms):
      if let accurate = accurateSum(e, complements: complements) { return accurate }
      return .sum(orderedTerms(terms).map { t in isNegative(t) ? (true, magnitude(t)) : (false, t) })
    case .power(let b, let x) where pool.rational(x).map({ !$0.isNegative }) ?? true:
      if x == pool.half { return .squareRoot(b) }
      if let q = pool.rational(x), !q.isInteger, let d = q.denominator.intValue, d % 2 == 1 {
        return .oddRoot(b, exponent: x, odd: q.numerator.intValue.map { $0 % 2 != 0 } ?? true)
      }
      return .power(b, exponent: x)
    case .product, .power:
      var f = fraction(e)
      if complements, let g = sigmoidForm(f) { f = g }
      if f.denominator.isEmpty, f.numerator.count == 1, let terms = distributed(f) { return .sum(terms) }
      return .fraction(
        negative: f.negative, coefficient: Rational(f.numeratorNumber, f.denominatorNumber), numerator: f.numerator,
        denominator: f.denominator)
    }
  }

  /// c·(a₁ + a₂ + …) written as c·a₁ + c·a₂ + … when every term is a number or carries a
  /// coefficient other than ±1, so the products fold into the terms' own coefficients and one
  /// multiplication is saved (`2*(600*x^2 - 200*y + 1)` is `1200*x^2 - 400*y + 2`); nil
  /// otherwise (`2*(x + y)` costs one multiplication as it is).
  private func distributed(_ f: Fraction) -> [(negative: Bool, term: Expr)]? {
    guard case .sum(let terms) = pool.node(f.numerator[0]) else { return nil }
    let c = Rational(f.negative ? -f.numeratorNumber : f.numeratorNumber, f.denominatorNumber)
    for t in terms where !pool.isNumber(t) {
      guard pool.kind(t) == .product, let q = pool.rational(pool.operand(t, 0)), q.magnitude != .one else { return nil }
    }
    let scaled = terms.map { pool.multiply(pool.number(c), $0) }
    return orderedTerms(scaled).map { t in isNegative(t) ? (true, magnitude(t)) : (false, t) }
  }
}
