import Testing

@testable import JacCore

/// Miller–Rabin and Pollard's rho on 64-bit words (`UInt64+Factoring.swift`). Every expected
/// value is SymPy 1.14's (`isprime`, `factorint`, `ntheory.primetest.mr`).
@Suite struct WordFactoringTests {
  /// OEIS A014233: the smallest odd composites that pass Miller–Rabin to the first 1, 2, 3, 4, 5,
  /// 6, 7 and 9 prime bases; each is found composite.
  @Test(
    arguments: [
      2047, 1_373_653, 25_326_001, 3_215_031_751, 2_152_302_898_747, 3_474_749_660_383, 341_550_071_728_321,
      3_825_123_056_546_413_051,
    ] as [UInt64])
  func strongPseudoprimesAreComposite(_ n: UInt64) {
    #expect(!n.isPrime)
  }

  /// 3825123056546413051 = 149491·747451·34233211 passes bases 2 … 31: the twelfth base, 37,
  /// is the one that finds it out.
  @Test func thePseudoprimeToElevenBasesNeedsTheTwelfth() {
    let n: UInt64 = 3_825_123_056_546_413_051
    #expect(UInt64.millerRabinBases.dropLast().allSatisfy { n.isStrongProbablePrime(base: $0) })
    #expect(!n.isStrongProbablePrime(base: 37))
  }

  @Test(
    arguments: [
      (2, true), (37, true), (561, false), (1_048_577, false), (4_294_967_291, true),
      (2_305_843_009_213_693_951, true), (18_446_744_073_709_551_557, true), (18_446_744_073_709_551_615, false),
      (4_611_686_014_132_420_609, false),
    ] as [(UInt64, Bool)])
  func primality(_ n: UInt64, _ prime: Bool) {
    #expect(n.isPrime == prime)
  }

  /// Agrees with a sieve of Eratosthenes below 200,000.
  @Test func primalityAgreesWithASieve() {
    let limit = 200_000
    var composite = [Bool](repeating: false, count: limit)
    for p in 2..<limit where !composite[p] {
      for k in stride(from: p * p, to: limit, by: p) { composite[k] = true }
    }
    let disagreeing = (0..<limit).filter { UInt64($0).isPrime != ($0 >= 2 && !composite[$0]) }
    #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5))")
  }

  @Test(
    arguments: [
      (1, []), (12, [(2, 2), (3, 1)]), (1_100_168_759, [(1031, 1), (1033, 2)]),
      (18_446_743_979_220_271_189, [(4_294_967_279, 1), (4_294_967_291, 1)]),
      (4_611_686_014_132_420_609, [(2_147_483_647, 2)]),
      (18_446_744_073_709_551_615, [(3, 1), (5, 1), (17, 1), (257, 1), (641, 1), (65537, 1), (6_700_417, 1)]),
      (3_825_123_056_546_413_051, [(149_491, 1), (747_451, 1), (34_233_211, 1)]),
    ] as [(UInt64, [(UInt64, Int)])])
  func factorisation(_ n: UInt64, _ expected: [(UInt64, Int)]) throws {
    let found = try #require(n.primeFactorization())
    #expect(found.map(\.prime) == expected.map(\.0) && found.map(\.multiplicity) == expected.map(\.1), "\(n): \(found)")
  }

  /// Random products of up to four random primes (drawn by the test's own trial division, not
  /// by `isPrime`) factor back into them.
  @Test func randomProductsFactorBack() throws {
    var rng = SeededGenerator(seed: 16)
    func randomPrime(below bound: UInt64) -> UInt64 {
      while true {
        let n = UInt64.random(in: 2..<bound, using: &rng)
        if !(2...UInt64(Double(n).squareRoot())).contains(where: { n % $0 == 0 }) { return n }
      }
    }
    for _ in 0..<200 {
      var primes: [UInt64] = []
      var product: UInt64 = 1
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let p = randomPrime(below: 1 << 20)
        let (next, overflow) = product.multipliedReportingOverflow(by: p)
        if overflow { break }
        (product, primes) = (next, primes + [p])
      }
      let found = try #require(product.primeFactorization())
      #expect(found.flatMap { Array(repeating: $0.prime, count: $0.multiplicity) } == primes.sorted(), "\(product)")
    }
  }
}
