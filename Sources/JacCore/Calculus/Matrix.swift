/// A matrix of expressions, held sparse: only the entries that are not 0, row by row
/// (compressed sparse rows). A Jacobian of n equations that each hold a few variables has O(n)
/// nonzeros among its n² entries; nothing here costs n·m unless a dense view is asked for
/// (``entries``, ``row(_:)``), which only small matrices use.
///
/// Invariants:
/// - `rowStarts` has `rows + 1` elements, starting at 0 and non-decreasing; row i's nonzeros are
///   `values[rowStarts[i] ..< rowStarts[i + 1]]`, in the columns `columnIndices[…]`, strictly
///   increasing;
/// - no stored value is 0 (``Expr/zero``), so ``nonzeroCount`` is the count of entries that are
///   not 0, and two equal matrices have equal storage.
public struct Matrix: Equatable, Sendable {
  public let rows: Int
  public let columns: Int
  /// Where each row's nonzeros start in ``columnIndices`` and ``values`` (`rows + 1` of them).
  public private(set) var rowStarts: [Int]
  /// The column of each nonzero, row by row.
  public private(set) var columnIndices: [Int32]
  /// The nonzero entries, row by row and, within a row, by column.
  public private(set) var values: [Expr]

  /// The matrix whose row-major entries are `entries` (the zeros are dropped).
  public init(rows: Int, columns: Int, entries: [Expr]) {
    precondition(entries.count == rows * columns)
    self.rows = rows
    self.columns = columns
    rowStarts = [0]
    rowStarts.reserveCapacity(rows + 1)
    columnIndices = []
    values = []
    for i in 0..<rows {
      for j in 0..<columns where entries[i * columns + j] != .zero {
        columnIndices.append(Int32(j))
        values.append(entries[i * columns + j])
      }
      rowStarts.append(values.count)
    }
  }

  /// The matrix with the nonzeros `columnsOfNonzeros[j]` in column j, each a list of
  /// (row, entry) by increasing row; entries that are 0 are dropped.
  public init(rows: Int, columns: Int, byColumn columnsOfNonzeros: [[(row: Int, value: Expr)]]) {
    precondition(columnsOfNonzeros.count == columns)
    var starts = [0]
    starts.reserveCapacity(columns + 1)
    var rowIndices: [Int32] = []
    var values: [Expr] = []
    for column in columnsOfNonzeros {
      for (i, e) in column {
        rowIndices.append(Int32(i))
        values.append(e)
      }
      starts.append(values.count)
    }
    self.init(rows: rows, columns: columns, columnStarts: starts, rowIndices: rowIndices, values: values)
  }

  /// The matrix held as compressed sparse columns: column j's entries are
  /// `values[columnStarts[j] ..< columnStarts[j + 1]]`, in the rows `rowIndices[…]`, increasing;
  /// entries that are 0 are dropped. A counting sort (``CompressedTranspose``): O(m + n +
  /// nonzeros).
  public init(rows: Int, columns: Int, columnStarts: [Int], rowIndices: [Int32], values: [Expr]) {
    precondition(columnStarts.count == columns + 1 && values.count == rowIndices.count)
    let t = CompressedTranspose(lines: columns, crossLines: rows, starts: columnStarts, indices: rowIndices)
    let held = Matrix(
      rows: rows, columns: columns, rowStarts: t.starts, columnIndices: t.lines, values: t.order.map { values[$0] })
    self = held.values.contains(.zero) ? held.droppingZeros() : held
  }

