/// Smart constructors: the only way sums, products, powers and calls are made. Each returns the
/// canonical form of its result:
/// - `add`: flatten, fold numbers (1/3 + 1/6 = 1/2), collect like terms (2x + 3x = 5x), drop 0;
/// - `multiply`: flatten, fold numbers, collect like bases (x·x = x², x·y/x = y), drop 1, 0·u = 0,
///   merge numeric radicals of one index (√2·√6 = 2√3, `ExpressionPool+Radicals.swift`);
/// - `power`: u⁰ = 1 (0⁰ = 1 too), u¹ = u, 1ᵘ = 1, exact numeric powers and roots (√12 = 2√3),
///   (u^a)^n = u^(a·n) for integer n, (a·b)^n = aⁿ·bⁿ for integer n, exp(u)^v = exp(u·v);
/// - `call` (`ExpressionPool+Calls.swift`): known values (sin 0, cos π, log 1, exp 0, …), odd and even symmetry, exp∘log and
///   log∘exp, trigonometric and hyperbolic functions of their inverses, |u| of what cannot be
///   negative.
/// `undefined` (from 1/0, log 0) absorbs every operation.
///
/// Each identity is a named ``SimplificationRule`` (``SimplificationRule/Stage/canonicalForm``),
/// noted where it is applied into the ``RuleTrace`` the caller passes, if any; every constructor
/// passes its trace on to the constructors it calls.
extension ExpressionPool {
  /// Largest number of bits an exact numeric power may produce before it is kept symbolic.
  public static let maxExactPowerBits = 100_000
  /// Largest exact number: numerator and denominator of at most 131,072 bits (39,457 digits,
  /// so every number jac prints reads back: ``Lexer/maxLiteralDigits`` is 40,000). A fold past
  /// it (`2^99999 * 3^99999 * 5^99999 * …`, or a sum of 1/p over many primes) would make every
  /// later step slower; it gives `undefined` and sets ``numberTooLarge``, which the engine
  /// reports as a limit. Checked on limb counts, so the common small case costs a comparison.
  public static let maxNumberLimbs = 4096

  /// Work allowed on large numbers per request, in squared limb counts (a fold of 4096-limb
  /// numbers is 16.8M): a few folds of the largest numbers, not thousands of large ones (a sum
  /// of 1/p over 20,000 primes has a denominator that grows at every step, and each step's
  /// gcd is quadratic in its size).
  public static let maxNumberWork = 50_000_000

  /// Whether `q` is within ``maxNumberLimbs``, after charging the work of the fold that made it
  /// (small operands are not counted): the product of the limb counts when both operands are
  /// integers (no gcd is taken; 2·2·…·2 with 5,000 factors costs little), else the square of
  /// the larger count (the gcd that reduces the result is quadratic).
  func fits(_ q: Rational, after a: Rational, _ b: Rational) -> Bool {
    let sizeA = a.numerator.limbCount + a.denominator.limbCount
    let sizeB = b.numerator.limbCount + b.denominator.limbCount
    if sizeA > 4 || sizeB > 4 {
      numberWork += a.isInteger && b.isInteger ? sizeA * sizeB : max(sizeA, sizeB) * max(sizeA, sizeB)
      if numberWork > Self.maxNumberWork { return false }
    }
    return fits(q)
  }

  /// Whether `q` is within ``maxNumberLimbs``.
  func fits(_ q: Rational) -> Bool {
    q.numerator.limbCount <= Self.maxNumberLimbs && q.denominator.limbCount <= Self.maxNumberLimbs
  }

  /// Records that a fold went past ``maxNumberLimbs``; the caller returns `undefined`.
  func numberOverflow() -> Expr {
    numberTooLarge = true
    return undefined
  }

