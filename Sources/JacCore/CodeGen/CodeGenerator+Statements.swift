/// The statements of a function body, by language: declarations of temporaries
/// (`const double t0 = …;` in C, `t0 = …` in Python), the result's array and its entries.
extension CodeGenerator {
  /// The statements that fill `name` with `m` (a column when `vector`: Julia's `J[i]`, not
  /// `J[i, j]`): in one call when ``fillsAtOnce(_:)``, else the zeroed array (where the language
  /// makes it) and an assignment per nonzero entry.
  func fill(_ name: String, _ m: Matrix, vector: Bool, _ code: (Expr) -> String) -> [String] {
    if fillsAtOnce(m) { return filled(name, flatEntries(m).map { $0 == pool.zero ? "0.0" : code($0) }) }
    var lines = [allocation(name, rows: m.rows, columns: m.columns, vector: vector, zeros: m.entries)].compactMap { $0 }
    guard vector else { return lines + assignments(name, m, code) }
    for (k, e) in m.entries.enumerated() where e != pool.zero {
      lines.append(assignment(name, flat: k, row: k, column: 0, columns: 1, value: code(e), vector: true))
    }
    return lines
  }

  func declaration(_ name: String, _ value: String) -> String {
    switch language {
    case .c: return "    const double \(name) = \(value);"
    case .swift: return "    let \(name) = \(value)"
    case .python, .julia: return "    \(name) = \(value)"
    case .matlab: return "  \(name) = \(value);"
    }
  }

  /// The assignments of `m`'s nonzero entries to `name`, at the flat index of ``layout`` in C,
  /// Python and Swift (row-major i·n + j, column-major j·m + i), by (row, column) elsewhere.
  func assignments(_ name: String, _ m: Matrix, _ code: (Expr) -> String) -> [String] {
    var lines: [String] = []
    m.forEachNonzero { i, j, e in
      let flat = layout == .col ? j * m.rows + i : i * m.columns + j
      lines.append(assignment(name, flat: flat, row: i, column: j, columns: m.columns, value: code(e), vector: false))
    }
    return lines
  }

  /// Python: whether `m` is built in one call from the list of all its entries (zeros written
  /// `0.0`, ``filled(_:_:)``) rather than by `out[k] = …` into `np.zeros`: when at least half
  /// its entries are nonzero. `np.fromiter` on a list costs about 25 ns an entry where an item
  /// assignment costs about 65 (NumPy 2.4, CPython 3.11), so a dense result is built in less
  /// than half the time; a sparse one keeps its zeros unwritten.
  func fillsAtOnce(_ m: Matrix) -> Bool { language == .python && 2 * m.nonzeroCount >= m.entryCount }

  /// The entries of `m` in the flat order of ``layout``: row by row, or column by column.
  func flatEntries(_ m: Matrix) -> [Expr] { layout == .col ? m.transposed.entries : m.entries }

  /// Python: `name = np.fromiter([v₀, v₁, …], np.float64, count)`, one value a line.
  func filled(_ name: String, _ values: [String]) -> [String] {
    ["    \(name) = np.fromiter(["] + values.map { "        \($0)," } + ["    ], np.float64, \(values.count))"]
  }

  /// The result array (not in C, where the caller passes it). Julia's is the caller's: zeroed
  /// in place (`fill!`) unless every entry is written.
  func allocation(_ name: String, rows: Int, columns: Int, vector: Bool, zeros entries: [Expr]) -> String? {
    let count = rows * columns
    switch language {
    case .c: return nil
    case .swift: return "    var \(name) = [Double](repeating: 0, count: \(count))"
    case .python: return "    \(name) = np.zeros(\(count))"
    case .julia: return entries.contains(pool.zero) ? "    fill!(\(name), 0.0)" : nil
    case .matlab: return "  \(name) = zeros(\(rows), \(columns));"
    }
  }

  /// Julia: the array the allocating function passes to the in-place one.
  func allocationExpression(rows: Int, columns: Int, vector: Bool) -> String {
    vector ? "zeros(\(rows))" : "zeros(\(rows), \(columns))"
  }

  /// Python: the flat NumPy array as an m×n matrix (a view: C order for `--layout row`, Fortran
  /// order for `--layout col`, which is where the flat index put each entry).
  func reshaped(_ name: String, rows: Int, columns: Int) -> String {
    guard language == .python else { return name }
    if layout == .col { return "\(name).reshape((\(rows), \(columns)), order=\"F\")" }
    return "\(name).reshape(\(rows), \(columns))"
  }

  func assignment(
    _ name: String, flat: Int, row: Int, column: Int, columns: Int, value: String, vector: Bool
  ) -> String {
    switch language {
    case .c: return "    \(name)[\(flat)] = \(value);"
    case .swift, .python: return "    \(name)[\(flat)] = \(value)"
    case .julia:
      return vector ? "    \(name)[\(row + 1)] = \(value)" : "    \(name)[\(row + 1), \(column + 1)] = \(value)"
    case .matlab: return "  \(name)(\(row + 1), \(column + 1)) = \(value);"
    }
  }

  func returnStatement(_ value: String) -> String? {
    switch language {
    case .c: return value == "out" ? nil : "    return \(value);"
    case .swift, .python, .julia: return "    return \(value)"
    case .matlab: return value == "J" ? nil : "  J = \(value);"
    }
  }
}
