/// `--layout csc`: a matrix result in compressed sparse column form, the layout of KLU, SciPy's
/// `csc_matrix`, SUNDIALS' sparse matrices and Julia's `SparseMatrixCSC`. The pattern is the
/// entries that are not identically zero, in column order:
///
///   column j holds nzval[colptr[j] ..< colptr[j+1]], in the rows rowval[colptr[j] ..< colptr[j+1]]
///
/// The pattern never changes, so it is written once as data beside the function, which fills
/// only the values. Indices are 0-based in C, Python and Swift, 1-based in Julia and MATLAB.
/// Python returns a `scipy.sparse.csc_matrix` built on the pattern's arrays; Julia's
/// `name!(J, x, …)` fills the `nzval` of a `SparseMatrixCSC` of that pattern in place (it checks
/// the pattern) and `name(x, …)` allocates one.
extension CodeGenerator {
  /// Where each nonzero of `m` goes: its row, its column, and the column pointers.
  struct SparsePattern {
    var rows: [Int] = []
    var columns: [Int] = []
    var columnStarts: [Int] = [0]
    var entries: [Expr] = []

    /// Read off the matrix's nonzeros in column order (``Matrix/columnOrder()``): O(n +
    /// nonzeros), never the m·n entries.
    init(_ m: Matrix) {
      let (order, starts, rowOf) = m.columnOrder()
      rows = rowOf
      columnStarts = starts
      entries = order.map { m.values[$0] }
      columns.reserveCapacity(order.count)
      for j in 0..<m.columns { columns.append(contentsOf: repeatElement(j, count: starts[j + 1] - starts[j])) }
    }
  }

  /// The unit's body for a CSC result: the assignments of `nzval` (C, Python, Swift) or the
  /// values and the `sparse` call (Julia, MATLAB).
  func sparseAssignments(_ p: SparsePattern, _ code: (Expr) -> String) -> [String] {
    let values = p.entries.map(code)
    switch language {
    case .c:
      // In nzval's order, so consecutive stores go to consecutive addresses. Row by row (a row's
      // entries share its temporaries) took fewer instructions but ran slower: nn30 5,451
      // against 5,598 instructions an evaluation, 1,237 against 959 ns (gcc -O2, interleaved).
      return values.enumerated().map { "    nzval[\($0)] = \($1);" }
    case .swift:
      return ["    var nzval = [Double](repeating: 0, count: \(p.entries.count))"]
        + values.enumerated().map { "    nzval[\($0)] = \($1)" } + ["    return nzval"]
    case .python:
      return ["    nzval = np.zeros(\(p.entries.count))"]
        + values.enumerated().map { "    nzval[\($0)] = \($1)" }
    case .julia:
      return ["    nzval = nonzeros(J)"]
        + values.enumerated().map { "    nzval[\($0 + 1)] = \($1)" }
    case .matlab:
      return ["  nzval = zeros(\(p.entries.count), 1);"]
        + values.enumerated().map { "  nzval(\($0 + 1)) = \($1);" }
    }
  }

  /// The function and its pattern for a CSC result (its imports and helpers: ``CodeUnit``).
  func sparseUnit(
    _ body: [String], _ p: SparsePattern, rows m: Int, columns n: Int, name: String, parameters: [Parameter],
    summary: String
  ) -> String {
    let lines = body.joined(separator: "\n")
    let nnz = p.entries.count
    func list(_ xs: [Int], base: Int) -> String { xs.map { String($0 + base) }.joined(separator: ", ") }
    let pattern = "CSC, \(nnz) nonzeros: column j holds nzval[colptr[j] .. colptr[j+1] - 1] in rows rowval[…]"
    switch language {
    case .c:
      let params = (parameters.map(declared) + outputArrays([("nzval", max(nnz, 1))], after: parameters)).joined(
        separator: ", ")
      // Declared `extern` first: a namespace-scope `const` has internal linkage in C++.
      let declarations = """
        /* \(summary)
         * \(pattern), 0-based (KLU, SUNDIALS: copy into their index type). */
        extern const int \(name)_colptr[\(n + 1)], \(name)_rowval[\(max(nnz, 1))];
        const int \(name)_colptr[\(n + 1)] = {\(list(p.columnStarts, base: 0))};
        const int \(name)_rowval[\(max(nnz, 1))] = {\(nnz == 0 ? "0" : list(p.rows, base: 0))};
        void \(name)(\(params)) {
        \(lines)
        }

        """
      return Self.cUnit(declarations, restricted: restricts(1, after: parameters))
    case .python:
      return """
        # \(pattern), 0-based (SciPy's int32 indices):
        \(name)_colptr = np.array([\(list(p.columnStarts, base: 0))], dtype=np.int32)
        \(name)_rowval = np.array([\(list(p.rows, base: 0))], dtype=np.int32)


        def \(name)(\(parameters.map(\.name).joined(separator: ", "))):
            \"\"\"\(summary) Returns a scipy.sparse.csc_matrix.\"\"\"
        \(lines)
            return scipy.sparse.csc_matrix((nzval, \(name)_rowval, \(name)_colptr), shape=(\(m), \(n)))

        """
    case .swift:
      let params = parameters.map(declared).joined(separator: ", ")
      return """
        /// \(pattern), 0-based.
        let \(name)_colptr: [Int] = [\(list(p.columnStarts, base: 0))]
        let \(name)_rowval: [Int] = [\(list(p.rows, base: 0))]

        /// \(summary)
        func \(name)(\(params)) -> [Double] {
        \(lines)
        }

        """
    case .julia:
      let arguments = parameters.map(\.name).joined(separator: ", ")
      let declarations = parameters.map(declared)
      return """
        # \(pattern), 1-based: a SparseMatrixCSC.
        const \(name)_colptr = [\(list(p.columnStarts, base: 1))]
        const \(name)_rowval = [\(list(p.rows, base: 1))]

        # \(summary)
        # \(name)! fills the nonzeros of J (of this pattern) in place; \(name) allocates.
        function \(name)!(\((["J::SparseMatrixCSC"] + declarations).joined(separator: ", ")))
            (size(J) == (\(m), \(n)) && J.colptr == \(name)_colptr && rowvals(J) == \(name)_rowval) ||
                throw(ArgumentError("\(name)!: J must have the pattern of \(name)"))
        \(lines)
            return J
        end

        \(name)(\(declarations.joined(separator: ", "))) = \(name)!(SparseMatrixCSC(\(m), \(n), copy(\(name)_colptr), copy(\(name)_rowval), zeros(\(nnz))), \(arguments))

        """
    case .matlab:
      return """
        function J = \(name)(\(parameters.map(\.name).joined(separator: ", ")))
        % \(summary)
        % \(nnz) nonzeros, 1-based rows and columns: J = sparse(rows, columns, nzval, \(m), \(n)).
        \(lines)
          J = sparse([\(list(p.rows, base: 1))], [\(list(p.columns, base: 1))], nzval, \(m), \(n));
        end

        """
    }
  }
}
