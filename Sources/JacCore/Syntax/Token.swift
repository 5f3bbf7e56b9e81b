/// A lexical token with its source range.
public struct Token: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// A number literal; the value is exact (`0.25` is 1/4, `1e-3` is 1/1000).
    case number(Rational)
    case identifier(String)
    case plus, minus, star, slash, caret, leftParen, rightParen, comma, equals
    /// `'` directly after a function name and before `(` or another `'`: `f'(x)`, `f''(x)`.
    case prime
    /// `D[1,2]`: the argument positions (1-based, as typed) of a partial derivative, `D[1,2](f)(u, v)`.
    case partials([Int])
    /// `√` (index 2) or `∛` (index 3), a root of the operand that follows.
    case radical(index: Int)
    /// A superscript exponent, `²`, `⁻¹`, `¹⁰`: the power it raises to.
    case superscript(Int)
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
    case .prime: return "'''"
    case .partials(let positions): return "'D[" + positions.map(String.init).joined(separator: ",") + "]'"
    case .radical(let index): return index == 2 ? "'√'" : "'∛'"
    case .superscript(let n): return "'" + Lexer.superscript(n) + "'"
    case .end: return "end of input"
    }
  }
}
