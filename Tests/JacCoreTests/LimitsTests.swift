import Testing

@testable import JacCore

/// Every limit in ``Limits`` is an error naming the limit, raised before the work it guards.
@Suite struct LimitsTests {
  /// The error a request fails with, run on a deep stack as the command runs it.
  private func error(_ request: Request) -> JacError? {
    DeepStack.run { () -> JacError? in
      do throws(JacError) {
        _ = try Engine().run(request)
        return nil
      } catch {
        return error
      }
    }
  }

  @Test func countsAndSizes() {
    let many = Array(repeating: "x", count: Limits.components + 1).joined(separator: ", ")
    #expect(error(Request(command: .jacobian, inputs: [many], variables: ["x"])) == .limit(.components(1_000_001)))
    let names = (0...Limits.variables).map { "x\($0)" }
    #expect(error(Request(command: .grad, inputs: ["x0"], variables: names)) == .limit(.variables(1_000_001)))
    // Matrices are sparse: the Hessian of a sum of 2,001 squares is answered (2,001 nonzeros of
    // 4,004,001 entries); used whole (`--check`) it is refused.
    let wide = (0...2000).map { "x\($0)^2" }.joined(separator: " + ")
    #expect(error(Request(command: .hessian, inputs: [wide])) == nil)
    var checked = Request(command: .hessian, inputs: [wide])
    checked.check = true
    #expect(error(checked) == .limit(.denseEntries(rows: 2001, columns: 2001)))
    let cyclic = (0...Limits.determinantSize).map { "x\($0)^2" }.joined(separator: ", ")
    #expect(error(Request(command: .det, inputs: [cyclic])) == .limit(.determinantSize(41)))
    #expect(error(Request(command: .inverse, inputs: [cyclic])) == .limit(.determinantSize(41)))
    let long = String(repeating: "x+", count: Limits.inputBytes / 2) + "x"
    #expect(error(Request(command: .simplify, inputs: [long])) == .limit(.inputBytes(Limits.inputBytes + 1)))
    // Just inside the limits: answered.
    let forty = (0..<Limits.determinantSize).map { "x\($0)^2" }.joined(separator: ", ")
    #expect(error(Request(command: .det, inputs: [forty])) == nil)
  }

  /// A long sum is differentiated through an index of its terms by symbol, and bounded so: the
  /// gradient and Hessian of 9,000 squares (a bound of 2·10⁷ when every term was asked along
  /// every variable) are answered, with ∂/∂xᵢ = 2·i·xᵢ and the Hessian's diagonal 2·i.
  @Test func longSumsAreIndexed() {
    let n = 9_000
    let sum = (1...n).map { "\($0)*x\($0)^2" }.joined(separator: " + ")
    let engine = Engine()
    let result = DeepStack.run { () -> Result<(Answer, Answer), JacError> in
      do throws(JacError) {
        let grad = try engine.run(Request(command: .grad, inputs: [sum]))
        return .success((grad, try engine.run(Request(command: .hessian, inputs: [sum]))))
      } catch {
        return .failure(error)
      }
    }
    guard case .success(let (grad, hessian)) = result, case .matrix(let g) = grad.value,
      case .matrix(let h) = hessian.value
    else {
      Issue.record("\(result)")
      return
    }
    let text = TextPrinter(pool: engine.pool)
    #expect(g.rows == n && text.string(g[0, 0]) == "2*x1" && text.string(g[n - 1, 0]) == "\(2 * n)*x\(n)")
    #expect(h.nonzeroCount == n && text.string(h[41, 41]) == "84" && h[41, 42] == .zero)
  }

  /// A result whose printed tree passes ``Limits/resultNodes`` is refused, however few distinct
  /// nodes it has: e_{k+1} = sin(e_k) + cos(e_k) doubles the tree at every step.
  @Test func resultTooLargeToPrint() {
    let engine = Engine()
    let pool = engine.pool
    var e = pool.symbol("x")
    for _ in 0..<22 { e = pool.add([pool.call(.sin, e), pool.call(.cos, e)]) }
    #expect(pool.treeSize(e) > Limits.resultNodes)
    #expect(pool.count < 100)
    let context = Engine.Context(
      request: Request(command: .simplify, inputs: [], simplify: false), functions: [e], names: [nil],
      variableNames: ["x"], variables: [pool.symbol("x")])
    #expect(throws: JacError.limit(.resultNodes(entry: "the result"))) { try engine.finish(e, context) }
  }

