#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// File-descriptor I/O without Foundation (it costs ≈ 3 ms of start-up; see TOOLCHAIN.md).
public final class StandardStreams {
  private var buffer: [UInt8] = []
  private var lines: LineReader
  /// The error that ended reading standard input (`errno`), if one did.
  var readFailure: Int32? { failure.code }
  private let failure: ReadFailure
  /// Standard output is a terminal.
  let terminal: Bool
  /// Flush after every write when a person is watching (stdout or stdin is a terminal).
  private let interactive: Bool

  /// Where the reader leaves the error that ended it. A box of its own, so that the reader's
  /// closure need not capture the streams before they exist (`lines` was an implicitly
  /// unwrapped `LineReader!`, whose generic `Optional` metadata cost start-up time; issue 20).
  private final class ReadFailure {
    var code: Int32?
  }

  public init() {
    terminal = isatty(STDOUT_FILENO) != 0
    interactive = terminal || isatty(STDIN_FILENO) != 0
    let failure = ReadFailure()
    self.failure = failure
    lines = LineReader { buffer in
      while true {
        let n = read(STDIN_FILENO, buffer.baseAddress, buffer.count)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure.code = errno }
        return n
      }
    }
  }

  /// The next line of standard input (``LineReader``); nil at its end or on a read error.
  public func nextLine() -> InputLine? { lines.next() }

  public func writeOut(_ s: String) {
    if s.utf8.count >= 1 << 16 {
      // A big answer goes out from its own storage, not copied into the buffer first.
      flush()
      var s = s
      s.withUTF8 { Self.writeAll(STDOUT_FILENO, $0) }
      return
    }
    buffer.append(contentsOf: s.utf8)
    if interactive || buffer.count >= 1 << 16 { flush() }
  }

  public func writeErr(_ s: String) {
    flush()
    Self.writeAll(STDERR_FILENO, Array(s.utf8))
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    Self.writeAll(STDOUT_FILENO, buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
  }

  private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    var offset = 0
    while offset < bytes.count {
      let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      // The reader is gone (`jac … | head -1` with SIGPIPE ignored): stop quietly, with the
      // status a SIGPIPE death gives (128 + 13), instead of answering the rest for no one.
      if n < 0 && errno == EPIPE { exit(141) }
      // Anything else (a full disk, a closed descriptor) loses the answer: say so, exit 74.
      if n <= 0 {
        if fd == STDOUT_FILENO { fail("cannot write to standard output", n < 0 ? errno : EIO) }
        return
      }
      offset += n
    }
  }

  /// Runs jac on the process's arguments and streams, and ends the process with its status as
  /// soon as the last answer is out: on the engine's thread, before the engine, its arena and the
  /// thread's stack are freed (docs/architecture.md, "Ending the process").
  public static func runProcess() -> Never {
    let streams = StandardStreams()
    let code = JacCommand.run(
      Array(CommandLine.arguments.dropFirst()), nextLine: streams.nextLine, out: streams.writeOut,
      err: streams.writeErr,
      terminal: streams.terminal, mainThread: true, finished: { streams.end($0) })
    streams.end(code)  // not reached: `finished` ends the process
  }

  /// Flushes standard output, then exits with `code` (74 if reading standard input failed).
  private func end(_ code: ExitCode) -> Never {
    flush()
    if let failure = readFailure { Self.fail("cannot read standard input", failure) }
    exit(code.rawValue)
  }

  /// `error: <what>: <the system's reason>` on standard error, then exit 74 (`EX_IOERR`).
  private static func fail(_ what: String, _ code: Int32) -> Never {
    let reason = String(cString: strerror(code))
    writeAll(STDERR_FILENO, Array("error: \(what): \(reason)\n".utf8))
    exit(ExitCode.ioError.rawValue)
  }
}
