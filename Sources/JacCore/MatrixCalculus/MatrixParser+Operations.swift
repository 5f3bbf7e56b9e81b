/// The operations of matrix input, with their size checks. A scalar (a 1×1) scales a matrix,
/// is added to each of its entries (`1 - z`), and goes through scalar functions and powers in the
/// pool (`norm(x)^2`, `log(det(X))`); between two matrices each operator unifies the sizes it
/// needs equal and reports the two shapes where they cannot be.
extension MatrixParser {
  /// A value and its shape: each operation computes its shape from its operands' (asking the
  /// context would walk the whole operand each time: n² for n nested layers).
  typealias Shaped = (value: MatrixExpr, shape: Shape)

  private func sizes(_ op: MatrixLexer.Item, _ a: Shape, _ b: Shape) -> ParseError {
    let name = op.quoted.dropFirst().dropLast()
    return ParseError(
      .matrixSizes(operator: String(name), left: context.describe(a), right: context.describe(b)), op.range)
  }

  /// `a + b`, `a - b`; a scalar is added to each entry of a matrix.
  func add(_ a: Parsed, _ b: Parsed, negate negative: Bool, at op: MatrixLexer.Item) throws(ParseError) -> Shaped {
    let rhs = negative ? negate(b.value) : b.value
    let (sa, sb) = (a.shape, b.shape)
    if sa.isScalar && sb.isScalar {
      if case .scalar(let x) = a.value.kind, case .scalar(let y) = rhs.kind {
        return (.scalar(pool.add(x, y)), .scalar)
      }
      return (.sum([a.value, rhs]), .scalar)
    }
    if sa.isScalar { return (.map(pool.add(context.scalar(a.value), context.placeholder), rhs), sb) }
    if sb.isScalar { return (.map(pool.add(context.placeholder, context.scalar(rhs)), a.value), sa) }
    guard context.unify(sa.rows, sb.rows), context.unify(sa.columns, sb.columns) else { throw sizes(op, sa, sb) }
    return (.sum([a.value, rhs]), sa)
  }

  /// `a*b`: the matrix product (a's columns are b's rows), or a scaling by a scalar.
  func multiply(_ a: Parsed, _ b: Parsed, at op: MatrixLexer.Item) throws(ParseError) -> Shaped {
    let (sa, sb) = (a.shape, b.shape)
    if case .scalar(let x) = a.value.kind, case .scalar(let y) = b.value.kind {
      return (.scalar(pool.multiply(x, y)), .scalar)
    }
    if sa.isScalar || sb.isScalar { return (.product([a.value, b.value]), sa.isScalar ? sb : sa) }
    guard context.unify(sa.columns, sb.rows) else { throw sizes(op, sa, sb) }
    return (.product([a.value, b.value]), Shape(rows: sa.rows, columns: sb.columns))
  }

  /// `a/b`, b a scalar.
  func divide(_ a: Parsed, _ b: Parsed, at op: MatrixLexer.Item) throws(ParseError) -> Shaped {
    let sb = b.shape
    guard sb.isScalar else { throw ParseError(.matrixDivisor(found: context.describe(sb)), op.range) }
    let reciprocal = pool.reciprocal(context.scalar(b.value))
    if case .scalar(let x) = a.value.kind { return (.scalar(pool.multiply(x, reciprocal)), .scalar) }
    return (.product([.scalar(reciprocal), a.value]), a.shape)
  }

  /// `a .* b` and `a ./ b`, entry by entry (sizes equal), or a scaling by a scalar.
  func elementwise(
    _ a: Parsed, _ b: Parsed, dividing: Bool = false, at op: MatrixLexer.Item
  ) throws(ParseError) -> Shaped {
    let (sa, sb) = (a.shape, b.shape)
    var rhs = b.value
    if dividing {
      rhs =
        sb.isScalar
        ? .scalar(pool.reciprocal(context.scalar(b.value))) : .map(pool.reciprocal(context.placeholder), b.value)
    }
    if case .scalar(let x) = a.value.kind, case .scalar(let y) = rhs.kind {
      return (.scalar(pool.multiply(x, y)), .scalar)
    }
    if sa.isScalar || sb.isScalar { return (.product([a.value, rhs]), sa.isScalar ? sb : sa) }
    guard context.unify(sa.rows, sb.rows), context.unify(sa.columns, sb.columns) else { throw sizes(op, sa, sb) }
    return (.hadamard([a.value, rhs]), sa)
  }