  /// The derivatives' work is bounded before they are taken (``DerivativeCost``), and refused
  /// above ``Limits/derivativeWork``: d sin⁹⁹⁹⁹(x) would hold 5·10⁷ factors (it took 12 s),
  /// the Hessian of `exp` nested as deep as many, the second derivative of `sqrt` nested 1,187
  /// deep far more (its fourth took 18 s before the number limit). Each is refused at once.
  @Test func derivativesTooLargeAreRefusedBeforehand() {
    func nested(_ f: String, _ depth: Int) -> String {
      String(repeating: f + "(", count: depth) + "x" + String(repeating: ")", count: depth)
    }
    #expect(error(Request(command: .grad, inputs: [nested("sin", 9999)])) == .limit(.derivativeWork(50_104_989)))
    #expect(error(Request(command: .hessian, inputs: [nested("exp", 9999)])) == .limit(.derivativeWork(50_104_989)))
    let fourth = error(Request(command: .diff, inputs: [nested("sqrt", 1187)], along: ["x", "x", "x", "x"]))
    guard case .limit(.derivativeWork(let work)) = fourth else {
      Issue.record("expected the derivative limit, got \(String(describing: fourth))")
      return
    }
    #expect(work > Limits.derivativeWork)
    // Just inside: 2,000 levels are differentiated (and printed: 4 million printed nodes).
    #expect(error(Request(command: .grad, inputs: [nested("sin", 2000)])) == nil)
  }

  /// `diff "x^x" --wrt x,x,…`: each order's bound about doubles (its derivative has about twice
  /// the terms), so the limit is reached at order 18 (bound 17.5 million in all) before that
  /// derivative is taken; order 20 took 13.8 s and order 22 70 s and 1.1 GB. Checked here on
  /// the orders debug builds take quickly.
  @Test func powerTowerOrdersGrowGeometrically() {
    let engine = Engine()
    let pool = engine.pool
    let x = pool.symbol("x")
    var g = pool.power(x, x)
    var bounds: [Int] = []
    for _ in 0..<12 {
      var cost = DerivativeCost(pool: pool, variables: [x])
      bounds.append(cost.work([g]))
      g = engine.differentiator.derivative(g, x)
    }
    for k in 6..<12 { #expect(bounds[k] > 2 * bounds[k - 1] - bounds[k - 1] / 8, "order \(k + 1): \(bounds)") }
    #expect(bounds[11] > 100_000 && bounds[11] < 1_000_000)
  }

  /// ``DerivativeCost`` bounds the terms and factors differentiation builds: on random
  /// expressions (seed 41) and chains, the operands the pool gains are at most the bound.
  @Test func derivativeCostIsABound() {
    var rng = SeededGenerator(seed: 41)
    let engine = Engine()
    let pool = engine.pool
    let (x, y) = (pool.symbol("x"), pool.symbol("y"))
    var cases = (0..<300).map { _ in RandomExpression.make(pool, depth: 5, using: &rng) }
    var chain = pool.add(pool.multiply(x, y), pool.one)
    for k in 0..<200 { chain = pool.call(k % 2 == 0 ? .sin : .exp, chain) }
    cases += [chain, pool.power(x, x)]
    for e in cases where !pool.isUndefined(e) {
      var cost = DerivativeCost(pool: pool, variables: [x, y])
      let bound = cost.work([e])
      let before = pool.operandStore.stored
      _ = engine.differentiator.jacobian([e], [x, y])
      #expect(pool.operandStore.stored - before <= bound, "seed 41: \(TextPrinter(pool: pool).string(e))")
    }
  }

  /// A long product takes a new factor without being sorted again (``ExpressionPool/mergedIntoProduct(_:)``),
  /// and gets the node the general path (collect, sort) gives: random products and factors, seed 43.
  @Test func mergingIntoAProductIsCollecting() {
    var rng = SeededGenerator(seed: 43)
    let pool = ExpressionPool()
    let symbols = (1...14).map { pool.symbol("x\($0)") }
    for _ in 0..<400 {
      let count = Int.random(in: 8...12, using: &rng)
      var factors = (0..<count).map { _ in
        pool.power(symbols.randomElement(using: &rng)!, pool.number(Int.random(in: -2...3, using: &rng)))
      }
      factors.append(pool.number(Rational(BigInt(Int.random(in: -3...3, using: &rng)), BigInt(2))))
      let product = pool.multiply(factors)
      var more: [Expr] = [product]
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let pick = Int.random(in: 0..<4, using: &rng)
        more.append(
          pick == 0
            ? pool.number(Int.random(in: -2...2, using: &rng))
            : pick == 1 ? pool.call(.sin, symbols.randomElement(using: &rng)!) : symbols.randomElement(using: &rng)!)
      }
      more.shuffle(using: &rng)
      #expect(pool.multiply(more) == pool.multiply(more, trace: RuleTrace()))
    }
  }

