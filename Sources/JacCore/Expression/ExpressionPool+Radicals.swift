/// Numeric radicals in one canonical form: a positive rational to a rational power, alone
/// (`exact-powers`) or in a product (`merge-radicals`), is
///
///   c · m₁^(g₁/n₁) · m₂^(g₂/n₂) · …      c rational, mᵢ ≥ 2 integers, 0 < gᵢ < nᵢ, gcd(gᵢ, nᵢ) = 1,
///
/// with one radical per index nᵢ (the nᵢ distinct), found from the prime factors: with
/// b = Π pᵏ, bᵗ = Π p^(k·t); each p^(k·t) = p^⌊k·t⌋ · p^f (0 ≤ f < 1) gives p^⌊k·t⌋ to c and
/// p^f to the radical of index denominator(f), and the radical of index n is
/// m^(g/n) = (Π p^(sₚ/g))^(g/n) for the primes p^(sₚ/n) of that index, g = gcd of the sₚ. So
/// √12 = 2·√3, √2·√3 = √6, √2·√6 = 2·√3, 1/√3 = √3/3, √(2/3) = √6/3, 4^(1/6) = 2^(1/3),
/// 12^(2/3) = 2·18^(1/3), 72^(1/6) = √2·3^(1/3); √2·3^(1/3) stays (two indices), as SymPy's
/// `Integer._eval_power` and `Mul.flatten` write them. The form is unique, so equal values meet
/// in one node: √2·√3 − √6 is 0 and 1/(√2·√3 − √6) is a division by zero.
///
/// Factors are found by trial division by the primes below ``radicalPrimeBound`` in numbers of
/// at most ``radicalFactorLimbs`` limbs; a cofactor below 2^64 is factored completely
/// (`UInt64.primeFactorization()`: Miller–Rabin and Pollard's rho, bounded), a larger one is
/// tested for an exact power. A larger number, a larger cofactor with two different primes, or
/// a word on which rho gave up, is kept whole (as SymPy's factor limit does), so only then can
/// two equal values stay apart.
extension ExpressionPool {
  /// Trial division tries the primes below this bound.
  static let radicalPrimeBound = 1024
  /// Numbers of more limbs (32 bits each) are not searched for factors.
  static let radicalFactorLimbs = 16

  private static let smallPrimes: [BigInt] = {
    var composite = [Bool](repeating: false, count: radicalPrimeBound)
    var primes: [BigInt] = []
    for p in 2..<radicalPrimeBound where !composite[p] {
      primes.append(BigInt(p))
      for k in stride(from: p * p, to: radicalPrimeBound, by: p) { composite[k] = true }
    }
    return primes
  }()

  /// Whether `e` is a radical that `merge-radicals` collects: a positive number to a rational
  /// power between 0 and 1 (a larger one was kept symbolic by ``maxExactPowerBits``).
  func isNumericRadical(_ base: Expr, _ exponent: Expr) -> Bool {
    guard let b = rational(base), !b.isNegative, let t = rational(exponent) else { return false }
    return !t.isInteger && !t.isNegative && t.numerator < t.denominator
  }

  /// c · Π mᵢ^(gᵢ/nᵢ) for Π bⱼ^(tⱼ), each bⱼ > 0: the coefficient and the radicals, sorted by
  /// index; nil when c would exceed ``maxExactPowerBits``.
  func radicalForm(_ powers: [(base: Rational, exponent: Rational)]) -> (Rational, [(BigInt, Rational)])? {
    var primes: [BigInt] = []
    var totals: [Rational] = []
    for (b, t) in powers {
      for (part, sign) in [(b.numerator, t), (b.denominator, -t)] where part != .one {
        for (p, k) in Self.factored(part) {
          let share = sign * Rational(BigInt(k))
          if let i = primes.firstIndex(of: p) {
            totals[i] = totals[i] + share
          } else {
            primes.append(p)
            totals.append(share)
          }
        }
      }
    }
    var coefficient = Rational.one
    var indices: [Int] = []
    var members: [[(prime: BigInt, s: BigInt)]] = []
    for (p, total) in zip(primes, totals) {
      var (whole, rest) = total.numerator.quotientAndRemainder(dividingBy: total.denominator)
      if rest.isNegative { (whole, rest) = (whole - .one, rest + total.denominator) }
      if !whole.isZero {
        guard let k = whole.intValue, p.bitWidth * abs(k) <= Self.maxExactPowerBits else { return nil }
        coefficient = coefficient * Rational(p).power(k)
      }
      guard !rest.isZero, let n = total.denominator.intValue else { continue }
      if let i = indices.firstIndex(of: n) {
        members[i].append((p, rest))
      } else {
        indices.append(n)
        members.append([(p, rest)])
      }
    }
    let radicals = zip(indices, members).sorted { $0.0 < $1.0 }.map { n, primes in
      let g = primes.dropFirst().reduce(primes[0].s) { BigInt.gcd($0, $1.s) }
      let m = primes.reduce(BigInt.one) { $0 * $1.prime.power(($1.s / g).intValue!) }
      return (m, Rational(g, BigInt(n)))
    }
    return (coefficient, radicals)
  }

