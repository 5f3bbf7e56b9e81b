/// `--where "beta = atan(lr*tan(d)/(lf + lr)); c = cos(psi + beta)"`: named intermediate
/// quantities.
///
/// - Each `--where` text holds definitions `name = expression` separated by `;`; the texts
///   apply in order, to every input of a batch.
/// - A definition may use earlier ones; using itself or a later one, defining a name twice, or
///   defining a variable of `--vars`/`--wrt` is an error pointing into the text.
/// - The inputs are differentiated with every definition expanded (`beta` replaced by its
///   right-hand side, recursively), so derivatives go through definitions by the chain rule:
///   d/dd cos(psi + beta) = −sin(psi + beta)·dbeta/dd.
/// - The answer is folded back (``fold(_:)``): wherever a definition's whole simplified,
///   expanded right-hand side occurs as a node of the answer's DAG, its name is put in its place,
///   latest definition first (so `c` is found before `beta` inside it); a root's other powers
///   fold too (r = sqrt(x² + y²): (x² + y²)^(3/2) is r³). `--inline` skips this.
///   `--check` and `--at` work on the expanded answer, before folding.
public struct Definitions {
  public struct Definition {
    public var name: String
    public var symbol: Expr
    /// The right-hand side with every earlier definition expanded.
    public var expanded: Expr
  }
  public private(set) var items: [Definition] = []
  /// Whether a right-hand side wrote the constant `e` alone (``Parser/Uses/eulerAlone``).
  public private(set) var eulerAlone = false
  let pool: ExpressionPool

  /// Parses the `--where` texts; errors are ``JacError/optionParse(_:option:text:)`` into the text.
  init(
    _ texts: [String], pool: ExpressionPool, functions: Set<String>, variables: [String]
  ) throws(JacError) {
    self.pool = pool
    let pieces = texts.map(Self.pieces)
    let names = Set(pieces.joined().compactMap { Self.definedName($0.source) })
    for (text, textPieces) in zip(texts, pieces) {
      for (source, offset) in textPieces {
        do {
          try add(source, functions: functions, variables: variables, names: names)
        } catch {
          let range = SourceRange(error.range.start + offset, error.range.end + offset)
          throw .optionParse(ParseError(error.message, range), option: "--where", text: text)
        }
      }
    }
  }

  /// The pieces of a `--where` text between `;`, each with its UTF-8 offset in the text.
  private static func pieces(_ text: String) -> [(source: String, offset: Int)] {
    var offset = 0
    var result: [(source: String, offset: Int)] = []
    for piece in text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
      result.append((String(decoding: piece, as: UTF8.self), offset))
      offset += piece.count + 1
    }
    return result
  }

  /// The name a piece defines: its first token, when `=` follows it.
  private static func definedName(_ source: String) -> String? {
    var lexer = Lexer(source)
    guard case .identifier(let name)? = (try? lexer.next())?.kind, (try? lexer.next())?.kind == .equals else {
      return nil
    }
    return name
  }

  /// One definition, `name = expression`, checked against the others (`names`: every name the
  /// texts define).
  private mutating func add(
    _ source: String, functions: Set<String>, variables: [String], names: Set<String>
  ) throws(ParseError) {
    guard let name = Self.definedName(source), let nameRange = Self.range(of: name, in: source, from: 0) else {
      let start = source.utf8.prefix { $0 == 32 }.count
      throw ParseError(.expectedDefinition, SourceRange(start, max(start, source.utf8.count)))
    }
    if variables.contains(name) { throw ParseError(.definitionOfVariable(name: name), nameRange) }
    if items.contains(where: { $0.name == name }) { throw ParseError(.definitionRepeated(name: name), nameRange) }
    // Each definition's own uses of names (a definition is an expression, not a text of the
    // input): only its lone `e` is kept.
    var uses = Parser.Uses()
    let components = try Parser.parseComponents(source, in: pool, functions: functions, uses: &uses)
    eulerAlone = eulerAlone || uses.eulerAlone
    guard components.count == 1 else { throw ParseError(.expectedDefinition, SourceRange(0, source.utf8.count)) }
    let written = components[0].expression
    for used in pool.freeSymbols([written]) where names.contains(used) && !items.contains(where: { $0.name == used }) {
      let range = Self.range(of: used, in: source, from: nameRange.end) ?? nameRange
      throw ParseError(used == name ? .definitionCycle(name: name) : .definitionLater(name: used), range)
    }
    items.append(Definition(name: name, symbol: pool.symbol(name), expanded: pool.substitute([written], bindings)[0]))
  }

  /// The range of the identifier `name` in `source`, first at or after `from`.
  static func range(of name: String, in source: String, from: Int) -> SourceRange? {
    var lexer = Lexer(source)
    while let token = try? lexer.next(), token.kind != .end {
      if token.kind == .identifier(name), token.range.start >= from { return token.range }
    }
    return nil
  }

  /// The first place where an input applies a defined name as a function nobody defined
  /// (`f(x)`, `f'(x)`, `D[1](f)(x)` with `--where "f = x^2"`): a definition names a quantity,
  /// which has no arguments, so the application would silently stay an unknown function.
  func firstApplication(in inputs: [String]) -> (input: Int, error: ParseError)? {
    let names = Set(items.map(\.name))
    for (i, text) in inputs.enumerated() {
      var lexer = Lexer(text)
      var before: (Token.Kind?, Token.Kind?) = (nil, nil)  // the two tokens before the current one
      var pending: (name: String, range: SourceRange)?  // a defined name, waiting for the token after it
      while true {
        let token = lexer.nextSkippingErrors()
        if let (name, range) = pending, token.kind == .leftParen || token.kind == .prime {
          return (i, ParseError(.definitionApplied(name: name), range))
        }
        pending = nil
        if case .identifier(let name) = token.kind, names.contains(name) {
          if before.1 == .leftParen, case .partials? = before.0 {
            return (i, ParseError(.definitionApplied(name: name), token.range))
          }
          pending = (name, token.range)
        }
        if token.kind == .end { break }
        before = (before.1, token.kind)
      }
    }
    return nil
  }

  /// `roots` with each definition's name wherever its whole right-hand side occurs: `keys[k]` is
  /// definition k's simplified, expanded right-hand side; the latest definition folds first, and
  /// only definitions `below` some index apply. A number or a lone symbol is never folded (every
  /// `2` would become the name).
  func fold(_ roots: [Expr], keys: [Expr], below limit: Int? = nil) -> [Expr] {
    var result = roots
    for k in (0..<(limit ?? items.count)).reversed() where !pool.isNumber(keys[k]) && pool.symbolName(keys[k]) == nil {
      result = pool.folding(result, keys[k], into: items[k].symbol)
    }
    return result
  }

  /// Every definition's symbol bound to its expanded right-hand side.
  var bindings: [Expr: Expr] {
    var b: [Expr: Expr] = [:]
    for item in items { b[item.symbol] = item.expanded }
    return b
  }
}
