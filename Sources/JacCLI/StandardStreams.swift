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
  private var pending: [UInt8] = []
  private var inputOffset = 0
  /// `pending[..<scanned]` holds no newline after `inputOffset`.
  private var scanned = 0
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private var inputDone = false
  /// Flush after every write when a person is watching (stdout or stdin is a terminal).
  private let interactive = isatty(STDOUT_FILENO) != 0 || isatty(STDIN_FILENO) != 0

  public init() {}

  /// The next line of standard input, without its `\n`; nil at end of input.
  public func nextLine() -> [UInt8]? {
    while true {
      // Search only bytes not searched before, so a line longer than a chunk costs linear time.
      if let newline = pending[max(inputOffset, scanned)...].firstIndex(of: 10) {
        let line = Array(pending[inputOffset..<newline])
        inputOffset = newline + 1
        scanned = inputOffset
        return line
      }
      scanned = pending.count
      if inputDone {
        guard inputOffset < pending.count else { return nil }
        let line = Array(pending[inputOffset...])
        inputOffset = pending.count
        return line
      }
      pending.removeFirst(inputOffset)
      scanned -= inputOffset
      inputOffset = 0
      let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if n > 0 {
        pending.append(contentsOf: chunk[0..<n])
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        inputDone = true
      }
    }
  }

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
      guard n > 0 else { return }
      offset += n
    }
  }

  /// Runs jac on the process's arguments and streams; returns the exit status.
  public static func runProcess() -> Int32 {
    let streams = StandardStreams()
    let code = JacCommand.run(
      Array(CommandLine.arguments.dropFirst()), nextLine: streams.nextLine, out: streams.writeOut,
      err: streams.writeErr,
      terminal: isatty(STDOUT_FILENO) != 0)
    streams.flush()
    return code.rawValue
  }
}
