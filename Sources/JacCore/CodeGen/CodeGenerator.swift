/// A complete unit of code (includes or imports, then one function) that computes a result:
/// the variables and then the other symbols are the parameters, shared subexpressions become
/// temporaries (``CommonSubexpressions``), and only the nonzero entries are assigned.
///
/// What the function returns, by language (m×n result, k-entry list):
/// - C: `void name(double x, …, double out[m*n])`, row-major, `out[i*n + j]` = entry (i, j).
///   Only nonzeros are written: pass a zero-filled array (the pattern never changes, so one
///   array serves every call). A scalar result is the return value.
/// - Python: scalars by the `math` module (fast on floats), the result a NumPy array: shape
///   (m, n) for a matrix (C order, or Fortran order for `--layout col`: `np.zeros(m*n)` filled
///   at the flat index, then `reshape`), shape (n,) for a list or a gradient; a float for a scalar.
/// - Swift (Foundation): a flat `[Double]` in the layout's order.
/// - Julia: `name!(J, x, …)` fills J in place (zeros first, then the nonzeros) and returns it;
///   `name(x, …) = name!(zeros(m, n), x, …)` allocates. A list or gradient is a `Vector`.
/// - MATLAB: a function file `function J = name(x, …)`, an m×n matrix or a column.
/// How a matrix result is laid out in the flat array of C and Swift, and in memory in Python
/// (Julia and MATLAB return a matrix, whatever the layout).
public enum CodeLayout: String, CaseIterable, Sendable {
  /// Row-major: entry (i, j) of an m×n matrix at i·n + j (C's own arrays, NumPy's default).
  case row
  /// Column-major: entry (i, j) at j·m + i (Fortran, LAPACK, SUNDIALS dense matrices).
  case col
  /// Compressed sparse column: the nonzeros by column and their pattern (``SparsePattern``).
  case csc
}

public struct CodeGenerator {
  public let pool: ExpressionPool
  public let language: CodeLanguage
  public var eliminateCommonSubexpressions = true
  /// Where entry (i, j) of a matrix goes in a flat array.
  public var layout = CodeLayout.row
  /// The variables as parameters of their own or as one array (``CodeArguments``).
  public var arguments = CodeArguments.scalars
  /// `--where` definitions the result's entries name: each computed once, in order, before the
  /// temporaries (`beta = atan(…)`), and not parameters.
  public var definitions: [(name: String, value: Expr)] = []

  public init(pool: ExpressionPool, language: CodeLanguage) {
    self.pool = pool
    self.language = language
  }

  /// The shape of what is computed.
  public enum Shape {
    case scalar(Expr)
    case list([Expr])
    case matrix(Matrix)
    /// Several named matrices filled by one function (linearize's A, B, C, D): C takes one
    /// array per matrix, the other languages return them together. A matrix named `f` with one
    /// column (`--with-value`'s function values) is a vector in Python and Julia.
    case matrices([(name: String, matrix: Matrix)])
  }

