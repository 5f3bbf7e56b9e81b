/// One dimension of a matrix: 1, or a symbolic size (a class of ``ShapeTable``'s union-find).
/// Declared vectors and matrices never have a size that is 1: `x*y` of two vectors is an error,
/// not a guess that y has one entry.
public enum Dim: Hashable, Sendable {
  case one
  case size(Int)
}

/// Rows × columns.
public struct Shape: Hashable, Sendable {
  public var rows: Dim
  public var columns: Dim
  public static let scalar = Shape(rows: .one, columns: .one)
  public var isScalar: Bool { rows == .one && columns == .one }
  public var transposed: Shape { Shape(rows: columns, columns: rows) }
}

/// An expression whose value is a vector or a matrix (or a 1×1 that stands for a scalar), in
/// jac's matrix-calculus layer. The scalar pool (``ExpressionPool``) is commutative; this layer
/// is not: `product` keeps its factors in order.
///
/// A value is a reference to an immutable node that records, when it is made, what every pass
/// would otherwise find by walking the tree below it (a chain of n layers walked at each of its
/// n levels costs n²):
/// - its hash, from its children's: hashing is O(1), and equality is identity first, then the
///   hash, then the kinds (children compared the same way, so shared subtrees cost nothing);
/// - its shape, from its children's (sizes as made; ``MatrixContext/shape(_:)`` resolves them
///   through the union-find, so sizes unified later still read right);
/// - whether it holds a differential.
/// Subexpressions are shared by reference (the differential of `tanh(z)` holds z itself, not a
/// copy), and passes memoise by node (``MatrixSimplifier``). Walks switch over ``kind``.
///
/// Invariants kept by ``MatrixSimplifier`` (the parser and the differential build raw forms):
/// - a sum has at least two terms, none of them a sum; like terms are collected;
/// - a product has at least two factors, none of them a product; its scalar factors are merged
///   into one `scalar`, first, never 1;
/// - zero is not a node: a differential or simplification that vanishes is `nil`;
/// - transposes sit on variables, differentials, inverses and vector-valued maps only
///   (`(A*B)'` = `B'*A'`, `(A')'` = `A`, `S'` = `S` for symmetric `S`);
/// - scalars (numbers, scalar symbols, and `atoms` standing for 1×1 matrix expressions) live in
///   the pool, inside `scalar`.
public struct MatrixExpr: Hashable, Sendable {
  /// The kinds of node, with their operands.
  public enum Kind: Equatable, Sendable {
    /// A declared vector or matrix (`--vector`, `--matrix`, `--symmetric`).
    case variable(String)
    /// dX, the differential of a declared variable, while a derivative is being taken.
    case differential(String)
    /// A scalar of the pool: a number, a scalar symbol, or an expression in them and in atoms
    /// (symbols that stand for 1×1 matrix expressions: `det(X)`, `norm(x)`, ``MatrixContext/atoms``).
    case scalar(Expr)
    /// The identity matrix of this size.
    case identity(Dim)
    /// The column of ones of this size (the derivative of `sum(v)`).
    case ones(Dim)
    case sum([MatrixExpr])
    /// The matrix product, in order; 1×1 factors act as scalars.
    case product([MatrixExpr])
    /// The elementwise product `a .* b` (commutative).
    case hadamard([MatrixExpr])
    case transpose(MatrixExpr)
    case inverse(MatrixExpr)
    /// A scalar function applied to each entry: the body is a pool expression in
    /// ``MatrixContext/placeholder``, `tanh(W*x)` is `map(tanh(□), W*x)`, `x.^2` is `map(□^2, x)`.
    case map(Expr, MatrixExpr)
    /// `diag(v)`: the diagonal matrix of a vector; of a square matrix, the vector of its diagonal.
    case diag(MatrixExpr)
    /// `tr(X)` (1×1).
    case trace(MatrixExpr)
    /// `det(X)` (1×1).
    case det(MatrixExpr)
    /// `norm(x)`: Euclidean for a vector, Frobenius for a matrix (1×1).
    case norm(MatrixExpr)
    /// `sum(v)`: the sum of the entries (1×1).
    case total(MatrixExpr)
  }

