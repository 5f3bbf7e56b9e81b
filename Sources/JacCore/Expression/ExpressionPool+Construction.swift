/// Smart constructors: the only way sums, products, powers and calls are made. Each returns the
/// canonical form of its result:
/// - `add`: flatten, fold numbers (1/3 + 1/6 = 1/2), collect like terms (2x + 3x = 5x), drop 0;
/// - `multiply`: flatten, fold numbers, collect like bases (x·x = x², x·y/x = y), drop 1, 0·u = 0;
/// - `power`: u⁰ = 1 (0⁰ = 1 too), u¹ = u, 1ᵘ = 1, exact numeric powers and roots,
///   (u^a)^n = u^(a·n) for integer n, (a·b)^n = aⁿ·bⁿ for integer n, exp(u)^v = exp(u·v);
/// - `call`: known values (sin 0, cos π, log 1, exp 0, …), odd and even symmetry, exp∘log and
///   log∘exp, trigonometric and hyperbolic functions of their inverses, |u| of what cannot be
///   negative.
/// `undefined` (from 1/0, log 0) absorbs every operation.
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

  public func add(_ a: Expr, _ b: Expr) -> Expr { add([a, b]) }
  /// −F for a sum F as a sum, each term's sign turned: −(x − 2) = 2 − x (``negate(_:)`` would
  /// keep F and turn its coefficient).
  func turned(_ sum: Expr) -> Expr { add(operands(sum).map(negate)) }
  public func subtract(_ a: Expr, _ b: Expr) -> Expr { add([a, negate(b)]) }
  /// `-a`. A number or product only changes its coefficient (what `multiply` would do, without
  /// regrouping the factors); the printers negate every subtracted term.
  public func negate(_ a: Expr) -> Expr {
    switch kind(a) {
    case .number: return number(-rational(a)!)
    case .product, .symbol, .call, .sum:
      let (c, rest) = coefficientAndRest(a)
      return scaled(rest, by: -c)
    default: return multiply([minusOne, a])
    }
  }
  public func multiply(_ a: Expr, _ b: Expr) -> Expr { multiply([a, b]) }
  public func divide(_ a: Expr, _ b: Expr) -> Expr { multiply([a, power(b, minusOne)]) }
  public func square(_ a: Expr) -> Expr { power(a, number(2)) }
  public func sqrt(_ a: Expr) -> Expr { power(a, half) }
  public func reciprocal(_ a: Expr) -> Expr { power(a, minusOne) }

  /// `t₁ + t₂ + …` in canonical form.
  public func add(_ terms: [Expr]) -> Expr {
    var constant = Rational.zero
    var pending = terms[...]
    var flat: [Expr] = []
    while let t = pending.popFirst() {
      switch kind(t) {
      case .undefined: return undefined
      case .sum: flat.append(contentsOf: operands(t))
      default: flat.append(t)
      }
    }
    var coefficients = OrderedGroups<Rational>(capacity: flat.count)
    var tooLarge = false
    for t in flat {
      if let q = rational(t) {
        let before = constant
        constant = constant + q
        if !fits(constant, after: before, q) { return numberOverflow() }
        continue
      }
      let (c, rest) = coefficientAndRest(t)
      coefficients.add(rest, c) { sum, c in
        guard !tooLarge else { return }
        let before = sum
        sum = sum + c
        tooLarge = !fits(sum, after: before, c)
      }
    }
    if tooLarge { return numberOverflow() }
    var result: [Expr] = []
    if !constant.isZero { result.append(number(constant)) }
    for (rest, c) in zip(coefficients.keys, coefficients.values) where !c.isZero {
      result.append(scaled(rest, by: c))
    }
    if result.isEmpty { return zero }
    if result.count == 1 { return result[0] }
    result.sort { compareTerms($0, $1) < 0 }
    return intern(.sum, payload: 0, operands: result)
  }

  /// `c·rest` where `rest` is a canonical product without a coefficient, or a non-product.
  func scaled(_ rest: Expr, by c: Rational) -> Expr {
    if c.isOne { return rest }
    if c.isZero { return zero }
    if rest == one { return number(c) }
    if kind(rest) == .product {
      return intern(.product, payload: 0, operands: [number(c)] + operands(rest))
    }
    return intern(.product, payload: 0, operands: [number(c), rest])
  }

  /// `f₁·f₂·…` in canonical form.
  public func multiply(_ factors: [Expr]) -> Expr {
    var work = factors
    for _ in 0..<4 {
      switch collectFactors(work) {
      case .done(let e): return e
      case .again(let next): work = next
      }
    }
    // Pathological inputs: settle for the last collected form.
    if case .done(let e) = collectFactors(work, final: true) { return e }
    return undefined
  }

  private enum Collected {
    case done(Expr)
    case again([Expr])
  }

  /// One pass of flattening and collecting; `.again` when a collected power produced a number
  /// or a product that must be folded in again.
  private func collectFactors(_ factors: [Expr], final: Bool = false) -> Collected {
    var coefficient = Rational.one
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
        let before = coefficient
        coefficient = coefficient * q
        if !fits(coefficient, after: before, q) { return .done(numberOverflow()) }
        continue
      }
      let (b, e) = baseAndExponent(f)
      exponents.add(b, [e]) { $0 += $1 }
    }
    if coefficient.isZero { return .done(zero) }
    var result: [Expr] = []
    var again = false
    for (b, list) in zip(exponents.keys, exponents.values) {
      let f = list.count == 1 ? (list[0] == one ? b : power(b, list[0])) : power(b, add(list))
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
      default:
        if f != one { result.append(f) }
        // A power whose base changed ((√y)^(-1) = y^(-1/2), exp(x)^2 = exp(2·x)) may now share
        // its base with another factor: collect again.
        if f != b && f != one && baseAndExponent(f).base != b { again = again || !final }
      }
    }
    if coefficient.isZero { return .done(zero) }
    if again { return .again(coefficient.isOne ? result : [number(coefficient)] + result) }
    if result.isEmpty { return .done(number(coefficient)) }
    if result.count == 1 && coefficient.isOne { return .done(result[0]) }
    result.sort { compareFactors($0, $1) < 0 }
    if !coefficient.isOne { result.insert(number(coefficient), at: 0) }
    return .done(intern(.product, payload: 0, operands: result))
  }

  /// `base^exponent` in canonical form.
  public func power(_ base: Expr, _ exponent: Expr) -> Expr {
    if kind(base) == .undefined || kind(exponent) == .undefined { return undefined }
    if exponent == zero { return one }
    if exponent == one { return base }
    if base == one { return one }
    let q = rational(exponent)
    if base == zero, let q {
      return q.isNegative ? undefined : zero
    }
    if let b = rational(base), let q { if let v = numericPower(b, q) { return v } }
    switch kind(base) {
    case .power:
      if let q, q.isInteger {
        return power(operand(base, 0), multiply(operand(base, 1), exponent))
      }
    case .product:
      if let q, q.isInteger {
        return multiply(operands(base).map { power($0, exponent) })
      }
    case .call:
      if function(base) == .exp {
        return call(.exp, multiply(operand(base, 0), exponent))
      }
    case .number, .symbol, .constant, .sum, .undefined:
      break
    }
    return intern(.power, payload: 0, operands: [base, exponent])
  }

  /// Exact `b^q` for rational `b` and `q`, or nil to keep it symbolic.
  private func numericPower(_ b: Rational, _ q: Rational) -> Expr? {
    guard let p = q.numerator.intValue, let n = q.denominator.intValue, p != .min else { return nil }
    let bits = max(b.numerator.bitWidth, b.denominator.bitWidth)
    // Checked arithmetic: exponents near Int.max come from input like 6^66660.5666666666666666.
    let (work, overflow) = bits.multipliedReportingOverflow(by: abs(p))
    guard !overflow, work / n <= Self.maxExactPowerBits else { return nil }
    if n == 1 { return number(b.power(p)) }
    // b^(p/n) = b^k · b^(r/n) with p = k·n + r, 0 < r < n (floor division, without overflow).
    var r = p % n
    if r < 0 { r += n }
    let k = p / n - (p % n < 0 ? 1 : 0)
    if k != 0 {
      let fraction = number(Rational(BigInt(r), BigInt(n)))
      return multiply(number(b.power(k)), power(number(b), fraction))
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

  /// `f(argument)` in canonical form.
  public func call(_ f: Function, _ argument: Expr) -> Expr {
    if kind(argument) == .undefined { return undefined }
    if let v = knownValue(f, argument) { return v }
    let (c, rest) = coefficientAndRest(argument)
    if c.isNegative {
      let positive = scaled(rest, by: -c)
      if f.isOdd { return negate(call(f, positive)) }
      if f.isEven { return call(f, positive) }
    }
    switch f {
    case .exp:
      if function(argument) == .log { return operand(argument, 0) }
    case .log:
      if function(argument) == .exp { return operand(argument, 0) }
    case .abs:
      if !canBeNegative(argument) { return argument }
      // |a·b| = |a|·|b|: non-negative factors come out (|r²·sin p| = r²·|sin p|).
      if kind(argument) == .product {
        let factors = operands(argument)
        let outside = factors.filter { !canBeNegative($0) }
        if !outside.isEmpty {
          let inside = factors.filter { canBeNegative($0) }
          return multiply(outside + [call(.abs, multiply(inside))])
        }
      }
    case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh:
      if let inner = function(argument), !isNumber(operand(argument, 0)),
        let v = ofInverse(f, inner, operand(argument, 0))
      {
        return v
      }
    case .asin, .acos, .atan, .asinh, .acosh, .atanh:
      break
    }
    return intern(.call, payload: Int32(f.rawValue), operands: CollectionOfOne(argument))
  }

  /// `trig-of-inverse`: f(g(u)) for an inverse function g, on the real domain of g(u) (where
  /// g(u) is undefined, so is the input): sin(asin u) = u, cot(atan u) = 1/u,
  /// cos(asin u) = sin(acos u) = √(1 − u²) (asin lies in [−π/2, π/2] and acos in [0, π], where
  /// cos and sin are non-negative), cos(atan u) = 1/√(1 + u²), sin(atan u) = u/√(1 + u²).
  /// Only for a symbolic u, so that a number outside the domain (asin(2)) stays as written.
  private func ofInverse(_ f: Function, _ g: Function, _ u: Expr) -> Expr? {
    switch (f, g) {
    case (.sin, .asin), (.cos, .acos), (.tan, .atan), (.sinh, .asinh), (.cosh, .acosh), (.tanh, .atanh):
      return u
    case (.cot, .atan), (.sec, .acos), (.csc, .asin):
      return reciprocal(u)
    case (.cos, .asin), (.sin, .acos):
      return sqrt(subtract(one, square(u)))
    case (.cos, .atan):
      return reciprocal(sqrt(add(one, square(u))))
    case (.sin, .atan):
      return multiply(u, reciprocal(sqrt(add(one, square(u)))))
    default:
      return nil
    }
  }

  /// True unless `e` is plainly non-negative for every real value of its variables.
  func canBeNegative(_ e: Expr) -> Bool {
    switch node(e) {
    case .number(let q): return q.isNegative
    case .constant: return false
    case .call(let f, _): return !(f == .exp || f == .abs || f == .cosh)
    case .power(let b, let x):
      if let q = rational(x), q.numerator.isEven { return false }
      return canBeNegative(b)
    case .product(let fs): return fs.contains { canBeNegative($0) }
    case .sum(let ts): return ts.contains { canBeNegative($0) }
    case .symbol, .undefined: return true
    }
  }
}
