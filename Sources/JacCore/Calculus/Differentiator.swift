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
  /// Nor above this many columns: a memo kept serves a later request along the same variable (a
  /// batch of small Jacobians), and each is a table of the pool's size; Bratu with n = 200 made
  /// 200 of them, 2.4 MB of first-touched memory, for one request.
  static let keptColumns = 16

  /// The memo for the column of `x`: its own, kept between calls (a batch of small Jacobians
  /// meets the same subexpressions again), or, when `columns` tables of the pool's size would
  /// pass ``memoBudget``, one shared table cleared after each column.
  func columnTable(for x: Expr, columns: Int) -> Memo {
    if !memo.isEmpty, let own = memo.removeValue(forKey: x) { return own }
    if keepsMemos(columns) { return Memo() }
    defer { columnMemo = Memo() }
    return columnMemo
  }

  /// Hands the column's memo back (``columnTable(for:columns:)``).
  func keep(_ table: inout Memo, for x: Expr, columns: Int) {
    if keepsMemos(columns) {
      memo[x] = table
    } else {
      table.reset()
      columnMemo = table
    }
  }

  /// Whether a matrix of `columns` columns keeps a memo for each (``keptColumns``, ``memoBudget``).
  private func keepsMemos(_ columns: Int) -> Bool { columns <= Self.keptColumns && columns * pool.count <= memoBudget }

  /// Derivatives along one variable by node id (−1: not yet computed). The table grows with the
  /// pool and is never refilled: ``reset()`` clears only the entries it set, so a column of a
  /// Jacobian costs what it computes, not the pool's size (a batch shares one growing pool).
  struct Memo {
    private var table: [Int32] = []
    private var set: [Int32] = []

    subscript(_ e: Expr) -> Expr? { e.index < table.count && table[e.index] >= 0 ? Expr(table[e.index]) : nil }

    mutating func remember(_ result: Expr, for e: Expr, poolCount: Int) {
      // With room for the nodes made meanwhile (each column of Bratu's Jacobian makes one): grown
      // now and then by an eighth, not by one entry at each new node.
      if table.count < poolCount {
        table.append(contentsOf: repeatElement(-1, count: poolCount - table.count + poolCount / 8 + 64))
      }
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
  private func termsHolding(_ x: Expr, _ e: Expr, _ terms: Operands) -> [Expr] {
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

  /// ∂e/∂x with `table` as the memo for x. Leaves, and expressions whose symbol bits show they
  /// do not hold x (``ExpressionPool/mayHold(_:_:)``), are answered without the memo; the other
  /// kinds read their operands from the pool's records (no ``Node``, no operand array), and a
  /// sum or product whose derivative has one nonzero part is not passed through `add` again
  /// (``ExpressionPool/single(_:)``): in a Jacobian most entries are such parts.
  ///
  /// The result is remembered unless `remembering` is false: a Jacobian's rows are asked once a
  /// column, so their own derivatives need no entry (their parts' still get one).
  func derivative(_ e: Expr, _ x: Expr, _ table: inout Memo, remembering: Bool = true) -> Expr {
    let p = pool
    switch p.kind(e) {
    case .number, .constant: return p.zero
    case .symbol: return e == x ? p.one : p.zero
    case .undefined: return p.undefined
    case .sum, .product, .power, .call, .apply:
      // Every rule gives 0 when no operand's derivative is nonzero: an expression without x
      // (its symbol bits miss x's) is answered at once, without the memo.
      if !p.mayHold(e, x) { return p.zero }
      if let done = table[e] { return done }
    }
    let result: Expr
    switch p.kind(e) {
    case .number, .constant, .symbol, .undefined: preconditionFailure("leaves are answered above")
    case .sum: result = sumDerivative(e, x, &table)
    case .product: result = productDerivative(e, x, &table)
    case .power:
      let (u, v) = (p.operand(e, 0), p.operand(e, 1))
      let du = derivative(u, x, &table)
      let dv = derivative(v, x, &table)
      if dv == p.zero {
        result = du == p.zero ? p.zero : p.multiply([v, p.power(u, p.subtract(v, p.one)), du])
      } else if du == p.zero {
        // 0^v is 0 wherever it is defined (v > 0), so its derivative is 0 there: not
        // 0^v·log(0)·dv, which is undefined everywhere (0^(z^2 + 1) was an error).
        result = u == p.zero ? p.zero : p.multiply([e, p.call(.log, u), dv])
      } else {
        let inner = p.add(p.multiply(dv, p.call(.log, u)), p.multiply([v, du, p.reciprocal(u)]))
        result = p.multiply(e, inner)
      }
    case .call:
      let u = p.operand(e, 0)
      let du = derivative(u, x, &table)
      // exp' is exp: e itself.
      let f = p.function(e)!
      result = du == p.zero ? p.zero : p.multiply(f == .exp ? e : p.derivativeOf(f, at: u), du)
    case .apply:
      // The chain rule for several arguments: d op(a₁, …, aₙ) = Σᵢ ∂ᵢop(a₁, …, aₙ)·daᵢ.
      guard case .apply(let op, let args) = p.node(e) else { preconditionFailure("an apply node") }
      var terms: [Expr] = []
      for (i, a) in args.enumerated() {
        let da = derivative(a, x, &table)
        if da != p.zero { terms.append(p.multiply(p.partial(op, i, Array(args)), da)) }
      }
      result = p.add(terms)
    }
    if remembering { table.remember(result, for: e, poolCount: p.count) }
    return result
  }

  /// d(Σ tᵢ) = Σ d tᵢ over the terms that depend on x: in a long sum most do not (the arm's
  /// angles q₁ + … + qᵢ, differentiated along each q). A long sum is not even asked: its terms
  /// that hold x are looked up (``termsHolding(_:_:_:)``), so the gradient of a sum of n terms
  /// costs n, not n².
  private func sumDerivative(_ e: Expr, _ x: Expr, _ table: inout Memo) -> Expr {
    let p = pool
    let count = p.operandCount(e)
    var parts = Parts()
    if count > Self.indexedSum {
      for t in termsHolding(x, e, p.operands(e)) { parts.take(derivative(t, x, &table)) }
    } else {
      for i in 0..<count {
        let t = p.operand(e, i)
        if lacks(t, x) { continue }
        parts.take(derivative(t, x, &table))
      }
    }
    return parts.sum(p)
  }

  /// d(Π fᵢ) = Σᵢ (d fᵢ) Π_{j≠i} fⱼ; with one factor that depends on x (the usual case: c·u,
  /// c·exp(u)) that single product, without a sum around it. For c·f(u) with d f(u) = f(u)
  /// (c·exp(u) along u) the product is its own derivative: `e` itself, which `multiply` would
  /// find again (c is a number of at most four limbs, whose fold is not charged).
  private func productDerivative(_ e: Expr, _ x: Expr, _ table: inout Memo) -> Expr {
    let p = pool
    let count = p.operandCount(e)
    var parts = Parts()
    var factors: [Expr] = []
    for i in 0..<count {
      let fi = p.operand(e, i)
      if lacks(fi, x) { continue }
      let di = derivative(fi, x, &table)
      if di == p.zero { continue }
      if count == 2 {
        if i == 1 && di == fi && p.kind(fi) == .call && isSmallCoefficient(p.operand(e, 0)) {
          parts.take(e)
        } else {
          parts.take(i == 0 ? p.multiply(di, p.operand(e, 1)) : p.multiply(p.operand(e, 0), di))
        }
      } else {
        if factors.isEmpty { factors = Array(p.operands(e)) }
        var others = factors
        others[i] = di
        parts.take(p.multiply(others))
      }
    }
    return parts.sum(p)
  }

  /// Whether `t`'s derivative along x is 0 by its symbol bits alone, as ``derivative(_:_:_:)``
  /// would answer (`undefined` holds no symbol, but its derivative is `undefined`): checked
  /// before the call, for the terms and factors of a row that hold another row's unknowns.
  private func lacks(_ t: Expr, _ x: Expr) -> Bool { !pool.mayHold(t, x) && pool.kind(t) != .undefined }

  /// A number whose numerator and denominator each fit in 64 bits.
  private func isSmallCoefficient(_ c: Expr) -> Bool {
    guard let q = pool.rational(c) else { return false }
    return q.numerator.limbCount + q.denominator.limbCount <= 4
  }

  /// The nonzero parts of a derivative (a sum's terms' derivatives, the product rule's terms),
  /// gathered without an array until a third one: most derivatives in a Jacobian have one or
  /// two.
  private struct Parts {
    private var first = Expr.zero
    private var second = Expr.zero
    private var more: [Expr]? = nil

    mutating func take(_ d: Expr) {
      if d == .zero { return }
      if first == .zero {
        first = d
      } else if second == .zero {
        second = d
      } else {
        if more == nil { more = [first, second] }
        more!.append(d)
      }
    }

    /// Their sum, as `add` of them in order would give it.
    func sum(_ p: ExpressionPool) -> Expr {
      if let more { return p.add(more) }
      return second == .zero ? p.single(first) : p.add(first, second)
    }
  }
}
