import Testing

@testable import JacCore

/// `ExpressionPool.reserve(forInputBytes:)` makes room only: a long input parsed into a pool
/// that reserved room for it gets the same nodes, with the same ids, as in one that grew.
@Suite struct PoolReserveTests {
  /// A Bratu-like system of 4,000 rows (about 150 KB, past the 64 KiB threshold).
  static let rows = (1...4_000).map { i in "u\(i) - 2*u\(i + 1) + exp(u\(i + 2))/7 + sin(u\(i))^2" }
    .joined(separator: ", ")

  @Test func reservedPoolGivesTheSameNodes() throws {
    let grown = ExpressionPool()
    let reserved = ExpressionPool()
    reserved.reserve(forInputBytes: Self.rows.utf8.count)
    #expect(reserved.count == grown.count, "reserving interns nothing")
    let a = try Parser.parseComponents(Self.rows, in: grown).map(\.expression)
    let b = try Parser.parseComponents(Self.rows, in: reserved).map(\.expression)
    #expect(a == b)
    #expect(reserved.count == grown.count)
    #expect(reserved.count > 20_000)
    try reserved.checkInvariants()
    // Every node is found again from its parts in the reserved pool's bigger table.
    let again = try Parser.parseComponents(Self.rows, in: reserved).map(\.expression)
    #expect(again == b)
    #expect(reserved.count == grown.count)
  }

  /// Short inputs leave the pool as it is, and reserving twice, or less than is there, is harmless.
  @Test func shortInputsAndRepeats() throws {
    let pool = ExpressionPool()
    pool.reserve(forInputBytes: 1_000)
    let x = try Parser.parseExpression("x + sin(x)", in: pool)
    pool.reserve(forInputBytes: 1 << 20)
    pool.reserve(forInputBytes: 1 << 17)
    #expect(try Parser.parseExpression("x + sin(x)", in: pool) == x)
    try pool.checkInvariants()
  }
}
