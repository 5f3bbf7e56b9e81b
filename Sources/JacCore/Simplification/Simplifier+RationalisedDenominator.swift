/// `rationalise-denominator`: a constant sum b + c·√d (b, c rational, d a square-free integer),
/// alone, as a factor, or below the bar, is written from the value of the constant part it is
/// in, a number v = p + q·√d of ℚ(√d) (``QuadraticSurd``):
///
///   a/(b + c√d) = a·(b − c√d)/(b² − c²·d)
///
/// The constant factors of a product (numbers, √d, such sums to integer powers) are multiplied
/// out in ℚ(√d); the other factors stay. These forms of v are tried beside them, in this order:
/// - its content out: k·(m√d + n) with integers m > 0 and n of gcd 1 (`2*x*(sqrt(2) + 1)`), then
///   the same with both signs turned (`2*(1 - 2*sqrt(2))/7`);
/// - rationalised: p + q·√d as the normal form writes that sum (`sqrt(2) - 1`, `sqrt(35)/5 + 1`),
///   and −(−p − q·√d) likewise (`-(7*sqrt(6)/12 + 1)*x`), that one first when p, q < 0;
/// - one over a normalised sum: 1/v = t·(m√d + n), m > 0, gcd(m, n) = 1, so v = a/(k·m√d + k·n)
///   for integers a and k > 0 of gcd 1 (`-9/(5*sqrt(2) + 18)`);
///
/// and the shortest product wins (``isShorterForm(_:than:)``), the earlier form on a tie. Every
/// form is a function of v, so equal values print alike however they were typed:
/// `9/(-5*sqrt(2) - 18)` and `-9/(5*sqrt(2) + 18)` are both `-9/(5*sqrt(2) + 18)`,
/// `1/(sqrt(2) + 1)` is `sqrt(2) - 1`, and differences of equal values cancel. SymPy's `radsimp`
/// always rationalises; jac keeps the quotient where that is shorter.
///
/// A positive power above 1 of such a sum is left as typed unless a denominator or another
/// constant sum beside it starts the rule (SymPy too leaves `(1 + sqrt(2))**2`). A sum with two
/// different roots (`1/(sqrt(2) + sqrt(3))`) is left alone, and so is a product with sums of two
/// radicands, each of which was already rewritten on its own: `1/((sqrt(2) + 1)*(sqrt(3) + 1))`
/// is `(sqrt(2) - 1)*(sqrt(3) - 1)/2`.
///
/// On a hot path: a sum with a symbol in it (``ExpressionPool/holdsNoSymbol(_:)``) is passed
/// over at once, so the rule costs a look at each factor's kind for everything but constants.
extension Simplifier {
  func withRationalisedDenominator(_ e: Expr, _ budget: Budget) -> Expr {
    guard let d = surdSumRadicand(e) else { return e }
    var constant = QuadraticSurd.one
    var rest: [Expr] = []
    for f in pool.factors(e) {
      guard let v = pool.quadraticValue(f, d) else {
        // A sum of another radicand (√3 + 1 beside √2 + 1) is out of reach: all or none.
        if pool.quadraticRadicand(pool.baseAndExponent(f).base) != nil { return e }
        rest.append(f)
        continue
      }
      guard let product = constant.multiplied(by: v, d) else { return e }
      constant = product
    }
    guard !constant.isZero else { return e }
    // The forms are the normal form's, not steps of their own.
    let tracing = trace
    trace = nil
    let forms = surdForms(constant, d, budget)
    trace = tracing
    var best = pool.multiply(rest + [forms[0]])
    for form in forms.dropFirst() {
      let candidate = pool.multiply(rest + [form])
      if isShorterForm(candidate, than: best) { best = candidate }
    }
    guard best != e else { return e }
    trace?.append(Step(before: e, after: best, rules: [.rationaliseDenominator]))
    return best
  }

  /// d when `e` is a constant sum b + c·√d, or has a factor that is one, alone or to a negative
  /// integer power (``ExpressionPool/quadraticRadicand(_:)``).
  private func surdSumRadicand(_ e: Expr) -> Rational? {
    let count: Int
    switch pool.kind(e) {
    case .sum: return pool.quadraticRadicand(e)
    case .product: count = pool.operandCount(e)
    case .power: count = 1
    case .number, .symbol, .constant, .call, .apply, .undefined: return nil
    }
    for i in 0..<count {
      let f = pool.kind(e) == .power ? e : pool.operand(e, i)
      let (base, exponent) = pool.baseAndExponent(f)
      guard pool.kind(base) == .sum, let n = pool.rational(exponent), n.isOne || n.isNegative && n.isInteger,
        let d = pool.quadraticRadicand(base)
      else { continue }
      return d
    }
    return nil
  }

  /// The forms of v = p + q√d: rationalised, then (q ≠ 0) negated twice, its content out either
  /// way round, then (p ≠ 0) one over a normalised sum.
  private func surdForms(_ v: QuadraticSurd, _ d: Rational, _ budget: Budget) -> [Expr] {
    let root = pool.power(pool.number(d), pool.number(.half))
    let rationalised = shortest(pool.add(pool.number(v.p), pool.multiply(pool.number(v.q), root)), budget)
    guard !v.q.isZero else { return [rationalised] }
    let negated = pool.negate(shortest(pool.add(pool.number(-v.p), pool.multiply(pool.number(-v.q), root)), budget))
    let (c, m, n) = content(v)
    let sum = pool.add(pool.number(n), pool.multiply(pool.number(m), root))
    let turned = pool.add(pool.number(-n), pool.multiply(pool.number(-m), root))
    let contentOut = [pool.multiply(pool.number(c), sum), pool.multiply(pool.number(-c), turned)]
    // `pull-out-negative`'s choice on a tie: the minus in front of a sum of two negative terms.
    let sums = v.p.isNegative && v.q.isNegative ? [negated, rationalised] : [rationalised, negated]
    guard !v.p.isZero, let w = v.reciprocal(d) else { return contentOut + sums }
    // 1/v = w = t·(m√d + n), so v = (1/t)/(m√d + n) = a/(k·(m√d + n)) with 1/t = a/k, k > 0.
    let (t, wm, wn) = content(w)
    let a = Rational(t.denominator) * (t.isNegative ? .minusOne : .one)
    let k = Rational(t.numerator).magnitude
    let below = pool.add(pool.number(k * wn), pool.multiply(pool.number(k * wm), root))
    return contentOut + sums + [pool.multiply(pool.number(a), pool.power(below, pool.minusOne))]
  }

  /// v = t·(m√d + n) with integers m > 0 and n of gcd 1 (q ≠ 0): t is ±gcd(q, p), the sign of q.
  private func content(_ v: QuadraticSurd) -> (t: Rational, m: Rational, n: Rational) {
    var t = Rational.gcd(v.q, v.p)
    if v.q.isNegative { t = -t }
    return (t, v.q / t, v.p / t)
  }

  /// Fewer operations, then fewer printed bytes: `-9/(5*sqrt(2) + 18)` over
  /// `45*sqrt(2)/274 - 81/137` (as many operations).
  private func isShorterForm(_ x: Expr, than y: Expr) -> Bool {
    let (a, b) = (measure.of(x), measure.of(y))
    if a != b { return a < b }
    return printed.of(x).bytes < printed.of(y).bytes
  }
}
