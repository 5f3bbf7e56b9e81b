/// Rule-based differentiation, memoised per (node, variable) so a shared subexpression is
/// differentiated once: the cost is linear in the number of distinct nodes.
///
/// One rule per node kind:
/// - d c = 0 (numbers, constants); d x/dx = 1, d y/dx = 0;
/// - sum:      d(Σ tᵢ) = Σ d tᵢ;
/// - product:  d(Π fᵢ) = Σᵢ (d fᵢ) Π_{j≠i} fⱼ;
/// - power:    d(uⁿ) = n·u^(n−1)·du          (n free of x)
///             d(aᵛ) = aᵛ·log(a)·dv          (a free of x)
///             d(uᵛ) = uᵛ·(dv·log(u) + v·du/u) (both depend on x);
/// - chain:    d f(u) = f'(u)·du, with f' from `derivativeOf` — the one place the chain rule is
///   applied.
/// The quotient rule is the product and power rules together (u/v = u·v⁻¹).
public final class Differentiator {
  public let pool: ExpressionPool
  /// Per variable, the derivative of each node id.
  private var memo: [Expr: Memo] = [:]
  /// The memo the columns of a big Jacobian, gradient or Hessian use one after another, reset
  /// after each (``columnTable(for:columns:)``).
  private var columnMemo = Memo()
  /// Above this many entries (variables × pool nodes, 4 bytes each) a matrix's columns do not
  /// keep their memos: 1,600 variables over a 22,000-node pool would hold 140 MB of tables.
  var memoBudget = 4_000_000

  /// The memo for the column of `x`: its own, kept between calls (a batch of small Jacobians
  /// meets the same subexpressions again), or, when `columns` tables of the pool's size would
  /// pass ``memoBudget``, one shared table cleared after each column.
  func columnTable(for x: Expr, columns: Int) -> Memo {
    if let own = memo.removeValue(forKey: x) { return own }
    if columns * pool.count <= memoBudget { return Memo() }
    defer { columnMemo = Memo() }
    return columnMemo
  }

  /// Hands the column's memo back (``columnTable(for:columns:)``).
  func keep(_ table: inout Memo, for x: Expr, columns: Int) {
    if columns * pool.count <= memoBudget {
      memo[x] = table
    } else {
      table.reset()
      columnMemo = table
    }
  }

  /// Derivatives along one variable by node id (−1: not yet computed). The table grows with the
  /// pool and is never refilled: ``reset()`` clears only the entries it set, so a column of a
  /// Jacobian costs what it computes, not the pool's size (a batch shares one growing pool).
  struct Memo {
    private var table: [Int32] = []
    private var set: [Int32] = []

    subscript(_ e: Expr) -> Expr? { e.index < table.count && table[e.index] >= 0 ? Expr(table[e.index]) : nil }

    mutating func remember(_ result: Expr, for e: Expr, poolCount: Int) {
      if table.count < poolCount { table.append(contentsOf: repeatElement(-1, count: poolCount - table.count)) }
      table[e.index] = result.id
      set.append(e.id)
    }

    mutating func reset() {
      for i in set { table[Int(i)] = -1 }
      set.removeAll(keepingCapacity: true)
    }
  }

  public init(pool: ExpressionPool) { self.pool = pool }

  /// Sums of more than this many terms are differentiated through an index of their terms by
  /// symbol (``termsHolding(_:_:_:)``); ``DerivativeCost`` bounds them so.
  static let indexedSum = 64
  /// For each long sum met: the terms holding each symbol, and those holding `undefined` (whose
  /// derivative along anything is `undefined`), by position.
  private var sumIndex: [Expr: (bySymbol: [Expr: [Int32]], always: [Int32])] = [:]

  /// The terms of the sum `e` whose derivative along `x` may not be 0, in order: those that hold
  /// x or `undefined`. Every other term's derivative is 0 by the rules.
  private func termsHolding(_ x: Expr, _ e: Expr, _ terms: [Expr]) -> [Expr] {
    if sumIndex[e] == nil {
      var bySymbol: [Expr: [Int32]] = [:]
      var always: [Int32] = []
      for (k, t) in terms.enumerated() {
        for node in pool.distinctNodes([t]) {
          switch pool.kind(node) {
          case .symbol: bySymbol[node, default: []].append(Int32(k))
          case .undefined: always.append(Int32(k))
          default: break
          }
        }
      }
      sumIndex[e] = (bySymbol, always)
    }
    let (bySymbol, always) = sumIndex[e]!
    let holding = bySymbol[x] ?? []
    if always.isEmpty { return holding.map { terms[Int($0)] } }
    return Array(Set(holding + always)).sorted().map { terms[Int($0)] }
  }

  /// ∂e/∂x, where `x` is a symbol.
  public func derivative(_ e: Expr, _ x: Expr) -> Expr {
    var table = memo.removeValue(forKey: x) ?? Memo()
    let result = derivative(e, x, &table)
    memo[x] = table
    return result
  }

  /// ∂ⁿe/∂x₁…∂xₙ, left to right.
  public func derivative(_ e: Expr, along variables: [Expr]) -> Expr {
    variables.reduce(e) { derivative($0, $1) }
  }

  /// ∂e/∂x with `table` as the memo for x.
  func derivative(_ e: Expr, _ x: Expr, _ table: inout Memo) -> Expr {
    if let done = table[e] { return done }
    let p = pool
    let result: Expr
    switch p.node(e) {
    case .number, .constant: result = p.zero
    case .symbol: result = e == x ? p.one : p.zero
    case .undefined: result = p.undefined
    case .sum(let terms):
      // Only the terms that depend on x: in a long sum most do not (the arm's angles
      // q₁ + … + qᵢ, differentiated along each q). A long sum is not even asked: its terms that
      // hold x are looked up (``termsHolding(_:_:_:)``), so the gradient of a sum of n terms
      // costs n, not n².
      let asked = terms.count > Self.indexedSum ? termsHolding(x, e, terms) : terms
      let parts = asked.map { derivative($0, x, &table) }.filter { $0 != p.zero }
      result = parts.isEmpty ? p.zero : parts.count == 1 ? parts[0] : p.add(parts)
    case .product(let factors):
      var terms: [Expr] = []
      for i in factors.indices {
        let di = derivative(factors[i], x, &table)
        if di == p.zero { continue }
        var others = factors
        others[i] = di
        terms.append(p.multiply(others))
      }
      result = p.add(terms)
    case .power(let u, let v):
      let du = derivative(u, x, &table)
      let dv = derivative(v, x, &table)
      if dv == p.zero {
        result = du == p.zero ? p.zero : p.multiply([v, p.power(u, p.subtract(v, p.one)), du])
      } else if du == p.zero {
        result = p.multiply([e, p.call(.log, u), dv])
      } else {
        let inner = p.add(p.multiply(dv, p.call(.log, u)), p.multiply([v, du, p.reciprocal(u)]))
        result = p.multiply(e, inner)
      }
    case .call(let f, let u):
      let du = derivative(u, x, &table)
      result = du == p.zero ? p.zero : p.multiply(p.derivativeOf(f, at: u), du)
    case .apply(let op, let args):
      // The chain rule for several arguments: d op(a₁, …, aₙ) = Σᵢ ∂ᵢop(a₁, …, aₙ)·daᵢ.
      var terms: [Expr] = []
      for (i, a) in args.enumerated() {
        let da = derivative(a, x, &table)
        if da != p.zero { terms.append(p.multiply(p.partial(op, i, args), da)) }
      }
      result = p.add(terms)
    }
    table.remember(result, for: e, poolCount: p.count)
    return result
  }
}
