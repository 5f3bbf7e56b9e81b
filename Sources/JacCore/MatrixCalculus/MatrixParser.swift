/// Recursive-descent parser of matrix expressions (the matrix rules of `grammar/jac.ebnf`),
/// used when the request declares a vector or matrix. Shapes are inferred as it goes: each
/// operator unifies the sizes it needs equal (``MatrixContext``) and a size that cannot agree
/// is an error at the operator.
///
/// ```
/// matrixExpression = matrixTerm { ( "+" | "-" ) matrixTerm } ;
/// matrixTerm = matrixUnary { ( "*" | "/" | ".*" | "⊙" | "./" ) matrixUnary } ;
/// matrixUnary = ( "-" | "+" ) matrixUnary | matrixPower ;
/// matrixPower = matrixPostfix [ ( "^" | ".^" ) ( "T" | matrixUnary ) | SUPERSCRIPT ] ;
/// matrixPostfix = matrixPrimary { "'" | "ᵀ" } ;
/// matrixPrimary = NUMBER | matrixCall | IDENTIFIER | "(" matrixExpression ")" ;
/// matrixCall = ( FUNCTION | MATRIXFUNCTION ) "(" matrixExpression { "," matrixExpression } ")" ;
/// ```
public struct MatrixParser {
  /// A parsed operand: its value and where it was written.
  struct Parsed {
    var value: MatrixExpr
    /// Its shape, carried along (sizes are resolved when compared).
    var shape: Shape
    var range: SourceRange
    init(value: MatrixExpr, shape: Shape, range: SourceRange) {
      self.value = value
      self.shape = shape
      self.range = range
    }
    init(_ shaped: (value: MatrixExpr, shape: Shape), range: SourceRange) {
      self.init(value: shaped.value, shape: shaped.shape, range: range)
    }
  }

  private var lexer: MatrixLexer
  var current: MatrixLexer.Item
  private var previousEnd = 0
  let context: MatrixContext
  var pool: ExpressionPool { context.pool }
  private var depth = 0
  private let text: String
  /// Whether the constant `e` stood alone, not as `e^…`, `e.^…` or `e²`.
  private var eulerAlone = false

  /// Functions of vectors and matrices, beside jac's scalar functions (which apply to each entry).
  public static let matrixFunctions = [
    "det", "diag", "dot", "inv", "logsumexp", "norm", "softmax", "sum", "tr", "trace",
  ]

  /// Other tools' names for what jac writes otherwise: an error that says how, not a guess.
  static let foreignMatrixFunctions = [
    "transpose": "write A' for the transpose of A", "inverse": "write inv(A) for the inverse",
    "logdet": "write log(det(A))", "matmul": "write A*B for the matrix product",
    "outer": "write x*y' for the outer product", "inner": "write dot(x, y) or x'*y",
  ]

  /// Parses `text` (one expression) in `context`.
  public static func parse(_ text: String, in context: MatrixContext) throws(ParseError) -> MatrixExpr {
    var uses = Parser.Uses()
    return try parse(text, in: context, uses: &uses)
  }

  /// ``parse(_:in:)``, noting in `uses` a constant `e` written alone (``Parser/Uses/eulerAlone``).
  public static func parse(_ text: String, in context: MatrixContext, uses: inout Parser.Uses) throws(ParseError)
    -> MatrixExpr
  {
    var parser = try MatrixParser(text, context: context)
    defer { uses.eulerAlone = uses.eulerAlone || parser.eulerAlone }
    if parser.current.kind == .token(.end) { throw ParseError(.emptyInput, parser.current.range) }
    let e = try parser.parseMatrixExpression()
    switch parser.current.kind {
    case .token(.end): return e.value
    case .token(.rightParen): throw ParseError(.unexpectedCloseParen, parser.current.range)
    default: throw ParseError(.expectedOperator(found: parser.current.quoted), parser.current.range)
    }
  }

  init(_ text: String, context: MatrixContext) throws(ParseError) {
    self.context = context
    self.text = text
    lexer = MatrixLexer(text)
    current = try lexer.next()
  }

  mutating func advance() throws(ParseError) {
    previousEnd = current.range.end
    current = try lexer.next()
  }

  private mutating func enter(_ range: SourceRange) throws(ParseError) {
    depth += 1
    if depth > Parser.maxNesting { throw ParseError(.nestingTooDeep(limit: Parser.maxNesting), range) }
  }

  private func span(_ a: Parsed, _ b: Parsed) -> SourceRange { SourceRange(a.range.start, b.range.end) }

  /// `shaped`, unless a scalar in it became undefined (`x'*x/0`, `0^-1`): then the operation at
  /// `range` divided by zero. Input is never repaired into a value.
  private func defined(_ shaped: (value: MatrixExpr, shape: Shape), at range: SourceRange) throws(ParseError) -> (
    value: MatrixExpr, shape: Shape
  ) {
    switch shaped.value.kind {
    case .scalar(let e), .map(let e, _):
      if pool.isUndefined(e) { throw ParseError(pool.numberTooLarge ? .numberTooLarge : .divisionByZero, range) }
    case .product(let factors):
      for case .scalar(let e) in factors.map(\.kind) where pool.isUndefined(e) {
        throw ParseError(pool.numberTooLarge ? .numberTooLarge : .divisionByZero, range)
      }
    default: break
    }
    return shaped
  }

  // MARK: Rules

  mutating func parseMatrixExpression() throws(ParseError) -> Parsed {
    var result = try parseMatrixTerm()
    while current.kind == .token(.plus) || current.kind == .token(.minus) {
      let op = current
      try advance()
      let rhs = try parseMatrixTerm()
      let sum = try add(result, rhs, negate: op.kind == .token(.minus), at: op)
      result = Parsed(try defined(sum, at: span(result, rhs)), range: span(result, rhs))
    }
    return result
  }

