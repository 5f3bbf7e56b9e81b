import Testing

@testable import JacCore

/// `--assume`: what ``Assumptions/sign(of:)`` derives, what the simplifier drops with it, and
/// the errors that point into the text.
@Suite struct AssumptionsTests {
  static func assumptions(_ text: String, _ f: Fixture, names: Set<String> = ["x", "y", "r", "R", "p", "t"])
    throws -> Assumptions
  {
    try Assumptions(parsing: text, pool: f.pool, names: names)
  }

  @Test(arguments: [
    ("x > 0", "x", Sign?.some(.positive)),
    ("x >= 0", "x", .nonnegative),
    ("x < 0", "x^3", .negative),
    ("x < 0", "x^2", .positive),
    ("x < 0", "-2*x*exp(y)", .positive),
    ("x > 0", "sqrt(x) + y^2", .positive),
    ("x > 0", "x - 1", nil),
    ("R > r > 0", "R", .positive),
    ("R > r > 0", "R - r", .positive),
    ("R > r > 0", "R + r*cos(p)", .positive),
    ("R > r > 0", "-r*(R + r*cos(p))", .negative),
    ("R > 0, r > 0", "R + r*cos(p)", nil),
    ("R >= r > 0", "R + r*cos(p)", .nonnegative),
    ("0 < p < pi", "sin(p)", .positive),
    ("0 <= p <= pi", "sin(p)", .nonnegative),
    ("0 < p < pi", "sin(2*p)", nil),
    ("0 < p < pi", "cos(p/2)", .positive),
    ("0 < p < pi", "cos(p)", nil),
    ("-pi/2 < p < pi/2", "cos(p)", .positive),
    ("pi < p < 2*pi", "sin(p)", .negative),
    ("0 < p < pi, 0 < t < pi/2", "sin(p + t) + cos(t)", nil),
    ("0 < p < pi/2, 0 < t < pi/2", "sin(p + t)", .positive),
    ("x > 1", "log(x)", .positive),
    ("x > 0", "atan(x)*cosh(y)", .positive),
    ("x < 0", "lambertw(x)", .negative),
    ("x >= 0", "lambertw(x^3)", .nonnegative),
    // Si, fresnels, fresnelc are positive on (0, ∞) (their minima there are Si(2π) ≈ 1.418,
    // S(√4) ≈ 0.343, C(√3) ≈ 0.321), erfi and Shi increasing: each has its argument's sign.
    ("x > 0", "Si(x) + fresnels(x) + fresnelc(x) + erfi(x) + Shi(x)", .positive),
    ("x < 0", "Si(x)*fresnelc(x)", .positive),
    ("x >= 0", "fresnels(x)", .nonnegative),
    ("x > 0", "Ci(x)", nil),
    ("x > 0", "sinc(x)", nil),
  ])
  func signs(_ text: String, _ expression: String, _ expected: Sign?) throws {
    let f = Fixture()
    let a = try Self.assumptions(text, f)
    #expect(a.sign(of: f.parse(expression)) == expected, "\(expression) under \(text)")
  }

  /// The signs agree with the values at random points that satisfy the assumptions.
  @Test func signsHoldAtPoints() throws {
    let f = Fixture()
    let a = try Self.assumptions("R > r > 0, 0 < p < pi", f)
    var rng = SeededGenerator(seed: 17)
    for e in ["R + r*cos(p)", "r*sin(p)", "R - r", "-r*(R + r*cos(p))", "sin(p)*cos(p/2)"] {
      let s = try #require(a.sign(of: f.parse(e)))
      for _ in 0..<50 {
        let r = Double.random(in: 0.01...5, using: &rng)
        let point = [
          "r": r, "R": r + Double.random(in: 0.001...5, using: &rng), "p": Double.random(in: 0.001...3.14, using: &rng),
        ]
        let v = f.pool.evaluate(f.parse(e), point)
        #expect(s.isNonnegative ? v >= 0 : v <= 0, "\(e) at \(point)")
      }
    }
  }

