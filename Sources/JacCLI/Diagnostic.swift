import JacCore

/// Renders an error for a person: the message, the input line, a caret under the spot.
/// ```
/// error: line 3: expected ')' to close '(' at column 4
///   sin(x^2
///          ^
/// hint: ...
/// ```
enum Diagnostic {
  static func render(message: String, line: Int?, source: String?, range: SourceRange?, hint: String?) -> String {
    var out = "error: " + (line.map { "line \($0): " } ?? "") + message + "\n"
    if let source, let range {
      let shown = printable(source)
      let column = SourceLocation.column(of: range.start, in: source)
      let endColumn = max(column + 1, SourceLocation.column(of: range.end, in: source))
      out += "  " + shown + "\n"
      out += "  " + String(repeating: " ", count: column - 1) + String(repeating: "^", count: endColumn - column) + "\n"
    }
    if let hint { out += "hint: " + hint + "\n" }
    return out
  }

  /// The source line with control characters shown as `␀`-style placeholders, one per scalar, so
  /// the caret stays under the right column.
  static func printable(_ source: String) -> String {
    var out = ""
    for s in source.unicodeScalars {
      if s.value < 0x20 || s.value == 0x7F {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out
  }
}
