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
  /// A batch's code file (code formats on standard input): the unit goes into it, its function
  /// named for the line. Nil for a single input.
  var batch: CodeBatch?

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
      answer.value.expressions + [answer.determinant, answer.volumeFactor].compactMap { $0 }
      + answer.derivations.map(\.function)
    let names =
      pool.freeSymbols(roots) + answer.variables + answer.componentNames.compactMap { $0 } + answer.along
      + answer.point.map(\.name) + answer.matrixPoint.map(\.name)
    if latex { latexPrinter.symbolNames = LatexPrinter.distinctSymbols(names) }
    if format == .unicode { textPrinter.spelledNames = TextPrinter.spelledGreekNames(names) }
  }

  /// A measuring output for this formatter's printers (``AnswerOutput``): count an answer
  /// with it, then write it with the lengths it has measured.
  func output() -> AnswerOutput { AnswerOutput(text: textPrinter, latex: latexPrinter) }

  /// Lays out `answer` into `o`: writes it piece by piece, or counts its bytes without printing
  /// it (a big text matrix holds one cell at a time).
  func write(_ answer: Answer, input: String, to o: AnswerOutput) {
    guard let document = format.document else {
      if let language = format.language { writeCode(answer, input: input, language: language, to: o) }
      return
    }
    // `--steps`: the explanation, then the answer (in LaTeX a display after the align* blocks).
    let explained = !answer.explanation.isEmpty || answer.determinantSteps != nil || !answer.derivations.isEmpty
    guard explained else { return render(answer, input: input, document, to: o) }
    if !answer.explanation.isEmpty {
      writeExplanation(answer, to: o)
    } else if let steps = answer.determinantSteps {
      writeDeterminantSteps(steps, answer, to: o)
    } else {
      writeSteps(answer, to: o)
    }
    o.write("\n\n")
    var whole = self
    whole.display = format == .latex
    whole.render(answer, input: input, document, to: o)
  }

  private func render(_ answer: Answer, input: String, _ document: OutputStyle.Document, to o: AnswerOutput) {
    let pattern = answer.description.shape == .pattern
    if case .newton(let run) = answer.value {
      wrapped(answer, to: o) { o.write(newton(run, answer: answer, input: input, document)) }
    } else if pattern, case .matrix(let m) = answer.value {
      wrapped(answer, to: o) { o.write(sparsity(m, answer: answer, input: input, document)) }
    } else {
      switch document {
      case .text:
        wrapped(answer, to: o) {
          writeText(answer, to: o)
          if let test = answer.classification { o.write("\n" + test.description) }
        }
      case .latex:
        wrapped(answer, to: o) {
          writeLatex(answer, to: o)
          if let test = answer.classification { o.write(" \\quad \\text{" + test.description + "}") }
        }
      case .json: writeJSON(answer, input: input, to: o)
      }
    }
  }

  /// `body` in a LaTeX display when one is asked for, then the `--check` report.
  private func wrapped(_ answer: Answer, to o: AnswerOutput, _ body: () -> Void) {
    let display = display && format == .latex
    if display { o.write("\\[\n") }
    body()
    if display { o.write("\n\\]") }
    if let check = answer.check, format != .json { o.write("\n" + checkReport(check, answer: answer)) }
    if case .matrixForm(let form) = answer.value, let check = form.check, format != .json {
      o.write("\n" + matrixCheckReport(check))
    }
  }

  /// A quick upper bound on the bytes the answer prints, from the expressions' tree sizes (nil
  /// for `--steps` and code, which are always counted: code writes the base of an odd root
  /// twice, so it is not bounded by the tree). Around its operands each node writes at most 16
  /// bytes of text (` − `, `·`, parentheses, a function's name) and 64 of LaTeX or code, and a
  /// leaf at most the pool's longest number or name (12 times that in LaTeX: `	ext{é}` a
  /// scalar); JSON with LaTeX writes the LaTeX twice, escaped; an aligned text matrix pads
  /// each row to the widest cells. An answer below ``countingThreshold`` is not counted.
  func quickBound(_ answer: Answer, input: String) -> Int? {
    guard answer.derivations.isEmpty, format.document != nil else { return nil }
    if listsNonzeros(answer), case .matrix(let m) = answer.value { return listingBound(m) }
    let leaf = Double(pool.longestLeaf)
    let text = 16 + leaf
    let latex = 64 + 12 * leaf
    let node: Double
    switch format {
    case .text, .unicode: node = text
    case .latex: node = latex
    case .json: node = style.withLatex ? text + 4 * latex : text
    case .c, .python, .swift, .julia, .matlab: return nil
    }
    // Appended one by one: `[answer.determinant, answer.volumeFactor].compactMap` made an array of
    // `Expr?`, whose type was built at run time on every start (issue 20).
    var roots = answer.value.expressions
    if let determinant = answer.determinant { roots.append(determinant) }
    if let factor = answer.volumeFactor { roots.append(factor) }
    // The zeros of the matrices, which `expressions` leaves out, where they are printed.
    var zeros = 0.0
    var padded = 1.0
    switch answer.value {
    case .matrix(let m):
      zeros = Double(m.entryCount - m.nonzeroCount)
      if format.document == .text {
        if !style.dense, Self.listedNonzeros(m) != nil {
          zeros = 0
        } else if !style.compact {
          padded = Double(m.rows + 1)
        }
      }
    case .labelled(let ms): zeros = Double(ms.reduce(0) { $0 + $1.matrix.entryCount - $1.matrix.nonzeroCount })
    case .scalar, .list, .newton, .matrixForm: break
    }
    var total = (roots.reduce(0.0) { $0 + Double(pool.treeSize($1) + 2) * node } + zeros * 3 * node) * padded
    total += Double(2 * input.utf8.count + 64 * answer.variables.reduce(1) { $0 + $1.utf8.count })
    if case .newton(let run) = answer.value { total += Double(run.iterates.count * (answer.variables.count + 2) * 64) }
    return total < Double(TextLength.cap) ? Int(total) : TextLength.cap
  }
  /// Answers whose quick bound is below this (1 MiB) are written without being counted first.
  static let countingThreshold = 1 << 20

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

  /// The text of `e`, written or counted.
  func writeText(_ e: Expr, _ answer: Answer, to o: AnswerOutput) {
    if let terms = answer.orderedTerms[e] {
      return writeTerms(terms, sum: e) {
        writeText($0, answer, to: o)
      } write: {
        o.write($0)
      }
    }
    if o.counting && decimal(e, answer) == nil { return o.countText(e) }
    o.writeVerbatim(textEntry(e, answer))
  }

  /// The LaTeX of `e`, written or counted.
  func writeLatex(_ e: Expr, _ answer: Answer, to o: AnswerOutput) {
    if let terms = answer.orderedTerms[e] {
      return writeTerms(terms, sum: e) {
        writeLatex($0, answer, to: o)
      } write: {
        o.write($0)
      }
    }
    if o.counting && decimal(e, answer) == nil { return o.countLatex(e) }
    o.write(latexEntry(e, answer))
  }

  /// A sum written term by term in the order given (``Answer/orderedTerms``): `a - b + c`, a
  /// term that is itself a sum in parentheses: `1 + (x - 1) + (x - 1)^2`.
  private func writeTerms(
    _ terms: [(negative: Bool, magnitude: Expr)], sum: Expr, term: (Expr) -> Void, write: (String) -> Void
  ) {
    let spaced = !style.compact
    let minus = format == .unicode ? "−" : "-"
    for (k, t) in terms.enumerated() {
      if k > 0 {
        write(spaced ? (t.negative ? " \(minus) " : " + ") : (t.negative ? minus : "+"))
      } else if t.negative {
        write(minus)
      }
      // A term that is a sum (x - 1, the linear term about 1) keeps its parentheses.
      let parenthesised: Bool
      if case .sum = pool.node(t.magnitude) { parenthesised = true } else { parenthesised = false }
      if parenthesised { write("(") }
      term(t.magnitude)
      if parenthesised { write(")") }
    }
  }

  /// The scalars of `e`'s text: its column width.
  private func textWidth(_ e: Expr, _ answer: Answer, _ o: AnswerOutput) -> Int {
    decimal(e, answer) != nil ? textEntry(e, answer).unicodeScalars.count : o.text.of(e).scalars
  }

  // MARK: Formats

  func writeText(_ answer: Answer, to o: AnswerOutput) {
    switch answer.value {
    case .scalar(let e):
      guard let factor = answer.volumeFactor else { return writeText(e, answer, to: o) }
      let differentials = answer.variables.map { "d" + $0 }.joined(separator: " ")
      o.write("\(volumeLeft(answer, latex: false)) = ")
      writeText(factor, answer, to: o)
      o.write(" \(differentials)")
      writeAssumptions(answer, latex: false, to: o)
    case .list(let es):
      for (i, e) in es.enumerated() {
        if i > 0 { o.write(style.compact ? "," : ", ") }
        writeText(e, answer, to: o)
      }
    case .matrix(let m): writeTextMatrix(m, answer, to: o)
    case .labelled(let ms):
      // `A =` on a line of its own, the matrix below it, a blank line between matrices.
      for (k, (name, m)) in ms.enumerated() {
        o.write((k > 0 ? "\n\n" : "") + name + " =\n")
        writeTextMatrix(m, answer, to: o)
      }
    case .matrixForm(let form): o.write(form.text)
    case .newton: break
    }
  }

  func writeTextMatrix(_ m: Matrix, _ answer: Answer, to o: AnswerOutput) {
    if !style.dense, let count = Self.listedNonzeros(m) {
      return writeSparseListing(m, nonzero: count, answer, to: o)
    }
    let brackets: MatrixLayout.Brackets? = style.compact ? nil : format == .unicode ? .unicode : .text
    guard o.counting || o.measured else {
      // A small answer: its cells printed first, their widths read off the strings.
      let cells = (0..<m.rows).map { i in m.row(i).map { textEntry($0, answer) } }
      // Widths in Unicode scalars, each counted once; ASCII text (most) by its bytes.
      let widths = cells.map { row in
        row.map { $0.utf8.allSatisfy { $0 < 0x80 } ? $0.utf8.count : $0.unicodeScalars.count }
      }
      return MatrixLayout.write(
        rows: m.rows, columns: m.columns, aligned: brackets, width: { widths[$0][$1] },
        cell: { o.writeVerbatim(cells[$0][$1]) }, write: o.write, pad: o.writeSpaces)
    }
    MatrixLayout.write(
      rows: m.rows, columns: m.columns, aligned: brackets, width: { textWidth(m[$0, $1], answer, o) },
      cell: { writeText(m[$0, $1], answer, to: o) }, write: o.write, pad: o.writeSpaces)
  }

  /// The answer in LaTeX, stated with its left-hand side when `--lhs` asks (or `statesLeftSide`).
  func writeLatex(_ answer: Answer, statesLeftSide: Bool = false, to o: AnswerOutput) {
    if style.lhs || statesLeftSide, let side = latexLeftSide(answer) { o.write(side + " = ") }
    switch answer.value {
    case .scalar(let e):
      guard let factor = answer.volumeFactor else {
        writeLatex(e, answer, to: o)
        return writeAssumptions(answer, latex: true, to: o)
      }
      let differentials = answer.variables.map { "d" + latexPrinter.symbolText($0) }.joined(separator: "\\,")
      o.write("\(volumeLeft(answer, latex: true)) = ")
      writeLatex(factor, answer, to: o)
      o.write(" \\, \(differentials)")
      writeAssumptions(answer, latex: true, to: o)
      return
    case .list(let es): writeLatexList(es, answer, to: o)
    case .matrix(let m): writeLatexMatrix(m, answer, to: o)
    case .labelled(let ms):
      for (k, (name, m)) in ms.enumerated() {
        o.write((k > 0 ? ", \\quad " : "") + name + " = ")
        writeLatexMatrix(m, answer, to: o)
      }
    case .matrixForm(let form): o.write(form.latex)
    case .newton: break
    }
    // LaTeX states the assumptions in use after any answer (a volume element above).
    writeAssumptions(answer, latex: true, to: o)
  }

  /// The assumptions as `--assume` reads them (`R > r > 0, 0 < p < pi`), for JSON; nil without.
  func assumptionsText(_ answer: Answer) -> String? {
    guard let chains = answer.assumptions?.chains, !chains.isEmpty else { return nil }
    return chains.map { chain in
      chain.sides.enumerated().map { i, side in (i > 0 ? chain.operators[i - 1] + " " : "") + textPrinter.string(side) }
        .joined(separator: " ")
    }.joined(separator: ", ")
  }

  /// `, for R > r > 0` after a volume element (`--assume`); in LaTeX `\quad (R > r > 0)`, after
  /// any answer.
  private func writeAssumptions(_ answer: Answer, latex: Bool, to o: AnswerOutput) {
    guard let chains = answer.assumptions?.chains, !chains.isEmpty else { return }
    let symbols = [">": ">", ">=": "\\geq", "<": "<", "<=": "\\leq"]
    o.write(latex ? " \\quad (" : " for ")
    for (k, chain) in chains.enumerated() {
      if k > 0 { o.write(latex ? ",\\ " : ", ") }
      for (i, side) in chain.sides.enumerated() {
        if i > 0 { o.write(" \(latex ? symbols[chain.operators[i - 1]]! : chain.operators[i - 1]) ") }
        if latex { writeLatex(side, answer, to: o) } else { writeText(side, answer, to: o) }
      }
    }
    if latex { o.write(")") }
  }

  /// LatexPrinter.matrix, a cell at a time.
  func writeLatexMatrix(_ m: Matrix, _ answer: Answer, to o: AnswerOutput) {
    o.write("\\begin{\(style.environment)} ")
    for i in 0..<m.rows {
      if i > 0 { o.write(" \\\\ ") }
      for j in 0..<m.columns {
        if j > 0 { o.write(" & ") }
        writeLatex(m[i, j], answer, to: o)
      }
    }
    o.write(" \\end{\(style.environment)}")
  }

  /// `dx dy` when every component is named (`x = r*cos(t)`), else `dV`; for the Gram
  /// determinant the element of the image: `ds` (a curve), `dS` (a surface), `dV`.
  private func volumeLeft(_ answer: Answer, latex: Bool) -> String {
    if answer.determinantKind == .gram {
      return ["ds", "dS"].dropFirst(answer.variables.count - 1).first ?? "dV"
    }
    let names = answer.componentNames.compactMap { $0 }
    guard !names.isEmpty, names.count == answer.componentNames.count else { return "dV" }
    return names.map { "d" + (latex ? latexPrinter.symbolText($0) : $0) }.joined(separator: latex ? "\\," : " ")
  }
}