  public func add(_ a: Expr, _ b: Expr, trace: RuleTrace? = nil) -> Expr {
    if trace == nil, let e = sumOfTwo(a, b) { return e }
    return collectTerms([a, b], trace: trace)
  }
  /// −F for a sum F as a sum, each term's sign turned: −(x − 2) = 2 − x (``negate(_:)`` would
  /// keep F and turn its coefficient).
  func turned(_ sum: Expr) -> Expr { add(operands(sum).map { negate($0) }) }
  public func subtract(_ a: Expr, _ b: Expr, trace: RuleTrace? = nil) -> Expr {
    add([a, negate(b, trace: trace)], trace: trace)
  }
  /// `-a`. A number or product only changes its coefficient (what `multiply` would do, without
  /// regrouping the factors); the printers negate every subtracted term.
  public func negate(_ a: Expr, trace: RuleTrace? = nil) -> Expr {
    switch kind(a) {
    case .number: return number(-rational(a)!)
    case .product, .symbol, .call, .sum:
      let (c, rest) = coefficientAndRest(a)
      return scaled(rest, by: -c)
    default: return multiply([minusOne, a], trace: trace)
    }
  }
  public func multiply(_ a: Expr, _ b: Expr, trace: RuleTrace? = nil) -> Expr {
    if trace == nil, let e = productOfTwo(a, b) { return e }
    return multiplyCollecting([a, b], trace: trace)
  }
  public func divide(_ a: Expr, _ b: Expr, trace: RuleTrace? = nil) -> Expr {
    multiply([a, power(b, minusOne, trace: trace)], trace: trace)
  }
  public func square(_ a: Expr, trace: RuleTrace? = nil) -> Expr { power(a, number(2), trace: trace) }
  public func sqrt(_ a: Expr, trace: RuleTrace? = nil) -> Expr { power(a, half, trace: trace) }
  public func reciprocal(_ a: Expr, trace: RuleTrace? = nil) -> Expr { power(a, minusOne, trace: trace) }

  /// `t₁ + t₂ + …` in canonical form: `fold-constants` (1/3 + 1/6 = 1/2), `collect-like-terms`
  /// (2x + 3x = 5x), `identity-elements` (u + 0 = u).
  public func add(_ terms: [Expr], trace: RuleTrace? = nil) -> Expr {
    if trace == nil {
      if terms.count == 1 { return single(terms[0]) }
      if terms.count == 2, let e = sumOfTwo(terms[0], terms[1]) { return e }
    }
    return collectTerms(terms, trace: trace)
  }

  /// ``add(_:trace:)``'s general path: flatten, fold, collect, sort. A term alone in its group
  /// is kept as it came (rebuilding it from its coefficient and rest gives the same node).
  func collectTerms(_ terms: [Expr], trace: RuleTrace?) -> Expr {
    for t in terms where kind(t) == .undefined { return undefined }
    var constant = Rational.zero
    var numbers = 0
    var collected = false
    var coefficients = OrderedGroups<Rational>(capacity: terms.count + 2)
    // Per group, its term while it has one member, else 0.
    var alone: [Expr] = []
    alone.reserveCapacity(terms.count + 2)
    var tooLarge = false
    var overflow = false
    func take(_ t: Expr) {
      if let q = rational(t) {
        if q.isZero { trace?.note(.identityElements) }
        numbers += 1
        let before = constant
        constant = constant + q
        overflow = overflow || !fits(constant, after: before, q)
        return
      }
      let (c, rest) = coefficientAndRest(t)
      let i = coefficients.add(rest, c) { sum, c in
        collected = true
        guard !tooLarge else { return }
        let before = sum
        sum = sum + c
        tooLarge = !fits(sum, after: before, c)
      }
      if i == alone.count { alone.append(t) } else { alone[i] = zero }
    }
    for t in terms {
      if kind(t) == .sum {
        for k in 0..<operandCount(t) where !overflow { take(operand(t, k)) }
      } else {
        take(t)
      }
      if overflow { return numberOverflow() }
    }
    if tooLarge { return numberOverflow() }
    if numbers >= 2 { trace?.note(.foldConstants) }
    if collected { trace?.note(.collectLikeTerms) }
    // Like terms over a sum whose coefficients add up to 1 are that sum: 2·(x + 1) − (x + 1) + y
    // = (x + 1) + y, whose terms must be flattened and collected with the others (x + y + 1).
    // Each pass takes a level of nesting off, so this ends.
    let sumOfItsOwn = coefficients.values.indices.contains { i in
      coefficients.values[i].isOne && alone[i] == zero && kind(coefficients.keys[i]) == .sum
    }
    if sumOfItsOwn {
      var flattened = constant.isZero ? [] : [number(constant)]
      for (i, rest) in coefficients.keys.enumerated() where !coefficients.values[i].isZero {
        flattened.append(alone[i] != zero ? alone[i] : scaled(rest, by: coefficients.values[i]))
      }
      return collectTerms(flattened, trace: trace)
    }
    // The pool's scratch array, handed back on return (the call above is done with it by then).
    var result = termScratch
    termScratch = []
    result.removeAll(keepingCapacity: true)
    defer { termScratch = result }
    if !constant.isZero { result.append((number(constant), one)) }
    for (i, rest) in coefficients.keys.enumerated() where !coefficients.values[i].isZero {
      result.append((alone[i] != zero ? alone[i] : scaled(rest, by: coefficients.values[i]), rest))
    }
    if result.isEmpty { return zero }
    if result.count == 1 { return result[0].term }
    result.sort { compareTerms($0.term, rest: $0.rest, $1.term, rest: $1.rest) < 0 }
    return intern(.sum, payload: 0, operands: result.lazy.map { $0.term })
  }

