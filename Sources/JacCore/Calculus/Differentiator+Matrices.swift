/// Gradients, Jacobians and Hessians.
///
/// For f: ℝⁿ → ℝᵐ with variables x₁…xₙ:
/// - the Jacobian is m×n, J[i][j] = ∂fᵢ/∂xⱼ; a scalar function (m = 1) has a 1×n row;
/// - the gradient of a scalar f is the n×1 column ∇f[j] = ∂f/∂xⱼ (the transpose of its Jacobian);
/// - the Hessian of a scalar f is n×n, H[i][j] = ∂²f/∂xᵢ∂xⱼ, symmetric by construction (the
///   upper triangle is computed and mirrored).
///
/// They are computed a column at a time: ∂fᵢ/∂xⱼ only for the fᵢ that contain xⱼ (the others are
/// 0 without a look: a 1600×1600 tridiagonal Jacobian has 4,798 of 2,560,000), with one memo
/// for xⱼ that the column's functions share. A big matrix's columns share one table, cleared
/// after each, so memory holds one table of the pool's size, not one per variable.
/// The result is a sparse ``Matrix``: the column of xⱼ holds only the derivatives of the
/// functions that contain xⱼ, so no n×m array is made (Bratu with n = 100,000 has 299,998
/// nonzeros among 10¹⁰ entries).
extension Differentiator {
  public func jacobian(_ functions: [Expr], _ variables: [Expr]) -> Matrix {
    jacobian(functions, variables, pattern: pattern(functions, variables))
  }

  /// The Jacobian, differentiating in each column only the rows `pattern` names
  /// (``pattern(_:_:)``), into one array of entries column by column (no array per column).
  public func jacobian(_ functions: [Expr], _ variables: [Expr], pattern: SparsityPattern) -> Matrix {
    var values: [Expr] = []
    values.reserveCapacity(pattern.count)
    for (j, x) in variables.enumerated() {
      var table = columnTable(for: x, columns: variables.count)
      for k in pattern.columnStarts[j]..<pattern.columnStarts[j + 1] {
        values.append(derivative(functions[Int(pattern.rowIndices[k])], x, &table, remembering: false))
      }
      keep(&table, for: x, columns: variables.count)
    }
    return Matrix(
      rows: functions.count, columns: variables.count, columnStarts: pattern.columnStarts,
      rowIndices: pattern.rowIndices, values: values)
  }

  public func gradient(_ f: Expr, _ variables: [Expr]) -> Matrix {
    let row = jacobian([f], variables)
    return Matrix(rows: variables.count, columns: 1, entries: row.entries)
  }

  /// The Hessian; `finish` (for example the simplifier) is applied to the first derivatives
  /// before they are differentiated again, and to every entry.
  public func hessian<E: Error>(
    _ f: Expr, _ variables: [Expr], finish: (Expr) throws(E) -> Expr = { $0 }
  ) throws(E) -> Matrix {
    let first = try gradient(f, variables).entries.map { e throws(E) in try finish(e) }
    return try hessian(gradient: first, variables, finish: finish)
  }

  /// The Hessian from the finished gradient `first` (∂f/∂xᵢ, in the order of `variables`).
  public func hessian<E: Error>(
    gradient first: [Expr], _ variables: [Expr], finish: (Expr) throws(E) -> Expr
  ) throws(E) -> Matrix {
    let n = variables.count
    var columns = Array(repeating: [(row: Int, value: Expr)](), count: n)
    let rows = pattern(variables, in: first)
    for (j, x) in variables.enumerated() {
      // The column's derivatives first, then `finish`, which may throw.
      var table = columnTable(for: x, columns: n)
      let column = rows.rows(ofColumn: j).filter { $0 <= j }.map { i in (Int(i), derivative(first[Int(i)], x, &table)) }
      keep(&table, for: x, columns: n)
      for (i, raw) in column {
        let d = try finish(raw)
        columns[j].append((i, d))
        if i != j { columns[i].append((j, d)) }
      }
    }
    return Matrix(rows: n, columns: n, byColumn: columns)
  }

  /// The structural pattern of the Jacobian of `functions`: for each variable, the rows whose
  /// function contains it (``pattern(_:in:)``). Its total count bounds the nonzeros.
  public func pattern(_ functions: [Expr], _ variables: [Expr]) -> SparsityPattern {
    pattern(variables, in: functions)
  }

