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
/// - `ᵀ` (U+1D40) ends a name: it is a transpose, which scalar input has not (``MatrixLexer``).
/// - Derivatives of undefined functions: a prime `'` only directly after a name and before `(`
///   or another `'` (`f'(x)`, `f''(x)`; elsewhere `'` is an unexpected character, kept free for
///   a transpose), and `D[1,2]` (a name `D` directly followed by `[`) as one token.
///
/// The bytes are read through a pointer: the parser lends the lexer its text's UTF-8 in place
/// for the parse (``init(lending:)``; issue 20: a 5.75 MB line was copied from its `String` into
/// an array before lexing); ``init(_:)`` copies a text into storage the lexer owns. Most tokens
/// of a long input are plain ASCII (an operator, a name of letters, digits and `_`, an integer
/// of at most 18 digits) and are read by ``plainLexeme(_:at:)``; everything else by the full
/// rules (``Scanner``).
public struct Lexer {
  /// The text's UTF-8.
  let bytes: UnsafeBufferPointer<UInt8>
  /// Owns `bytes` when the lexer made them (``init(_:)``); nil when they are lent.
  private let storage: Storage?
  var position = 0
  /// Largest decimal exponent a literal may carry (`1e40000`); beyond it the literal is an error.
  public static let maxLiteralExponent = 40_000
  /// Most digits a number literal may have.
  public static let maxLiteralDigits = 40_000

  /// A lexer of its own copy of `text`.
  public init(_ text: String) {
    let storage = Storage(text)
    self.storage = storage
    bytes = UnsafeBufferPointer(start: storage.base, count: text.utf8.count)
  }

  /// A lexer of `bytes`, which the caller keeps valid while the lexer is used (``Parser``).
  init(lending bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    storage = nil
  }

  /// Bytes the lexer allocated, freed with it.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>