  /// The simplifier's budget bounds its time: building a normal form's expression is charged
  /// as making it is. The gradient of a power tower x^x^…^x spent 27 s (500 high) building
  /// normal forms that lost, on a budget it never ran out of; now it runs out, keeps the exact
  /// canonical form, and says so.
  @Test func buildingNormalFormsIsCharged() throws {
    let tower = Array(repeating: "x", count: 150).joined(separator: "^")
    let answer = try DeepStack.run { () -> Result<Answer, JacError> in
      Result { () throws(JacError) in try Engine().run(Request(command: .grad, inputs: [tower])) }
    }.get()
    #expect(answer.simplificationCut)
    #expect(answer.value.entries.count == 1)
  }

  /// One request's calls share ``Simplifier/budgetPerRequest`` (a generic inverse makes n²
  /// calls of up to the whole per-expression budget each: the 8×8 one took 79 s). A whole
  /// answer kept from an earlier call is given only when a fresh call could afford it, and is
  /// charged what it cost, so answers still depend on their request alone.
  @Test func callsOfOneRequestShareABudget() {
    let f = Fixture()
    let s = f.engine.simplifier
    let first = f.parse("(x + y)^4/(x^2 - y^2) + (x - y)^3/(x + y)")
    let second = f.parse("(a + b)^4/(a^2 - b^2) + (a - b)^3/(a + b)")
    let alone = s.simplify(first)
    let cost = s.spent
    #expect(cost > 100 && !s.budgetExhausted)
    s.requestBudget = cost + cost / 2
    s.startRequest()
    #expect(s.simplify(first) == alone && !s.budgetExhausted)
    #expect(s.requestRemaining == cost / 2)
    _ = s.simplify(second)
    #expect(s.budgetExhausted && s.requestRemaining <= 0)
    // Too little left for the kept answer: computed again, cut short.
    s.requestBudget = cost / 2
    s.startRequest()
    #expect(s.simplify(first) == first && s.budgetExhausted)
  }

