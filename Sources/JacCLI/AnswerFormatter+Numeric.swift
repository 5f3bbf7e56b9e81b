import JacCore

/// Rendering of the numeric results: Newton's iterates and the `--check` report.
extension AnswerFormatter {
  // MARK: Newton

  func newton(_ run: NewtonRun, answer: Answer, input: String, _ document: OutputStyle.Document) -> String {
    let names = answer.variables
    switch document {
    case .text:
      let critical = answer.command == .critical
      let header = ["k"] + names + [critical ? "|grad f|" : "|F|"]
      let rows = run.iterates.enumerated().map { k, it in
        [String(k)] + it.x.map(DecimalText.roundTrip) + [DecimalText.roundTrip(it.residual)]
      }
      var out = Self.table([header] + rows)
      if run.outcome == .converged, let p = Self.movedPoint(run, answer) {
        out +=
          (critical ? "\ncritical point: " : "\nroot: ") + zip(names, p).map { "\($0) = \($1)" }.joined(separator: ", ")
          + " (exact)"
      } else if run.outcome == .converged {
        let limit = Self.extrapolated(run, answer)
        out +=
          (critical ? "\ncritical point: " : "\nroot: ")
          + zip(names, limit ?? run.last.x).map { "\($0) = \(DecimalText.roundTrip($1))" }.joined(separator: ", ")
          + (limit == nil ? "" : " (extrapolated)")
      }
      if let test = answer.classification { out += "\n" + test.description }
      return out
    case .latex:
      let columns = "r|" + String(repeating: "l", count: names.count) + "|l"
      var lines = [
        "k & " + names.map(latexPrinter.symbolText).joined(separator: " & ")
          + (answer.command == .critical ? " & \\lVert \\nabla f \\rVert" : " & \\lVert F \\rVert") + " \\\\ \\hline"
      ]
      for (k, it) in run.iterates.enumerated() {
        lines.append(
          "\(k) & " + it.x.map(DecimalText.latex).joined(separator: " & ") + " & " + DecimalText.latex(it.residual)
            + " \\\\")
      }
      let test = answer.classification.map { " \\quad \\text{" + $0.description + "}" } ?? ""
      return "\\begin{array}{\(columns)}\n" + lines.joined(separator: "\n") + "\n\\end{array}" + test
    case .json:
      var fields = header(answer, input: input)
      fields.append(("outcome", JSONText.string(Self.outcomeName(run.outcome))))
      fields.append(("iterations", String(run.iterates.count - 1)))
      fields.append(
        (
          "iterates",
          JSONText.array(
            run.iterates.map { it in
              JSONText.object([
                ("x", JSONText.array(it.x.map(Self.jsonNumber))), ("residual", Self.jsonNumber(it.residual)),
              ])
            })
        ))
      let root = Self.movedPoint(run, answer)?.map(\.nearestDouble) ?? Self.extrapolated(run, answer) ?? run.last.x
      fields.append(("root", run.outcome == .converged ? JSONText.array(root.map(Self.jsonNumber)) : "null"))
      if let p = Self.exactPoint(run, answer) {
        fields.append(("exact_point", JSONText.array(p.map { JSONText.string($0.description) })))
      }
      if Self.extrapolated(run, answer) != nil { fields.append(("extrapolated", "true")) }
      if let test = answer.classification {
        fields.append(("classification", JSONText.string(test.kind.rawValue)))
        fields.append(("decided", JSONText.string(test.exact ? "exact" : "numeric")))
        fields.append(("inertia", "[\(test.positive),\(test.negative),\(test.zero)]"))
      }
      return JSONText.object(fields)
    }
  }

  /// The limit a converged run extrapolated to, unless an exact point was verified.
  static func extrapolated(_ run: NewtonRun, _ answer: Answer) -> [Double]? {
    run.outcome == .converged && exactPoint(run, answer) == nil ? run.limit : nil
  }

  /// The verified exact point: newton's root where F is exactly 0, critical's point where ∇f is.
  static func exactPoint(_ run: NewtonRun, _ answer: Answer) -> [Rational]? {
    run.outcome == .converged ? answer.classification?.point ?? run.exactRoot : nil
  }

  /// The verified exact point, when it is not the last iterate itself.
  static func movedPoint(_ run: NewtonRun, _ answer: Answer) -> [Rational]? {
    guard let p = exactPoint(run, answer) else { return nil }
    return zip(p, run.last.x).allSatisfy({ $0 == Rational(exactly: $1) }) ? nil : p
  }

  static func outcomeName(_ outcome: NewtonRun.Outcome) -> String {
    switch outcome {
    case .converged: return "converged"
    case .singular: return "singular"
    case .diverged: return "diverged"
    case .iterationLimit: return "iteration-limit"
    case .unbounded: return "unbounded"
    case .underflow: return "underflow"
    }
  }

  /// Why Newton's method stopped without a root, for the error line; a run that runs off found
  /// no root (no critical point), and for critical neither did one that stops being finite.
  static func failure(_ run: NewtonRun, command: Request.Command) -> String? {
    let k = run.iterates.count - 1
    let none = command == .critical ? "no critical point found from this start" : "newton found no root from this start"
    let residual = command == .critical ? "|grad f|" : "|F|"
    switch run.outcome {
    case .converged: return nil
    case .singular: return "newton: the Jacobian is singular at iterate \(k); try another --from"
    case .diverged where command == .critical:
      let what = run.last.x.allSatisfy(\.isFinite) ? "the gradient is" : "the iterates are"
      return "\(none): \(what) not finite at iterate \(k); try another --from"
    case .diverged: return "newton diverged: F is not finite at iterate \(k)"
    case .unbounded:
      return "\(none): the iterates grow without bound (|x| = \(DecimalText.short(LinearSolve.norm(run.last.x))) at "
        + "iterate \(k), \(residual) = \(DecimalText.short(run.last.residual))); try another --from"
    case .underflow:
      let what = command == .critical ? "the gradient" : "F"
      return "newton: \(what) underflows at iterate \(k): \(residual) = \(DecimalText.short(run.last.residual)) in "
        + "double precision, but \(what) is not 0 there; try another --from"
    case .iterationLimit:
      return "newton did not converge in \(k) iterations (|F| = \(DecimalText.short(run.last.residual)))"
    }
  }

