/// Shortcuts of the smart constructors (`ExpressionPool+Construction.swift`) for the commonest
/// calls, which the parser, the differentiator and the simplifier make by the hundred thousand:
/// no operand array, no groups, no sort. Each gives the node the general path gives and charges
/// the same number work (``fits(_:after:_:)``), so the limits answer alike whichever path ran;
/// a ``RuleTrace`` forces the general paths (`ConstructionFastPathTests` compares them).
extension ExpressionPool {
  /// `add([t])` for a canonical `t`: `t` itself (each step of `add` rebuilds a canonical
  /// term as it was). A number of more than four limbs still takes the general path, which
  /// charges its fold as number work (``fits(_:after:_:)``).
  func single(_ t: Expr) -> Expr { isLargeNumber(t) ? collectTerms([t], trace: nil) : t }

  /// Whether `multiply` charges number work to fold `a`'s number: a number, or a product's
  /// coefficient, of more than four limbs.
  private func foldIsCharged(_ a: Expr) -> Bool {
    isLargeNumber(a) || (kind(a) == .product && isLargeNumber(operand(a, 0)))
  }

  /// A number of more than four limbs: its folds are charged as number work.
  private func isLargeNumber(_ e: Expr) -> Bool {
    let r = records[e.index]
    guard r.kind == .number else { return false }
    let q = numbers[Int(r.payload)]
    return q.numerator.limbCount + q.denominator.limbCount > 4
  }

  /// `a + b` for canonical terms that are not sums, not both numbers and not like terms
  /// (`-2 + 1/4*exp(u)`, `x + y`): the two terms sorted, without the general path's arrays and
  /// groups; 0 + b = b; nil for any other pair.
  func sumOfTwo(_ a: Expr, _ b: Expr) -> Expr? {
    // 0 + b = b, but a large number is folded into 0 twice by the general path, charged each time.
    if a == zero { return isLargeNumber(b) ? nil : b }
    if b == zero { return isLargeNumber(a) ? nil : a }
    let ka = kind(a)
    let kb = kind(b)
    if ka == .sum || kb == .sum || ka == .undefined || kb == .undefined || (ka == .number && kb == .number) {
      return nil
    }
    if ka == .number || kb == .number {
      let (n, t) = ka == .number ? (a, b) : (b, a)
      // The general path folds the number into 0 first: the same work is charged (none for a
      // number of at most four limbs, which fits).
      if isLargeNumber(n) {
        let q = rational(n)!
        if !fits(q, after: .zero, q) { return numberOverflow() }
      }
      // As `add` does for every term: a term's coefficient-free part is interned (an invariant).
      _ = coefficientFreePart(t)
      return intern(.sum, n, t)
    }
    let ra = coefficientFreePart(a)
    let rb = coefficientFreePart(b)
    if ra == rb { return nil }
    return compareTerms(a, rest: ra, b, rest: rb) < 0 ? intern(.sum, a, b) : intern(.sum, b, a)
  }

  /// `a·b` without the general path, or nil: u·1 = 1·u = u (unless folding u's number is
  /// charged: the charge depends on the order of the factors, which the other paths keep), and
  /// ``numberTimesFactor(_:_:)``.
  func productOfTwo(_ a: Expr, _ b: Expr) -> Expr? {
    if b == one && !foldIsCharged(a) { return a }
    if a == one && !foldIsCharged(b) { return b }
    return numberTimesFactor(a, b)
  }

  /// `a·b` where one is a number and the other a number or a factor that is not a product (a
  /// symbol, constant, call, application or canonical power): the product ``collectFactors(_:final:trace:)``
  /// builds, with the same size checks, without its arrays and groups (`2*x`, `1/4*exp(u)`
  /// from the parser). nil for any other pair.
  func numberTimesFactor(_ a: Expr, _ b: Expr) -> Expr? {
    let (c, x) = kind(a) == .number ? (a, b) : (b, a)
    guard kind(c) == .number else { return nil }
    // A small number (no work charged, and it fits: the pool holds it) times a symbol, call,
    // constant or application: 0, x, or the product, told by ids without reading the number.
    switch kind(x) {
    case .symbol, .call, .constant, .apply:
      if !isLargeNumber(c) {
        return c == zero ? zero : (c == one ? x : intern(.product, c, x))
      }
    case .number, .sum, .product, .power, .undefined: break
    }
    let q = rational(c)!
    if kind(x) == .number {
      let p = rational(x)!
      let first = Rational.one * q
      if !fits(first, after: .one, q) { return numberOverflow() }
      let value = first * p
      if !fits(value, after: first, p) { return numberOverflow() }
      return value.isZero ? zero : number(value)
    }
    switch kind(x) {
    case .symbol, .constant, .call, .apply: break
    // A power is collected as its base and exponent and rebuilt: the same node when canonical.
    case .power:
      guard isPlainPower(operand(x, 0), operand(x, 1)) || power(operand(x, 0), operand(x, 1)) == x else { return nil }
    default: return nil
    }
    if !fits(q, after: .one, q) { return numberOverflow() }
    if q.isZero { return zero }
    if q.isOne { return x }
    return intern(.product, c, x)
  }
}
