import Testing

@testable import JacCore

/// Walks over distinct nodes (`ExpressionPool+Traversal.swift`).
@Suite struct TraversalTests {
  static let names = ["x10", "x2", "x1", "y", "x01", "b", "a1", "Z", "u100", "u99", "u_1", "alpha", "x"]

  /// The free symbols come in the order of their names (``ExpressionPool/compareNames(_:_:)``),
  /// whatever order the input has them in; as nodes, the same symbols.
  @Test func freeSymbolsInNameOrder() throws {
    let pool = ExpressionPool()
    var rng = SplitMix64(seed: 11)
    let expected = Self.names.sorted { ExpressionPool.compareNames($0, $1) < 0 }
    for _ in 0..<20 {
      let shuffled = Self.names.shuffled(using: &rng)
      let text = shuffled.joined(separator: " + ") + " + sin(\(shuffled[0])*\(shuffled[1]))"
      let roots = [try Parser.parseExpression(text, in: pool), try Parser.parseExpression("exp(x)*2", in: pool)]
      #expect(pool.freeSymbols(roots) == expected)
      #expect(pool.freeSymbolNodes(roots) == expected.map(pool.symbol))
    }
    #expect(pool.freeSymbols([pool.number(3)]).isEmpty)
  }

  /// Symbols are numbered in the order the pool made them, below ``ExpressionPool/symbolCount``;
  /// other nodes have no number.
  @Test func symbolNumbers() throws {
    let pool = ExpressionPool()
    let e = try Parser.parseExpression("b*exp(a) + 2", in: pool)
    let (b, a) = (pool.symbol("b"), pool.symbol("a"))
    #expect(pool.symbolNumber(b)! + 1 == pool.symbolNumber(a)!)
    #expect(pool.symbolNumber(a)! < pool.symbolCount)
    #expect(pool.symbolNumber(e) == nil)
    #expect(pool.symbolNumber(pool.number(2)) == nil)
  }

  /// A walk from several roots visits each distinct node once, the nodes ``distinctNodes(_:)``
  /// lists, and stops when asked.
  @Test func walkVisitsEachNodeOnce() throws {
    let pool = ExpressionPool()
    let roots = try ["x*y + sin(x*y)", "(x*y)^2 - 3", "sin(x*y) + z"].map { try Parser.parseExpression($0, in: pool) }
    var visited: [Expr] = []
    pool.forEachDistinctNode(roots) { e in
      visited.append(e)
      return true
    }
    #expect(visited.count == Set(visited).count)
    #expect(Set(visited) == Set(pool.distinctNodes(roots)))
    #expect(visited.first == roots[0])
    var count = 0
    pool.forEachDistinctNode(roots) { _ in
      count += 1
      return count < 3
    }
    #expect(count == 3)
  }
}
