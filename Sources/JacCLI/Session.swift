import JacCore

/// One run's state: the engine (a shared pool) and the output so far.
final class Session {
  let invocation: Invocation
  private(set) var engine = Engine()
  let out: JacCommand.Write
  let err: JacCommand.Write
  private var answered = 0
  /// A long batch starts a fresh engine when the pool passes this many nodes, so memory stays
  /// bounded however many lines come in (answers never depend on the pool's history).
  static let poolLimit = 2_000_000
  private var retired = Engine.Timings()
  private var printing = Duration.zero
  private var inputs = 0
  private var outputBytes = 0
  /// Code formats on standard input: one file for the whole batch.
  private var batch: CodeBatch?
  /// Whether the note on a lone `e` in the `--where` definitions was given (once a run: the
  /// definitions apply to every line of a batch).
  private var definitionsEulerNoted = false

  init(invocation: Invocation, out: @escaping JacCommand.Write, err: @escaping JacCommand.Write) {
    self.invocation = invocation
    self.out = out
    self.err = err
  }

  /// Answers standard input, one input a line; returns the worst status.
  func answerLines(_ nextLine: () -> InputLine?) -> ExitCode {
    var status = ExitCode.success
    var lineNumber = 0
    batch = invocation.style.format.language.map(CodeBatch.init)
    defer {
      if let end = batch?.end(), !end.isEmpty {
        out(end)
        outputBytes += end.utf8.count
      }
    }
    while let line = nextLine() {
      lineNumber += 1
      let text: String
      switch line {
      case .text(let t): text = t
      case .invalidUTF8(let shown, let bad):
        report(message: "invalid UTF-8", line: lineNumber, source: shown, range: SourceRange(bad, bad + 1), hint: nil)
        status = worse(status, .dataError)
        continue
      case .tooLong(let count), .endless(let count):
        let exceeded: Limits.Exceeded = line == .endless(bytes: count) ? .endlessInput(count) : .inputBytes(count)
        report(message: JacError.limit(exceeded).message, line: lineNumber, source: nil, range: nil, hint: nil)
        status = worse(status, .limit)
        continue
      }
      let trimmed = text.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.first == "#" { continue }
      batch?.line = lineNumber
      status = worse(status, answer([text], line: lineNumber))
    }
    return status
  }

