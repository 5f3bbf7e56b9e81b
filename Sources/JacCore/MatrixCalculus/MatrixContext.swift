/// What one matrix request works in: the declared names and their shapes, the symbolic sizes
/// (a union-find: `W1*x` makes W1's columns and x's rows one size), and the atoms — pool
/// symbols that stand for 1×1 matrix expressions (`det(X)`, `norm(x)`), so that scalars built
/// from them (`log(det(X))`, `norm(x)^2`) are ordinary pool expressions, simplified by jac's
/// scalar engine.
public final class MatrixContext {
  public enum Kind: Sendable, Equatable {
    case vector, matrix, symmetric

    /// What a message calls a name of this kind: `'x' is a vector`.
    public var noun: String {
      switch self {
      case .vector: return "vector"
      case .matrix: return "matrix"
      case .symmetric: return "symmetric matrix"
      }
    }
  }

  public let pool: ExpressionPool
  /// The declared names (`--vector`, `--matrix`, `--symmetric`); every other name is a scalar.
  public let kinds: [String: Kind]
  /// The shape of each declared name used so far (sizes made on first use).
  private var shapes: [String: Shape] = [:]
  /// Union-find over symbolic sizes: `parent[i] == i` for a class's representative, the
  /// smallest member (so sizes keep the name of their first use).
  private var parent: [Int] = []
  /// The 1×1 matrix expressions that pool symbols stand for, in order of first use.
  public private(set) var atoms: [MatrixExpr] = []
  private var atomIndex: [MatrixExpr: Int] = [:]
  /// The entry an elementwise body (``MatrixExpr/map(_:_:)``) is a function of.
  public let placeholder: Expr

  public init(pool: ExpressionPool, kinds: [String: Kind]) {
    self.pool = pool
    self.kinds = kinds
    placeholder = pool.symbol(Self.placeholderName)
  }

  /// Not an identifier, so no input can name it.
  static let placeholderName = "□"
  static let atomPrefix = "@"

  // MARK: Sizes

  func fresh() -> Dim {
    parent.append(parent.count)
    return .size(parent.count - 1)
  }

  public func find(_ d: Dim) -> Dim {
    guard case .size(var i) = d else { return .one }
    while parent[i] != i { i = parent[i] }
    return .size(i)
  }

  /// Makes `a` and `b` one size; false if they cannot be (a declared size against 1).
  func unify(_ a: Dim, _ b: Dim) -> Bool {
    switch (find(a), find(b)) {
    case (.one, .one): return true
    case (.size(let i), .size(let j)):
      if i != j { parent[max(i, j)] = min(i, j) }
      return true
    default: return false
    }
  }

  /// The shape of a declared name: n×1 for a vector, m×n for a matrix, n×n for a symmetric one.
  func declaredShape(_ name: String) -> Shape {
    if let s = shapes[name] { return resolved(s) }
    let rows = fresh()
    let shape: Shape
    switch kinds[name] ?? .matrix {
    case .vector: shape = Shape(rows: rows, columns: .one)
    case .matrix: shape = Shape(rows: rows, columns: fresh())
    case .symmetric: shape = Shape(rows: rows, columns: rows)
    }
    shapes[name] = shape
    return shape
  }

  func resolved(_ s: Shape) -> Shape { Shape(rows: find(s.rows), columns: find(s.columns)) }

  /// The names sizes print as (`n`, `m`, `p`, …), by class in order of first use.
  public func name(_ d: Dim) -> String {
    guard case .size(let i) = find(d) else { return "1" }
    let letters = ["n", "m", "p", "q", "r", "s", "k", "l"]
    let rank = (0..<i).filter { parent[$0] == $0 }.count
    return rank < letters.count ? letters[rank] : "n\(rank)"
  }

  public func describe(_ s: Shape) -> String { name(s.rows) + "×" + name(s.columns) }

  /// The shape of `m` (its sizes already agree: the parser checked them), read from its node
  /// and resolved: O(1), however deep `m` is.
  public func shape(_ m: MatrixExpr) -> Shape { resolved(m.node.shape) }

  /// The declared vector or matrix `name`, with its shape.
  public func variable(_ name: String) -> MatrixExpr { .variable(name, shape: declaredShape(name)) }

  /// d`name`, of its shape.
  func differential(_ name: String) -> MatrixExpr { .differential(name, shape: declaredShape(name)) }

  // MARK: Atoms

