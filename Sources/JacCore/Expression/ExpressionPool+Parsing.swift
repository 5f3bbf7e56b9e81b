/// Constructors for what the parser builds most, each giving exactly the node (and creating
/// exactly the nodes, in the same order) that the general constructor gives, with less work for
/// the common case and the general constructor for every other:
/// - ``sumOfTerms(_:)``: `add(terms)` for a sum whose terms are all unlike (`u1 - 2*u2 + u3`),
///   without `add`'s groups and keyed arrays;
/// - ``numberQuotient(_:_:)`` and ``numberProduct(_:_:)``: `a/b` and `a·b` of two small numbers
///   (`1/2563201`), without the power and product they go through.
extension ExpressionPool {
  /// `add(terms)`. The terms are flattened and their numbers summed as `add` does; when no two
  /// of the others share a coefficient-free part, the sum is the terms themselves, sorted by
  /// ``compareTerms(_:rest:_:rest:)`` (terms with the same part sort next to each other, so a
  /// pass over the sorted terms finds any). Anything else goes to `add`.
  func sumOfTerms(_ terms: [Expr]) -> Expr {
    for t in terms where kind(t) == .undefined { return undefined }
    var constant = Rational.zero
    var numbers = 0
    var parts: [(term: Expr, rest: Expr)] = []
    parts.reserveCapacity(terms.count)
    // The terms in `add`'s order: each sum's operands in its place.
    func take(_ t: Expr) -> Bool {
      guard let q = rational(t) else {
        parts.append((t, coefficientAndRest(t).1))
        return true
      }
      numbers += 1
      let before = constant
      constant = constant + q
      return fits(constant, after: before, q)
    }
    for t in terms {
      if kind(t) == .sum {
        for u in operandLists[t.index] where !take(u) { return numberOverflow() }
      } else if !take(t) {
        return numberOverflow()
      }
    }
    if parts.isEmpty || (parts.count == 1 && numbers == 0) { return add(terms) }
    sortTerms(&parts)
    for i in 1..<parts.count where parts[i].rest == parts[i - 1].rest { return add(terms) }
    var operands: [Expr] = []
    operands.reserveCapacity(parts.count + 1)
    if !constant.isZero { operands.append(number(constant)) }
    for p in parts { operands.append(p.term) }
    if operands.count == 1 { return operands[0] }
    return intern(.sum, payload: 0, operands: operands)
  }

  /// Sorts terms as `add` does (a stable sort by ``compareTerms(_:rest:_:rest:)``): by insertion
  /// when they are few, not at all when they are already in order (generated input often is:
  /// `x1^2 + x2^2 + …`).
  private func sortTerms(_ parts: inout [(term: Expr, rest: Expr)]) {
    func less(_ a: (term: Expr, rest: Expr), _ b: (term: Expr, rest: Expr)) -> Bool {
      compareTerms(a.term, rest: a.rest, b.term, rest: b.rest) < 0
    }
    if parts.count <= 8 {
      for i in 1..<parts.count {
        let p = parts[i]
        var j = i
        while j > 0 && less(p, parts[j - 1]) {
          parts[j] = parts[j - 1]
          j -= 1
        }
        parts[j] = p
      }
      return
    }
    for i in 1..<parts.count where less(parts[i], parts[i - 1]) {
      parts.sort(by: less)
      return
    }
  }

  /// Whether `q` is small enough that folding it costs no ``numberWork`` and cannot overflow.
  private func isSmall(_ q: Rational) -> Bool { q.numerator.limbCount + q.denominator.limbCount <= 4 }

  /// `divide(a, b)` for numbers `a` and `b ≠ 0` that are small (nil otherwise): the reciprocal of
  /// b, then the product, as `power(b, -1)` and `multiply` make them.
  func numberQuotient(_ a: Expr, _ b: Expr) -> Expr? {
    guard let p = rational(a), let q = rational(b), !q.isZero, isSmall(p), isSmall(q) else { return nil }
    let reciprocal = Rational.one / q
    _ = number(reciprocal)
    return number(p * reciprocal)
  }

  /// `multiply(a, b)` for small numbers `a` and `b` (nil otherwise).
  func numberProduct(_ a: Expr, _ b: Expr) -> Expr? {
    guard let p = rational(a), let q = rational(b), isSmall(p), isSmall(q) else { return nil }
    return number(p * q)
  }
}