  /// Left-aligned columns separated by two spaces.
  static func table(_ rows: [[String]]) -> String {
    var widths: [Int] = []
    for row in rows {
      for (j, cell) in row.enumerated() {
        if j == widths.count { widths.append(0) }
        widths[j] = Swift.max(widths[j], cell.unicodeScalars.count)
      }
    }
    return rows.map { row in
      var line = ""
      for (j, cell) in row.enumerated() {
        line += cell
        if j < row.count - 1 { line += String(repeating: " ", count: widths[j] - cell.unicodeScalars.count + 2) }
      }
      return line
    }.joined(separator: "\n")
  }

  // MARK: Check

  /// Labels of the checked entries, in order: `[i,j]` for matrices, `[j]` for a gradient.
  private func checkLabels(_ answer: Answer, count: Int) -> [String] {
    switch answer.value {
    case .matrix(let m) where answer.description.shape == .gradient: return (0..<m.rows).map { "[\($0 + 1)]" }
    case .matrix(let m):
      return (0..<m.rows).flatMap { i in (0..<m.columns).map { j in "[\(i + 1),\(j + 1)]" } }
    default: return count == 1 ? ["diff"] : (0..<count).map { "[\($0 + 1)]" }
    }
  }

  func checkReport(_ check: DerivativeCheck, answer: Answer) -> String {
    let labels = checkLabels(answer, count: check.entries.count)
    let disagreeing = check.entries.filter { !$0.agrees }.count
    let unchecked = check.entries.filter { $0.checkedPoints == 0 }.count
    let checked = check.entries.count - unchecked
    let pointText = check.pointCount == 1 ? "at the given point" : "at up to \(check.pointCount) points"
    var summary =
      disagreeing == 0
      ? "check: \(checked) \(checked == 1 ? "entry agrees" : "entries agree") with central finite differences \(pointText)"
      : "check: \(disagreeing) of \(checked) entries DISAGREE with central finite differences \(pointText)"
    if unchecked > 0 {
      summary += "; \(unchecked) not checked (order above \(DerivativeCheck.maxOrder), or undefined at every point)"
    }
    var rows = [["entry", "checked", "skipped", "max abs error", "max rel error", ""]]
    for (label, e) in zip(labels, check.entries) {
      let verdict =
        e.orderTooHigh
        ? "not checked: order above \(DerivativeCheck.maxOrder)"
        : (e.checkedPoints == 0 ? "not checked: undefined at every point" : (e.agrees ? "" : "DISAGREES"))
      rows.append([
        label, String(e.checkedPoints), String(e.skippedPoints), DecimalText.short(e.worstAbsoluteError),
        e.worstRelativeError.map(DecimalText.short) ?? "-", verdict,
      ])
    }
    let lines = [summary] + Self.table(rows).split(separator: "\n").map { "  " + $0.trimmingTrailingSpaces }
    return lines.map { format == .latex ? "% " + $0 : $0 }.joined(separator: "\n")
  }

  func checkJSON(_ check: DerivativeCheck, answer: Answer) -> String {
    let labels = checkLabels(answer, count: check.entries.count)
    let entries = zip(labels, check.entries).map { label, e in
      JSONText.object([
        ("entry", JSONText.string(label)), ("agrees", String(e.agrees)), ("checked", String(e.checkedPoints)),
        ("skipped", String(e.skippedPoints)), ("max_abs_error", Self.jsonNumber(e.worstAbsoluteError)),
        ("max_rel_error", e.worstRelativeError.map(Self.jsonNumber) ?? "null"),
      ])
    }
    return JSONText.object([
      ("passed", String(check.passed)), ("points", String(check.pointCount)), ("entries", JSONText.array(entries)),
    ])
  }
}

extension Substring {
  var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }
}

/// The `--check` report of a matrix-form answer (``MatrixCheck``): one line per size tried.
extension AnswerFormatter {
  func matrixCheckReport(_ check: MatrixCheck) -> String {
    let summary =
      check.passed
      ? "check: agrees with jac's scalar engine on the expansion at \(check.trials.count) sizes"
      : "check: DISAGREES with jac's scalar engine on the expansion"
    var rows = [["sizes", "entries", "skipped", "max rel error", ""]]
    for t in check.trials {
      rows.append([
        t.sizes, String(t.compared), String(t.skipped), DecimalText.short(t.worstError), t.agrees ? "" : "DISAGREES",
      ])
    }
    let lines = [summary] + Self.table(rows).split(separator: "\n").map { "  " + $0.trimmingTrailingSpaces }
    return lines.map { format == .latex ? "% " + $0 : $0 }.joined(separator: "\n")
  }

  func matrixCheckJSON(_ check: MatrixCheck) -> String {
    let trials = check.trials.map { t in
      JSONText.object([
        ("sizes", JSONText.string(t.sizes)), ("entries", String(t.compared)), ("skipped", String(t.skipped)),
        ("max_rel_error", Self.jsonNumber(t.worstError)), ("agrees", t.agrees ? "true" : "false"),
      ])
    }
    return JSONText.object([("passed", check.passed ? "true" : "false"), ("trials", JSONText.array(trials))])
  }
}
