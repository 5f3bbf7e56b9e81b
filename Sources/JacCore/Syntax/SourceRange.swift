/// A range of UTF-8 byte offsets into one input line. Line and column are computed only to show a
/// message (see `SourceLocation`).
public struct SourceRange: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }
}

/// Where a byte offset falls in its text, for messages: 1-based column counted in Unicode scalars.
public enum SourceLocation {
  /// The 1-based column of UTF-8 offset `offset` in `text`.
  public static func column(of offset: Int, in text: String) -> Int {
    var column = 1
    var position = 0
    for scalar in text.unicodeScalars {
      if position >= offset { break }
      position += UTF8.width(scalar)
      column += 1
    }
    return column
  }
}
