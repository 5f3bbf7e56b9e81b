/// Common-subexpression elimination over the code of a whole result: a node the code writes
/// twice or more (as an operand of two written nodes, twice in one, or as an entry and an
/// operand) is computed once into a temporary. What is written is read from each node's
/// ``CodeShape``, the printer's own: a sum writes `- 13*sin(u)` for its term `-13*sin(u)`,
/// so `13*sin(u)` is what is counted. The pool already shares equal subexpressions, so finding
/// them is counting uses: O(nodes written), no hashing of trees. Leaves (numbers, symbols, π)
/// are never temporaries, and neither is a negation `-u` (it costs nothing to repeat).
struct CommonSubexpressions {
  /// The temporaries in an order where each one's operands come first.
  let shared: [Expr]

  init(pool: ExpressionPool, roots: [Expr], shape: (Expr) -> CodeShape) {
    let (order, uses) = Self.written(pool: pool, roots: roots, shape: shape)
    shared = order.filter { e in (uses[e] ?? 0) >= 2 && !Self.isNegation(pool, e) }
  }

  /// Whether `e` is a plain negation `-u`, which is never a temporary.
  static func isNegation(_ pool: ExpressionPool, _ e: Expr) -> Bool {
    guard case .product(let factors) = pool.node(e) else { return false }
    return factors.count == 2 && factors[0] == pool.minusOne
  }

  /// Sign folding: the negative terms of written sums (`-400*x2` in `1200*x1^2 - 400*x2 + 2`)
  /// that the code also writes as nodes of their own (rosen100's Hessian writes `-400*x2` as an
  /// entry). A sum written `… + t0` with t0 = -400.0*x2 saves the multiplication of
  /// `… - 400.0*x2`. Plain negations are left out: they are never temporaries.
  static func negativesWrittenElsewhere(
    pool: ExpressionPool, order: [Expr], uses: [Expr: Int], shape: (Expr) -> CodeShape
  ) -> Set<Expr> {
    var found = Set<Expr>()
    for e in order {
      guard case .sum(let terms) = shape(e) else { continue }
      for (negative, m) in terms where negative && !isLeaf(pool, m) {
        let t = pool.negate(m)
        if (uses[t] ?? 0) >= 1 && !isNegation(pool, t) { found.insert(t) }
      }
    }
    return found
  }

  /// The nodes the code writes, in post-order (operands first), and how often each is written
  /// (as an operand of a distinct written node, or as a root), iteratively: expressions nest
  /// 10,000 deep.
  static func written(pool: ExpressionPool, roots: [Expr], shape: (Expr) -> CodeShape) -> (
    order: [Expr], uses: [Expr: Int]
  ) {
    var uses: [Expr: Int] = [:]
    var expanded = Set<Expr>()
    var order: [Expr] = []
    var stack: [(Expr, Bool)] = roots.reversed().filter { !isLeaf(pool, $0) }.map { ($0, false) }
    for root in roots where !isLeaf(pool, root) { uses[root, default: 0] += 1 }
    while let (e, done) = stack.popLast() {
      if done {
        order.append(e)
        continue
      }
      guard expanded.insert(e).inserted else { continue }
      stack.append((e, true))
      for o in shape(e).operands.reversed() where !isLeaf(pool, o) {
        uses[o, default: 0] += 1
        if !expanded.contains(o) { stack.append((o, false)) }
      }
    }
    return (order, uses)
  }

  static func isLeaf(_ pool: ExpressionPool, _ e: Expr) -> Bool {
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined: return true
    default: return false
    }
  }
}
