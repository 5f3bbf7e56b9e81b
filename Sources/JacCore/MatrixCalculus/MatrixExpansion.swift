/// A matrix expression written out at concrete sizes: a ``Matrix`` of pool expressions, each
/// entry in the entries of the declared variables (`X[1,2]`). This is how `--check` holds a
/// matrix-form answer to jac's own scalar engine: the input is expanded and differentiated
/// entry by entry, the answer is expanded, and the two are compared at random values.
struct MatrixExpansion {
  let context: MatrixContext
  /// The concrete size of each size class (by representative).
  let sizes: [Int: Int]
  /// The entries of each declared variable.
  let bindings: [String: Matrix]
  /// Values for the scalar symbols (`c` in `c*A*x`).
  let scalars: [Expr: Expr]
  var pool: ExpressionPool { context.pool }

  func size(_ d: Dim) -> Int {
    guard case .size(let i) = context.find(d) else { return 1 }
    return sizes[i] ?? 1
  }

  private func filled(_ rows: Int, _ columns: Int, _ entry: (Int, Int) -> Expr) -> Matrix {
    var entries: [Expr] = []
    for i in 0..<rows { for j in 0..<columns { entries.append(entry(i, j)) } }
    return Matrix(rows: rows, columns: columns, entries: entries)
  }

  private func isScalar(_ m: Matrix) -> Bool { m.rows == 1 && m.columns == 1 }

  /// Entry by entry, a 1×1 broadcast.
  private func zip(_ a: Matrix, _ b: Matrix, _ op: (Expr, Expr) -> Expr) -> Matrix {
    if isScalar(a) && !isScalar(b) { return b.map { op(a[0, 0], $0) } }
    if isScalar(b) && !isScalar(a) { return a.map { op($0, b[0, 0]) } }
    return filled(a.rows, a.columns) { op(a[$0, $1], b[$0, $1]) }
  }

  private func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
    if isScalar(a) || isScalar(b) { return zip(a, b) { pool.multiply($0, $1) } }
    return filled(a.rows, b.columns) { i, j in pool.add((0..<a.columns).map { pool.multiply(a[i, $0], b[$0, j]) }) }
  }

  /// A pool scalar of the matrix layer at these bindings: its atoms expanded, its scalar symbols
  /// valued, the placeholder of a map's body (``MatrixContext/placeholder``) `placeholder`.
  func scalar(_ e: Expr, placeholder: Expr? = nil) -> Expr {
    var bindings = scalars
    for atom in context.atoms(in: e) { bindings[atom.symbol] = expand(atom.value)[0, 0] }
    if let placeholder { bindings[context.placeholder] = placeholder }
    return bindings.isEmpty ? e : pool.substitute([e], bindings)[0]
  }

  private func fold(_ operands: [MatrixExpr], _ combine: (Matrix, Matrix) -> Matrix) -> Matrix {
    var result = expand(operands[0])
    for operand in operands.dropFirst() { result = combine(result, expand(operand)) }
    return result
  }

  func expand(_ m: MatrixExpr) -> Matrix {
    switch m.kind {
    case .variable(let name): return bindings[name]!
    case .differential(let name):
      let s = context.declaredShape(name)
      return filled(size(s.rows), size(s.columns)) { _, _ in pool.zero }
    case .scalar(let e): return Matrix(rows: 1, columns: 1, entries: [scalar(e)])
    case .identity(let d): return filled(size(d), size(d)) { $0 == $1 ? pool.one : pool.zero }
    case .ones(let d): return filled(size(d), 1) { _, _ in pool.one }
    case .sum(let terms): return fold(terms) { zip($0, $1) { pool.add($0, $1) } }
    case .product(let factors): return fold(factors) { multiply($0, $1) }
    case .hadamard(let factors): return fold(factors) { zip($0, $1) { pool.multiply($0, $1) } }
    case .transpose(let a): return expand(a).transposed
    case .inverse(let a):
      let x = expand(a)
      if let inverse = rationalInverse(x)?.inverse { return inverse }
      let reciprocal = pool.reciprocal(pool.determinant(x))
      return pool.adjugate(x).map { pool.multiply($0, reciprocal) }
    case .map(let body, let a): return expand(a).map { scalar(body, placeholder: $0) }
    case .diag(let a):
      let v = expand(a)
      if v.columns == 1 { return filled(v.rows, v.rows) { $0 == $1 ? v[$0, 0] : pool.zero } }
      return filled(v.rows, 1) { i, _ in v[i, i] }
    case .trace(let a):
      let x = expand(a)
      return Matrix(rows: 1, columns: 1, entries: [pool.add((0..<x.rows).map { x[$0, $0] })])
    case .det(let a):
      let x = expand(a)
      return Matrix(rows: 1, columns: 1, entries: [rationalInverse(x)?.determinant ?? pool.determinant(x)])
    case .norm(let a):
      let squares = expand(a).entries.map { pool.square($0) }
      return Matrix(rows: 1, columns: 1, entries: [pool.sqrt(pool.add(squares))])
    case .total(let a): return Matrix(rows: 1, columns: 1, entries: [pool.add(expand(a).entries)])
    }
  }
}
