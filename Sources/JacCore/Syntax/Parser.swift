/// Recursive-descent parser: one `parse<Rule>` per rule of `grammar/jac.ebnf`, building
/// canonical expressions directly in an ``ExpressionPool``.
///
/// ```
/// components = component { "," component } ;
/// component  = [ IDENTIFIER "=" ] expression ;
/// list       = expression { "," expression } ;
/// equations  = equation { "," equation } ;
/// equation   = expression [ "=" expression ] ;
/// expression = term { ( "+" | "-" ) term } ;
/// term       = unary { ( "*" | "/" ) unary | implicit } ;
/// unary      = ( "-" | "+" ) unary | radical | power ;
/// radical    = ( "√" | "∛" ) unary ;
/// power      = primary [ ( "^" | "**" ) unary | SUPERSCRIPT ] ;
/// primary    = NUMBER | call | application | derivative | IDENTIFIER | "(" expression ")" ;
/// call       = FUNCTION "(" expression { "," expression } ")" ;
/// application = UNDEFINED { "'" } arguments ;
/// derivative = PARTIALS "(" UNDEFINED ")" arguments ;
/// arguments  = "(" expression { "," expression } ")" ;
/// ```
/// `application`, `derivative` and `arguments` (undefined functions) are in `Parser+Undefined.swift`;
/// `call` and the other meanings of a name in `Parser+Calls.swift`.
/// Implicit multiplication (`2x`, `3(x+1)`, `(x+1)(x-1)`, `2 sin(x)`) applies after a number or
/// a `)` when an identifier or `(` follows. Nesting is capped at ``maxNesting`` levels; deeper
/// input is an error, never a stack overflow (callers run on a large stack, see `DeepStack`).
/// Input is never repaired: `1/(x+` is an error.
public struct Parser {
  /// Deepest nesting of parentheses, calls, signs and exponents accepted.
  public static let maxNesting = 10_000

  var lexer: Lexer
  /// The numbers and `D[…]` positions the lexemes read so far name.
  var values = Lexeme.Values()
  var current: Lexeme
  /// Where the token before `current` ended (0 before the first: every rule that reads it has
  /// consumed a token; not an optional, stored at every step).
  var previousEnd = 0
  /// The kind of the token before `current` (kept instead of the token, which would be copied
  /// per token): after a number or `)`, implicit multiplication applies.
  var previousTag = Lexeme.Tag.end
  let pool: ExpressionPool
  let text: String
  /// Parentheses, calls, signs and exponents open around the current token.
  var depth = 0
  /// Where the last component name was (for the duplicate-name error).
  private var nameRange: SourceRange?
  /// The names of undefined functions: those declared (`--funcs`) and ``conventionalFunctions``.
  let functions: Set<String>
  /// Bit n set when some name of ``functions`` has n UTF-8 bytes (63 for 63 or more).
  let functionLengths: UInt64
  /// ``calleeShapes``, held here: a new name is screened without the lazy global's check.
  let calleeShapes = Parser.calleeShapes
  /// How the names read so far were used (``Uses``), carried from one text of an input to the next.
  var uses = Uses()
  /// Whether a constant proved not real is an error (``real(_:from:)``); the evaluator's tests
  /// turn it off to build such constants.
  var refusesNonRealConstants = true
  /// The distinct names of this text, each with what it was found to denote.
  var names = NameTable()
  /// The terms of the sums being read, innermost last (one array for all, not one per sum).
  private var termStack: [Expr] = []
  /// The factors of a long product (past ``foldedFactors``) read but not yet multiplied in, each
  /// with where it ended, innermost term last (``multiplyPending(_:above:from:)``).
  private var factorStack: [(factor: Expr, end: Int)] = []
  /// Factors of a term multiplied in one at a time as they are read; later ones wait on
  /// ``factorStack`` and are multiplied in at once. One at a time, a product of k factors makes
  /// the products of its first 1, 2, …, k factors, k²/2 operands: `u0*u1*…*u69999` took 6.3 GB
  /// and stopped at the pool's limit.
  static let foldedFactors = 32
  /// The nodes of the integers 0 to ``smallIntegerCount`` − 1 read so far (empty until one is).
  var smallIntegers: [Expr?] = []
  /// Other integer literals, and quotients of two numbers, read so far (a cache), in a text
  /// long enough (``cachesLiterals``) that its tables cost less than they save: a batch of short
  /// lines made them for each line, 9% more instructions to parse.
  var integers = LiteralCache()
  var quotients = LiteralCache()
  let cachesLiterals: Bool

