/// `det`, `logdet` and `inverse --steps` (issue 18): how a determinant was computed.
extension Engine {
  /// `det --steps`: the Jacobian (JᵀJ for a Gram determinant) with its entries simplified, the
  /// cofactor expansion along the first row up to 3×3,
  ///
  ///     det A = Σⱼ (−1)^(1+j) · a₁ⱼ · det M₁ⱼ,
  ///
  /// the raw determinant as the expansion builds it, and each rewrite of the simplifier with
  /// its rules' names (`pythagorean` turns r·cos²t + r·sin²t into r).
  func determinantSteps(_ c: Context) throws(JacError) -> DeterminantSteps {
    if c.request.entry != nil { throw .entryOfEachFunction(c.request.command) }
    let gram = c.functions.count > c.variables.count
    var a = try gram ? gramMatrix(c) : squareJacobian(c)
    a = try a.map { e throws(JacError) in try finish(e, c) }
    var cofactors: [Expr] = []
    if a.rows <= 3 && a.rows > 1 {
      for j in 0..<a.columns {
        var minor: [Expr] = []
        for r in 1..<a.rows {
          for k in 0..<a.columns where k != j { minor.append(a[r, k]) }
        }
        let m = pool.determinant(Matrix(rows: a.rows - 1, columns: a.columns - 1, entries: minor))
        let term = pool.multiply(a[0, j], m)
        cofactors.append(j % 2 == 0 ? term : pool.negate(term))
      }
    }
    let raw = pool.determinant(a)
    simplifier.trace = []
    let result = try finish(raw, c)
    let rewrites = simplifier.trace ?? []
    simplifier.trace = nil
    var steps = DeterminantSteps(
      name: gram ? "JᵀJ" : "J", matrix: a, cofactors: cofactors, raw: raw, simplification: rewrites, result: result)
    if c.request.command == .inverse && result != pool.zero {
      // J⁻¹ = adj(J)/det J, each entry simplified as inverseValue does.
      let reciprocal = pool.reciprocal(result)
      for e in pool.adjugate(a).entries {
        let entry = pool.multiply(e, reciprocal)
        simplifier.trace = []
        let simplified = try finish(entry, c)
        steps.inverseEntries.append((entry, simplifier.trace ?? [], simplified))
        simplifier.trace = nil
      }
    }
    return steps
  }
}