  /// Generic symbolic inverses (the Jacobian of a11*x1 + … + ann*xn, …): the 6×6 one is
  /// answered within the budgets (the 9×9 one is refused by the size of its answer after 1.4 s
  /// of CPU in release, where it took 17.6 s; too slow for a debug test).
  @Test func genericInverse() throws {
    let n = 6
    let rows = (1...n).map { i in (1...n).map { j in "a\(i)\(j)*x\(j)" }.joined(separator: " + ") }
    let answer = try DeepStack.run { () -> Result<Answer, JacError> in
      Result { () throws(JacError) in
        try Engine().run(
          Request(command: .inverse, inputs: [rows.joined(separator: ", ")], variables: (1...n).map { "x\($0)" }))
      }
    }.get()
    #expect(!answer.simplificationCut)
    guard case .matrix(let m) = answer.value else { return #expect(Bool(false)) }
    #expect(m.rows == n && m.columns == n)
  }

  /// Exponents too large to expand are not errors: the power stays as it is, exactly.
  @Test func hugeExponentsStayFactored() throws {
    let engine = Engine()
    for (input, expected) in [
      ("(x+y)^100000", "(x + y)^100000"), ("10^10^10", "10^10000000000"), ("2^1000000*x", "2^1000000*x"),
    ] {
      let answer = try engine.run(Request(command: .simplify, inputs: [input]))
      #expect(TextPrinter(pool: engine.pool).string(answer.value.entries[0]) == expected)
    }
  }

  /// The lexer's limit on the size of a literal (the nesting limit has its own suite below).
  @Test func literalLimit() {
    let digits = String(repeating: "9", count: Lexer.maxLiteralDigits + 1)
    guard case .parse(let q, _) = error(Request(command: .simplify, inputs: [digits])) else {
      Issue.record("no parse error for a 40,001-digit number")
      return
    }
    #expect(q.message == .numberTooLarge && q.message.isLimit)
    // Exactly at the limits (grammar/jac.ebnf states both): a token, not an error.
    var lexer = Lexer(String(repeating: "9", count: Lexer.maxLiteralDigits) + " 1e\(Lexer.maxLiteralExponent)")
    #expect(throws: Never.self) { try lexer.next() }
    #expect(throws: Never.self) { try lexer.next() }
    var over = Lexer("1e\(Lexer.maxLiteralExponent + 1)")
    #expect(throws: ParseError(.numberTooLarge, SourceRange(0, 7))) { try over.next() }
    var scaled = Lexer("1.5e-\(Lexer.maxLiteralExponent)")
    #expect(throws: ParseError(.numberTooLarge, SourceRange(0, 10))) { try scaled.next() }
  }
}

/// Findings of `make fuzz` (docs/reliability.md), kept as regression tests.
@Suite struct FuzzFindingsTests {
  /// crash-9123935…: a derivative held 1/66^6666 exactly (12,130 digits), which printed but did
  /// not read back (literals were capped at 10,000 digits). Now every number jac can hold
  /// (131,072 bits, 39,457 digits) reads back.
  @Test func largeExactNumbersReadBack() throws {
    let engine = Engine()
    let answer = try DeepStack.run { () -> Result<Answer, JacError> in
      Result { () throws(JacError) in
        try engine.run(Request(command: .jacobian, inputs: ["x/(a^b^(2/3)*x^3*c^d^(1/66^6666))"]))
      }
    }.get()
    for entry in answer.value.entries {
      let printed = TextPrinter(pool: engine.pool).string(entry)
      #expect(try Parser.parseExpression(printed, in: engine.pool) == entry)
    }
  }

