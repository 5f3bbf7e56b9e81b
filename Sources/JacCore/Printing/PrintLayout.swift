/// How an expression is laid out for printing, independent of the output language: products
/// split into a sign, a numerator and a denominator (`x*y^-2*3/2` is `3*x / (2*y^2)`), sums
/// in print order (the number last; a positive term first, so `1 - x^2` rather than `-x^2 + 1`),
/// and the precedence each expression prints at. The text, LaTeX and code printers all read it.
struct PrintLayout {
  let pool: ExpressionPool

  struct Fraction {
    var negative: Bool
    /// The numeric coefficient's numerator and denominator, both positive.
    var numeratorNumber: BigInt
    var denominatorNumber: BigInt
    var numerator: [Expr]
    var denominator: [Expr]
  }

  /// `e` as ±(n·f₁·f₂…)/(d·g₁·g₂…); for a non-product, a one-factor numerator.
  func fraction(_ e: Expr) -> Fraction {
    var result = Fraction(
      negative: false, numeratorNumber: .one, denominatorNumber: .one, numerator: [], denominator: [])
    func take(_ f: Expr) {
      if let q = pool.rational(f) {
        result.negative = q.isNegative
        result.numeratorNumber = q.numerator.magnitude
        result.denominatorNumber = q.denominator
      } else if let below = belowTheBar(f) {
        result.denominator.append(below)
      } else {
        result.numerator.append(f)
      }
    }
    // A product's factors, read in place; a non-product is the one factor.
    switch pool.node(e) {
    case .product(let fs): for f in fs { take(f) }
    case .number(let q):
      result.negative = q.isNegative
      result.numeratorNumber = q.numerator.magnitude
      result.denominatorNumber = q.denominator
      return result
    default: take(e)
    }
    result.numerator = chainOrdered(result.numerator)
    return result
  }

  /// Factors in print order: as sorted, except that applications of undefined functions print
  /// outermost first, in the slots they hold, so a chain reads as the chain rule writes it:
  /// `f'(g(x))*g'(x)` (deeper first; equal depths keep the canonical order).
  func chainOrdered(_ factors: [Expr]) -> [Expr] {
    guard factors.count > 1 else { return factors }
    let slots = factors.indices.filter { i in
      if case .apply(.undefined, _) = pool.node(factors[i]) { return true }
      return false
    }
    guard slots.count > 1 else { return factors }
    let chain = slots.map { factors[$0] }.enumerated().sorted { a, b in
      let (da, db) = (pool.depth(a.element), pool.depth(b.element))
      return da != db ? da > db : a.offset < b.offset
    }
    var ordered = factors
    for (slot, factor) in zip(slots, chain) { ordered[slot] = factor.element }
    return ordered
  }

  /// The precedence of `e` as printed, the one table every printer reads (``Precedence``):
  /// - a negative number or a product with a negative coefficient prints with a leading minus,
  ///   `-2`, `-x*y`: ``Precedence/unary``;
  /// - a fraction `1/2`, a product `x*y` or `x/y`, a negative power `x^(-2)` = `1/x^2`: ``Precedence/product``;
  /// - u^(1/2) prints as a call, `sqrt(u)`: ``Precedence/atom``; any other power `u^v`: ``Precedence/power``;
  /// - integers ≥ 0, names, constants and calls: ``Precedence/atom``.
  ///
  /// Read from the pool's records (no ``Node``, whose operand array is a retain and a release).
  func precedence(_ e: Expr) -> Precedence {
    let r = pool.records[e.index]
    switch r.kind {
    case .number:
      let q = pool.numbers[Int(r.payload)]
      return q.numerator.isNegative ? .unary : (Self.isOne(q.denominator) ? .atom : .product)
    case .symbol, .constant, .call, .apply, .undefined: return .atom
    case .sum: return .sum
    case .product: return isNegative(e) ? .unary : .product
    case .power:
      let x = pool.records[pool.operandStore.pointer(Int(r.start))[1].index]
      if x.kind == .number {
        let q = pool.numbers[Int(x.payload)]
        if q.numerator.isNegative { return .product }
        if q == .half { return .atom }
      }
      return .power
    }
  }

  /// Whether `n` is 1 (read from its storage, without ``BigInt/one``'s global and `==`).
  static func isOne(_ n: BigInt) -> Bool {
    if case .small(1) = n.storage { return true }
    return false
  }

  /// What the factor `f` of a product puts below the fraction bar, the one definition of a
  /// denominator (the printers' and `--steps`' quotient rule both read it): for f = b^(−q), a
  /// power with a negative rational exponent, b^q (`y^-2` → `y^2`, `x^(-1/2)` → `sqrt(x)`);
  /// nil for a factor that stays above. A number's denominator goes below as a number
  /// (``fraction(_:)``), not here.
  func belowTheBar(_ f: Expr) -> Expr? {
    guard case .power(let b, let x) = pool.node(f), let q = pool.rational(x), q.isNegative else { return nil }
    return pool.power(b, pool.number(-q))
  }

  /// Is `e` printed with a leading minus (a negative number or coefficient)? Read from the
  /// pool's records, like ``precedence(_:)``.
  func isNegative(_ e: Expr) -> Bool {
    var r = pool.records[e.index]
    if r.kind == .product { r = pool.records[pool.operandStore.pointer(Int(r.start))[0].index] }
    return r.kind == .number && pool.numbers[Int(r.payload)].numerator.isNegative
  }

  /// Terms of a sum in print order.
  func orderedTerms<Terms: RandomAccessCollection<Expr>>(_ terms: Terms) -> [Expr] where Terms.Index == Int {
    // The numbers last, in their order (a canonical sum has one at most: then one array, not
    // three, for every printed sum).
    var ordered = Array(terms)
    if let k = terms.firstIndex(where: pool.isNumber) {
      if terms[(k + 1)...].contains(where: pool.isNumber) {
        ordered = terms.filter { !pool.isNumber($0) } + terms.filter { pool.isNumber($0) }
      } else if k != terms.count - 1 {
        ordered.append(ordered.remove(at: k))
      }
    }
    if let first = ordered.first, isNegative(first), let i = ordered.firstIndex(where: { !isNegative($0) }) {
      let positive = ordered.remove(at: i)
      ordered.insert(positive, at: 0)
    }
    return ordered
  }

  /// A term as a sum prints it: its sign apart, and what follows the sign.
  func signed(_ t: Expr) -> (negative: Bool, magnitude: Expr) { isNegative(t) ? (true, magnitude(t)) : (false, t) }

  /// `e` with its sign flipped (for printing `a - b` from `a + (-b)`).
  func magnitude(_ e: Expr) -> Expr { pool.negate(e) }
}
