import Testing

@testable import JacCore

/// ``DerivativeCost`` on small roots (walked as trees), worked out by hand from its formulas.
@Suite struct DerivativeCostTests {
  /// Bratu's rows `u{i-1} - 2*u{i} + u{i+1} + exp(u{i})/(n+1)^2`, as `jacobian` reads them.
  private func bratu(_ f: Fixture, _ n: Int) -> (rows: [Expr], variables: [Expr]) {
    let c = "1/\((n + 1) * (n + 1))"
    let rows = (1...n).map { i in
      let left = i > 1 ? "u\(i - 1) - " : "-"
      let right = i < n ? " + u\(i + 1)" : ""
      return f.parse("\(left)2*u\(i)\(right) + \(c)*exp(u\(i))")
    }
    return (rows, (1...n).map { f.pool.symbol("u\($0)") })
  }

  /// An inner row: the terms u (V 1, A 1), −2·u (A 1 + 2·1, work 3), u, c·exp(u) (exp: A 1·1 + 1,
  /// work 2 + 10; the product: A 2 + 2·1, work 12 + 4); the sum: V 4, A 9, work 19 + 9 + 4·4/4
  /// = 32. An end row has three terms: V 3, A 8, work 19 + 8 + 3·3/4 = 29. The bound is the
  /// same with the variables in a list (n ≤ 16) and in a table by symbol (n > 16).
  @Test(arguments: [10, 20])
  func bratuRows(_ n: Int) {
    let f = Fixture()
    let (rows, variables) = bratu(f, n)
    var cost = DerivativeCost(pool: f.pool, variables: variables)
    #expect(cost.work(rows) == 32 * (n - 2) + 2 * 29)
  }

  /// A symbol that is not a variable is a constant: along v only, the rows' terms in u are 0.
  @Test func otherSymbolsAreConstants() {
    let f = Fixture()
    let (rows, _) = bratu(f, 20)
    var cost = DerivativeCost(pool: f.pool, variables: [f.pool.symbol("v")])
    #expect(cost.work(rows) == 0)
  }

  /// The Jacobian's pattern takes the small rows' bound on its own walk of them
  /// (``SparsityPattern/smallRowsWork``), and the cost's pass then walks only the large rows:
  /// the same bound as the cost's own pass, on Bratu, on random rows (seed 47) beside a large
  /// one, `undefined` and |x·y|, with variables named twice.
  @Test func patternTakesTheSmallRowsBound() {
    let f = Fixture()
    let (bratuRows, bratuVariables) = bratu(f, 20)
    var rng = SeededGenerator(seed: 47)
    let (x, y, z) = (f.pool.symbol("x"), f.pool.symbol("y"), f.pool.symbol("z"))
    var chain = f.pool.add(f.pool.multiply(x, y), z)
    for k in 0..<40 { chain = f.pool.call(k % 2 == 0 ? .sin : .exp, f.pool.add(chain, x)) }
    let others = [chain, f.pool.undefined, f.pool.call(.abs, f.pool.multiply(x, y))]
    let random = (0..<30).map { _ in RandomExpression.make(f.pool, depth: 4, using: &rng) } + others
    for (rows, variables) in [(bratuRows, bratuVariables), (random, [x, y, z, x, y, z, f.pool.symbol("w")])] {
      let pattern = f.engine.differentiator.pattern(rows, variables)
      #expect(pattern.smallRowsWork != nil)
      var cost = DerivativeCost(pool: f.pool, variables: variables)
      var rest = DerivativeCost(pool: f.pool, variables: variables)
      #expect(rest.work(rows, smallRootsWork: pattern.smallRowsWork) == cost.work(rows))
    }
  }
}
