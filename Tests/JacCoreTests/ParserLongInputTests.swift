import Testing

@testable import JacCore

/// The parser's paths for long inputs (docs/performance.md, session 9): lexemes without a
/// `String` or `Rational`, names looked up once per text (``NameTable``), sums built by
/// ``ExpressionPool/sumOfTerms(_:)`` and small numeric quotients folded directly. Each gives
/// what the general constructors give.
@Suite struct ParserLongInputTests {
  /// A random expression as text, and the same expression built by the general constructors.
  struct Generator {
    var random: SplitMix64
    typealias Build = (ExpressionPool) -> Expr

    static let names = ["x1", "x2", "x10", "y", "θ", "gamma", "a_b", "u7", "t"]
    static let numbers: [(String, Rational)] = [
      ("0", .zero), ("1", .one), ("2", Rational(2)), ("12", Rational(12)), ("0.25", Rational(BigInt(1), BigInt(4))),
      ("1e-3", Rational(BigInt(1), BigInt(1000))), (".5", .half),
      ("123456789012345678901234", Rational(BigInt(decimalDigits: Array("123456789012345678901234".utf8))!)),
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func atom(_ depth: Int) -> (String, Build) {
      switch random.next() % (depth > 0 ? 10 : 5) {
      case 0, 1:
        let (text, q) = pick(Self.numbers)
        return (text, { $0.number(q) })
      case 2, 3:
        let name = pick(Self.names)
        return (name, { $0.symbol(name) })
      case 4:
        return pick([("pi", { $0.pi }), ("π", { $0.pi }), ("e", { $0.call(.exp, $0.one) })] as [(String, Build)])
      case 5:
        let (text, build) = expression(depth - 1, terms: 3)
        let (name, f) = pick([("sin", Function.sin), ("exp", .exp), ("cosh", .cosh), ("log", .log)])
        return ("\(name)(\(text))", { $0.call(f, build($0)) })
      case 6:
        let (a, buildA) = expression(depth - 1, terms: 2)
        let (b, buildB) = expression(depth - 1, terms: 2)
        return ("atan2(\(a), \(b))", { $0.apply(.atan2, [buildA($0), buildB($0)]) })
      case 7:
        let (text, build) = expression(depth - 1, terms: 2)
        return ("f(\(text))", { $0.apply(.undefined(name: "f", partials: []), [build($0)]) })
      case 8:
        let (text, build) = expression(depth - 1, terms: 2)
        return ("sqrt(\(text))", { $0.sqrt(build($0)) })
      default:
        let (text, build) = expression(depth - 1, terms: 4)
        return ("(\(text))", build)
      }
    }

    mutating func factor(_ depth: Int) -> (String, Build) {
      let (text, build) = atom(depth)
      switch random.next() % 8 {
      case 0:
        let k = Int(random.next() % 4) + 2
        return ("\(text)^\(k)", { $0.power(build($0), $0.number(k)) })
      case 1: return ("\(text)²", { $0.power(build($0), $0.number(2)) })
      case 2: return ("-\(text)", { $0.negate(build($0)) })
      default: return (text, build)
      }
    }

    mutating func term(_ depth: Int) -> (String, Build) {
      var (text, build) = factor(depth)
      for _ in 0..<Int(random.next() % 3) {
        let (rhs, buildRHS) = factor(depth)
        let lhs = build
        switch random.next() % 4 {
        case 0, 1:
          text += pick(["*", "·", " * "]) + rhs
          build = { $0.multiply(lhs($0), buildRHS($0)) }
        default:
          text += pick(["/", "÷"]) + rhs
          build = { $0.divide(lhs($0), buildRHS($0)) }
        }
      }
      return (text, build)
    }

    mutating func expression(_ depth: Int, terms: Int) -> (String, Build) {
      let (first, buildFirst) = term(depth)
      var text = first
      var builds = [buildFirst]
      for _ in 0..<Int(random.next() % UInt64(terms + 1)) {
        let (t, build) = term(depth)
        if chance(50) {
          text += pick([" + ", "+"]) + t
          builds.append(build)
        } else {
          text += pick([" - ", "-", " − "]) + t
          builds.append({ $0.negate(build($0)) })
        }
      }
      if builds.count == 1 { return (text, buildFirst) }
      return (text, { pool in pool.add(builds.map { $0(pool) }) })
    }
  }

