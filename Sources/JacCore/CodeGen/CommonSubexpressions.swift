/// Common-subexpression elimination over the DAG of a whole result: a node used by two or more
/// parents (or by a parent and as an entry) is computed once into a temporary. The pool already
/// shares equal subexpressions, so finding them is counting parents: O(nodes), no hashing of
/// trees. Leaves (numbers, symbols, π) are never temporaries, and neither is a negation `-u`
/// (it costs nothing to repeat).
struct CommonSubexpressions {
  /// The temporaries in an order where each one's operands come first (ids grow from leaves to
  /// roots).
  let shared: [Expr]

  init(pool: ExpressionPool, roots: [Expr]) {
    let nodes = pool.distinctNodes(roots)
    var uses: [Expr: Int] = [:]
    for e in nodes {
      for operand in pool.operands(e) where !Self.isLeaf(pool, operand) { uses[operand, default: 0] += 1 }
    }
    for root in roots where !Self.isLeaf(pool, root) { uses[root, default: 0] += 1 }
    shared = nodes.filter { e in
      guard (uses[e] ?? 0) >= 2, !Self.isLeaf(pool, e) else { return false }
      if case .product(let factors) = pool.node(e), factors.count == 2, pool.operand(e, 0) == pool.minusOne {
        return false
      }
      return true
    }
  }

  static func isLeaf(_ pool: ExpressionPool, _ e: Expr) -> Bool {
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined: return true
    default: return false
    }
  }
}
