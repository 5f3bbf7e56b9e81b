import JacCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of standard input as ``LineReader`` delivers it.
public enum InputLine: Equatable, Sendable {
  /// A line of UTF-8, without its terminator.
  case text(String)
  /// A line that is not UTF-8: as shown (each bad sequence replaced by U+FFFD) and the byte
  /// offset of its first invalid byte.
  case invalidUTF8(shown: String, offset: Int)
  /// A line of this many bytes, longer than the limit; its bytes were not kept.
  case tooLong(bytes: Int)
  /// More than this many bytes without a line end; nothing after it is read.
  case endless(bytes: Int)

  /// The line of `bytes`, made into a `String` with one copy of its bytes. (Not
  /// `String(validating:as:)`: generic, it cost about 1,100 instructions for a 45-byte line.)
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    if let bad = UTF8Validation.firstInvalidOffset(bytes) {
      self = .invalidUTF8(shown: String(decoding: bytes, as: UTF8.self), offset: bad)
      return
    }
    self = .text(
      String(unsafeUninitializedCapacity: bytes.count) { text in
        UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(bytes))
        return bytes.count
      })
  }

  /// The lines of `bytes` as standard input would give them, read in chunks of `chunk` bytes
  /// (for tests and the fuzzer).
  public static func lines(of bytes: [UInt8], chunk: Int = 1 << 16, limit: Int = Limits.inputBytes) -> () -> InputLine?
  {
    var position = 0
    var reader = LineReader(limit: limit, skipLimit: limit) { buffer in
      let n = min(chunk, buffer.count, bytes.count - position)
      bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<position + n])) }
      position += n
      return n
    }
    return { reader.next() }
  }
}

/// Splits standard input into lines without ever holding more than one line's limit: a line ends
/// at `\n`, `\r\n` or a lone `\r`; a UTF-8 byte-order mark at the very start is dropped; a line
/// longer than ``Limits/inputBytes`` is counted and skipped, not kept, and an input that runs on
/// past ``skipLimit`` more bytes without a line end (`jac < /dev/zero`) ends the reading.
///
/// Bytes are read into one buffer and each line is copied once, from the buffer into its
/// `String` (issue 20: a line was copied from the buffer into an array, then into a `String`,
/// then into the lexer's array). A line that does not fit stays in the buffer, moved to its front
/// or the buffer doubled, until its end is read.
struct LineReader {
  typealias Line = InputLine

  /// Reads into the buffer it is given and returns the count read: 0 at the end of the input, a
  /// negative number on a read error (the reader stops either way).
  typealias Read = (UnsafeMutableRawBufferPointer) -> Int

  private let read: Read
  let limit: Int
  /// Bytes of a too-long line skipped while looking for its end before reading stops.
  let skipLimit: Int
  /// The bytes read and not yet delivered are `buffer[start..<filled]`, and no line end is in
  /// `buffer[start..<scanned]`.
  private let buffer = ReadBuffer()
  private var start = 0
  private var scanned = 0
  private var filled = 0
  private var ended = false
  private var afterCarriageReturn = false
  private var firstLine = true

  init(limit: Int = Limits.inputBytes, skipLimit: Int = 256 << 20, read: @escaping Read) {
    self.limit = limit
    self.skipLimit = skipLimit
    self.read = read
  }

  /// The next line; nil at the end of the input.
  mutating func next() -> Line? {
    if afterCarriageReturn {
      afterCarriageReturn = false
      if start == filled && !ended { fill() }
      if start < filled && buffer[start] == 10 { (start, scanned) = (start + 1, max(scanned, start + 1)) }
    }
    while true {
      let end = Self.lineEnd(buffer.bytes(filled), from: scanned, to: filled)
      if end < filled {
        afterCarriageReturn = buffer[end] == 13
        defer { delivered(to: end + 1) }
        return line(to: end)
      }
      scanned = filled
      if filled - start > limit { return skipLongLine() }
      if ended {
        guard start < filled else { return nil }
        defer { start = filled }
        return line(to: filled)
      }
      fill()
    }
  }