  /// `c·rest` where `rest` is a canonical product without a coefficient, or a non-product.
  func scaled(_ rest: Expr, by c: Rational) -> Expr {
    if c.isOne { return rest }
    if c.isZero { return zero }
    if rest == one { return number(c) }
    if kind(rest) == .product {
      return intern(.product, payload: 0, operands: [number(c)] + operands(rest))
    }
    return intern(.product, number(c), rest)
  }

  /// `f₁·f₂·…` in canonical form: `fold-constants` (2·3 = 6), `collect-like-factors`
  /// (x·x = x², x·y/x = y), `identity-elements` (1·u = u, 0·u = 0).
  public func multiply(_ factors: [Expr], trace: RuleTrace? = nil) -> Expr {
    if trace == nil, factors.count == 2, let e = productOfTwo(factors[0], factors[1]) { return e }
    return multiplyCollecting(factors, trace: trace)
  }

  /// ``multiply(_:trace:)`` past its number·factor shortcut.
  func multiplyCollecting(_ factors: [Expr], trace: RuleTrace?) -> Expr {
    if trace == nil, let merged = mergedIntoProduct(factors) { return merged }
    var work = factors
    for _ in 0..<4 {
      switch collectFactors(work, trace: trace) {
      case .done(let e): return e
      case .again(let next): work = next
      }
    }
    // Pathological inputs: settle for the last collected form.
    if case .done(let e) = collectFactors(work, final: true, trace: trace) { return e }
    return undefined
  }

  private enum Collected {
    case done(Expr)
    case again([Expr])
  }

