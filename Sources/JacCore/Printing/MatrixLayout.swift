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
  public static func unicode(_ cells: [[String]]) -> String {
    guard cells.count > 1 else { return layout(cells) { _ in ("[", "]") } }
    return layout(cells) { i in i == 0 ? ("⎡", "⎤") : i == cells.count - 1 ? ("⎣", "⎦") : ("⎢", "⎥") }
  }

  public static func text(_ cells: [[String]]) -> String { layout(cells) { _ in ("[", "]") } }

  /// The rows, each between the brackets `brackets(row)` gives, written into one string sized
  /// in advance (a big answer is tens of megabytes; no row strings in between).
  private static func layout(_ cells: [[String]], brackets: (Int) -> (String, String)) -> String {
    guard let columns = cells.first?.count, columns > 0 else { return "[ ]" }
    var widths = Array(repeating: 0, count: columns)
    var bytes = 0
    for row in cells {
      for (j, cell) in row.enumerated() {
        widths[j] = max(widths[j], cell.unicodeScalars.count)
        bytes += cell.utf8.count
      }
    }
    var out = ""
    out.reserveCapacity(bytes + cells.count * (widths.reduce(0, +) + 2 * columns + 12))
    for (i, row) in cells.enumerated() {
      let (left, right) = brackets(i)
      if i > 0 { out += "\n" }
      out += left + " "
      for (j, cell) in row.enumerated() {
        if j > 0 { out += "  " }
        out += cell
        let padding = widths[j] - cell.unicodeScalars.count
        if padding > 0 { out += String(repeating: " ", count: padding) }
      }
      out += " " + right
    }
    return out
  }
}
