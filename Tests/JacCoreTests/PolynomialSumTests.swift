import Testing

@testable import JacCore

/// The normal form of polynomial sums built without the rational form
/// (``Simplifier/polynomialSumNormalForm(_:_:)``), held to the rational form it stands in for,
/// and the cheap hashes of the simplifier's keys.
@Suite struct PolynomialSumTests {
  /// Sums the shortcut takes: it builds the very node the rational normal form builds
  /// (common denominator, content, common monomial and sign out).
  @Test(arguments: [
    "2*a*x*y + 4*b*y*cos(3*x*y)", "6*x^2*y - 9*x*y^3", "-x - y", "x/2 + y/3", "2*x + 4", "-3/4*x^2 + 5/6*x*y",
    "-2*x*exp(x) + 4*x^2*exp(x)", "x*f(x) - x^2*f(x)^2", "a*pi + b*pi", "74*x*y + 33*y*sin(33*x*y)",
    "x^64*y + x^3*z", "-x*y^2 - x^2*y + x*y", "x*sin(y) - 111/16*y^2", "1 - x", "2*x*y - 2",
    "1 - tanh(7*x*y)^2", "4*x*tan(y)^3 - 6*x^2*tan(y)^2", "sqrt(32*x*y) + 32*x^2*y", "x*sqrt(y) - 3/2*y^2",
    "x^(2/3)*y + x^(1/3)*z", "2*x*(x + y)^(1/2) + 4*(x + y)^(1/2)", "y/x + x", "x/y - 32/5*y^2", "1/x + 78*x*y",
    "x/(2*sqrt(y)) - 3/2*y^2", "1/x + 1/y", "x/y + x*z", "1/tan(x) + tan(x)", "-x/y^2 - 3/(x*y)", "f(x)/x^3 - 2/x",
    "38*y*(1 - tanh(38*x*y)^2) + 28*x*y", "x*(1 - tanh(y)^2) - 13/4*y^2", "x*(x + y) - x^2", "y*(x + 1) - x*y - y",
    "(x + 1)*y + y", "(x - y)/x + y/x", "sqrt(x) + x",
  ])
  func sameAsTheRationalForm(_ input: String) throws {
    let f = Fixture()
    let e = f.parse(input)
    let simplifier = f.engine.simplifier
    let fast = try #require(try simplifier.polynomialSumNormalForm(e, Budget(Simplifier.budgetPerExpression)))
    let slow = try #require(try simplifier.normalForm(e, Budget(Simplifier.budgetPerExpression)))
    #expect(fast == slow.expression, "\(input): \(f.text(fast)) against the rational form's \(f.text(slow.expression))")
    // Given the input's cost to beat, the shortcut may answer `e` without building: only when
    // the normal form costs more.
    let cost = simplifier.measure.of(e)
    let bounded = try simplifier.polynomialSumNormalForm(e, Budget(Simplifier.budgetPerExpression), toBeat: cost)
    #expect(bounded == fast || bounded == e && simplifier.measure.of(fast) > cost, "\(input)")
  }

