/// The distinct names of one text, found by their UTF-8 bytes, so that the parser makes a name's
/// `String` and asks what it denotes once per distinct name rather than once per occurrence
/// (issue 20: a Bratu system of 100,000 equations reads 400,000 names, 100,000 of them distinct).
///
/// A name is found by its ``key(_:_:_:)``, which the lexer computes as it reads the name: a name
/// of at most 8 bytes is its own key (its bytes as a word), so finding it compares one word and
/// never reads the text; a longer name's key is a hash, and the bytes are compared too.
/// Open addressing with linear probing, multiplicative hashing of the key, at most half full.
struct NameTable {
  /// What the parser knows of a name, found when it is first read.
  struct Entry {
    var name: String
    /// FNV-1a of the name's bytes (``Mix/fnv(_:)``), for ``ExpressionPool/symbol(_:bytes:fnv:)``.
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
  /// A slot: the key, byte length and entry index of a name (index −1: empty).
  private struct Slot {
    var key: UInt64 = 0
    var length: Int32 = 0
    var index: Int32 = -1
  }
  private var slots = [Slot](repeating: Slot(), count: 64)
  /// 64 − log₂(slots.count): a key's slot is the high bits of key · 2⁶⁴/φ.
  private var shift: UInt64 = 58
  /// Where each entry's name was first read (compared for names longer than 8 bytes).
  private var starts: [Int] = []

  /// Where a name is or would go: its entry's index if it has one, else the free slot for it.
  struct Probe {
    var index: Int?
    var slot: Int
  }

  /// FNV-1a's offset basis and prime (``Mix/fnv(_:)``).
  static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
  static let prime: UInt64 = 0x100_0000_01B3

  /// FNV-1a of `bytes[range]` (``Mix/fnv(_:)`` of the name they spell).
  static func fnv(_ bytes: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> UInt64 {
    var h = basis
    for i in range.start..<range.end { h = (h ^ UInt64(bytes[i])) &* prime }
    return h
  }

  /// The key of the name `bytes[start..<end]`: up to 8 bytes, the bytes as a little-endian word
  /// (a name holds no zero byte, so no two names share it); longer, a hash of its 8-byte words.
  @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    let n = end &- start
    if n <= 8 && start &+ 8 <= bytes.count {
      let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: start, as: UInt64.self)
      let w = UInt64(littleEndian: word)
      return w & (UInt64.max &>> UInt64((8 &- n) &* 8))  // the name's n bytes (1 ≤ n ≤ 8)
    }
    return slowKey(bytes, start, end)
  }

  /// ``key(_:_:_:)`` byte by byte: near the end of the text, or for a name of more than 8 bytes.
  private static func slowKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var hash: UInt64 = 0
    var word: UInt64 = 0
    var shift: UInt64 = 0
    for i in start..<end {
      word |= UInt64(bytes[i]) << shift
      shift += 8
      if shift == 64 && end - start > 8 {
        hash = Mix.finalize(hash ^ word)
        (word, shift) = (0, 0)
      }
    }
    return end - start <= 8 ? word : Mix.finalize(hash ^ word ^ UInt64(end - start))
  }

  /// Looks up the name `range` of `bytes`, whose key is `key`.
  @inline(__always) func probe(_ key: UInt64, _ range: SourceRange, in bytes: UnsafeBufferPointer<UInt8>) -> Probe {
    let length = Int32(truncatingIfNeeded: range.end - range.start)
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while slots[slot].index >= 0 {
        let s = slots[slot]
        if s.key == key && s.length == length && (length <= 8 || sameName(Int(s.index), range, bytes)) {
          return Probe(index: Int(s.index), slot: slot)
        }
        slot = (slot + 1) & mask
      }
      return Probe(index: nil, slot: slot)
    }
  }

  /// Whether entry `i`'s name has the bytes of `range` (names of more than 8 bytes).
  private func sameName(_ i: Int, _ range: SourceRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[i]
    return (0..<(range.end - range.start)).allSatisfy { bytes[start + $0] == bytes[range.start + $0] }
  }

  /// Enters the name at `range` with key `key`, which `probe` did not find, as `entry`; its index.
  mutating func insert(_ entry: consuming Entry, key: UInt64, at probe: Probe, range: SourceRange) -> Int {
    let index = entries.count
    slots[probe.slot] = Slot(key: key, length: Int32(truncatingIfNeeded: range.end - range.start), index: Int32(index))
    entries.append(entry)
    starts.append(range.start)
    if entries.count * 2 > slots.count { grow() }
    return index
  }

  /// The index of the name at `range` of `bytes`, entered as `entry(range)` on first sight.
  mutating func index(of range: SourceRange, in bytes: UnsafeBufferPointer<UInt8>, entry: (SourceRange) -> Entry) -> Int
  {
    let key = Self.key(bytes, range.start, range.end)
    let p = probe(key, range, in: bytes)
    return p.index ?? insert(entry(range), key: key, at: p, range: range)
  }

  /// Room, in an empty table, for the names of a text of `bytes` bytes: entries for one name a
  /// 32 bytes, so that a long text's entries are not moved as they grow (Bratu has one a 53
  /// bytes), and slots for one a 64 bytes without doubling (a doubling rehashes every name).
  mutating func reserve(forTextBytes bytes: Int) {
    entries.reserveCapacity(bytes / 32)
    starts.reserveCapacity(bytes / 32)
    var count = slots.count
    while count < bytes / 32 { count *= 2 }
    guard entries.isEmpty, count > slots.count else { return }
    slots = [Slot](repeating: Slot(), count: count)
    shift = 64 - UInt64(count.trailingZeroBitCount)
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count * 2)
    shift -= 1
    let mask = slots.count - 1
    for s in old where s.index >= 0 {
      var slot = Int(truncatingIfNeeded: (s.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while slots[slot].index >= 0 { slot = (slot + 1) & mask }
      slots[slot] = s
    }
  }
}
