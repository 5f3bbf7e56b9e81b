/// Brings expressions to a short canonical form.
///
/// Goals, in priority order:
/// 1. correct: every rewrite keeps the value wherever the input is defined;
/// 2. terminating: every step is bounded by a work ``Budget``; past it, the canonical form the
///    smart constructors already built is kept;
/// 3. deterministic: no choice depends on hash order, ids or atom numbering;
/// 4. short: of the candidates, the one with the lowest ``Complexity`` wins.
///
/// The rules, by name (`docs/rules.md` has an example of each; ``SimplificationRule`` lists them):
/// - in the smart constructors, always on: `fold-constants`, `collect-like-terms`,
///   `collect-like-factors`, `identity-elements`, `power-of-power`, `exact-powers`, `known-values`,
///   `odd-even-symmetry`, `exp-log-inverse`, `trig-of-inverse`, `abs-of-nonnegative`,
///   `abs-of-product`, `root-of-even-power`, `merge-radicals`;
/// - here, bottom-up on every sum, product and power, in this order: `common-denominator`
///   (``RationalForm/sum(_:_:budget:)``: combine over the least common denominator, keeping
///   denominators factored), `root-power` (``reduceRoots(_:_:)``: (u^(1/q))^q = u), `pythagorean`,
///   `hyperbolic-pythagorean` and `abs-square` (``Pythagorean``), `cancel-common-factor`
///   (``cancel(_:_:)``: exact polynomial division by each denominator factor; then
///   ``cancelSharedFactors(_:_:)``: the gcd of a factor in one atom and the numerator; also before
///   the Pythagorean reduction when that has squares to rewrite, which could hide a factor),
///   `factor-common-monomial` and `pull-out-negative` (``RationalConverter/expression(_:input:)``:
///   `2*a*x + 4*a*y` → `2*a*(x + 2*y)`, `(-x - y)/z` → `-(x + y)/z`); then `prefer-shorter`
///   (``shortest(_:_:_:)``) keeps the rewritten form only if it is shorter than the canonical one
///   (so `(x + 1)^2` stays factored);
/// - then candidate forms, each kept only when shorter (and, for the last group, printed in no
///   more bytes: ``isShorter(_:than:strictly:)``): on sums `angle-sum` (``withAnglesExpanded(_:_:)``),
///   `quotient-form`, `power-reduction`, `angle-contraction` (``withTrigForms(_:expanded:_:)``) and,
///   under `--assume`, logs of positive products (``withLogsExpanded(_:_:)``); on products
///   `exp-merge` (inside, only to an exponential of a number: ``withExpMerged(_:_:atRoot:)``),
///   `tangent-quotient`, the same trigonometric forms, `surd-denominator`, `abs-merge` and
///   `abs-even-power`; on powers `root-of-square`; on calls, under `--assume`, abs, sign, heaviside
///   and relu of an argument of known sign (``refined(_:_:)``); at a root (the answer, a call's
///   argument) `exp-merge` again, kept when shorter;
/// - then, on every node returned, `rationalise-denominator` (``withRationalisedDenominator(_:_:)``:
///   a constant sum b + c·√d, alone, as a factor or below the bar, written from the value of
///   its constant part, `1/(sqrt(2) + 1)` → `sqrt(2) - 1`, `9/(-5*sqrt(2) - 18)` → `-9/(5*sqrt(2) + 18)`);
/// - last, on every node returned and at a root, `partial-common-factor`
///   (``withPartialCommonFactors(_:_:)``: `x*y*exp(x*y) + exp(x*y) + 2*x` →
///   `exp(x*y)*(x*y + 1) + 2*x`), kept when shorter.
///
/// Each of these notes its rule in the ``RationalForm`` it returns (``RationalForm/applied``); a
/// kept rewrite's ``Step`` lists them for `--steps`.
public final class Simplifier {
  public let pool: ExpressionPool
  /// Work units (term multiplications, division steps) one expression may use.
  public static let budgetPerExpression = 200_000
  var memo = ExprMap<Expr>()
  /// Whole answers of earlier calls that finished within the budget. Such a call started from an
  /// empty memo and a fresh budget and was never cut short, so its result is a function of its
  /// input alone: giving it again is what a fresh computation would give. (A memo of inner
  /// nodes shared across calls would not be: it would save work and so move where a later
  /// call's budget runs out.)
  private var finished = ExprMap<(result: Expr, cost: Int)>()
  /// One converter for one `simplify` call, shared by the normal forms of all its nodes: a
  /// node's form is built once, not again at every level above it.
  var converter: RationalConverter?
  /// Complexity depends on the node alone, so it is kept across calls.
  var measure: Complexity
  /// Printed lengths, for the candidates that must not print longer (``isShorter(_:than:)``).
  var printed: TextLength
  /// The same in LaTeX, whose fraction bars and `\left(…\right)` weigh differently.
  var printedLatex: LatexLength
  /// Nodes settled for good, by index: the node is settled (``settling(_:tracing:)``) and so is
  /// every part, down to the atoms. Such a node simplifies to itself under any budget, at no
  /// cost, so every call may return it at once and the budget is spent exactly as in a fresh
  /// call. A Jacobian's entries share their arguments (the arm's angles q₁ + … + qᵢ appear in
  /// every entry): each is looked at once per answer instead of once per entry.
  private var settledForGood: [Bool] = []
  /// `--assume`: signs the simplifier may use (``refined(_:_:)``). Setting other assumptions
  /// forgets the answers and the nodes settled for good of earlier calls, which held without them.
  public var assumptions: Assumptions? {
    didSet {
      guard oldValue !== assumptions else { return }
      finished.removeAll()
      settledForGood.removeAll()
    }
  }
  /// Whether a node has an angle sum to expand (``withAnglesExpanded(_:_:)``), by node id.
  var angleMemo: [UInt8] = []

