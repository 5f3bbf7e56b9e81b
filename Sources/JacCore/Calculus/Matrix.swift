/// A matrix of expressions, row-major.
public struct Matrix: Equatable, Sendable {
  public let rows: Int
  public let columns: Int
  public var entries: [Expr]

  public init(rows: Int, columns: Int, entries: [Expr]) {
    precondition(entries.count == rows * columns)
    self.rows = rows
    self.columns = columns
    self.entries = entries
  }

  public subscript(i: Int, j: Int) -> Expr {
    get { entries[i * columns + j] }
    set { entries[i * columns + j] = newValue }
  }

  public var isSquare: Bool { rows == columns }

  /// Aᵀ.
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows, entries: entries)
    for i in 0..<rows {
      for j in 0..<columns { t[j, i] = self[i, j] }
    }
    return t
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Expr] { Array(entries[i * columns..<(i + 1) * columns]) }

  public func map<E: Error>(_ transform: (Expr) throws(E) -> Expr) throws(E) -> Matrix {
    Matrix(rows: rows, columns: columns, entries: try entries.map(transform))
  }
}