  /// The unit for `shape`, a function `name` of `variables` then every other free symbol
  /// (sorted), with `summary` as its leading comment.
  public func unit(_ shape: Shape, name: String, variables: [String], summary: String) -> String {
    let roots: [Expr]
    switch shape {
    case .scalar(let e): roots = [e]
    case .list(let es): roots = es
    // The nonzeros row by row (CSC's too: ``CodeSchedule``): zeros are leaves, which are never
    // shared or written.
    case .matrix(let m): roots = m.values
    case .matrices(let ms): roots = ms.flatMap(\.matrix.values)
    }
    let defined = definitions.map(\.name)
    let others = pool.freeSymbols(roots + definitions.map(\.value)).filter {
      !variables.contains($0) && !defined.contains($0)
    }
    var printer = CodeExpressionPrinter(pool: pool, language: language)
    var used = Set<String>()
    var parameters: [Parameter] = []
    for name in variables + others {
      var id = language.identifier(name)
      while used.contains(id) { id += "_" }
      used.insert(id)
      parameters.append(Parameter(name: id))
      printer.symbols[pool.symbol(name)] = id
    }
    var body: [String?] = []
    // C places each load and temporary just before its first use (``CodeSchedule``); the other
    // languages write them first.
    let scheduled = language == .c
    var loadLines: [(name: String, line: String)] = []
    var temporaryLines: [(name: String, line: String)] = []
    if arguments == .array && !variables.isEmpty {
      var array = "x"
      while used.contains(array) { array += "_" }
      used.insert(array)
      let locals = parameters.prefix(variables.count).map(\.name)
      if scheduled {
        loadLines = Array(zip(locals, loads(locals, from: array)))
      } else {
        body += loads(locals, from: array)
      }
      parameters = [Parameter(name: array, count: variables.count)] + parameters.dropFirst(variables.count)
    }
    func statements(_ lines: [String]) -> [String] {
      scheduled ? CodeSchedule.ordered(statements: lines, temporaries: temporaryLines, loads: loadLines) : lines
    }
    for (name, value) in definitions {
      var id = language.identifier(name)
      while used.contains(id) { id += "_" }
      used.insert(id)
      body.append(declaration(id, printer.code(value)))
      printer.symbols[pool.symbol(name)] = id
    }
    var temporaries: [(String, Expr)] = []
    if eliminateCommonSubexpressions {
      let layout = PrintLayout(pool: pool)
      let plain = CommonSubexpressions.written(pool: pool, roots: roots) { layout.codeShape($0) }
      printer.sumChains = SumChains.chains(written: plain.order) { layout.codeShape($0) }
      printer.repeatsPowers = true
      let first = CommonSubexpressions.written(pool: pool, roots: roots) { [printer] in printer.shape($0) }
      printer.foldedNegatives = CommonSubexpressions.negativesWrittenElsewhere(
        pool: pool, order: first.order, uses: first.uses) { [printer] in printer.shape($0) }
      let chained = printer
      let cse = CommonSubexpressions(pool: pool, roots: roots) { chained.shape($0) }
      for (k, e) in cse.shared.enumerated() {
        var t = "t\(k)"
        while used.contains(t) { t += "_" }
        used.insert(t)
        temporaries.append((t, e))
      }
    }
    for (t, e) in temporaries {
      let value = printer.code(e, top: e)
      printer.names[e] = t
      if scheduled {
        temporaryLines.append((t, declaration(t, value)))
      } else {
        body.append(declaration(t, value))
      }
    }
    let result = language == .c || language == .swift || language == .python ? "out" : "J"
    var outputs: [(name: String, size: Int)] = []
    // Julia: what the allocating function passes to the in-place one, per output.
    var allocations: [String] = []
    var returned: [String] = []
    switch shape {
    case .matrices(let ms):
      for (label, m) in ms {
        // `J` is reserved for the variables (it names MATLAB's and Julia's result), so it may name
        // an output here: a variable called J is already the parameter `J_`.
        var output = label == "J" ? label : language.identifier(label)
        while used.contains(output) { output += "_" }
        used.insert(output)
        let vector = label == "f" && m.columns == 1 && (language == .python || language == .julia)
        outputs.append((output, m.rows * m.columns))
        allocations.append(allocationExpression(rows: m.rows, columns: m.columns, vector: vector))
        if fillsAtOnce(m) {
          body += filled(output, flatEntries(m).map { $0 == pool.zero ? "0.0" : printer.code($0) })
          returned.append(vector ? output : reshaped(output, rows: m.rows, columns: m.columns))
          continue
        }
        body.append(allocation(output, rows: m.rows, columns: m.columns, vector: vector, zeros: m.entries))
        if vector {
          for (k, e) in m.entries.enumerated() where e != pool.zero {
            body.append(
              assignment(output, flat: k, row: k, column: 0, columns: 1, value: printer.code(e), vector: true))
          }
        } else {
          body += assignments(output, m) { printer.code($0) }
        }
        returned.append(vector ? output : reshaped(output, rows: m.rows, columns: m.columns))
      }
      switch language {
      case .c, .matlab: break
      case .python, .julia: body.append("    return \(returned.joined(separator: ", "))")
      case .swift: body.append("    return (" + outputs.map { "\($0.name): \($0.name)" }.joined(separator: ", ") + ")")
      }
    case .scalar(let e):
      body.append(returnStatement(printer.code(e)))
    case .list(let es):
      allocations.append(allocationExpression(rows: es.count, columns: 1, vector: true))
      if fillsAtOnce(Matrix(rows: es.count, columns: 1, entries: es)) {
        body += filled(result, es.map { $0 == pool.zero ? "0.0" : printer.code($0) })
      } else {
        body.append(allocation(result, rows: es.count, columns: 1, vector: true, zeros: es))
        for (k, e) in es.enumerated() where e != pool.zero {
          body.append(assignment(result, flat: k, row: k, column: 0, columns: 1, value: printer.code(e), vector: true))
        }
      }
      body.append(returnStatement(result))
    case .matrix(let m) where layout == .csc:
      let pattern = SparsePattern(m)
      let assignments = sparseAssignments(pattern) { printer.code($0) }
      let unit = sparseUnit(
        statements(body.compactMap { $0 } + assignments), pattern, rows: m.rows, columns: m.columns,
        name: language.identifier(name), parameters: parameters, summary: summary)
      return withHelpers(unit, roots: roots)
    case .matrix(let m):
      allocations.append(allocationExpression(rows: m.rows, columns: m.columns, vector: false))
      if fillsAtOnce(m) {
        body += filled(result, flatEntries(m).map { $0 == pool.zero ? "0.0" : printer.code($0) })
      } else {
        body.append(allocation(result, rows: m.rows, columns: m.columns, vector: false, zeros: m.entries))
        body += assignments(result, m) { printer.code($0) }
      }
      body.append(returnStatement(reshaped(result, rows: m.rows, columns: m.columns)))
    }
    let unit = wrap(
      statements(body.compactMap { $0 }), shape: shape, name: language.identifier(name), parameters: parameters,
      result: result, outputs: outputs, allocations: allocations, summary: summary)
    return withHelpers(unit, roots: roots)
  }

