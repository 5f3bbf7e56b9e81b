import JacCore

/// The `jac` command: scans arguments, answers each input, reports errors, returns the exit
/// status. It writes only through the closures it is given, so tests can run it in-process and
/// `main.swift` can hand it real file descriptors.
public enum JacCommand {
  public typealias Write = (String) -> Void

  /// Runs jac. `nextLine` yields standard input one line at a time (``LineReader``).
  /// `terminal`: standard output is a terminal, so the default format is `unicode`.
  public static func run(
    _ arguments: [String], nextLine: @escaping () -> InputLine?, out: @escaping Write, err: @escaping Write,
    terminal: Bool = false
  ) -> ExitCode {
    var invocation: Invocation
    do {
      invocation = try ArgumentScanner.scan(arguments)
    } catch {
      err(Diagnostic.usage(error, usage: HelpText.usage(error.command)))
      return .usage
    }
    if terminal && !invocation.style.formatGiven && !invocation.style.compact { invocation.style.format = .unicode }
    if invocation.help {
      out(HelpText.text(invocation.commandNamed ? invocation.command : nil))
      return .success
    }
    if invocation.version {
      out(HelpText.version + "\n")
      return .success
    }
    return DeepStack.run {
      let session = Session(invocation: invocation, out: out, err: err)
      if invocation.style.standalone { out(AnswerFormatter.documentStart) }
      let status =
        invocation.inputs.isEmpty ? session.answerLines(nextLine) : session.answer(invocation.inputs, line: nil)
      if invocation.style.standalone { out(AnswerFormatter.documentEnd) }
      if invocation.stats { err(session.statistics()) }
      return status
    }
  }
}
