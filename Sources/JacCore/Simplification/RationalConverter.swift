/// Converts between expressions and ``RationalForm``s over a table of atoms. One converter
/// serves one simplification of one expression (atom numbers are local to it).
final class RationalConverter {
  let pool: ExpressionPool
  let budget: Budget
  private(set) var atoms: [Expr] = []
  private var atomIndex = ExprMap<Int>()
  /// For an atom u^(1/q): the form of u and q, so that (u^(1/q))^q can be replaced by u.
  private(set) var roots: [Int: (base: Expr, degree: Int)] = [:]
  private var forms = ExprMap<RationalForm>()
  private var monomialExpressions: [Monomial: Expr] = [:]
  /// Whether distinct monomials over the atoms so far become distinct canonical products with
  /// no coefficient (see ``complexityFloor(_:atomCost:)``). Symbols, constants and calls other
  /// than `exp` do: a power of one is interned as it is. `exp(u)^k` becomes `exp(k·u)`, which
  /// stays distinct while no two `exp` atoms share the rest of their argument (`exp(x)`,
  /// `exp(2*x)`) and no rest is a `log` (`exp(log(y)/2)^2 = y`). A root `u^(1/q)` or a symbolic
  /// power can collapse (`(x^(1/2))^2 = x`), so one of them turns the floor off.
  private(set) var atomsMapFreely = true
  private var expRests: Set<Expr> = []
  private var atomCosts: [Int] = []

  init(pool: ExpressionPool, budget: Budget) {
    self.pool = pool
    self.budget = budget
  }

  /// The atom number of `e` if it is already an atom of this conversion.
  func existingAtom(_ e: Expr) -> Int? { atomIndex[e] }

  func atom(_ e: Expr) -> Int {
    if let i = atomIndex[e] { return i }
    atoms.append(e)
    atomIndex[e] = atoms.count - 1
    switch pool.node(e) {
    case .symbol, .constant: break
    case .call(.exp, let u):
      let rest = pool.coefficientAndRest(u).1
      if pool.function(rest) == .log || !expRests.insert(rest).inserted { atomsMapFreely = false }
    case .call, .apply: break
    default: atomsMapFreely = false
    }
    return atoms.count - 1
  }

  // MARK: Expression → form

  func form(_ e: Expr) throws(SimplificationStop) -> RationalForm {
    if let f = forms[e] { return f }
    try budget.spend(1)
    let f: RationalForm
    switch pool.node(e) {
    case .number(let q): f = .constant(q)
    case .call(.exp, let u) where pool.coefficientAndRest(u).0.isNegative:
      // exp(-u) = 1/exp(u), so sums of exp(-u) and exp(u) share one atom.
      f = RationalForm.constant(.one).withDenominator(
        Monomial(atom: atom(pool.call(.exp, pool.negate(u))), exponent: 1))
    case .symbol, .constant, .call, .apply:
      f = RationalForm(Polynomial(monomial: Monomial(atom: atom(e), exponent: 1)))
    case .undefined: throw SimplificationStop.divisionByZero
    case .sum(let terms):
      var acc = RationalForm(.zero)
      for t in terms { acc = try .sum(acc, try form(t), budget: budget) }
      f = acc
    case .product(let factors):
      var acc = RationalForm.constant(.one)
      for x in factors { acc = try .product(acc, try form(x), budget: budget) }
      f = acc
    case .power(let b, let x):
      f = try powerForm(e, b, x)
    }
    forms[e] = f
    return f
  }

  private func powerForm(_ e: Expr, _ b: Expr, _ x: Expr) throws(SimplificationStop) -> RationalForm {
    guard let q = pool.rational(x), let p = q.numerator.intValue, let n = q.denominator.intValue, p.magnitude <= 64
    else {
      return RationalForm(Polynomial(monomial: Monomial(atom: atom(e), exponent: 1)))
    }
    if n == 1 {
      let base = try form(b)
      let positive = p > 0 ? base : try reciprocal(base)
      var result = RationalForm.constant(.one)
      for _ in 0..<abs(p) { result = try .product(result, positive, budget: budget) }
      return result
    }
    // u^(p/n) = (u^(1/n))^p with u^(1/n) an atom.
    let root = pool.power(b, pool.number(Rational(BigInt(1), BigInt(n))))
    let index = atom(root)
    roots[index] = (b, n)
    if p > 0 { return RationalForm(Polynomial(monomial: Monomial(atom: index, exponent: p))) }
    return RationalForm.constant(.one).withDenominator(Monomial(atom: index, exponent: -p))
  }

