/// A map from expressions of one pool to values: the per-call memos of the simplifier and the
/// differentiator.
///
/// An open-addressing table on the expression's id, like the pool's interning table: `slots`
/// holds indices into `keys` and `values` (−1 where empty), probed linearly from the id's
/// Fibonacci hash. Not a `Dictionary`: each new `Dictionary` type makes the Swift runtime build
/// its generic metadata on first use (5–100k instructions at start-up, issue 20), and every
/// lookup runs SipHash over the id. Here the storage is two arrays of types the pool already
/// uses, and a lookup is a multiply and a compare.
///
/// Invariants:
/// - `keys.count == values.count`, each key once;
/// - `slots.count` is 0 or a power of two at least twice `keys.count`;
/// - every key's slot is reached from its hash without passing an empty slot.
struct ExprMap<Value> {
  private var slots: [Int32] = []
  private var keys: [Expr] = []
  private var values: [Value] = []

  init() {}

  var count: Int { keys.count }
  var isEmpty: Bool { keys.isEmpty }

  subscript(key: Expr) -> Value? {
    get {
      guard !slots.isEmpty else { return nil }
      let i = slots[slot(of: key)]
      return i < 0 ? nil : values[Int(i)]
    }
    set {
      guard let newValue else {
        preconditionFailure("ExprMap keeps its keys: no removal")
      }
      if slots.isEmpty { slots = [Int32](repeating: -1, count: 16) }
      let s = slot(of: key)
      if slots[s] >= 0 {
        values[Int(slots[s])] = newValue
        return
      }
      slots[s] = Int32(keys.count)
      keys.append(key)
      values.append(newValue)
      if keys.count * 2 > slots.count { grow() }
    }
  }

  /// Forgets every entry; the storage is kept for the next call's entries when asked.
  mutating func removeAll(keepingCapacity: Bool = false) {
    guard !keys.isEmpty else { return }
    if keepingCapacity && keys.count * 8 < slots.count {
      // Few keys in a big table (a small call after a big one): empty just their slots. A key's
      // probe may cross slots already emptied, so it looks for its own index, not for a gap.
      let mask = slots.count - 1
      for (i, key) in keys.enumerated() {
        var s = Self.hash(key) & mask
        while slots[s] != Int32(i) { s = (s + 1) & mask }
        slots[s] = -1
      }
    } else if keepingCapacity {
      for i in slots.indices { slots[i] = -1 }
    } else {
      slots = []
    }
    keys.removeAll(keepingCapacity: keepingCapacity)
    values.removeAll(keepingCapacity: keepingCapacity)
  }

  /// The slot that holds `key`, or the empty slot where it would go.
  private func slot(of key: Expr) -> Int {
    let mask = slots.count - 1
    var s = Self.hash(key) & mask
    while true {
      let i = slots[s]
      if i < 0 || keys[Int(i)] == key { return s }
      s = (s + 1) & mask
    }
  }

  private mutating func grow() {
    var bigger = [Int32](repeating: -1, count: slots.count * 2)
    let mask = bigger.count - 1
    for (i, key) in keys.enumerated() {
      var s = Self.hash(key) & mask
      while bigger[s] >= 0 { s = (s + 1) & mask }
      bigger[s] = Int32(i)
    }
    slots = bigger
  }

  /// Fibonacci hashing: the id times 2⁶⁴/φ, high bits first (ids are dense, so neighbours must
  /// not share a run of slots).
  private static func hash(_ key: Expr) -> Int {
    let h = UInt64(UInt32(bitPattern: key.id)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: h >> 32)
  }
}