  /// A parser of `text`, whose UTF-8 `bytes` stay valid while it is used (``Parser/parsing(_:in:functions:_:)``).
  init(
    _ text: String, bytes: UnsafeBufferPointer<UInt8>, pool: ExpressionPool, functions: Set<String> = []
  ) throws(ParseError) {
    self.text = text
    self.pool = pool
    self.functions = functions.union(Self.conventionalFunctions)
    functionLengths = functions.reduce(Self.conventionalLengths) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
    lexer = Lexer(lending: bytes)
    cachesLiterals = bytes.count >= 1 << 12
    if cachesLiterals { names.reserve(forTextBytes: bytes.count) }
    current = try lexer.scan(&values)
  }

  // MARK: Rules

  mutating func parseComponents() throws(ParseError) -> [Component] {
    if current.tag == .end { throw ParseError(.emptyInput, current.range) }
    var items = [try parseComponent()]
    // A long text's components are not moved as they come (a system's rows are rarely under 40
    // bytes; an estimate too large reserves memory never touched): doubling copied them, 2% of
    // Bratu's parse.
    if cachesLiterals { items.reserveCapacity(text.utf8.count / 40) }
    var names: Set<String> = []  // a set, not a search of `items`: linear in the components
    if let name = items[0].name { names.insert(name) }
    while current.tag == .comma {
      try advance()
      let item = try parseComponent()
      if let name = item.name, !names.insert(name).inserted {
        throw ParseError(.duplicateComponentName(name), nameRange!)
      }
      items.append(item)
    }
    try expectEnd()
    return items
  }

  mutating func parseList() throws(ParseError) -> [Expr] {
    if current.tag == .end { throw ParseError(.emptyInput, current.range) }
    var items = [try parseExpression()]
    while current.tag == .comma {
      try advance()
      items.append(try parseExpression())
    }
    try expectEnd()
    return items
  }

  mutating func parseEquations() throws(ParseError) -> [Expr] {
    if current.tag == .end { throw ParseError(.emptyInput, current.range) }
    var items = [try parseEquation()]
    while current.tag == .comma {
      try advance()
      items.append(try parseEquation())
    }
    try expectEnd()
    return items
  }

  /// `lhs = rhs` as lhs − rhs (the equation F = 0); an expression alone is F.
  mutating func parseEquation() throws(ParseError) -> Expr {
    let start = current.range.start
    let lhs = try parseExpression()
    guard current.tag == .equals else { return lhs }
    try advance()
    let rhs = try parseExpression()
    return try checked(pool.subtract(lhs, rhs), [lhs, rhs], .divisionByZero, from: start)
  }

  mutating func parseComponent() throws(ParseError) -> Component {
    // `name =`: the `=` is looked for first (most components have no name).
    if current.tag == .identifier, lexer.equalsFollows, case let name = self.name(current), Self.isVariableName(name) {
      nameRange = current.range
      try advance()
      try advance()
      return Component(name: name, expression: try parseExpression(), nameRange: nameRange)
    }
    // `x' = …`: a state equation (linearize; elsewhere the engine refuses the prime).
    if current.tag == .identifier, let prime = lexer.primeBeforeEquals, case let name = self.name(current),
      Self.isVariableName(name)
    {
      nameRange = current.range
      lexer.position = prime.end
      try advance()
      try advance()
      return Component(name: name, expression: try parseExpression(), nameRange: nameRange, prime: prime)
    }
    return Component(name: nil, expression: try parseExpression())
  }

