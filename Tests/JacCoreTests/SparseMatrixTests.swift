import Testing

@testable import JacCore

/// ``Matrix`` holds only its nonzeros, row by row; every view of it agrees with the dense
/// matrix it stands for, and a big sparse Jacobian is built without n·m work.
@Suite struct SparseMatrixTests {
  /// A random m×n matrix of small integers, about a third of them 0, dense and sparse.
  private func randomMatrix(_ pool: ExpressionPool, _ m: Int, _ n: Int, _ rng: inout SeededGenerator) -> [Expr] {
    (0..<m * n).map { _ in
      Int.random(in: 0..<3, using: &rng) == 0
        ? pool.number(Rational(BigInt(Int.random(in: -5...5, using: &rng)))) : pool.zero
    }
  }

  /// Entries, rows, subscripts, transposes, the column order, setting an entry and `map` agree
  /// with the dense row-major array (seed 7).
  @Test func viewsAgreeWithTheDenseMatrix() {
    let pool = ExpressionPool()
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<50 {
      let (m, n) = (Int.random(in: 0...6, using: &rng), Int.random(in: 0...6, using: &rng))
      let dense = randomMatrix(pool, m, n, &rng)
      var a = Matrix(rows: m, columns: n, entries: dense)
      #expect(a.entries == dense)
      #expect(a.nonzeroCount == dense.filter { $0 != pool.zero }.count)
      #expect(!a.values.contains(pool.zero))
      for i in 0..<m {
        #expect(a.row(i) == Array(dense[i * n..<(i + 1) * n]))
        for j in 0..<n { #expect(a[i, j] == dense[i * n + j]) }
      }
      let t = a.transposed
      for i in 0..<m { for j in 0..<n { #expect(t[j, i] == a[i, j]) } }
      #expect(t.transposed == a)
      // Column order: by column, then by row; positions into `values`.
      let (order, starts, rowOf) = a.columnOrder()
      var k = 0
      for j in 0..<n {
        #expect(starts[j] == k)
        for i in 0..<m where dense[i * n + j] != pool.zero {
          #expect(rowOf[k] == i && a.values[order[k]] == dense[i * n + j])
          k += 1
        }
      }
      #expect(starts[n] == k)
      // map: x ↦ 2x + 1 is not 0 at 0, so every entry changes; x ↦ x² keeps the zeros.
      let affine = a.map { pool.add(pool.multiply(pool.number(Rational(BigInt(2))), $0), pool.one) }
      #expect(affine.entries == dense.map { pool.add(pool.multiply(pool.number(Rational(BigInt(2))), $0), pool.one) })
      #expect(a.map { pool.multiply($0, $0) }.entries == dense.map { pool.multiply($0, $0) })
      // Setting entries to 0 and to nonzeros keeps the invariants.
      if m > 0 && n > 0 {
        var expected = dense
        for _ in 0..<5 {
          let (i, j) = (Int.random(in: 0..<m, using: &rng), Int.random(in: 0..<n, using: &rng))
          let v = Bool.random(using: &rng) ? pool.zero : pool.symbol("x")
          a[i, j] = v
          expected[i * n + j] = v
        }
        #expect(a == Matrix(rows: m, columns: n, entries: expected))
      }
    }
  }

  /// Built by columns (the Jacobian's order), the matrix is the same as from its dense entries;
  /// entries given as 0 are dropped.
  @Test func builtByColumns() {
    let pool = ExpressionPool()
    let x = pool.symbol("x")
    let columns: [[(row: Int, value: Expr)]] = [[(0, x), (2, pool.zero)], [], [(1, pool.one), (2, x)]]
    let a = Matrix(rows: 3, columns: 3, byColumn: columns)
    #expect(a.entries == [x, pool.zero, pool.zero, pool.zero, pool.zero, pool.one, pool.zero, pool.zero, x])
    #expect(a.nonzeroCount == 3)
    #expect(a.rowStarts == [0, 1, 2, 3])
  }

  /// The Jacobian of Bratu's system with n = 20,000 has 59,998 nonzeros among 4·10⁸ entries:
  /// built, simplified and listed through the engine with no m·n array (the old dense matrix
  /// was refused at 4·10⁶ entries). Its entries are the tridiagonal pattern with the right
  /// values.
  @Test func bigSparseJacobian() throws {
    let n = 20_000
    let denominator = (n + 1) * (n + 1)
    let h = "1/\(denominator)"
    let rows = (1...n).map { i in
      (i > 1 ? "u\(i - 1)" : "0") + " - 2*u\(i) + " + (i < n ? "u\(i + 1)" : "0") + " + \(h)*exp(u\(i))"
    }
    let engine = Engine()
    let request = Request(command: .jacobian, inputs: [rows.joined(separator: ", ")])
    let answer = try DeepStack.run { () -> Result<Answer, JacError> in
      do throws(JacError) { return .success(try engine.run(request)) } catch { return .failure(error) }
    }.get()
    guard case .matrix(let j) = answer.value else {
      Issue.record("not a matrix")
      return
    }
    #expect(j.rows == n && j.columns == n)
    #expect(j.nonzeroCount == 3 * n - 2)
    #expect(answer.variables.first == "u1" && answer.variables.last == "u\(n)")
    let text = TextPrinter(pool: engine.pool)
    #expect(text.string(j[0, 0]) == "exp(u1)/\(denominator) - 2")
    #expect(text.string(j[n - 1, n - 2]) == "1")
    #expect(text.string(j[4, 5]) == "1")
    #expect(j[4, 7] == .zero)
  }
}