  public init(pool: ExpressionPool) {
    self.pool = pool
    measure = Complexity(pool: pool)
    printed = TextLength(TextPrinter(pool: pool))
    printedLatex = LatexLength(LatexPrinter(pool: pool))
  }

  /// Whether `candidate` is shorter than `best` by ``Complexity`` (then nodes), prints in fewer
  /// bytes, and in no more bytes of LaTeX: the trigonometric, surd and absolute-value
  /// candidates must not lengthen an answer that the measure alone would call shorter
  /// (`sec(x)*tan(x)` → `sin(x)/cos(x)^2`); a tie in bytes is no gain (`sec(y)*(2*tan(y)^2 + 1)`
  /// and `(sin(y)^2 + 1)/cos(y)^3` print alike, but the quotient needs parentheses below another
  /// fraction bar); and a form shorter in text may be longer in LaTeX, where a sum beside a
  /// factor takes `\left(…\right)` (`-(x + 5/2)/(sec(1)*…)` → `-cos(1)*(x + 5/2)/…`) and a
  /// quotient `\frac{}{}` (`-csc(z)*(2*cot(z)^2 + 1)` → `(sin(z)^2 - 2)/sin(z)^3`).
  func isShorter(_ candidate: Expr, than best: Expr, strictly: Bool = false) -> Bool {
    let (a, b) = ((measure.of(candidate), pool.treeSize(candidate)), (measure.of(best), pool.treeSize(best)))
    guard strictly ? a.0 < b.0 : a < b else { return false }
    guard printed.of(candidate).bytes < printed.of(best).bytes else { return false }
    return printedLatex.of(candidate) <= printedLatex.of(best)
  }

  /// Work units all the calls of one request may use together (``startRequest()``): the
  /// per-expression budget bounds one call, and a request makes one call per entry. A unit is
  /// about 0.7 µs here, so 3 million is about 2 s; arm400's 800 entries use 1.65 million, the
  /// generic 8×8 inverse's 64 used 6 million (5 s).
  public static let budgetPerRequest = 3_000_000
  /// The budget a request starts with (``budgetPerRequest``; tests lower it).
  var requestBudget = budgetPerRequest
  /// What is left of the request's budget.
  public private(set) var requestRemaining = budgetPerRequest

  /// A new request: its calls share a fresh ``budgetPerRequest``.
  public func startRequest() { requestRemaining = requestBudget }

  /// The simplified form of `e`, within ``budgetPerExpression`` and what is left of the
  /// request's budget.
  /// The memo lives for one call: a result cut short by one call's budget must not leak into
  /// another's, so every answer depends only on its own input (its request).
  public func simplify(_ e: Expr) -> Expr {
    // A linear combination of plain atoms is its own simplified form, at no cost
    // (``isSettledLinearCombination(_:)``): most entries of a big sparse Jacobian.
    if exitsLinearCombinations && trace == nil && assumptions == nil && requestRemaining > 0
      && isSettledLinearCombination(e)
    {
      budgetExhausted = false
      return e
    }
    let allowed = min(Self.budgetPerExpression, max(requestRemaining, 0))
    // A whole answer kept from an earlier call cost what a fresh call costs: it is given (and
    // charged) only when a fresh call could afford it.
    if let done = finished[e], trace == nil, done.cost <= allowed {
      budgetExhausted = false
      requestRemaining -= done.cost
      spent += done.cost
      return done.result
    }
    memo.removeAll(keepingCapacity: true)
    let budget = Budget(allowed)
    converter = RationalConverter(pool: pool, budget: budget)
    defer { converter = nil }
    let result =
      allowed > 0
      ? withPartialCommonFactors(withExpsMergedAtRoot(withQuotientForms(simplify(e, budget), budget), budget), budget)
      : e
    let cost = allowed - max(budget.remaining, 0)
    spent += cost
    requestRemaining -= cost
    budgetExhausted = budget.remaining <= 0
    if !budgetExhausted { finished[e] = (result, cost) }
    return result
  }

