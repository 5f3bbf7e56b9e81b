import Testing

@testable import JacCore

/// The lexer's plain path (``Lexer/plainLexeme(_:at:)``) gives the lexeme the full rules
/// (``Lexer/Scanner``) give, or leaves the token to them; names are keyed by their bytes
/// (``NameTable/key(_:_:_:)``) wherever they stand in the text.
@Suite struct LexerPlainPathTests {
  /// Every token of these texts, read by the lexer (plain path first) and by the full rules
  /// alone, has the same tag, range and value, up to the end.
  @Test(arguments: [
    "u1 - 2*u2 + u3 + (1/400040001)*exp(u2), u2 - 2*u3",
    "x**2 ^ 3=y,z", "  a_b1\tc\r+ D[1,2](f)(x) + Dx + D", "12e 3E x4 5. 0.25 1e-3 123456789012345678901",
    "f'(x) + f''(y) - x'", "θ + a_θ1 − 2·x × y ÷ z", "x² + y⁻¹ + √x + ∛y", "abcdefgh + abcdefghi + a", "_ + __x9",
    "sin(x)/cos(x)", "", "   ", "x#", "1..2",
  ])
  func plainPathAgreesWithTheFullRules(_ text: String) {
    var lexer = Lexer(text)
    var position = 0
    var values = Lexeme.Values()
    var fullValues = Lexeme.Values()
    while true {
      var scanner = Lexer.Scanner(bytes: lexer.bytes, position: position)
      let full = Result { () throws(ParseError) -> Lexeme in try scanner.scan(&fullValues) }
      let lexed = Result { () throws(ParseError) -> Lexeme in try lexer.scan(&values) }
      switch (full, lexed) {
      case (.success(let a), .success(let b)):
        #expect(a.tag == b.tag && a.range == b.range && a.value == b.value, "\(text) at \(position)")
        #expect(scanner.position == lexer.position)
        if a.tag == .end { return }
        position = scanner.position
      case (.failure(let a), .failure(let b)):
        #expect(a.message.text == b.message.text && a.range == b.range)
        return
      default:
        Issue.record("\(text) at \(position): \(full) against \(lexed)")
        return
      }
    }
  }

  /// A name's key is the same wherever the name stands (also in the last 8 bytes, where it is
  /// read byte by byte), differs between names, and a name of up to 8 bytes is its bytes.
  @Test func keysDependOnTheNameOnly() {
    let names = ["u", "u1", "u12345", "abcdefgh", "abcdefghi", "abcdefghij", "θ", "a_θ1", "x_very_long_name_17"]
    var keys: [UInt64] = []
    for name in names {
      let text = name + " + 1 * " + name
      let lexer = Lexer(text)
      let n = name.utf8.count
      let first = NameTable.key(lexer.bytes, 0, n)
      let last = NameTable.key(lexer.bytes, lexer.bytes.count - n, lexer.bytes.count)
      #expect(first == last, "\(name)")
      if n <= 8 {
        var word: UInt64 = 0
        for (i, b) in name.utf8.enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
        #expect(first == word, "\(name)")
      }
      keys.append(first)
    }
    #expect(Set(keys).count == names.count)
  }

  /// The byte table of identifier characters is the rule for every ASCII byte.
  @Test func identifierByteTable() {
    #expect(Lexer.identifierBytes.utf8CodeUnitCount == 128)
    for b in 0..<256 {
      let expected = b < 128 && Lexer.isIdentifierContinue(Unicode.Scalar(UInt8(b)))
      #expect(Lexer.continuesIdentifier(UInt8(b)) == expected, "\(b)")
    }
  }

  /// The parser finds long names again by their bytes (same key and length, other bytes: the
  /// table compares them).
  @Test func longNamesAreComparedByTheirBytes() throws {
    let pool = ExpressionPool()
    let e = try Parser.parseExpression("abcdefghij*abcdefghik + abcdefghij", in: pool)
    let (a, b) = (pool.symbol("abcdefghij"), pool.symbol("abcdefghik"))
    #expect(e == pool.add([pool.multiply(a, b), a]))
  }
}
