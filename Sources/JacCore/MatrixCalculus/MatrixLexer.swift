/// The tokens of matrix input: jac's own (``Lexer``) and the matrix operators it lacks.
///
/// - `'` after an operand is the transpose (in scalar input it is only the prime of `f'(x)`);
///   `ᵀ` (U+1D40) too, also written straight after a name (`xᵀ`: ``Lexer`` ends a name before it).
/// - `.*` and `⊙` (U+2299): the elementwise product; `./` the elementwise quotient; `.^` the
///   elementwise power.
struct MatrixLexer {
  enum Kind: Equatable {
    case token(Token.Kind)
    case transpose, elementwiseTimes, elementwiseDivide, elementwisePower
  }
  struct Item: Equatable {
    var kind: Kind
    var range: SourceRange
  }

  private var lexer: Lexer

  init(_ text: String) { lexer = Lexer(text) }

  private static let odot: [UInt8] = [0xE2, 0x8A, 0x99]

  mutating func next() throws(ParseError) -> Item {
    let bytes = lexer.bytes
    var p = lexer.position
    while p < bytes.count, bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13 { p += 1 }
    lexer.position = p
    func single(_ kind: Kind, _ width: Int) -> Item {
      lexer.position = p + width
      return Item(kind: kind, range: SourceRange(p, p + width))
    }
    if p < bytes.count {
      let b = bytes[p]
      if b == UInt8(ascii: "'") { return single(.transpose, 1) }
      if b == UInt8(ascii: "."), p + 1 < bytes.count {
        switch bytes[p + 1] {
        case UInt8(ascii: "*"): return single(.elementwiseTimes, 2)
        case UInt8(ascii: "/"): return single(.elementwiseDivide, 2)
        case UInt8(ascii: "^"): return single(.elementwisePower, 2)
        default: break
        }
      }
      if Array(bytes[p..<min(p + 3, bytes.count)]) == Self.odot { return single(.elementwiseTimes, 3) }
      if Array(bytes[p..<min(p + 3, bytes.count)]) == Array(String(Lexer.transposeMark).utf8) {
        return single(.transpose, 3)
      }
    }
    let token = try lexer.next()
    return Item(kind: .token(token.kind), range: token.range)
  }
}

extension MatrixLexer.Item {
  /// How the token reads in a message.
  var quoted: String {
    switch kind {
    case .token(let k): return Token(kind: k, range: range).quoted
    case .transpose: return "'''"
    case .elementwiseTimes: return "'.*'"
    case .elementwiseDivide: return "'./'"
    case .elementwisePower: return "'.^'"
    }
  }
}
