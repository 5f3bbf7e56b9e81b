/// Names that are not variables already read (``Parser/parsePrimary()`` hands them here): calls
/// of the elementary and special functions, applications of undefined ones, the constants, and
/// new variables; with the messages for a name that is none of these.
extension Parser {
  /// What the name of entry `i` of ``names``, just consumed (`token`), stands for here, when it
  /// is not a variable already read: a call, an application, a constant or a new variable.
  mutating func named(_ i: Int, _ token: Lexeme) throws(ParseError) -> Expr {
    if current.tag != .prime, let callee = names.entries[i].callee,
      current.tag == .leftParen || !names.entries[i].alsoVariable
    {
      return try parseCall(callee, entry: i, token)
    }
    // The name's `String` is copied out of its entry only here (a call reads it for a message).
    let name = names.entries[i].name
    if current.tag == .prime { return try parseApplication(name, token) }
    if current.tag == .leftParen {
      if names.entries[i].isUndefinedFunction { return try parseApplication(name, token) }
      if Self.constantNames.contains(name) || name.unicodeScalars.count == 1 {
        throw ParseError(.notAFunction(name: name), token.range)
      }
      if MatrixParser.matrixFunctions.contains(name) {
        throw ParseError(.matrixFunctionWithoutMatrices(name: name), token.range)
      }
      // Another notation's name (`tg`), then the elementary functions first (`sinn`: sin or
      // sinh, not sign), then every name.
      if let foreign = Self.foreignNames.first(where: { $0.0 == name }) {
        throw ParseError(.unknownFunction(name: name, suggestions: [foreign.1]), token.range)
      }
      let elementary = EditDistance.suggestions(for: name, among: Self.elementaryNames)
      let suggestions =
        elementary.isEmpty ? EditDistance.suggestions(for: name, among: Self.functionNames) : elementary
      throw ParseError(.unknownFunction(name: name, suggestions: suggestions), token.range)
    }
    guard Self.isConstantName(name) else { return try variable(name, token.range, entry: i) }
    guard name == "e" else { return pool.pi }
    if current.tag != .caret && current.tag != .superscript { uses.eulerAlone = true }
    return pool.call(.exp, pool.one)
  }

  /// `call = FUNCTION "(" expression ")"`; the name of entry `i` of ``names`` was just consumed.
  private mutating func parseCall(_ callee: Callee, entry i: Int, _ nameToken: Lexeme) throws(ParseError) -> Expr {
    var name: String { names.entries[i].name }
    guard current.tag == .leftParen else { throw ParseError(.expectedArgumentList(function: name), nameToken.range) }
    try enter(nameToken.range)
    defer { depth -= 1 }
    let open = current
    try advance()
    let argStart = current.range.start
    let argument = try parseExpression()
    // Every argument, when there are several (one argument, the common case, needs no array).
    var arguments: [Expr] = []
    if current.tag == .comma { arguments.append(argument) }
    while current.tag == .comma {
      try advance()
      arguments.append(try parseExpression())
    }
    let count = max(1, arguments.count)
    // The argument list as written, for "'atan2' is undefined at 0, 0".
    let argEnd = previousEnd
    if let expected = callee.arity, !expected.contains(count) {
      throw ParseError(
        .wrongArgumentCount(function: name, expected: expected, count: count),
        SourceRange(nameToken.range.start, current.range.end))
    }
    try expectCloseParen(openedAt: open)
    let value: Expr
    switch callee {
    case .unary(let f): value = f.map { pool.call($0, argument) } ?? pool.sqrt(argument)
    case .several(let op): value = pool.apply(op, arguments)  // two or more: `arguments` holds them
    case .logarithm:
      // A constant base is a constant log(b): log(x, -2) is not real.
      if count == 2, pool.holdsNoSymbol(arguments[1]) {
        _ = try real(pool.call(.log, arguments[1]), from: nameToken.range.start)
      }
      value = count == 1 ? pool.call(.log, argument) : pool.logarithm(argument, base: arguments[1])
    case .rewritten(let r): value = r.form(count == 1 ? [argument] : arguments, in: pool)
    }
    if pool.isUndefined(value) && !pool.isUndefined(argument) {
      let at = written(argStart, argEnd)
      throw ParseError(
        .undefinedFunctionValue(function: name, at: at), SourceRange(nameToken.range.start, previousEnd))
    }
    return try real(value, from: nameToken.range.start)
  }

  /// `value`, unless it is a constant proved not real (`log(-1)`, `sqrt(-1)`, `asin(2)`,
  /// `(-1)^(1/2)`): jac's values are real, so such a constant is an error at the text that wrote
  /// it. Only a call, power or apply that holds no symbol is evaluated, with balls
  /// (``ExpressionPool/certifiedValues(_:digits:maxBits:)``; not real is proved at any
  /// precision), so inputs with variables in every call pay nothing; a constant not decided
  /// within 320 bits stays as written.
  @inline(__always) func real(_ value: Expr, from start: Int) throws(ParseError) -> Expr {
    guard refusesNonRealConstants, pool.holdsNoSymbol(value) else { return value }
    return try realConstant(value, from: start)
  }

  /// ``real(_:from:)`` for a value that holds no symbol, out of line: the common call has one.
  @inline(never) private func realConstant(_ value: Expr, from start: Int) throws(ParseError) -> Expr {
    switch pool.kind(value) {
    case .call, .power, .apply: break
    case .number, .symbol, .constant, .sum, .product, .undefined: return value
    }
    guard pool.certifiedValues([value], digits: false, maxBits: 320) == [.notReal] else { return value }
    throw ParseError(.notReal(written(start, previousEnd)), SourceRange(start, previousEnd))
  }

  /// The text between byte offsets `start` and `end`, as written (for a message).
  private func written(_ start: Int, _ end: Int) -> String {
    String(decoding: Array(text.utf8)[start..<end], as: UTF8.self)
  }
}
