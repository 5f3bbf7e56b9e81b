import Testing

@testable import JacCLI

/// An input without a line end is reported with the byte count session 11
/// reported, whatever the size of the reads (`jac < /dev/zero`: 335,609,856 bytes in session 11,
/// 402,653,184 after lex-fast, whose skipping reads fill the whole grown buffer).
@Suite struct EndlessLineCountTests {
  @Test func endlessCountDoesNotDependOnTheGrownBuffer() {
    // Reads as large as asked (a regular file, /dev/zero); limit 150,000, so the buffer grows
    // past 64 KiB before the line is found too long. Session 11 counted 64 KiB reads: 327,680.
    let text = Array(repeating: UInt8(ascii: "x"), count: 1_000_000)
    var next = InputLine.lines(of: text, chunk: 1 << 30, limit: 150_000)
    let first = next()
    #expect(first == .endless(bytes: 327_680), "\(String(describing: first))")
  }
}