  /// Random sums of monomials in atoms (powers from −2 to 3, roots, a sum factor now and
  /// then): wherever the shortcut answers, it answers what the rational form does. Seed printed.
  @Test func randomSumsAgreeWithTheRationalForm() throws {
    let seed: UInt64 = 20_261_129
    var rng = SeededGenerator(seed: seed)
    let atoms = ["x", "y", "sin(x)", "tan(y)", "f(x)", "pi", "cosh(y)", "exp(x)", "abs(y)"]
    var answered = 0
    for _ in 0..<400 {
      let terms = (0..<Int.random(in: 2...4, using: &rng)).map { _ -> String in
        var factors = ["\(Int.random(in: -3...3, using: &rng) | 1)/\(Int.random(in: 1...3, using: &rng))"]
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
          let k = [-2, -1, 1, 1, 2, 3].randomElement(using: &rng)!
          factors.append("\(atoms.randomElement(using: &rng)!)^(\(k))")
        }
        if Int.random(in: 0..<6, using: &rng) == 0 {
          factors.append("sqrt(x + y)^(\([-1, 1].randomElement(using: &rng)!))")
        }
        if Int.random(in: 0..<5, using: &rng) == 0 {
          factors.append(["(x + 1)", "(1 - tanh(y)^2)"].randomElement(using: &rng)!)
        }
        return factors.joined(separator: "*")
      }
      let input = terms.joined(separator: " + ")
      let f = Fixture()
      let e = f.parse(input)
      let simplifier = f.engine.simplifier
      guard let fast = try simplifier.polynomialSumNormalForm(e, Budget(Simplifier.budgetPerExpression)) else {
        continue
      }
      answered += 1
      let slow = try #require(try simplifier.normalForm(e, Budget(Simplifier.budgetPerExpression)))
      #expect(
        fast == slow.expression,
        "seed \(seed): \(input) gave \(f.text(fast)), the rational form \(f.text(slow.expression))")
      let cost = simplifier.measure.of(e)
      let bounded = try simplifier.polynomialSumNormalForm(e, Budget(Simplifier.budgetPerExpression), toBeat: cost)
      #expect(bounded == fast || bounded == e && simplifier.measure.of(fast) > cost, "seed \(seed): \(input)")
    }
    #expect(answered > 50, "seed \(seed): the shortcut answered \(answered) of 400")
  }

  /// Sums the rational form sees more in are left to it: squares of trigonometric functions
  /// (`pythagorean`, also after multiplying out), `abs` (`abs-square`), `exp(-u)` (a
  /// denominator), roots that would reach their degree over the common denominator
  /// (`root-power`), sums below the bar, products of sums, sum factors beside an `exp` or a root
  /// (multiplying could merge what the rational form keeps apart), powers above 64 (one atom
  /// there: x^100 and x^70 share nothing).
  @Test(arguments: [
    "sin(x)^2 + cos(x)^2", "x^2 + abs(x)", "exp(-x) + exp(x)", "x^100*y + x^70*z", "exp(x)*(x + 1) + x",
    "sin(x)*(sin(x) + y) + x", "(x + 1)*(x - 1) + 1", "sqrt(x)*(sqrt(x) + y) + y", "x^y + x", "2^(1/2)*x + x",
    "x^(3/2)*y + x", "sinh(x)^2 + y", "sqrt(y) + 1/sqrt(y)", "1/sin(x) + sin(x)", "exp(x)^(-1) + x", "y/(x + 1) + x",
  ])
  func leftToTheRationalForm(_ input: String) throws {
    let f = Fixture()
    let e = f.parse(input)
    #expect(try f.engine.simplifier.polynomialSumNormalForm(e, Budget(Simplifier.budgetPerExpression)) == nil)
  }

  /// Products whose rational normal form is themselves (``Simplifier/isAtomMonomial(_:)``):
  /// true rows are held to the rational form, false rows are products it may rewrite.
  @Test(arguments: [
    ("16*y/sqrt(32*x*y)", true), ("sqrt(32*x*y)", true), ("9*y/(2*sqrt(9*x*y))", true), ("x^2/(y*sin(x))", true),
    ("(x + 1)^(-1/2)*y", true), ("f(x)^3*tan(y)^2/3", true), ("x^(2/3)*y^(-1/3)", true), ("x^(3/2)*y", false),
    ("abs(x)*y", false), ("y/(x + 1)", false), ("exp(x)*y", false), ("sin(x)^2*y", false), ("2^(1/2)*x", false),
  ])
  func atomMonomials(_ input: String, _ isAtomMonomial: Bool) throws {
    let f = Fixture()
    let e = f.parse(input)
    let simplifier = f.engine.simplifier
    #expect(simplifier.isAtomMonomial(e) == isAtomMonomial, "\(input)")
    if isAtomMonomial {
      let normal = try #require(try simplifier.normalForm(e, Budget(Simplifier.budgetPerExpression)))
      #expect(normal.expression == e, "\(input): the rational form gives \(f.text(normal.expression))")
    }
  }

  /// What the simplifier answers for such sums: the factored form when it is shorter (checked
  /// equal to the input by SymPy's `factor_terms` and `expand`), else the sum.
  @Test(arguments: [
    ("2*a*x*y + 4*b*y*cos(3*x*y)", "2*y*(2*b*cos(3*x*y) + a*x)"), ("-x*y^2 - x^2*y", "-x*y*(x + y)"),
    // Factored, 3*x*y*(2*x - 3*y^2) takes as many operations: the sum stays.
    ("6*x^2*y - 9*x*y^3", "6*x^2*y - 9*x*y^3"), ("x/y - 32/5*y^2", "x/y - 32*y^2/5"),
    ("38*y*(1 - tanh(38*x*y)^2) + 28*x*y", "2*y*(14*x - 19*tanh(38*x*y)^2 + 19)"),
  ])
  func factored(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.simplify(input)) == expected)
  }

  /// Options sort in the table's order (``Option/allCases``) and hash apart.
  @Test func optionOrderAndHashing() {
    #expect(Option.allCases.sorted() == Option.allCases)
    #expect(Option.allCases.reversed().sorted() == Option.allCases)
    #expect(Set(Option.allCases).count == Option.allCases.count)
  }

  /// Distinct ids hash apart in a table (and equal ones together), whatever the seed.
  @Test func exprHashes() {
    let ids = (0..<10_000).map { Expr(Int32($0)) }
    let table = Dictionary(uniqueKeysWithValues: ids.map { ($0, $0.id) })
    #expect(ids.allSatisfy { table[$0] == $0.id })
    let raw = Set(ids.map { $0._rawHashValue(seed: 12345) & 0xFFFF })
    #expect(raw.count > 8_000, "the low 16 bits of 10,000 hashes take \(raw.count) values")
  }
}
