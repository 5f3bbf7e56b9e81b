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
  /// between brackets and padding.
  public static func textPieces(_ cells: [[String]]) -> [String] { collected(cells, aligned: .text) }

  /// The unicode layout as pieces (``textPieces(_:)``).
  public static func unicodePieces(_ cells: [[String]]) -> [String] { collected(cells, aligned: .unicode) }

  /// The compact layout (`--compact`): one row a line, cells separated by commas, no padding:
  /// ```
  /// [cos(t),-r*sin(t)]
  /// [sin(t),r*cos(t)]
  /// ```
  public static func compactPieces(_ cells: [[String]]) -> [String] { collected(cells, aligned: nil) }

  /// The brackets of an aligned layout: `[ ]` on every row, or the unicode pieces `⎡ ⎢ ⎣`.
  public enum Brackets: Sendable { case text, unicode }

  /// A matrix laid out as it is written, a cell at a time, so a big one is never held: each
  /// cell is written by `cell(i, j)` between the pieces given to `write`. The aligned layouts
  /// pad each cell to its column's width, the most scalars of its cells (`width(i, j)`, known
  /// before the cells are printed: ``TextLength``) with `pad(n)` spaces; `aligned: nil` is the
  /// compact layout.
  public static func write(
    rows: Int, columns: Int, aligned: Brackets?, width: (Int, Int) -> Int, cell: (Int, Int) -> Void,
    write: (String) -> Void, pad: (Int) -> Void
  ) {
    guard let aligned else {
      for i in 0..<rows {
        for j in 0..<columns {
          write(j > 0 ? "," : i > 0 ? "]\n[" : "[")
          cell(i, j)
        }
      }
      write(rows * columns == 0 ? "[]" : "]")
      return
    }
    guard rows > 0, columns > 0 else { return write("[ ]") }
    var widths = Array(repeating: 0, count: columns)
    for i in 0..<rows {
      for j in 0..<columns { widths[j] = max(widths[j], width(i, j)) }
    }
    for i in 0..<rows {
      let (left, right) = brackets(aligned, row: i, of: rows)
      write((i > 0 ? "\n" : "") + left + " ")
      for j in 0..<columns {
        cell(i, j)
        pad(widths[j] - width(i, j))
        write(j + 1 < columns ? "  " : " " + right)
      }
    }
  }

  private static func brackets(_ kind: Brackets, row i: Int, of rows: Int) -> (String, String) {
    guard kind == .unicode, rows > 1 else { return ("[", "]") }
    return i == 0 ? ("⎡", "⎤") : i == rows - 1 ? ("⎣", "⎦") : ("⎢", "⎥")
  }

  /// ``write(rows:columns:aligned:width:cell:write:pad:)`` of cells already printed, collected.
  private static func collected(_ cells: [[String]], aligned: Brackets?) -> [String] {
    var out: [String] = []
    let columns = cells.first?.count ?? 0
    write(
      rows: cells.count, columns: columns, aligned: aligned, width: { cells[$0][$1].unicodeScalars.count },
      cell: { out.append(cells[$0][$1]) }, write: { out.append($0) },
      pad: { if $0 > 0 { out.append(String(repeating: " ", count: $0)) } })
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
