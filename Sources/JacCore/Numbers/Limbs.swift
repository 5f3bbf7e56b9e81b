/// Magnitude arithmetic on little-endian arrays of 32-bit limbs (no trailing zero limbs).
/// The schoolbook algorithms of Knuth, TAOCP vol. 2, §4.3.1 (division: Algorithm D).
enum Limbs {
  static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    var i = a.count - 1
    while i >= 0 {
      if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
      i -= 1
    }
    return 0
  }

  static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var result = [UInt32]()
    result.reserveCapacity(long.count + 1)
    var carry: UInt64 = 0
    for i in 0..<long.count {
      let s = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
      result.append(UInt32(truncatingIfNeeded: s))
      carry = s >> 32
    }
    if carry != 0 { result.append(UInt32(carry)) }
    return result
  }

  /// `a - b` where `a >= b`.
  static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var result = [UInt32]()
    result.reserveCapacity(a.count)
    var borrow: Int64 = 0
    for i in 0..<a.count {
      var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
      borrow = d < 0 ? 1 : 0
      if d < 0 { d += 1 << 32 }
      result.append(UInt32(d))
    }
    while let last = result.last, last == 0 { result.removeLast() }
    return result
  }

  static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    if a.isEmpty || b.isEmpty { return [] }
    if min(a.count, b.count) >= karatsubaThreshold { return karatsuba(a, b) }
    var result = [UInt32](repeating: 0, count: a.count + b.count)
    result.withUnsafeMutableBufferPointer { r in
      a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in schoolbook(a, b, into: r) } }
    }
    while let last = result.last, last == 0 { result.removeLast() }
    return result
  }

  /// r[0..<a.count+b.count] += a·b (r starts at zero there): the schoolbook product, each row
  /// one pass with a running carry.
  @inline(__always)
  static func schoolbook(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, into r: UnsafeMutableBufferPointer<UInt32>
  ) {
    for i in 0..<a.count {
      var carry: UInt64 = 0
      let ai = UInt64(a[i])
      if ai == 0 { continue }
      for j in 0..<b.count {
        let t = ai * UInt64(b[j]) + UInt64(r[i + j]) + carry
        r[i + j] = UInt32(truncatingIfNeeded: t)
        carry = t >> 32
      }
      r[i + b.count] = UInt32(carry)
    }
  }

  /// Divides in place by a single limb; returns the remainder.
  static func divideInPlace(_ a: inout [UInt32], by d: UInt32) -> UInt32 {
    var r: UInt64 = 0
    var i = a.count - 1
    while i >= 0 {
      let cur = (r << 32) | UInt64(a[i])
      a[i] = UInt32(cur / UInt64(d))
      r = cur % UInt64(d)
      i -= 1
    }
    while let last = a.last, last == 0 { a.removeLast() }
    return UInt32(r)
  }

  static func shiftLeft(_ a: [UInt32], _ bits: Int) -> [UInt32] {
    if a.isEmpty { return [] }
    let words = bits / 32
    let s = bits % 32
    var result = [UInt32](repeating: 0, count: words)
    if s == 0 {
      result += a
    } else {
      var carry: UInt32 = 0
      for limb in a {
        result.append(limb << s | carry)
        carry = limb >> (32 - s)
      }
      if carry != 0 { result.append(carry) }
    }
    return result
  }

  /// Quotient and remainder of magnitudes; `b` non-empty.
  static func divide(_ a: [UInt32], _ b: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
    precondition(!b.isEmpty)
    if compare(a, b) < 0 { return ([], a) }
    if b.count == 1 {
      var q = a
      let r = divideInPlace(&q, by: b[0])
      return (q, r == 0 ? [] : [r])
    }
    // Normalise so the divisor's top bit is set.
    let s = b.last!.leadingZeroBitCount
    let vn = shiftLeftSameWidth(b, s)
    var un = shiftLeftSameWidth(a, s)
    un.append(s == 0 ? 0 : a.last! >> (32 - s))
    let n = vn.count
    let m = a.count - n
    var q = [UInt32](repeating: 0, count: m + 1)
    let base: UInt64 = 1 << 32
    var j = m
    while j >= 0 {
      let numerator = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
      var qhat = numerator / UInt64(vn[n - 1])
      var rhat = numerator % UInt64(vn[n - 1])
      while qhat >= base || qhat * UInt64(vn[n - 2]) > (rhat << 32 | UInt64(un[j + n - 2])) {
        qhat -= 1
        rhat += UInt64(vn[n - 1])
        if rhat >= base { break }
      }
      // Multiply and subtract (Hacker's Delight, divmnu).
      var k: Int64 = 0
      for i in 0..<n {
        let p = qhat * UInt64(vn[i])
        let t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
        un[i + j] = UInt32(truncatingIfNeeded: t)
        k = Int64(p >> 32) - (t >> 32)
      }
      let t = Int64(un[j + n]) - k
      un[j + n] = UInt32(truncatingIfNeeded: t)
      if t < 0 {
        qhat -= 1
        var carry: UInt64 = 0
        for i in 0..<n {
          let sum = UInt64(un[i + j]) + UInt64(vn[i]) + carry
          un[i + j] = UInt32(truncatingIfNeeded: sum)
          carry = sum >> 32
        }
        un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + carry)
      }
      q[j] = UInt32(truncatingIfNeeded: qhat)
      j -= 1
    }
    var r = [UInt32](repeating: 0, count: n)
    for i in 0..<n {
      r[i] = s == 0 ? un[i] : (un[i] >> s | un[i + 1] << (32 - s))
    }
    while let last = q.last, last == 0 { q.removeLast() }
    while let last = r.last, last == 0 { r.removeLast() }
    return (q, r)
  }

  /// Shift left by `s < 32` bits, dropping bits shifted out of the top limb.
  private static func shiftLeftSameWidth(_ a: [UInt32], _ s: Int) -> [UInt32] {
    if s == 0 { return a }
    var result = a
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      result[i] = a[i] << s | (i > 0 ? a[i - 1] >> (32 - s) : 0)
    }
    return result
  }
}
