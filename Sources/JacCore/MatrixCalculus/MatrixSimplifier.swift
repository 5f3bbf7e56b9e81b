/// The simplifier of matrix forms. Goals, in priority order: correct (every rule is an
/// identity of matrices of any size), terminating (each rule makes the tree smaller or pushes a
/// transpose toward the leaves), deterministic (terms keep the order they were made in; nothing
/// depends on hashing), then short.
///
/// Rules, named as in docs/rules.md:
/// - `matrix-scalars`: scalar factors of a product (or elementwise product) are multiplied in the
///   pool into one coefficient, first; scalars are simplified by jac's scalar simplifier;
/// - `matrix-like-terms`: c₁·M + c₂·M = (c₁ + c₂)·M;
/// - `matrix-common-factor`: A·x + B·x = (A + B)·x (and x·A + x·B = x·(A + B)), when every term
///   of a sum shares the factor;
/// - `transpose-transpose`: (A')' = A; `transpose-product`: (A·B)' = B'·A'; `transpose-sum`,
///   `transpose-elementwise` (A ⊙ B)' = A' ⊙ B'; `transpose-symmetric`: S' = S; a 1×1 and
///   diag(v) are their own transposes; an elementwise function keeps the transpose outside
///   (`exp(x)'`, and `exp(x')` is written so);
/// - `diag-ones`: 1ᵀ·diag(v) = vᵀ, diag(v)·1 = v; `diag-sum`: diag(a) + diag(b) = diag(a + b);
/// - `identity-factor`: A·I = A; `inverse-cancel`: X·inv(X) = inv(X)·X = I; `inverse-inverse`;
/// - `compose-elementwise`: f(g(z)) entry by entry is one elementwise function (f∘g)(z);
///   `elementwise-scale`: f(c·z) is the function f(c·□) of z; `elementwise-identity`: □(z) = z.
///
/// `nil` is the zero matrix (of whatever shape the context has): zero is not a node.
struct MatrixSimplifier {
  let context: MatrixContext
  /// jac's scalar simplifier, applied to every scalar.
  let simplifyScalar: (Expr) -> Expr
  var pool: ExpressionPool { context.pool }
  /// Results by node (see ``Memo``).
  let memo = Memo()

  /// What `simplify` and `transpose` returned for each node they were given, so that a
  /// subexpression held in many places (the inner layers of a deep network, which the
  /// differential of every layer above holds) is simplified once: without it, n layers cost n².
  /// The key's node is kept in the value, so its identifier is not reused while the memo lives.
  final class Memo {
    var simplified: [ObjectIdentifier: (key: MatrixExpr, value: MatrixExpr?)] = [:]
    var transposed: [ObjectIdentifier: (key: MatrixExpr, value: MatrixExpr?)] = [:]
    /// Products whose factors do not react with each other (``MatrixSimplifier/product(_:)``).
    var settled: [ObjectIdentifier: MatrixExpr] = [:]
  }

  func simplify(_ m: MatrixExpr) -> MatrixExpr? {
    switch m.kind {
    case .variable, .differential, .identity, .ones: return m
    default: break
    }
    if let known = memo.simplified[ObjectIdentifier(m.node)] { return known.value }
    let result = simplifyNode(m)
    memo.simplified[ObjectIdentifier(m.node)] = (m, result)
    return result
  }

  private func simplifyNode(_ m: MatrixExpr) -> MatrixExpr? {
    switch m.kind {
    case .variable, .differential, .identity, .ones: return m
    case .scalar(let e):
      let s = simplifyScalar(e)
      return s == pool.zero ? nil : .scalar(s)
    case .sum(let terms): return sum(terms.compactMap(simplify))
    case .product(let factors):
      var simplified: [MatrixExpr] = []
      for f in factors {
        guard let s = simplify(f) else { return nil }
        simplified.append(s)
      }
      return product(simplified)
    case .hadamard(let factors):
      var simplified: [MatrixExpr] = []
      for f in factors {
        guard let s = simplify(f) else { return nil }
        simplified.append(s)
      }
      return hadamard(simplified)
    case .transpose(let a): return simplify(a).flatMap(transpose)
    case .inverse(let a):
      guard let s = simplify(a) else { return .inverse(a) }
      if case .inverse(let b) = s.kind { return b }
      if case .identity = s.kind { return s }
      return .inverse(s)
    case .map(let body, let a):
      guard let s = simplify(a) else { return m }
      return map(simplifyScalar(body), s)
    case .diag(let a): return simplify(a).map { context.shape($0).isScalar ? $0 : .diag($0) }
    case .trace(let a): return simplify(a).map { pullScalar($0, into: MatrixExpr.trace) }
    case .total(let a): return simplify(a).map { pullScalar($0, into: MatrixExpr.total) }
    case .det(let a): return simplify(a).map { .det($0) }
    case .norm(let a): return simplify(a).map { .norm($0) }
    }
  }