  @Test(arguments: [
    ("abs(sin(p)) + sqrt(r^2)", "0 < p < pi, r > 0", "sin(p) + r"),
    ("abs(x - y)", "y > x", "y - x"),
    ("sign(x) + heaviside(-x) + relu(x)", "x > 0", "x + 1"),
    ("abs(x)*abs(sin(p))", "x < 0", "-x*abs(sin(p))"),
    ("abs(x)", "x^2 + y^2 < 1", "abs(x)"),
    ("log(x*y) - log(x) - log(y) + log(x^2*y) - log(y)", "x > 0, y > 0", "2*log(x)"),
    ("log(x*y)", "x > 0, y > 0", "log(x*y)"),
    ("log(x*y) - log(x) - log(y)", "x > 0", "log(x*y) - log(x) - log(y)"),
    // W₀(u·e^u) = u needs u ≥ −1: u ≥ 0 decides it, u < 0 does not (W₀(−2e⁻²) ≠ −2).
    ("lambertw(x*exp(x)) + lambertw(2*y*exp(2*y))", "x >= 0, y > 0", "x + 2*y"),
    ("lambertw(x*exp(x))", "x < 0", "lambertw(x*exp(x))"),
  ])
  func simplifierDropsWhatTheSignDecides(_ input: String, _ text: String, _ output: String) throws {
    let f = Fixture()
    let simplifier = Simplifier(pool: f.pool)
    simplifier.assumptions = try Self.assumptions(text, f)
    #expect(f.text(simplifier.simplify(f.parse(input))) == output)
    // Without them again, nothing of the earlier answer is kept.
    simplifier.assumptions = nil
    #expect(f.text(simplifier.simplify(f.parse(input))) == f.text(f.simplify(input)))
  }

  @Test func torusVolumeElement() throws {
    let engine = Engine()
    var request = Request(
      command: .det, inputs: ["(R + r*cos(p))*cos(t), (R + r*cos(p))*sin(t), r*sin(p)"], variables: ["r", "p", "t"])
    request.volumeElement = true
    for text in ["R > r > 0", "R > 0, r > 0, R > r"] {
      request.assumptions = text
      let answer = try engine.run(request)
      #expect(answer.volumeFactor.map(TextPrinter(pool: engine.pool).string) == "r*(r*cos(p) + R)", "\(text)")
    }
    request.assumptions = nil
    let plain = try engine.run(request)
    #expect(plain.volumeFactor.map(TextPrinter(pool: engine.pool).string) == "abs(r*(r*cos(p) + R))")
  }

  /// A cycle of non-strict relations is consistent (all equal).
  @Test func nonStrictCycleIsConsistent() throws {
    let a = try Self.assumptions("x >= y, y >= r, r >= x", Fixture())
    #expect(a.order.count == 3)
  }

  /// Errors point at the relation, the name or the side that is wrong.
  @Test(arguments: [
    ("x > 0, x < -1", ParseError.Message.assumptionContradiction, 7, 13),
    ("0 < p < pi, p > 4", .assumptionContradiction, 12, 17),
    ("1 > 2", .assumptionContradiction, 0, 5),
    ("y > x, x > y", .assumptionContradiction, 7, 12),
    // A cycle of relations between symbols through a strict one.
    ("x > y, y > r, r > x", .assumptionContradiction, 14, 19),
    ("x >= y, y >= r, r > x", .assumptionContradiction, 16, 21),
    ("x > 0, q > 0", .assumptionUnknownName(name: "q"), 7, 8),
    ("x", .expectedRelation, 0, 1),
    ("x > 0,  x = 1", .expectedRelation, 8, 13),
    ("x > (1", .expectedCloseParen(openColumn: 5), 6, 6),
  ])
  func errorsPointIntoTheText(_ text: String, _ message: ParseError.Message, _ start: Int, _ end: Int) {
    let f = Fixture()
    #expect(throws: JacError.optionParse(ParseError(message, SourceRange(start, end)), option: "--assume", text: text))
    {
      _ = try Self.assumptions(text, f)
    }
  }
}

