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

  /// q·b + r = a and |r| < |b| for large random operands (seed 7).
  @Test func largeDivisionInvariant() {
    var rng = SeededGenerator(seed: 7)
    func random(limbs: Int) -> BigInt {
      var x = BigInt.zero
      for _ in 0..<limbs { x = x * BigInt(1 << 32) + BigInt(Int(UInt32.random(in: 0...UInt32.max, using: &rng))) }
      return Bool.random(using: &rng) ? -x : x
    }
    for _ in 0..<500 {
      let a = random(limbs: Int.random(in: 1...12, using: &rng))
      let b = random(limbs: Int.random(in: 1...6, using: &rng))
      guard !b.isZero else { continue }
      let (q, r) = a.quotientAndRemainder(dividingBy: b)
      #expect(q * b + r == a)
      #expect(r.magnitude < b.magnitude)
      #expect(r.isZero || r.isNegative == a.isNegative)
    }
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
