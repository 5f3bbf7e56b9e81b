/// The differential of a matrix expression with respect to one declared variable X: an
/// expression linear in dX (``MatrixExpr/differential(_:)``), one rule per node kind
/// (Magnus & Neudecker, *Matrix Differential Calculus*, ch. 8–9; the Matrix Cookbook §2):
///
///     d(A + B)   = dA + dB
///     d(A·B)     = dA·B + A·dB                 (order kept: the product does not commute)
///     d(A ⊙ B)   = dA ⊙ B + A ⊙ dB
///     d(Aᵀ)      = (dA)ᵀ
///     d(X⁻¹)     = −X⁻¹·dX·X⁻¹
///     d f(Z)     = f'(Z) ⊙ dZ                  (f applied to each entry; f' from jac's table)
///     d diag(v)  = diag(dv),  d tr(X) = tr(dX),  d sum(X) = sum(dX)
///     d det(X)   = det(X)·tr(X⁻¹·dX)
///     d ‖x‖      = xᵀdx/‖x‖  (vector),  tr(XᵀdX)/‖X‖_F  (matrix)
///     d s        = Σₐ ∂s/∂a · da               (a scalar of the pool, a over its atoms)
///
/// `nil` is 0. The result is raw; ``MatrixSimplifier`` tidies it before identification.
struct MatrixDifferential {
  let context: MatrixContext
  let differentiator: Differentiator
  /// The variable X.
  let variable: String
  var pool: ExpressionPool { context.pool }

  /// (No walk first to ask whether `m` depends on X: that made a chain of n layers cost n².)
  func d(_ m: MatrixExpr) -> MatrixExpr? {
    switch m.kind {
    case .variable(let name): return name == variable ? context.differential(variable) : nil
    case .differential, .identity, .ones: return nil
    case .scalar(let e): return scalar(e)
    case .sum(let terms):
      let parts = terms.compactMap(d)
      return parts.isEmpty ? nil : .sum(parts)
    case .product(let factors): return productRule(factors, MatrixExpr.product)
    case .hadamard(let factors): return productRule(factors, MatrixExpr.hadamard)
    case .transpose(let a): return d(a).map(MatrixExpr.transpose)
    case .inverse(let a):
      return d(a).map { .product([.scalar(pool.minusOne), .inverse(a), $0, .inverse(a)]) }
    case .map(let body, let z): return elementwise(body, z)
    case .diag(let a): return d(a).map(MatrixExpr.diag)
    case .trace(let a): return d(a).map(MatrixExpr.trace)
    case .total(let a): return d(a).map(MatrixExpr.total)
    case .det(let a):
      return d(a).map { .product([.scalar(context.scalar(m)), .trace(.product([.inverse(a), $0]))]) }
    case .norm(let a):
      guard let da = d(a) else { return nil }
      let inner: MatrixExpr = .product([.transpose(a), da])
      let isVector = context.shape(a).columns == .one
      return .product([.scalar(pool.reciprocal(context.scalar(m))), isVector ? inner : .trace(inner)])
    }
  }

  /// d s = Σₐ ∂s/∂a · da over the atoms a of s that depend on X.
  private func scalar(_ e: Expr) -> MatrixExpr? {
    let parts: [MatrixExpr] = context.atoms(in: e).compactMap { atom in
      guard let da = d(atom.value) else { return nil }
      return .product([.scalar(differentiator.derivative(e, atom.symbol)), da])
    }
    return parts.isEmpty ? nil : parts.count == 1 ? parts[0] : .sum(parts)
  }

  private func productRule(_ factors: [MatrixExpr], _ make: ([MatrixExpr]) -> MatrixExpr) -> MatrixExpr? {
    var terms: [MatrixExpr] = []
    for i in factors.indices {
      guard let di = d(factors[i]) else { continue }
      var copy = factors
      copy[i] = di
      terms.append(make(copy))
    }
    return terms.isEmpty ? nil : terms.count == 1 ? terms[0] : .sum(terms)
  }

  /// d f(Z) = f'(Z) ⊙ dZ, and the part from the atoms of f's body (`c*□` with c = norm(y)).
  private func elementwise(_ body: Expr, _ z: MatrixExpr) -> MatrixExpr? {
    var terms: [MatrixExpr] = []
    if let dz = d(z) {
      let derivative = differentiator.derivative(body, context.placeholder)
      if !context.mentionsPlaceholder(derivative) {
        terms.append(.product([.scalar(derivative), dz]))
      } else {
        terms.append(.hadamard([.map(derivative, z), dz]))
      }
    }
    for atom in context.atoms(in: body) {
      guard let da = d(atom.value) else { continue }
      let partial = differentiator.derivative(body, atom.symbol)
      if context.mentionsPlaceholder(partial) {
        terms.append(.product([da, .map(partial, z)]))
      } else {  // the same for every entry: a multiple of the matrix of ones
        let s = context.shape(z)
        let ones: MatrixExpr =
          s.columns == .one ? .ones(s.rows) : .product([.ones(s.rows), .transpose(.ones(s.columns))])
        terms.append(.product([da, .scalar(partial), ones]))
      }
    }
    return terms.isEmpty ? nil : terms.count == 1 ? terms[0] : .sum(terms)
  }
}
