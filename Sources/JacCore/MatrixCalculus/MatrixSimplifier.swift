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
///   of a sum shares the factor, else among the terms that do (A·x + B·x + C·y = (A + B)·x + C·y);
///   `scalar-common-factor`: c·A + c·B = c·(A + B), c the same scalar (not a number, or a
///   fraction) in every term;
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
    if let whole = commonFactor(collected) ?? scalarFactor(collected) { return whole }
    return partlyFactored(collected) ?? .sum(collected)
  }

  /// matrix-common-factor on part of a sum: the terms ending in one matrix, two or more of
  /// them, grouped where the first of them stands (`Q*x/2 + Q'*x/2 + c` is `(Q + Q')*x/2 + c`);
  /// nil when no two terms end alike.
  private func partlyFactored(_ terms: [MatrixExpr]) -> MatrixExpr? {
    func last(_ t: MatrixExpr) -> MatrixExpr? {
      guard case .product(let fs) = t.kind, let f = fs.last, !context.shape(f).isScalar else { return nil }
      return f
    }
    var groups: [(factor: MatrixExpr?, terms: [MatrixExpr])] = []
    for t in terms {
      if let f = last(t), let k = groups.firstIndex(where: { $0.factor == f }) {
        groups[k].terms.append(t)
      } else {
        groups.append((last(t), [t]))
      }
    }
    guard groups.count < terms.count else { return nil }
    var out: [MatrixExpr] = []
    for g in groups {
      if g.terms.count == 1 {
        out.append(g.terms[0])
      } else if let grouped = commonFactor(g.terms) {
        out.append(grouped)
      } else {
        out += g.terms
      }
    }
    return out.count == terms.count ? nil : .sum(out)
  }

  /// scalar-common-factor: c·A + c·B = c·(A + B) for one coefficient c of every term that is
  /// not a number or is a fraction (`cos(x'*A*x)*(A + A')*x`, `(Q + Q')/2`; an integer stays
  /// with its terms, `2*A + 2*B`, as short either way).
  private func scalarFactor(_ terms: [MatrixExpr]) -> MatrixExpr? {
    let splits = terms.map(split)
    let c = splits[0].0
    guard c != pool.one, pool.rational(c).map({ !$0.isInteger }) ?? true,
      splits.allSatisfy({ $0.0 == c && $0.1 != nil })
    else { return nil }
    return sum(splits.map { $0.1! }).flatMap { scaled(c, $0) }
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
