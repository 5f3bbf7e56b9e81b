/// Walks over distinct nodes (each shared node once), without recursion.
extension ExpressionPool {
  /// Every distinct node reachable from `roots`, each once, operands before the nodes that use
  /// them (ids grow from leaves to roots, so sorting ids is a topological order).
  /// A node is marked visited by stamping it with this walk's generation number, so a walk costs
  /// time in the nodes it visits, not in the pool's size, and needs no hashing.
  public func distinctNodes(_ roots: [Expr]) -> [Expr] {
    if visitMarks.count < records.count {
      visitMarks.append(contentsOf: repeatElement(0, count: records.count - visitMarks.count))
    }
    visitGeneration &+= 1
    if visitGeneration == 0 {
      for i in visitMarks.indices { visitMarks[i] = 0 }
      visitGeneration = 1
    }
    var stack = roots
    var found: [Int32] = []
    while let e = stack.popLast() {
      guard visitMarks[e.index] != visitGeneration else { continue }
      visitMarks[e.index] = visitGeneration
      found.append(e.id)
      let r = records[e.index]
      if r.count > 0 { stack.append(contentsOf: operandStore[Int(r.start)..<Int(r.start + r.count)]) }
    }
    found.sort()
    return found.map(Expr.init)
  }

  /// Names of the variables in `roots`, sorted by Unicode scalar values.
  public func freeSymbols(_ roots: [Expr]) -> [String] {
    distinctNodes(roots).compactMap(symbolName).sorted { Self.compareNames($0, $1) < 0 }
  }
}