  /// 968 bytes of prime powers multiplied out to a 10-million-bit number, and the run hung; now
  /// the product passes the number limit and is refused at once, with a caret.
  @Test func productsOfLargePowersAreRefused() {
    let pool = ExpressionPool()
    let powers = "2^49999*3^49999*5^33333*7^33333*11^24999*13^24999"
    #expect(throws: ParseError.self) { try Parser.parseExpression(powers, in: pool) }
    #expect(pool.numberTooLarge)
  }
}

extension FuzzFindingsTests {
  /// crash-875a2d3…: an exponent near Int.max (`6666666^66660.56666666666666`, whose exponent
  /// is 3333028333333333333/50000000000000) overflowed the size estimate of an exact power and
  /// trapped. The estimate is checked now, and floor division cannot overflow.
  @Test func hugeRationalExponentsStaySymbolic() throws {
    let f = Fixture()
    #expect(f.text(f.simplify("6666666^66660.56666666666666")) == "6666666^(3333028333333333333/50000000000000)")
    #expect(f.text(f.simplify("(-1)^(-9223372036854775807/9223372036854775807)")) == "-1")
    #expect(f.text(f.simplify("8^(-5/3)")) == "1/32")
    #expect(f.text(f.simplify("x^(-9223372036854775808)")) == "1/x^9223372036854775808")
  }
}

extension FuzzFindingsTests {
  /// timeout-e72ec26…: `x^-2sqrt(8^-22222222^-2)` asked for the 493827150617284-th root of 8,
  /// and the exact-root bisection raised numbers to that power. A root of an integer of b bits
  /// with n ≥ b is never exact (beyond 0 and 1), and that is now answered at once.
  @Test func hugeRootsAreNotBisected() {
    let f = Fixture()
    // 8 = 2³ comes out of the radicand (`exact-powers`; SymPy writes it so too).
    #expect(f.text(f.simplify("8^(1/493827150617284)")) == "2^(3/493827150617284)")
    #expect(f.text(f.simplify("8^(1/3)")) == "2")
    #expect(f.text(f.simplify("(1/27)^(1/3)")) == "1/3")
    #expect(BigInt(1 << 40).exactRoot(40) == BigInt(2))
    #expect(BigInt(1 << 40).exactRoot(41) == nil)
  }
}

extension FuzzFindingsTests {
  /// timeout-0844304…: the gradient of `x/(x^2 + 444**4444*lo)^15` expanded powers of a sum with
  /// a 39,000-bit coefficient; each coefficient product cost more as they grew, and the budget
  /// counted them as one unit each (1.3 s in release, over 30 s under ASan). Coefficient sizes
  /// are charged now: the budget stops it in milliseconds and the exact factored result stays.
  @Test func largeCoefficientsAreCharged() throws {
    let engine = Engine()
    let answer = try DeepStack.run { () -> Result<Answer, JacError> in
      Result { () throws(JacError) in try engine.run(Request(command: .grad, inputs: ["x/(x^2+444**4444*lo)^15"])) }
    }.get()
    #expect(answer.simplificationCut)
    #expect(answer.value.entries.count == 2)
  }
}

extension FuzzFindingsTests {
  /// timeout-4e4f012… (session 5, compact JSON): `x/(xS…444444444444-4.444444^4444t4441)` made
  /// gcds of 3,000-limb numbers (4444444^4444 against 10^26664), and Euclid's algorithm took
  /// 2.6 s in release to reach the number limit (over 60 s under ASan). Lehmer's gcd
  /// (`LehmerGCD.swift`) takes the line to the same answer, the limit, in 0.2 s. Since the work
  /// budget charges a fold of two integers the product of their sizes (issue 15), the line is
  /// within it and gets its exact answer (0.4 s in release; 4.444444^4444 is 97,700 bits over
  /// 88,600, within the size limit).
  @Test func largeGCDsAreLehmers() {
    let engine = Engine()
    let line = "x/(xSSSSSSSSSSSSSSSSSSLSSSSSSSSS444444444444-4.444444^4444t4441)"
    let result = DeepStack.run { () -> Result<Answer, JacError> in
      Result { () throws(JacError) in try engine.run(Request(command: .simplify, inputs: [line])) }
    }
    guard case .success(let answer) = result, case .scalar(let e) = answer.value else {
      Issue.record("expected an answer, got \(result)")
      return
    }
    #expect(engine.pool.freeSymbols([e]) == ["t4441", "x", "xSSSSSSSSSSSSSSSSSSLSSSSSSSSS444444444444"])
    let p = BigInt(4_444_444).power(4444)
    #expect(BigInt.gcd(p, BigInt(10).power(26664)) == BigInt(2).power(8888))
  }
}

/// A nested `DeepStack.run` runs on the deep thread it is already on, instead of starting another.
@Test func nestedDeepStackRunsInline() {
  #expect(!DeepStack.isDeep)
  let nested = DeepStack.run { () -> (Bool, Bool) in
    let outer = DeepStack.isDeep
    return (outer, DeepStack.run { DeepStack.isDeep })
  }
  #expect(nested.0 && nested.1)
}

extension FuzzFindingsTests {
  /// crash-1cbfa82… (the fast fuzz harness, session 6): `-.5/3e32525` folds to −1/(6·10³²⁵²⁵), a
  /// 108,000-bit number, but its printed form `-1/6000…0` read back as −1 times the power
  /// (6·10³²⁵²⁵)^(−1): a reciprocal was held to the 100,000-bit cap on exact powers, though it is
  /// no larger than its base. Powers with |exponent| ≤ 1 of a number the pool holds now fold.
  @Test func reciprocalsOfLargeNumbersFold() throws {
    let engine = Engine()
    let answer = try engine.run(Request(command: .simplify, inputs: ["-.5/3e32525"]))
    let entry = answer.value.entries[0]
    #expect(engine.pool.isNumber(entry))
    let printed = TextPrinter(pool: engine.pool).string(entry)
    engine.pool.numberWork = 0
    #expect(try Parser.parseExpression(printed, in: engine.pool) == entry)
  }
}