  /// Long random sums with every kind of token: the parser gives the expression the general
  /// constructors build (or an error exactly where they give undefined).
  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func longInputsGiveTheGeneralConstructorsResult(seed: UInt64) {
    var generator = Generator(random: SplitMix64(seed: seed))
    for _ in 0..<4 {
      let (text, build) = generator.expression(3, terms: 200)
      let pool = ExpressionPool()
      let expected = build(pool)
      do {
        let parsed = try Parser.parseExpression(text, in: pool)
        #expect(parsed == expected, "seed \(seed): \(text)")
      } catch {
        #expect(pool.isUndefined(expected), "seed \(seed): \(error.message.text) in \(text)")
      }
    }
  }

  /// Terms of many factors (past ``Parser/foldedFactors``, whose later factors are multiplied in
  /// at once): the node multiplying them in one at a time gives, `/` included.
  @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16])
  func longProductsGiveTheFoldedProduct(seed: UInt64) throws {
    // Non-zero factors (a zero would make every product 0 and hide a lost factor).
    let factors: [(String, Generator.Build)] = [
      ("x1", { $0.symbol("x1") }), ("y", { $0.symbol("y") }), ("θ", { $0.symbol("θ") }), ("2", { $0.number(2) }),
      ("0.25", { $0.number(Rational(BigInt(1), BigInt(4))) }), ("x1^3", { $0.power($0.symbol("x1"), $0.number(3)) }),
      ("y²", { $0.power($0.symbol("y"), $0.number(2)) }), ("(x1 + 1)", { $0.add([$0.symbol("x1"), $0.one]) }),
      ("sin(y)", { $0.call(.sin, $0.symbol("y")) }), ("sqrt(θ)", { $0.sqrt($0.symbol("θ")) }),
    ]
    var random = SplitMix64(seed: seed)
    for count in [31, 33, 40, 90] {
      var (text, build) = factors[Int(random.next() % 10)]
      for _ in 1..<count {
        let (rhs, buildRHS) = factors[Int(random.next() % 10)]
        let lhs = build
        if random.next() % 100 < 85 {
          text += ["*", "·", " * "][Int(random.next() % 3)] + rhs
          build = { $0.multiply(lhs($0), buildRHS($0)) }
        } else {
          text += "/" + rhs
          build = { $0.divide(lhs($0), buildRHS($0)) }
        }
      }
      let pool = ExpressionPool()
      let expected = build(pool)
      let parsed = try Parser.parseExpression(text + " + z", in: pool)
      #expect(parsed == pool.add([expected, pool.symbol("z")]), "seed \(seed): \(text)")
    }
  }

  /// A long product whose number grows past ``ExpressionPool/maxNumberLimbs``: the error ends
  /// at the factor where multiplying in one at a time first gives undefined, as for a short one.
  @Test func longProductTooLargeEndsAtTheFactorThatMadeIt() throws {
    let big = String(repeating: "9", count: 2_000)
    let factors = Array(repeating: "x", count: 34) + Array(repeating: big, count: 25) + ["y"]
    let pool = ExpressionPool()
    var folded = pool.one
    var end = 0
    var expectedEnd: Int?
    for f in factors {
      end += (end == 0 ? 0 : 1) + f.utf8.count
      folded = pool.multiply(folded, try Parser.parseExpression(f, in: pool))
      if pool.isUndefined(folded) {
        expectedEnd = end
        break
      }
    }
    // Past the factors multiplied in as they are read, before the last.
    let length = factors.joined(separator: "*").utf8.count
    #expect((expectedEnd ?? 0) > 2 * Parser.foldedFactors && (expectedEnd ?? .max) < length - 2)
    #expect(throws: ParseError(.numberTooLarge, SourceRange(0, expectedEnd ?? 0))) {
      try Parser.parseExpression(factors.joined(separator: "*"), in: ExpressionPool())
    }
  }

  /// A product of 70,000 factors is one product of 70,000 operands, made in time linear in its
  /// length: multiplied in one at a time, its prefixes held 2.45·10⁹ operands (6.3 GB, then the
  /// pool's limit stopped the process).
  @Test func productOfSeventyThousandFactors() throws {
    let text = (0..<70_000).map { "u\($0)" }.joined(separator: "*")
    let pool = ExpressionPool()
    let product = try Parser.parseExpression(text, in: pool)
    #expect(pool.kind(product) == .product)
    #expect(pool.operandCount(product) == 70_000)
    #expect(pool.count < 150_000)
  }

  /// Terms that `sumOfTerms` takes itself and terms it hands to `add` (like terms, numbers,
  /// sums among the terms, a single term left): the same node, and the same nodes created, as
  /// `add` in a pool with the same history.
  @Test(arguments: [
    "x, y", "y, x", "x, x", "2*x, -x", "1, -1, x", "1, x, 2", "x - y, y", "x + 1, 2", "x + 1, x",
    "2*x*y, 3*x*y, z", "2*x*y, 3*x*z", "x^2, x, 1", "sin(x), 2*x, -1/2", "x, -x", "0, x",
    "x1^2, x2^2, x3^2, x4^2, x5^2, x6^2, x7^2, x8^2, x9^2, x10^2",
    "x10^2, x9^2, x8^2, x7^2, x6^2, x5^2, x4^2, x3^2, x2^2, x1^2",
    "x1, x2, x3, x4, x5, x6, x7, x8, x9, x1",
    "exp(u1), u2, -2*u1, u3, 1/5*exp(u2), u1, -2*u2, u3",
    "u1, -2*u2, u3, 1/5*exp(u2)", "z, y, x, w, v, t, s, r", "f(x), y^2, pi, 3*x*y*z, x*y, atan2(y, x)",
    "3*x*y*z, x*y*z", "x*y*z, -x*y, 2*x*y*w", "x01, x1, x001", "2*x^2, x, 3*y^2, y, x^3",
  ])
  func sumOfTermsIsAdd(_ list: String) throws {
    let (fast, general) = (ExpressionPool(), ExpressionPool())
    let a = try Parser.parseList(list, in: fast)
    let b = try Parser.parseList(list, in: general)
    #expect(fast.count == general.count)
    let sum = fast.sumOfTerms(a)
    let reference = general.add(b)
    #expect(fast.count == general.count, "\(list)")
    #expect(TextPrinter(pool: fast).string(sum) == TextPrinter(pool: general).string(reference), "\(list)")
    #expect(sum == fast.add(a))
  }

  /// Small numeric quotients and products folded directly: the same number, the same nodes, as
  /// `divide` and `multiply`; a zero divisor or a large number goes the general way (nil).
  @Test(arguments: [("1", "2563201"), ("6", "4"), ("-3", "1"), ("0", "7"), ("2/3", "-5/7"), ("1", "-1")])
  func numberQuotientsAndProducts(_ a: String, _ b: String) throws {
    let (fast, general) = (ExpressionPool(), ExpressionPool())
    let (p, q) = (try Parser.parseExpression(a, in: fast), try Parser.parseExpression(b, in: fast))
    let (p2, q2) = (try Parser.parseExpression(a, in: general), try Parser.parseExpression(b, in: general))
    #expect(fast.numberQuotient(p, q).flatMap(fast.rational) == general.rational(general.divide(p2, q2)))
    #expect(fast.count == general.count)
    #expect(fast.numberTimesFactor(p, q).flatMap(fast.rational) == general.rational(general.multiply(p2, q2)))
    #expect(fast.count == general.count)
  }

  @Test func numberFoldsLeaveTheRestToTheGeneralPath() throws {
    let pool = ExpressionPool()
    let big = try Parser.parseExpression("123456789012345678901234567890123456789", in: pool)
    #expect(pool.numberQuotient(pool.one, pool.zero) == nil)
    #expect(pool.numberQuotient(pool.one, big) == nil)
    #expect(pool.numberQuotient(pool.one, pool.symbol("x")) == nil)
  }

  /// Integer literals above the kept small ones and quotients of two numbers, read again and
  /// again (a Bratu row's `1/400040001`), are found in the parser's ``LiteralCache``: the same
  /// nodes, and no other, as the general constructors make in a pool of their own.
  @Test func repeatedLiteralsGiveTheGeneralConstructorsNodes() throws {
    let rows = (1...600).map { ($0 % 5 + 1, $0) }
    let text = rows.map { k, i in "\(k)/400040001*u\(i) + 400040001*v\(i) + 7/3" }.joined(separator: " + ")
    let parsedPool = ExpressionPool()
    let parsed = try Parser.parseExpression(text, in: parsedPool)
    let pool = ExpressionPool()
    let terms = rows.flatMap { k, i in
      [
        pool.multiply(pool.divide(pool.number(k), pool.number(400_040_001)), pool.symbol("u\(i)")),
        pool.multiply(pool.number(400_040_001), pool.symbol("v\(i)")), pool.divide(pool.number(7), pool.number(3)),
      ]
    }
    let expected = pool.add(terms)
    #expect(parsed == expected)
    #expect(parsedPool.count == pool.count)
  }

  /// Each distinct name gets one entry, found again by its bytes wherever it is read; the table
  /// grows past its first 64 slots, or is made large at once for a long text (`reserved`).
  @Test(arguments: [0, 1 << 20])
  func nameTableFindsEachNameByItsBytes(reserved: Int) {
    let text = (1...300).map { "x\($0)" }.joined(separator: " ") + " x7 θ x300 θ"
    let bytes = Array(text.utf8)
    let lexer = Lexer(text)
    var table = NameTable()
    table.reserve(forTextBytes: reserved)
    var start = 0
    var indices: [Int] = []
    for (i, b) in Array(bytes.enumerated()) + [(bytes.count, UInt8(ascii: " "))] where b == UInt8(ascii: " ") {
      let range = SourceRange(start, i)
      indices.append(
        table.index(of: range, in: lexer.bytes) {
          NameTable.Entry(name: String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))
        })
      start = i + 1
    }
    #expect(table.entries.count == 301)
    #expect(indices[300] == indices[6] && indices[302] == indices[299] && indices[303] == indices[301])
    #expect(table.entries[indices[301]].name == "θ" && table.entries[indices[6]].name == "x7")
  }

  /// Names read again from the table still obey the rules on functions and variables, and the
  /// lexemes read back as the tokens `next()` gives.
  @Test func namesKeepTheirMeaningWhenReadAgain() throws {
    let pool = ExpressionPool()
    let e = try Parser.parseExpression("gamma*gamma(x) + gamma + x*x + f(x) + f(y)", in: pool)
    let (x, gamma) = (pool.symbol("x"), pool.symbol("gamma"))
    let f = Operator.undefined(name: "f", partials: [])
    let terms = [
      pool.multiply(gamma, pool.call(.gamma, x)), gamma, pool.multiply(x, x), pool.apply(f, [x]),
      pool.apply(f, [pool.symbol("y")]),
    ]
    #expect(e == pool.add(terms))
    #expect(throws: ParseError.self) { try Parser.parseExpression("x + f + f(x)", in: ExpressionPool()) }
    #expect(throws: ParseError.self) { try Parser.parseExpression("f(x) + x + f", in: ExpressionPool()) }
    #expect(throws: ParseError.self) { try Parser.parseExpression("x + sin + x", in: ExpressionPool()) }
    var lexer = Lexer("2 0.5 D[1,2] ² √ ∛ x")
    #expect(try lexer.next().kind == .number(Rational(2)))
    #expect(try lexer.next().kind == .number(.half))
    #expect(try lexer.next().kind == .partials([1, 2]))
    #expect(try lexer.next().kind == .superscript(2))
    #expect(try lexer.next().kind == .radical(index: 2))
    #expect(try lexer.next().kind == .radical(index: 3))
    #expect(try lexer.next() == Token(kind: .identifier("x"), range: SourceRange(24, 25)))
  }
}

