/// Walks over distinct nodes (each shared node once), without recursion.
extension ExpressionPool {
  /// Every distinct node reachable from `roots`, each once, operands before the nodes that use
  /// them (ids grow from leaves to roots, so sorting ids is a topological order).
  /// A node is marked visited by stamping it with this walk's generation number, so a walk costs
  /// time in the nodes it visits, not in the pool's size, and needs no hashing.
  /// The ids come out sorted without a sort when they are dense (at least one in eight of the
  /// span between the least and the greatest): the marks of that span are read in order.
  public func distinctNodes(_ roots: [Expr]) -> [Expr] {
    startWalk()
    var stack = roots
    var found: [Expr] = []
    var least = Int32.max
    var greatest = Int32.min
    while let e = stack.popLast() {
      guard visitMarks[e.index] != visitGeneration else { continue }
      visitMarks[e.index] = visitGeneration
      found.append(e)
      least = min(least, e.id)
      greatest = max(greatest, e.id)
      let r = records[e.index]
      if r.count > 0 { stack.append(contentsOf: operandStore[Int(r.start)..<Int(r.start + r.count)]) }
    }
    if found.count < 2 { return found }
    if Int(greatest - least) + 1 > 8 * found.count {
      found.sort { $0.id < $1.id }
      return found
    }
    var k = 0
    for id in least...greatest where visitMarks[Int(id)] == visitGeneration {
      found[k] = Expr(id)
      k += 1
    }
    return found
  }

  /// Calls `body` on every distinct node reachable from `root`, each once, in no particular
  /// order, until it returns false; no array is made (the stack is the pool's, kept between
  /// walks). `body` must not start another walk.
  func forEachDistinctNode(_ root: Expr, _ body: (Expr) -> Bool) {
    startWalk()
    var stack = walkStack
    walkStack = []
    stack.removeAll(keepingCapacity: true)
    stack.append(root)
    while let e = stack.popLast() {
      guard visitMarks[e.index] != visitGeneration else { continue }
      visitMarks[e.index] = visitGeneration
      if !body(e) { break }
      let r = records[e.index]
      for k in Int(r.start)..<Int(r.start + r.count) { stack.append(operandStore[k]) }
    }
    walkStack = stack
  }

  /// A new generation of visit marks, covering every node.
  private func startWalk() {
    if visitMarks.count < records.count {
      visitMarks.append(contentsOf: repeatElement(0, count: records.count - visitMarks.count))
    }
    visitGeneration &+= 1
    if visitGeneration == 0 {
      for i in visitMarks.indices { visitMarks[i] = 0 }
      visitGeneration = 1
    }
  }

  /// Names of the variables in `roots`, sorted by Unicode scalar values.
  public func freeSymbols(_ roots: [Expr]) -> [String] {
    distinctNodes(roots).compactMap(symbolName).sorted { Self.compareNames($0, $1) < 0 }
  }
}
