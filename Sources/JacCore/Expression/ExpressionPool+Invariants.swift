/// `checkInvariants(from:)`: the invariants listed on ``ExpressionPool``, verified node by node
/// from the pool's own arrays. It only reads: nothing is interned while checking (a term's
/// coefficient-free part is looked up, not built), so a check never changes what follows.
///
/// Debug builds run it at the end of every ``Engine/run(_:)`` on the nodes made since the last
/// check (release builds do not evaluate it at all); the fuzzer runs it after every input.
extension ExpressionPool {
  /// A node that breaks one of the invariants listed on ``ExpressionPool``.
  public struct InvariantViolation: Error, Equatable, CustomStringConvertible {
    /// The invariants, in the order of the list on ``ExpressionPool``.
    public enum Invariant: String, Sendable {
      case operands = "operands interned first"
      case cache = "cached hash, depth, size and symbol bits"
      case interning = "one node per structure"
      case canonical = "canonical form"
      case undefinedAbsorbs = "undefined absorbs"
    }
    public var node: Expr
    public var invariant: Invariant
    public var detail: String
    public var description: String { "node \(node.id) breaks '\(invariant.rawValue)': \(detail)" }
  }

  /// Checks every node from id `first` on (nodes never change once made, so a caller that
  /// checked the pool before passes the count it had then). From 0 it also checks that the
  /// interning table holds each node once and nothing else.
  public func checkInvariants(from first: Int = 0) throws(InvariantViolation) {
    let before = records.count
    if first <= 0 { try checkTable() }
    for i in max(first, 0)..<records.count {
      let e = Expr(Int32(i))
      try checkOperands(e)
      try checkCache(e)
      try checkInterned(e)
      try checkCanonical(e)
    }
    assert(records.count == before, "checking interned a node")
  }

  private func violation(_ e: Expr, _ invariant: InvariantViolation.Invariant, _ detail: String) -> InvariantViolation {
    InvariantViolation(node: e, invariant: invariant, detail: detail)
  }

  // MARK: Operands, payloads, cached values

  private func checkOperands(_ e: Expr) throws(InvariantViolation) {
    let r = records[e.index]
    guard operandStore.contains(Int(r.start), Int(r.count)) else {
      throw violation(e, .operands, "operand range \(r.start)+\(r.count) is outside the operand store")
    }
    let arity: ClosedRange<Int32>
    let payloadIsValid: Bool
    switch r.kind {
    case .number: (arity, payloadIsValid) = (0...0, r.payload >= 0 && Int(r.payload) < numbers.count)
    case .symbol:
      // The name's bytes, as ``compare(_:_:)`` reads them, are the name's.
      let i = Int(r.payload)
      // So is its numeric suffix.
      let valid = i >= 0 && i < symbols.count && i < symbolEnds.count && i < symbolSuffixes.count
      let bytes = valid ? Array(symbolBytes[(i == 0 ? 0 : symbolEnds[i - 1])..<symbolEnds[i]]) : []
      let named = valid && bytes.elementsEqual(symbols[i].utf8)
      (arity, payloadIsValid) = (0...0, named && symbolSuffixes[i] == bytes.withUnsafeBufferPointer(Self.numericSuffix))
    case .constant: (arity, payloadIsValid) = (0...0, UInt8(exactly: r.payload).flatMap(Constant.init) != nil)
    case .undefined: (arity, payloadIsValid) = (0...0, r.payload == 0)
    case .call: (arity, payloadIsValid) = (1...1, UInt8(exactly: r.payload).flatMap(Function.init) != nil)
    case .apply: (arity, payloadIsValid) = (1...Int32.max, r.payload >= 0 && Int(r.payload) < operators.count)
    case .power: (arity, payloadIsValid) = (2...2, r.payload == 0)
    case .sum, .product: (arity, payloadIsValid) = (2...Int32.max, r.payload == 0)
    }
    guard arity.contains(r.count) else { throw violation(e, .operands, "a \(r.kind) with \(r.count) operands") }
    guard payloadIsValid else { throw violation(e, .operands, "a \(r.kind) with payload \(r.payload)") }
    for o in operandSlice(e) where o.id < 0 || o.id >= e.id {
      throw violation(e, .operands, "operand \(o.id) is not interned before the node")
    }
  }

  private func operandSlice(_ e: Expr) -> Operands { operands(e) }

