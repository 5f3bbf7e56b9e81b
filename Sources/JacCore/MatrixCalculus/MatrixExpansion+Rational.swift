/// det X and X⁻¹ of a matrix of rational numbers (a value of `--at`, a random draw of
/// `--check`), by Gauss–Jordan elimination on exact rationals: O(n³) operations, where the
/// adjugate takes n² determinants of order n − 1 (a 12×12 inverse was seconds).
///
///     [X | I]  →  row operations  →  [I | X⁻¹],   det X = (−1)^swaps · Π pivots
extension MatrixExpansion {
  /// Nil when an entry is not a rational number; the inverse is nil when X is singular.
  func rationalInverse(_ x: Matrix) -> (determinant: Expr, inverse: Matrix?)? {
    let n = x.rows
    var a: [[Rational]] = []
    for i in 0..<n {
      var row: [Rational] = []
      for j in 0..<n {
        guard let q = pool.rational(x[i, j]) else { return nil }
        row.append(q)
      }
      a.append(row + (0..<n).map { $0 == i ? Rational.one : Rational.zero })
    }
    var determinant = Rational.one
    for k in 0..<n {
      guard let p = (k..<n).first(where: { !a[$0][k].isZero }) else { return (pool.zero, nil) }
      if p != k {
        a.swapAt(p, k)
        determinant = -determinant
      }
      let pivot = a[k][k]
      determinant = determinant * pivot
      let scale = pivot.reciprocal
      a[k] = a[k].map { $0 * scale }
      for i in 0..<n where i != k && !a[i][k].isZero {
        let factor = a[i][k]
        for j in k..<(2 * n) where !a[k][j].isZero { a[i][j] = a[i][j] - factor * a[k][j] }
      }
    }
    let inverse = Matrix(rows: n, columns: n, entries: a.flatMap { $0[n...].map(pool.number) })
    return (pool.number(determinant), inverse)
  }
}
