/// The Jacobian at work (issue 18): the engine steps of the commands that use the Jacobian for
/// something beyond the matrix. Each is named in its ``CommandDescription``.
extension Engine {
  /// det JᵀJ for an m×n Jacobian with m > n, simplified: the Gram determinant squared.
  ///
  ///     G = JᵀJ,  G[i][k] = Σₗ ∂fₗ/∂xᵢ · ∂fₗ/∂xₖ   (n×n, symmetric)
  ///
  /// Its square root is the factor by which the map scales n-dimensional volume onto its
  /// image: for a surface x(u, v), √det G = |x_u × x_v|, so dS = √det G du dv; for a curve,
  /// √det G = |x'(t)|. Each entry of G is simplified before the determinant is taken (so the
  /// sphere's G is diag(R², R²·sin²p), and its determinant R⁴·sin²p, whose root is
  /// R²·|sin p|). With `--assume` (not yet in jac), sign facts would turn |sin p| into sin p here.
  func gramDeterminant(_ c: Context) throws(JacError) -> Expr {
    let n = c.variables.count
    if n > Limits.determinantSize { throw .limit(.determinantSize(n)) }
    let j = try jacobian(c)
    var g = Matrix(rows: n, columns: n, entries: Array(repeating: pool.zero, count: n * n))
    for i in 0..<n {
      for k in i..<n {
        let entry = try finish(pool.add((0..<j.rows).map { l in pool.multiply(j[l, i], j[l, k]) }), c)
        g[i, k] = entry
        g[k, i] = entry
      }
    }
    return try finish(pool.determinant(g), c)
  }
}

extension Engine {
  /// logdet: log|det J|, simplified, the log-likelihood correction of a normalizing flow
  /// (log p_x(x) = log p_z(f(x)) + log|det ∂f/∂x|). With m > n functions, ½·log det(JᵀJ),
  /// taken as log √det(JᵀJ) of the simplified Gram determinant (the same value; the simplifier
  /// keeps whichever form is shorter). A determinant that simplifies to 0 is an error.
  func logDeterminantValue(_ c: Context) throws(JacError) -> Computed {
    let det = try determinantValue(c)
    guard case .scalar(let d) = det.value else { return det }
    if d == pool.zero { throw .logOfSingular }
    let magnitude = det.determinantKind == .gram ? d : pool.call(.abs, d)
    var result = det
    result.value = .scalar(try finish(pool.call(.log, magnitude), c))
    return result
  }
}

extension Engine {
  /// linearize: the state-space matrices of x' = f(x, u), y = h(x, u) about a point,
  ///
  ///     A = ∂f/∂x (n×n),  B = ∂f/∂u (n×m),  C = ∂h/∂x (p×n),  D = ∂h/∂u (p×m),
  ///
  /// so that δx' ≈ A·δx + B·δu and δy ≈ C·δx + D·δu. Symbolic; `--at` substitutes values for
  /// some or all of the state and input names afterwards (Engine+Point.swift), since one call
  /// computes all four. B and D are left out without inputs, C and D without outputs.
  func linearizationValue(_ c: Context) throws(JacError) -> Computed {
    guard let setting = c.request.linearization else { throw .notApplicable(.missing(.state, command: .linearize)) }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    let x = setting.state.map(pool.symbol)
    let u = setting.input.map(pool.symbol)
    if f.count != x.count { throw .stateCount(functions: f.count, states: x.count) }
    var h: [Expr] = []
    if let text = setting.output {
      do {
        h = try Parser.parseComponents(text, in: pool, functions: Set(c.request.functions)).map(\.expression)
      } catch {
        throw .optionParse(error, option: "--output", text: text)
      }
      if let d = c.definitions { h = pool.substitute(h, d.bindings) }
      h = try h.map { e throws(JacError) in try finish(e, c) }
    }
    var matrices: [(name: String, matrix: Matrix)] = [("A", try partials(f, x, c))]
    if !u.isEmpty { matrices.append(("B", try partials(f, u, c))) }
    if !h.isEmpty {
      matrices.append(("C", try partials(h, x, c)))
      if !u.isEmpty { matrices.append(("D", try partials(h, u, c))) }
    }
    return Computed(value: .labelled(matrices))
  }

  /// ∂fᵢ/∂xⱼ of simplified functions, each entry simplified, within the size and work limits.
  func partials(_ f: [Expr], _ x: [Expr], _ c: Context) throws(JacError) -> Matrix {
    try checkSize(rows: f.count, columns: x.count)
    try checkDerivativeWork(f, along: x)
    return try differentiator.jacobian(f, x).map { e throws(JacError) in try finish(e, c) }
  }
}