  /// The hash `intern`, `number` and `symbol` give a node of these parts.
  private func expectedHash(_ e: Expr) -> UInt64 {
    let r = records[e.index]
    switch r.kind {
    case .number: return Mix.rational(numbers[Int(r.payload)])
    case .symbol: return Mix.string(symbols[Int(r.payload)])
    case .constant, .undefined, .sum, .product, .power, .call, .apply:
      var h = Mix.combine(UInt64(r.kind.rawValue), UInt64(UInt32(bitPattern: r.payload)))
      for o in operandSlice(e) { h = Mix.combine(h, records[o.index].hash) }
      return h
    }
  }

  private func checkCache(_ e: Expr) throws(InvariantViolation) {
    let r = records[e.index]
    if r.hash != expectedHash(e) { throw violation(e, .cache, "hash \(r.hash), computed \(expectedHash(e))") }
    var depth: Int32 = 0
    var size: Int64 = 1
    var bits = r.kind == .symbol ? Self.symbolBit(r.hash) : 0
    for o in operandSlice(e) {
      depth = max(depth, records[o.index].depth)
      size += Int64(records[o.index].treeSize)
      bits |= records[o.index].symbolBits
    }
    if r.depth != depth + 1 { throw violation(e, .cache, "depth \(r.depth), computed \(depth + 1)") }
    let treeSize = Int32(min(size, Int64(Int32.max)))
    if r.treeSize != treeSize { throw violation(e, .cache, "tree size \(r.treeSize), computed \(treeSize)") }
    if r.symbolBits != bits { throw violation(e, .cache, "symbol bits \(r.symbolBits), computed \(bits)") }
  }

  // MARK: Interning

  /// Each table entry names a node, and no node twice.
  private func checkTable() throws(InvariantViolation) {
    var seen = [Bool](repeating: false, count: records.count)
    for slot in table.indices where tableID(slot) >= 0 {
      let id = tableID(slot)
      guard Int(id) < records.count else {
        throw violation(Expr(id), .interning, "the table names a node that does not exist")
      }
      if seen[Int(id)] { throw violation(Expr(id), .interning, "the table holds the node twice") }
      seen[Int(id)] = true
    }
  }

