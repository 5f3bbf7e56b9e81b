/// The adjugate, for the symbolic inverse A⁻¹ = adj(A) / det(A).
///
/// adj(A)[j][i] = (−1)^{i+j}·det(A with row i and column j removed): the transpose of the
/// cofactor matrix, computed without division (each minor by ``determinant(_:)``), so
/// A·adj(A) = det(A)·I holds exactly before any simplification.
extension ExpressionPool {
  public func adjugate(_ a: Matrix) -> Matrix {
    precondition(a.isSquare)
    let n = a.rows
    if n == 1 { return Matrix(rows: 1, columns: 1, entries: [one]) }
    var adj = Matrix(rows: n, columns: n, entries: Array(repeating: zero, count: n * n))
    for i in 0..<n {
      for j in 0..<n {
        var minor: [Expr] = []
        minor.reserveCapacity((n - 1) * (n - 1))
        for r in 0..<n where r != i {
          for c in 0..<n where c != j { minor.append(a[r, c]) }
        }
        let d = determinant(Matrix(rows: n - 1, columns: n - 1, entries: minor))
        adj[j, i] = (i + j) % 2 == 0 ? d : negate(d)
      }
    }
    return adj
  }
}
