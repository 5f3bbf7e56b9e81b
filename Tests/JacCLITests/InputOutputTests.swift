import Foundation
import JacCore
import Testing

@testable import JacCLI

/// Issue 15's first part: nothing read or written is lost without a word. Lines end at `\n`,
/// `\r\n` or `\r`; a byte-order mark is dropped; an overlong line is skipped without being held;
/// a failed read or write is an error with status 74.
@Suite struct InputOutputTests {
  static func lines(_ text: [UInt8], chunk: Int, limit: Int = 1 << 20) -> [InputLine] {
    let next = InputLine.lines(of: text, chunk: chunk, limit: limit)
    var result: [InputLine] = []
    while let line = next() { result.append(line) }
    return result
  }

  static func text(_ s: String) -> InputLine { .text(s) }

  @Test(arguments: [1, 2, 3, 7, 1 << 16])
  func lineEndsInEveryChunking(_ chunk: Int) {
    let input = Array("a\nb\r\nc\rd\n\ne\r\r\nf".utf8)
    #expect(Self.lines(input, chunk: chunk) == ["a", "b", "c", "d", "", "e", "", "f"].map(Self.text))
    #expect(
      Self.lines([0xEF, 0xBB, 0xBF] + Array("x*y\n\u{FEFF}z".utf8), chunk: chunk)
        == [Self.text("x*y"), Self.text("\u{FEFF}z")])
    #expect(Self.lines(Array("x\r".utf8), chunk: chunk) == [Self.text("x")])
    #expect(Self.lines([], chunk: chunk).isEmpty)
  }

  /// A line end is found wherever it falls against the eight-byte words a line is searched in.
  @Test(arguments: [5, 1 << 16])
  func lineEndsAtEveryOffset(_ chunk: Int) {
    for length in 0..<20 {
      let line = String(repeating: "x", count: length)
      for end in ["\n", "\r\n", "\r"] {
        let input = Array((line + end + "y" + line + end + "z" + line).utf8)
        #expect(Self.lines(input, chunk: chunk) == [line, "y" + line, "z" + line].map(Self.text))
      }
    }
  }

  /// The first byte that is not UTF-8 is found wherever it falls against the eight-byte words
  /// ASCII is read in; valid sequences after ASCII pass.
  @Test func invalidUTF8AtEveryOffset() {
    for length in 0..<70 {
      let ascii = Array(repeating: UInt8(ascii: "a"), count: length)
      #expect(UTF8Validation.firstInvalidOffset(ascii) == nil)
      #expect(UTF8Validation.firstInvalidOffset(ascii + [0xFF] + ascii) == length)
      #expect(UTF8Validation.firstInvalidOffset(ascii + Array("é€😀".utf8) + ascii) == nil)
      #expect(UTF8Validation.firstInvalidOffset(ascii + [0xE2, 0x82]) == length)
      // A surrogate (ED A0 80) after ASCII, a two-byte letter and ASCII again.
      let surrogate = ascii + Array("é".utf8) + ascii + [0xED, 0xA0, 0x80]
      #expect(UTF8Validation.firstInvalidOffset(surrogate) == 2 * length + 2)
      #expect(UTF8Validation.firstInvalidOffset(ascii + [0xC0, 0x80]) == length)
    }
  }

  /// Lines longer than the read buffer (64 KiB) are gathered whole, whether they fill the
  /// buffer from its start (it doubles) or begin part-way (moved to its front).
  @Test(arguments: [1 << 16, 4096, 999])
  func longLinesAcrossTheBuffer(_ chunk: Int) {
    let lengths = [10, 70_000, 3, 140_000, 65_530, 65_536, 0, 200_000]
    let lines = lengths.enumerated().map { i, n in String(repeating: String(i % 10), count: n) }
    let input = Array(lines.joined(separator: "\r\n").utf8)
    #expect(Self.lines(input, chunk: chunk) == lines.map(Self.text))
  }

  /// A line that is not UTF-8 is delivered as shown (repaired), with its first bad byte's offset.
  @Test func invalidLinesCarryTheirOffset() {
    let input = Array("ok\nab".utf8) + [0xFF] + Array("c\nz".utf8)
    #expect(
      Self.lines(input, chunk: 2) == [Self.text("ok"), .invalidUTF8(shown: "ab\u{FFFD}c", offset: 2), Self.text("z")])
  }

  @Test(arguments: [1, 4, 1 << 16])
  func overlongLinesAreCountedNotKept(_ chunk: Int) {
    let input = Array("123456\nab\n12345\n".utf8)
    #expect(Self.lines(input, chunk: chunk, limit: 5) == [.tooLong(bytes: 6), Self.text("ab"), Self.text("12345")])
    let endless = Self.lines(Array(repeating: UInt8(ascii: "x"), count: 100), chunk: chunk, limit: 5)
    #expect(endless.count == 1)
    if case .endless(let bytes)? = endless.first { #expect(bytes > 10) } else { Issue.record("\(endless)") }
  }

  /// Runs `script` in a shell with `$JAC` set to the built binary.
  static func shell(_ script: String) throws -> (code: Int32, log: String) {
    let jac = ProcessRunner.executable.path
    return try ProcessRunner.tool(
      "/bin/sh", ["-c", "JAC='\(jac)'; " + script], in: FileManager.default.temporaryDirectory)
  }

  @Test func failedWritesAndReadsExit74() throws {
    let full = try Self.shell("\"$JAC\" 'x*y' > /dev/full")
    #expect(full.code == 74 && full.log == "error: cannot write to standard output: No space left on device\n")
    let batch = try Self.shell("seq 20000 | sed 's/.*/x*y/' | \"$JAC\" --vars x,y > /dev/full")
    #expect(batch.code == 74 && batch.log.hasPrefix("error: cannot write to standard output: No space left"))
    let closed = try Self.shell("\"$JAC\" 'x*y' >&-")
    #expect(closed.code == 74 && closed.log == "error: cannot write to standard output: Bad file descriptor\n")
    let directory = try Self.shell("\"$JAC\" < /tmp > /dev/null")
    #expect(directory.code == 74 && directory.log == "error: cannot read standard input: Is a directory\n")
    let noInput = try Self.shell("\"$JAC\" <&- > /dev/null")
    #expect(noInput.code == 74 && noInput.log == "error: cannot read standard input: Bad file descriptor\n")
  }

  @Test func carriageReturnsAndByteOrderMarkThroughTheBinary() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("x*y\rx + y\r\nx^2\r".utf8))
    let result = try ProcessRunner.run(["simplify"], stdinData: data)
    #expect(result.status == 0 && result.stdout == "x*y\nx + y\nx^2\n" && result.stderr.isEmpty)
  }

  /// Standard input that never ends a line is refused within bounded memory and time.
  @Test func endlessInputStops() throws {
    let result = try Self.shell("head -c 400000000 /dev/zero | \"$JAC\" simplify")
    #expect(result.code == 3)
    #expect(result.log.hasPrefix("error: line 1: input runs on for more than "))
  }

  /// Invisible and direction-changing characters are escaped in messages and echoed lines, with
  /// the caret under the escape; JSON never carries a raw U+2028.
  @Test func hiddenCharactersAreEscaped() throws {
    let override = try ProcessRunner.run(["x\u{202E}y"])
    #expect(override.stderr == "error: unexpected character 'U+202E'\n  x<U+202E>y\n   ^^^^^^^^\n")
    let space = try ProcessRunner.run(["x\u{00A0}+ sin(y"])
    #expect(space.stderr.hasPrefix("error: unexpected character 'U+00A0'\n  x<U+00A0>+ sin(y\n   ^^^^^^^^\n"))
    let late = try ProcessRunner.run(["sin(x\u{200B}) + (1"])
    #expect(late.stderr.hasPrefix("error: unexpected character 'U+200B'\n  sin(x<U+200B>) + (1\n       ^^^^^^^^\n"))
    let name = try ProcessRunner.run(["x", "--vars", "x\u{FEFF}"])
    #expect(name.stderr.hasPrefix("error: invalid variable name 'x<U+FEFF>' in '--vars'\n"))
    let json = try ProcessRunner.run(["--json"], stdin: "x\u{2028}y\n")
    #expect(json.stdout == "{\"error\":\"unexpected character 'U+2028'\",\"line\":1,\"column\":2}\n")
    #expect(JSONText.string("a\u{2028}b\u{2029}c\u{20AC}") == "\"a\\u2028b\\u2029c\u{20AC}\"")
    // A name the input writes is in the input, even where simplification removed it.
    let removed = try ProcessRunner.run(["simplify", "0*log(x)", "--at", "x=0"])
    #expect(removed.status == 0 && removed.stdout == "0\n")
  }
}