  /// The pool scalar that `m` (1×1) is: its expression for `scalar`, else an atom standing for it.
  public func scalar(_ m: MatrixExpr) -> Expr {
    if case .scalar(let e) = m.kind { return e }
    if case .product(let factors) = m.kind {
      // The scalar factors go to the pool, the rest is the atom: -x'*x is -1 times the atom x'*x.
      var coefficient = pool.one
      var rest: [MatrixExpr] = []
      func collect(_ f: MatrixExpr) {
        if case .scalar(let c) = f.kind {
          coefficient = pool.multiply(coefficient, c)
        } else if case .product(let inner) = f.kind, !shape(f).isScalar || inner.allSatisfy({ shape($0).isScalar }) {
          inner.forEach(collect)
        } else {
          rest.append(f)
        }
      }
      factors.forEach(collect)
      if coefficient != pool.one || rest.count != factors.count {
        return pool.multiply(
          coefficient, rest.isEmpty ? pool.one : rest.count == 1 ? scalar(rest[0]) : atomSymbol(.product(rest)))
      }
    }
    return atomSymbol(m)
  }

  private func atomSymbol(_ m: MatrixExpr) -> Expr {
    if let k = atomIndex[m] { return pool.symbol(Self.atomPrefix + String(k)) }
    atomIndex[m] = atoms.count
    atoms.append(m)
    return pool.symbol(Self.atomPrefix + String(atoms.count - 1))
  }

  /// The matrix expression the atom symbol `name` stands for.
  public func atom(named name: String) -> MatrixExpr? {
    guard name.hasPrefix(Self.atomPrefix), let k = Int(name.dropFirst()), atoms.indices.contains(k) else { return nil }
    return atoms[k]
  }

  /// The atoms of a pool scalar, as (symbol, what it stands for).
  func atoms(in e: Expr) -> [(symbol: Expr, value: MatrixExpr)] {
    pool.freeSymbols([e]).compactMap { name in atom(named: name).map { (pool.symbol(name), $0) } }
  }

  /// Whether `m` depends on the declared variable `name`, through atoms too.
  public func depends(_ m: MatrixExpr, on name: String) -> Bool {
    switch m.kind {
    case .variable(let v): return v == name
    case .scalar(let e): return atoms(in: e).contains { depends($0.value, on: name) }
    case .map(let body, let a): return depends(.scalar(body), on: name) || depends(a, on: name)
    default: return m.children.contains { depends($0, on: name) }
    }
  }

  /// The declared variables `m` mentions, in order of first mention.
  public func variables(_ m: MatrixExpr) -> [String] {
    var found: [String] = []
    func walk(_ m: MatrixExpr) {
      switch m.kind {
      case .variable(let v): if !found.contains(v) { found.append(v) }
      case .scalar(let e): for a in atoms(in: e) { walk(a.value) }
      case .map(let body, let a):
        for atom in atoms(in: body) { walk(atom.value) }
        walk(a)
      default: m.children.forEach(walk)
      }
    }
    walk(m)
    return found
  }

  public func isSymmetric(_ name: String) -> Bool { kinds[name] == .symmetric }

  /// Whether a pool expression mentions the placeholder (is an elementwise function of its
  /// argument, not a constant), memoised by node: printers ask it of every node of a body.
  public func mentionsPlaceholder(_ e: Expr) -> Bool {
    if let known = placeholderMemo[e] { return known }
    let result = e == placeholder || pool.operands(e).contains(where: mentionsPlaceholder)
    placeholderMemo[e] = result
    return result
  }
  private var placeholderMemo: [Expr: Bool] = [:]

  /// The size classes made so far, by representative.
  func sizeClasses() -> [Int] { parent.indices.filter { parent[$0] == $0 } }

  /// The scalar symbols `m` mentions (`c` in `c*A*x`), through atoms and elementwise bodies.
  func scalarSymbols(_ m: MatrixExpr) -> [String] {
    var found: [String] = []
    func scalar(_ e: Expr) {
      for name in pool.freeSymbols([e]) {
        if let atom = atom(named: name) {
          walk(atom)
        } else if name != Self.placeholderName && !found.contains(name) {
          found.append(name)
        }
      }
    }
    func walk(_ m: MatrixExpr) {
      switch m.kind {
      case .scalar(let e): scalar(e)
      case .map(let body, let a):
        scalar(body)
        walk(a)
      default: m.children.forEach(walk)
      }
    }
    walk(m)
    return found
  }
}
