/// Text layout of matrices: one row a line, columns aligned (widths in Unicode scalars), each
/// row in brackets:
/// ```
/// [ cos(t)  -r*sin(t) ]
/// [ sin(t)  r*cos(t)  ]
/// ```
public enum MatrixLayout {
  /// The unicode layout: one row in `[ ]`, taller matrices drawn with bracket pieces:
  /// ```
  /// ⎡ cos(t)  −r·sin(t) ⎤
  /// ⎣ sin(t)  r·cos(t)  ⎦
  /// ```
  public static func unicode(_ cells: [[String]]) -> String { joined(unicodePieces(cells)) }

  public static func text(_ cells: [[String]]) -> String { joined(textPieces(cells)) }

  /// The text layout as pieces whose concatenation is ``text(_:)``: the cells themselves
  /// (shared, not copied) between brackets and padding, so a caller can write a big matrix out
  /// without a second copy of it in memory (the arm400 Jacobian is 284 MB of text).
  public static func textPieces(_ cells: [[String]]) -> [String] { pieces(cells) { _ in ("[", "]") } }

  /// The unicode layout as pieces (``textPieces(_:)``).
  public static func unicodePieces(_ cells: [[String]]) -> [String] {
    guard cells.count > 1 else { return pieces(cells) { _ in ("[", "]") } }
    return pieces(cells) { i in i == 0 ? ("⎡", "⎤") : i == cells.count - 1 ? ("⎣", "⎦") : ("⎢", "⎥") }
  }

  /// The compact layout (`--compact`): one row a line, cells separated by commas, no padding:
  /// ```
  /// [cos(t),-r*sin(t)]
  /// [sin(t),r*cos(t)]
  /// ```
  public static func compactPieces(_ cells: [[String]]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(cells.count * (2 * (cells.first?.count ?? 0) + 1))
    for (i, row) in cells.enumerated() {
      for (j, cell) in row.enumerated() {
        out.append(j > 0 ? "," : i > 0 ? "]\n[" : "[")
        out.append(cell)
      }
    }
    out.append(out.isEmpty ? "[]" : "]")
    return out
  }

  /// The rows, each between the brackets `brackets(row)` gives, cells padded to their column's
  /// width.
  private static func pieces(_ cells: [[String]], brackets: (Int) -> (String, String)) -> [String] {
    guard let columns = cells.first?.count, columns > 0 else { return ["[ ]"] }
    var widths = Array(repeating: 0, count: columns)
    let scalars = cells.map { $0.map(\.unicodeScalars.count) }
    for row in scalars {
      for (j, count) in row.enumerated() { widths[j] = max(widths[j], count) }
    }
    var out: [String] = []
    out.reserveCapacity(cells.count * (2 * columns + 1))
    for (i, row) in cells.enumerated() {
      let (left, right) = brackets(i)
      var gap = (i > 0 ? "\n" : "") + left + " "
      for (j, cell) in row.enumerated() {
        out.append(gap)
        out.append(cell)
        let padding = widths[j] - scalars[i][j]
        gap = String(repeating: " ", count: padding) + (j + 1 < columns ? "  " : " " + right)
      }
      out.append(gap)
    }
    return out
  }

  /// The pieces in one string sized in advance.
  public static func joined(_ pieces: [String]) -> String {
    var out = ""
    out.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
    for piece in pieces { out += piece }
    return out
  }
}
