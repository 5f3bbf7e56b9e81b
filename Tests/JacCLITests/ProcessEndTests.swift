import JacCore
import Testing

@testable import JacCLI

/// How a run ends (docs/architecture.md, "Ending the process"): `JacCommand.run` calls its
/// `finished` hook once, with the status it returns, after everything it writes, so the process
/// can exit there without freeing its engine; in-process callers that leave it out lose nothing.
@Suite struct ProcessEndTests {
  /// What one run wrote, in order, with `finished`'s call among it.
  final class Events {
    var items: [String] = []
  }

  static func run(_ arguments: [String], stdin: [String] = []) -> (status: ExitCode, events: [String]) {
    let events = Events()
    var lines = stdin.makeIterator()
    let status = JacCommand.run(
      arguments, nextLine: { lines.next().map { .text($0) } }, out: { events.items.append("out " + $0) },
      err: { events.items.append("err " + $0) }, finished: { events.items.append("finished \($0)") })
    return (status, events.items)
  }

  /// Answers, errors, notes, `--stats`, help, version and usage errors: `finished` comes last,
  /// once, with the returned status.
  @Test(arguments: [
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], [String]()),
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--stats", "--latex", "--standalone"], []),
    (["grad", "x, y"], []),
    (["simplify", "sin(x"], []),
    (["det", "x*y", "--vars", "x,y"], []),
    (["--vars", "x,y"], ["x^2*y, x+y", "sin(", "x*y"]),
    (["--help"], []),
    (["--version"], []),
    (["--varz", "x"], []),
  ])
  func finishedComesLastOnce(arguments: [String], stdin: [String]) {
    let (status, events) = Self.run(arguments, stdin: stdin)
    #expect(events.filter { $0.hasPrefix("finished") } == ["finished \(status)"], "\(arguments)")
    #expect(events.last == "finished \(status)", "\(arguments)")
    #expect(events.count > 1, "\(arguments): something was written before")
  }

  /// The hook changes nothing a run writes or returns.
  @Test func sameOutputWithAndWithoutTheHook() {
    for arguments in [["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], ["simplify", "sin(x"], ["--varz", "x"]] {
      var plain: [String] = []
      let status = JacCommand.run(
        arguments, nextLine: { nil }, out: { plain.append("out " + $0) }, err: { plain.append("err " + $0) })
      let hooked = Self.run(arguments)
      #expect(hooked.status == status)
      #expect(Array(hooked.events.dropLast()) == plain)
    }
  }
}

/// Padding is made from bytes (issue 20: the table made by `String(repeating:count:)` was half of
/// a short run's instructions); it is still exactly `n` spaces, through the table, across its
/// end and in 64 KiB blocks, written and counted alike.
@Suite struct PaddingTests {
  @Test(arguments: [0, 1, 2, 63, 64, 65, 1 << 16, (1 << 16) + 1, 140_000])
  func writesExactlyThatManySpaces(n: Int) {
    let pool = ExpressionPool()
    let output = AnswerOutput(text: TextPrinter(pool: pool), latex: LatexPrinter(pool: pool))
    output.writeSpaces(n)
    #expect(output.bytes == n)
    var written = ""
    output.startWriting { written += $0 }
    output.writeSpaces(n)
    #expect(written == String(repeating: " ", count: n))
    #expect(output.bytes == n)
  }
}
