/// The engine step of each command, named in its ``CommandDescription``: the symbolic result,
/// every entry simplified.
extension Engine {
  /// simplify: each function, simplified.
  func simplifiedValue(_ c: Context) throws(JacError) -> Computed {
    let results = try c.functions.map { f throws(JacError) in try finish(f, c) }
    return Computed(value: results.count == 1 ? .scalar(results[0]) : .list(results))
  }

  /// diff: ∂ᵏfᵢ/∂x₁…∂xₖ along `--wrt` (default: the variables), left to right.
  func derivativeValue(_ c: Context) throws(JacError) -> Computed {
    let along = (c.request.along ?? c.variableNames).map(pool.symbol)
    if along.isEmpty { throw .noVariables }
    let results = try c.functions.map { f throws(JacError) in
      var g = try finish(f, c)
      for x in along {
        try checkDerivativeWork([g], along: [x])
        g = differentiator.derivative(g, x)
      }
      return try finish(g, c)
    }
    return Computed(value: results.count == 1 ? .scalar(results[0]) : .list(results))
  }

  /// jacobian (and sparsity): J[i][j] = ∂fᵢ/∂xⱼ.
  func jacobianValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    return Computed(value: .matrix(try jacobian(c)))
  }

  /// det: det J of a square system; with more functions than variables, the Gram determinant
  /// √det(JᵀJ) (Engine+Applied.swift).
  func determinantValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    let size = (rows: c.functions.count, columns: c.variables.count)
    if size.rows > size.columns {
      let gram = try gramDeterminant(c)
      return Computed(
        value: .scalar(try finish(pool.sqrt(gram), c)), determinantKind: .gram,
        jacobianSize: size)
    }
    let det = try finish(pool.determinant(try squareJacobian(c)), c)
    return Computed(value: .scalar(det), determinantKind: .jacobian, jacobianSize: size)
  }

  /// inverse: J⁻¹ = adj(J)/det(J), each entry simplified; a determinant that simplifies to 0 is an
  /// error. det J comes with it (the inverse exists where it is not zero).
  func inverseValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    let j = try squareJacobian(c)
    let det = try finish(pool.determinant(j), c)
    if det == pool.zero { throw .singular }
    let reciprocal = pool.reciprocal(det)
    let inverse = try pool.adjugate(j).map { e throws(JacError) in try finish(pool.multiply(e, reciprocal), c) }
    return Computed(value: .matrix(inverse), determinant: det)
  }

  /// grad: ∇f[j] = ∂f/∂xⱼ, an n×1 column.
  func gradientValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    let f = try onlyFunction(c)
    try checkDerivativeWork([f], along: c.variables)
    let gradient = differentiator.gradient(f, c.variables)
    return Computed(value: .matrix(try gradient.map { e throws(JacError) in try finish(e, c) }))
  }

  /// hessian: H[i][j] = ∂²f/∂xᵢ∂xⱼ, sparse like the Jacobian (``Differentiator/hessian(gradient:_:finish:)``).
  func hessianValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    let f = try onlyFunction(c)
    try checkDerivativeWork([f], along: c.variables)
    let first = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in try finish(e, c) }
    try checkNonzeros(differentiator.pattern(first, c.variables))
    try checkDerivativeWork(first, along: c.variables)
    let hessian = try differentiator.hessian(gradient: first, c.variables) { e throws(JacError) in try finish(e, c) }
    return Computed(value: .matrix(hessian))
  }

  /// newton: the iterates of Newton's method (Engine+Numeric.swift).
  func newtonValue(_ c: Context) throws(JacError) -> Computed {
    try needsVariables(c)
    return Computed(value: .newton(try newtonWithExactRoot(c)))
  }

  // MARK: Shared by the steps

  private func needsVariables(_ c: Context) throws(JacError) {
    if c.variables.isEmpty { throw .noVariables }
  }

  /// The one function of grad and hessian, simplified.
  private func onlyFunction(_ c: Context) throws(JacError) -> Expr {
    guard c.functions.count == 1 else { throw .notScalar(command: c.request.command, count: c.functions.count) }
    return try finish(c.functions[0], c)
  }

  /// J, sparse: only the entries whose function holds the variable are differentiated and
  /// simplified, and at most ``Limits/nonzeros`` of them (counted before any is).
  func jacobian(_ c: Context) throws(JacError) -> Matrix {
    let simplified = try finish(each: c.functions, c)
    let pattern = differentiator.pattern(simplified, c.variables)
    try checkNonzeros(pattern)
    try checkDerivativeWork(simplified, along: c.variables, smallRowsWork: pattern.smallRowsWork)
    let j = differentiator.jacobian(simplified, c.variables, pattern: pattern)
    return try simplifying { () throws(JacError) in
      try j.map { e throws(JacError) in try finishUntimed(e, c) }
    }
  }

  /// The Jacobian for det and inverse: square, and within ``Limits/determinantSize``.
  func squareJacobian(_ c: Context) throws(JacError) -> Matrix {
    let (rows, columns) = (c.functions.count, c.variables.count)
    guard rows == columns else { throw .notSquare(command: c.request.command, rows: rows, columns: columns) }
    if rows > Limits.determinantSize { throw .limit(.determinantSize(rows)) }
    return try jacobian(c)
  }

  /// Differentiating `functions` along each of `variables` must keep the request within
  /// ``Limits/derivativeWork``, by the bound ``DerivativeCost`` takes before any of it is done;
  /// the passes of one request add up (`diff --wrt x,x,…`, the Hessian's two).
  ///
  /// Small functions skip the pass (a batch line is a few microseconds, and the pass was 7% of
  /// a batch): the bound is at most 4·n·T⁴ for a function of T nodes as a tree (A(e) ≤ 2·n·T³
  /// by induction, over at most T nodes), counted instead when it is below 1/64 of the limit.
  ///
  /// `smallRowsWork` is the small functions' part when the Jacobian's pattern took it
  /// (``SparsityPattern/smallRowsWork``).
  func checkDerivativeWork(_ functions: [Expr], along variables: [Expr], smallRowsWork: Int? = nil)
    throws(JacError)
  {
    let n = Double(variables.count)
    let quick = functions.reduce(0.0) { t, f in t + 4 * n * pow4(Double(pool.treeSize(f))) }
    if quick <= Double(Limits.derivativeWork / 64), derivativeWork + Int(quick) <= Limits.derivativeWork {
      derivativeWork += Int(quick)
      return
    }
    var cost = DerivativeCost(pool: pool, variables: variables)
    derivativeWork = min(derivativeWork + cost.work(functions, smallRootsWork: smallRowsWork), TextLength.cap)
    if derivativeWork > Limits.derivativeWork { throw .limit(.derivativeWork(derivativeWork)) }
  }

  private func pow4(_ t: Double) -> Double { t * t * t * t }

  /// A matrix that is used or shown whole (``Matrix/entries``: `--check`, `--steps`, the
  /// second-derivative test, matrix calculus's expansion) must stay within ``Limits/denseEntries``.
  func checkSize(rows: Int, columns: Int) throws(JacError) {
    if rows * columns > Limits.denseEntries { throw .limit(.denseEntries(rows: rows, columns: columns)) }
  }

  /// The structural nonzeros of a Jacobian or Hessian (a function holding a variable; `pattern`
  /// lists them by column) must stay within ``Limits/nonzeros``.
  func checkNonzeros(_ pattern: SparsityPattern) throws(JacError) {
    let count = pattern.count
    if count > Limits.nonzeros { throw .limit(.nonzeros(count)) }
  }
}
