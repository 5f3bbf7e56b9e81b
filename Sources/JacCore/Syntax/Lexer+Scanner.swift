extension Lexer {
  /// The full lexical rules over the text's bytes, for what ``Lexer/plainLexeme(_:at:)`` leaves:
  /// non-ASCII characters (`−`, `·`, `√`, `²`, Greek names), `'`, `D[…]`, decimals, exponents,
  /// integers of more than 18 digits, and the errors. `position` is where the token is looked for
  /// and, after ``scan(_:)``, where the next one is.
  struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    mutating func scan(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
      skipWhitespace()
      let start = position
      guard position < bytes.count else { return Lexeme(.end, start, start) }
      let b = bytes[position]
      func single(_ tag: Lexeme.Tag, width: Int = 1, value: Int = 0) -> Lexeme {
        position += width
        return Lexeme(tag, start, position, value: value)
      }
      switch b {
      case UInt8(ascii: "+"): return single(.plus)
      case UInt8(ascii: "-"): return single(.minus)
      case UInt8(ascii: "*"):
        if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") { return single(.caret, width: 2) }
        return single(.star)
      case UInt8(ascii: "/"): return single(.slash)
      case UInt8(ascii: "^"): return single(.caret)
      case UInt8(ascii: "("): return single(.leftParen)
      case UInt8(ascii: ")"): return single(.rightParen)
      case UInt8(ascii: ","): return single(.comma)
      case UInt8(ascii: "="): return single(.equals)
      case UInt8(ascii: "'") where primeFollowsName(): return single(.prime)
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."): return try number(&values)
      case _ where Lexer.isASCIILetter(b): return try identifier(&values)
      default: break
      }
      let scalar = decodeScalar(at: position)
      switch scalar.value {
      case 0x2212: return single(.minus, width: UTF8.width(scalar))
      case 0x00B7, 0x22C5, 0x00D7: return single(.star, width: UTF8.width(scalar))
      case 0x00F7: return single(.slash, width: UTF8.width(scalar))
      case 0x221A: return single(.radical, width: UTF8.width(scalar), value: 2)
      case 0x221B: return single(.radical, width: UTF8.width(scalar), value: 3)
      case 0x207A, 0x207B, 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074...0x2079: return try superscript()
      default: break
      }
      if Lexer.isIdentifierStart(scalar) { return try identifier(&values) }
      throw ParseError(.unexpectedCharacter(Lexer.display(scalar)), SourceRange(start, start + UTF8.width(scalar)))
    }

    mutating func skipWhitespace() {
      while position < bytes.count, bytes[position] == 32 || bytes[position] == 9 || bytes[position] == 13 {
        position += 1
      }
    }

    private func decodeScalar(at i: Int) -> Unicode.Scalar {
      var iterator = bytes[i...].makeIterator()
      var decoder = UTF8()
      if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
      return "\u{FFFD}"
    }

    /// An identifier, its ``NameTable/key(_:_:_:)`` the lexeme's value.
    private mutating func identifier(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
      let start = position
      while position < bytes.count, Lexer.continuesIdentifier(bytes[position]) { position += 1 }
      if position < bytes.count, bytes[position] >= 0x80 { unicodeIdentifierRest() }
      if position - start == 1, bytes[start] == UInt8(ascii: "D"), position < bytes.count,
        bytes[position] == UInt8(ascii: "[")
      {
        return try partials(from: start, &values)
      }
      let key = NameTable.key(bytes, start, position)
      return Lexeme(.identifier, start, position, value: Int(truncatingIfNeeded: key))
    }

    /// The rest of an identifier from a byte above 0x7F, decoded scalar by scalar. Kept out of
    /// line: the Unicode properties it asks for would make every identifier look up their
    /// type's metadata.
    @inline(never) private mutating func unicodeIdentifierRest() {
      while position < bytes.count {
        let s = decodeScalar(at: position)
        guard Lexer.isIdentifierContinue(s) else { break }
        position += UTF8.width(s)
      }
    }

    /// A superscript exponent: `⁺` or `⁻`, then superscript digits (at most 6: `x¹⁰⁰⁰⁰⁰⁰` is an error).
    private mutating func superscript() throws(ParseError) -> Lexeme {
      let start = position
      var negative = false
      var first = decodeScalar(at: position)
      if first == "⁺" || first == "⁻" {
        negative = first == "⁻"
        position += UTF8.width(first)
        first = position < bytes.count ? decodeScalar(at: position) : " "
      }
      var value = 0
      var digits = 0
      while position < bytes.count, let d = Lexer.superscriptDigits.firstIndex(of: decodeScalar(at: position)) {
        value = digits < 7 ? value * 10 + d : value
        digits += 1
        position += UTF8.width(Lexer.superscriptDigits[d])
      }
      guard digits > 0 else {
        throw ParseError(.malformedSuperscript, SourceRange(start, position))
      }
      guard digits <= 6 else { throw ParseError(.numberTooLarge, SourceRange(start, position)) }
      return Lexeme(.superscript, start, position, value: negative ? -value : value)
    }

    /// Whether the `'` at `position` is a prime: directly after a name (or a prime), with only
    /// primes between it and a `(`.
    private func primeFollowsName() -> Bool {
      guard position > 0 else { return false }
      let before = bytes[position - 1]
      let afterName =
        before == UInt8(ascii: "'") || before == UInt8(ascii: "_") || before >= 0x80
        || (before >= 48 && before <= 57) || ((before | 0x20) >= 97 && (before | 0x20) <= 122)
      guard afterName else { return false }
      var p = position
      while p < bytes.count, bytes[p] == UInt8(ascii: "'") { p += 1 }
      return p < bytes.count && bytes[p] == UInt8(ascii: "(")
    }

    /// `D[1,2]`, from the `D` at `start`: positions from 1, separated by commas (spaces allowed).
    private mutating func partials(from start: Int, _ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
      position += 1  // "["
      var positions: [Int] = []
      func malformed(_ end: Int) -> ParseError {
        ParseError(.malformedPartials, SourceRange(start, min(end, bytes.count)))
      }
      while true {
        skipWhitespace()
        let digits = position
        while isDigit(position) { position += 1 }
        guard position > digits, position - digits <= 4,
          let value = Int(String(decoding: bytes[digits..<position], as: UTF8.self)), value >= 1
        else { throw malformed(position + 1) }
        positions.append(value)
        skipWhitespace()
        guard position < bytes.count else { throw malformed(position) }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
        } else if bytes[position] == UInt8(ascii: "]") {
          position += 1
          values.partials.append(positions)
          return Lexeme(.partials, start, position, value: values.partials.count - 1)
        } else {
          throw malformed(position + 1)
        }
      }
    }

    private func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }

    /// A number: an integer of at most 18 digits as its value (``Lexeme/Tag/integer``), any
    /// other as an exact `Rational` in `values`: (intDigits fracDigits) · 10^(exponent − fracDigits.count).
    private mutating func number(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
      let start = position
      let (end, integer) = Lexer.digits(bytes, from: start)
      position = end
      if let plain = Lexer.plainInteger(bytes, start, end, integer) { return plain }
      let intDigits = bytes[start..<position]
      var fracDigits = bytes[position..<position]
      if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
        position += 1
        let f = position
        while isDigit(position) { position += 1 }
        fracDigits = bytes[f..<position]
        if intDigits.isEmpty && fracDigits.isEmpty {
          throw ParseError(.malformedNumber("."), SourceRange(start, position))
        }
      }
      var exponent = 0
      if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
        var p = position + 1
        var negative = false
        if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") {
          negative = bytes[p] == UInt8(ascii: "-")
          p += 1
        }
        if isDigit(p) {
          let e = p
          while isDigit(p) { p += 1 }
          position = p
          let digits = bytes[e..<p]
          guard digits.count <= 7, let value = Int(String(decoding: digits, as: UTF8.self)),
            value <= Lexer.maxLiteralExponent
          else {
            throw ParseError(.numberTooLarge, SourceRange(start, position))
          }
          exponent = negative ? -value : value
        }
      }
      guard intDigits.count + fracDigits.count <= Lexer.maxLiteralDigits else {
        throw ParseError(.numberTooLarge, SourceRange(start, position))
      }
      let mantissa = BigInt(decimalDigits: Array(intDigits) + Array(fracDigits)) ?? .zero
      let scale = exponent - fracDigits.count
      guard abs(scale) <= Lexer.maxLiteralExponent else {
        throw ParseError(.numberTooLarge, SourceRange(start, position))
      }
      let ten = BigInt(10).power(abs(scale))
      let value = scale >= 0 ? Rational(mantissa * ten) : Rational(mantissa, ten)
      values.numbers.append(value)
      return Lexeme(.number, start, position, value: values.numbers.count - 1)
    }
  }
}
