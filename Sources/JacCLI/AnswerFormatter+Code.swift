import JacCore

/// `--format c|python|swift|julia|matlab`: the result as a complete unit of code.
extension AnswerFormatter {
  /// Code cannot be generated for an answer that applies a function nobody defined
  /// (``JacError/undefinedFunction(name:use:)``); checked before anything is written.
  func checkCodeable(_ answer: Answer) throws(JacError) {
    guard let language = format.language else { return }
    let values = answer.value.expressions + (answer.functionValues ?? []) + answer.definitions.map(\.value)
    if let name = pool.undefinedFunctions(values).first {
      throw .undefinedFunction(name: name, use: "'--format \(language.rawValue)'")
    }
  }

  /// A matrix printed whole must be within ``Limits/denseEntries`` (checked before anything is
  /// written): aligned text (`--dense`, or a matrix too full to list by its nonzeros), LaTeX
  /// (and JSON's LaTeX), and code that fills an m·n array (`--layout row` or `col`, `--with-value`,
  /// several matrices). Text lists a big matrix's nonzeros, JSON gives their coordinates, and code
  /// takes `--layout csc`.
  func checkPrintable(_ answer: Answer) throws(JacError) {
    let matrices: [Matrix]
    switch answer.value {
    case .matrix(let m): matrices = [m]
    case .labelled(let ms): matrices = ms.map(\.matrix)
    case .scalar, .list, .newton, .matrixForm: return
    }
    let pattern = answer.description.shape == .pattern
    for m in matrices where !Self.isWhole(m) {
      let whole: Bool
      switch format {
      case .text, .unicode: whole = !pattern && (style.dense || Self.listedNonzeros(m) == nil)
      case .latex: whole = true
      case .json: whole = style.withLatex && !pattern
      case .c, .python, .swift, .julia, .matlab:
        whole = style.layout != .csc || answer.functionValues != nil || matrices.count > 1
      }
      if whole { throw .limit(.denseEntries(rows: m.rows, columns: m.columns)) }
    }
  }

  /// The unit of code, written; counted, an upper bound on its length (``CodeLength``): code is
  /// small beside its bound, and no shorter than the text.
  func writeCode(_ answer: Answer, input: String, language: CodeLanguage, to o: AnswerOutput) {
    guard o.counting else {
      guard let batch else {
        return code(answer, input: input, language: language).map { o.write($0.text) } ?? ()
      }
      // The batch's first unit is wanted alone too (``CodeBatch``).
      let alone = batch.isEmpty ? code(answer, input: input, language: language) : nil
      guard let unit = code(answer, input: input, language: language, line: batch.line) else { return }
      return o.write(batch.add(unit, alone: alone, base: baseName(answer)))
    }
    let parameters = pool.freeSymbols(answer.value.expressions).count + answer.variables.count
    var length = CodeLength(pool: pool, parameters: parameters)
    let names = answer.variables.reduce(0) { $0 + $1.unicodeScalars.count }
    // A CSC pattern writes a column pointer (at most 8 digits and a separator) per column.
    var pattern = 0
    if case .matrix(let m) = answer.value { pattern = 16 * (m.columns + 1) }
    o.count(
      length.unitBound(
        answer.value.expressions + (answer.functionValues ?? []),
        summary: 2 * input.utf8.count + 16 * names + 512 + pattern))
  }

  /// The function's name: the command's (`jacobian`) or `--name`'s; with a batch's line number
  /// k, `NAME_k` (``CodeBatch``).
  private func functionName(_ answer: Answer, line: Int?) -> String {
    let base = baseName(answer)
    return line.map { "\(base)_\($0)" } ?? base
  }

  private func baseName(_ answer: Answer) -> String {
    style.functionName ?? answer.description.code?.function ?? ""
  }

