/// Constructors for what the parser builds most, each giving exactly the node (and creating
/// exactly the nodes, in the same order) that the general constructor gives, with less work for
/// the common case and the general constructor for every other:
/// - ``sumOfTerms(_:)``: `add(terms)` for a sum whose terms are all unlike (`u1 - 2*u2 + u3`),
///   without `add`'s groups and keyed arrays;
/// - ``numberQuotient(_:_:)``: `a/b` of two small numbers (`1/2563201`), without the power and
///   product it goes through (`2*u5` needs nothing here: `multiply` of two factors takes its own
///   shortcut, ``numberTimesFactor(_:_:)``);
/// - ``plainPower(_:_:)``: `power(u, v)` where no rule of `power` applies (`x1^2`, `(x2 - x1^2)^2`).
extension ExpressionPool {
  /// `add(terms)`. The terms are flattened and their numbers summed as `add` does; when no two
  /// of the others share a coefficient-free part, the sum is the terms themselves, sorted by
  /// ``compareTerms(_:rest:_:rest:)`` (terms with the same part sort next to each other, so a
  /// pass over the sorted terms finds any). Anything else goes to `add`.
  func sumOfTerms<Terms: RandomAccessCollection<Expr>>(_ terms: Terms) -> Expr {
    if terms.count >= 2 && terms.count <= 8, let e = sumOfFewTerms(terms) { return e }
    for t in terms where kind(t) == .undefined { return undefined }
    var constant = Rational.zero
    var numbers = 0
    // The terms and their coefficient-free parts, in a scratch array kept between calls.
    var parts = termScratch
    termScratch = []
    parts.removeAll(keepingCapacity: true)
    defer { termScratch = parts }
    // The terms in `add`'s order: each sum's operands in its place.
    func take(_ t: Expr) -> Bool {
      guard kind(t) == .number else {
        parts.append((t, coefficientFreePart(t)))
        return true
      }
      let q = rational(t)!
      numbers += 1
      let before = constant
      constant = constant + q
      return fits(constant, after: before, q)
    }
    for t in terms {
      if kind(t) == .sum {
        for u in operands(t) where !take(u) { return numberOverflow() }
      } else if !take(t) {
        return numberOverflow()
      }
    }
    if parts.isEmpty || (parts.count == 1 && numbers == 0) { return add(Array(terms)) }
    sortTerms(&parts)
    for i in 1..<parts.count where parts[i].rest == parts[i - 1].rest { return add(Array(terms)) }
    var operands: [Expr] = []
    operands.reserveCapacity(parts.count + 1)
    if !constant.isZero { operands.append(number(constant)) }
    for p in parts { operands.append(p.term) }
    if operands.count == 1 { return operands[0] }
    return intern(.sum, payload: 0, operands: operands)
  }

  /// ``sumOfTerms(_:)`` of two to eight terms none of which is a number, a sum or undefined (a
  /// Bratu row's `u1 - 2*u2 + u3 + 1/40401*exp(u2)`): each term inserted in order, as it comes,
  /// among the terms on the stack (the stable insertion sort of ``insertionSort(_:start:end:)``,
  /// the parts made in the same order), then the sum interned from there; no array, no sum of
  /// numbers. nil for other terms.
  private func sumOfFewTerms<Terms: RandomAccessCollection<Expr>>(_ terms: Terms) -> Expr? {
    for t in terms {
      switch kind(t) {
      case .number, .sum, .undefined: return nil
      case .symbol, .constant, .product, .power, .call, .apply: break
      }
    }
    // The terms and their parts on the stack, sorted there, then interned from there.
    return withUnsafeTemporaryAllocation(of: FewTerm.self, capacity: 8) { slots in
      let sorted = slots.baseAddress!
      var n = 0
      for t in terms {
        let rest = coefficientFreePart(t)
        let r = records[rest.index]
        let new = FewTerm(term: t, rest: rest, size: r.treeSize, symbol: r.kind == .symbol ? r.payload : -1)
        var j = n
        while j > 0 && precedes(new, sorted[j - 1]) {
          sorted[j] = sorted[j - 1]
          j -= 1
        }
        sorted[j] = new
        n += 1
      }
      for i in 1..<n where sorted[i].rest == sorted[i - 1].rest { return add(Array(terms)) }
      return withUnsafeTemporaryAllocation(of: Expr.self, capacity: 8) { operands in
        for i in 0..<n { operands[i] = sorted[i].term }
        return intern(.sum, payload: 0, UnsafeBufferPointer(rebasing: operands[..<n]))
      }
    }
  }

