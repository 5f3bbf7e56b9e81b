/// Identification: reading the derivative off a differential (Magnus & Neudecker's first
/// identification theorem). For a scalar f of X, df = ⟨G, dX⟩ = tr(Gᵀ·dX) gives the gradient G
/// (X's shape); for a vector f of a vector x, df = J·dx gives the Jacobian J (m×n).
///
/// The gradient is found by moving every operator off dX onto a seed S, from df = ⟨1, df⟩ down
/// (the adjoint of each linear step; ⟨S, E⟩ = Σᵢⱼ Sᵢⱼ·Eᵢⱼ):
///
///     ⟨S, P·E·Q⟩ = ⟨Pᵀ·S·Qᵀ, E⟩      ⟨S, Eᵀ⟩ = ⟨Sᵀ, E⟩      ⟨S, A ⊙ E⟩ = ⟨S ⊙ A, E⟩
///     ⟨s, tr E⟩  = ⟨s·I, E⟩          ⟨s, sum E⟩ = ⟨s·1, E⟩  ⟨S, diag E⟩ = ⟨diag S, E⟩
///     ⟨S, e·R⟩   = ⟨⟨S, R⟩, e⟩       (e a 1×1 that holds dX)
///
/// The Jacobian is read off directly: J(A·dx) = A, J(a ⊙ E) = diag(a)·J(E), J(dxᵀ·b) = bᵀ,
/// J(diag(E)·b) = diag(b)·J(E).
struct MatrixIdentification {
  let context: MatrixContext
  let simplifier: MatrixSimplifier

  struct NotLinear: Error {}

  private func shape(_ m: MatrixExpr) -> Shape { context.shape(m) }
  private func product(_ factors: [MatrixExpr]) -> MatrixExpr {
    factors.count == 1 ? factors[0] : .product(factors)
  }

  /// The terms of G with df = ⟨G, dX⟩, for df = ⟨seed, e⟩.
  func gradient(_ e: MatrixExpr, seed: MatrixExpr) throws(NotLinear) -> [MatrixExpr] {
    guard e.containsDifferential() else { return [] }
    switch e.kind {
    case .differential: return [seed]
    case .sum(let terms):
      var all: [MatrixExpr] = []
      for t in terms { all += try gradient(t, seed: seed) }
      return all
    case .transpose(let a): return try gradient(a, seed: .transpose(seed))
    case .hadamard(let factors):
      guard let i = try holder(factors) else { return [] }
      var others = factors
      others.remove(at: i)
      return try gradient(factors[i], seed: .hadamard([seed] + others))
    case .trace(let a): return try gradient(a, seed: .product([seed, .identity(shape(a).rows)]))
    case .total(let a):
      let s = shape(a)
      let ones: MatrixExpr =
        s.columns == .one ? .ones(s.rows) : .product([.ones(s.rows), .transpose(.ones(s.columns))])
      return try gradient(a, seed: .product([seed, ones]))
    case .diag(let a): return try gradient(a, seed: .diag(seed))
    case .product(let factors):
      guard let i = try holder(factors) else { return [] }
      let scalars = factors.indices.filter { $0 != i && shape(factors[$0]).isScalar }.map { factors[$0] }
      if shape(factors[i]).isScalar {
        // e·R with e a 1×1 holding dX: ⟨S, e·R⟩ = ⟨S, R⟩·e.
        var rest = factors
        rest.remove(at: i)
        let r = product(rest)
        let inner: MatrixExpr =
          shape(r).isScalar && shape(seed).isScalar
          ? .product([seed, r]) : .trace(.product([.transpose(seed), r]))
        return try gradient(factors[i], seed: inner)
      }
      let before = factors[..<i].filter { !shape($0).isScalar }
      let after = factors[(i + 1)...].filter { !shape($0).isScalar }
      var seedFactors = scalars
      if !before.isEmpty { seedFactors.append(.transpose(product(Array(before)))) }
      seedFactors.append(seed)
      if !after.isEmpty { seedFactors.append(.transpose(product(Array(after)))) }
      return try gradient(factors[i], seed: product(seedFactors))
    case .variable, .scalar, .identity, .ones, .inverse, .map, .det, .norm: throw NotLinear()
    }
  }

  /// The one factor that holds dX (nil: none); two is not linear.
  private func holder(_ factors: [MatrixExpr]) throws(NotLinear) -> Int? {
    let holders = factors.indices.filter { factors[$0].containsDifferential() }
    if holders.count > 1 { throw NotLinear() }
    return holders.first
  }

  /// J with e = J·dx, for a column (or 1×1) e linear in the differential of the vector x.
  func jacobian(_ e: MatrixExpr, size n: Dim) throws(NotLinear) -> MatrixExpr? {
    guard e.containsDifferential() else { return nil }
    switch e.kind {
    case .differential: return .identity(n)
    case .sum(let terms):
      var parts: [MatrixExpr] = []
      for t in terms { if let j = try jacobian(t, size: n) { parts.append(j) } }
      return parts.isEmpty ? nil : .sum(parts)
    case .transpose(let a):
      guard shape(e).isScalar else { throw NotLinear() }
      return try jacobian(a, size: n)
    case .trace(let a):
      guard shape(a).isScalar else { throw NotLinear() }
      return try jacobian(a, size: n)
    case .total(let a):
      guard shape(a).columns == .one, let j = try jacobian(a, size: n) else { throw NotLinear() }
      return .product([.transpose(.ones(shape(a).rows)), j])
    case .hadamard(let factors):
      guard let i = try holder(factors), let j = try jacobian(factors[i], size: n) else { return nil }
      var others = factors
      others.remove(at: i)
      let o = others.count == 1 ? others[0] : .hadamard(others)
      return .product([shape(o).isScalar ? o : .diag(o), j])
    case .product(let factors):
      guard let i = try holder(factors) else { return nil }
      var rest = factors
      rest.remove(at: i)
      if shape(factors[i]).isScalar {
        guard let j = try jacobian(factors[i], size: n) else { return nil }
        return product(rest + [j])
      }
      let scalars = rest.filter { shape($0).isScalar }
      let before = Array(factors[..<i].filter { !shape($0).isScalar })
      let after = Array(factors[(i + 1)...].filter { !shape($0).isScalar })
      if after.isEmpty {
        guard let j = try jacobian(factors[i], size: n) else { return nil }
        return product(scalars + before + [j])
      }
      let q = product(after)
      switch factors[i].kind {
      case .transpose(let g):  // gᵀ·q = qᵀ·g
        guard let j = try jacobian(g, size: n) else { return nil }
        return product(scalars + before + [.transpose(q), j])
      case .diag(let g):  // diag(g)·q = diag(q)·g
        guard let j = try jacobian(g, size: n) else { return nil }
        return product(scalars + before + [.diag(q), j])
      default: throw NotLinear()
      }
    case .variable, .scalar, .identity, .ones, .inverse, .map, .diag, .det, .norm: throw NotLinear()
    }
  }
}
