import JacCore

/// One line of standard input as ``LineReader`` delivers it.
public enum InputLine: Equatable, Sendable {
  /// A line, without its terminator.
  case text([UInt8])
  /// A line of this many bytes, longer than the limit; its bytes were not kept.
  case tooLong(bytes: Int)
  /// More than this many bytes without a line end; nothing after it is read.
  case endless(bytes: Int)

  /// The lines of `bytes` as standard input would give them, read in chunks of `chunk` bytes
  /// (for tests and the fuzzer).
  public static func lines(of bytes: [UInt8], chunk: Int = 1 << 16, limit: Int = Limits.inputBytes) -> () -> InputLine?
  {
    var position = 0
    var reader = LineReader(limit: limit, skipLimit: limit) { buffer in
      let n = min(chunk, buffer.count, bytes.count - position)
      for k in 0..<n { buffer[k] = bytes[position + k] }
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
struct LineReader {
  typealias Line = InputLine

  /// Fills the buffer it is given and returns the count read: 0 at the end of the input, a
  /// negative number on a read error (the reader stops either way).
  typealias Read = (inout [UInt8]) -> Int

  private let read: Read
  let limit: Int
  /// Bytes of a too-long line skipped while looking for its end before reading stops.
  let skipLimit: Int
  /// Allocated on the first read: a command line that reads no input never zeroes its 64 KiB
  /// (16 pages, a tenth of start-up; issue 20).
  private var chunk: [UInt8] = []
  private var offset = 0
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
    var line: [UInt8] = []
    var count = 0
    var started = false
    while true {
      if offset == filled {
        if ended { return started ? finish(line, count) : nil }
        if chunk.isEmpty { chunk = Self.buffer() }
        filled = read(&chunk)
        offset = 0
        if filled <= 0 {
          filled = 0
          ended = true
        }
        continue
      }
      if afterCarriageReturn {
        afterCarriageReturn = false
        if chunk[offset] == 10 {
          offset += 1
          continue
        }
      }
      started = true
      let end = chunk.withUnsafeBufferPointer { Self.lineEnd($0, from: offset, to: filled) }
      let piece = end - offset
      if count <= limit { line.append(contentsOf: chunk[offset..<min(end, offset + limit + 1 - count)]) }
      count += piece
      if end < filled {
        afterCarriageReturn = chunk[end] == 13
        offset = end + 1
        return finish(line, count)
      }
      offset = filled
      if count > limit + skipLimit {
        ended = true
        (offset, filled) = (0, 0)
        return .endless(bytes: count)
      }
    }
  }

  /// The 64 KiB read buffer, not zeroed: only the bytes a read fills are ever looked at, and a
  /// short input then touches only the pages it fills (zeroing it first touched all 16).
  private static func buffer() -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 1 << 16) { _, count in count = 1 << 16 }
  }

  /// The first `\n` or `\r` in `bytes[from..<to]`, else `to`. Eight bytes at a time: a word
  /// holds neither when no byte of it XOR 0x0A nor XOR 0x0D is zero (the zero-byte test
  /// (v − 0x01…01) & ~v & 0x80…80 is exact about whether there is one); the word that holds one
  /// is searched byte by byte. A megabyte line took 8 instructions a byte one byte at a time.
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    var i = from
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
      while i + 8 <= to {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if hasZeroByte(w ^ (ones &* 10)) || hasZeroByte(w ^ (ones &* 13)) { break }
        i += 8
      }
    }
    while i < to && bytes[i] != 10 && bytes[i] != 13 { i += 1 }
    return i
  }

  private mutating func finish(_ line: [UInt8], _ count: Int) -> Line {
    defer { firstLine = false }
    if count > limit { return .tooLong(bytes: count) }
    if firstLine && line.starts(with: [0xEF, 0xBB, 0xBF]) { return .text(Array(line.dropFirst(3))) }
    return .text(line)
  }
}