  /// A term of ``sumOfFewTerms(_:)`` with what its order reads: its coefficient-free part, that
  /// part's tree size, and its symbol number when it is a symbol (else −1).
  private struct FewTerm {
    var term: Expr
    var rest: Expr
    var size: Int32
    var symbol: Int32
  }

  /// `compareTerms(a.term, rest: a.rest, b.term, rest: b.rest) < 0` for terms that are not
  /// numbers, from the sizes and symbol numbers read once per term: a larger part first, two
  /// variables by name (``compareSymbols(_:_:)``), anything else by ``compareTerms(_:rest:_:rest:)``.
  private func precedes(_ a: FewTerm, _ b: FewTerm) -> Bool {
    if a.rest != b.rest {
      if a.size != b.size { return a.size > b.size }
      if a.symbol >= 0 && b.symbol >= 0 { return compareSymbols(Int(a.symbol), Int(b.symbol)) < 0 }
    }
    return compareTerms(a.term, rest: a.rest, b.term, rest: b.rest) < 0
  }

  /// Sorts terms as `add` does (a stable sort by ``compareTerms(_:rest:_:rest:)``), which orders
  /// first by the size of the coefficient-free part, larger first: so the terms are put in that
  /// order by their sizes alone (cheap), then each run of one size is sorted by the full order,
  /// by insertion when it is short, not at all when it is already in order (generated input
  /// often is: `x1^2 + x2^2 + …`, or two interleaved runs of different sizes in rosen's
  /// `100*(x2 - x1^2)^2 + (1 - x1)^2 + …`).
  private func sortTerms(_ parts: inout [(term: Expr, rest: Expr)]) {
    func size(_ p: (term: Expr, rest: Expr)) -> Int32 { records[p.rest.index].treeSize }
    func less(_ a: (term: Expr, rest: Expr), _ b: (term: Expr, rest: Expr)) -> Bool {
      compareTerms(a.term, rest: a.rest, b.term, rest: b.rest) < 0
    }
    if parts.count <= 8 {
      insertionSort(&parts, start: 0, end: parts.count)
      return
    }
    for i in 1..<parts.count where size(parts[i]) > size(parts[i - 1]) {
      parts = parts.enumerated().sorted { x, y in
        let (sx, sy) = (size(x.element), size(y.element))
        return sx != sy ? sx > sy : x.offset < y.offset
      }.map { $0.element }
      break
    }
    var start = 0
    while start < parts.count {
      var end = start + 1
      while end < parts.count && size(parts[end]) == size(parts[start]) { end += 1 }
      if end - start <= 8 {
        insertionSort(&parts, start: start, end: end)
      } else if (start + 1..<end).contains(where: { less(parts[$0], parts[$0 - 1]) }) {
        parts[start..<end].sort(by: less)
      }
      start = end
    }
  }

  /// A stable sort of `parts[start..<end]`, for a few.
  private func insertionSort(_ parts: inout [(term: Expr, rest: Expr)], start: Int, end: Int) {
    for i in start + 1..<end {
      let p = parts[i]
      var j = i
      while j > start && compareTerms(p.term, rest: p.rest, parts[j - 1].term, rest: parts[j - 1].rest) < 0 {
        parts[j] = parts[j - 1]
        j -= 1
      }
      parts[j] = p
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

  /// `power(base, exponent)` when none of its rules can apply, so that it is the node itself:
  /// the base a symbol, constant, sum, application or call other than `exp` (not a number, power
  /// or product), the exponent neither undefined, 0 nor 1. nil otherwise.
  func plainPower(_ base: Expr, _ exponent: Expr) -> Expr? {
    guard isPlainPower(base, exponent) else { return nil }
    return intern(.power, base, exponent)
  }

  /// Whether `power(base, exponent)` is that node itself, by the kinds alone (``plainPower(_:_:)``).
  func isPlainPower(_ base: Expr, _ exponent: Expr) -> Bool {
    switch kind(base) {
    case .symbol, .constant, .sum, .apply: break
    case .call: guard function(base) != .exp else { return false }
    case .number, .power, .product, .undefined: return false
    }
    return kind(exponent) != .undefined && exponent != zero && exponent != one
  }

  /// `negate(t)`: for a plain power, the product [−1, t] that `negate` builds through `multiply`.
  func negatedTerm(_ t: Expr) -> Expr {
    if kind(t) == .power, let e = numberTimesFactor(minusOne, t) { return e }
    return negate(t)
  }
}
