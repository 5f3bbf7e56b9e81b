/// `multiply` of a long product and a few more factors, without sorting the product again.
///
/// The chain rule multiplies f'(u) into du at every level of a nested chain: d sin(sin(…(x)))
/// is cos(s₉₉₉₈)·cos(s₉₉₉₇)·…·cos(x), built one factor at a time. Collecting and sorting all k
/// factors at each level (flatten, group by base, sort, intern) made the chain quadratic with
/// a large constant: 10,000 levels took 12 s. A canonical product's factors are already sorted
/// (``compareFactors(_:_:)``, bases first) with distinct bases, so a new factor whose base is
/// not among them goes in at the place a binary search finds:
///
///   P·f = c·f₁·…·fᵢ·f·fᵢ₊₁·…·fₖ      where fᵢ < f < fᵢ₊₁ and base(f) ≠ base(fⱼ) for all j
///
/// which is exactly what collecting would give (every other group is one factor, rebuilt as
/// itself). Anything else (a shared base, two long products, undefined, a 0, a trace to note
/// rules in) takes the general path.
extension ExpressionPool {
  /// Products shorter than this take the general path (it is as fast on a few factors).
  static let mergeMinimumFactors = 8

  /// The canonical product of `factors` when it is one long product times numbers and factors
  /// (or short products of them) of new bases; nil otherwise. The numbers are folded in the
  /// order the general path folds them, after every other check, so the number work charged
  /// (``fits(_:after:_:)``) is the same on both paths.
  func mergedIntoProduct(_ factors: [Expr]) -> Expr? {
    guard factors.count <= 4,
      factors.contains(where: { kind($0) == .product && operandCount($0) >= Self.mergeMinimumFactors })
    else { return nil }
    var product: Expr?
    var numbers: [Rational] = []
    var extra: [Expr] = []
    func take(_ f: Expr) -> Bool {
      switch kind(f) {
      case .number: numbers.append(rational(f)!)
      case .symbol, .constant, .sum, .power, .call, .apply: extra.append(f)
      case .product, .undefined: return false
      }
      return true
    }
    for f in factors {
      guard kind(f) == .product else {
        if !take(f) { return nil }
        continue
      }
      let long = operandCount(f) >= Self.mergeMinimumFactors
      if long && product != nil { return nil }
      if long { product = f }
      for g in operands(f).prefix(long ? 1 : operandCount(f)) where kind(g) == .number || !long {
        if !take(g) { return nil }
      }
    }
    guard let product, !extra.isEmpty, !numbers.contains(where: \.isZero) else { return nil }
    var rest = Array(operands(product))
    if kind(rest[0]) == .number { rest.removeFirst() }
    for f in extra {
      let base = baseAndExponent(f).base
      // The first factor not before f; a factor with f's base would sit next to that place.
      var low = 0
      var high = rest.count
      while low < high {
        let middle = (low + high) / 2
        if compareFactors(rest[middle], f) < 0 { low = middle + 1 } else { high = middle }
      }
      if low < rest.count && baseAndExponent(rest[low]).base == base { return nil }
      if low > 0 && baseAndExponent(rest[low - 1]).base == base { return nil }
      rest.insert(f, at: low)
    }
    var coefficient = Rational.one
    for q in numbers {
      let before = coefficient
      coefficient = coefficient * q
      if !fits(coefficient, after: before, q) { return numberOverflow() }
    }
    if !coefficient.isOne { rest.insert(number(coefficient), at: 0) }
    return intern(.product, payload: 0, operands: rest)
  }
}