  /// `u^k` of a scalar; `X^-1` is the inverse of a square matrix. Other powers of a matrix are
  /// errors (`.^` raises each entry).
  func power(_ base: Parsed, _ exponent: Parsed, at op: MatrixLexer.Item) throws(ParseError) -> Shaped {
    let (sb, se) = (base.shape, exponent.shape)
    guard se.isScalar else { throw sizes(op, sb, se) }
    if sb.isScalar {
      return (.scalar(pool.power(context.scalar(base.value), context.scalar(exponent.value))), .scalar)
    }
    guard case .scalar(let k) = exponent.value.kind, k == pool.minusOne else {
      throw ParseError(.matrixPower(found: context.describe(sb)), op.range)
    }
    guard context.unify(sb.rows, sb.columns) else {
      throw ParseError(.matrixNotSquare(function: "^-1", found: context.describe(sb)), op.range)
    }
    return (.inverse(base.value), sb)
  }

  /// `z.^k`: each entry to the power k (a scalar).
  func elementwisePower(_ base: Parsed, _ exponent: Parsed, at op: MatrixLexer.Item) throws(ParseError) -> Shaped {
    let (sb, se) = (base.shape, exponent.shape)
    guard se.isScalar else { throw sizes(op, sb, se) }
    let k = context.scalar(exponent.value)
    if sb.isScalar { return (.scalar(pool.power(context.scalar(base.value), k)), .scalar) }
    return (.map(pool.power(context.placeholder, k), base.value), sb)
  }

  func negate(_ m: MatrixExpr) -> MatrixExpr {
    if case .scalar(let x) = m.kind { return .scalar(pool.negate(x)) }
    return .product([.scalar(pool.minusOne), m])
  }

  /// `a'`; a 1×1 is its own transpose.
  func transpose(_ m: Parsed) -> Shaped {
    m.shape.isScalar ? (m.value, m.shape) : (.transpose(m.value), m.shape.transposed)
  }

  // MARK: Calls

  /// A matrix function (``MatrixParser/matrixFunctions``), or a scalar function: of scalars in
  /// the pool, of one vector or matrix entry by entry.
  func call(_ name: String, _ arguments: [Parsed], at range: SourceRange) throws(ParseError) -> Shaped {
    if Self.matrixFunctions.contains(name) { return try matrixCall(name, arguments, at: range) }
    if let advice = Self.foreignMatrixFunctions[name], Parser.callee(named: name) == nil {
      throw ParseError(.foreignMatrixFunction(name: name, advice: advice), range)
    }
    guard let callee = Parser.callee(named: name) else {
      let suggestions = EditDistance.suggestions(for: name, among: Parser.functionNames + Self.matrixFunctions)
      throw ParseError(.unknownFunction(name: name, suggestions: suggestions), range)
    }
    if let arity = callee.arity, !arity.contains(arguments.count) {
      throw ParseError(.wrongArgumentCount(function: name, expected: arity, count: arguments.count), range)
    }
    let values = arguments.map(\.value)
    if arguments.allSatisfy({ $0.shape.isScalar }) {
      let result = scalarCall(callee, values.map(context.scalar))
      if pool.isUndefined(result) {
        throw ParseError(.undefinedFunctionValue(function: name, at: "this argument"), range)
      }
      return (.scalar(result), .scalar)
    }
    guard values.count == 1 else { throw ParseError(.matrixFunction(name: name), range) }
    if name == "log" || name == "ln", let z = softmaxArgument(values[0]) {
      // log(softmax(z)) = z - logsumexp(z): the entries of a softmax are positive.
      let lse = pool.call(.log, context.scalar(.total(.map(pool.call(.exp, context.placeholder), z))))
      return (.map(pool.subtract(context.placeholder, lse), z), arguments[0].shape)
    }
    return (.map(scalarCall(callee, [context.placeholder]), values[0]), arguments[0].shape)
  }