  mutating func parseExpression() throws(ParseError) -> Expr {
    let start = current.range.start
    let first = try parseTerm()
    guard current.tag == .plus || current.tag == .minus else { return first }
    // The terms go on ``termStack`` above those of the sums being read around this one.
    let base = termStack.count
    termStack.append(first)
    while current.tag == .plus || current.tag == .minus {
      let negative = current.tag == .minus
      try advance()
      let term = try parseTerm(negated: negative)
      termStack.append(term)
    }
    let sum = pool.sumOfTerms(termStack[base...])
    let value = try checked(sum, Array(termStack[base...]), .divisionByZero, from: start)
    termStack.removeLast(termStack.count - base)  // keeps the capacity (`removeAll` went through `replaceSubrange`)
    return value
  }

  /// With `negated`, the term's negative (the `- t` of a sum): a leading integer takes the sign
  /// (`- 2*x` is built as (−2)·x, the same canonical node as −(2·x), without making 2·x first).
  mutating func parseTerm(negated: Bool = false) throws(ParseError) -> Expr {
    let start = current.range.start
    let leading = current
    var result = try operand()
    var negate = negated
    if negated, leading.tag == .integer, previousEnd == leading.range.end {
      result = integer(-leading.value)
      negate = false
    }
    let base = factorStack.count
    var factors = 1
    while true {
      switch current.tag {
      case .star:
        try advance()
        let rhs = try operand()
        result = try multiplied(result, rhs, factors: &factors, from: start)
      case .slash:
        if factorStack.count > base { result = try multiplyPending(result, above: base, from: start) }
        try advance()
        let rhs = try operand()
        if let quotient = numberQuotient(result, rhs) {
          result = quotient
        } else {
          result = try checked(pool.divide(result, rhs), [result, rhs], .divisionByZero, from: start)
        }
      case .identifier, .integer, .number, .leftParen, .radical:
        guard allowsImplicitMultiplication, !current.isNumber else {
          throw ParseError(.expectedOperator(found: quoted(current)), current.range)
        }
        let rhs: Expr
        rhs = current.tag == .radical ? try parseRadical() : try parsePower()
        result = try multiplied(result, rhs, factors: &factors, from: start)
      default:
        if factorStack.count > base { result = try multiplyPending(result, above: base, from: start) }
        return negate ? pool.negatedTerm(result) : result
      }
    }
  }

  /// `result · rhs`, the term's `factors`-th factor just read: multiplied in now while the term
  /// has at most ``foldedFactors`` factors, else put on ``factorStack`` (and `result` returned).
  @inline(__always) private mutating func multiplied(
    _ result: Expr, _ rhs: Expr, factors: inout Int, from start: Int
  ) throws(ParseError) -> Expr {
    factors += 1
    guard factors > Self.foldedFactors else {
      return try checked(pool.multiply(result, rhs), [result, rhs], .divisionByZero, from: start)
    }
    factorStack.append((rhs, previousEnd))
    return result
  }

  /// `result` times the factors on ``factorStack`` above `base`, in one product (the same
  /// canonical node as multiplying them in one at a time). When that is undefined, they are
  /// multiplied in one at a time after all, for the error at the factor that made it so.
  /// (Called only when there are some: a call per term cost 33 instructions, 2.7M at n = 20,000.)
  private mutating func multiplyPending(_ result: Expr, above base: Int, from start: Int) throws(ParseError) -> Expr {
    defer { factorStack.removeLast(factorStack.count - base) }
    let product = pool.multiply([result] + factorStack[base...].map(\.factor))
    guard pool.isUndefined(product) else { return product }
    var folded = result
    for (factor, end) in factorStack[base...] {
      folded = try checked(pool.multiply(folded, factor), [folded, factor], .divisionByZero, from: start, to: end)
    }
    return folded
  }

  /// Implicit multiplication applies after a number or a closing parenthesis.
  private var allowsImplicitMultiplication: Bool {
    previousTag == .integer || previousTag == .number || previousTag == .rightParen
  }