  /// One rewrite the simplifier chose, for `--steps`: a subexpression, its shorter normal form,
  /// and the named rules that changed it on the way.
  public struct Step: Sendable {
    public var before: Expr
    public var after: Expr
    public var rules: [SimplificationRule]
  }
  /// When non-nil, ``simplify(_:)`` appends each rewrite it keeps, bottom-up.
  public var trace: [Step]?
  /// Whether a sum with one fractional coefficient may be settled (``isSettledSum(_:)``); off
  /// only in the test that compares it with the normal form.
  var settlesOneFraction = true
  /// Whether ``simplify(_:)`` returns linear combinations of plain atoms at once
  /// (``isSettledLinearCombination(_:)``); off only in the test that compares it with the full pass.
  var exitsLinearCombinations = true

  /// Whether the last ``simplify(_:)`` ran out of budget, so some subexpressions kept their
  /// canonical form without the normal-form comparison (still exact, perhaps not shortest).
  public private(set) var budgetExhausted = false
  /// Budget units spent by every call so far (for `--stats`).
  public private(set) var spent = 0

  func simplify(_ e: Expr, _ budget: Budget) -> Expr {
    if let done = memo[e] { return done }
    if isSettledForGood(e) { return e }
    var result: Expr
    switch pool.node(e) {
    case .number, .symbol, .constant, .undefined:
      result = e
    // A node whose parts come back unchanged is rebuilt as itself (the constructors are
    // idempotent on canonical nodes), so it is not rebuilt: a Jacobian's rows repeat the same
    // long argument in every entry.
    case .call(let f, let u):
      let v = withPartialCommonFactors(
        withExpsMergedAtRoot(withQuotientForms(simplify(u, budget), budget), budget), budget)
      if let refined = refined(f, v) {
        trace?.append(Step(before: pool.call(f, v), after: refined, rules: [.assumedSign]))
        result = refined
      } else {
        if v == u && isSettledForGood(u) { markSettledForGood(e) }
        result = v == u ? e : pool.call(f, v)
      }
    case .apply(let op, let args):
      let parts = args.map { simplify($0, budget) }
      if parts == args && parts.allSatisfy(isSettledForGood) { markSettledForGood(e) }
      result = parts == args ? e : pool.apply(op, parts)
    case .sum(let terms):
      let parts = terms.map { simplify($0, budget) }
      let best = parts == terms ? unchanged(e, parts, budget) : shortest(pool.add(parts), budget)
      // Settled for good: no candidate changes it (a later call returns it at once, above).
      result =
        best == e && isSettledForGood(e)
        ? e : withLogsExpanded(withTrigForms(best, expanded: withAnglesExpanded(best, budget), budget), budget)
    case .product(let factors):
      let parts = factors.map { simplify($0, budget) }
      let best = withTangentQuotients(
        withQuotientAnglesExpanded(
          parts == factors ? unchanged(e, parts, budget) : shortest(pool.multiply(parts), budget), budget))
      result = withAbsEvenPowers(
        withAbsMerged(withSurdDenominator(withTrigForms(withExpMerged(best, budget, atRoot: false), budget), budget)))
    case .power(let b, let x):
      let (c, y) = (simplify(b, budget), simplify(x, budget))
      result = withPerfectSquareRoot(
        withAbsEvenPowers(c == b && y == x ? unchanged(e, [b, x], budget) : shortest(pool.power(c, y), budget)), budget)
    }
    result = withPartialCommonFactors(withRationalisedDenominator(result, budget), budget)
    memo[e] = result
    if result != e {
      memo[result] = result
      // A candidate form changed a node that ``unchanged(_:_:_:)`` settled for good
      // (`tangent-quotient`: sinh(z)/cosh(z) is tanh(z)): it is not settled, or a later call
      // would return it unchanged (before, `x + sinh(z)/cosh(z)` simplified to itself after
      // `sinh(z)/cosh(z)` had been simplified, and to `tanh(z) + x` alone).
      if e.index < settledForGood.count { settledForGood[e.index] = false }
    }
    return result
  }