  /// One pass of flattening and collecting; `.again` when a collected power produced a number
  /// or a product that must be folded in again.
  private func collectFactors(_ factors: [Expr], final: Bool = false, trace: RuleTrace?) -> Collected {
    var coefficient = Rational.one
    var numbers = 0
    var flat: [Expr] = []
    flat.reserveCapacity(factors.count)
    for f in factors {
      switch kind(f) {
      case .undefined: return .done(undefined)
      case .product: flat.append(contentsOf: operands(f))
      default: flat.append(f)
      }
    }
    var exponents = OrderedGroups<[Expr]>(capacity: flat.count)
    for f in flat {
      if let q = rational(f) {
        if q.isOne || (q.isZero && flat.count > 1) { trace?.note(.identityElements) }
        numbers += 1
        let before = coefficient
        coefficient = coefficient * q
        if !fits(coefficient, after: before, q) { return .done(numberOverflow()) }
        continue
      }
      let (b, e) = baseAndExponent(f)
      exponents.add(b, [e]) { $0 += $1 }
    }
    if numbers >= 2 { trace?.note(.foldConstants) }
    if coefficient.isZero { return .done(zero) }
    var result: [Expr] = []
    // Numeric radicals (2^(1/2), 3^(1/3)), merged after the loop (`merge-radicals`).
    var radicals: [Expr] = []
    var again = false
    for (b, list) in zip(exponents.keys, exponents.values) {
      if list.count > 1 { trace?.note(.collectLikeFactors) }
      let f =
        list.count == 1
        ? (list[0] == one ? b : power(b, list[0])) : power(b, add(list, trace: trace), trace: trace)
      switch kind(f) {
      case .undefined: return .done(undefined)
      case .number:
        let before = coefficient
        coefficient = coefficient * rational(f)!
        if !fits(coefficient, after: before, rational(f)!) { return .done(numberOverflow()) }
      case .product:
        // A collected power that became a product (from (a·b)^(1/2) twice) is flattened again.
        again = again || !final
        result.append(f)
      case .power where isNumericRadical(operand(f, 0), operand(f, 1)):
        radicals.append(f)
      default:
        if f != one { result.append(f) }
        // A power whose base changed ((√y)^(-1) = y^(-1/2), exp(x)^2 = exp(2·x)) may now share
        // its base with another factor: collect again.
        if f != b && f != one && baseAndExponent(f).base != b { again = again || !final }
      }
    }
    if radicals.count == 1 {
      result.append(radicals[0])
    } else if radicals.count > 1 {
      guard let merged = mergedRadicals(radicals, into: &coefficient, trace: trace) else {
        return .done(numberOverflow())
      }
      // A merged radical's base may be another factor's (a number to a power kept symbolic).
      let bases = result.map { baseAndExponent($0).base }
      again = again || (!final && merged.contains { bases.contains(operand($0, 0)) })
      result += merged
    }
    if coefficient.isZero { return .done(zero) }
    if again { return .again(coefficient.isOne ? result : [number(coefficient)] + result) }
    if result.isEmpty { return .done(number(coefficient)) }
    if result.count == 1 && coefficient.isOne { return .done(result[0]) }
    result.sort { compareFactors($0, $1) < 0 }
    if !coefficient.isOne { result.insert(number(coefficient), at: 0) }
    return .done(intern(.product, payload: 0, operands: result))
  }

  /// `base^exponent` in canonical form: `identity-elements` (u⁰ = 1, u¹ = u, 1ᵘ = 1),
  /// `exact-powers` (2¹⁰ = 1024, 8^(2/3) = 4, 0² = 0), `power-of-power` ((u^a)^n = u^(a·n) and
  /// (a·b)^n = aⁿ·bⁿ for integer n, exp(u)^v = exp(u·v)).
  public func power(_ base: Expr, _ exponent: Expr, trace: RuleTrace? = nil) -> Expr {
    if kind(base) == .undefined || kind(exponent) == .undefined { return undefined }
    if exponent == zero || base == one {
      trace?.note(.identityElements)
      return one
    }
    if exponent == one {
      trace?.note(.identityElements)
      return base
    }
    let q = rational(exponent)
    if base == zero, let q {
      trace?.note(.exactPowers)
      return q.isNegative ? undefined : zero
    }
    if let b = rational(base), let q, let v = numericPower(b, q, trace: trace) {
      trace?.note(.exactPowers)
      return v
    }
    if let q, !q.isInteger, let v = numericRadicalPower(base, q) {
      trace?.note(.exactPowers)
      return v
    }
    if let q, !q.isInteger, let v = rootOfPower(base, q, trace: trace) { return v }
    switch kind(base) {
    case .power:
      if let q, q.isInteger {
        trace?.note(.powerOfPower)
        return power(operand(base, 0), multiply(operand(base, 1), exponent, trace: trace), trace: trace)
      }
    case .product:
      if let q, q.isInteger {
        trace?.note(.powerOfPower)
        return multiply(operands(base).map { power($0, exponent, trace: trace) }, trace: trace)
      }
    case .call:
      if function(base) == .exp {
        trace?.note(.powerOfPower)
        return call(.exp, multiply(operand(base, 0), exponent, trace: trace), trace: trace)
      }
    case .number, .symbol, .constant, .sum, .apply, .undefined:
      break
    }
    return intern(.power, base, exponent)
  }

