/// The distinct names of one text, found by their UTF-8 bytes (FNV-1a into an open-addressing
/// table), so that the parser makes a name's `String` and asks what it denotes once per distinct
/// name rather than once per occurrence (issue 20: a Bratu system of 100,000 equations reads
/// 400,000 names, 100,000 of them distinct).
struct NameTable {
  /// What the parser knows of a name, found when it is first read.
  struct Entry {
    var name: String
    /// FNV-1a of the name's bytes, before ``NameTable/finish(_:)`` (``Mix/fnv(_:)``).
    var fnv: UInt64 = 0
    /// The function the name calls, if it is a function name (``Parser/callee(named:)``).
    var callee: Parser.Callee?
    /// Whether the name is a function's that is also a variable without `(` (`gamma`).
    var alsoVariable = false
    /// Whether the name is an undefined function's (declared or conventional: `f`).
    var isUndefinedFunction = false
    /// The symbol the name stands for, once the parser has read it as a plain variable that no
    /// input can also apply as a function (it is not among the undefined functions' names).
    var variable: Expr?
  }
  var entries: [Entry] = []
  /// Where each name was first read, and its hash.
  private var ranges: [SourceRange] = []
  private var hashes: [UInt64] = []
  /// Entry indices by hash, −1 where empty; at most half full.
  private var slots = [Int32](repeating: -1, count: 64)

  /// Where a name is or would go: its entry's index if it has one, else the free slot for it.
  struct Probe {
    var index: Int?
    var slot: Int
    var hash: UInt64
  }

  /// FNV-1a of some bytes, its high half folded into the low (the lexer computes it as it
  /// reads a name: ``basis``, then h = (h ⊕ byte)·``prime`` for each byte, then ``finish(_:)``).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = basis
    for b in bytes { h = (h ^ UInt64(b)) &* prime }
    return finish(h)
  }
  static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
  static let prime: UInt64 = 0x100_0000_01B3
  /// h ⊕ (h >> 32); its own inverse (the high half is unchanged), so a finished hash gives back
  /// the raw one.
  @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h ^ (h >> 32) }

  /// Looks the name at `range` of `bytes` up; `hash` is its ``hash(_:)``.
  func probe(_ range: SourceRange, hash: UInt64, in bytes: [UInt8]) -> Probe {
    bytes.withUnsafeBufferPointer { text in
      let key = UnsafeBufferPointer(rebasing: text[range.start..<range.end])
      return slots.withUnsafeBufferPointer { slots in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
          let i = Int(slots[slot])
          if hashes[i] == hash {
            let r = ranges[i]
            if Self.equal(key, UnsafeBufferPointer(rebasing: text[r.start..<r.end])) {
              return Probe(index: i, slot: slot, hash: hash)
            }
          }
          slot = (slot + 1) & mask
        }
        return Probe(index: nil, slot: slot, hash: hash)
      }
    }
  }

  /// Enters the name at `range`, which `probe` did not find, as `entry`; its index.
  mutating func insert(_ entry: Entry, at probe: Probe, range: SourceRange) -> Int {
    slots[probe.slot] = Int32(entries.count)
    entries.append(entry)
    ranges.append(range)
    hashes.append(probe.hash)
    if entries.count * 2 > slots.count { grow() }
    return entries.count - 1
  }

  /// The index of the name at `range` of `bytes`, entered as `entry(range)` on first sight.
  mutating func index(of range: SourceRange, in bytes: [UInt8], entry: (SourceRange) -> Entry) -> Int {
    let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
    let p = probe(range, hash: hash, in: bytes)
    return p.index ?? insert(entry(range), at: p, range: range)
  }

  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (i, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(i)
    }
  }
}
