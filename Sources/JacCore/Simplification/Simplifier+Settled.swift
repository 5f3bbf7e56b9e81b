/// Which nodes the rational normal form cannot shorten ("settled"), so that the simplifier
/// does not compute it: most nodes of a derivative are of these kinds.
extension Simplifier {
  enum ProductShape {
    /// The normal form cannot shorten it.
    case settled
    /// c·m/F^k: a monomial over one settled sum F (``isSettledSum(_:)``) to an integer power
    /// k > 0, with no square of sin, cos, … above (sin²u/(1 − cos u)² = (1 + cos u)/(1 − cos u)).
    /// Nothing cancels (F is primitive with two or more terms) and F's normal form is ±F, the
    /// sign that makes its first term positive; so the normal form is either m/F^k again or
    /// (−1)^k·m/(−F)^k, which ``shortest(_:_:)`` builds without the rational form.
    case overSum(Expr, Int)
    /// Anything else: the normal form decides.
    case open
  }

  /// Products and powers the normal form cannot shorten, or can only flip (most products in
  /// derivatives are of these kinds). Every exponent is a number. Atom bases (symbols, `pi`,
  /// calls other than `exp`) may carry any exponent: a monomial in atoms is its own normal form,
  /// since `multiply` has already merged equal bases. Besides those, at most one factor may be a
  /// sum: with a positive exponent, and then there is no denominator (`(x + 1)/x = 1 + 1/x` is
  /// shorter), no negative coefficient (`pull-out-negative`: −(a − b) = b − a), and beside a
  /// coefficient c ≠ 1 a sum F of content 1 (``hasUnitContent(_:)``; else `factor-common-monomial`:
  /// c·F = (c·g)·(F/g) with g the gcd of F's coefficients, `(6*y^2 - 4)/8` = `(3*y^2 - 2)/4`);
  /// or with a negative integer exponent (``ProductShape/overSum(_:_:)``). With two sums
  /// expanding can be shorter ((x + 1)·(x − 1) = x² − 1). `exp` needs a positive exponent and
  /// argument (exp(x)·exp(−x) = 1 in the normal form).
  func productShape(_ e: Expr) -> ProductShape {
    // The factors read from the pool's records (`node` would build an array for each product).
    let isProduct: Bool
    switch pool.kind(e) {
    case .product: isProduct = true
    case .power: isProduct = false
    default: return .open
    }
    var sums = 0
    var negative = false
    var denominator: (sum: Expr, power: Int)?
    var squaredTrigonometric = false
    var monomialDenominator = false
    var coefficient = false
    var contentOut = false
    for i in 0..<(isProduct ? pool.operandCount(e) : 1) {
      let f = isProduct ? pool.operand(e, i) : e
      if let q = pool.rational(f) {
        negative = q.isNegative
        coefficient = true
        continue
      }
      let (base, exponent) = pool.baseAndExponent(f)
      guard let q = pool.rational(exponent) else { return .open }
      switch pool.kind(base) {
      case .sum:
        if q.isNegative {
          guard denominator == nil, q.isInteger, let k = (-q).numerator.intValue else { return .open }
          denominator = (base, k)
        } else if q.isOne && !hasUnitContent(base) {
          contentOut = true
        }
        sums += 1
      case .call where pool.function(base) == .exp:
        if q.isNegative || pool.coefficientAndRest(pool.operand(base, 0)).0.isNegative { return .open }
      case .call:
        let fn = pool.function(base)!
        if fn == .abs { return .open }
        if q.magnitude >= Rational(BigInt(2)) && Self.pythagoreanFamily.contains(fn) { squaredTrigonometric = true }
        if q.isNegative { monomialDenominator = true }
      case .symbol, .constant:
        if q.isNegative { monomialDenominator = true }
      case .number, .product, .power, .apply, .undefined: return .open
      }
    }
    if sums == 0 { return .settled }
    if let (sum, k) = denominator {
      return sums == 1 && !squaredTrigonometric && isSettledSum(sum) ? .overSum(sum, k) : .open
    }
    return sums == 1 && !negative && !monomialDenominator && !(coefficient && contentOut) ? .settled : .open
  }

