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
      if r.count > 0 { stack.append(contentsOf: operands(e)) }
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
    forEachDistinctNode(CollectionOfOne(root), body)
  }

  /// ``forEachDistinctNode(_:_:)`` from several roots: the first root's nodes first, so nodes
  /// come roughly in the order the roots were written (depth first from each). `body` must not
  /// start another walk nor make nodes: the walk reads the pool's arrays in place (a Bratu row
  /// is six nodes, and a walk through the arrays' bounds and uniqueness checks cost about 200
  /// instructions a node).
  func forEachDistinctNode<C: BidirectionalCollection<Expr>>(_ roots: C, _ body: (Expr) -> Bool) {
    startWalk()
    let generation = visitGeneration
    var stack = walkStack
    var marks = visitMarks
    (walkStack, visitMarks) = ([], [])
    stack.removeAll(keepingCapacity: true)
    stack.append(contentsOf: roots.reversed())
    marks.withUnsafeMutableBufferPointer { mark in
      records.withUnsafeBufferPointer { record in
        while let e = stack.popLast() {
          let i = e.index
          if mark[i] == generation { continue }
          mark[i] = generation
          if !body(e) { break }
          let r = record[i]
          guard r.count > 0 else { continue }
          let operand = operandStore.pointer(Int(r.start))
          var k = Int(r.count)
          // Pushed last to first, so the first operand is visited first.
          while k > 0 {
            k -= 1
            stack.append(operand[k])
          }
        }
      }
    }
    (walkStack, visitMarks) = (stack, marks)
  }

  /// The pool's records and operands, read in place by walks that make no nodes (through the
  /// pool's accessors each read is a bounds check, and often a retain and a release).
  struct View {
    let records: UnsafeBufferPointer<Record>
    /// The memory of each slot of the ``OperandStore``.
    let slots: UnsafeBufferPointer<UnsafeMutablePointer<Expr>>
    /// The i-th operand of the node whose record is `r`.
    func operand(_ r: Record, _ i: Int) -> Expr {
      let start = Int(r.start)
      return slots[start >> OperandStore.slotShift][(start & (OperandStore.slotSize - 1)) + i]
    }
  }

  /// Calls `body` with a ``View`` of the pool, valid only inside it; `body` must make no nodes.
  func withView<R>(_ body: (View) -> R) -> R {
    let before = count
    defer { assert(count == before, "a node was made inside withView: its pointers may be stale") }
    return records.withUnsafeBufferPointer { records in
      body(View(records: records, slots: UnsafeBufferPointer(start: operandStore.slots, count: operandStore.slotCount)))
    }
  }

  /// The place of the symbol `e` among the pool's symbols, nil for other nodes: a table by
  /// symbol is a fraction of one by node (Bratu with n = 100,000 has 100,000 symbols among
  /// 600,000 nodes), so fewer fresh pages to touch.
  func symbolNumber(_ e: Expr) -> Int? {
    let r = records[e.index]
    return r.kind == .symbol ? Int(r.payload) : nil
  }

  /// The number of symbols in the pool (each ``symbolNumber(_:)`` is below it).
  var symbolCount: Int { symbols.count }

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

  /// Names of the variables in `roots`, sorted by Unicode scalar values
  /// (``freeSymbolNodes(_:)``).
  public func freeSymbols(_ roots: [Expr]) -> [String] {
    freeSymbolNodes(roots).map { symbols[Int(records[$0.index].payload)] }
  }

  /// The symbols in `roots`, each once, in the order of their names (``compareNames(_:_:)``),
  /// compared on the pool's bytes (``compare(_:_:)``), not as `String`s. The walk meets them
  /// roughly in the order they are written, which for indexed names (`u1`, `u2`, …) is mostly
  /// their order already, and the sort takes ascending runs as they come.
  public func freeSymbolNodes(_ roots: [Expr]) -> [Expr] {
    var found: [Expr] = []
    forEachDistinctNode(roots) { e in
      if records[e.index].kind == .symbol { found.append(e) }
      return true
    }
    found.sort { compare($0, $1) < 0 }
    return found
  }
}