  /// tr(c·M) = c·tr(M), sum(c·M) = c·sum(M); of a 1×1, the 1×1 itself.
  private func pullScalar(_ m: MatrixExpr, into f: (MatrixExpr) -> MatrixExpr) -> MatrixExpr {
    if context.shape(m).isScalar { return m }
    let (c, rest) = split(m)
    guard let rest else { return m }
    return c == pool.one ? f(rest) : product([.scalar(c), f(rest)]) ?? f(rest)
  }

  /// (coefficient, the rest): `2*A*x` is (2, A*x); a scalar is (itself, nil).
  func split(_ m: MatrixExpr) -> (Expr, MatrixExpr?) {
    switch m.kind {
    case .scalar(let e): return (e, nil)
    case .product(let factors):
      if case .scalar(let c) = factors[0].kind {
        let rest = Array(factors.dropFirst())
        return (c, rest.count == 1 ? rest[0] : .product(rest))
      }
      return (pool.one, m)
    default: return (pool.one, m)
    }
  }

  /// `c·rest`, simplified one level.
  func scaled(_ c: Expr, _ rest: MatrixExpr?) -> MatrixExpr? {
    guard let rest else { return c == pool.zero ? nil : .scalar(c) }
    if c == pool.one { return rest }
    return product([.scalar(c), rest])
  }

  func sum(_ terms: [MatrixExpr]) -> MatrixExpr? {
    var flat: [MatrixExpr] = []
    for t in terms {
      if case .sum(let inner) = t.kind { flat += inner } else { flat.append(t) }
    }
    // matrix-like-terms
    var parts: [MatrixExpr?] = []
    var coefficients: [Expr] = []
    for t in flat {
      let (c, rest) = split(t)
      if let k = parts.firstIndex(where: { $0 == rest }) {
        coefficients[k] = pool.add(coefficients[k], c)
      } else {
        parts.append(rest)
        coefficients.append(c)
      }
    }
    let collected = parts.indices.compactMap { k in scaled(simplifyScalar(coefficients[k]), parts[k]) }
    if collected.isEmpty { return nil }
    if collected.count == 1 { return collected[0] }
    // diag-sum: diag(a) + diag(b) = diag(a + b), for vectors a and b.
    let diagonals = collected.compactMap { t -> MatrixExpr? in
      if case .diag(let v) = t.kind, context.shape(v).columns == .one { return v }
      return nil
    }
    if diagonals.count == collected.count { return sum(diagonals).map { .diag($0) } }
    return commonFactor(collected) ?? .sum(collected)
  }

  /// matrix-common-factor: every term a product ending (or starting) in the same matrix.
  private func commonFactor(_ terms: [MatrixExpr]) -> MatrixExpr? {
    func factors(_ t: MatrixExpr) -> [MatrixExpr] {
      if case .product(let fs) = t.kind { return fs }
      return [t]
    }
    let lists = terms.map(factors)
    for fromEnd in [true, false] {
      guard let shared = fromEnd ? lists[0].last : lists[0].first, !context.shape(shared).isScalar,
        lists.allSatisfy({ (fromEnd ? $0.last : $0.first) == shared })
      else { continue }
      // A coefficient stays with its term: 2*A*x + B*x = (2*A + B)*x; a term that is only a
      // scalar times the factor keeps an identity: A*x + c*x = (A + c*I)*x.
      let sharedShape = context.shape(shared)
      let identity = MatrixExpr.identity(fromEnd ? sharedShape.rows : sharedShape.columns)
      let rests = lists.map { fs -> MatrixExpr in
        let r = fromEnd ? Array(fs.dropLast()) : Array(fs.dropFirst())
        if r.isEmpty { return identity }
        let rest = r.count == 1 ? r[0] : .product(r)
        return context.shape(rest).isScalar ? .product([rest, identity]) : rest
      }
      guard let inner = sum(rests) else { return nil }
      return product(fromEnd ? [inner, shared] : [shared, inner])
    }
    return nil
  }

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

