#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The smart constructor of `apply` nodes, `op(a₁, …, aₙ)`, and the partial derivatives of the
/// built-in operators.
extension ExpressionPool {
  /// `op(arguments)`: undefined when an argument is; otherwise in canonical form
  /// (``canonicalApply(_:_:trace:)``: max and min flattened and sorted, known values).
  public func apply(_ op: Operator, _ arguments: [Expr], trace: RuleTrace? = nil) -> Expr {
    if arguments.contains(where: { kind($0) == .undefined }) { return undefined }
    switch canonicalApply(op, arguments, trace: trace) {
    case .value(let e): return e
    case .arguments(let args): return intern(.apply, payload: operatorPayload(op), operands: args)
    }
  }

  /// The index of `op` in ``operators``, added on first use.
  func operatorPayload(_ op: Operator) -> Int32 {
    if let index = operatorIndex[op] { return index }
    operators.append(op)
    let index = Int32(operators.count - 1)
    operatorIndex[op] = index
    return index
  }

  /// The names of the undefined functions `roots` apply (`f` for `f'(x)` too), in natural order.
  public func undefinedFunctions(_ roots: [Expr]) -> [String] {
    var names = Set<String>()
    for e in distinctNodes(roots) {
      if case .undefined(let name, _)? = applied(e) { names.insert(name) }
    }
    return names.sorted { Self.compareNames($0, $1) < 0 }
  }

  /// The operator of an `apply` node, or nil.
  func applied(_ e: Expr) -> Operator? {
    let r = records[e.index]
    return r.kind == .apply ? operators[Int(r.payload)] : nil
  }

  /// ∂op/∂(argument `i`) at `arguments` (0-based `i`):
  /// - max, min: ∂max/∂aᵢ = Πⱼ≠ᵢ (1 + sign(aᵢ − aⱼ))/2 (min: 1 − sign), so a tie of two splits 1/2, 1/2;
  /// - polygamma(n, x): ∂/∂x = polygamma(n + 1, x); none along the integer n (undefined);
  /// - beta(a, b): ∂/∂a = B(a, b)(ψ(a) − ψ(a + b)), and the same with a and b exchanged;
  /// - atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²), so d atan2(y, x) = (x dy − y dx)/(x² + y²);
  /// - an undefined f: `D[i+1](f)` at the same arguments (partials of partials sort their positions,
  ///   as mixed partials of smooth functions commute).
  public func partial(_ op: Operator, _ i: Int, _ arguments: [Expr]) -> Expr {
    switch op {
    case .atan2:
      let (y, x) = (arguments[0], arguments[1])
      let r2 = add(power(x, number(2)), power(y, number(2)))
      return i == 0 ? divide(x, r2) : negate(divide(y, r2))
    case .max, .min:
      // ∂max/∂aᵢ = Πⱼ≠ᵢ (1 + sign(aᵢ − aⱼ))/2: 1 where aᵢ is the largest, 0 where another is
      // larger, 1/2 at a tie of two (the even split of PyTorch's maximum and JAX); min with −.
      var factors: [Expr] = []
      for (j, a) in arguments.enumerated() where j != i {
        let s = call(.sign, subtract(arguments[i], a))
        factors.append(multiply(half, op == .max ? add(one, s) : subtract(one, s)))
      }
      return multiply(factors)
    case .polygamma:
      // ψ⁽ⁿ⁾ is defined for integers n only: no derivative along n.
      return i == 0 ? undefined : apply(.polygamma, [add(arguments[0], one), arguments[1]])
    case .beta:
      // ∂B(a, b)/∂a = B(a, b)·(ψ(a) − ψ(a + b)).
      let (a, b) = (arguments[i], arguments[1 - i])
      let psi = subtract(call(.digamma, a), call(.digamma, add(a, b)))
      return multiply(apply(.beta, arguments), psi)
    case .undefined:
      return apply(op.differentiated(along: i + 1)!, arguments)
    }
  }

  /// atan2 with the real-domain semantics of jac: NaN at the origin, where the angle is undefined.
  static func angle(_ y: Double, _ x: Double) -> Double {
    if x == 0 && y == 0 { return .nan }
    return atan2(y, x)
  }
}
