/// Prime factors of 64-bit words, for the radicals' cofactors (``ExpressionPool`` factors a
/// radicand by trial division below 1024, then hands what is left here when it fits a word).
///
/// - Primality is Miller–Rabin with the first twelve primes as bases, 2, 3, …, 37, which is a
///   proof below 2^64, not a probability: the smallest odd composite that is a strong pseudoprime
///   to all of them is 318665857834031151167461 > 2^64 (OEIS A014233, a(12)); the first eleven
///   are not enough (3825123056546413051 < 2^62 passes bases 2 … 31).
/// - A composite is split by Pollard's rho in Brent's form: x ↦ x² + c (mod n) until
///   gcd(Π|x − y|, n) > 1, with cycle detection by powers of two and the differences multiplied
///   in batches of ``rhoBatch`` so that one gcd serves many steps. Its expected cost is about
///   √p steps for the smallest prime p, so ≲ 2^17 steps for n < 2^64.
/// - The work is bounded: the steps of all the splits of one number are counted, and past
///   ``rhoStepBudget`` the factorisation gives up (nil), so a caller keeps the number whole.
///
/// Products mod n are exact through the 128-bit product (`multipliedFullWidth`), reduced by
/// `dividingFullWidth`, whose quotient fits because both factors are below n.
extension UInt64 {
  /// The Miller–Rabin bases that decide primality for every n < 2^64.
  static let millerRabinBases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
  /// Polynomial steps x ↦ x² + c allowed for all the splits of one number.
  static let rhoStepBudget = 1 << 21
  /// Differences multiplied together before one gcd.
  static let rhoBatch = 128

  /// self · b mod n, for self, b < n.
  func multipliedModulo(_ b: UInt64, _ n: UInt64) -> UInt64 {
    n.dividingFullWidth(multipliedFullWidth(by: b)).remainder
  }

  /// self^e mod n, for self < n, by repeated squaring.
  func poweredModulo(_ e: UInt64, _ n: UInt64) -> UInt64 {
    var result: UInt64 = 1 % n
    var base = self
    var e = e
    while e > 0 {
      if e & 1 == 1 { result = result.multipliedModulo(base, n) }
      base = base.multipliedModulo(base, n)
      e >>= 1
    }
    return result
  }

  /// Whether self is prime: deterministic for every 64-bit value (see the extension's comment).
  var isPrime: Bool {
    if self < 2 { return false }
    for a in Self.millerRabinBases where self % a == 0 { return self == a }
    return Self.millerRabinBases.allSatisfy { isStrongProbablePrime(base: $0) }
  }

  /// Miller–Rabin for an odd self > 2 and a base a prime to it: with self − 1 = d·2^s, d odd,
  /// true when a^d ≡ 1 or a^(d·2^j) ≡ −1 (mod self) for some j < s, as every prime satisfies.
  func isStrongProbablePrime(base a: UInt64) -> Bool {
    let s = (self - 1).trailingZeroBitCount
    var x = (a % self).poweredModulo((self - 1) >> s, self)
    if x == 1 || x == self - 1 { return true }
    for _ in 1..<s {
      x = x.multipliedModulo(x, self)
      if x == self - 1 { return true }
    }
    return false
  }

  /// The prime factors of self ≥ 1 in increasing order with their multiplicities
  /// (1 has none), or nil when Pollard's rho spent ``rhoStepBudget`` without finishing.
  func primeFactorization() -> [(prime: UInt64, multiplicity: Int)]? {
    var primes: [UInt64] = []
    var rest = self
    for p in Self.millerRabinBases {
      while rest % p == 0 {
        primes.append(p)
        rest /= p
      }
    }
    var budget = Self.rhoStepBudget
    var pending = rest > 1 ? [rest] : []
    while let n = pending.popLast() {
      if n.isPrime {
        primes.append(n)
        continue
      }
      guard let d = n.rhoDivisor(budget: &budget) else { return nil }
      pending += [d, n / d]
    }
    primes.sort()
    var grouped: [(prime: UInt64, multiplicity: Int)] = []
    for p in primes {
      if let last = grouped.last, last.prime == p {
        grouped[grouped.count - 1].multiplicity += 1
      } else {
        grouped.append((p, 1))
      }
    }
    return grouped
  }

  /// A divisor 1 < d < self of an odd composite self with no prime factor up to 37, by Brent's
  /// rho with c = 1, 2, … (each from x₀ = 2); nil once `budget` steps are spent.
  private func rhoDivisor(budget: inout Int) -> UInt64? {
    let n = self
    var c: UInt64 = 1
    while budget > 0 {
      // x ↦ x² + c mod n; x² < n and c < n, so the sum wraps at most once past n.
      let step = { (x: UInt64) -> UInt64 in
        let (sum, overflow) = x.multipliedModulo(x, n).addingReportingOverflow(c)
        return overflow || sum >= n ? sum &- n : sum
      }
      var y: UInt64 = 2
      var x = y
      var saved = y
      var product: UInt64 = 1
      var g: UInt64 = 1
      var length = 1
      // Brent: x holds the value at the last power of two; y walks the next `length` steps.
      while g == 1 && budget >= 2 * length {
        x = y
        for _ in 0..<length { y = step(y) }
        var done = 0
        while done < length && g == 1 {
          saved = y
          for _ in 0..<Swift.min(Self.rhoBatch, length - done) {
            y = step(y)
            product = product.multipliedModulo(x > y ? x - y : y - x, n)
          }
          done += Self.rhoBatch
          g = BigInt.binaryGCD(product, n)
        }
        budget -= 2 * length
        length *= 2
      }
      if g == n {
        // The batch overshot (or the product hit 0): step again one difference at a time.
        repeat {
          saved = step(saved)
          g = BigInt.binaryGCD(x > saved ? x - saved : saved - x, n)
          budget -= 1
        } while g == 1 && budget > 0
      }
      if g > 1 && g < n { return g }
      if g == 1 { return nil }
      c += 1
    }
    return nil
  }
}
