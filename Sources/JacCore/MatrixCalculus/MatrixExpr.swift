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
/// Invariants kept by ``MatrixSimplifier`` (the parser and the differential build raw forms):
/// - a sum has at least two terms, none of them a sum; like terms are collected;
/// - a product has at least two factors, none of them a product; its scalar factors are merged
///   into one `scalar`, first, never 1;
/// - zero is not a node: a differential or simplification that vanishes is `nil`;
/// - transposes sit on variables, differentials, inverses and vector-valued maps only
///   (`(A*B)'` = `B'*A'`, `(A')'` = `A`, `S'` = `S` for symmetric `S`);
/// - scalars (numbers, scalar symbols, and `atoms` standing for 1×1 matrix expressions) live in
///   the pool, inside `scalar`.
public indirect enum MatrixExpr: Hashable, Sendable {
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

  /// The operands, for walks.
  public var children: [MatrixExpr] {
    switch self {
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
    switch self {
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

  /// The expression with every differential replaced by `v` (J·v from the differential J·dx).
  func replacingDifferentials(with v: MatrixExpr) -> MatrixExpr {
    if case .differential = self { return v }
    return mapChildren { $0.replacingDifferentials(with: v) }
  }

  /// Whether a differential occurs. A differential is linear: the rules never put one inside
  /// an elementwise function, an inverse, a determinant or a norm, so those are not entered
  /// (their arguments are the long part of a deep network's differential).
  public func containsDifferential() -> Bool {
    switch self {
    case .differential: return true
    case .variable, .scalar, .identity, .ones, .map, .inverse, .det, .norm: return false
    case .sum, .product, .hadamard, .transpose, .diag, .trace, .total:
      return children.contains { $0.containsDifferential() }
    }
  }

  /// Whether the variable `name` occurs (scalars hold atoms: see ``MatrixContext/dependsOn(_:_:)``).
  func mentions(_ name: String) -> Bool {
    if case .variable(let v) = self { return v == name }
    return children.contains { $0.mentions(name) }
  }
}