  /// A sum, product or power whose parts came back unchanged: itself if settled (and then
  /// settled for good when its parts are), else ``shortest(_:_:)``.
  private func unchanged(_ e: Expr, _ parts: [Expr], _ budget: Budget) -> Expr {
    let settling = settling(e, tracing: trace != nil)
    guard case .settled = settling else { return shortest(e, settling, budget) }
    // A trigonometric candidate may still change it (``withTrigForms(_:_:)``, angle-sum).
    let candidates =
      pool.treeSize(e) <= AngleExpansion.maxNodes
      && (!trigShape(e).isEmpty || containsExpandableAngle(e) && anglesMayCombine(e))
    if parts.allSatisfy(isSettledForGood) && !candidates {
      markSettledForGood(e)
    }
    return e
  }

  /// Whether `x` prints shorter than `y`, or as long with fewer bits in its numbers (each
  /// distinct number counted once): prefer-shorter's last tie-breaks.
  private func hasSmallerNumbers(_ x: Expr, than y: Expr) -> Bool {
    let (px, py) = (printed.of(x).bytes, printed.of(y).bytes)
    if px != py { return px < py }
    func bits(_ e: Expr) -> Int {
      var total = 0
      pool.forEachDistinctNode(e) { n in
        if let q = pool.rational(n) { total += q.numerator.bitWidth + q.denominator.bitWidth }
        return true
      }
      return total
    }
    return bits(x) < bits(y)
  }

  private func isSettledForGood(_ e: Expr) -> Bool {
    if trace != nil { return false }
    switch pool.kind(e) {
    case .number, .symbol, .constant: return true
    default: return e.index < settledForGood.count && settledForGood[e.index]
    }
  }

  private func markSettledForGood(_ e: Expr) {
    // Under assumptions, logs and calls may still change (``withLogsExpanded(_:_:)``): no marks.
    guard trace == nil, assumptions == nil else { return }
    if e.index >= settledForGood.count {
      settledForGood.append(
        contentsOf: repeatElement(false, count: max(e.index + 1, pool.count) - settledForGood.count))
    }
    settledForGood[e.index] = true
  }

  /// `e` or its rational normal form, whichever is shorter: fewer operations, then fewer nodes
  /// (`u*v*(u^2 + v^2)` over `u^3*v + u*v^3`), then `e` (`x^2 + x` stays).
  func shortest(_ e: Expr, _ budget: Budget) -> Expr {
    switch pool.node(e) {
    case .sum, .product, .power: break
    default: return e
    }
    guard budget.remaining > 0 else { return e }
    return shortest(e, settling(e, tracing: trace != nil), budget)
  }

  private func shortest(_ e: Expr, _ settling: Settling, _ budget: Budget) -> Expr {
    guard budget.remaining > 0 else { return e }
    switch settling {
    case .settled: return e
    case .flippable(let f, let k):
      // The normal form turns F's sign: m/F^k = (-1)^k·m/(-F)^k, built directly; to an even
      // power it keeps F as written unless that is longer
      // (``RationalConverter/expression(_:input:)``).
      let turned = pool.turned(f)
      if k % 2 == 0 && RationalConverter.keepsWrittenSign(f, over: turned, pool) { return e }
      let power = pool.power(f, pool.number(Rational(BigInt(-k))))
      let factors = pool.factors(e)
      let flipped = pool.multiply(
        factors.map { $0 == power ? pool.power(turned, pool.number(Rational(BigInt(-k)))) : $0 }
          + (k % 2 == 0 ? [] : [pool.minusOne]))
      let a = (measure.of(e), pool.treeSize(e))
      return (measure.of(flipped), pool.treeSize(flipped)) < a ? flipped : e
    default: break
    }
    if trace == nil && isAtomMonomial(e) { return e }
    let a = (measure.of(e), pool.treeSize(e))
    if trace == nil {
      do {
        if let normal = try polynomialSumNormalForm(e, budget, toBeat: a.0) {
          return (measure.of(normal), pool.treeSize(normal)) < a ? normal : e
        }
      } catch {
        return e
      }
    }
    let normal: Expr
    var applied: RuleSet
    do {
      guard let found = try normalForm(e, budget, toBeat: a.0) else { return e }
      (normal, applied) = found
    } catch {
      return error == .divisionByZero ? pool.undefined : e
    }
    // prefer-shorter: the normal form replaces `e` only if it is shorter; on a tie in
    // operations and nodes, if it prints shorter, then if its numbers are smaller
    // ((6*y^2 - 4)/(8*y) is (3*y^2 - 2)/(4*y), as SymPy writes it).
    let b = (measure.of(normal), pool.treeSize(normal))
    guard b < a || b == a && hasSmallerNumbers(normal, than: e) else { return e }
    if trace != nil {
      applied.insert(.preferShorter)
      trace!.append(Step(before: e, after: normal, rules: applied.rules))
    }
    return normal
  }
}