  /// The unit with the helpers its calls need (``CodeLanguage/helpers(for:)``): after the
  /// includes or imports, or after the function in MATLAB (local functions).
  private func withHelpers(_ unit: String, roots: [Expr]) -> String {
    var needed = Set<String>()
    for e in pool.distinctNodes(roots) {
      switch pool.node(e) {
      case .call(let f, _): needed.formUnion(language.helpers(for: f))
      case .apply(let op, _): needed.formUnion(language.helpers(for: op))
      case .number, .symbol, .constant, .sum, .product, .power, .undefined: break
      }
    }
    if needed.isEmpty { return unit }
    let helpers = CodeLanguage.helperOrder.filter(needed.contains).map(language.helperSource).joined()
    switch language {
    case .matlab: return unit + helpers
    case .julia: return helpers + unit
    case .c, .python, .swift:
      // After the includes or imports and the blank lines that follow them.
      let blank = language == .python ? 3 : 2
      var run = 0
      let end = unit.firstIndex { c in
        run = c == "\n" ? run + 1 : 0
        return run == blank
      }
      guard let end else { return helpers + unit }
      let after = unit.index(after: end)
      return unit[..<after] + helpers + (language == .c ? "\n" : "") + unit[after...]
    }
  }

  // MARK: Statements

  private func declaration(_ name: String, _ value: String) -> String {
    switch language {
    case .c: return "    const double \(name) = \(value);"
    case .swift: return "    let \(name) = \(value)"
    case .python, .julia: return "    \(name) = \(value)"
    case .matlab: return "  \(name) = \(value);"
    }
  }