  /// The unit of `answer`; `line`: its function is named for that line of a batch.
  func code(_ answer: Answer, input: String, language: CodeLanguage, line: Int? = nil) -> CodeUnit? {
    var generator = CodeGenerator(pool: pool, language: language)
    generator.eliminateCommonSubexpressions = style.sharedTemporaries
    generator.layout = style.layout
    generator.arguments = style.arguments
    generator.definitions = answer.definitions
    let shape: CodeGenerator.Shape
    var dimensions = ""
    // Python and Julia have vectors: a gradient is one.
    let arrays = language == .python || language == .julia
    switch answer.value {
    case .scalar(let e): shape = .scalar(e)
    case .list(let es):
      shape = .list(es)
      dimensions = "; \(es.count) entries"
    case .matrix(let m) where m.columns == 1 && answer.description.shape == .gradient && arrays:
      // A gradient is a vector in NumPy (shape (n,), what scipy.optimize takes) and Julia
      // (what Optim.jl's `g!(G, x)` fills).
      shape = .list(m.entries)
      dimensions = "; \(m.rows) entries"
    case .matrix(let m) where answer.functionValues != nil:
      // `--with-value`: f and J filled by one function.
      let f = Matrix(rows: m.rows, columns: 1, entries: answer.functionValues ?? [])
      shape = .matrices([("f", f), ("J", m)])
      let value = language == .julia || language == .python ? "f \(m.rows)" : "f \(m.rows)x1"
      dimensions = "; \(value) and J \(m.rows)x\(m.columns)\(order(language))"
    case .matrix(let m):
      shape = .matrix(m)
      dimensions = "; \(m.rows)x\(m.columns)\(layoutNote(language, m))"
    case .labelled(let ms):
      shape = .matrices(ms)
      let sizes = ms.map { "\($0.name) \($0.matrix.rows)x\($0.matrix.columns)" }
      dimensions = "; " + sizes.joined(separator: ", ") + order(language)
    case .matrixForm(let form): return numpy(form, answer, input: input, line: line)
    case .newton: return nil
    }
    // The scanner refuses a code format for a command without code (`newton has no '--format c'`).
    guard let code = answer.description.code else { return nil }
    // diff's directions, left to right (the parameters are in the signature).
    let vars = (answer.command == .diff ? answer.along : answer.variables).joined(separator: ", ")
    let summary = "\(code.what) of \(input) with respect to (\(vars))\(dimensions). Generated by jac."
    return generator.unit(shape, name: functionName(answer, line: line), variables: answer.variables, summary: summary)
  }

  /// The order of flat arrays (C, Swift): row- or column-major; Python, Julia and MATLAB
  /// return matrices.
  private func order(_ language: CodeLanguage) -> String {
    guard language == .c || language == .swift else { return "" }
    return style.layout == .col ? ", column-major" : ", row-major"
  }

  /// Where entry (i, j) of `m` is, for the summary.
  private func layoutNote(_ language: CodeLanguage, _ m: Matrix) -> String {
    switch (language, style.layout) {
    case (.julia, .csc), (.matlab, .csc): return " sparse matrix"
    case (.julia, _), (.matlab, _): return " matrix"
    case (.python, .row): return " array"
    case (.python, .col): return " array, Fortran order"
    case (_, .row): return ", row-major, entry (i, j) at i*\(m.columns) + j"
    case (_, .col): return ", column-major, entry (i, j) at j*\(m.rows) + i"
    case (_, .csc): return ""
    }
  }

  /// A matrix-calculus answer as NumPy (``MatrixForm/python(name:summary:)``); vectors and
  /// rows are 1-D arrays, so the summary gives the array's shape without the 1s.
  private func numpy(_ form: MatrixForm, _ answer: Answer, input: String, line: Int?) -> CodeUnit? {
    guard let code = answer.description.code else { return nil }
    let axes = form.shape.filter { $0 != "1" }
    let size =
      axes.isEmpty ? "a scalar" : "an array of shape (" + axes.joined(separator: ", ") + (axes.count == 1 ? ",)" : ")")
    let vars = answer.variables.isEmpty ? "" : " with respect to " + answer.variables.joined(separator: ", ")
    let summary = "\(code.what) of \(input)\(vars); \(size). Generated by jac."
    return form.python(name: functionName(answer, line: line), summary: summary)
  }
}
