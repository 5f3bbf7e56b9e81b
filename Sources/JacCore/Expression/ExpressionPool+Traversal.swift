/// Walks over distinct nodes (each shared node once), without recursion.
extension ExpressionPool {
  /// Every distinct node reachable from `roots`, each once, operands before the nodes that use
  /// them (ids grow from leaves to roots, so sorting ids is a topological order).
  public func distinctNodes(_ roots: [Expr]) -> [Expr] {
    var seen = Set<Int32>()
    var stack = roots
    var found: [Int32] = []
    while let e = stack.popLast() {
      guard seen.insert(e.id).inserted else { continue }
      found.append(e.id)
      if records[e.index].count > 0 { stack.append(contentsOf: operands(e)) }
    }
    return found.sorted().map(Expr.init)
  }

  /// Names of the variables in `roots`, sorted by Unicode scalar values.
  public func freeSymbols(_ roots: [Expr]) -> [String] {
    distinctNodes(roots).compactMap(symbolName).sorted { Self.compareNames($0, $1) < 0 }
  }
}
