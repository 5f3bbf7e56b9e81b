import Testing

@testable import JacCore

/// The memo table ``ExprMap`` answers as a `Dictionary` would, through growth and clearing.
@Suite struct ExprMapTests {
  /// Random writes and reads (fixed seed) against a dictionary, clearing now and then both ways:
  /// a big table with few keys empties just their slots, a full one every slot.
  @Test func agreesWithDictionary() {
    var rng = SeededGenerator(seed: 20_261_129)
    var map = ExprMap<Int>()
    var reference: [Int32: Int] = [:]
    for step in 0..<20_000 {
      let key = Int32(rng.next() % (step < 10_000 ? 3_000 : 40))
      let value = Int(rng.next() % 1_000)
      map[Expr(key)] = value
      reference[key] = value
      let probe = Int32(rng.next() % 3_100)
      #expect(map[Expr(probe)] == reference[probe])
      if step % 2_500 == 2_499 {
        map.removeAll(keepingCapacity: step % 5_000 == 4_999)
        reference.removeAll()
        #expect(map.isEmpty && map[Expr(key)] == nil)
      }
      #expect(map.count == reference.count)
    }
    for key in 0..<Int32(3_100) {
      #expect(map[Expr(key)] == reference[key])
    }
  }

  /// After a big call, a small one clears only its own slots and leaves no stale entry.
  @Test func clearingFewKeysInABigTable() {
    var map = ExprMap<Int32>()
    for id in 0..<Int32(5_000) { map[Expr(id)] = id }
    map.removeAll(keepingCapacity: true)
    for round in 0..<Int32(50) {
      for id in 0..<Int32(7) { map[Expr(id * 977 + round)] = round }
      for id in 0..<Int32(7) { #expect(map[Expr(id * 977 + round)] == round) }
      #expect(map.count == 7)
      map.removeAll(keepingCapacity: true)
      for id in 0..<Int32(5_000) where map[Expr(id)] != nil { Issue.record("stale key \(id)") }
    }
  }
}
