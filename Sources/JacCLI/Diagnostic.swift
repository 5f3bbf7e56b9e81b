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
      let column = SourceLocation.column(of: range.start, in: source)
      let endColumn = max(column + 1, SourceLocation.column(of: range.end, in: source))
      let (shown, offset) = window(Array(printable(source).unicodeScalars), around: column - 1)
      let carets = min(endColumn - column, maxWidth - (column - 1 - offset))
      out += "  " + shown + "\n"
      out +=
        "  " + String(repeating: " ", count: column - 1 - offset) + String(repeating: "^", count: max(carets, 1)) + "\n"
    }
    if let hint { out += "hint: " + hint + "\n" }
    return out
  }

  /// A usage error: the message, its hint, then the usage line.
  static func usage(_ error: UsageError, usage: String) -> String {
    "error: \(error.message)\n" + (error.problem.hint.map { "hint: \($0)\n" } ?? "")
      + "usage: \(usage)\n  See 'jac --help' for more information.\n"
  }

  /// Widest source excerpt shown; longer lines are cut around the caret and marked with `...`.
  static let maxWidth = 100

  /// At most ``maxWidth`` scalars of `line` around column index `at`, and how many scalars
  /// before the excerpt were dropped (counting the `...` marker's width in their place).
  static func window(_ line: [Unicode.Scalar], around at: Int) -> (String, Int) {
    if line.count <= maxWidth { return (String(String.UnicodeScalarView(line)), 0) }
    let start = max(0, min(at - maxWidth / 2, line.count - maxWidth + 6))
    let end = min(line.count, start + maxWidth - 6)
    var text = start > 0 ? "..." : ""
    text += String(String.UnicodeScalarView(line[start..<end]))
    if end < line.count { text += "..." }
    return (text, start > 0 ? start - 3 : 0)
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