  /// Moves past a line delivered up to `end`; a buffer that a long line grew is given back once
  /// nothing read is left in it, so that the memory is the rest of the run's to use.
  private mutating func delivered(to end: Int) {
    (start, scanned) = (end, end)
    if start == filled && buffer.capacity > 1 << 16 {
      buffer.release()
      (start, scanned, filled) = (0, 0, 0)
    }
  }

  /// Reads more after `filled`. When the buffer is full, the line begun at `start` first moves to
  /// its front, or, if it fills the whole buffer, the buffer doubles.
  private mutating func fill() {
    if filled == buffer.capacity {
      let (from, count) = (start, filled - start)
      if from > 0 {
        UnsafeMutableRawPointer(buffer.base!).copyMemory(from: buffer.base! + from, byteCount: count)
      } else {
        buffer.grow()
      }
      (filled, scanned, start) = (count, scanned - from, 0)
    }
    let n = read(UnsafeMutableRawBufferPointer(start: buffer.base! + filled, count: buffer.capacity - filled))
    if n > 0 { filled += n } else { ended = true }
  }

  /// A line longer than the limit, from `start`: its bytes are counted up to its end, not kept;
  /// after ``skipLimit`` more bytes without an end, reading stops.
  private mutating func skipLongLine() -> Line {
    var count = filled - start
    firstLine = false
    buffer.release()
    while true {
      (start, scanned, filled) = (0, 0, 0)
      if count > limit + skipLimit {
        ended = true
        return .endless(bytes: count)
      }
      if ended { return .tooLong(bytes: count) }
      fill()
      let end = Self.lineEnd(buffer.bytes(filled), from: 0, to: filled)
      if end < filled {
        afterCarriageReturn = buffer[end] == 13
        (start, scanned) = (end + 1, end + 1)
        return .tooLong(bytes: count + end)
      }
      count += filled
    }
  }

  /// The line `buffer[start..<end]`: too long, or its text (without a byte-order mark on the first).
  private mutating func line(to end: Int) -> Line {
    defer { firstLine = false }
    if end - start > limit { return .tooLong(bytes: end - start) }
    let all = buffer.bytes(end)
    let bom = firstLine && end - start >= 3 && all[start] == 0xEF && all[start + 1] == 0xBB && all[start + 2] == 0xBF
    return Line(UnsafeBufferPointer(rebasing: all[(bom ? start + 3 : start)..<end]))
  }

  /// The first `\n` or `\r` in `bytes[from..<to]`, else `to`: the C library's `memchr`, which
  /// reads many bytes an instruction (a word-at-a-time search took 3 instructions a byte), over
  /// windows that double from 64 bytes, so that finding a line's end reads about twice its
  /// length (one `\n` search over all of the rest made lines ending in a lone `\r` quadratic).
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    guard from < to, let base = bytes.baseAddress else { return to }
    var low = from
    var width = 64
    while low < to {
      let high = min(to, low + width)
      let first = UnsafeRawPointer(base + low)
      var end = high
      if let p = memchr(first, 10, high - low) { end = low + first.distance(to: UnsafeRawPointer(p)) }
      if end > low, let p = memchr(first, 13, end - low) { end = low + first.distance(to: UnsafeRawPointer(p)) }
      if end < high { return end }
      (low, width) = (high, 2 * width)
    }
    return to
  }
}

/// The line reader's bytes, from `malloc`: allocated on the first read (64 KiB, not zeroed: a
/// command line that reads no input never touches its pages; issue 20), doubled with `realloc`
/// when a line fills them, which moves a large block by remapping its pages instead of copying
/// them (a 5.75 MB line was copied into each of its doubled arrays: 8 MB, 2,000 page faults).
private final class ReadBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>?
  private(set) var capacity = 0

  /// The first `count` bytes.
  func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  subscript(i: Int) -> UInt8 { base![i] }

  /// Twice the room (64 KiB at first), the bytes kept.
  func grow() {
    let bigger = capacity == 0 ? 1 << 16 : 2 * capacity
    guard let moved = realloc(base, bigger) else { fatalError("out of memory reading the input") }
    (base, capacity) = (moved.assumingMemoryBound(to: UInt8.self), bigger)
  }

  /// Gives the bytes back (the next read allocates them again).
  func release() {
    free(base)
    (base, capacity) = (nil, 0)
  }

  deinit { free(base) }
}
