/// Gradients, Jacobians and Hessians.
///
/// For f: ℝⁿ → ℝᵐ with variables x₁…xₙ:
/// - the Jacobian is m×n, J[i][j] = ∂fᵢ/∂xⱼ; a scalar function (m = 1) has a 1×n row;
/// - the gradient of a scalar f is the n×1 column ∇f[j] = ∂f/∂xⱼ (the transpose of its Jacobian);
/// - the Hessian of a scalar f is n×n, H[i][j] = ∂²f/∂xᵢ∂xⱼ, symmetric by construction (the
///   upper triangle is computed and mirrored).
extension Differentiator {
  public func jacobian(_ functions: [Expr], _ variables: [Expr]) -> Matrix {
    var entries: [Expr] = []
    entries.reserveCapacity(functions.count * variables.count)
    for f in functions {
      for x in variables { entries.append(derivative(f, x)) }
    }
    return Matrix(rows: functions.count, columns: variables.count, entries: entries)
  }

  public func gradient(_ f: Expr, _ variables: [Expr]) -> Matrix {
    Matrix(rows: variables.count, columns: 1, entries: variables.map { derivative(f, $0) })
  }

  /// The Hessian; `finish` (for example the simplifier) is applied to the first derivatives
  /// before they are differentiated again, and to every entry.
  public func hessian<E: Error>(
    _ f: Expr, _ variables: [Expr], finish: (Expr) throws(E) -> Expr = { $0 }
  ) throws(E) -> Matrix {
    let n = variables.count
    var h = Matrix(rows: n, columns: n, entries: Array(repeating: pool.zero, count: n * n))
    let first = try variables.map { x throws(E) in try finish(derivative(f, x)) }
    for i in 0..<n {
      for j in i..<n {
        let d = try finish(derivative(first[i], variables[j]))
        h[i, j] = d
        h[j, i] = d
      }
    }
    return h
  }
}
