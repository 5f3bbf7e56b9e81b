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
    let many = (0...Limits.components).map { _ in "x" }.joined(separator: ", ")
    #expect(error(Request(command: .jacobian, inputs: [many], variables: ["x"])) == .limit(.components(10_001)))
    let sum = (0...Limits.variables).map { "x\($0)" }.joined(separator: " + ")
    #expect(error(Request(command: .grad, inputs: [sum])) == .limit(.variables(10_001)))
    let wide = (0...2000).map { "x\($0)" }.joined(separator: " + ")
    #expect(error(Request(command: .hessian, inputs: [wide])) == .limit(.matrixEntries(rows: 2001, columns: 2001)))
    let cyclic = (0...Limits.determinantSize).map { "x\($0)^2" }.joined(separator: ", ")
    #expect(error(Request(command: .det, inputs: [cyclic])) == .limit(.determinantSize(41)))
    #expect(error(Request(command: .inverse, inputs: [cyclic])) == .limit(.determinantSize(41)))
    let long = String(repeating: "x+", count: Limits.inputBytes / 2) + "x"
    #expect(error(Request(command: .simplify, inputs: [long])) == .limit(.inputBytes(Limits.inputBytes + 1)))
    // Just inside the limits: answered.
    let forty = (0..<Limits.determinantSize).map { "x\($0)^2" }.joined(separator: ", ")
    #expect(error(Request(command: .det, inputs: [forty])) == nil)
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

  /// The parser's own limits: nesting and the size of a literal.
  @Test func parserLimits() {
    let deep =
      String(repeating: "(", count: Parser.maxNesting + 1) + "x" + String(repeating: ")", count: Parser.maxNesting + 1)
    guard case .parse(let p, _) = error(Request(command: .simplify, inputs: [deep])) else {
      Issue.record("no parse error for \(Parser.maxNesting + 1) levels")
      return
    }
    #expect(p.message == .nestingTooDeep(limit: Parser.maxNesting) && p.message.isLimit)
    let digits = String(repeating: "9", count: Lexer.maxLiteralDigits + 1)
    guard case .parse(let q, _) = error(Request(command: .simplify, inputs: [digits])) else {
      Issue.record("no parse error for a 40,001-digit number")
      return
    }
    #expect(q.message == .numberTooLarge && q.message.isLimit)
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
    #expect(f.text(f.simplify("8^(1/493827150617284)")) == "8^(1/493827150617284)")
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