  /// The kind without its operands: tested in the simplifier's inner loops, where matching
  /// ``kind`` would copy (retain and release) the operands of every factor it looks at.
  public enum Head: UInt8, Sendable {
    case variable, differential, scalar, identity, ones, sum, product, hadamard, transpose, inverse, map, diag, trace
    case det, norm, total

    init(_ kind: Kind) {
      switch kind {
      case .variable: self = .variable
      case .differential: self = .differential
      case .scalar: self = .scalar
      case .identity: self = .identity
      case .ones: self = .ones
      case .sum: self = .sum
      case .product: self = .product
      case .hadamard: self = .hadamard
      case .transpose: self = .transpose
      case .inverse: self = .inverse
      case .map: self = .map
      case .diag: self = .diag
      case .trace: self = .trace
      case .det: self = .det
      case .norm: self = .norm
      case .total: self = .total
      }
    }
  }

  /// The immutable record behind a value.
  final class Node: Sendable {
    let kind: Kind
    let hash: Int
    /// The shape with sizes as they were when the node was made (resolve before comparing).
    let shape: Shape
    let containsDifferential: Bool
    let head: Head

    init(_ kind: Kind, shape: Shape) {
      self.kind = kind
      self.shape = shape
      head = Head(kind)
      var hasher = Hasher()
      hasher.combine(head.rawValue)
      var differential = false
      switch kind {
      case .variable(let name): hasher.combine(name)
      case .differential(let name):
        hasher.combine(name)
        differential = true
      case .scalar(let e): hasher.combine(e)
      case .identity(let d), .ones(let d): hasher.combine(d)
      case .map(let body, let a):
        hasher.combine(body)
        hasher.combine(a.node.hash)
      case .sum(let operands), .product(let operands), .hadamard(let operands):
        for c in operands {
          hasher.combine(c.node.hash)
          differential = differential || c.node.containsDifferential
        }
      case .transpose(let a), .diag(let a), .trace(let a), .total(let a):
        hasher.combine(a.node.hash)
        differential = a.node.containsDifferential
      case .inverse(let a), .det(let a), .norm(let a):
        // A differential is linear: the rules never put one inside an inverse, a determinant
        // or a norm, so those say no without asking (as maps, variables and scalars do).
        hasher.combine(a.node.hash)
      }
      hash = hasher.finalize()
      containsDifferential = differential
    }
  }

  let node: Node

  private init(_ kind: Kind, shape: Shape) { node = Node(kind, shape: shape) }

  /// What the node is, for a `switch`.
  public var kind: Kind { node.kind }
  /// What kind of node it is, without its operands.
  public var head: Head { node.head }
  /// Whether it is 1×1 (a size is never unified with 1, so this needs no resolving).
  public var isScalarShaped: Bool { node.shape.isScalar }

  public static func == (a: MatrixExpr, b: MatrixExpr) -> Bool {
    a.node === b.node || (a.node.hash == b.node.hash && a.node.kind == b.node.kind)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(node.hash) }

  // MARK: Construction

