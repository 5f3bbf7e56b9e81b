/// Finds the first byte that is not part of valid UTF-8 (RFC 3629: no overlongs, no
/// surrogates, nothing above U+10FFFF).
enum UTF8Validation {
  /// ASCII is passed 32 bytes at a time (four words with no byte ≥ 0x80 between them), then
  /// eight; other bytes one sequence at a time. A megabyte line of ASCII took 10 instructions a
  /// byte byte by byte, 1.25 eight bytes at a time.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
  }

  static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = buffer.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    let n = buffer.count
    var i = 0
    let high: UInt64 = 0x8080_8080_8080_8080
    func word(_ k: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) }
    while i + 32 <= n && (word(i) | word(i + 8) | word(i + 16) | word(i + 24)) & high == 0 { i += 32 }
    while i < n {
      if i + 8 <= n && word(i) & high == 0 {
        i += 8
        continue
      }
      guard let length = sequenceLength(buffer, at: i) else { return i }
      i += length
    }
    return nil
  }

  /// The length of the valid sequence that starts at `i`, or nil if none does.
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    let b = bytes[i]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return nil
    }
    guard i + length <= bytes.count else { return nil }
    for k in 1..<length {
      let c = bytes[i + k]
      let (lo, hi): (UInt8, UInt8) = k == 1 ? (low, high) : (0x80, 0xBF)
      if c < lo || c > hi { return nil }
    }
    return length
  }
}