  /// `diag-ones`: 1ᵀ·diag(v) = vᵀ and diag(v)·1 = v; `sum-ones`: vᵀ·1 = 1ᵀ·v = sum(v); nil if
  /// the pair is not one of those.
  private func diagOnes(_ a: MatrixExpr, _ b: MatrixExpr) -> MatrixExpr? {
    guard a.head == .transpose || a.head == .diag else { return nil }
    if case .transpose(let v) = a.kind, case .ones = b.kind, !v.containsDifferential() { return .total(v) }
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

  /// Elementwise products: scalars out (also a number in front of an elementwise body:
  /// (−exp(z)) ⊙ y = −(exp(z) ⊙ y)), `ones` dropped (`elementwise-ones`), functions of one
  /// argument merged (`elementwise-merge`: f(z) ⊙ g(z) = (f·g)(z)), repeated factors as powers
  /// (A ⊙ A = A.^2).
  func hadamard(_ factors: [MatrixExpr]) -> MatrixExpr? {
    var coefficient = pool.one
    var matrices: [MatrixExpr] = []
    func append(_ m: MatrixExpr) {
      var m = m
      if case .map(let body, let z) = m.kind, case .product(let fs) = pool.node(body), let c = pool.rational(fs[0]) {
        coefficient = pool.multiply(coefficient, fs[0])
        m = .map(pool.multiply(body, pool.number(Rational(1) / c)), z)
      }
      let (body, z): (Expr, MatrixExpr) = {
        if case .map(let b, let z) = m.kind { return (b, z) }
        return (context.placeholder, m)
      }()
      if let k = matrices.firstIndex(where: { other in
        if case .map(_, let w) = other.kind { return w == z }
        return other == z
      }) {
        let (other, _): (Expr, MatrixExpr) = {
          if case .map(let b, let w) = matrices[k].kind { return (b, w) }
          return (context.placeholder, matrices[k])
        }()
        matrices[k] = map(pool.multiply(other, body), z) ?? z  // canonical; simplified once with its map
      } else {
        matrices.append(m)
      }
    }
    for f in factors {
      let (c, rest) = split(f)
      coefficient = pool.multiply(coefficient, c)
      guard let rest else { continue }
      if context.shape(rest).isScalar && !rest.containsDifferential() {  // a 1×1 broadcasts: a scalar
        coefficient = pool.multiply(coefficient, context.scalar(rest))
        continue
      }
      if case .hadamard(let inner) = rest.kind { inner.forEach(append) } else { append(rest) }
    }
    let kept =
      matrices.count > 1 ? matrices.filter { if case .ones = $0.kind { return false } else { return true } } : matrices
    guard !kept.isEmpty else { return scaled(simplifyScalar(coefficient), nil) }
    return scaled(simplifyScalar(coefficient), kept.count == 1 ? kept[0] : .hadamard(kept))
  }

  func transpose(_ a: MatrixExpr) -> MatrixExpr? {
    if let known = memo.transposed[ObjectIdentifier(a.node)] { return known.value }
    let result = transposeNode(a)
    memo.transposed[ObjectIdentifier(a.node)] = (a, result)
    return result
  }

  private func transposeNode(_ a: MatrixExpr) -> MatrixExpr? {
    if context.shape(a).isScalar { return a }
    switch a.kind {
    case .variable(let name), .differential(let name): return context.isSymmetric(name) ? a : .transpose(a)
    case .transpose(let b): return b
    case .identity, .diag: return a
    case .product(let factors): return product(factors.reversed().compactMap(transpose))
    case .sum(let terms): return sum(terms.compactMap(transpose))
    case .hadamard(let factors): return hadamard(factors.compactMap(transpose))
    case .map(_, let z):  // kept outside: exp(x)', not exp(x'); a map of a symmetric matrix is symmetric
      return transpose(z) == z ? a : .transpose(a)
    case .inverse(let b):
      if case .variable(let name) = b.kind, context.isSymmetric(name) { return a }
      return .transpose(a)
    case .scalar, .ones, .trace, .det, .norm, .total: return .transpose(a)
    }
  }

  func map(_ body: Expr, _ z: MatrixExpr) -> MatrixExpr? {
    let x = context.placeholder
    if body == x { return z }
    switch z.kind {
    case .transpose(let w): return map(body, w).map { .transpose($0) }
    case .map(let inner, let w):  // compose-elementwise
      return map(pool.substitute([body], [x: inner])[0], w)  // canonical already: simplifying each level anew was n²
    case .product(let factors) where factors.count == 2:
      if case .scalar(let c) = factors[0].kind {  // elementwise-scale
        return map(pool.substitute([body], [x: pool.multiply(c, x)])[0], factors[1])
      }
      return .map(body, z)
    default:
      return .map(body, z)
    }
  }
}
