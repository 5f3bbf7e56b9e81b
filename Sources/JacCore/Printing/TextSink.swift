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

  /// Appends the decimal digits of `n` ≥ 0 (as `String(n)` writes them, without the string).
  public mutating func append(decimal n: Int) {
    precondition(n >= 0, "append(decimal:) of a negative number")
    var unit = 1
    while unit <= n / 10 { unit &*= 10 }
    var rest = n
    repeat {
      let digit = rest / unit
      bytes.append(UInt8(truncatingIfNeeded: 48 &+ digit))
      rest &-= digit &* unit
      unit /= 10
    } while unit > 0
  }
}
