/// The normal form of a polynomial sum, built without the rational form (most sums in the
/// derivatives of a batch are of this kind: `2*a*x*y + b*y*cos(b*x*y)`).
extension Simplifier {
  /// The rational normal form of `e` when `e` is a sum of terms c·Π bᵢ^kᵢ over atoms bᵢ
  /// (symbols, `pi`, calls, applications) with integer 1 ≤ kᵢ ≤ 64, or roots u^(p/q) with
  /// 0 < p < q; nil for any other node.
  /// For such a sum the normal form (``normalForm(_:_:toBeat:)``) is c·m·P: the content c and
  /// common monomial m come out (`factor-common-monomial`), and P takes the sign that leaves at
  /// most half its terms negative (`pull-out-negative`); no denominator, root or cancellation
  /// is involved. Excluded, because the rational form would see more in them: a square (or
  /// higher power) of sin, cos, sinh or cosh (`pythagorean`), any `abs` (|u|² = u²), `exp(-u)`
  /// (written 1/exp(u)), powers above 64 (one atom there), roots to a power of at least their
  /// degree (`root-power`) and anything that is not an atom.
  /// The work is charged to `budget` as building the form would be, one unit a node.
  func polynomialSumNormalForm(_ e: Expr, _ budget: Budget) throws(SimplificationStop) -> Expr? {
    guard case .sum(let terms) = pool.node(e) else { return nil }
    var split: [(coefficient: Rational, factors: [(base: Expr, power: Int)])] = []
    split.reserveCapacity(terms.count)
    var units = terms.count
    for t in terms {
      let (c, rest) = pool.coefficientAndRest(t)
      var factors: [(base: Expr, power: Int)] = []
      if rest != pool.one {
        for f in pool.kind(rest) == .product ? pool.operands(rest) : [rest] {
          guard let factor = polynomialFactor(f) else { return nil }
          factors.append(factor)
        }
      }
      units += factors.count
      split.append((c, factors))
    }
    try budget.spend(units)
    // The content and the common monomial (smallest power of each base in every term).
    var content = split[0].coefficient.magnitude
    var common = split[0].factors
    for (c, factors) in split.dropFirst() {
      content = Rational.gcd(content, c)
      common = common.compactMap { b in
        factors.first { $0.base == b.base }.map { (b.base, min(b.power, $0.power)) }
      }
    }
    var parts = split.map { c, factors in
      (c / content, factors.compactMap { f -> Expr? in
        let k = f.power - (common.first { $0.base == f.base }?.power ?? 0)
        return k == 0 ? nil : power(f.base, k)
      })
    }
    if 2 * parts.filter(\.0.isNegative).count > parts.count {
      content = -content
      parts = parts.map { (-$0.0, $0.1) }
    }
    let sum = pool.add(parts.map { pool.multiply([pool.number($0.0)] + $0.1) })
    return pool.multiply([pool.number(content)] + common.map { power($0.base, $0.power) } + [sum])
  }

  /// A factor of a polynomial sum's term as the rational form sees it: b^k as (b, k) for an atom
  /// b, and a root b^(p/q) (0 < p < q) as (b^(1/q), p), the atom the rational form makes of it
  /// (``RationalConverter/form(_:)``); nil for anything the rational form could rewrite or
  /// that is no atom (``polynomialSumNormalForm(_:_:)``).
  private func polynomialFactor(_ f: Expr) -> (base: Expr, power: Int)? {
    let (base, exponent) = pool.baseAndExponent(f)
    guard let q = pool.rational(exponent), let p = q.numerator.intValue, let n = q.denominator.intValue, p >= 1
    else { return nil }
    if n > 1 {
      guard p < n, !pool.isNumber(base) else { return nil }
      return (pool.power(base, pool.number(Rational(BigInt(1), BigInt(n)))), p)
    }
    guard p <= 64 else { return nil }
    switch pool.node(base) {
    case .symbol, .constant, .apply: return (base, p)
    case .call(let fn, let u):
      if fn == .abs || p >= 2 && Self.pythagoreanPairs.contains(fn) { return nil }
      if fn == .exp && pool.coefficientAndRest(u).0.isNegative { return nil }
      return (base, p)
    case .number, .sum, .product, .power, .undefined: return nil
    }
  }

  /// The functions whose squares `pythagorean` and `hyperbolic-pythagorean` rewrite.
  static let pythagoreanPairs: Set<Function> = [.sin, .cos, .sinh, .cosh]

  /// Whether `e` is a product (or power) c·Π bᵢ^kᵢ whose rational normal form is `e` itself:
  /// c a number, each bᵢ an atom (a symbol, `pi`, an application, a call other than `abs` and
  /// `exp`, with no square of sin, cos, sinh or cosh) to a nonzero integer power, or a root
  /// u^(p/q) with 0 < |p| < q of anything but a number. The rational form makes each factor an
  /// atom (u^(1/q) for a root) to the power kᵢ (or p): one term over a monomial, in which
  /// nothing cancels (distinct atoms), no root reaches its degree (`root-power`) and no square
  /// pairs up; written back, it is the product it came from. Derivatives of square roots are
  /// mostly such products (`16*y/sqrt(32*x*y)`).
  func isAtomMonomial(_ e: Expr) -> Bool {
    let factors: [Expr]
    switch pool.node(e) {
    case .product(let fs): factors = fs
    case .power: factors = [e]
    default: return false
    }
    for f in factors where !pool.isNumber(f) {
      let (base, exponent) = pool.baseAndExponent(f)
      guard let q = pool.rational(exponent), let p = q.numerator.intValue, let n = q.denominator.intValue, p != 0
      else { return false }
      if n > 1 {
        guard p.magnitude < n, !pool.isNumber(base) else { return false }
        continue
      }
      guard p.magnitude <= 64 else { return false }
      switch pool.node(base) {
      case .symbol, .constant, .apply: continue
      case .call(let fn, _):
        if fn == .abs || fn == .exp || p.magnitude >= 2 && Self.pythagoreanPairs.contains(fn) { return false }
      case .number, .sum, .product, .power, .undefined: return false
      }
    }
    return true
  }

  private func power(_ base: Expr, _ k: Int) -> Expr {
    k == 1 ? base : pool.power(base, pool.number(Rational(BigInt(k))))
  }
}
