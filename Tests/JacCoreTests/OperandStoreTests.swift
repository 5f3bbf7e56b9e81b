import Testing

@testable import JacCore

/// The pool's operand store (blocks that never move) and the ``Operands`` it hands out in place.
@Suite struct OperandStoreTests {
  /// Lists are contiguous, never cross a block, and keep their operands while later lists fill
  /// new blocks; one longer than a block gets a block of several slots.
  @Test func listsStayInPlaceAcrossBlocks() {
    let store = OperandStore()
    var lists: [(start: Int, values: [Expr])] = []
    // 40,000 places, then 50,000 (a second block), then 70,000 (a block of two slots), then 3.
    for (k, n) in [40_000, 50_000, 70_000, 3].enumerated() {
      let values = (0..<n).map { Expr(Int32(k * 100_000 + $0)) }
      let room = store.reserve(n)
      values.withUnsafeBufferPointer { room.memory.initialize(from: $0.baseAddress!, count: n) }
      lists.append((room.start, values))
    }
    #expect(lists.map(\.start) == [0, 1 << 16, 2 << 16, 2 << 16 + 70_000])
    #expect(store.stored == 160_003)
    for (start, values) in lists {
      #expect(store.contains(start, values.count))
      #expect(Operands(store, start: start, count: values.count).elementsEqual(values))
      #expect(values == Operands(store, start: start, count: values.count))
    }
    #expect(!store.contains(store.end, 1))
  }

  /// A view outlives its pool's other references and still reads its operands.
  @Test func operandsKeepTheirStoreAlive() {
    var pool: ExpressionPool? = ExpressionPool()
    let (x, y) = (pool!.symbol("x"), pool!.symbol("y"))
    let view = pool!.operands(pool!.add(x, y))
    pool = nil
    #expect(Array(view) == [x, y])
  }

  /// A sum of more terms than a block holds is stored, read and found again whole.
  @Test func sumLongerThanABlock() throws {
    let pool = ExpressionPool()
    let terms = (1...70_000).map { pool.symbol("x\($0)") }
    let sum = pool.add(terms)
    #expect(pool.operandCount(sum) == 70_000)
    #expect(Array(pool.operands(sum)) == terms)
    #expect(pool.add(terms.reversed()) == sum)
    try pool.checkInvariants()
  }

  /// Operands in the store lend their memory (and a product's factors after its coefficient are
  /// interned from there); one held inline lends none.
  @Test func contiguousStorageAndTheRestOfAProduct() {
    let pool = ExpressionPool()
    let (x, y) = (pool.symbol("x"), pool.symbol("y"))
    let product = pool.multiply([pool.number(2), x, y])
    #expect(pool.operands(product).withContiguousStorageIfAvailable { Array($0) } == [pool.number(2), x, y])
    #expect(pool.factors(x).withContiguousStorageIfAvailable { $0.count } == nil)
    let (c, rest) = pool.coefficientAndRest(product)
    #expect(c == Rational(2))
    #expect(rest == pool.multiply(x, y))
  }

  /// `factors` and `terms`: a product's or sum's operands, anything else alone.
  @Test func factorsAndTermsOfOneExpression() {
    let pool = ExpressionPool()
    let (x, y) = (pool.symbol("x"), pool.symbol("y"))
    let product = pool.multiply(x, y)
    #expect(Array(pool.factors(product)) == [x, y])
    #expect(Array(pool.factors(x)) == [x])
    #expect(Array(pool.terms(product)) == [product])
    #expect(Array(pool.terms(pool.add(x, y))) == [x, y])
    #expect(pool.operands(x).isEmpty)
  }
}