  /// A `unary` operand of a term: ``parseUnary()``, except that an operand without a sign
  /// goes straight to ``parsePower()``, and a name or number without an exponent is returned
  /// from ``parsePrimary()`` at once (most operands of a long input: `u17`, `2`), without a
  /// level of recursion per rule between.
  @inline(__always) private mutating func operand() throws(ParseError) -> Expr {
    switch current.tag {
    case .minus, .plus, .radical: return try parseUnary()
    default: return try parsePower()
    }
  }

  mutating func parseUnary() throws(ParseError) -> Expr {
    switch current.tag {
    case .minus, .plus:
      let negative = current.tag == .minus
      try enter(current.range)
      defer { depth -= 1 }
      try advance()
      let operand = try parseUnary()
      return negative ? pool.negate(operand) : operand
    case .radical: return try parseRadical()
    default:
      return try parsePower()
    }
  }

  /// `√u` = u^(1/2), `∛u` = u^(1/3) (so, like `u^(1/3)`, real for u ≥ 0); the operand is a
  /// unary, so `√x^2` = √(x²), `√-x` is allowed, and `√x*y` = (√x)·y.
  mutating func parseRadical() throws(ParseError) -> Expr {
    guard current.tag == .radical else { return try parseUnary() }
    let index = current.value
    let start = current.range.start
    try enter(current.range)
    defer { depth -= 1 }
    try advance()
    let operand = try parseUnary()
    let root = pool.power(operand, pool.number(Rational(BigInt(1), BigInt(index))))
    return try checked(root, [operand], .divisionByZero, from: start)
  }

  @inline(__always) mutating func parsePower() throws(ParseError) -> Expr {
    let start = current.range.start
    let base = try parsePrimary()
    guard current.tag == .superscript || current.tag == .caret else { return base }
    return try raised(base, from: start)
  }

  /// `base` and the exponent that follows it (a superscript or `^` and a unary).
  private mutating func raised(_ base: Expr, from start: Int) throws(ParseError) -> Expr {
    if current.tag == .superscript {
      let n = current.value
      try advance()
      let exponent = integer(n)
      if let plain = pool.plainPower(base, exponent) { return plain }
      return try real(checked(pool.power(base, exponent), [base], .divisionByZero, from: start), from: start)
    }
    try enter(current.range)
    defer { depth -= 1 }
    try advance()
    let exponent = try parseUnary()
    if !pool.isNumber(exponent), pool.kind(base) == .symbol, pool.symbolName(base) == "E" { uses.capitalEBase = true }
    if let plain = pool.plainPower(base, exponent) { return plain }
    return try real(checked(pool.power(base, exponent), [base, exponent], .divisionByZero, from: start), from: start)
  }

  mutating func parsePrimary() throws(ParseError) -> Expr {
    let token = current
    switch token.tag {
    case .integer:
      try advance()
      return integer(token.value)
    case .number:
      try advance()
      return pool.number(values.numbers[token.value])
    case .identifier:
      let i = nameIndex(token)
      try advance()
      if let v = names.entries[i].variable, current.tag != .prime, current.tag != .leftParen { return v }
      return try named(i, token)
    case .partials: return try parseDerivative(values.partials[token.value], token)
    case .leftParen:
      try enter(token.range)
      defer { depth -= 1 }
      try advance()
      let e = try parseExpression()
      try expectCloseParen(openedAt: token)
      return e
    default:
      throw ParseError(.expectedExpression(found: quoted(token)), token.range)
    }
  }

  // MARK: Helpers

  /// `value`, unless it is undefined while no operand was: then the operator, written from
  /// `start` to `end` (the last token read, by default), divided by zero.
  private func checked(
    _ value: Expr, _ operands: @autoclosure () -> [Expr], _ message: ParseError.Message, from start: Int,
    to end: Int? = nil
  ) throws(ParseError) -> Expr {
    // The operands' array is built only when the value is undefined (not once per operator).
    if pool.isUndefined(value) && !operands().contains(where: pool.isUndefined) {
      let tooLarge = pool.numberTooLarge
      throw ParseError(tooLarge ? .numberTooLarge : message, SourceRange(start, end ?? previousEnd))
    }
    return value
  }
}