  /// Answers one input (the positional arguments, or one line of stdin).
  func answer(_ inputs: [String], line: Int?) -> ExitCode {
    if engine.pool.count > Self.poolLimit {
      retired = retired + engine.timings
      engine = Engine()
    }
    self.inputs += 1
    let request = invocation.request(inputs)
    do throws(JacError) {
      let answer = try engine.run(request)
      let prefix = line.map { "line \($0): " } ?? ""
      for (name, suggestion) in answer.suspiciousVariables {
        err("warning: \(prefix)variable '\(name)' does not occur in the input; did you mean '\(suggestion)'?\n")
      }
      let eulerNote = "'e' is Euler's number (2.71828…), a constant; a variable needs another name, e.g. 'e1'\n"
      if answer.eulerAlone {
        err("note: \(prefix)" + eulerNote)
      } else if answer.eulerAloneInDefinitions && !definitionsEulerNoted {
        err("note: " + eulerNote)
      }
      definitionsEulerNoted = definitionsEulerNoted || answer.eulerAloneInDefinitions
      if answer.capitalEBase {
        err("note: \(prefix)'E' is a variable to jac, not Euler's number; for e^x write 'e^x' or 'exp(x)'\n")
      }
      let formatter = formatter(for: answer)
      let printStart = MonotonicClock.now
      try formatter.checkCodeable(answer)
      try formatter.checkPrintable(answer)
      defer { printing += MonotonicClock.now - printStart }
      // Joined by hand: the standard library's `joined(separator:)` is not specialised for
      // `[String]` and looks up its generic metadata at run time (85k instructions on first use;
      // issue 20).
      var input = inputs.first ?? ""
      for i in inputs.indices.dropFirst() { input += ", " + inputs[i] }
      // Counted first, measured from the DAG (unless it is surely small), then written a piece
      // at a time as it is made.
      let output = formatter.output()
      // A matrix listed by its nonzeros has no columns to measure: counted only when its bound
      // comes within 1 MiB (room for the notes) of the limit (Bratu with n = 100,000 lists 7.9 MB).
      let listed = formatter.listsNonzeros(answer)
      let threshold =
        listed ? Limits.outputBytes - AnswerFormatter.countingThreshold : AnswerFormatter.countingThreshold
      let counting = formatter.quickBound(answer, input: input).map { $0 > threshold } ?? true
      if counting { formatter.write(answer, input: input, to: output) }
      let counted = output.bytes
      let size = counting ? counted + noteBytes(answer, output) : 0
      if size > Limits.outputBytes { throw JacError.limit(.outputBytes(size)) }
      output.measured = counting
      let separate = answered > 0 && [.text, .unicode].contains(invocation.style.format) && isMultiLine(answer)
      if separate { out("\n") }
      output.startWriting(to: out)
      formatter.write(answer, input: input, to: output)
      // A batch's first unit of code is held (``CodeBatch``): nothing written, no line end.
      let held = batch?.isHolding == true
      if !held { out("\n") }
      // The count is exact for the document formats (code counts an upper bound).
      assert(
        !counting || output.bytes == counted || invocation.style.format.language != nil,
        "counted \(counted), wrote \(output.bytes)")
      outputBytes += output.bytes + (separate ? 2 : held ? 0 : 1)
      answered += 1
      return verdict(answer, formatter: formatter, prefix: prefix)
    } catch {
      switch error {
      case .parse(let p, let index):
        report(message: p.message.text, line: line, source: inputs[index], range: p.range, hint: p.message.hint)
      case .limitInInput(_, let range, let index):
        report(message: error.message, line: line, source: inputs[index], range: range, hint: nil)
      case .optionParse(let p, _, let text):
        report(message: error.message, line: line, source: text, range: p.range, hint: p.message.hint)
      case .limit, .unknownPointVariable, .missingPointVariables, .vectorLength, .notANumber, .outsideDoubleRange,
        .pointForDefinition, .undefinedFunction,
        .notApplicable, .entryOutside, .entryOfEachFunction, .tooManyExplainedEntries, .notSquare, .notScalar,
        .stateCount, .equationCount, .implicitName, .implicitOrder, .derivativeOrder, .implicitSingular,
        .implicitSingularAtPoint, .noIndependentVariables,
        .noVariables, .undefinedResult, .orderDerivative, .singular, .logOfSingular, .singularAtPoint,
        .undefinedAtPoint, .notSmoothAtPoint, .kinkUndecided, .pointContradictsAssumption, .pointAssumptionUndecided,
        .checkOutsideAssumptions, .unboundSymbols,
        .matrixCalculus:
        report(message: error.message, line: line, source: nil, range: nil, hint: nil)
      }
      return ExitCode(error)
    }
  }

