/// Stepping through the lexemes: the next token, one more level of nesting (at most
/// ``Parser/maxNesting``), and the errors for a missing `)` or a token where an operator or the
/// end was expected, pointing at the token.
extension Parser {
  /// How a token reads in a message (``Token/quoted``).
  func quoted(_ lexeme: Lexeme) -> String { lexer.token(lexeme, values).quoted }

  /// The name an identifier lexeme spells.
  func name(_ lexeme: Lexeme) -> String { lexer.text(lexeme.range) }

  /// Moves to the next token, noting where the one left ended and its kind (after a number or
  /// `)`, implicit multiplication follows).
  @inline(__always) mutating func advance() throws(ParseError) {
    previousEnd = current.range.end
    previousTag = current.tag
    current = try lexer.scan(&values)
  }

  /// Opens one level of nesting: a parenthesis, a call, a sign or an exponent, at `range`. The
  /// top level is level 0, so ``maxNesting`` levels are accepted and one more is an error
  /// pointing at the construct that opens it.
  mutating func enter(_ range: SourceRange) throws(ParseError) {
    depth += 1
    if depth > Self.maxNesting { throw ParseError(.nestingTooDeep(limit: Self.maxNesting), range) }
  }

  mutating func expectCloseParen(openedAt open: Lexeme) throws(ParseError) {
    guard current.tag == .rightParen else {
      if current.tag == .end || current.tag == .comma {
        let column = SourceLocation.column(of: open.range.start, in: text)
        throw ParseError(.expectedCloseParen(openColumn: column), current.range)
      }
      throw ParseError(.expectedOperator(found: quoted(current)), current.range)
    }
    try advance()
  }

  mutating func expectEnd() throws(ParseError) {
    switch current.tag {
    case .end: return
    case .rightParen: throw ParseError(.unexpectedCloseParen, current.range)
    default: throw ParseError(.expectedOperator(found: quoted(current)), current.range)
    }
  }
}