  /// The assignments of `m`'s nonzero entries to `name`, at the flat index of ``layout`` in C,
  /// Python and Swift (row-major i·n + j, column-major j·m + i), by (row, column) elsewhere.
  private func assignments(_ name: String, _ m: Matrix, _ code: (Expr) -> String) -> [String] {
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
  private func fillsAtOnce(_ m: Matrix) -> Bool { language == .python && 2 * m.nonzeroCount >= m.entryCount }

  /// The entries of `m` in the flat order of ``layout``: row by row, or column by column.
  private func flatEntries(_ m: Matrix) -> [Expr] { layout == .col ? m.transposed.entries : m.entries }

  /// Python: `name = np.fromiter([v₀, v₁, …], np.float64, count)`, one value a line.
  private func filled(_ name: String, _ values: [String]) -> [String] {
    ["    \(name) = np.fromiter(["] + values.map { "        \($0)," } + ["    ], np.float64, \(values.count))"]
  }

  /// The result array (not in C, where the caller passes it). Julia's is the caller's: zeroed
  /// in place (`fill!`) unless every entry is written.
  private func allocation(_ name: String, rows: Int, columns: Int, vector: Bool, zeros entries: [Expr]) -> String? {
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
  private func allocationExpression(rows: Int, columns: Int, vector: Bool) -> String {
    vector ? "zeros(\(rows))" : "zeros(\(rows), \(columns))"
  }

  /// Python: the flat NumPy array as an m×n matrix (a view: C order for `--layout row`, Fortran
  /// order for `--layout col`, which is where the flat index put each entry).
  private func reshaped(_ name: String, rows: Int, columns: Int) -> String {
    guard language == .python else { return name }
    if layout == .col { return "\(name).reshape((\(rows), \(columns)), order=\"F\")" }
    return "\(name).reshape(\(rows), \(columns))"
  }

  private func assignment(
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

  private func returnStatement(_ value: String) -> String? {
    switch language {
    case .c: return value == "out" ? nil : "    return \(value);"
    case .swift, .python, .julia: return "    return \(value)"
    case .matlab: return value == "J" ? nil : "  J = \(value);"
    }
  }

  // MARK: Units

  private func wrap(
    _ body: [String], shape: Shape, name: String, parameters: [Parameter], result: String,
    outputs: [(name: String, size: Int)], allocations: [String], summary: String
  ) -> String {
    let lines = body.joined(separator: "\n")
    var size = 1
    if case .list(let es) = shape { size = es.count }
    if case .matrix(let m) = shape { size = m.rows * m.columns }
    let scalar: Bool
    if case .scalar = shape { scalar = true } else { scalar = false }
    switch language {
    case .c:
      var params = parameters.map(declared)
      if outputs.isEmpty && !scalar { params.append("double \(result)[\(size)]") }
      params += outputs.map { "double \($0.name)[\($0.size)]" }
      let filled = outputs.isEmpty ? result : Inapplicable.list(outputs.map(\.name))
      let note = scalar ? "" : "\n * Writes only the nonzero entries: pass \(filled) zero-filled."
      return """
        #include <math.h>

        /* \(summary)\(note) */
        \(scalar ? "double" : "void") \(name)(\(params.joined(separator: ", "))) {
        \(lines)
        }

        """
    case .python:
      return """
        import math
        \(scalar ? "" : "\nimport numpy as np\n")

        def \(name)(\(parameters.map(\.name).joined(separator: ", "))):
            \"\"\"\(summary)\"\"\"
        \(lines)

        """
    case .swift:
      let params = parameters.map(declared).joined(separator: ", ")
      let type =
        outputs.isEmpty
        ? (scalar ? "Double" : "[Double]") : "(" + outputs.map { "\($0.name): [Double]" }.joined(separator: ", ") + ")"
      return """
        import Foundation

        /// \(summary)
        func \(name)(\(params)) -> \(type) {
        \(lines)
        }

        """
    case .julia:
      if scalar {
        return """
          # \(summary)
          function \(name)(\(parameters.map(declared).joined(separator: ", ")))
          \(lines)
          end

          """
      }
      let filled = outputs.isEmpty ? [result] : outputs.map(\.name)
      let names = parameters.map(\.name)
      return """
        # \(summary)
        # \(name)! fills \(Inapplicable.list(filled)) in place; \(name) allocates.
        function \(name)!(\((filled + parameters.map(declared)).joined(separator: ", ")))
        \(lines)
        end

        \(name)(\(parameters.map(declared).joined(separator: ", "))) = \(name)!(\((allocations + names).joined(separator: ", ")))

        """
    case .matlab:
      let results = outputs.isEmpty ? "J" : "[" + outputs.map(\.name).joined(separator: ", ") + "]"
      return """
        function \(results) = \(name)(\(parameters.map(\.name).joined(separator: ", ")))
        % \(summary)
        \(lines)
        end

        """
    }
  }
}