  /// `c · Π mᵢ^(eᵢ)` built from ``radicalForm(_:)``'s parts, already canonical.
  func radicalProduct(_ c: Rational, _ radicals: [(BigInt, Rational)]) -> Expr {
    guard fits(c) else { return numberOverflow() }
    let factors = radicals.map { intern(.power, number(Rational($0.0)), number($0.1)) }
      .sorted { compareFactors($0, $1) < 0 }
    if factors.isEmpty { return number(c) }
    if factors.count == 1 && c.isOne { return factors[0] }
    return intern(.product, payload: 0, operands: c.isOne ? factors : [number(c)] + factors)
  }

  /// `b^t` for a positive rational b and a rational t that is not an integer, or nil when that
  /// is `b^t` itself (or too large).
  func numericRadical(_ b: Rational, _ t: Rational) -> Expr? {
    // Made before, so canonical (only ``power(_:_:trace:)`` and ``radicalProduct(_:_:)`` make
    // such nodes): a product rebuilt with √N in it does not factor N again.
    if existing(.power, operands: [number(b), number(t)]) != nil { return nil }
    guard let (c, radicals) = radicalForm([(b, t)]) else { return nil }
    if c.isOne, radicals.count == 1, Rational(radicals[0].0) == b, radicals[0].1 == t { return nil }
    return radicalProduct(c, radicals)
  }

  /// The prime factors of `m > 1` below ``radicalPrimeBound`` with their multiplicities, then the
  /// cofactor's primes when it fits a word, else the cofactor as c^j with j as large as found
  /// (`m` whole past ``radicalFactorLimbs``).
  private static func factored(_ m: BigInt) -> [(BigInt, Int)] {
    guard m.limbCount <= radicalFactorLimbs else { return [(m, 1)] }
    var rest = m
    var found: [(BigInt, Int)] = []
    for p in smallPrimes {
      if p * p > rest { break }
      var k = 0
      while true {
        let (q, r) = rest.quotientAndRemainder(dividingBy: p)
        guard r.isZero else { break }
        rest = q
        k += 1
      }
      if k > 0 { found.append((p, k)) }
    }
    guard rest != .one else { return found }
    // A cofactor with no prime below the bound: a prime when below the bound's square; else,
    // within a word, its prime factors by Miller–Rabin and Pollard's rho (bounded work).
    if rest >= BigInt(radicalPrimeBound * radicalPrimeBound), let word = rest.wordValue,
      let primes = word.primeFactorization()
    {
      return found + primes.map { (BigInt($0.prime), $0.multiplicity) }
    }
    // A cofactor with no prime below the bound: a prime (when below the bound's square), or a
    // product of large primes, perhaps a power of one.
    var j = 1
    var searching = rest >= BigInt(radicalPrimeBound * radicalPrimeBound)
    while searching {
      searching = false
      for q in [2, 3, 5, 7] {
        if let r = rest.exactRoot(q) {
          (rest, j, searching) = (r, j * q, true)
          break
        }
      }
    }
    found.append((rest, j))
    return found
  }
}

extension ExpressionPool {
  /// `merge-radicals`: the canonical radicals of a product's numeric radicals (each already
  /// canonical, with distinct bases), their rational part multiplied into `coefficient`; nil
  /// when a number grows past its limit.
  func mergedRadicals(_ radicals: [Expr], into coefficient: inout Rational, trace: RuleTrace?) -> [Expr]? {
    let powers = radicals.map { (rational(operand($0, 0))!, rational(operand($0, 1))!) }
    guard let (c, parts) = radicalForm(powers) else { return nil }
    let merged = parts.map { intern(.power, number(Rational($0.0)), number($0.1)) }
    if !c.isOne || Set(merged) != Set(radicals) { trace?.note(.mergeRadicals) }
    let before = coefficient
    coefficient = coefficient * c
    guard fits(coefficient, after: before, c) else { return nil }
    return merged
  }
}

extension ExpressionPool {
  /// `exact-powers` on a numeric radical or a product of a positive number and numeric radicals,
  /// to a rational power r that is not an integer: (c·Π bᵢ^(tᵢ))^r = c^r·Π bᵢ^(tᵢ·r), true for
  /// positive c and bᵢ: ((3/2)^(2/3))^(3/2) = 3/2, (2·√2)^(2/3) = 2. Nil for anything else.
  func numericRadicalPower(_ base: Expr, _ r: Rational) -> Expr? {
    // Screened without building the list: one factor that is not a number or a numeric radical
    // makes it nil (a product's last factor is looked at first), as does any kind but these.
    switch kind(base) {
    case .product:
      let last = operand(base, operandCount(base) - 1)
      guard kind(last) == .number || (kind(last) == .power && isNumericRadical(operand(last, 0), operand(last, 1)))
      else { return nil }
    case .power: guard isNumericRadical(operand(base, 0), operand(base, 1)) else { return nil }
    default: return nil
    }
    var powers: [(base: Rational, exponent: Rational)] = []
    for f in factors(base) {
      if let c = rational(f), !c.isNegative {
        powers.append((c, r))
      } else if kind(f) == .power, isNumericRadical(operand(f, 0), operand(f, 1)) {
        powers.append((rational(operand(f, 0))!, rational(operand(f, 1))! * r))
      } else {
        return nil
      }
    }
    guard kind(base) != .number, let (c, radicals) = radicalForm(powers) else { return nil }
    return radicalProduct(c, radicals)
  }
}
