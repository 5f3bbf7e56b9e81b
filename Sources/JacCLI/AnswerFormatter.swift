import JacCore

/// Renders an ``Answer`` in the chosen format. Every expression in text and JSON is in jac's
/// own input syntax, so it parses back to the same expression.
struct AnswerFormatter {
  let pool: ExpressionPool
  let format: Invocation.Format

  func render(_ answer: Answer, input: String) -> String {
    switch format {
    case .text: return text(answer)
    case .latex: return latex(answer)
    case .json: return json(answer, input: input)
    }
  }

  private func text(_ answer: Answer) -> String {
    let printer = TextPrinter(pool: pool)
    switch answer.value {
    case .scalar(let e): return printer.string(e)
    case .list(let es): return es.map(printer.string).joined(separator: ", ")
    case .matrix(let m): return MatrixLayout.text((0..<m.rows).map { m.row($0).map(printer.string) })
    }
  }

  private func latex(_ answer: Answer) -> String {
    let printer = LatexPrinter(pool: pool)
    switch answer.value {
    case .scalar(let e): return printer.string(e)
    case .list(let es): return es.map(printer.string).joined(separator: ", \\quad ")
    case .matrix(let m): return printer.matrix(m)
    }
  }

  private func json(_ answer: Answer, input: String) -> String {
    let printer = TextPrinter(pool: pool)
    let result: String
    var fields: [(String, String)] = [
      ("input", JSONText.string(input)),
      ("command", JSONText.string(answer.command.rawValue)),
      ("vars", JSONText.array(answer.variables.map(JSONText.string))),
    ]
    switch answer.value {
    case .scalar(let e):
      result = JSONText.string(printer.string(e))
    case .list(let es):
      result = JSONText.array(es.map { JSONText.string(printer.string($0)) })
    case .matrix(let m):
      fields.append(("shape", "[\(m.rows),\(m.columns)]"))
      if answer.command == .grad {
        result = JSONText.array(m.entries.map { JSONText.string(printer.string($0)) })
      } else {
        result = JSONText.array(
          (0..<m.rows).map { i in JSONText.array(m.row(i).map { JSONText.string(printer.string($0)) }) })
      }
    }
    fields.append(("result", result))
    return JSONText.object(fields)
  }

  /// The JSON object for a failed input.
  static func jsonError(_ message: String, line: Int?, column: Int?) -> String {
    var fields: [(String, String)] = [("error", JSONText.string(message))]
    if let line { fields.append(("line", String(line))) }
    if let column { fields.append(("column", String(column))) }
    return JSONText.object(fields)
  }
}
