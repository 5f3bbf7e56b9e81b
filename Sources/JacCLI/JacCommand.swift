import JacCore

/// The `jac` command: scans arguments, answers each input, reports errors, returns the exit
/// status. It writes only through the closures it is given, so tests can run it in-process and
/// `main.swift` can hand it real file descriptors.
public enum JacCommand {
  public typealias Write = (String) -> Void

  /// Runs jac. `nextLine` yields standard input one line at a time (``LineReader``).
  /// `terminal`: standard output is a terminal, so the default format is `unicode`.
  /// `finished`: called once, with the status `run` returns, after the last output and while the
  /// run's engine is still alive. The process ends there (``StandardStreams/runProcess()``), so
  /// that it does not free an arena no one will use again (docs/architecture.md, "Ending the
  /// process"); in-process callers (tests) leave it out and everything is freed as usual.
  /// `mainThread`: the caller runs on the process's main thread (``StandardStreams/runProcess()``),
  /// whose stack `ulimit -s` sets; a small run is then answered on it, without starting the
  /// ``DeepStack`` thread (``Invocation/fitsOrdinaryStack(argumentBytes:)``).
  public static func run(
    _ arguments: [String], nextLine: @escaping () -> InputLine?, out: @escaping Write, err: @escaping Write,
    terminal: Bool = false, mainThread: Bool = false, finished: @escaping (ExitCode) -> Void = { _ in }
  ) -> ExitCode {
    var invocation: Invocation
    do {
      invocation = try ArgumentScanner.scan(arguments)
    } catch {
      err(Diagnostic.usage(error, usage: HelpText.usage(error.command)))
      finished(.usage)
      return .usage
    }
    if terminal && !invocation.style.formatGiven && !invocation.style.compact { invocation.style.format = .unicode }
    if invocation.help {
      out(HelpText.text(invocation.commandNamed ? invocation.command : nil))
      finished(.success)
      return .success
    }
    if invocation.version {
      out(HelpText.version + "\n")
      finished(.success)
      return .success
    }
    let answer = { () -> ExitCode in
      let session = Session(invocation: invocation, out: out, err: err)
      if invocation.style.standalone { out(AnswerFormatter.documentStart) }
      let status =
        invocation.inputs.isEmpty ? session.answerLines(nextLine) : session.answer(invocation.inputs, line: nil)
      if invocation.style.standalone { out(AnswerFormatter.documentEnd) }
      if invocation.stats { err(session.statistics()) }
      // The session (its engine's pool and memos) is released only after `finished` returns.
      withExtendedLifetime(session) { finished(status) }
      return status
    }
    let bytes = arguments.reduce(0) { $0 + $1.utf8.count }
    let small = mainThread && invocation.fitsOrdinaryStack(argumentBytes: bytes)
    return small && DeepStack.mainThreadHasOrdinaryStack ? answer() : DeepStack.run(answer)
  }
}
