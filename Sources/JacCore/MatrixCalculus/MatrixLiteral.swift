/// A vector or matrix value as `--at` takes it: `[1, 2, 3]`, `[1, 2; 3, 4]`. Rows are separated
/// by `;`, entries by `,`, in row-major order as MATLAB, Octave and NumPy's string form write
/// them:
///
///     literal = "[" , row , { ";" , row } , "]" ;
///     row     = entry , { "," , entry } ;
///
/// Each entry is an expression, read by the caller's `entry` (as a scalar `--at` value); commas
/// and semicolons inside parentheses belong to the entry (`[atan2(1, 2), 3]`), and a `[` inside
/// is the entry's (an error there: `[[1, 2]]`). Every row has
/// as many entries as the first. Errors point into the whole text.
public enum MatrixLiteral {
  /// Whether `text` is written as a literal: its first character other than a space is `[`.
  public static func isLiteral(_ text: String) -> Bool {
    text.utf8.first { $0 != UInt8(ascii: " ") } == UInt8(ascii: "[")
  }

  /// The matrix `text` writes (a single row `[1, 2, 3]` is 1×3; the caller decides what a
  /// vector's row means).
  public static func parse(
    _ text: String, entry: (String) throws(ParseError) -> Expr
  ) throws(ParseError) -> Matrix {
    let bytes = Array(text.utf8)
    guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else { throw ParseError(.emptyInput, SourceRange(0, 0)) }
    var rows: [[Expr]] = [[]]
    var rowStarts = [open + 1]
    var start = open + 1
    var depth = 0
    var close: Int?
    func take(_ end: Int) throws(ParseError) {
      let piece = String(decoding: bytes[start..<end], as: UTF8.self)
      guard piece.contains(where: { $0 != " " }) else {
        let found = end < bytes.count ? "'\(Character(UnicodeScalar(bytes[end])))'" : "end of input"
        throw ParseError(.expectedExpression(found: found), SourceRange(end, end + (end < bytes.count ? 1 : 0)))
      }
      do {
        rows[rows.count - 1].append(try entry(piece))
      } catch {
        throw ParseError(error.message, SourceRange(error.range.start + start, error.range.end + start))
      }
    }
    scan: for k in (open + 1)..<bytes.count {
      switch bytes[k] {
      case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: ")"): depth -= 1
      case UInt8(ascii: "]") where depth > 0: depth -= 1
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "]"):
        guard depth <= 0 else { continue }
        try take(k)
        start = k + 1
        if bytes[k] == UInt8(ascii: "]") {
          close = k
          break scan
        }
        if bytes[k] == UInt8(ascii: ";") {
          rows.append([])
          rowStarts.append(k + 1)
        }
      default: continue
      }
    }
    guard let close else {
      let column = SourceLocation.column(of: open, in: text)
      throw ParseError(.expectedCloseBracket(openColumn: column), SourceRange(bytes.count, bytes.count))
    }
    if let after = bytes[(close + 1)...].firstIndex(where: { $0 != UInt8(ascii: " ") }) {
      let rest = String(decoding: bytes[after...], as: UTF8.self)
      throw ParseError(.textAfterMatrixValue(found: "'\(rest.prefix(1))'"), SourceRange(after, bytes.count))
    }
    for (k, row) in rows.enumerated() where row.count != rows[0].count {
      let end = k + 1 < rowStarts.count ? rowStarts[k + 1] - 1 : close
      let start = bytes[rowStarts[k]..<end].firstIndex { $0 != UInt8(ascii: " ") } ?? rowStarts[k]
      throw ParseError(
        .matrixValueRowLength(row: k + 1, count: row.count, expected: rows[0].count), SourceRange(start, end))
    }
    return Matrix(rows: rows.count, columns: rows[0].count, entries: rows.flatMap { $0 })
  }
}
