/// Karatsuba's multiplication for long magnitudes: with a = a₁·B + a₀ and b = b₁·B + b₀
/// (B = 2^(32h), h half the shorter length),
///
///     a·b = a₁b₁·B² + ((a₀ + a₁)(b₀ + b₁) − a₁b₁ − a₀b₀)·B + a₀b₀,
///
/// three half-size products instead of four: O(n^1.585) instead of O(n²). Below
/// ``Limbs/karatsubaThreshold`` limbs the schoolbook loop is faster. The ball arithmetic's
/// high precisions (thousands of bits) are where it pays: a 16,384-bit product is about three
/// times faster.
extension Limbs {
  /// Shortest operand length, in limbs, at which ``karatsuba(_:_:)`` takes over.
  static let karatsubaThreshold = 48

  static func karatsuba(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    let h = min(a.count, b.count) / 2
    let a0 = trimmed(Array(a[..<h]))
    let a1 = Array(a[h...])
    let b0 = trimmed(Array(b[..<h]))
    let b1 = Array(b[h...])
    let low = multiply(a0, b0)
    let high = multiply(a1, b1)
    let middle = subtract(subtract(multiply(add(a0, a1), add(b0, b1)), high), low)
    var result = [UInt32](repeating: 0, count: a.count + b.count + 1)
    accumulate(&result, low, at: 0)
    accumulate(&result, middle, at: h)
    accumulate(&result, high, at: 2 * h)
    while let last = result.last, last == 0 { result.removeLast() }
    return result
  }

  /// `x` without its trailing zero limbs.
  private static func trimmed(_ x: [UInt32]) -> [UInt32] {
    var x = x
    while let last = x.last, last == 0 { x.removeLast() }
    return x
  }

  /// r += x·2^(32·offset); r is long enough for the sum.
  private static func accumulate(_ r: inout [UInt32], _ x: [UInt32], at offset: Int) {
    var carry: UInt64 = 0
    var i = 0
    while i < x.count || carry != 0 {
      let s = UInt64(r[offset + i]) + (i < x.count ? UInt64(x[i]) : 0) + carry
      r[offset + i] = UInt32(truncatingIfNeeded: s)
      carry = s >> 32
      i += 1
    }
  }
}
