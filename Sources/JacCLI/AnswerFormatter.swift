import JacCore

/// Renders an ``Answer`` in the chosen format. Every expression in text and JSON is in jac's
/// own input syntax, so it parses back to the same expression. After `--at`, an entry that is a
/// constant but not a rational number prints as its certified decimal (``DecimalDigits``),
/// unless `--exact`.
struct AnswerFormatter {
  let pool: ExpressionPool
  /// The format and the options that shape it.
  let style: OutputStyle
  var format: OutputStyle.Format { style.format }
  /// `--standalone` in LaTeX: each answer is a display (`\\[ … \\]`); `--steps` sets it for
  /// the answer after the derivations.
  var display: Bool

  /// The text printer for this format (unicode for `--format unicode`, else plain), one per
  /// answer, so repeated subexpressions of its entries are printed once.
  var textPrinter: TextPrinter
  /// The LaTeX printer, one per answer for the same reason.
  var latexPrinter: LatexPrinter

  init(pool: ExpressionPool, style: OutputStyle) {
    self.pool = pool
    self.style = style
    display = style.standalone
    let printerStyle: TextPrinter.Style = style.format == .unicode ? .unicode : style.compact ? .compact : .plain
    textPrinter = TextPrinter(pool: pool, style: printerStyle, remembersRepeats: true)
    latexPrinter = LatexPrinter(pool: pool, remembersRepeats: true)
  }

  /// Sets how the printers write the symbols of `answer` (and the names its left-hand sides and
  /// point mention) so that no two print alike: `theta` beside `θ`, `x1` beside `x_1`.
  /// Only unicode and LaTeX (and JSON with LaTeX) need it: plain text prints names as written.
  mutating func distinguishSymbols(of answer: Answer) {
    let latex = format == .latex || style.withLatex
    guard format == .unicode || latex else { return }
    let roots =
      answer.value.entries + [answer.determinant, answer.volumeFactor].compactMap { $0 }
      + answer.derivations.map(\.function)
    let names =
      pool.freeSymbols(roots) + answer.variables + answer.componentNames.compactMap { $0 } + answer.along
      + answer.point.map(\.name)
    if latex { latexPrinter.symbolNames = LatexPrinter.distinctSymbols(names) }
    if format == .unicode { textPrinter.spelledNames = TextPrinter.spelledGreekNames(names) }
  }

  /// The rendered answer in pieces to be written one after another: a big text matrix is its
  /// cells between padding (``MatrixLayout/textPieces(_:)``), never copied into one string.
  func pieces(_ answer: Answer, input: String) -> [String] {
    if let language = format.language { return [code(answer, input: input, language: language)] }
    if !answer.derivations.isEmpty {
      // The derivations, then the answer; in LaTeX the answer is a display after the align* blocks.
      var whole = self
      whole.display = format == .latex
      let body = whole.renderAnswer(answer, input: input)
      return [steps(answer) + "\n\n"] + body
    }
    return renderAnswer(answer, input: input)
  }

  private func renderAnswer(_ answer: Answer, input: String) -> [String] {
    var out: [String]
    if case .newton(let run) = answer.value {
      out = [newton(run, answer: answer, input: input)]
    } else if answer.description.shape == .pattern, case .matrix(let m) = answer.value {
      out = [sparsity(m, answer: answer, input: input)]
    } else {
      switch format {
      case .text, .unicode, .c, .python, .swift, .julia, .matlab: out = textPieces(answer)
      case .latex: out = [latex(answer)]
      case .json: return [json(answer, input: input)]
      }
    }
    if display && format == .latex { out = ["\\[\n"] + out + ["\n\\]"] }
    if let check = answer.check, format != .json { out.append("\n" + checkReport(check, answer: answer)) }
    return out
  }

  // MARK: Entries