  /// Whether the coefficients of a sum are integers of gcd 1 (`3*y^2 - 2`, not `6*y^2 - 4` or
  /// `y^2/2 + 1`): then no number moves between the sum and a coefficient beside it.
  func hasUnitContent(_ sum: Expr) -> Bool {
    var content = BigInt.zero
    for i in 0..<pool.operandCount(sum) {
      var t = pool.operand(sum, i)
      if pool.kind(t) == .product { t = pool.operand(t, 0) }
      guard let c = pool.rational(t) else {
        content = .one
        continue
      }
      guard c.isInteger else { return false }
      if content != .one { content = BigInt.gcd(content, c.numerator) }
    }
    return content == .one
  }

  /// What ``shortest(_:_:)`` needs to know before any normal form; it does not depend on the budget.
  enum Settling {
    /// The normal form cannot shorten the node: it is its own simplified form.
    case settled
    /// m/F^k whose F has a negative first term: the normal form is (−1)^k·m/(−F)^k.
    case flippable(Expr, Int)
    /// The normal form decides.
    case open
  }

  /// Settled sums and products (``isSettledSum(_:)``, ``productShape(_:)``), and m/F^k with F's
  /// first term positive (F is its own normal form, so the normal form is m/F^k again). While
  /// tracing, m/F^k goes to the normal form, which names the rules for `--steps`.
  func settling(_ e: Expr, tracing: Bool) -> Settling {
    if isSettledSum(e, oneFraction: settlesOneFraction) { return .settled }
    switch productShape(e) {
    case .settled: return .settled
    case .overSum where tracing: return .open
    case .overSum(let f, let k): return PrintLayout(pool: pool).isNegative(firstTerm(f)) ? .flippable(f, k) : .settled
    case .open: return .open
    }
  }

  /// The first term of a sum other than its number, in the sum's order.
  func firstTerm(_ sum: Expr) -> Expr {
    pool.operands(sum).first { !pool.isNumber($0) } ?? sum
  }

  /// A sum the normal form cannot shorten: a polynomial in distinct atoms with integer
  /// coefficients of gcd 1, not all negative (nothing for `pull-out-negative` or the content),
  /// positive integer powers of non-sum bases only (no denominator, no root, no `exp(-u)`), no
  /// square of a trigonometric or hyperbolic function (nothing for `pythagorean`), and no base
  /// common to every term (nothing for `factor-common-monomial`).
  ///
  /// With `oneFraction`, one coefficient may be a fraction p/q (the numerators' gcd still 1),
  /// for the sum itself, not as a denominator (1/(2*y + z/3) is 3/(6*y + z)): Bratu's rows
  /// `u1 - 2*u2 + u3 + 1/10201*exp(u2)` and their diagonal entries `-2 + 1/10201*exp(u2)`. Over the
  /// common denominator q every other term's coefficient is multiplied by q, which adds a
  /// multiplication to each term whose coefficient was ±1 and removes none, while p/q's division
  /// becomes the quotient's one division: the normal form is never shorter. (Two fractions can
  /// be: x/2 + y/2 is (x + y)/2.) `SimplificationTests.oneFractionSumsAreSettled` compares it
  /// with the normal form on random sums of this shape.
  func isSettledSum(_ e: Expr, oneFraction: Bool = false) -> Bool {
    guard pool.kind(e) == .sum else { return false }
    var content = BigInt.zero
    var positive = false
    var common: [Expr]?
    var fractions = 0
    for i in 0..<pool.operandCount(e) {
      let t = pool.operand(e, i)
      let (c, rest) = pool.coefficientAndRest(t)
      if !c.isInteger {
        fractions += 1
        guard oneFraction, fractions == 1 else { return false }
      }
      content = BigInt.gcd(content, c.numerator)
      positive = positive || !c.isNegative
      if rest == pool.one {
        common = []
        continue
      }
      var bases: [Expr] = []
      let isProduct = pool.kind(rest) == .product
      for k in 0..<(isProduct ? pool.operandCount(rest) : 1) {
        let (base, exponent) = pool.baseAndExponent(isProduct ? pool.operand(rest, k) : rest)
        guard let q = pool.rational(exponent), q.isInteger, !q.isNegative else { return false }
        switch pool.kind(base) {
        case .sum: return false
        case .call:
          let fn = pool.function(base)!
          if fn == .exp && pool.coefficientAndRest(pool.operand(base, 0)).0.isNegative { return false }
          if !q.isOne && Self.pythagoreanFamily.contains(fn) { return false }
        case .number, .symbol, .constant, .product, .power, .apply, .undefined: break
        }
        bases.append(base)
      }
      common = common.map { $0.filter(bases.contains) } ?? bases
    }
    return content == .one && positive && common?.isEmpty == true
  }

  static let pythagoreanFamily: Set<Function> = [.sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh]
}
