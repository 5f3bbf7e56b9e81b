/// How long an expression is, counted as operations the way it prints (close to SymPy's
/// `count_ops`, so jac's results can be compared with the corpus): each `+`, `-` between
/// terms, `*`, `/`, `^`, unary minus, function call and `sqrt` counts 1; names and integers 0;
/// a fraction 1. Shared subexpressions count every time they print.
public struct Complexity {
  let pool: ExpressionPool
  private let layout: PrintLayout
  /// Known complexities by node index, -1 where not yet known (an array: a dictionary hashed
  /// every lookup with SipHash).
  private var memo: [Int] = []

  public init(pool: ExpressionPool) {
    self.pool = pool
    layout = PrintLayout(pool: pool)
  }

  public mutating func of(_ e: Expr) -> Int {
    if e.index < memo.count, memo[e.index] >= 0 { return memo[e.index] }
    let c: Int
    switch pool.node(e) {
    case .number(let q): c = (q.isInteger ? 0 : 1) + (q.isNegative ? 1 : 0)
    case .symbol, .constant, .undefined: c = 0
    case .call(let f, let u): c = (f == .exp && u == pool.one) ? 0 : 1 + of(u)
    case .apply(_, let args): c = args.reduce(1) { $0 &+ of($1) }
    case .sum(let terms):
      var total = terms.count - 1
      for (i, t) in layout.orderedTerms(terms).enumerated() {
        total = total &+ ((i > 0 && layout.isNegative(t)) ? of(layout.magnitude(t)) : of(t))
      }
      c = total
    case .product, .power:
      c = fractionOps(e)
    }
    if e.index >= memo.count {
      memo.append(contentsOf: repeatElement(-1, count: max(e.index + 1, pool.count) - memo.count))
    }
    memo[e.index] = c
    return c
  }

  private mutating func fractionOps(_ e: Expr) -> Int {
    if case .power(let b, let x) = pool.node(e), !(pool.rational(x)?.isNegative ?? false) {
      return 1 &+ of(b) &+ (pool.rational(x) == .half ? 0 : of(x))
    }
    let f = layout.fraction(e)
    let numeratorCount = f.numerator.count + (f.numeratorNumber == .one ? 0 : 1)
    let denominatorCount = f.denominator.count + (f.denominatorNumber == .one ? 0 : 1)
    var total = max(numeratorCount - 1, 0) + max(denominatorCount - 1, 0) + (denominatorCount > 0 ? 1 : 0)
    if f.negative { total += 1 }
    for factor in f.numerator + f.denominator { total = total &+ of(factor) }
    return total
  }
}