  /// The matrix with these fields as they are (``rowStarts``, ``columnIndices``, ``values``).
  private init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Expr]) {
    self.rows = rows
    self.columns = columns
    self.rowStarts = rowStarts
    self.columnIndices = columnIndices
    self.values = values
  }

  /// An m×n matrix of zeros.
  public static func zeros(rows: Int, columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns, byColumn: Array(repeating: [], count: columns))
  }

  /// m·n, the count of entries, zeros included.
  public var entryCount: Int { rows * columns }
  /// The entries that are not 0.
  public var nonzeroCount: Int { values.count }

  /// The position in ``values`` of entry (i, j), or where it would be inserted.
  private func position(_ i: Int, _ j: Int) -> (index: Int, found: Bool) {
    var low = rowStarts[i]
    var high = rowStarts[i + 1]
    let column = Int32(j)
    while low < high {
      let mid = (low + high) / 2
      if columnIndices[mid] < column { low = mid + 1 } else { high = mid }
    }
    return (low, low < rowStarts[i + 1] && columnIndices[low] == column)
  }

  /// Entry (i, j): a binary search in row i. Setting one inserts or removes a nonzero, which
  /// moves the ones after it (small matrices: determinants, adjugates).
  public subscript(i: Int, j: Int) -> Expr {
    get {
      let (k, found) = position(i, j)
      return found ? values[k] : .zero
    }
    set {
      let (k, found) = position(i, j)
      if found && newValue != .zero {
        values[k] = newValue
        return
      }
      if !found && newValue == .zero { return }
      if found {
        values.remove(at: k)
        columnIndices.remove(at: k)
      } else {
        values.insert(newValue, at: k)
        columnIndices.insert(Int32(j), at: k)
      }
      let change = found ? -1 : 1
      for r in (i + 1)...rows { rowStarts[r] += change }
    }
  }

  public var isSquare: Bool { rows == columns }

  /// Every entry, zeros included, row-major: m·n of them. For small matrices only (the dense
  /// layouts, determinants, `--check`); big ones are read through their nonzeros.
  public var entries: [Expr] {
    var dense = Array(repeating: Expr.zero, count: rows * columns)
    forEachNonzero { i, j, e in dense[i * columns + j] = e }
    return dense
  }

  /// Row `i` as an array, zeros included.
  public func row(_ i: Int) -> [Expr] {
    var dense = Array(repeating: Expr.zero, count: columns)
    for k in rowStarts[i]..<rowStarts[i + 1] { dense[Int(columnIndices[k])] = values[k] }
    return dense
  }

  /// Calls `body` with (row, column, entry) for each nonzero, row by row.
  public func forEachNonzero(_ body: (Int, Int, Expr) throws -> Void) rethrows {
    for i in 0..<rows {
      for k in rowStarts[i]..<rowStarts[i + 1] { try body(i, Int(columnIndices[k]), values[k]) }
    }
  }

  /// The indices into ``values`` column by column (and, within a column, by row), with each
  /// column's start: the order of compressed sparse columns (`--layout csc`). O(n + nonzeros).
  public func columnOrder() -> (order: [Int], columnStarts: [Int], rowsOfNonzeros: [Int]) {
    let t = CompressedTranspose(lines: rows, crossLines: columns, starts: rowStarts, indices: columnIndices)
    return (t.order, t.starts, t.lines.map { Int($0) })
  }

  /// Aᵀ.
  public var transposed: Matrix {
    Matrix(rows: columns, columns: rows, columnStarts: rowStarts, rowIndices: columnIndices, values: values)
  }

  /// The matrix with the same nonzero positions holding `newValues` (one per nonzero, row by
  /// row); any that are 0 are dropped.
  public func withValues(_ newValues: [Expr]) -> Matrix {
    precondition(newValues.count == values.count)
    var k = 0
    return mapNonzeros { _, _, _ in
      defer { k += 1 }
      return newValues[k]
    }
  }

  /// The matrix with `transform` (row, column, entry) applied to each nonzero, row by row; the
  /// zeros stay 0, and entries that become 0 are dropped (the entries are written in place, and
  /// the zeros taken out after, if any came).
  public func mapNonzeros<E: Error>(_ transform: (Int, Int, Expr) throws(E) -> Expr) throws(E) -> Matrix {
    var result = self
    var zeros = false
    for i in 0..<rows {
      for k in rowStarts[i]..<rowStarts[i + 1] {
        let e = try transform(i, Int(columnIndices[k]), values[k])
        result.values[k] = e
        if e == .zero { zeros = true }
      }
    }
    return zeros ? result.droppingZeros() : result
  }

  /// The matrix without the zeros among its stored values.
  private func droppingZeros() -> Matrix {
    var result = self
    result.columnIndices.removeAll(keepingCapacity: true)
    result.values.removeAll(keepingCapacity: true)
    for i in 0..<rows {
      for k in rowStarts[i]..<rowStarts[i + 1] where values[k] != .zero {
        result.columnIndices.append(columnIndices[k])
        result.values.append(values[k])
      }
      result.rowStarts[i + 1] = result.values.count
    }
    return result
  }

  /// The matrix with `transform` applied to every entry. It is applied to each nonzero, row by
  /// row, and once to 0 first: when that gives 0 (simplifying, evaluating, folding a
  /// definition) the zeros are not visited; entries that become 0 are dropped.
  public func map<E: Error>(_ transform: (Expr) throws(E) -> Expr) throws(E) -> Matrix {
    let zero = try transform(.zero)
    guard zero == .zero else {
      return Matrix(rows: rows, columns: columns, entries: try entries.map(transform))
    }
    return try mapNonzeros { _, _, e throws(E) in try transform(e) }
  }
}
