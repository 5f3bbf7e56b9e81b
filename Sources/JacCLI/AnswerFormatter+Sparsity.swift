import JacCore

/// `jac sparsity`: the pattern of the Jacobian's structural nonzeros (entries that do not
/// simplify to 0), for sparse solvers and for reading the shape of a big system at a glance.
extension AnswerFormatter {
  /// Text: one row per function, `*` for a nonzero and `.` for a zero, then the count.
  /// LaTeX: the same pattern as a matrix of `\ast` and `\cdot`. JSON: the shape, the count and
  /// the 1-based coordinates, row by row (`[[1,1],[1,2],…]`), as in jac's error messages.
  func sparsity(_ m: Matrix, answer: Answer, input: String, _ document: OutputStyle.Document) -> String {
    let nonzero = m.entries.map { $0 != pool.zero }
    let count = nonzero.filter { $0 }.count
    let total = m.rows * m.columns
    switch document {
    case .text:
      let rows = (0..<m.rows).map { i in
        (0..<m.columns).map { nonzero[i * m.columns + $0] ? "*" : "." }.joined(separator: " ")
      }
      return rows.joined(separator: "\n") + "\nnonzeros: \(count) of \(total)"
    case .latex:
      let cells = (0..<m.rows).map { i in
        (0..<m.columns).map { nonzero[i * m.columns + $0] ? "\\ast" : "\\cdot" }
      }
      return LatexPrinter.matrix(cells)
    case .json:
      var coordinates: [String] = []
      for i in 0..<m.rows {
        for j in 0..<m.columns where nonzero[i * m.columns + j] { coordinates.append("[\(i + 1),\(j + 1)]") }
      }
      var fields = header(answer, input: input)
      fields.append(("shape", "[\(m.rows),\(m.columns)]"))
      fields.append(("nonzeros", String(count)))
      fields.append(("result", JSONText.array(coordinates)))
      return JSONText.object(fields)
    }
  }
}
