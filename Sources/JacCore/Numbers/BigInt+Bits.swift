/// Bit-level operations for the binary floating-point layer (``BigFloat``): shifts, the lowest
/// set bit, and the integer square root; and the conversions to and from a 64-bit word.
extension BigInt {
  init(_ word: UInt64) {
    self.init(negative: false, magnitude: [UInt32(truncatingIfNeeded: word), UInt32(truncatingIfNeeded: word >> 32)])
  }

  /// The value as a `UInt64`, when it is one (0 ≤ self < 2^64).
  var wordValue: UInt64? {
    switch storage {
    case .small(let v): return v < 0 ? nil : UInt64(v)
    case .large(let negative, let m):
      guard !negative, m.count <= 2 else { return nil }
      return m.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (32 * UInt64($1.offset)) }
    }
  }

  /// `self · 2^bits` (`bits ≥ 0`).
  func shiftedLeft(_ bits: Int) -> BigInt {
    if bits == 0 || isZero { return self }
    if case .small(let v) = storage, bits < 62, v.magnitude < (UInt64(1) << (62 - bits)) { return BigInt(v << bits) }
    return shifted(left: bits)
  }

  /// `sign(self) · ⌊|self| / 2^bits⌋` (`bits ≥ 0`): the magnitude shifted right, truncating
  /// toward zero. The error |self − result·2^bits| is below 2^bits.
  func shiftedTowardZero(_ bits: Int) -> BigInt {
    if bits == 0 || isZero { return self }
    if case .small(let v) = storage {
      if bits >= 64 { return .zero }
      let m = v.magnitude >> UInt64(bits)
      return v < 0 ? BigInt(-Int64(m)) : BigInt(Int64(m))
    }
    let (negative, m) = signAndMagnitude
    return BigInt(negative: negative, magnitude: Limbs.shiftRight(m, bits))
  }

  /// The number of zero bits below the lowest set bit of |self| (0 for 0).
  var trailingZeroBitCount: Int {
    switch storage {
    case .small(let v): return v == 0 ? 0 : v.magnitude.trailingZeroBitCount
    case .large(_, let m):
      for (i, limb) in m.enumerated() where limb != 0 { return 32 * i + limb.trailingZeroBitCount }
      return 0
    }
  }

  /// ⌊√self⌋ for `self ≥ 0`, by Newton's iteration xₖ₊₁ = ⌊(xₖ + ⌊n/xₖ⌋)/2⌋, which decreases
  /// to ⌊√n⌋ from any start above it and stops when it no longer decreases. The start comes
  /// from the root of the leading half of the bits (recursively, down to a `Double` root), so
  /// one or two full-length divisions finish it: the cost is a few divisions, not log₂(bits).
  func squareRootFloor() -> BigInt {
    precondition(!isNegative)
    if case .small(let v) = storage, v < (1 << 52) {
      var r = Int64(Double(v).squareRoot())
      while r * r > v { r -= 1 }
      while (r + 1) * (r + 1) <= v { r += 1 }
      return BigInt(r)
    }
    // r = ⌊√(n/4^k)⌋ satisfies r·2^k ≤ √n < (r + 1)·2^k: start just above. Below 104 bits,
    // k = 0 and r + 1 comes from a `Double` root of n (within a few units, raised by 2).
    let k = bitWidth > 104 ? (bitWidth - 52) / 4 : 0
    let r =
      k > 0 ? shiftedTowardZero(2 * k).squareRootFloor() : BigInt(Int64(doubleValue.squareRoot() * (1 + 0x1p-40)) + 1)
    var x = (r + .one).shiftedLeft(k)
    while true {
      let y = (x + self / x).shiftedTowardZero(1)
      if y >= x { return x }
      x = y
    }
  }
}

extension Limbs {
  /// `a >> bits`, truncating; `a` has no trailing zero limbs.
  static func shiftRight(_ a: [UInt32], _ bits: Int) -> [UInt32] {
    let words = bits / 32
    if words >= a.count { return [] }
    let s = bits % 32
    var result = [UInt32](repeating: 0, count: a.count - words)
    if s == 0 {
      for i in 0..<result.count { result[i] = a[i + words] }
    } else {
      for i in 0..<result.count {
        let low = a[i + words] >> s
        let high = i + words + 1 < a.count ? a[i + words + 1] << (32 - s) : 0
        result[i] = low | high
      }
    }
    while let last = result.last, last == 0 { result.removeLast() }
    return result
  }
}