  /// The node is found from its hash, and no structurally equal node is found before it.
  private func checkInterned(_ e: Expr) throws(InvariantViolation) {
    let r = records[e.index]
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: r.hash) & mask
    for _ in 0..<table.count {
      let id = tableID(slot)
      if id < 0 { break }
      if id == e.id { return }
      if Int(id) < records.count, sameParts(Expr(id), e) {
        throw violation(e, .interning, "structurally equal to node \(id)")
      }
      slot = (slot + 1) & mask
    }
    throw violation(e, .interning, "not in the interning table")
  }

  /// Whether two nodes have equal hashes, kinds, values and operands.
  private func sameParts(_ a: Expr, _ b: Expr) -> Bool {
    let (ra, rb) = (records[a.index], records[b.index])
    guard ra.hash == rb.hash, ra.kind == rb.kind else { return false }
    switch ra.kind {
    case .number: return numbers[Int(ra.payload)] == numbers[Int(rb.payload)]
    case .symbol: return symbols[Int(ra.payload)] == symbols[Int(rb.payload)]
    case .constant, .undefined, .sum, .product, .power, .call, .apply:
      return ra.payload == rb.payload && operandSlice(a).elementsEqual(operandSlice(b))
    }
  }

  /// The node of these parts if it is interned; never interns it.
  func existing<C: Collection<Expr>>(_ kind: Kind, operands: C) -> Expr? {
    var h = Mix.combine(UInt64(kind.rawValue), 0)
    for o in operands { h = Mix.combine(h, records[o.index].hash) }
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    for _ in 0..<table.count {
      let id = tableID(slot)
      if id < 0 { return nil }
      let r = records[Int(id)]
      if r.hash == h, r.kind == kind, r.payload == 0, operandSlice(Expr(id)).elementsEqual(operands) { return Expr(id) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  // MARK: Canonical forms (documented on `Node`)

  private func checkCanonical(_ e: Expr) throws(InvariantViolation) {
    switch kind(e) {
    case .number, .symbol, .constant, .undefined: return
    case .call:
      if isUndefined(operand(e, 0)) { throw violation(e, .undefinedAbsorbs, "a call of undefined") }
    case .apply:
      if operands(e).contains(where: isUndefined) { throw violation(e, .undefinedAbsorbs, "an apply of undefined") }
      if let op = applied(e), op == .max || op == .min {
        let args = operands(e)
        if args.count < 2 { throw violation(e, .canonical, "a \(op.name) of one argument") }
        if args.contains(where: { applied($0) == op }) { throw violation(e, .canonical, "a nested \(op.name)") }
        if args.filter(isNumber).count > 1 { throw violation(e, .canonical, "a \(op.name) of two numbers") }
        for (a, b) in zip(args, args.dropFirst()) where compare(a, b) >= 0 {
          throw violation(e, .canonical, "arguments \(a.id), \(b.id) of \(op.name) out of order or repeated")
        }
      }
    case .power:
      let (base, exponent) = (operand(e, 0), operand(e, 1))
      if isUndefined(base) || isUndefined(exponent) { throw violation(e, .undefinedAbsorbs, "a power of undefined") }
      if exponent == zero || exponent == one { throw violation(e, .canonical, "a power with exponent 0 or 1") }
      if base == one { throw violation(e, .canonical, "a power of 1") }
    case .sum: try checkSum(e)
    case .product: try checkProduct(e)
    }
  }

  /// At least two terms (checked with the operands), flattened, at most one number, first and
  /// never 0, like terms collected, sorted by `compareTerms`.
  private func checkSum(_ e: Expr) throws(InvariantViolation) {
    let terms = operands(e)
    var rests = Set<Expr>()
    for (k, t) in terms.enumerated() {
      switch kind(t) {
      case .undefined: throw violation(e, .undefinedAbsorbs, "a sum with an undefined term")
      case .sum: throw violation(e, .canonical, "term \(t.id) is a sum (not flattened)")
      case .number:
        if k != 0 { throw violation(e, .canonical, "number \(t.id) is not the first term") }
        if t == zero { throw violation(e, .canonical, "a term 0") }
        continue
      case .symbol, .constant, .product, .power, .call, .apply: break
      }
      // `compareTerms` interns a term's coefficient-free part; `add` always has, so sorting
      // and checking read it.
      guard let rest = existingRest(t) else {
        throw violation(e, .canonical, "the coefficient-free part of term \(t.id) was never interned")
      }
      if !rests.insert(rest).inserted { throw violation(e, .canonical, "like terms not collected (\(t.id))") }
    }
    for (a, b) in zip(terms, terms.dropFirst()) where compareTerms(a, b) >= 0 {
      throw violation(e, .canonical, "terms \(a.id), \(b.id) out of order")
    }
  }

  /// What `coefficientAndRest` returns as the rest, if it is interned.
  private func existingRest(_ t: Expr) -> Expr? {
    guard kind(t) == .product, isNumber(operand(t, 0)) else { return t }
    if operandCount(t) == 2 { return operand(t, 1) }
    return existing(.product, operands: operandSlice(t).dropFirst())
  }

  /// At least two factors, flattened, at most one number (the coefficient, never 0 or 1),
  /// first, like bases collected, sorted by `compareFactors`, at most one numeric radical per
  /// index (`merge-radicals`).
  private func checkProduct(_ e: Expr) throws(InvariantViolation) {
    let factors = operands(e)
    var bases = Set<Expr>()
    for (k, f) in factors.enumerated() {
      switch kind(f) {
      case .undefined: throw violation(e, .undefinedAbsorbs, "a product with an undefined factor")
      case .product: throw violation(e, .canonical, "factor \(f.id) is a product (not flattened)")
      case .number:
        if k != 0 { throw violation(e, .canonical, "number \(f.id) is not the first factor") }
        if f == zero || f == one { throw violation(e, .canonical, "a coefficient 0 or 1") }
        continue
      case .symbol, .constant, .sum, .power, .call, .apply: break
      }
      if !bases.insert(baseAndExponent(f).base).inserted {
        throw violation(e, .canonical, "like bases not collected (\(f.id))")
      }
    }
    for (a, b) in zip(factors, factors.dropFirst()) where compareFactors(a, b) >= 0 {
      throw violation(e, .canonical, "factors \(a.id), \(b.id) out of order")
    }
    var indices: [BigInt] = []
    for f in factors where kind(f) == .power && isNumericRadical(operand(f, 0), operand(f, 1)) {
      let n = rational(operand(f, 1))!.denominator
      if indices.contains(n) { throw violation(e, .canonical, "numeric radicals of index \(n) not merged (\(f.id))") }
      indices.append(n)
    }
  }
}