  /// The status of an answered input, with notes: a failed check or Newton run is a
  /// mathematical failure; an inverse notes where it does not exist.
  private func verdict(_ answer: Answer, formatter: AnswerFormatter, prefix: String) -> ExitCode {
    if case .newton(let run) = answer.value, let failure = AnswerFormatter.failure(run, command: answer.command) {
      err("error: \(prefix)\(failure)\n")
      return .mathError
    }
    if let check = answer.check, !check.passed {
      let n = check.entries.filter { !$0.agrees }.count
      err("error: \(prefix)--check: \(n) \(n == 1 ? "entry disagrees" : "entries disagree") with finite differences\n")
      return .mathError
    }
    if case .matrixForm(let form) = answer.value, let check = form.check, !check.passed {
      err("error: \(prefix)--check: the matrix form disagrees with the expansion\n")
      return .mathError
    }
    if answer.simplificationCut {
      err("note: \(prefix)simplification stopped at its work budget; the result is exact but may not be shortest\n")
    }
    let count = answer.kinks.count + answer.matrixKinks.count
    if count > 0 {
      // Only the calls shown are printed (a big Jacobian may sit on many kinks).
      let shown = answer.kinks.prefix(3).map { formatter.textEntry($0, answer) } + answer.matrixKinks.prefix(3)
      let calls = shown.prefix(3).joined(separator: ", ")
      let more = count > 3 ? " and \(count - 3) more" : ""
      err(
        "note: \(prefix)the point is on a kink or jump of \(calls)\(more); the derivative there is a convention (docs/rules.md)\n"
      )
    }
    if let implicit = answer.implicit, !engine.pool.freeSymbols([implicit.condition]).isEmpty,
      invocation.style.format != .json
    {
      err("note: \(prefix)\(formatter.implicitNote(implicit, answer))\n")
    }
    if let implicit = answer.implicit, let (i, value) = implicit.offCurve, invocation.style.format != .json {
      let name = implicit.dependent.count > 1 ? "F\(i + 1)" : "F"
      err(
        "note: \(prefix)the point is not on the curve: \(name) = \(formatter.textEntry(value, answer)) there, not 0\n")
    }
    if let note = AnswerFormatter.determinantNote(answer), invocation.style.format != .json {
      err("note: \(prefix)\(note)\n")
    }
    // A constant det J (444*sqrt(2) - 588) is not 0 anywhere: the inverse exists everywhere.
    if let det = answer.determinant, !engine.pool.freeSymbols([det]).isEmpty, invocation.style.format != .json {
      err("note: \(prefix)the inverse does not exist where det J = \(formatter.textEntry(det, answer)) = 0\n")
    }
    return .success
  }

  /// Bytes of the notes ``verdict(_:formatter:prefix:)`` writes beside an answer: the inverse's
  /// det J is as long as an entry.
  private func noteBytes(_ answer: Answer, _ output: AnswerOutput) -> Int {
    guard let det = answer.determinant, !engine.pool.isNumber(det), invocation.style.format != .json else { return 0 }
    return output.text.of(det).bytes + 128
  }

  /// The formatter for one answer: the command line's output style, and the answer itself.
  private func formatter(for answer: Answer) -> AnswerFormatter {
    var f = AnswerFormatter(pool: engine.pool, style: invocation.style)
    f.distinguishSymbols(of: answer)
    f.batch = batch
    return f
  }

  /// The `--stats` line: compute time by phase, pool size, output size.
  func statistics() -> String {
    func ms(_ d: Duration) -> String {
      let (seconds, attoseconds) = d.components
      let micro = Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
      let fraction = String(micro % 1000)
      return "\(micro / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
    let t = retired + engine.timings
    return "stats: \(inputs) \(inputs == 1 ? "input" : "inputs"); parse \(ms(t.parse)), "
      + "differentiate \(ms(t.differentiate)), simplify \(ms(t.simplify)) (\(engine.simplifier.spent) units), "
      + "print \(ms(printing)); "
      + "compute \(ms(t.total + printing)); \(engine.pool.count) nodes; \(outputBytes) bytes of output\n"
  }

  private func isMultiLine(_ answer: Answer) -> Bool {
    if case .matrix = answer.value { return true }
    if case .labelled = answer.value { return true }
    return false
  }

  private func report(message: String, line: Int?, source: String?, range: SourceRange?, hint: String?) {
    err(Diagnostic.render(message: message, line: line, source: source, range: range, hint: hint))
    if invocation.style.format == .json {
      let column = range.flatMap { r in source.map { SourceLocation.column(of: r.start, in: $0) } }
      out(AnswerFormatter.jsonError(message, line: line, column: column) + "\n")
    }
  }

  private func worse(_ a: ExitCode, _ b: ExitCode) -> ExitCode {
    func rank(_ c: ExitCode) -> Int {
      switch c {
      case .success: return 0
      case .mathError: return 1
      case .limit: return 2
      case .dataError: return 3
      case .usage: return 4
      case .ioError: return 5
      }
    }
    return rank(b) > rank(a) ? b : a
  }
}
