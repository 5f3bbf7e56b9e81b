/// How a character is shown in a message or an echoed input line: as itself, or as `U+XXXX`
/// where it would be invisible (a control, a format character such as a zero-width space or a
/// byte-order mark, a space other than ' ', a line or paragraph separator) or would reorder the
/// line around it (right-to-left overrides and isolates are format characters), or has no glyph
/// (private use, unassigned).
public enum VisibleText {
  public static func isHidden(_ s: Unicode.Scalar) -> Bool {
    if s == " " { return false }
    switch s.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate,
      .unassigned:
      return true
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
      .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation,
      .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
      .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      return s == "\u{FFFD}"
    @unknown default:
      return true
    }
  }

  /// `U+202E`: at least four hexadecimal digits.
  public static func escape(_ s: Unicode.Scalar) -> String {
    let hex = String(s.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// The scalar as shown: itself, or its escape.
  public static func shown(_ s: Unicode.Scalar) -> String { isHidden(s) ? escape(s) : String(s) }

  /// A scalar inside running text: itself, or its escape in angle brackets (`x<U+202E>y`).
  public static func inText(_ s: Unicode.Scalar) -> String { isHidden(s) ? "<" + escape(s) + ">" : String(s) }

  /// `text` with every hidden character escaped in angle brackets.
  public static func shown(_ text: String) -> String {
    var out = ""
    for s in text.unicodeScalars { out += inText(s) }
    return out
  }
}
