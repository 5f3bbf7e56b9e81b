/// A token as the parser reads it: its kind, its range and a small value, trivially copied (no
/// `String`, `Rational` or array inside, so passing one around costs no reference counting).
/// A name is read from the text by its range only when needed (``Lexer/text(_:)``); a number
/// that is not a small integer, and the positions of `D[…]`, are kept in ``Values`` and named by
/// index. ``Lexer/token(_:_:)`` gives the full ``Token``.
struct Lexeme {
  enum Tag: UInt8 {
    /// An integer literal of at most 18 digits: `value` is its value.
    case integer
    /// Any other number literal: `value` indexes the lexer's literals.
    case number
    /// A name: `value` is its ``NameTable/key(_:_:_:)``.
    case identifier
    case plus, minus, star, slash, caret, leftParen, rightParen, comma, equals, prime
    /// `D[1,2]`: `value` indexes the lexer's lists of positions.
    case partials
    /// `√` or `∛`: `value` is the index, 2 or 3.
    case radical
    /// `²`, `⁻¹`: `value` is the power.
    case superscript
    case end
  }
  var tag: Tag
  var range: SourceRange
  var value: Int

  init(_ tag: Tag, _ start: Int, _ end: Int, value: Int = 0) {
    self.tag = tag
    range = SourceRange(start, end)
    self.value = value
  }

  /// What lexemes name by index: the numbers other than small integers, the positions of `D[…]`.
  struct Values {
    var numbers: [Rational] = []
    var partials: [[Int]] = []
  }

  /// A number literal of either kind.
  var isNumber: Bool { tag == .integer || tag == .number }
}
