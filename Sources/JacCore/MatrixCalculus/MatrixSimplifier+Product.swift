/// The matrix product of ``MatrixSimplifier``: scalar factors into one coefficient
/// (`matrix-scalars`), inner products flattened, then, factor by factor against the last one
/// kept, `identity-factor`, `inverse-cancel` and `diag-ones`; 1×1 factors beside matrices go to
/// the coefficient as atoms.
extension MatrixSimplifier {
  func product(_ factors: [MatrixExpr]) -> MatrixExpr? {
    var coefficient = pool.one
    var matrices: [MatrixExpr] = []
    // The runs of `matrices` that are the factors of a settled product (see `settled(_:)`).
    var runs: [Range<Int>] = []
    for f in factors {
      switch f.kind {
      case .scalar(let e): coefficient = pool.multiply(coefficient, e)
      case .product(let inner) where !f.isScalarShaped:
        // A product inside is flattened: a deep network's Jacobian, simplified from the inside
        // out, passes each layer's factors through here again (heads only: no operand copies).
        matrices.reserveCapacity(matrices.count + inner.count)
        let start = matrices.count
        for g in inner {
          if g.head == .scalar, case .scalar(let e) = g.kind {
            coefficient = pool.multiply(coefficient, e)
          } else {
            matrices.append(g)
          }
        }
        if memo.settled[ObjectIdentifier(f.node)] != nil { runs.append(start..<matrices.count) }
      case .product:
        // A 1×1 product (xᵀ·dx) is one scalar-like factor: flattening it would break the chain.
        let (c, rest) = split(f)
        coefficient = pool.multiply(coefficient, c)
        if let rest { matrices.append(rest) }
      default: matrices.append(f)
      }
    }
    if simplifyScalar(coefficient) == pool.zero { return nil }
    var (kept, keptRuns, mayHoldScalars) = cancelAndMerge(matrices, runs)
    if kept.isEmpty && matrices.count > 0 {
      if case .identity(let d) = matrices[0].kind {
        kept = [.identity(d)]
      } else {
        kept = [.identity(context.shape(matrices[0]).rows)]
      }
    }
    // A 1×1 factor beside matrices (sum(exp(z)), x'*y) is a scalar: it goes to the pool as an
    // atom, where it cancels (s/s^2 = 1/s). One that holds a differential stays, for identification.
    if kept.count > 1, mayHoldScalars, kept.contains(where: { $0.isScalarShaped && !$0.containsDifferential() }) {
      kept = kept.filter { m in
        guard m.isScalarShaped, !m.containsDifferential() else { return true }
        coefficient = pool.multiply(coefficient, context.scalar(m))
        return false
      }
      keptRuns = []
    }
    coefficient = simplifyScalar(coefficient)
    if coefficient == pool.zero { return nil }
    if kept.isEmpty { return .scalar(coefficient) }
    if coefficient == pool.one && kept.count == 1 { return kept[0] }
    let result = MatrixExpr.product((coefficient == pool.one ? [] : [.scalar(coefficient)]) + kept)
    if kept.count > 1, settled(kept, keptRuns) { memo.settled[ObjectIdentifier(result.node)] = result }
    return result
  }

