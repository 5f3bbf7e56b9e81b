/// Turns one line of input into tokens, on demand. The lexical rules are the second half of
/// `grammar/jac.ebnf`.
///
/// - Numbers are exact: `12`, `0.25` (= 1/4), `.5`, `1e-3` (= 1/1000), `6.02E23`. An `e` is an
///   exponent only when a digit follows it (after an optional sign); otherwise `2e` is `2·e`.
/// - Identifiers: a letter or `_`, then letters, digits and `_`. Letters include Greek and other
///   alphabetic Unicode scalars (`θ`, `φ`, `π`).
/// - Operators: `+ - * / ^ ** ( ) , =`; also `−` (U+2212) for `-`, and `·` `⋅` `×` for `*`.
/// - Notation people type: `÷` for `/`; `√` and `∛` (roots of the operand that follows);
///   superscript exponents `²`, `³`, `⁻¹`, `¹⁰` (an optional `⁺` or `⁻`, then superscript digits).
/// - Derivatives of undefined functions: a prime `'` only directly after a name and before `(`
///   or another `'` (`f'(x)`, `f''(x)`; elsewhere `'` is an unexpected character, kept free for
///   a transpose), and `D[1,2]` (a name `D` directly followed by `[`) as one token.
public struct Lexer {
  let bytes: [UInt8]
  var position = 0
  /// Largest decimal exponent a literal may carry (`1e40000`); beyond it the literal is an error.
  public static let maxLiteralExponent = 40_000
  /// Most digits a number literal may have.
  public static let maxLiteralDigits = 40_000

  public init(_ text: String) { bytes = Array(text.utf8) }

  /// The next token; `.end` at end of input and for ever after.
  public mutating func next() throws(ParseError) -> Token {
    var values = Lexeme.Values()
    let lexeme = try scan(&values)
    return token(lexeme, values)
  }

  /// The token `lexeme` stands for, with its name or value read from the text.
  func token(_ lexeme: Lexeme, _ values: Lexeme.Values) -> Token {
    let kind: Token.Kind
    switch lexeme.tag {
    case .integer: kind = .number(Rational(lexeme.value))
    case .number: kind = .number(values.numbers[lexeme.value])
    case .identifier: kind = .identifier(text(lexeme.range))
    case .plus: kind = .plus
    case .minus: kind = .minus
    case .star: kind = .star
    case .slash: kind = .slash
    case .caret: kind = .caret
    case .leftParen: kind = .leftParen
    case .rightParen: kind = .rightParen
    case .comma: kind = .comma
    case .equals: kind = .equals
    case .prime: kind = .prime
    case .partials: kind = .partials(values.partials[lexeme.value])
    case .radical: kind = .radical(index: lexeme.value)
    case .superscript: kind = .superscript(lexeme.value)
    case .end: kind = .end
    }
    return Token(kind: kind, range: lexeme.range)
  }

