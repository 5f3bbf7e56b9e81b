/// Undefined functions: `f(x)`, `g(x, y)`, their derivatives `f'(u)`, `f''(u)` and
/// `D[1,2](f)(u, v)` (Maple's notation: the partial along the 1st, then the 2nd argument).
///
/// A name is an undefined function when it is declared (`--funcs L`) or is one of
/// ``conventionalFunctions``, and is followed by `(` (or a prime); alone it is still a variable,
/// but one input cannot use a name both ways, and applies each function to the same number of
/// arguments everywhere.
extension Parser {
  /// How an input uses names, kept across the texts of one input (the positional arguments are
  /// one system): how many arguments each undefined function was first applied to (the same
  /// everywhere), and which undefined-function names stood as variables (a name is a variable or a
  /// function, not both).
  public struct Uses: Sendable {
    var arities: [String: Int] = [:]
    var variables: Set<String> = []
    /// Whether the constant `e` was written alone (`e*y`, not `e^x`): a general matrix's entry
    /// `e` is read as Euler's number, which the answer's note says.
    public internal(set) var eulerAlone = false
    /// Whether a variable `E` was raised to a non-numeric power (`E^x`): SymPy and Mathematica
    /// read `E` as Euler's number, jac as a variable, which the answer's note says.
    public internal(set) var capitalEBase = false
    public init() {}
  }

  /// The names that are undefined functions without a declaration: `f`, `g`, `h`, `F`, `G`, `H`.
  public static let conventionalFunctions: Set<String> = ["f", "g", "h", "F", "G", "H"]
  /// The lengths of ``conventionalFunctions``' names, as ``functionLengths`` holds them.
  static let conventionalLengths: UInt64 = 1 << 1

  /// `application = UNDEFINED { "'" } arguments`: `f(x)`, `f'(x)`, `f''(x)`; the name was just
  /// consumed. A prime is the derivative of a function of one argument, so `f'(x)` is
  /// `D[1](f)(x)`.
  mutating func parseApplication(_ name: String, _ nameToken: Lexeme) throws(ParseError) -> Expr {
    var primes = 0
    var head = nameToken.range
    while current.tag == .prime {
      primes += 1
      head = SourceRange(head.start, current.range.end)
      try advance()
    }
    guard functions.contains(name), Self.callee(named: name) == nil else {
      throw ParseError(.notAnUndefinedFunction(name: name), nameToken.range)
    }
    let arguments = try parseArguments(openedBy: nameToken.range)
    let whole = SourceRange(nameToken.range.start, previousEnd)
    try use(name, arguments.count, at: nameToken.range, whole: whole)
    if primes > 0 && arguments.count != 1 {
      throw ParseError(.primeWithSeveralArguments(function: name, count: arguments.count), head)
    }
    return pool.apply(.undefined(name: name, partials: Array(repeating: 1, count: primes)), arguments)
  }

  /// `derivative = PARTIALS "(" UNDEFINED ")" arguments`: `D[1,2](f)(u, v)`, the partial
  /// derivative of f along its 1st and 2nd arguments (in any order: mixed partials commute).
  mutating func parseDerivative(_ positions: [Int], _ head: Lexeme) throws(ParseError) -> Expr {
    try advance()
    guard current.tag == .leftParen else {
      throw ParseError(.expectedDifferentiatedFunction(found: quoted(current)), current.range)
    }
    try advance()
    let nameToken = current
    guard nameToken.tag == .identifier else {
      throw ParseError(.expectedDifferentiatedFunction(found: quoted(current)), current.range)
    }
    let name = self.name(nameToken)
    guard functions.contains(name), Self.callee(named: name) == nil else {
      throw ParseError(.notAnUndefinedFunction(name: name), nameToken.range)
    }
    try advance()
    guard current.tag == .rightParen else {
      throw ParseError(.expectedDifferentiatedFunction(found: quoted(current)), current.range)
    }
    try advance()
    let arguments = try parseArguments(openedBy: head.range)
    let whole = SourceRange(head.range.start, previousEnd)
    try use(name, arguments.count, at: nameToken.range, whole: whole)
    if let beyond = positions.first(where: { $0 > arguments.count }) {
      throw ParseError(.partialOutOfRange(function: name, position: beyond, count: arguments.count), head.range)
    }
    return pool.apply(.undefined(name: name, partials: positions.sorted()), arguments)
  }

  /// `arguments = "(" expression { "," expression } ")"`, one level of nesting deeper.
  mutating func parseArguments(openedBy head: SourceRange) throws(ParseError) -> [Expr] {
    guard current.tag == .leftParen else {
      throw ParseError(.expectedExpression(found: quoted(current)), current.range)
    }
    try enter(head)
    defer { depth -= 1 }
    let open = current
    try advance()
    var arguments = [try parseExpression()]
    while current.tag == .comma {
      try advance()
      arguments.append(try parseExpression())
    }
    try expectCloseParen(openedAt: open)
    return arguments
  }

  /// Records that function `name` is applied to `count` arguments: an error if it stood as a
  /// variable, or was applied to another number of arguments before.
  private mutating func use(_ name: String, _ count: Int, at range: SourceRange, whole: SourceRange) throws(ParseError)
  {
    if uses.variables.contains(name) { throw ParseError(.functionAndVariable(name: name), range) }
    if let expected = uses.arities[name], expected != count {
      throw ParseError(.wrongArgumentCount(function: name, expected: expected...expected, count: count), whole)
    }
    uses.arities[name] = count
  }

  /// The variable `name`, unless the input applies it as a function.
  /// A name that cannot be applied (not one of `functions`, the same for every text of an input)
  /// is remembered in its ``NameTable`` entry, and read again without these checks.
  mutating func variable(_ name: String, _ range: SourceRange, entry: Int) throws(ParseError) -> Expr {
    if !uses.arities.isEmpty, uses.arities[name] != nil { throw ParseError(.functionAndVariable(name: name), range) }
    // Only a name that may be applied later can clash; other names are not recorded (a set of
    // every variable cost a hash and an insertion per name read).
    let bytes = UnsafeBufferPointer(rebasing: lexer.bytes[range.start..<range.end])
    let symbol = pool.symbol(name, bytes: bytes, fnv: names.entries[entry].fnv)
    if names.entries[entry].isUndefinedFunction {
      uses.variables.insert(name)
      return symbol
    }
    names.entries[entry].variable = symbol
    return symbol
  }
}
