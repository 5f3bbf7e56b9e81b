/// The distinct names of one text, found by their UTF-8 bytes (FNV-1a into an open-addressing
/// table), so that the parser makes a name's `String` and asks what it denotes once per distinct
/// name rather than once per occurrence (issue 20: a Bratu system of 100,000 equations reads
/// 400,000 names, 100,000 of them distinct).
struct NameTable {
  /// What the parser knows of a name.
  struct Entry {
    var name: String
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

  /// FNV-1a of some bytes.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h ^ (h >> 32)
  }

  /// The index of the name at `range` of `bytes`, entered (with `name(range)`) on first sight.
  mutating func index(of range: SourceRange, in bytes: [UInt8], name: (SourceRange) -> String) -> Int {
    let (found, slot, hash) = bytes.withUnsafeBufferPointer { text -> (Int?, Int, UInt64) in
      let key = UnsafeBufferPointer(rebasing: text[range.start..<range.end])
      let hash = Self.hash(key)
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 {
        let i = Int(slots[slot])
        if hashes[i] == hash && Self.equal(key, UnsafeBufferPointer(rebasing: text[ranges[i].start..<ranges[i].end])) {
          return (i, slot, hash)
        }
        slot = (slot + 1) & mask
      }
      return (nil, slot, hash)
    }
    if let found { return found }
    slots[slot] = Int32(entries.count)
    entries.append(Entry(name: name(range)))
    ranges.append(range)
    hashes.append(hash)
    if entries.count * 2 > slots.count { grow() }
    return entries.count - 1
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
