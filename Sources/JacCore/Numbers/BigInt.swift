/// An integer of any size.
///
/// Invariants:
/// - a value that fits in `Int64` is always stored `.small` (so equal values have equal storage
///   and the synthesised `Hashable` is correct);
/// - `.large` holds a sign and a little-endian magnitude of 32-bit limbs with no trailing zero
///   limb, and its value does not fit in `Int64`.
///
/// Arithmetic takes the `Int64` fast path and falls back to limb arithmetic on overflow.
public struct BigInt: Hashable, Sendable {
  @usableFromInline enum Storage: Hashable, Sendable {
    case small(Int64)
    case large(negative: Bool, magnitude: [UInt32])
  }
  @usableFromInline var storage: Storage

  public init(_ value: Int) { storage = .small(Int64(value)) }
  public init(_ value: Int64) { storage = .small(value) }

  /// Builds from a sign and a magnitude, normalising to `.small` where the value fits.
  init(negative: Bool, magnitude: [UInt32]) {
    var limbs = magnitude
    while let last = limbs.last, last == 0 { limbs.removeLast() }
    if limbs.count <= 2 {
      let m = limbs.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (32 * UInt64($1.offset)) }
      if !negative, m <= UInt64(Int64.max) {
        storage = .small(Int64(m))
        return
      }
      if negative, m <= UInt64(Int64.max) + 1 {
        storage = .small(m == UInt64(Int64.max) + 1 ? Int64.min : -Int64(m))
        return
      }
    }
    storage = .large(negative: negative, magnitude: limbs)
  }

  public static let zero = BigInt(0)
  public static let one = BigInt(1)

  /// Sign and magnitude, for the limb algorithms.
  var signAndMagnitude: (negative: Bool, magnitude: [UInt32]) {
    switch storage {
    case .small(let v):
      let m = v.magnitude
      var limbs: [UInt32] = []
      if m != 0 { limbs.append(UInt32(truncatingIfNeeded: m)) }
      if m >> 32 != 0 { limbs.append(UInt32(truncatingIfNeeded: m >> 32)) }
      return (v < 0, limbs)
    case .large(let n, let m): return (n, m)
    }
  }

  public var isZero: Bool { if case .small(0) = storage { return true } else { return false } }
  public var isNegative: Bool {
    switch storage {
    case .small(let v): return v < 0
    case .large(let n, _): return n
    }
  }
  /// -1, 0 or 1.
  public var signum: Int {
    switch storage {
    case .small(let v): return v == 0 ? 0 : (v < 0 ? -1 : 1)
    case .large(let n, _): return n ? -1 : 1
    }
  }
  /// The value as an `Int`, when it fits.
  public var intValue: Int? {
    if case .small(let v) = storage { return Int(exactly: v) }
    return nil
  }
  public var isEven: Bool {
    switch storage {
    case .small(let v): return v & 1 == 0
    case .large(_, let m): return m[0] & 1 == 0
    }
  }
  /// Number of 32-bit limbs the magnitude needs (at most 2 for a `.small` value): a cheap size
  /// test for the hot paths, where `bitWidth` would build the magnitude.
  public var limbCount: Int {
    switch storage {
    case .small: return 2
    case .large(_, let m): return m.count
    }
  }

  /// Number of bits in the magnitude.
  public var bitWidth: Int {
    let m = signAndMagnitude.magnitude
    guard let last = m.last else { return 0 }
    return 32 * m.count - last.leadingZeroBitCount
  }

  public var magnitude: BigInt { isNegative ? -self : self }

  /// Nearest `Double` (may be infinite for huge values).
  public var doubleValue: Double {
    switch storage {
    case .small(let v): return Double(v)
    case .large(let n, let m):
      var d = 0.0
      for limb in m.reversed() { d = d * 4_294_967_296.0 + Double(limb) }
      return n ? -d : d
    }
  }
}

// MARK: - Arithmetic

extension BigInt: Comparable, AdditiveArithmetic {
  public static func < (a: BigInt, b: BigInt) -> Bool { compare(a, b) < 0 }

