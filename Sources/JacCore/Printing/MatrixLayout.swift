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
    let rows = text(cells).split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst().dropLast() }
    guard rows.count > 1 else { return rows.map { "[" + $0 + "]" }.joined() }
    return rows.enumerated().map { i, row in
      let (left, right) = i == 0 ? ("⎡", "⎤") : i == rows.count - 1 ? ("⎣", "⎦") : ("⎢", "⎥")
      return left + row + right
    }.joined(separator: "\n")
  }

  public static func text(_ cells: [[String]]) -> String {
    guard let columns = cells.first?.count, columns > 0 else { return "[ ]" }
    var widths = Array(repeating: 0, count: columns)
    for row in cells {
      for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.unicodeScalars.count) }
    }
    return cells.map { row in
      "[ "
        + row.enumerated().map { j, cell in
          cell + String(repeating: " ", count: widths[j] - cell.unicodeScalars.count)
        }.joined(separator: "  ") + " ]"
    }.joined(separator: "\n")
  }
}