  mutating func parseMatrixTerm() throws(ParseError) -> Parsed {
    var result = try parseMatrixUnary()
    while true {
      let op = current
      switch op.kind {
      case .token(.star), .token(.slash), .elementwiseTimes, .elementwiseDivide:
        try advance()
        let rhs = try parseMatrixUnary()
        let value: Shaped
        switch op.kind {
        case .token(.star): value = try multiply(result, rhs, at: op)
        case .token(.slash): value = try divide(result, rhs, at: op)
        case .elementwiseTimes: value = try elementwise(result, rhs, at: op)
        default: value = try elementwise(result, rhs, dividing: true, at: op)
        }
        result = Parsed(try defined(value, at: span(result, rhs)), range: span(result, rhs))
      case .token(.identifier), .token(.number), .token(.leftParen):
        throw ParseError(.expectedOperator(found: current.quoted), current.range)
      default:
        return result
      }
    }
  }

  mutating func parseMatrixUnary() throws(ParseError) -> Parsed {
    if current.kind == .token(.minus) || current.kind == .token(.plus) {
      let sign = current
      try enter(sign.range)
      defer { depth -= 1 }
      try advance()
      let operand = try parseMatrixUnary()
      let value = sign.kind == .token(.minus) ? negate(operand.value) : operand.value
      return Parsed(value: value, shape: operand.shape, range: SourceRange(sign.range.start, operand.range.end))
    }
    return try parseMatrixPower()
  }

  mutating func parseMatrixPower() throws(ParseError) -> Parsed {
    let base = try parseMatrixPostfix()
    let op = current
    switch op.kind {
    case .token(.superscript(let n)):
      try advance()
      let exponent = Parsed(value: .scalar(pool.number(n)), shape: .scalar, range: op.range)
      return Parsed(
        try defined(try power(base, exponent, at: op), at: span(base, exponent)), range: span(base, exponent))
    case .token(.caret), .elementwisePower:
      try enter(op.range)
      defer { depth -= 1 }
      try advance()
      if case .token(.identifier("T")) = current.kind, op.kind == .token(.caret), context.kinds["T"] == nil {
        let t = current
        try advance()
        return Parsed(transpose(base), range: SourceRange(base.range.start, t.range.end))
      }
      let exponent = try parseMatrixUnary()
      let value =
        op.kind == .elementwisePower ? try elementwisePower(base, exponent, at: op) : try power(base, exponent, at: op)
      return Parsed(try defined(value, at: span(base, exponent)), range: span(base, exponent))
    default:
      return base
    }
  }

  mutating func parseMatrixPostfix() throws(ParseError) -> Parsed {
    var result = try parseMatrixPrimary()
    while current.kind == .transpose {
      result = Parsed(transpose(result), range: SourceRange(result.range.start, current.range.end))
      try advance()
    }
    return result
  }

  mutating func parseMatrixPrimary() throws(ParseError) -> Parsed {
    let token = current
    switch token.kind {
    case .token(.number(let q)):
      try advance()
      return Parsed(value: .scalar(pool.number(q)), shape: .scalar, range: token.range)
    case .token(.leftParen):
      try enter(token.range)
      defer { depth -= 1 }
      try advance()
      let inner = try parseMatrixExpression()
      try expectCloseParen(openedAt: token)
      return Parsed(value: inner.value, shape: inner.shape, range: SourceRange(token.range.start, previousEnd))
    case .token(.identifier(let name)):
      try advance()
      if current.kind == .token(.leftParen) { return try parseMatrixCall(name, token) }
      if context.kinds[name] != nil {
        return Parsed(value: context.variable(name), shape: context.declaredShape(name), range: token.range)
      }
      if name == "I" {  // the identity, of the size its use needs
        let n = context.fresh()
        return Parsed(value: .identity(n), shape: Shape(rows: n, columns: n), range: token.range)
      }
      if name == "pi" || name == "π" { return Parsed(value: .scalar(pool.pi), shape: .scalar, range: token.range) }
      if name == "e" {
        switch current.kind {
        case .token(.caret), .token(.superscript), .elementwisePower: break
        default: eulerAlone = true
        }
        return Parsed(value: .scalar(pool.call(.exp, pool.one)), shape: .scalar, range: token.range)
      }
      if Parser.isVariableName(name) {
        return Parsed(value: .scalar(pool.symbol(name)), shape: .scalar, range: token.range)
      }
      throw ParseError(.expectedArgumentList(function: name), token.range)
    case .token(.end), .token(.rightParen), .token(.comma):
      throw ParseError(.expectedExpression(found: token.quoted), token.range)
    default:
      throw ParseError(.expectedExpression(found: token.quoted), token.range)
    }
  }

  mutating func parseMatrixCall(_ name: String, _ nameToken: MatrixLexer.Item) throws(ParseError) -> Parsed {
    try enter(nameToken.range)
    defer { depth -= 1 }
    let open = current
    try advance()
    var arguments = [try parseMatrixExpression()]
    while current.kind == .token(.comma) {
      try advance()
      arguments.append(try parseMatrixExpression())
    }
    try expectCloseParen(openedAt: open)
    let range = SourceRange(nameToken.range.start, previousEnd)
    return Parsed(try call(name, arguments, at: range), range: range)
  }

  private mutating func expectCloseParen(openedAt open: MatrixLexer.Item) throws(ParseError) {
    switch current.kind {
    case .token(.rightParen): try advance()
    case .token(.end), .token(.comma):
      let column = SourceLocation.column(of: open.range.start, in: text)
      throw ParseError(.expectedCloseParen(openColumn: column), current.range)
    default: throw ParseError(.expectedOperator(found: current.quoted), current.range)
    }
  }
}