  /// A declared variable of this shape (``MatrixContext/variable(_:)`` knows it).
  public static func variable(_ name: String, shape: Shape) -> MatrixExpr { MatrixExpr(.variable(name), shape: shape) }
  /// dX, of X's shape (``MatrixContext/differential(_:)``).
  public static func differential(_ name: String, shape: Shape) -> MatrixExpr {
    MatrixExpr(.differential(name), shape: shape)
  }
  public static func scalar(_ e: Expr) -> MatrixExpr { MatrixExpr(.scalar(e), shape: .scalar) }
  public static func identity(_ d: Dim) -> MatrixExpr { MatrixExpr(.identity(d), shape: Shape(rows: d, columns: d)) }
  public static func ones(_ d: Dim) -> MatrixExpr { MatrixExpr(.ones(d), shape: Shape(rows: d, columns: .one)) }
  public static func sum(_ terms: [MatrixExpr]) -> MatrixExpr { MatrixExpr(.sum(terms), shape: firstMatrix(terms)) }
  public static func product(_ factors: [MatrixExpr]) -> MatrixExpr {
    let shapes = factors.lazy.map(\.node.shape).filter { !$0.isScalar }
    guard let first = shapes.first, let last = factors.last(where: { !$0.node.shape.isScalar })?.node.shape else {
      return MatrixExpr(.product(factors), shape: .scalar)
    }
    return MatrixExpr(.product(factors), shape: Shape(rows: first.rows, columns: last.columns))
  }
  public static func hadamard(_ factors: [MatrixExpr]) -> MatrixExpr {
    MatrixExpr(.hadamard(factors), shape: firstMatrix(factors))
  }
  public static func transpose(_ a: MatrixExpr) -> MatrixExpr {
    MatrixExpr(.transpose(a), shape: a.node.shape.transposed)
  }
  public static func inverse(_ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.inverse(a), shape: a.node.shape) }
  public static func map(_ body: Expr, _ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.map(body, a), shape: a.node.shape) }
  public static func diag(_ a: MatrixExpr) -> MatrixExpr {
    let s = a.node.shape
    return MatrixExpr(
      .diag(a),
      shape: s.columns == .one ? Shape(rows: s.rows, columns: s.rows) : Shape(rows: s.rows, columns: .one))
  }
  public static func trace(_ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.trace(a), shape: .scalar) }
  public static func det(_ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.det(a), shape: .scalar) }
  public static func norm(_ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.norm(a), shape: .scalar) }
  public static func total(_ a: MatrixExpr) -> MatrixExpr { MatrixExpr(.total(a), shape: .scalar) }

  /// The shape of a sum or elementwise product: its first term that is not 1×1.
  private static func firstMatrix(_ terms: [MatrixExpr]) -> Shape {
    terms.first { !$0.node.shape.isScalar }?.node.shape ?? .scalar
  }

  // MARK: Walks

  /// The operands, for walks.
  public var children: [MatrixExpr] { Self.children(of: kind) }

  static func children(of kind: Kind) -> [MatrixExpr] {
    switch kind {
    case .variable, .differential, .scalar, .identity, .ones: return []
    case .sum(let terms): return terms
    case .product(let factors), .hadamard(let factors): return factors
    case .transpose(let a), .inverse(let a), .map(_, let a), .diag(let a), .trace(let a), .det(let a), .norm(let a),
      .total(let a):
      return [a]
    }
  }

  /// The expression with `transform` applied to each operand (one level).
  func mapChildren(_ transform: (MatrixExpr) -> MatrixExpr) -> MatrixExpr {
    switch kind {
    case .variable, .differential, .scalar, .identity, .ones: return self
    case .sum(let terms): return .sum(terms.map(transform))
    case .product(let factors): return .product(factors.map(transform))
    case .hadamard(let factors): return .hadamard(factors.map(transform))
    case .transpose(let a): return .transpose(transform(a))
    case .inverse(let a): return .inverse(transform(a))
    case .map(let body, let a): return .map(body, transform(a))
    case .diag(let a): return .diag(transform(a))
    case .trace(let a): return .trace(transform(a))
    case .det(let a): return .det(transform(a))
    case .norm(let a): return .norm(transform(a))
    case .total(let a): return .total(transform(a))
    }
  }

  /// The expression with every differential replaced by `v` (J·v from the differential J·dx);
  /// parts without a differential are kept as they are (shared, not rebuilt).
  func replacingDifferentials(with v: MatrixExpr) -> MatrixExpr {
    if case .differential = kind { return v }
    guard containsDifferential() else { return self }
    return mapChildren { $0.replacingDifferentials(with: v) }
  }

  /// Whether a differential occurs (recorded when the node was made). A differential is
  /// linear: the rules never put one inside an elementwise function, an inverse, a determinant
  /// or a norm, so those are not entered (their arguments are the long part of a deep network's
  /// differential).
  public func containsDifferential() -> Bool { node.containsDifferential }

  /// Whether the variable `name` occurs (scalars hold atoms: see ``MatrixContext/dependsOn(_:_:)``).
  func mentions(_ name: String) -> Bool {
    if case .variable(let v) = kind { return v == name }
    return children.contains { $0.mentions(name) }
  }
}
