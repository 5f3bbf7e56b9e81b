import Testing

@testable import JacCore

/// The rational fast path of ``MatrixExpansion`` (Gauss–Jordan on exact rationals) gives what the
/// adjugate gives, adj(X)/det(X), entry for entry: the same pool nodes, since both are exact.
@Suite struct MatrixExpansionRationalTests {
  static func expansion(_ pool: ExpressionPool) -> MatrixExpansion {
    MatrixExpansion(context: MatrixContext(pool: pool, kinds: [:]), sizes: [:], bindings: [:], scalars: [:])
  }

  /// Seeded matrices of small rationals (some rows needing a pivot swap), sizes 1 to 6.
  @Test(arguments: 1...6)
  func agreesWithTheAdjugate(_ n: Int) throws {
    let pool = ExpressionPool()
    var seed: UInt64 = 20_261_130 &+ UInt64(n)
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 59) - 16
    }
    // A zero top-left entry makes the first column need a row swap.
    let entries = (0..<(n * n)).map { k in
      k == 0 && n > 1 ? pool.zero : pool.number(Rational(BigInt(next()), BigInt(abs(next()) + 1)))
    }
    let x = Matrix(rows: n, columns: n, entries: entries)
    let (determinant, inverse) = try #require(Self.expansion(pool).rationalInverse(x))
    let d = pool.determinant(x)
    #expect(determinant == d)
    let expected = pool.adjugate(x).map { pool.multiply($0, pool.reciprocal(d)) }
    let got = try #require(inverse)
    #expect(got.entries == expected.entries)
  }

  @Test func singularAndSymbolic() {
    let pool = ExpressionPool()
    let singular = Matrix(rows: 2, columns: 2, entries: [1, 2, 2, 4].map(pool.number))
    let result = Self.expansion(pool).rationalInverse(singular)
    #expect(result?.determinant == pool.zero && result?.inverse == nil)
    let symbolic = Matrix(rows: 1, columns: 1, entries: [pool.symbol("a")])
    #expect(Self.expansion(pool).rationalInverse(symbolic) == nil)
  }
}
