/// The arena that owns every expression: nodes live in flat arrays and are named by `Int32` ids
/// (``Expr``). Each distinct expression exists once (hash-consing through an open-addressing
/// table), so a shared subexpression is stored, differentiated and printed once, and freeing the
/// pool frees flat arrays, never a deep chain of objects.
///
/// Invariants (``checkInvariants(from:)`` verifies each, node by node; debug builds run it after
/// every ``Engine/run(_:)``, the fuzzer after every input, and tests after building,
/// differentiating and simplifying):
/// - operands interned first: a node's operands are interned before the node (ids increase
///   from leaves to roots); each kind has its number of operands (none for a leaf, one for a
///   call, two for a power, two or more for a sum or product) and a payload that names an
///   existing number, symbol, constant or function;
/// - cached hash, depth, size and symbol bits: a node's hash, depth, tree size and symbol bits
///   are those computed from its parts (the fixed mixer below; 1 + the deepest operand; 1 + the
///   operands' sizes, saturating; a symbol's bit, the union of the operands' bits);
/// - one node per structure: structurally equal nodes have equal ids, so the interning table
///   holds each node once, finds it from its hash, and finds no equal node before it;
/// - canonical form: `sum`, `product` and `power` nodes satisfy the canonical forms documented on
///   ``Node``; only the smart constructors in `ExpressionPool+Construction.swift` create them;
/// - undefined absorbs: no node has an `undefined` operand.
///
/// Hashes are computed by a fixed mixer, never Swift's per-process seeded `Hasher`, so ids,
/// and therefore everything derived from them, are the same on every run.
public final class ExpressionPool {
  enum Kind: UInt8 { case number, symbol, constant, sum, product, power, call, apply, undefined }

  struct Record {
    var kind: Kind
    /// Index into `numbers`, `symbols` or `operators`, the raw value of a `Constant` or `Function`.
    var payload: Int32
    /// Operands are `operands[start ..< start + count]`.
    var start: Int32
    var count: Int32
    var hash: UInt64
    /// Longest path to a leaf (a leaf has depth 1).
    var depth: Int32
    /// Number of nodes of the expression as a tree, saturating at `Int32.max`.
    var treeSize: Int32
    /// One bit for each symbol the expression holds, picked by the symbol's hash: an expression
    /// whose bits miss a symbol's does not hold it (``mayHold(_:_:)``).
    var symbolBits: UInt64
  }