  /// For each variable, the indices of the functions that contain it (every function, for one
  /// holding `undefined`, whose derivative is `undefined` too), in order. A small matrix takes
  /// every function in every column: the rules give 0 just as fast as the walk would (a batch of
  /// 10,000 2×2 Jacobians spent more time walking than differentiating). The walk finds each
  /// row's columns; a counting sort turns the rows into columns.
  private func pattern(_ variables: [Expr], in functions: [Expr]) -> SparsityPattern {
    let (m, n) = (functions.count, variables.count)
    if m * n <= 64 { return .full(rows: m, columns: n) }
    // The column of each variable by symbol (−1: not a variable; ``ExpressionPool/symbolNumber(_:)``),
    // an array rather than a dictionary: Bratu with n = 100,000 looks up a million symbols.
    var columnOf = Array(repeating: Int32(-1), count: pool.symbolCount)
    var distinct = 0
    for (j, x) in variables.enumerated() {
      guard let s = pool.symbolNumber(x) else { preconditionFailure("a variable that is not a symbol") }
      if columnOf[s] < 0 { distinct += 1 }
      columnOf[s] = Int32(j)
    }
    var rows = RowColumns(pool: pool, column: columnOf, columns: n)
    var rowStarts = [0]
    rowStarts.reserveCapacity(m + 1)
    pool.withView { view in
      let walk = DerivativeCost.TreeWalk(view: view, variableCount: distinct)
      for (i, f) in functions.enumerated() {
        let start = rows.found.count
        if rows.collect(f, row: Int32(i), view, walk) {
          rows.found.removeSubrange(start...)
          rows.found.append(contentsOf: 0..<Int32(n))
        }
        rowStarts.append(rows.found.count)
      }
    }
    return SparsityPattern(
      rows: m, columns: n, rowStarts: rowStarts, rowColumns: rows.found, smallRowsWork: rows.smallRowsWork)
  }
}

/// The columns of each row of a Jacobian's pattern, one row after another in ``found``; and,
/// for the small rows, the bound ``DerivativeCost`` puts on differentiating them, taken in the
/// same tree walk (``DerivativeCost/TreeWalk``: the cost's own pass walked them again).
private struct RowColumns: DerivativeCost.Leaves {
  let pool: ExpressionPool
  /// The column of each variable by symbol number, −1 for other symbols.
  let column: [Int32]
  /// The last row that found each column: a small row is walked as a tree, which meets a node
  /// it shares (`u` in `u + exp(u)`) more than once.
  var lastRow: [Int32]
  var found: [Int32] = []
  /// The sum of the small rows' ``DerivativeCost`` work (saturating).
  var smallRowsWork = 0
  /// The row being walked, and whether it holds `undefined`.
  private var row: Int32 = 0
  private var sawUndefined = false

  init(pool: ExpressionPool, column: [Int32], columns: Int) {
    self.pool = pool
    self.column = column
    lastRow = Array(repeating: -1, count: columns)
  }

  /// Appends the columns of the variables in row `row`'s function `f`, each once; true if it
  /// holds `undefined`. A small function (at most ``DerivativeCost/smallTree`` nodes as a tree:
  /// a Bratu row has ten) is walked as a tree by `walk`, without marks or a stack, its cost
  /// added up on the way; a larger one visits each distinct node once
  /// (``ExpressionPool/forEachDistinctNode(_:_:)``).
  mutating func collect(_ f: Expr, row: Int32, _ view: ExpressionPool.View, _ walk: DerivativeCost.TreeWalk)
    -> Bool
  {
    if view.records[f.index].treeSize <= DerivativeCost.smallTree {
      (self.row, sawUndefined) = (row, false)
      smallRowsWork = DerivativeCost.add(smallRowsWork, walk.tree(f, &self).work)
      return sawUndefined
    }
    var undefined = false
    pool.forEachDistinctNode(f) { node in
      switch view.records[node.index].kind {
      case .undefined:
        undefined = true
        return false
      case .symbol: take(column[Int(view.records[node.index].payload)], row: row)
      case .number, .constant, .sum, .product, .power, .call, .apply: break
      }
      return true
    }
    return undefined
  }

  /// A symbol met by the tree walk: its column taken for the row; a variable if it has one.
  mutating func isVariable(_ e: Expr, symbol: Int32) -> Bool {
    let j = column[Int(symbol)]
    take(j, row: row)
    return j >= 0
  }

  mutating func undefined() { sawUndefined = true }

  /// Column j (if it is one, j ≥ 0) for row `row`, unless the row has it.
  private mutating func take(_ j: Int32, row: Int32) {
    guard j >= 0, lastRow[Int(j)] != row else { return }
    lastRow[Int(j)] = row
    found.append(j)
  }
}
