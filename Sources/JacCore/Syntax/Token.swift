/// A lexical token with its source range.
public struct Token: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// A number literal; the value is exact (`0.25` is 1/4, `1e-3` is 1/1000).
    case number(Rational)
    case identifier(String)
    case plus, minus, star, slash, caret, leftParen, rightParen, comma, equals
    case end
  }
  public var kind: Kind
  public var range: SourceRange

  /// How the token reads in a message: `'+'`, `'sin'`, `end of input`.
  var quoted: String {
    switch kind {
    case .number: return "a number"
    case .identifier(let name): return "'\(name)'"
    case .plus: return "'+'"
    case .minus: return "'-'"
    case .star: return "'*'"
    case .slash: return "'/'"
    case .caret: return "'^'"
    case .leftParen: return "'('"
    case .rightParen: return "')'"
    case .comma: return "','"
    case .equals: return "'='"
    case .end: return "end of input"
    }
  }
}
