/// Nodes the parser made from number literals, found again by a 64-bit key without making a
/// `Rational`: integers above ``Parser/smallIntegerCount`` keyed by their value (`400040001`),
/// quotients of two number nodes keyed by the two ids (`1/400040001`). Direct-mapped, 256
/// entries, a later key replacing an earlier one in its entry. A hit is a node the pool already
/// holds, which the full construction would return without creating anything, so the pool ends
/// the same either way (issue 20: a Bratu row's `1/400040001` cost two gcds and three lookups).
struct LiteralCache {
  private var keys: [UInt64] = []
  /// The node of each entry's key, −1 where empty.
  private var ids: [Int32] = []

  /// The node cached for `key`, if any.
  subscript(key: UInt64) -> Expr? {
    guard !ids.isEmpty else { return nil }
    let slot = Self.slot(key)
    return ids[slot] >= 0 && keys[slot] == key ? Expr(ids[slot]) : nil
  }

  /// Caches `node` for `key`.
  mutating func insert(_ node: Expr, for key: UInt64) {
    if ids.isEmpty {
      keys = Array(repeating: 0, count: 256)
      ids = Array(repeating: -1, count: 256)
    }
    let slot = Self.slot(key)
    keys[slot] = key
    ids[slot] = node.id
  }

  private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: Expr.mix(key) & 255) }
}