  /// z, if `m` is softmax(z) as the parser writes it: exp(z)/sum(exp(z)).
  private func softmaxArgument(_ m: MatrixExpr) -> MatrixExpr? {
    guard case .product(let factors) = m.kind, factors.count == 2, case .scalar(let c) = factors[0].kind,
      case .map(let body, let z) = factors[1].kind, body == pool.call(.exp, context.placeholder),
      c == pool.reciprocal(context.scalar(.total(factors[1])))
    else { return nil }
    return z
  }

  /// The pool expression of a scalar function (the forms the scalar parser writes).
  private func scalarCall(_ callee: Parser.Callee, _ x: [Expr]) -> Expr {
    switch callee {
    case .unary(let f): return f.map { pool.call($0, x[0]) } ?? pool.sqrt(x[0])
    case .several(let op): return pool.apply(op, x)
    case .logarithm: return x.count == 1 ? pool.call(.log, x[0]) : pool.logarithm(x[0], base: x[1])
    case .rewritten(let r): return r.form(x, in: pool)
    }
  }

  private func matrixCall(_ name: String, _ arguments: [Parsed], at range: SourceRange) throws(ParseError) -> Shaped {
    let count = name == "dot" ? 2 : 1
    guard arguments.count == count else {
      throw ParseError(.wrongArgumentCount(function: name, expected: count...count, count: arguments.count), range)
    }
    let a = arguments[0].value
    let s = context.resolved(arguments[0].shape)
    func square() throws(ParseError) {
      guard context.unify(s.rows, s.columns) else {
        throw ParseError(.matrixNotSquare(function: name, found: context.describe(s)), range)
      }
    }
    switch name {
    case "dot":
      let b = arguments[1].value
      let t = context.resolved(arguments[1].shape)
      guard s.columns == .one, t.columns == .one, !s.isScalar, !t.isScalar else {
        throw ParseError(
          .matrixArgument(
            function: name, expected: "two vectors", found: context.describe(s) + ", " + context.describe(t)),
          range)
      }
      guard context.unify(s.rows, t.rows) else {
        throw ParseError(.matrixSizes(operator: name, left: context.describe(s), right: context.describe(t)), range)
      }
      return (.product([.transpose(a), b]), .scalar)
    case "sum": return (s.isScalar ? a : .total(a), .scalar)
    case "softmax", "logsumexp":
      // softmax(z) = exp(z)/sum(exp(z)), logsumexp(z) = log(sum(exp(z))), of a vector.
      guard s.columns == .one else {
        throw ParseError(.matrixArgument(function: name, expected: "a vector", found: context.describe(s)), range)
      }
      let exps: MatrixExpr = s.isScalar ? a : .map(pool.call(.exp, context.placeholder), a)
      let total = context.scalar(s.isScalar ? exps : .total(exps))
      if name == "logsumexp" { return (.scalar(pool.call(.log, total)), .scalar) }
      return (.product([.scalar(pool.reciprocal(total)), exps]), s)
    case "norm": return (s.isScalar ? .scalar(pool.call(.abs, context.scalar(a))) : .norm(a), .scalar)
    case "tr", "trace":
      if s.isScalar { return (a, s) }
      try square()
      return (.trace(a), .scalar)
    case "det":
      if s.isScalar { return (a, s) }
      try square()
      return (.det(a), .scalar)
    case "inv":
      if s.isScalar { return (.scalar(pool.reciprocal(context.scalar(a))), s) }
      try square()
      return (.inverse(a), s)
    default:  // diag
      if s.isScalar { return (a, s) }
      if s.columns == .one { return (.diag(a), Shape(rows: s.rows, columns: s.rows)) }
      try square()
      return (.diag(a), Shape(rows: s.rows, columns: .one))
    }
  }
}
