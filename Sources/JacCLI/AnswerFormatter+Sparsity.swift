import JacCore

/// `jac sparsity`: the pattern of the Jacobian's structural nonzeros (entries that do not
/// simplify to 0), for sparse solvers and for reading the shape of a big system at a glance.
extension AnswerFormatter {
  /// Text: one row per function, `*` for a nonzero and `.` for a zero, then the count; past
  /// ``Limits/denseEntries``, the count and then `[i,j]` a line for each nonzero, row by row.
  /// LaTeX: the same pattern as a matrix of `\ast` and `\cdot`. JSON: the shape, the count and
  /// the 1-based coordinates, row by row (`[[1,1],[1,2],…]`), as in jac's error messages.
  func sparsity(_ m: Matrix, answer: Answer, input: String, _ document: OutputStyle.Document) -> String {
    let count = m.nonzeroCount
    let total = m.entryCount
    switch document {
    case .text:
      guard Self.isWhole(m) else {
        let times = format == .unicode ? "×" : "x"
        return "\(m.rows)\(times)\(m.columns), nonzeros: \(count) of \(total)\n"
          + Self.coordinates(m, separator: UInt8(ascii: "\n"))
      }
      let rows = (0..<m.rows).map { i in pattern(m, row: i, nonzero: "*", zero: ".").joined(separator: " ") }
      return rows.joined(separator: "\n") + "\nnonzeros: \(count) of \(total)"
    case .latex:
      return LatexPrinter.matrix((0..<m.rows).map { pattern(m, row: $0, nonzero: "\\ast", zero: "\\cdot") })
    case .json:
      var fields = header(answer, input: input)
      fields.append(("shape", "[\(m.rows),\(m.columns)]"))
      fields.append(("nonzeros", String(count)))
      fields.append(("result", "[" + Self.coordinates(m, separator: UInt8(ascii: ",")) + "]"))
      return JSONText.object(fields)
    }
  }

  /// The nonzeros' 1-based coordinates, `[i,j]`, row by row, with `separator` between them:
  /// written as bytes into one buffer (a `String` a coordinate and a `joined` took 4k
  /// instructions a nonzero: at n = 100,000, 196 ms of `jac sparsity`'s printing).
  static func coordinates(_ m: Matrix, separator: UInt8) -> String {
    var text = TextBytes()
    text.bytes.reserveCapacity(m.nonzeroCount * (4 + 2 * String(max(m.rows, m.columns)).utf8.count))
    m.forEachNonzero { i, j, _ in
      if !text.bytes.isEmpty { text.append(byte: separator) }
      text.append(byte: UInt8(ascii: "["))
      text.append(decimal: i + 1)
      text.append(byte: UInt8(ascii: ","))
      text.append(decimal: j + 1)
      text.append(byte: UInt8(ascii: "]"))
    }
    return String(decoding: text.bytes, as: UTF8.self)
  }

  /// Row `i` of the pattern: `nonzero` where an entry is not 0, `zero` elsewhere.
  private func pattern(_ m: Matrix, row i: Int, nonzero: String, zero: String) -> [String] {
    var cells = Array(repeating: zero, count: m.columns)
    for k in m.rowStarts[i]..<m.rowStarts[i + 1] { cells[Int(m.columnIndices[k])] = nonzero }
    return cells
  }
}