  /// 1/f. The old numerator becomes a denominator factor (primitive, sign-normalised).
  func reciprocal(_ f: RationalForm) throws(SimplificationStop) -> RationalForm {
    if f.numerator.isZero { throw SimplificationStop.divisionByZero }
    var r = RationalForm(try f.expandedDenominator(budget: budget), applied: f.applied)
    let (c, m, p) = try normalized(f.numerator)
    r.numerator = r.numerator.scaled(c.reciprocal)
    r.monomialDenominator = m
    if let p { r.factors = [(p, 1)] }
    return r
  }

  /// `poly` as c·m·p with p primitive, at least two terms, and a sign that does not depend on
  /// atom numbering (its first term in expression order is positive); p is nil for a monomial.
  func normalized(_ poly: Polynomial) throws(SimplificationStop) -> (Rational, Monomial, Polynomial?) {
    var (c, m) = poly.content
    var p = poly.divided(by: c, m)
    if let (_, sign) = p.singleTerm { return (c * sign, m, nil) }
    // Finding the first term builds each term's monomial (or the whole sum).
    try budget.spend(p.buildingCost)
    if firstTermIsNegative(p) {
      c = -c
      p = p.scaled(.minusOne)
    }
    return (c, m, p)
  }

  /// Whether the first non-constant term of `p`, in the order the sum prints, is negative.
  /// When atoms map freely, the terms of the sum are c·E for the distinct monomial expressions
  /// E, and the sum's order (``ExpressionPool/compareTerms(_:_:)``: larger tree first, then
  /// expression order) is the order of the E's; so the first term is found without building
  /// and sorting the sum.
  private func firstTermIsNegative(_ p: Polynomial) -> Bool {
    guard atomsMapFreely else {
      let e = expression(p)
      guard case .sum(let terms) = pool.node(e), let first = terms.first(where: { !pool.isNumber($0) }) else {
        return false
      }
      return PrintLayout(pool: pool).isNegative(first)
    }
    var first: (rest: Expr, negative: Bool)?
    for term in p.terms where !term.monomial.isOne {
      let rest = expression(term.monomial)
      if let f = first {
        let (a, b) = (pool.treeSize(rest), pool.treeSize(f.rest))
        guard a > b || (a == b && pool.compare(rest, f.rest) < 0) else { continue }
      }
      first = (rest, term.coefficient.isNegative)
    }
    return first?.negative ?? false
  }

  // MARK: Form → expression

  /// A lower bound on `Complexity.of(expression(f))`, read off the form without building it
  /// (0 when none is known). The numerator N = c·m·P prints P as a sum of one term per term of
  /// P when atoms map freely, and that sum stays a factor of the result (cancellation already
  /// divided out every denominator factor equal to it). So the result costs at least
  /// (terms of P − 1) + Σ over terms of (atoms − 1) + Σ over atoms of (cost of the atom, + 1
  /// for a `^` when its exponent is at least 2 and it is not `exp`, whose power is `exp(k·u)`).
  /// Coefficients are not counted. Each denominator factor Fᵢ (primitive, at least two terms)
  /// is a sum of its own in the result, below the bar (1/Fᵢ^kᵢ), so its bound adds: the inverse
  /// of a generic matrix is adj/det, and building each entry's normal form, the expanded minor
  /// over the expanded determinant, only to see it lose was most of the 8×8 inverse's 79 s.
  func complexityFloor(_ f: RationalForm, atomCost: (Expr) -> Int) -> Int {
    var total = complexityFloor(of: f.numerator.monomials, atomCost: atomCost)
    for (p, _) in f.factors { total += complexityFloor(of: p.monomials, atomCost: atomCost) }
    return total
  }

  /// The same bound for a numerator known to have, among others, one term whose monomial is a
  /// multiple of each of `monomials` (distinct), with nothing common to them left out.
  func complexityFloor(of monomials: [Monomial], atomCost: (Expr) -> Int) -> Int {
    guard atomsMapFreely, monomials.count >= 2 else { return 0 }
    while atomCosts.count < atoms.count { atomCosts.append(atomCost(atoms[atomCosts.count])) }
    var common = monomials[0]
    for m in monomials.dropFirst() where !common.isOne { common = common.gcd(m) }
    var total = monomials.count - 1
    for m in monomials {
      var count = 0
      for packed in m.packed {
        let atom = Int(packed >> 32)
        let e = Int(packed & 0xFFFF_FFFF) - (common.isOne ? 0 : common.exponent(of: atom))
        guard e > 0 else { continue }
        count += 1
        total += atomCosts[atom] + (e >= 2 && pool.function(atoms[atom]) != .exp ? 1 : 0)
      }
      total += max(count - 1, 0)
    }
    return total
  }

