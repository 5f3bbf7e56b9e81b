/// The visits of a walk down from `root` that may stop at a node it has seen: every node once
/// when `root` is larger as a tree than ``treeLimit`` nodes, so a result that shares its
/// subexpressions (a Berkowitz determinant: 250 nodes, 2⁶⁰ as a tree) costs its number of nodes;
/// a smaller tree is walked without the set, which would cost more than the repeats it saves
/// (the simplifier's checks run on every settled sum of a 300,000-entry Jacobian).
///
/// A walk whose result at a node depends on more than the node keys its visits by that state
/// too (``first(_:state:)``); whatever a repeated visit would have found was found the first time.
struct SharedWalk {
  static let treeLimit = 256
  private var seen: Set<Int>?

  init(_ pool: ExpressionPool, root: Expr) {
    seen = pool.treeSize(root) > Self.treeLimit ? [] : nil
  }

  /// Whether this is the first visit of `e` in `state` (0 to 7); always true below the limit.
  mutating func first(_ e: Expr, state: Int = 0) -> Bool {
    seen?.insert(e.index << 3 | state).inserted ?? true
  }
}
