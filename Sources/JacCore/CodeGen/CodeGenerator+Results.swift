/// The statements that write the result, after the prologue (``CodeGenerator/prologue(roots:variables:)``):
///
///   C         out[4] = 2.0*t0;               only the nonzeros, into the caller's zeroed array
///   Python    out = np.zeros(9) … out[4] = 2.0*t0       or, at least half nonzero,
///             out = np.fromiter([0.0, …, 2.0*t0, …], np.float64, 9)
///   Swift     var out = [Double](repeating: 0, count: 9) … out[4] = 2.0*t0
///   Julia     fill!(J, 0.0) … J[2, 2] = 2.0*t0
///   MATLAB    J = zeros(3, 3); … J(2, 2) = 2.0*t0;
///
/// then the return statement. Flat indices follow ``CodeGenerator/layout``.
extension CodeGenerator {
  /// Appends the result's statements to `body`; returns the outputs C takes as arrays (one per
  /// matrix of `.matrices`) and what Julia's allocating function passes for each output.
  func results(_ shape: Shape, into body: inout UnitBody) -> (
    outputs: [(name: String, size: Int)], allocations: [String]
  ) {
    let code = { [printer = body.printer] (e: Expr) in printer.code(e) }
    let result = resultName
    switch shape {
    case .matrices(let ms): return matrices(ms, into: &body)
    case .scalar(let e):
      body.append(returnStatement(code(e)))
      return ([], [])
    case .list(let es):
      body.lines += fill(result, Matrix(rows: es.count, columns: 1, entries: es), vector: true, code)
      body.append(returnStatement(result))
      return ([], [allocationExpression(rows: es.count, columns: 1, vector: true)])
    case .matrix(let m):
      body.lines += fill(result, m, vector: false, code)
      body.append(returnStatement(reshaped(result, rows: m.rows, columns: m.columns)))
      return ([], [allocationExpression(rows: m.rows, columns: m.columns, vector: false)])
    }
  }

  /// `.matrices`: each matrix filled under its own name, then all returned together (C and
  /// MATLAB have no return statement: C fills its output arrays, MATLAB names its results).
  private func matrices(_ ms: [(name: String, matrix: Matrix)], into body: inout UnitBody) -> (
    outputs: [(name: String, size: Int)], allocations: [String]
  ) {
    let code = { [printer = body.printer] (e: Expr) in printer.code(e) }
    var outputs: [(name: String, size: Int)] = []
    var allocations: [String] = []
    var returned: [String] = []
    for (label, m) in ms {
      // `J` is reserved for the variables (it names MATLAB's and Julia's result), so it may name
      // an output here: a variable called J is already the parameter `J_`.
      let output = body.unique(label == "J" ? label : language.identifier(label))
      let vector = label == "f" && m.columns == 1 && (language == .python || language == .julia)
      outputs.append((output, m.rows * m.columns))
      allocations.append(allocationExpression(rows: m.rows, columns: m.columns, vector: vector))
      body.lines += fill(output, m, vector: vector, code)
      returned.append(vector ? output : reshaped(output, rows: m.rows, columns: m.columns))
    }
    switch language {
    case .c, .matlab: break
    case .python, .julia: body.lines.append("    return \(returned.joined(separator: ", "))")
    case .swift:
      body.lines.append("    return (" + outputs.map { "\($0.name): \($0.name)" }.joined(separator: ", ") + ")")
    }
    return (outputs, allocations)
  }
}

extension CodeGenerator.UnitBody {
  /// Appends `line` unless it is nil (a statement the language does without).
  mutating func append(_ line: String?) {
    if let line { lines.append(line) }
  }
}