  /// Monomials recur across the polynomials of one simplification: each is built once.
  func expression(_ m: Monomial) -> Expr {
    if let e = monomialExpressions[m] { return e }
    let e = pool.multiply(m.pairs.map { pool.power(atoms[$0.atom], pool.number($0.exponent)) })
    monomialExpressions[m] = e
    return e
  }

  func expression(_ p: Polynomial) -> Expr {
    pool.add(p.terms.map { pool.multiply(pool.number($0.coefficient), expression($0.monomial)) })
  }

  /// The form as an expression: c·m·P / (m' · Π Fᵢ^kᵢ), and the rules it took (the form's own and
  /// those applied here, to the numerator N = c·m·P):
  /// - `factor-common-monomial`: N's content c and common monomial m come out, P = N/(c·m)
  ///   (`2*a*x + 4*a*y` → `2*a*(x + 2*y)`);
  /// - `pull-out-negative`: P is written with the sign that leaves at most half its terms
  ///   negative, the minus going to c (`(-x - y)/z` → `-(x + y)/z`); noted when the minus ends
  ///   up elsewhere than `input` had it (`-(a - b)` → `b - a`: expanded, b − a keeps its sign).
  ///
  /// A denominator factor F may be written −F: (a − b)² = (b − a)², and to an odd power the sign
  /// moves to the coefficient. When −F is one of the denominators `input` writes
  /// (``writtenDenominators(_:)``, looked up only when such a factor comes up) and F is not, and
  /// −F has no more negative terms (``keepsWrittenSign(_:over:_:)``), −F is kept: to an even
  /// power always (`(cosh(v) - cos(u))^2` stays as typed), to an odd power only when that
  /// removes the coefficient's minus (`x/(2 - z)`, not `-x/(z - 2)`).
  func expression(_ f: RationalForm, input: Expr? = nil) -> (expression: Expr, applied: RuleSet) {
    var applied = f.applied
    if f.numerator.isZero { return (pool.zero, applied) }
    var (c, m) = f.numerator.content
    var p = f.numerator.divided(by: c, m)
    if let (_, sign) = p.singleTerm {
      c = c * sign
      p = Polynomial(constant: .one)
    } else {
      if c != .one || !m.isOne { applied.insert(.factorCommonMonomial) }
      let negatives = p.terms.filter(\.coefficient.isNegative).count
      if 2 * negatives > p.termCount {
        c = -c
        p = p.scaled(.minusOne)
      }
      let inputIsNegative = input.map(PrintLayout(pool: pool).isNegative) ?? false
      if c.isNegative != inputIsNegative { applied.insert(.pullOutNegative) }
    }
    var factors: [Expr] = [expression(m), expression(p)]
    // exp atoms in the denominator print as exp(-u) in the numerator.
    for (atom, e) in f.monomialDenominator.pairs {
      let base = atoms[atom]
      factors.append(pool.power(base, pool.number(-e)))
    }
    var written: Set<Expr>?
    for (q, k) in f.factors {
      var base = expression(q)
      // To an odd power the turned sign goes to the coefficient: only when that drops a minus.
      if k % 2 == 0 || c.isNegative, let input, pool.kind(base) == .sum {
        if written == nil { written = writtenDenominators(input) }
        let turned = pool.turned(base)
        if let written, written.contains(turned), !written.contains(base),
          Self.keepsWrittenSign(turned, over: base, pool)
        {
          base = turned
          if k % 2 == 1 { c = -c }
        }
      }
      factors.append(pool.power(base, pool.number(-k)))
    }
    return (pool.multiply([pool.number(c)] + factors), applied)
  }

  /// Whether the written sign of a sum, `written`, is kept over `other` = −`written`: it has no
  /// more negative terms (`2 - z` stays; `-x - y` gives way to `x + y`). Both print with the
  /// same operations, since only the signs of their terms differ.
  static func keepsWrittenSign(_ written: Expr, over other: Expr, _ pool: ExpressionPool) -> Bool {
    let layout = PrintLayout(pool: pool)
    func negatives(_ s: Expr) -> Int { pool.operands(s).filter(layout.isNegative).count }
    return negatives(written) <= negatives(other)
  }

  /// The sums that `e` divides by, two levels down (`a/(x - y)^2 + b/(x - y)`: `x - y`).
  func writtenDenominators(_ e: Expr) -> Set<Expr> {
    var found: Set<Expr> = []
    func scan(_ x: Expr, _ depth: Int) {
      if case .power(let b, let k) = pool.node(x), pool.kind(b) == .sum, pool.rational(k)?.isNegative == true {
        found.insert(b)
      }
      guard depth > 0, pool.kind(x) == .sum || pool.kind(x) == .product else { return }
      for y in pool.operands(x) { scan(y, depth - 1) }
    }
    scan(e, 2)
    return found
  }
}