/// ``ExpressionPool/plainPower(_:_:)`` answers only where `power` would build the node as it is.
@Suite struct PlainPowerTests {
  @Test func plainPowerIsPower() throws {
    let pool = ExpressionPool()
    let bases = try Parser.parseList("x, pi, x + 1, f(x), sin(x), exp(x), 2, x^2, 2*x, 0, 1", in: pool)
    let exponents = try Parser.parseList("2, -1, 1/2, y, 0, 1, -2/3", in: pool)
    var plain = 0
    for b in bases {
      for e in exponents {
        let general = pool.power(b, e)
        if let p = pool.plainPower(b, e) {
          #expect(p == general)
          plain += 1
        }
      }
    }
    #expect(plain == 5 * 5)  // the first five bases, the exponents other than 0 and 1
    #expect(pool.plainPower(pool.symbol("x"), pool.undefined) == nil)
  }
}

/// ``ExpressionPool/numberTimesFactor(_:_:)``, the shortcut the parser's `2*u5` takes through
/// `multiply`, answers only with what `multiply`'s general path builds, and answers every small
/// number times a symbol, constant, call, application or plain power.
@Suite struct NumberTimesFactorTests {
  @Test func numberTimesFactorIsMultiply() throws {
    let pool = ExpressionPool()
    let numbers = try Parser.parseList("0, 1, 2, -1/4, 123456789012345678901234567890", in: pool)
    let factors = try Parser.parseList("x, pi, sin(x), f(x), x^2, (x + 1)^2, 2*x, x + 1, 3, 2^x", in: pool)
    var built = 0
    for c in numbers {
      for x in factors {
        let general = pool.multiply([c, x], trace: RuleTrace())
        if let e = pool.numberTimesFactor(c, x) {
          #expect(e == general)
          built += 1
        }
      }
    }
    #expect(built >= 4 * 6)  // at least the small numbers times the first six factors
    for x in factors { #expect(pool.negatedTerm(x) == pool.negate(x)) }
  }

  /// A component is named only when `=` follows its first name, with or without spaces.
  @Test func componentNames() throws {
    let pool = ExpressionPool()
    let components = try Parser.parseComponents("a = x, b=y, c\t= z, d + 1, e", in: pool)
    #expect(components.map(\.name) == ["a", "b", "c", nil, nil])
  }
}

/// The order of names read from the first byte that differs (``ExpressionPool/compareNames(_:_:)``)
/// agrees with the order read run by run, on every pair of short names over letters, digits
/// (with leading zeros) and `_`.
@Suite struct NameOrderTests {
  @Test func firstDifferenceAgreesWithRunByRun() {
    let alphabet = Array("a0b19_".utf8)
    var names: [[UInt8]] = [[]]
    for length in 1...3 {
      names += names.filter { $0.count == length - 1 }.flatMap { n in alphabet.map { n + [$0] } }
    }
    for a in names {
      for b in names where a != b {
        let fast = ExpressionPool.compareNames(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self))
        let full = a.withUnsafeBufferPointer { x in
          b.withUnsafeBufferPointer { ExpressionPool.compareNamesInFull(x, $0) }
        }
        #expect(fast == full, "\(String(decoding: a, as: UTF8.self)) vs \(String(decoding: b, as: UTF8.self))")
      }
    }
  }
  /// Symbols compared by stem and trailing integer (``ExpressionPool/numericSuffix(_:)``) are in
  /// the order of their names: every pair of names over letters and digits up to three bytes,
  /// and indexed names with long and leading-zero runs.
  @Test func symbolsByStemAndIntegerAgreeWithNames() {
    let alphabet = Array("a0b19".utf8)
    var names: [[UInt8]] = [[]]
    for length in 1...3 {
      names += names.filter { $0.count == length - 1 }.flatMap { n in alphabet.map { n + [$0] } }
    }
    var strings = names.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    strings += [
      "u9", "u10", "u19999", "u20000", "u007", "u7", "x12345678901234567", "x12345678901234568", "ab12", "ac12",
    ]
    let pool = ExpressionPool()
    let symbols = strings.map { pool.symbol($0) }
    for (a, x) in zip(strings, symbols) {
      for (b, y) in zip(strings, symbols) where a != b {
        #expect(pool.compare(x, y) == ExpressionPool.compareNames(a, b), "\(a) vs \(b)")
      }
    }
    #expect(Array("u19999".utf8).withUnsafeBufferPointer(ExpressionPool.numericSuffix) == 1 << 56 | 20_000)
    #expect(Array("u007".utf8).withUnsafeBufferPointer(ExpressionPool.numericSuffix) == 0)
    #expect(Array("x".utf8).withUnsafeBufferPointer(ExpressionPool.numericSuffix) == 0)
  }
}
