/// The structural nonzeros of a Jacobian or Hessian: for each variable (column j), the
/// functions (rows) that contain it, held as compressed sparse columns: column j's rows are
/// `rowIndices[columnStarts[j] ..< columnStarts[j + 1]]`, increasing. Its ``count`` bounds the
/// nonzeros (``Limits/nonzeros``). Two flat arrays, not an array per column: Bratu with
/// n = 100,000 has 100,000 columns of three rows.
public struct SparsityPattern: Equatable, Sendable {
  public let rows: Int
  public let columns: Int
  /// Where each column's rows start in ``rowIndices`` (`columns + 1` of them).
  public let columnStarts: [Int]
  /// The rows of each column, column by column.
  public let rowIndices: [Int32]

  /// The bound ``DerivativeCost`` puts on differentiating the small rows (walked as trees),
  /// when the walk that found the pattern took it on the way (nil if it did not walk them).
  /// Not part of the pattern's equality.
  let smallRowsWork: Int?

  /// The structural nonzeros.
  public var count: Int { rowIndices.count }

  /// The same rows in the same columns.
  public static func == (a: SparsityPattern, b: SparsityPattern) -> Bool {
    (a.rows, a.columns, a.columnStarts, a.rowIndices) == (b.rows, b.columns, b.columnStarts, b.rowIndices)
  }

  /// The rows of column j, increasing.
  public func rows(ofColumn j: Int) -> ArraySlice<Int32> { rowIndices[columnStarts[j]..<columnStarts[j + 1]] }

  /// Every row in every column (a small or dense matrix).
  public static func full(rows: Int, columns: Int) -> SparsityPattern {
    let column = (0..<rows).map { Int32($0) }
    return SparsityPattern(
      rows: rows, columns: columns, columnStarts: (0...columns).map { $0 * rows },
      rowIndices: Array((0..<columns).map { _ in column }.joined()))
  }

  /// The pattern whose row i holds the columns `rowColumns[rowStarts[i] ..< rowStarts[i + 1]]`
  /// (each column at most once a row, in any order), turned into columns
  /// (``CompressedTranspose``).
  init(rows: Int, columns: Int, rowStarts: [Int], rowColumns: [Int32], smallRowsWork: Int? = nil) {
    let t = CompressedTranspose(lines: rows, crossLines: columns, starts: rowStarts, indices: rowColumns)
    self.init(rows: rows, columns: columns, columnStarts: t.starts, rowIndices: t.lines, smallRowsWork: smallRowsWork)
  }

  init(rows: Int, columns: Int, columnStarts: [Int], rowIndices: [Int32], smallRowsWork: Int? = nil) {
    self.rows = rows
    self.columns = columns
    self.columnStarts = columnStarts
    self.rowIndices = rowIndices
    self.smallRowsWork = smallRowsWork
  }
}
