/// The parser's entry points: a list of expressions, a system of (named) components, one
/// expression. `functions` are the names of undefined functions declared beyond
/// ``Parser/conventionalFunctions`` (`--funcs`).
extension Parser {
  /// Parses a comma-separated list of expressions (one component each).
  public static func parseList(
    _ text: String, in pool: ExpressionPool, functions: Set<String> = []
  ) throws(ParseError) -> [Expr] {
    try parsing(text, in: pool, functions: functions) { parser throws(ParseError) in try parser.parseList() }
  }

  /// A component of a system: its expression and the name it was given (`x = r*cos(t)`).
  public struct Component: Sendable {
    public var name: String?
    public var expression: Expr
    /// Where the name stands in the text (nil without a name).
    public var nameRange: SourceRange? = nil
    /// Where the prime of a state equation `x' = f` stands (nil without one): linearize reads it
    /// as x' = f, as it reads `x = f`; every other use refuses it.
    public var prime: SourceRange? = nil
  }

  /// Parses a comma-separated list of components, each optionally named (`x = r*cos(t)`).
  public static func parseComponents(
    _ text: String, in pool: ExpressionPool, functions: Set<String> = []
  ) throws(ParseError) -> [Component] {
    var uses = Uses()
    return try parseComponents(text, in: pool, functions: functions, uses: &uses)
  }

  /// Parses one text of an input whose earlier texts used names as `uses` says (updated).
  public static func parseComponents(
    _ text: String, in pool: ExpressionPool, functions: Set<String>, uses: inout Uses
  ) throws(ParseError) -> [Component] {
    try parsing(text, in: pool, functions: functions, uses: &uses) { parser throws(ParseError) in
      try parser.parseComponents()
    }
  }

  /// Parses a comma-separated list of equations `lhs = rhs` (or expressions meant `= 0`), each
  /// as lhs − rhs.
  public static func parseEquations(
    _ text: String, in pool: ExpressionPool, functions: Set<String> = []
  ) throws(ParseError) -> [Expr] {
    var uses = Uses()
    return try parseEquations(text, in: pool, functions: functions, uses: &uses)
  }

  /// ``parseEquations(_:in:functions:)`` of one text of an input whose earlier texts used names
  /// as `uses` says (updated).
  public static func parseEquations(
    _ text: String, in pool: ExpressionPool, functions: Set<String>, uses: inout Uses
  ) throws(ParseError) -> [Expr] {
    try parsing(text, in: pool, functions: functions, uses: &uses) { parser throws(ParseError) in
      try parser.parseEquations()
    }
  }

  /// Parses a single expression (with `keepingNonRealConstants`, `log(-1)` is the node
  /// log(−1), not an error: for tests of what the evaluator does with it).
  public static func parseExpression(
    _ text: String, in pool: ExpressionPool, functions: Set<String> = []
  ) throws(ParseError) -> Expr {
    try parseExpression(text, in: pool, functions: functions, keepingNonRealConstants: false)
  }

  static func parseExpression(
    _ text: String, in pool: ExpressionPool, functions: Set<String>, keepingNonRealConstants: Bool
  ) throws(ParseError) -> Expr {
    try parsing(text, in: pool, functions: functions) { parser throws(ParseError) in
      parser.refusesNonRealConstants = !keepingNonRealConstants
      if parser.current.tag == .end { throw ParseError(.emptyInput, parser.current.range) }
      let e = try parser.parseExpression()
      try parser.expectEnd()
      return e
    }
  }

  /// ``parsing(_:in:functions:_:)`` with the uses of names carried in from the input's earlier
  /// texts and back out.
  static func parsing<R>(
    _ text: String, in pool: ExpressionPool, functions: Set<String>, uses: inout Uses,
    _ body: (inout Parser) throws(ParseError) -> R
  ) throws(ParseError) -> R {
    var carried = uses
    let result = try parsing(text, in: pool, functions: functions) { parser throws(ParseError) in
      parser.uses = carried
      defer { carried = parser.uses }
      return try body(&parser)
    }
    uses = carried
    return result
  }

  /// `body`'s result on a parser of `text`, whose UTF-8 the lexer reads in place while `body`
  /// runs (no copy of the text: issue 20).
  static func parsing<R>(
    _ text: String, in pool: ExpressionPool, functions: Set<String>, _ body: (inout Parser) throws(ParseError) -> R
  ) throws(ParseError) -> R {
    var contiguous = text
    let result = contiguous.withUTF8 { bytes in
      Result { () throws(ParseError) -> R in
        var parser = try Parser(text, bytes: bytes, pool: pool, functions: functions)
        return try body(&parser)
      }
    }
    return try result.get()
  }
}
