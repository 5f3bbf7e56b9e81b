// libFuzzer target over the whole pipeline (built by `make fuzz`; see docs/reliability.md).
// The first byte of an input picks the command and output format (text, LaTeX with left sides,
// JSON with LaTeX, unsimplified, C, Python, unicode, steps, compact text, compact JSON); the
// rest is the input text, one input a line, as jac reads standard input. For every input that
// parses, each result entry must print as text, spaced and compact, that parses back to the
// same interned expression (the round trip), LaTeX and JSON printing must not trap, and the
// pool must keep every invariant listed on ExpressionPool (checkInvariants). Any
// trap, sanitizer report, hang (-timeout) or memory blow-up (-rss_limit_mb) is a finding; each
// one found becomes a regression test.
import JacCLI
import JacCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let selector = bytes.first else { return 0 }
  let lines = bytes.dropFirst().split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
  let commands = Request.Command.allCases.filter { $0 != .newton }
  let command = commands[Int(selector) % commands.count]
  let formats = [
    [], ["--latex", "--lhs"], ["--format", "json", "--with-latex"], ["--no-simplify"], ["--format", "c"],
    ["--format", "python"], ["--format", "unicode"], ["--steps"],
  ]
  // The high four bits pick one of 16: the eight above twice, except that 8 and 9 are compact
  // text and compact JSON (older corpus units keep their format otherwise).
  let high = Int(selector >> 4)
  let format = high == 8 ? ["--compact"] : high == 9 ? ["--compact", "--json"] : formats[high % formats.count]
  var arguments = [command.rawValue] + format
  if command == .diff { arguments += ["--vars", "x,y"] }
  // One deep-stack thread per input: JacCommand.run's own DeepStack.run runs inline on it.
  DeepStack.run {
    roundTrip(lines, command: command)
    // Through the line reader, as standard input is read (CR, CRLF, a byte-order mark; chunks
    // of 7 bytes so lines cross chunk boundaries).
    _ = JacCommand.run(
      arguments, nextLine: InputLine.lines(of: Array(bytes.dropFirst()), chunk: 7), out: { _ in }, err: { _ in })
  }
  return 0
}

/// Parses each line, runs the command, and checks that every entry survives print → parse;
/// then checks the pool's invariants.
func roundTrip(_ lines: [[UInt8]], command: Request.Command) {
  let engine = Engine()
  let pool = engine.pool
  let text = TextPrinter(pool: pool)
  let compact = TextPrinter(pool: pool, style: .compact)
  let latex = LatexPrinter(pool: pool)
  for line in lines {
    let input = String(decoding: line, as: UTF8.self)
    var request = Request(command: command, inputs: [input])
    if command == .diff { request.along = ["x"] }
    guard let answer = try? engine.run(request) else { continue }
    for entry in answer.value.expressions {
      _ = latex.string(entry)
      for printer in [text, compact] {
        let printed = printer.string(entry)
        _ = JSONText.string(printed)
        // Read back as a new input would be: with the pool's per-request number budget fresh.
        pool.numberWork = 0
        pool.numberTooLarge = false
        let back: Expr
        do {
          back = try Parser.parseExpression(printed, in: pool)
        } catch {
          fatalError("printed result does not parse: \(printed) (from \(input)): \(error.message.text)")
        }
        if back != entry {
          fatalError("round trip changed the expression: \(printed) → \(text.string(back)) (from \(input))")
        }
      }
    }
  }
  do {
    try pool.checkInvariants()
  } catch {
    fatalError("expression pool invariant broken: \(error) (from \(lines.count) lines)")
  }
}