  static func compare(_ a: BigInt, _ b: BigInt) -> Int {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y ? -1 : (x == y ? 0 : 1) }
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    if an != bn { return an ? -1 : 1 }
    let c = Limbs.compare(am, bm)
    return an ? -c : c
  }

  public static prefix func - (a: BigInt) -> BigInt {
    if case .small(let v) = a.storage, v != .min { return BigInt(-v) }
    let (n, m) = a.signAndMagnitude
    return BigInt(negative: !n && !m.isEmpty, magnitude: m)
  }

  public static func + (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (s, o) = x.addingReportingOverflow(y)
      if !o { return BigInt(s) }
    }
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    if an == bn { return BigInt(negative: an, magnitude: Limbs.add(am, bm)) }
    if Limbs.compare(am, bm) >= 0 { return BigInt(negative: an, magnitude: Limbs.subtract(am, bm)) }
    return BigInt(negative: bn, magnitude: Limbs.subtract(bm, am))
  }

  public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

  public static func * (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (p, o) = x.multipliedReportingOverflow(by: y)
      if !o { return BigInt(p) }
    }
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    return BigInt(negative: an != bn, magnitude: Limbs.multiply(am, bm))
  }

  public static func += (a: inout BigInt, b: BigInt) { a = a + b }
  public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
  public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

  /// Truncating division: `a == q*b + r`, `|r| < |b|`, `r` has the sign of `a`. `b` must not be 0.
  public func quotientAndRemainder(dividingBy b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    precondition(!b.isZero, "division by zero")
    if case .small(let x) = storage, case .small(let y) = b.storage, !(x == .min && y == -1) {
      return (BigInt(x / y), BigInt(x % y))
    }
    let (an, am) = signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    let (q, r) = Limbs.divide(am, bm)
    return (BigInt(negative: an != bn, magnitude: q), BigInt(negative: an, magnitude: r))
  }

  public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }
  public static func % (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).remainder }

  /// Greatest common divisor, never negative; gcd(0, 0) = 0.
  public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage, x != .min, y != .min {
      return BigInt(Int64(binaryGCD(x.magnitude, y.magnitude)))
    }
    return lehmerGCD(a, b)
  }

  /// Euclid's algorithm, the reference the tests hold ``lehmerGCD(_:_:)`` to.
  static func euclidGCD(_ a: BigInt, _ b: BigInt) -> BigInt {
    var x = a.magnitude
    var y = b.magnitude
    while !y.isZero { (x, y) = (y, x % y) }
    return x
  }

  /// Stein's binary gcd on machine words.
  static func binaryGCD(_ a: UInt64, _ b: UInt64) -> UInt64 {
    if a == 0 { return b }
    if b == 0 { return a }
    var u = a
    var v = b
    let shift = (u | v).trailingZeroBitCount
    u >>= u.trailingZeroBitCount
    repeat {
      v >>= v.trailingZeroBitCount
      if u > v { swap(&u, &v) }
      v -= u
    } while v != 0
    return u << shift
  }

  /// `self^n` by repeated squaring, `n >= 0`.
  public func power(_ n: Int) -> BigInt {
    precondition(n >= 0)
    var result = BigInt.one
    var base = self
    var e = n
    while e > 0 {
      if e & 1 == 1 { result *= base }
      e >>= 1
      if e > 0 { base *= base }
    }
    return result
  }

  /// The exact integer `n`-th root of a non-negative value, if there is one.
  public func exactRoot(_ n: Int) -> BigInt? {
    precondition(n >= 1 && !isNegative)
    if n == 1 || isZero || self == .one { return self }
    // A root r ≥ 2 needs self ≥ 2^n, so n < bitWidth; without this, 8^(1/493827150617284)
    // bisected with 493827150617284-th powers (a fuzz finding).
    if n >= bitWidth { return nil }
    // Bisection on [0, 2^(bits/n + 1)].
    var low = BigInt.zero
    var high = BigInt.one.shifted(left: bitWidth / n + 1)
    while low < high {
      let mid = (low + high + .one).halved()
      if mid.power(n) <= self { low = mid } else { high = mid - .one }
    }
    return low.power(n) == self ? low : nil
  }

  func shifted(left bits: Int) -> BigInt {
    let (n, m) = signAndMagnitude
    return BigInt(negative: n, magnitude: Limbs.shiftLeft(m, bits))
  }
  func halved() -> BigInt { self / BigInt(2) }
}

// MARK: - Decimal text

extension BigInt: CustomStringConvertible, ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }

  /// Parses a string of ASCII decimal digits (no sign). Returns nil on any other byte.
  public init?<S: Collection>(decimalDigits digits: S) where S.Element == UInt8 {
    guard !digits.isEmpty else { return nil }
    var value = BigInt.zero
    var chunk: Int64 = 0
    var chunkLength = 0
    let billion = BigInt(1_000_000_000)
    for byte in digits {
      guard byte >= 48, byte <= 57 else { return nil }
      chunk = chunk * 10 + Int64(byte - 48)
      chunkLength += 1
      if chunkLength == 9 {
        value = value * billion + BigInt(chunk)
        chunk = 0
        chunkLength = 0
      }
    }
    if chunkLength > 0 { value = value * BigInt(10).power(chunkLength) + BigInt(chunk) }
    self = value
  }

  public var description: String {
    if case .small(let v) = storage { return String(v) }
    let (negative, m) = signAndMagnitude
    var limbs = m
    var chunks: [UInt32] = []
    while !limbs.isEmpty {
      let r = Limbs.divideInPlace(&limbs, by: 1_000_000_000)
      chunks.append(r)
    }
    var text = negative ? "-" : ""
    text += String(chunks.last!)
    for chunk in chunks.dropLast().reversed() {
      let s = String(chunk)
      text += String(repeating: "0", count: 9 - s.count) + s
    }
    return text
  }
}
