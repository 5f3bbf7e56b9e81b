/// Minimal JSON writing: string escaping and arrays. One object per input, on one line.
public enum JSONText {
  /// `s` as a JSON string literal: `"`, `\` and control characters escaped (`\n`, `\u001b`),
  /// and the line and paragraph separators U+2028 and U+2029 (valid in JSON but line breaks to
  /// JavaScript and to line-based readers); everything else copied byte for byte (a LaTeX answer
  /// can run to megabytes).
  public static func string(_ s: String) -> String { "\"" + escaped(s) + "\"" }

  /// The contents of ``string(_:)`` without the quotes: escaping a text piece by piece gives
  /// the escaped whole (every escape is within one scalar), so a long string can be written in
  /// pieces.
  public static func escaped(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for byte in s.utf8 {
      // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8 (E2 is always a lead byte).
      if byte == 0xA8 || byte == 0xA9, out.count >= 2, out[out.count - 2] == 0xE2, out[out.count - 1] == 0x80 {
        out.removeLast(2)
        out += Array("\\u202\(byte == 0xA8 ? "8" : "9")".utf8)
        continue
      }
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
      case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  /// An object from already-encoded values, keys in the given order.
  public static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
