/// Where a printer appends its text: a `String`, or bytes (``TextBytes``) that need no
/// grapheme-boundary checks at each append.
public protocol TextSink {
  mutating func append(_ s: String)
}

extension String: TextSink {}

/// UTF-8 bytes that printers append to: a big listing's lines are written into one buffer.
public struct TextBytes: TextSink {
  public var bytes: [UInt8] = []
  public init() {}
  public mutating func append(_ s: String) {
    if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) != nil { return }
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends one byte (an ASCII character: `UInt8(ascii: "(")`).
  @inlinable public mutating func append(byte: UInt8) { bytes.append(byte) }

  /// Appends a short piece of text (a sign: ` - `, `*`) a byte at a time: for a few bytes, less
  /// than a `String`'s append (its contiguous view, then the array's generic copy).
  @inlinable public mutating func append(piece: StaticString) {
    piece.withUTF8Buffer { for b in $0 { bytes.append(b) } }
  }

  /// Appends the decimal digits of `n` ≥ 0 (as `String(n)` writes them, without the string).
  @inlinable public mutating func append(decimal n: Int) {
    precondition(n >= 0, "append(decimal:) of a negative number")
    append(decimal: UInt64(n))
  }

  /// Appends the decimal digits of `n`: written into a buffer on the stack from its end, the
  /// last digit first (no count of the digits first, as ``put(decimal:into:at:)`` needs), then
  /// appended at once (a listing writes two numbers a line).
  @inlinable public mutating func append(decimal n: UInt64) {
    if n < 10 { return bytes.append(UInt8(truncatingIfNeeded: 48 &+ n)) }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
      let start = Self.putDigits(of: n, into: buffer, endingAt: 20)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }
  }

  /// Writes the decimal digits of `n` (at most 20) into `buffer` from `position` on, the last
  /// one first; returns the position after them.
  @inlinable public static func put(decimal n: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int)
    -> Int
  {
    var digits = 1
    var bound: UInt64 = 10
    while digits < 20 && n >= bound {
      digits += 1
      bound &*= 10
    }
    _ = putDigits(of: n, into: buffer, endingAt: position + digits)
    return position + digits
  }

  /// Writes the decimal digits of `n` into `buffer` so that the last one is before `end`, the
  /// last digit first; returns the position of the first.
  @inlinable static func putDigits(of n: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int)
    -> Int
  {
    var k = end
    var rest = n
    repeat {
      k -= 1
      buffer[k] = UInt8(truncatingIfNeeded: 48 &+ rest % 10)
      rest /= 10
    } while rest > 0
    return k
  }

  /// Writes `piece` into `buffer` from `position` on; returns the position after it.
  @inlinable public static func put(_ piece: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int)
    -> Int
  {
    var k = position
    for b in piece {
      buffer[k] = b
      k += 1
    }
    return k
  }
}