  /// Exact `b^q` for rational `b` and `q`, or nil to keep it symbolic.
  /// `root-of-even-power`, for a rational exponent r that is not an integer, on the reals:
  /// - (u^m)^r = u^(m·r) for odd m (an odd power keeps the sign, and jac's odd roots are real);
  /// - (u^m)^r = |u|^(m·r) for even m (u^m ≥ 0 whatever u's sign): √(u²) = |u|, (x⁴)^(1/4) = |x|,
  ///   written u^(m·r) when m·r = p/q has an even p and an odd q ((x²)^(1/3) = x^(2/3));
  /// - (c·f₁·…·fₖ)^r = c^r·f₁^r·…·fₖ^r when no factor can be negative and c^r is rational:
  ///   √(4x²) = 2|x| (√(2x²) stays).
  private func rootOfPower(_ base: Expr, _ r: Rational, trace: RuleTrace?) -> Expr? {
    switch kind(base) {
    case .power:
      guard let m = rational(operand(base, 1)), m.isInteger else { return nil }
      let u = operand(base, 0)
      let s = m * r
      trace?.note(.rootOfEvenPower)
      // |u|^s = u^s when s = p/q has an even p and an odd q: u^s is then real and non-negative.
      let bars = m.numerator.isEven && canBeNegative(u) && !(s.numerator.isEven && !s.denominator.isEven)
      return power(bars ? call(.abs, u, trace: trace) : u, number(s), trace: trace)
    case .product:
      let factors = operands(base)
      guard factors.allSatisfy({ !canBeNegative($0) }) else { return nil }
      // A number whose root is not exact stays inside: (2x²)^(1/2) is not made √2·|x|.
      if let c = rational(factors[0]), numericPower(c, r, trace: nil).map(isNumber) != true { return nil }
      trace?.note(.rootOfEvenPower)
      return multiply(factors.map { power($0, number(r), trace: trace) }, trace: trace)
    case .number, .symbol, .constant, .sum, .call, .apply, .undefined:
      return nil
    }
  }

  private func numericPower(_ b: Rational, _ q: Rational, trace: RuleTrace?) -> Expr? {
    guard let p = q.numerator.intValue, let n = q.denominator.intValue, p != .min else { return nil }
    // A result no larger than the base (|p/n| ≤ 1: a reciprocal, a root) is always computed, so
    // a number the pool holds (up to `Limits.numberBits`) has its reciprocal too (and the base's
    // size is not even measured when |p| < 2²⁰: 1/4000000 is read as 4000000^(-1). A pool's
    // number has at most 2¹⁷ bits, so bits·|p| cannot overflow then.
    if abs(p) > n || abs(p) >= 1 << 20 {
      let bits = max(b.numerator.bitWidth, b.denominator.bitWidth)
      // Checked arithmetic: exponents near Int.max come from input like 6^66660.5666666666666666.
      let (work, overflow) = bits.multipliedReportingOverflow(by: abs(p))
      guard !overflow, work / n <= max(Self.maxExactPowerBits, bits) else { return nil }
    }
    if n == 1 { return number(b.power(p)) }
    // A positive base: its perfect powers come out, 12^(1/2) = 2·3^(1/2) (ExpressionPool+Radicals).
    if !b.isNegative { return numericRadical(b, q) }
    // b^(p/n) = b^k · b^(r/n) with p = k·n + r, 0 < r < n (floor division, without overflow).
    var r = p % n
    if r < 0 { r += n }
    let k = p / n - (p % n < 0 ? 1 : 0)
    if k != 0 {
      let fraction = number(Rational(BigInt(r), BigInt(n)))
      return multiply(number(b.power(k)), power(number(b), fraction, trace: trace), trace: trace)
    }
    // An odd root of a negative number is real: (−8)^(2/3) = ((−8)^(1/3))² = 4, and
    // (−2)^(1/3) = −2^(1/3) (the value ``evaluate(_:_:)`` gives); an even root of one is not.
    if b.isNegative {
      guard n % 2 == 1 else { return nil }
      let root = power(number(-b), number(Rational(BigInt(r), BigInt(n))))
      return r % 2 == 0 ? root : negate(root)
    }
    guard let num = b.numerator.exactRoot(n), let den = b.denominator.exactRoot(n) else { return nil }
    return number(Rational(num, den).power(r))
  }
}