  /// `identity-factor`, `inverse-cancel`, `diag-ones`, left to right, each factor against the
  /// last one kept. A run of a settled product's factors is taken whole when its first factor
  /// does not react with the last one kept: one at a time, each would be kept unchanged
  /// (nothing in a settled run reacts with its neighbour). The runs kept whole are returned, and
  /// whether a factor kept one at a time may be a 1×1.
  private func cancelAndMerge(
    _ matrices: [MatrixExpr], _ runs: [Range<Int>]
  ) -> (kept: [MatrixExpr], runs: [Range<Int>], mayHoldScalars: Bool) {
    var kept: [MatrixExpr] = []
    kept.reserveCapacity(matrices.count)
    var keptRuns: [Range<Int>] = []
    var mayHoldScalars = false
    var nextRun = 0
    var i = 0
    while i < matrices.count {
      let m = matrices[i]
      if nextRun < runs.count, runs[nextRun].lowerBound == i {
        let run = runs[nextRun]
        nextRun += 1
        if run.count > 1, kept.last.map({ !cancels($0, m) && diagOnes($0, m) == nil }) ?? true {
          keptRuns.append(kept.count..<kept.count + run.count)
          kept.append(contentsOf: matrices[run])
          i = run.upperBound
          continue
        }
      }
      i += 1
      if m.head == .identity, matrices.count > 1 { continue }
      if let last = kept.last, cancels(last, m) {
        kept.removeLast()
        trim(&keptRuns, to: kept.count)
        continue
      }
      if let last = kept.last, let merged = diagOnes(last, m) {
        kept[kept.count - 1] = merged
        trim(&keptRuns, to: kept.count - 1)
        mayHoldScalars = mayHoldScalars || merged.isScalarShaped
        continue
      }
      kept.append(m)
      mayHoldScalars = mayHoldScalars || m.isScalarShaped
    }
    return (kept, keptRuns, mayHoldScalars)
  }

  /// The last run ends where the kept factors were changed from.
  private func trim(_ runs: inout [Range<Int>], to end: Int) {
    guard let last = runs.last, last.upperBound > end else { return }
    runs.removeLast()
    if end - last.lowerBound > 1 { runs.append(last.lowerBound..<end) }
  }

  /// Whether no factor of a simplified product reacts with its neighbour (`inverse-cancel`,
  /// `diag-ones`), none is the identity and none a 1×1 without a differential: then the product,
  /// flattened into a larger one, can be taken whole. Pairs inside `runs` (settled already) are
  /// not looked at again, so a chain simplified from the inside out is checked once per factor.
  private func settled(_ kept: [MatrixExpr], _ runs: [Range<Int>]) -> Bool {
    var nextRun = 0
    var i = 0
    while i < kept.count {
      if nextRun < runs.count, runs[nextRun].lowerBound == i {
        i = runs[nextRun].upperBound - 1
        nextRun += 1
      } else if kept[i].head == .identity || (kept[i].isScalarShaped && !kept[i].containsDifferential()) {
        return false
      }
      if i + 1 < kept.count, cancels(kept[i], kept[i + 1]) || diagOnes(kept[i], kept[i + 1]) != nil { return false }
      i += 1
    }
    return true
  }

  /// `diag-ones`: 1ᵀ·diag(v) = vᵀ and diag(v)·1 = v; `sum-ones`: vᵀ·1 = 1ᵀ·v = sum(v), v a
  /// vector (for a matrix A, Aᵀ·1 is its column sums, not sum(A)); nil if the pair is not one
  /// of those.
  private func diagOnes(_ a: MatrixExpr, _ b: MatrixExpr) -> MatrixExpr? {
    guard a.head == .transpose || a.head == .diag else { return nil }
    if case .transpose(let v) = a.kind, case .ones = b.kind, !v.containsDifferential(), context.shape(v).columns == .one
    {
      return .total(v)
    }
    if case .transpose(let o) = a.kind, case .ones = o.kind, !b.containsDifferential(),
      context.shape(b).columns == .one,
      !context.shape(b).isScalar
    {
      return .total(b)
    }
    if case .transpose(let o) = a.kind, case .ones = o.kind, case .diag(let v) = b.kind,
      context.shape(v).columns == .one
    {
      return .transpose(v)
    }
    if case .diag(let v) = a.kind, case .ones = b.kind, context.shape(v).columns == .one { return v }
    return nil
  }

  private func cancels(_ a: MatrixExpr, _ b: MatrixExpr) -> Bool {
    guard a.head == .inverse || b.head == .inverse else { return false }
    if case .inverse(let x) = a.kind, x == b { return true }
    if case .inverse(let x) = b.kind, x == a { return true }
    return false
  }
}
