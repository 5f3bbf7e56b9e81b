import Testing

@testable import JacCore

@Suite struct BigIntTests {
  @Test func powersOfTwoPrintAllDigits() {
    #expect(BigInt(2).power(100).description == "1267650600228229401496703205376")
    #expect((-BigInt(2).power(64)).description == "-18446744073709551616")
    #expect(
      BigInt(decimalDigits: Array("123456789012345678901234567890".utf8))!.description
        == "123456789012345678901234567890")
  }

  @Test func smallValuesAgreeWithInt64() {
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<2000 {
      let a = Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng)
      let b = Int64.random(in: -1_000_000...1_000_000, using: &rng)
      #expect(BigInt(a) + BigInt(b) == BigInt(a + b))
      #expect(BigInt(a) * BigInt(b) == BigInt(a * b))
      if b != 0 {
        #expect(BigInt(a) / BigInt(b) == BigInt(a / b))
        #expect(BigInt(a) % BigInt(b) == BigInt(a % b))
      }
    }
  }

  /// A random integer of `limbs` 32-bit limbs, either sign.
  static func random(limbs: Int, using rng: inout SeededGenerator) -> BigInt {
    var x = BigInt.zero
    for _ in 0..<limbs { x = x * BigInt(1 << 32) + BigInt(Int(UInt32.random(in: 0...UInt32.max, using: &rng))) }
    return Bool.random(using: &rng) ? -x : x
  }

  /// q·b + r = a and |r| < |b| for large random operands (seed 7).
  @Test func largeDivisionInvariant() {
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<500 {
      let a = Self.random(limbs: Int.random(in: 1...12, using: &rng), using: &rng)
      let b = Self.random(limbs: Int.random(in: 1...6, using: &rng), using: &rng)
      guard !b.isZero else { continue }
      let (q, r) = a.quotientAndRemainder(dividingBy: b)
      #expect(q * b + r == a)
      #expect(r.magnitude < b.magnitude)
      #expect(r.isZero || r.isNegative == a.isNegative)
    }
  }

  /// Lehmer's gcd equals Euclid's on random operands of 1 to 60 limbs, with and without a large
  /// common factor, of equal and of very different sizes, signed (seed 11); and it divides both.
  /// On 3,000-limb operands it finds the gcd known by factoring: gcd(4444444^4444, 10^26664) =
  /// 2^8888, as 4444444 = 2²·239·4649.
  @Test func lehmerGCDMatchesEuclid() {
    var rng = SeededGenerator(seed: 11)
    var large = 0
    for round in 0..<300 {
      let common = round % 3 == 0 ? BigInt.one : Self.random(limbs: Int.random(in: 1...20, using: &rng), using: &rng)
      var a = Self.random(limbs: Int.random(in: 1...40, using: &rng), using: &rng) * common
      let b = Self.random(limbs: Int.random(in: 1...40, using: &rng), using: &rng) * common
      if round % 5 == 0 { a = a * b + common }  // gcd(a·b + c, b) with c | b
      let g = BigInt.gcd(a, b)
      #expect(g == BigInt.euclidGCD(a, b), "round \(round)")
      #expect(!g.isNegative)
      if !g.isZero {
        #expect((a % g).isZero && (b % g).isZero, "round \(round)")
        if g.limbCount > 4 { large += 1 }
      }
    }
    #expect(large > 100)
    let p = BigInt(4_444_444).power(4444)
    let q = BigInt(10).power(26664)
    #expect(BigInt.gcd(p, q) == BigInt(2).power(8888))
    #expect(BigInt.gcd(p * BigInt(12), q * BigInt(18)) == BigInt(2).power(8890) * BigInt(3))
    #expect(BigInt.gcd(.zero, .zero) == .zero)
    #expect(BigInt.gcd(p, .zero) == p)
    #expect(BigInt.gcd(.zero, -q) == q)
  }

  @Test func overflowFallsBackToLimbs() {
    let big = BigInt(Int64.max) + BigInt(1)
    #expect(big.description == "9223372036854775808")
    #expect(big - BigInt(1) == BigInt(Int64.max))
    #expect(BigInt(Int64.min) * BigInt(-1) == big)
    #expect(BigInt.gcd(BigInt(2).power(80), BigInt(6).power(40)) == BigInt(2).power(40))
  }

  @Test func roots() {
    #expect(BigInt(1_000_000).exactRoot(2) == BigInt(1000))
    #expect(BigInt(2).power(90).exactRoot(3) == BigInt(2).power(30))
    #expect(BigInt(17).exactRoot(2) == nil)
  }

  @Test func rationalsAreReduced() {
    let q = Rational(BigInt(6), BigInt(-8))
    #expect(q.numerator == BigInt(-3) && q.denominator == BigInt(4))
    #expect(Rational(BigInt(1), BigInt(3)) + Rational(BigInt(1), BigInt(6)) == Rational.half)
  }
}
