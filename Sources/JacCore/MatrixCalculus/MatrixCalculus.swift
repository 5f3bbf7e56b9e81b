/// The commands of the matrix layer: differential, simplification, identification.
///
///     grad f      (f 1×1, X any shape)   df = ⟨G, dX⟩          → G, X's shape
///     jacobian f  (f m×1 or 1×1, x n×1)  df = J·dx             → J, m×n (1×n for a scalar)
///     hessian f   (f 1×1, x n×1)         d(∇f) = H·dx          → H, n×n
///     simplify f                                               → f, simplified
public struct MatrixCalculus {
  let context: MatrixContext
  let differentiator: Differentiator
  let simplifier: MatrixSimplifier

  public init(context: MatrixContext, differentiator: Differentiator, simplifyScalar: @escaping (Expr) -> Expr) {
    self.context = context
    self.differentiator = differentiator
    simplifier = MatrixSimplifier(context: context, simplifyScalar: simplifyScalar)
  }

  private var identification: MatrixIdentification { MatrixIdentification(context: context, simplifier: simplifier) }

  /// The simplified differential of `f` along the variable `x`, linear in dx.
  /// f is simplified first: its nested elementwise functions become one (tanh(tanh(x)) is one
  /// function of x), so the differential is taken once, not once per level.
  func differential(_ f: MatrixExpr, _ x: String) -> MatrixExpr? {
    guard let g = simplifier.simplify(f) else { return nil }
    let raw = MatrixDifferential(context: context, differentiator: differentiator, variable: x).d(g)
    return raw.flatMap(simplifier.simplify)
  }

  /// The result of `command` on `f`; nil is 0.
  public func compute(_ command: Request.Command, _ f: MatrixExpr, variables: [String]) throws(JacError) -> MatrixExpr?
  {
    if command == .simplify { return simplifier.simplify(f) }
    guard variables.count == 1 else { throw .matrixCalculus(.oneVariable(command: command, names: variables)) }
    let x = variables[0]
    let shape = context.shape(f)
    switch command {
    case .grad:
      guard shape.isScalar else { throw .matrixCalculus(.notScalar(command: command, shape: context.describe(shape))) }
      return try gradient(f, x)
    case .jacobian:
      guard shape.columns == .one else { throw .matrixCalculus(.notColumn(shape: context.describe(shape))) }
      return try jacobian(f, x)
    case .hessian:
      guard shape.isScalar else { throw .matrixCalculus(.notScalar(command: command, shape: context.describe(shape))) }
      guard let g = try gradient(f, x) else { return nil }
      return try jacobian(g, x, command: .hessian)
    case .det, .diff, .inverse, .newton, .sparsity, .simplify, .logdet, .linearize, .taylor, .implicit, .critical:
      // The option table lets only jacobian, grad, hessian and simplify declare matrices.
      throw .notApplicable(
        .onlyFor([.vector, .matrix, .symmetric, .expand], commands: [.jacobian, .grad, .hessian, .simplify]))
    }
  }

  /// `--jvp V`: the directional derivative J·V, the differential of f with V for dX (X's shape).
  public func jvp(_ f: MatrixExpr, _ x: String, direction v: MatrixExpr) -> MatrixExpr? {
    differential(f, x).flatMap { simplifier.simplify($0.replacingDifferentials(with: v)) }
  }

  /// `--vjp U`: uᵀ·J, the gradient of ⟨U, f⟩ along X (U of f's shape): X's shape for a matrix
  /// X (the form backpropagation uses, `diag(σ'(z))*W2'*g*x'`), a row uᵀ·J for a vector x.
  public func vjp(_ f: MatrixExpr, _ x: String, cotangent u: MatrixExpr) throws(JacError) -> MatrixExpr? {
    guard let df = differential(f, x) else { return nil }
    let g: MatrixExpr?
    do {
      let terms = try identification.gradient(df, seed: u)
      g = terms.isEmpty ? nil : simplifier.simplify(terms.count == 1 ? terms[0] : .sum(terms))
    } catch {
      throw .matrixCalculus(.notIdentified)
    }
    guard let g, context.declaredShape(x).columns == .one else { return g }
    return simplifier.transpose(g)
  }

  /// ∇ₓf with df = ⟨∇ₓf, dX⟩.
  public func gradient(_ f: MatrixExpr, _ x: String) throws(JacError) -> MatrixExpr? {
    guard let df = differential(f, x) else { return nil }
    do {
      let terms = try identification.gradient(df, seed: .scalar(context.pool.one))
      return terms.isEmpty ? nil : simplifier.simplify(terms.count == 1 ? terms[0] : .sum(terms))
    } catch {
      throw .matrixCalculus(.notIdentified)
    }
  }

  /// J with df = J·dx, x a vector.
  public func jacobian(
    _ f: MatrixExpr, _ x: String, command: Request.Command = .jacobian
  ) throws(JacError) -> MatrixExpr? {
    let shape = context.declaredShape(x)
    guard shape.columns == .one else { throw .matrixCalculus(.tensor(command: command, variable: x)) }
    guard let df = differential(f, x) else { return nil }
    do {
      return try identification.jacobian(df, size: shape.rows).flatMap(simplifier.simplify)
    } catch {
      throw .matrixCalculus(.notIdentified)
    }
  }
}
