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
    var out = "error: " + (line.map { "line \($0): " } ?? "") + VisibleText.shown(message) + "\n"
    if let source, let range {
      // Each scalar as shown (hidden ones as <U+XXXX>), and where the caret's ends fall among them.
      let shown = source.unicodeScalars.map(VisibleText.inText)
      let column = SourceLocation.column(of: range.start, in: source)
      let endColumn = max(column + 1, SourceLocation.column(of: range.end, in: source))
      func position(_ column: Int) -> Int { shown.prefix(column - 1).reduce(0) { $0 + $1.unicodeScalars.count } }
      let (start, end) = (position(column), max(position(endColumn), position(column) + 1))
      let scalars = Array(shown.joined().unicodeScalars)
      let (excerpt, offset) = window(scalars, around: start)
      let carets = min(end - start, maxWidth - (start - offset))
      out += "  " + excerpt + "\n"
      out += "  " + String(repeating: " ", count: start - offset) + String(repeating: "^", count: max(carets, 1)) + "\n"
    }
    if let hint { out += "hint: " + VisibleText.shown(hint) + "\n" }
    return out
  }

  /// A usage error: the message, its hint, then the usage line.
  static func usage(_ error: UsageError, usage: String) -> String {
    "error: \(VisibleText.shown(error.message))\n"
      + (error.problem.hint.map { "hint: \(VisibleText.shown($0))\n" } ?? "")
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
}