  /// The text of `range`, which holds whole UTF-8 scalars.
  func text(_ range: SourceRange) -> String {
    bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[range.start..<range.end]), as: UTF8.self)
    }
  }

  /// The next token as a ``Lexeme``: no `String` or `Rational` is made for it.
  /// A number other than a small integer, and the positions of `D[…]`, go into `values` (kept
  /// out of the lexer so that it stays two words: the matrix parser's deep recursion holds it).
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
    case _ where Self.isASCIILetter(b): return try identifier(&values)
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
    if Self.isIdentifierStart(scalar) { return try identifier(&values) }
    throw ParseError(.unexpectedCharacter(Self.display(scalar)), SourceRange(start, start + UTF8.width(scalar)))
  }

  /// Whether the next token is `=` (what `scan()` would find, without scanning).
  var equalsFollows: Bool {
    var p = position
    while p < bytes.count, bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13 { p += 1 }
    return p < bytes.count && bytes[p] == UInt8(ascii: "=")
  }

  private mutating func skipWhitespace() {
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

  public static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
    s == "_" || (s.isASCII ? (("a"..."z").contains(s) || ("A"..."Z").contains(s)) : s.properties.isAlphabetic)
  }
  public static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
    isIdentifierStart(s) || ("0"..."9").contains(s)
  }

  /// A character as a message shows it: visible ones as themselves, others as `U+XXXX`
  /// (``VisibleText``).
  static func display(_ s: Unicode.Scalar) -> String { VisibleText.shown(s) }

  /// `_` or an ASCII letter: ``isIdentifierStart`` for a byte below 0x80.
  @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
    b == UInt8(ascii: "_") || ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z"))
  }

  /// An identifier, its ``NameTable/hash(_:)`` computed as it is read (the lexeme's value).
  private mutating func identifier(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
    let start = position
    // ASCII letters, digits and `_` in place, without decoding.
    let (end, h0) = bytes.withUnsafeBufferPointer { text -> (Int, UInt64) in
      var p = position
      var h = NameTable.basis
      while p < text.count {
        let b = text[p]
        guard Self.isASCIILetter(b) || (b >= 48 && b <= 57) else { break }
        h = (h ^ UInt64(b)) &* NameTable.prime
        p += 1
      }
      return (p, h)
    }
    var h = h0
    position = end
    if position < bytes.count, bytes[position] >= 0x80 { h = unicodeIdentifierRest(h) }
    if position - start == 1, bytes[start] == UInt8(ascii: "D"), position < bytes.count,
      bytes[position] == UInt8(ascii: "[")
    {
      return try partials(from: start, &values)
    }
    return Lexeme(.identifier, start, position, value: Int(truncatingIfNeeded: NameTable.finish(h)))
  }

  /// The rest of an identifier from a byte above 0x7F, decoded scalar by scalar; `h` is the
  /// hash of the bytes before it, the hash with the rest is returned. Kept out of line: the
  /// Unicode properties it asks for would make every identifier look up their type's metadata.
  @inline(never) private mutating func unicodeIdentifierRest(_ h: UInt64) -> UInt64 {
    var h = h
    while position < bytes.count {
      let s = decodeScalar(at: position)
      guard Self.isIdentifierContinue(s) else { break }
      let end = position + UTF8.width(s)
      for i in position..<end { h = (h ^ UInt64(bytes[i])) &* NameTable.prime }
      position = end
    }
    return h
  }

  /// The superscript digits, `0` to `9`.
  static let superscriptDigits: [Unicode.Scalar] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

  /// `n` in superscript digits, `⁻¹` for -1.
  static func superscript(_ n: Int) -> String {
    let digits = String(n.magnitude).unicodeScalars.map { superscriptDigits[Int($0.value) - 48] }
    return (n < 0 ? "⁻" : "") + String(String.UnicodeScalarView(digits))
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
    while position < bytes.count, let d = Self.superscriptDigits.firstIndex(of: decodeScalar(at: position)) {
      value = digits < 7 ? value * 10 + d : value
      digits += 1
      position += UTF8.width(Self.superscriptDigits[d])
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

  /// A byte after an integer's digits that may make it a decimal or an exponent.
  private static func mayContinueNumber(_ b: UInt8) -> Bool {
    b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
  }

  private func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }

  private mutating func number(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
    let start = position
    let intStart = position
    // The digits, read as an Int as they are passed (wrapping: only up to 18 digits is it used).
    let (end, integer) = bytes.withUnsafeBufferPointer { text -> (Int, Int) in
      var p = start
      var value = 0
      while p < text.count, text[p] &- 48 < 10 {
        value = value &* 10 &+ Int(text[p] &- 48)
        p += 1
      }
      return (p, value)
    }
    position = end
    // The common case, an integer of at most 18 digits: no decimal point and no exponent
    // follows (`2e` is 2·e, so only an `e` followed by a digit or sign goes below).
    if position - start <= 18, !(position < bytes.count && Self.mayContinueNumber(bytes[position])) {
      return Lexeme(.integer, start, position, value: integer)
    }
    let intDigits = bytes[intStart..<position]
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
          value <= Self.maxLiteralExponent
        else {
          throw ParseError(.numberTooLarge, SourceRange(start, position))
        }
        exponent = negative ? -value : value
      }
    }
    guard intDigits.count + fracDigits.count <= Self.maxLiteralDigits else {
      throw ParseError(.numberTooLarge, SourceRange(start, position))
    }
    // value = (intDigits fracDigits) · 10^(exponent − fracDigits.count)
    let mantissa = BigInt(decimalDigits: Array(intDigits) + Array(fracDigits)) ?? .zero
    let scale = exponent - fracDigits.count
    guard abs(scale) <= Self.maxLiteralExponent else { throw ParseError(.numberTooLarge, SourceRange(start, position)) }
    let ten = BigInt(10).power(abs(scale))
    let value = scale >= 0 ? Rational(mantissa * ten) : Rational(mantissa, ten)
    values.numbers.append(value)
    return Lexeme(.number, start, position, value: values.numbers.count - 1)
  }
}