  /// The decimal `e` prints as: after `--at`, the certified decimal of a constant that is not a
  /// rational number (``Answer/decimals``), unless `--exact`.
  private func decimal(_ e: Expr, _ answer: Answer) -> String? {
    style.exact ? nil : answer.decimals[e]
  }

  func textEntry(_ e: Expr, _ answer: Answer) -> String {
    decimal(e, answer) ?? textPrinter.string(e)
  }

  func latexEntry(_ e: Expr, _ answer: Answer) -> String {
    decimal(e, answer).map(DecimalText.latex) ?? latexPrinter.string(e)
  }

  // MARK: Formats

  private func text(_ answer: Answer) -> String { MatrixLayout.joined(textPieces(answer)) }

  private func textPieces(_ answer: Answer) -> [String] {
    switch answer.value {
    case .scalar(let e):
      guard let factor = answer.volumeFactor else { return [textEntry(e, answer)] }
      let differentials = answer.variables.map { "d" + $0 }.joined(separator: " ")
      return ["\(volumeLeft(answer, latex: false)) = \(textEntry(factor, answer)) \(differentials)"]
    case .list(let es): return [es.map { textEntry($0, answer) }.joined(separator: style.compact ? "," : ", ")]
    case .matrix(let m):
      if !style.dense, let count = Self.listedNonzeros(m, pool) { return [sparseListing(m, nonzero: count, answer)] }
      let cells = (0..<m.rows).map { m.row($0).map { textEntry($0, answer) } }
      if style.compact { return MatrixLayout.compactPieces(cells) }
      return format == .unicode ? MatrixLayout.unicodePieces(cells) : MatrixLayout.textPieces(cells)
    case .newton: return []
    }
  }

  /// The number of nonzero entries when text lists a matrix by them, else nil: more than
  /// ``sparseMinimumEntries`` entries, at most a quarter of them nonzero. Aligned, a 200×200
  /// tridiagonal Jacobian is 40,000 padded cells, 819 KB that no one reads; listed, it is its
  /// 598 entries.
  static func listedNonzeros(_ m: Matrix, _ pool: ExpressionPool) -> Int? {
    let total = m.rows * m.columns
    guard total > sparseMinimumEntries else { return nil }
    let count = m.entries.lazy.filter { $0 != pool.zero }.count
    return 4 * count <= total ? count : nil
  }
  static let sparseMinimumEntries = 400