    init(_ text: String) {
      let count = text.utf8.count
      base = .allocate(capacity: max(count, 1))
      _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: text.utf8)
    }

    deinit { base.deallocate() }
  }

  /// The next token; `.end` at end of input and for ever after.
  public mutating func next() throws(ParseError) -> Token {
    var values = Lexeme.Values()
    let lexeme = try scan(&values)
    return token(lexeme, values)
  }

  /// The next token, stepping over what does not lex (the `'` of a state equation `x' = v`):
  /// for scans of text that parsed, which look for names.
  mutating func nextSkippingErrors() -> Token {
    while true {
      do {
        return try next()
      } catch {
        position = max(error.range.end, position + 1)
      }
    }
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

  /// The text of `range`, which holds whole UTF-8 scalars. Made in place: up to 15 ASCII bytes
  /// become a small string without being validated again (`String(decoding:as:)` took about 330
  /// instructions for `u123`; issue 20).
  func text(_ range: SourceRange) -> String {
    String(unsafeUninitializedCapacity: range.end - range.start) { buffer in
      _ = buffer.initialize(from: bytes[range.start..<range.end])
      return range.end - range.start
    }
  }

  /// The next token as a ``Lexeme``: no `String` or `Rational` is made for it.
  /// A number other than a small integer, and the positions of `D[…]`, go into `values` (kept
  /// out of the lexer so that it stays small: the matrix parser's deep recursion holds it).
  @inline(__always) mutating func scan(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
    if let plain = Self.plainLexeme(bytes, at: position) {
      position = plain.range.end
      return plain
    }
    return try scanByTheFullRules(&values)
  }

  /// The next token by ``Scanner``: kept out of line, so that the plain path stays small.
  @inline(never) private mutating func scanByTheFullRules(_ values: inout Lexeme.Values) throws(ParseError) -> Lexeme {
    var scanner = Scanner(bytes: bytes, position: position)
    defer { position = scanner.position }
    return try scanner.scan(&values)
  }

  /// The token at `p` (after spaces) when it is plain ASCII: an operator other than `'`, an
  /// identifier of ASCII letters, digits and `_` (not `D[`), an integer of at most 18 digits
  /// not followed by `.`, `e` or `E`, or the end; nil for anything else (``Scanner``).
  @inline(__always) static func plainLexeme(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Lexeme? {
    var p = p
    let n = bytes.count
    guard p < n else { return Lexeme(.end, p, p) }
    var b = bytes[p]
    while b == 32 {  // spaces: the byte after them is read once, for the switch
      p += 1
      guard p < n else { return Lexeme(.end, p, p) }
      b = bytes[p]
    }
    let tag: Lexeme.Tag
    switch b {
    case UInt8(ascii: "+"): tag = .plus
    case UInt8(ascii: "-"): tag = .minus
    case UInt8(ascii: "*"):
      if p + 1 < n, bytes[p + 1] == UInt8(ascii: "*") { return Lexeme(.caret, p, p + 2) }
      tag = .star
    case UInt8(ascii: "/"): tag = .slash
    case UInt8(ascii: "^"): tag = .caret
    case UInt8(ascii: "("): tag = .leftParen
    case UInt8(ascii: ")"): tag = .rightParen
    case UInt8(ascii: ","): tag = .comma
    case UInt8(ascii: "="): tag = .equals
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      let (end, value) = digits(bytes, from: p)
      return plainInteger(bytes, p, end, value)
    default:
      guard isASCIILetter(b) else { return nil }
      var end = p + 1
      while end < n, continuesIdentifier(bytes[end]) { end += 1 }
      if end < n && (bytes[end] >= 0x80 || (bytes[end] == UInt8(ascii: "[") && b == UInt8(ascii: "D") && end == p + 1))
      {
        return nil
      }
      return Lexeme(.identifier, p, end, value: Int(truncatingIfNeeded: NameTable.key(bytes, p, end)))
    }
    return Lexeme(tag, p, p + 1)
  }

  /// The decimal digits from `start`: where they end, and their value (wrapping: it is used
  /// only up to 18 digits).
  @inline(__always) static func digits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int) {
    var p = start
    var value = 0
    while p < bytes.count, bytes[p] &- 48 < 10 {
      value = value &* 10 &+ Int(bytes[p] &- 48)
      p += 1
    }
    return (p, value)
  }

  /// The integer lexeme of the digits `start..<end` (read as `value`), when they are at most 18
  /// and no `.`, `e` or `E` follows (`2e` is 2·e, but the full rules decide that).
  @inline(__always) static func plainInteger(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ value: Int
  ) -> Lexeme? {
    guard end - start <= 18 else { return nil }
    if end < bytes.count {
      let b = bytes[end]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { return nil }
    }
    return Lexeme(.integer, start, end, value: value)
  }

  /// Whether the next token is `=` (what `scan()` would find, without scanning).
  var equalsFollows: Bool {
    var p = position
    while p < bytes.count, bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13 { p += 1 }
    return p < bytes.count && bytes[p] == UInt8(ascii: "=")
  }

  /// The `'` of a state equation `x' = …` (linearize), when the next bytes are one `'` and then
  /// `=` (spaces between allowed); nil otherwise.
  var primeBeforeEquals: SourceRange? {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "'") else { return nil }
    var p = position + 1
    while p < bytes.count, bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13 { p += 1 }
    return p < bytes.count && bytes[p] == UInt8(ascii: "=") ? SourceRange(position, position + 1) : nil
  }

  /// `ᵀ` (U+1D40) is alphabetic but never part of a name: it is the transpose jac's unicode
  /// output writes (`xᵀ`), so a name does not swallow it (`xᵀ*A*x` is not the variable `xᵀ`).
  public static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
    s == "_"
      || (s.isASCII
        ? (("a"..."z").contains(s) || ("A"..."Z").contains(s)) : s.properties.isAlphabetic && s != transposeMark)
  }
  /// `ᵀ`, the transpose (of vectors and matrices; in scalar input an unexpected character).
  static let transposeMark: Unicode.Scalar = "\u{1D40}"
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

  /// An ASCII letter, digit or `_`: ``isIdentifierContinue`` for a byte below 0x80, read from
  /// ``identifierBytes`` (a load and a compare; the tests by ranges cost 15 instructions a byte).
  @inline(__always) static func continuesIdentifier(_ b: UInt8) -> Bool {
    b < 128 && identifierBytes.utf8Start[Int(b)] == UInt8(ascii: "1")
  }

  /// Character b is `1` for each ASCII byte b that may continue an identifier: `0`–`9` (0x30–0x39),
  /// `A`–`Z` (0x41–0x5A), `_` (0x5F), `a`–`z` (0x61–0x7A); 16 bytes a line, 0x00 to 0x7F.
  static let identifierBytes: StaticString = """
    0000000000000000\
    0000000000000000\
    0000000000000000\
    1111111111000000\
    0111111111111111\
    1111111111100001\
    0111111111111111\
    1111111111100000
    """

  /// The superscript digits, `0` to `9`.
  static let superscriptDigits: [Unicode.Scalar] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

  /// `n` in superscript digits, `⁻¹` for -1.
  static func superscript(_ n: Int) -> String {
    let digits = String(n.magnitude).unicodeScalars.map { superscriptDigits[Int($0.value) - 48] }
    return (n < 0 ? "⁻" : "") + String(String.UnicodeScalarView(digits))
  }
}