/// `--at` and `--check` inside `--assume`: a point that contradicts an assumption is an error
/// naming it (decided exactly or with balls; undecided says so), and `--check` draws its points
/// inside the assumptions, so a right answer that holds only there passes.
@Suite struct AssumedPointTests {
  let engine = Engine()
  func run(
    _ command: Request.Command, _ input: String, assume: String, at: [(String, String)]? = nil,
    vars: [String]? = nil, check: Bool = false
  ) throws -> Answer {
    var request = Request(command: command, inputs: [input], variables: vars)
    request.assumptions = assume
    request.at = at?.map { Request.Binding(name: $0.0, value: $0.1) }
    request.check = check
    return try engine.run(request)
  }

  @Test func pointContradictingAnAssumptionIsAnError() throws {
    #expect(throws: JacError.pointContradictsAssumption("x > 0")) {
      try run(.simplify, "abs(x)", assume: "x > 0", at: [("x", "-3")])
    }
    #expect(throws: JacError.pointContradictsAssumption("x > 0")) {
      try run(.diff, "sqrt(x^2)", assume: "x>0", at: [("x", "-1")])
    }
    #expect(throws: JacError.pointContradictsAssumption("x > 0")) {
      try run(.taylor, "sqrt(x^2)", assume: "x > 0", at: [("x", "0")])
    }
    // The second link of a chain, with an irrational value decided by balls: 4 > π.
    #expect(throws: JacError.pointContradictsAssumption("p < pi")) {
      try run(.simplify, "sin(p)", assume: "0 < p < pi", at: [("p", "4")])
    }
    // Exactly 0 but not provably: said, not guessed.
    #expect(throws: JacError.pointAssumptionUndecided("x > y")) {
      try run(.simplify, "abs(x - y)", assume: "x > y", at: [("x", "sqrt(2) + sqrt(3)"), ("y", "sqrt(5 + 2*sqrt(6))")])
    }
    // Inside: answered; x >= y holds at a tie.
    let inside = try run(.diff, "sqrt(x^2)", assume: "x > 0", at: [("x", "sqrt(2)")])
    #expect(inside.value.entries.map { TextPrinter(pool: engine.pool).string($0) } == ["1"])
    _ = try run(.simplify, "abs(x - y)", assume: "x >= y", at: [("x", "1"), ("y", "1")])
  }

  @Test func checkDrawsInsideTheAssumptions() throws {
    // sqrt(x^2)*log(y) is x*log(y) for x > 0: the gradient (log(y), x/y) is right there.
    let answer = try run(.grad, "sqrt(x^2)*log(y)", assume: "x > 0", vars: ["x", "y"], check: true)
    let check = try #require(answer.check)
    #expect(check.passed)
    #expect(check.pointCount == DerivativeCheck.randomPoints + DerivativeCheck.widePoints)
    // Beyond the usual draws (which reach 10³), a bounded symbol is drawn inside its bounds.
    for assume in ["x > 10^6", "x < -10^9", "10^4 < x < 10^4 + 1"] {
      let far = try #require(try run(.diff, "sqrt(x^2)*log(abs(x))", assume: assume, check: true).check)
      #expect(far.passed && far.pointCount == DerivativeCheck.randomPoints + DerivativeCheck.widePoints, "\(assume)")
    }
    // The other relations still hold at those draws: y > x > 10^6.
    let linked = try run(.grad, "log(x) + log(y - x)", assume: "x > 10^6, y > x", vars: ["x", "y"], check: true)
    #expect(try #require(linked.check).passed)
    #expect(throws: JacError.checkOutsideAssumptions) {
      try run(.diff, "sqrt(x^2)", assume: "x^2 < 10^-20", check: true)
    }
  }
}
