import JacCore

/// `--format json`: one object per answer, written a field at a time.
extension AnswerFormatter {
  /// One JSON object, its fields written one after another; the result's entries and the LaTeX
  /// fields a piece at a time.
  func writeJSON(_ answer: Answer, input: String, to o: AnswerOutput) {
    var first = true
    func field(_ key: String, _ value: () -> Void) {
      o.write((first ? "{" : ",") + JSONText.string(key) + ":")
      first = false
      value()
    }
    func quoted(_ value: () -> Void) {
      o.write("\"")
      o.escaping = true
      value()
      o.escaping = false
      o.write("\"")
    }
    for (key, value) in header(answer, input: input) { field(key) { o.write(value) } }
    if case .matrix(let m) = answer.value {
      field("shape") { o.write("[\(m.rows),\(m.columns)]") }
      if !Self.isWhole(m) {
        field("layout") { o.write(JSONText.string("coordinates")) }
        field("nonzeros") { o.write(String(m.nonzeroCount)) }
      }
    }
    if let implicit = answer.implicit {
      field("dep") { o.write(JSONText.array(implicit.dependent.map(JSONText.string))) }
      field("wrt") { o.write(JSONText.array(implicit.independent.map(JSONText.string))) }
    }
    if let order = answer.order {
      field("order") { o.write(String(order)) }
      // taylor's expansion point (implicit's `--order` has none).
      if !answer.expansionPoint.isEmpty {
        let point = answer.expansionPoint.map { ($0.name, JSONText.string(textPrinter.string($0.value))) }
        field("at") { o.write(JSONText.object(point)) }
      }
    }
    if let linearization = answer.linearization {
      field("state") { o.write(JSONText.array(linearization.state.map(JSONText.string))) }
      field("inputs") { o.write(JSONText.array(linearization.input.map(JSONText.string))) }
    }
    if case .matrixForm(let form) = answer.value {
      field("shape") { o.write(JSONText.array(form.shape.map(JSONText.string))) }
    }
    field("result") { writeShaped(answer, to: o) { e in quoted { writeText(e, answer, to: o) } } }
    if style.withLatex {
      if case .matrixForm(let form) = answer.value {
        field("latex") { o.write(JSONText.string(form.latex)) }
      } else {
        field("latex") { writeShaped(answer, to: o) { e in quoted { writeLatex(e, answer, to: o) } } }
      }
      field("latex_display") { quoted { writeLatex(answer, statesLeftSide: true, to: o) } }
    }
    if let det = answer.determinant { field("det") { quoted { writeText(det, answer, to: o) } } }
    if let test = answer.classification {
      field("classification") { o.write(JSONText.string(test.kind.rawValue)) }
      field("decided") { o.write(JSONText.string(test.exact ? "exact" : "numeric")) }
      field("inertia") { o.write("[\(test.positive),\(test.negative),\(test.zero)]") }
    }
    if let implicit = answer.implicit { field("condition") { quoted { writeText(implicit.condition, answer, to: o) } } }
    if answer.determinantKind == .gram { field("kind") { o.write(JSONText.string("gram")) } }
    if let factor = answer.volumeFactor {
      field("volume_element") { quoted { writeText(answer, to: o) } }
      field("abs_det") { quoted { writeText(factor, answer, to: o) } }
    }
    if let check = answer.check { field("check") { o.write(checkJSON(check, answer: answer)) } }
    if case .matrixForm(let form) = answer.value, let check = form.check {
      field("check") { o.write(matrixCheckJSON(check)) }
    }
    o.write("}")
  }

  /// The result's entries in the shape of `result`: one, a list, a list of rows, or a flat list
  /// for `grad` (a column); `null` for Newton.
  func writeShaped(_ answer: Answer, to o: AnswerOutput, _ entry: (Expr) -> Void) {
    func list(_ es: [Expr]) {
      o.write("[")
      for (k, e) in es.enumerated() {
        if k > 0 { o.write(",") }
        entry(e)
      }
      o.write("]")
    }
    func rows(_ m: Matrix) {
      o.write("[")
      guard Self.isWhole(m) else {
        // Past ``Limits/denseEntries``: [row, column, entry] for each nonzero, 1-based, row by row.
        var first = true
        m.forEachNonzero { i, j, e in
          o.write((first ? "[" : ",[") + "\(i + 1),\(j + 1),")
          first = false
          entry(e)
          o.write("]")
        }
        return o.write("]")
      }
      for i in 0..<m.rows {
        if i > 0 { o.write(",") }
        list(m.row(i))
      }
      o.write("]")
    }
    switch answer.value {
    case .scalar(let e): entry(e)
    case .list(let es): list(es)
    case .matrix(let m):
      // A gradient is a column, unless it is along a matrix (matrix calculus: X's shape).
      if answer.description.shape == .gradient && m.columns == 1 { return list(m.entries) }
      rows(m)
    case .labelled(let ms):
      // {"A": [[…]], "B": [[…]]}
      for (k, (name, m)) in ms.enumerated() {
        o.write((k > 0 ? "," : "{") + JSONText.string(name) + ":")
        rows(m)
      }
      o.write("}")
    case .matrixForm(let form): o.write(JSONText.string(form.text))
    case .newton: o.write("null")
    }
  }

  /// Whether `m` is small enough to be used or shown whole, zeros included
  /// (``Limits/denseEntries``); past it, JSON lists the nonzeros as coordinates.
  static func isWhole(_ m: Matrix) -> Bool { m.entryCount <= Limits.denseEntries }

  func header(_ answer: Answer, input: String) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("input", JSONText.string(input)),
      ("command", JSONText.string(answer.description.name)),
      ("vars", JSONText.array(answer.variables.map(JSONText.string))),
    ]
    if answer.command == .diff {
      // The directions, left to right (`--wrt x,x,y`, or `--order`'s repeats).
      fields.append(("wrt", JSONText.array(answer.along.map(JSONText.string))))
    }
    if answer.componentNames.contains(where: { $0 != nil }) {
      fields.append(("names", JSONText.array(answer.componentNames.map { $0.map(JSONText.string) ?? "null" })))
    }
    if let assumed = assumptionsText(answer) { fields.append(("assume", JSONText.string(assumed))) }
    if !answer.definitions.isEmpty {
      // `--where`: the definitions in order, each in terms of the earlier names.
      let definitions = answer.definitions.map { ($0.name, JSONText.string(textPrinter.string($0.value))) }
      fields.append(("where", JSONText.object(definitions)))
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