  let records = RecordStore()
  /// Every node's operands, in blocks that never move: a sum's or product's operands are handed
  /// out in place (``Operands``), not copied into an array of their own.
  let operandStore = OperandStore()
  var numbers: [Rational] = []
  var symbols: [String] = []
  /// The UTF-8 bytes of the symbols' names one after another, the i-th ending at
  /// `symbolEnds[i]`: the order of two symbols reads them in place (``compare(_:_:)``).
  var symbolBytes: [UInt8] = []
  var symbolEnds: [Int] = []
  /// Each symbol's name as a stem and a trailing integer, when it is one (``numericSuffix(_:)``):
  /// `u19999` against `u20000` compares the two numbers, not the bytes digit by digit.
  var symbolSuffixes: [UInt64] = []
  /// The operators of `apply` nodes, each once (``apply(_:_:trace:)``).
  var operators: [Operator] = []
  var operatorIndex: [Operator: Int32] = [:]
  /// The interning table (open addressing, linear probing), by hash: 0 where empty, else the
  /// node's id + 1 (``tableID(_:)``); a probe compares the hash in the node's record. (Session 10
  /// kept the high half of each hash beside the id, so that a probe read a record only when
  /// those bits matched; session 11 measured it on Bratu n = 100,000: 15M more instructions,
  /// 0.13M more last-level misses and 8 MB more peak for a table twice the size, against 0.36M
  /// fewer first-level misses. Dropped.)
  private(set) var table = ExpressionPool.emptyTable(slots: 1024)
  /// A table of `slots` empty slots, in memory the pool owns (a store into an array asked
  /// whether its buffer was uniquely referenced).
  private static func emptyTable(slots: Int) -> UnsafeMutableBufferPointer<UInt32> {
    let t = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: slots)
    t.initialize(repeating: 0)
    return t
  }

  deinit { table.deallocate() }

  /// The table's entry for node `id`.
  private static func tableEntry(_ id: Int) -> UInt32 { UInt32(id + 1) }
  /// The node in slot `slot`, −1 if it is empty.
  func tableID(_ slot: Int) -> Int32 { Int32(bitPattern: table[slot]) - 1 }
  /// Set when a fold went past ``maxNumberLimbs`` (and gave `undefined`); whoever runs a
  /// request clears it first and checks it after each step.
  public var numberTooLarge = false
  /// Work spent on large numbers since it was last cleared (``maxNumberWork``).
  public var numberWork = 0
  /// At least the bytes of any number or name in the pool as text (a quick bound on printed
  /// sizes: ``treeSize(_:)`` leaves of at most this many bytes).
  public private(set) var longestLeaf = 0
  /// Scratch for ``distinctNodes(_:)``: the generation of the walk that last visited each node.
  var visitMarks: [UInt32] = []
  var visitGeneration: UInt32 = 0
  /// Scratch for ``forEachDistinctNode(_:_:)``: its stack, kept so a walk allocates nothing.
  var walkStack: [Expr] = []
  /// Scratch for `add`'s general path and ``sumOfTerms(_:)``: the terms with their
  /// coefficient-free parts. A user takes it out and puts it back, so a nested user (the
  /// general path that `sumOfTerms` falls back to) gets an empty array of its own.
  var termScratch: [(term: Expr, rest: Expr)] = []

  public init() {
    zero = Expr(0)
    one = Expr(0)
    minusOne = Expr(0)
    half = Expr(0)
    undefined = Expr(0)
    pi = Expr(0)
    zero = number(.zero)
    precondition(zero == .zero, "0 is the first node of a pool")
    one = number(.one)
    minusOne = number(.minusOne)
    half = number(.half)
    undefined = intern(.undefined, payload: 0, operands: EmptyCollection())
    pi = intern(.constant, payload: Int32(Constant.pi.rawValue), operands: EmptyCollection())
  }

  public private(set) var zero: Expr
  public private(set) var one: Expr
  public private(set) var minusOne: Expr
  public private(set) var half: Expr
  public private(set) var undefined: Expr
  public private(set) var pi: Expr

  /// Number of distinct nodes interned so far.
  public var count: Int { records.count }

  // MARK: Reading

  /// One level of `e`, for `switch`.
  public func node(_ e: Expr) -> Node {
    let r = records[e.index]
    switch r.kind {
    case .number: return .number(numbers[Int(r.payload)])
    case .symbol: return .symbol(symbols[Int(r.payload)])
    case .constant: return .constant(Constant(rawValue: UInt8(r.payload))!)
    case .sum: return .sum(Operands(operandStore, start: Int(r.start), count: Int(r.count)))
    case .product: return .product(Operands(operandStore, start: Int(r.start), count: Int(r.count)))
    case .power:
      let p = operandStore.pointer(Int(r.start))
      return .power(p[0], p[1])
    case .call: return .call(Function(rawValue: UInt8(r.payload))!, operandStore.pointer(Int(r.start))[0])
    case .apply:
      return .apply(operators[Int(r.payload)], Operands(operandStore, start: Int(r.start), count: Int(r.count)))
    case .undefined: return .undefined
    }
  }

  func kind(_ e: Expr) -> Kind { records[e.index].kind }
  /// The operands of a sum, product, power, call or application, in order (none for a leaf).
  public func operands(_ e: Expr) -> Operands {
    let r = records[e.index]
    return Operands(operandStore, start: Int(r.start), count: Int(r.count))
  }
  /// The i-th operand of `e` (i below its ``operandCount(_:)``). Inlined: the simplifier and the
  /// printers call it for every term they look at (a call was half its 20 instructions).
  @inline(__always) func operand(_ e: Expr, _ i: Int) -> Expr {
    let r = records[e.index]
    assert(i >= 0 && i < Int(r.count), "operand index out of range")
    return operandStore.pointer(Int(r.start))[i]
  }
  func operandCount(_ e: Expr) -> Int { Int(records[e.index].count) }

  public func depth(_ e: Expr) -> Int { Int(records[e.index].depth) }
  /// False when `e` certainly does not hold the symbol `x` (their symbol bits do not meet);
  /// true when it may.
  func mayHold(_ e: Expr, _ x: Expr) -> Bool { records[e.index].symbolBits & records[x.index].symbolBits != 0 }
  /// Whether `e` holds no symbol at all (a constant, or a call of constants).
  func holdsNoSymbol(_ e: Expr) -> Bool { records[e.index].symbolBits == 0 }
  /// The bit of a symbol whose hash is `hash`.
  static func symbolBit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }
  /// Size of `e` as a tree (shared subexpressions counted each time), saturating.
  public func treeSize(_ e: Expr) -> Int { Int(records[e.index].treeSize) }

  /// The value of a number node, or nil.
  public func rational(_ e: Expr) -> Rational? {
    let r = records[e.index]
    return r.kind == .number ? numbers[Int(r.payload)] : nil
  }
  /// The name of a symbol node, or nil.
  public func symbolName(_ e: Expr) -> String? {
    let r = records[e.index]
    return r.kind == .symbol ? symbols[Int(r.payload)] : nil
  }
  func function(_ e: Expr) -> Function? {
    let r = records[e.index]
    return r.kind == .call ? Function(rawValue: UInt8(r.payload)) : nil
  }
  public func isNumber(_ e: Expr) -> Bool { records[e.index].kind == .number }
  public func isUndefined(_ e: Expr) -> Bool { records[e.index].kind == .undefined }

  // MARK: Leaves

  public func number(_ value: Rational) -> Expr {
    if !fits(value) { return numberOverflow() }
    let h = Mix.rational(value)
    return internLeaf(hash: h, kind: .number) { [self] id in
      numbers[Int(records[id].payload)] == value
    } payloadForInsert: { [self] in
      numbers.append(value)
      // At most 10 digits per 32-bit limb, a sign and a slash.
      longestLeaf = max(longestLeaf, 10 * (value.numerator.limbCount + value.denominator.limbCount) + 2)
      return Int32(numbers.count - 1)
    }
  }
  public func number(_ value: Int) -> Expr { number(Rational(value)) }

  public func symbol(_ name: String) -> Expr {
    var utf8 = name
    return utf8.withUTF8 { symbol(name, bytes: $0, fnv: Mix.fnv(name)) }
  }

  /// The symbol `name`, spelt by the UTF-8 `bytes`, whose ``Mix/fnv(_:)`` is `fnv`: the parser
  /// hashed the bytes as it read them, and lends them in place, so that a new symbol's bytes are
  /// copied once and its ``numericSuffix(_:)`` read from them (not from the `String`'s view).
  func symbol(_ name: String, bytes: UnsafeBufferPointer<UInt8>, fnv: UInt64) -> Expr {
    let h = Mix.finalize(fnv)
    return internLeaf(hash: h, kind: .symbol) { [self] id in
      symbols[Int(records[id].payload)] == name
    } payloadForInsert: { [self] in
      symbols.append(name)
      symbolBytes.append(contentsOf: bytes)
      symbolSuffixes.append(Self.numericSuffix(bytes))
      symbolEnds.append(symbolBytes.count)
      longestLeaf = max(longestLeaf, bytes.count)
      return Int32(symbols.count - 1)
    }
  }

  // MARK: Interning

  /// Interns a node whose kind, payload and operands identify it (constants, calls, powers,
  /// sums, products, applications): its hash is
  /// `combine(…combine(combine(kind, payload), hash(o₁))…, hash(oₙ))`.
  func intern<C: Collection>(_ kind: Kind, payload: Int32, operands: C) -> Expr where C.Element == Expr {
    if let e = operands.withContiguousStorageIfAvailable({ intern(kind, payload: payload, $0) }) { return e }
    return withUnsafeTemporaryAllocation(of: Expr.self, capacity: operands.count) { buffer in
      _ = buffer.initialize(from: operands)
      return intern(kind, payload: payload, UnsafeBufferPointer(buffer))
    }
  }

  /// ``intern(_:payload:operands:)`` of one operand, without an array.
  func intern(_ kind: Kind, payload: Int32, _ a: Expr) -> Expr {
    var a = a
    return withUnsafePointer(to: &a) { intern(kind, payload: payload, UnsafeBufferPointer(start: $0, count: 1)) }
  }

  /// ``intern(_:payload:operands:)`` of two operands, without an array.
  func intern(_ kind: Kind, _ a: Expr, _ b: Expr) -> Expr {
    var pair = (a, b)
    return withUnsafeMutablePointer(to: &pair) {
      $0.withMemoryRebound(to: Expr.self, capacity: 2) {
        intern(kind, payload: 0, UnsafeBufferPointer(start: $0, count: 2))
      }
    }
  }

  /// ``intern(_:payload:operands:)`` of operands in a buffer: the one place nodes with operands
  /// are looked up and made. The operands' records are read once, for the hash and for the
  /// depth, size and symbol bits a new node gets; the table is probed reading records and
  /// operands in place.
  func intern(_ kind: Kind, payload: Int32, _ ops: UnsafeBufferPointer<Expr>) -> Expr {
    var h = Mix.combine(UInt64(kind.rawValue), UInt64(UInt32(bitPattern: payload)))
    var depth: Int32 = 0
    var size: Int64 = 1
    var bits: UInt64 = 0
    for o in ops {
      let r = records[o.index]
      h = Mix.combine(h, r.hash)
      depth = max(depth, r.depth)
      size += Int64(r.treeSize)
      bits |= r.symbolBits
    }
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = Int(table[slot])
      if entry == 0 { break }
      let r = records[entry - 1]
      if r.hash == h && r.kind == kind && r.payload == payload && Int(r.count) == ops.count
        && sameOperands(Int(r.start), ops)
      {
        return Expr(Int32(entry - 1))
      }
      slot = (slot + 1) & mask
    }
    var start = 0
    if !ops.isEmpty {
      let room = operandStore.reserve(ops.count)
      room.memory.initialize(from: ops.baseAddress!, count: ops.count)
      start = room.start
    }
    return insert(
      Record(
        kind: kind, payload: payload, start: Int32(start), count: Int32(ops.count), hash: h, depth: depth + 1,
        treeSize: Int32(min(size, Int64(Int32.max))), symbolBits: bits), at: slot)
  }

  /// Whether the list at `start` holds `ops` (as many as `ops`).
  @inline(__always) private func sameOperands(_ start: Int, _ ops: UnsafeBufferPointer<Expr>) -> Bool {
    if ops.isEmpty { return true }  // a leaf-like node (pi, undefined): no list to read
    let p = operandStore.pointer(start)
    for i in 0..<ops.count where p[i] != ops[i] { return false }
    return true
  }

  /// Interns a leaf (a number or symbol), found by `matches` among the nodes of its hash, or
  /// made with the payload `payloadForInsert` gives.
  private func internLeaf(
    hash: UInt64, kind: Kind, matches: (Int) -> Bool, payloadForInsert: () -> Int32
  ) -> Expr {
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = table[slot]
      if entry == 0 { break }
      let id = Int(entry) - 1
      let r = records[id]
      if r.hash == hash && r.kind == kind && matches(id) { return Expr(Int32(id)) }
      slot = (slot + 1) & mask
    }
    let bits = kind == .symbol ? Self.symbolBit(hash) : 0
    return insert(
      Record(
        kind: kind, payload: payloadForInsert(), start: 0, count: 0, hash: hash, depth: 1, treeSize: 1,
        symbolBits: bits), at: slot)
  }

  /// Appends the record of a new node, entered in the table's free `slot`.
  private func insert(_ record: Record, at slot: Int) -> Expr {
    let id = Int32(records.count)
    records.append(record)
    table[slot] = Self.tableEntry(Int(id))
    if records.count * 2 > table.count { grow() }
    return Expr(id)
  }

  private func grow() { rehash(slots: table.count * 2) }

  /// Makes room for the nodes a long input of `bytes` bytes may make with its derivatives,
  /// about one per 6 bytes (a Bratu row of 42 bytes makes 6), so that the records and the
  /// interning table do not reach that size by doubling, which copied them and touched fresh
  /// pages (Bratu n = 100,000: a fifth of the run; n = 1,600: 87 of 588 page faults). Capacity
  /// only: ids and answers are the same, and capacity never touched costs no page. Inputs
  /// under 4 KiB (a batch's lines) are left alone; at most 4M nodes (a table of 8M slots,
  /// 32 MB, filled as it is made). Symbols likewise, one a 32 bytes, as ``NameTable`` reserves
  /// names: their four arrays grew by doubling, about 50 instructions a symbol.
  public func reserve(forInputBytes bytes: Int) {
    let nodes = min(bytes / 6, 1 << 22)
    guard bytes >= 1 << 12, nodes > records.count else { return }
    records.reserveCapacity(nodes)
    let names = nodes / 4
    symbols.reserveCapacity(names)
    symbolEnds.reserveCapacity(names)
    symbolSuffixes.reserveCapacity(names)
    symbolBytes.reserveCapacity(names * 8)
    var slots = table.count
    while nodes * 2 > slots { slots *= 2 }
    if slots > table.count { rehash(slots: slots) }
  }

  /// The interning table rebuilt with `slots` slots (a power of two, more than twice the nodes).
  private func rehash(slots: Int) {
    let bigger = Self.emptyTable(slots: slots)
    let mask = bigger.count - 1
    for (i, r) in records.enumerated() {
      var slot = Int(truncatingIfNeeded: r.hash) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = Self.tableEntry(i)
    }
    table.deallocate()
    table = bigger
  }
}

/// A fixed 64-bit mixer (splitmix64's finaliser), so hashes do not change between runs.
enum Mix {
  static func finalize(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  static func combine(_ h: UInt64, _ v: UInt64) -> UInt64 { finalize(h ^ (v &* 0x100_0000_01B3)) }
  static func string(_ s: String) -> UInt64 { finalize(fnv(s)) }
  /// FNV-1a of the UTF-8 bytes (``NameTable`` hashes names the same way).
  static func fnv(_ s: String) -> UInt64 {
    var h = NameTable.basis
    for b in s.utf8 { h = (h ^ UInt64(b)) &* NameTable.prime }
    return h
  }
  static func bigInt(_ x: BigInt) -> UInt64 {
    switch x.storage {
    case .small(let v): return finalize(UInt64(bitPattern: v))
    case .large(let negative, let limbs):
      var h: UInt64 = negative ? 1 : 2
      for l in limbs { h = combine(h, UInt64(l)) }
      return h
    }
  }
  static func rational(_ q: Rational) -> UInt64 { combine(bigInt(q.numerator), bigInt(q.denominator)) }
}