  /// `200x200, 598 nonzero entries (all others 0):`, then `[i,j] = entry` row by row (1-based,
  /// as `jac sparsity` and the error messages count; `[i,j]=entry` with `--compact`).
  private func sparseListing(_ m: Matrix, nonzero count: Int, _ answer: Answer) -> String {
    var lines = [
      "\(m.rows)\(format == .unicode ? "×" : "x")\(m.columns), \(count) nonzero \(count == 1 ? "entry" : "entries") (all others 0):"
    ]
    for i in 0..<m.rows {
      for j in 0..<m.columns where m[i, j] != pool.zero {
        lines.append("[\(i + 1),\(j + 1)]\(style.compact ? "=" : " = ")" + textEntry(m[i, j], answer))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The answer in LaTeX, stated with its left-hand side when `--lhs` asks (or `statesLeftSide`).
  private func latex(_ answer: Answer, statesLeftSide: Bool = false) -> String {
    let body = latexBody(answer)
    guard style.lhs || statesLeftSide, let side = latexLeftSide(answer) else { return body }
    return side + " = " + body
  }

  private func latexBody(_ answer: Answer) -> String {
    switch answer.value {
    case .scalar(let e):
      guard let factor = answer.volumeFactor else { return latexEntry(e, answer) }
      let differentials = answer.variables.map { "d" + latexPrinter.symbolText($0) }.joined(separator: "\\,")
      return "\(volumeLeft(answer, latex: true)) = \(latexEntry(factor, answer)) \\, \(differentials)"
    case .list(let es): return latexList(es, answer)
    case .matrix(let m):
      return LatexPrinter.matrix(
        (0..<m.rows).map { m.row($0).map { latexEntry($0, answer) } }, environment: style.environment)
    case .newton: return ""
    }
  }

  /// `dx dy` when every component is named (`x = r*cos(t)`), else `dV`.
  private func volumeLeft(_ answer: Answer, latex: Bool) -> String {
    let names = answer.componentNames.compactMap { $0 }
    guard !names.isEmpty, names.count == answer.componentNames.count else { return "dV" }
    return names.map { "d" + (latex ? latexPrinter.symbolText($0) : $0) }.joined(separator: latex ? "\\," : " ")
  }

  private func json(_ answer: Answer, input: String) -> String {
    var fields = header(answer, input: input)
    let result: String
    switch answer.value {
    case .scalar(let e):
      result = JSONText.string(textEntry(e, answer))
    case .list(let es):
      result = JSONText.array(es.map { JSONText.string(textEntry($0, answer)) })
    case .matrix(let m):
      fields.append(("shape", "[\(m.rows),\(m.columns)]"))
      if answer.description.shape == .gradient {
        result = JSONText.array(m.entries.map { JSONText.string(textEntry($0, answer)) })
      } else {
        result = JSONText.array(
          (0..<m.rows).map { i in JSONText.array(m.row(i).map { JSONText.string(textEntry($0, answer)) }) })
      }
    case .newton: result = "null"
    }
    fields.append(("result", result))
    if style.withLatex { fields += latexFields(answer) }
    if let det = answer.determinant { fields.append(("det", JSONText.string(textEntry(det, answer)))) }
    if let factor = answer.volumeFactor {
      fields.append(("volume_element", JSONText.string(text(answer))))
      fields.append(("abs_det", JSONText.string(textEntry(factor, answer))))
    }
    if let check = answer.check { fields.append(("check", checkJSON(check, answer: answer))) }
    return JSONText.object(fields)
  }

  /// `"latex"`: the result's LaTeX in the shape of `result` (a string, a list, or a list of
  /// rows; a flat list for `grad`); `"latex_display"`: the whole statement as `--latex --lhs`
  /// prints it, ready for a display.
  private func latexFields(_ answer: Answer) -> [(String, String)] {
    let shaped: String
    switch answer.value {
    case .scalar(let e): shaped = JSONText.string(latexEntry(e, answer))
    case .list(let es): shaped = JSONText.array(es.map { JSONText.string(latexEntry($0, answer)) })
    case .matrix(let m):
      if answer.description.shape == .gradient {
        shaped = JSONText.array(m.entries.map { JSONText.string(latexEntry($0, answer)) })
      } else {
        shaped = JSONText.array(
          (0..<m.rows).map { i in JSONText.array(m.row(i).map { JSONText.string(latexEntry($0, answer)) }) })
      }
    case .newton: shaped = "null"
    }
    return [("latex", shaped), ("latex_display", JSONText.string(latex(answer, statesLeftSide: true)))]
  }

  func header(_ answer: Answer, input: String) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("input", JSONText.string(input)),
      ("command", JSONText.string(answer.description.name)),
      ("vars", JSONText.array(answer.variables.map(JSONText.string))),
    ]
    if answer.componentNames.contains(where: { $0 != nil }) {
      fields.append(("names", JSONText.array(answer.componentNames.map { $0.map(JSONText.string) ?? "null" })))
    }
    return fields
  }

  /// A `Double` as a JSON number (`null` when not finite).
  static func jsonNumber(_ x: Double) -> String { x.isFinite ? DecimalText.roundTrip(x) : "null" }

  /// The JSON object for a failed input.
  static func jsonError(_ message: String, line: Int?, column: Int?) -> String {
    var fields: [(String, String)] = [("error", JSONText.string(message))]
    if let line { fields.append(("line", String(line))) }
    if let column { fields.append(("column", String(column))) }
    return JSONText.object(fields)
  }
}
