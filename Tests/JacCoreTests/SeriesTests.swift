import Testing

@testable import JacCore

/// taylor where f's expression is undefined but f extends analytically (a removable
/// singularity): the polynomial comes from the series of f's parts (``SeriesExpansion``).
/// Every expected polynomial was checked against SymPy's `series`.
@Suite struct SeriesTests {
  let engine = Engine()

  func taylor(_ input: String, at: String, order: Int, steps: Bool = false) throws -> (Answer, TextPrinter) {
    try taylor(input, at: [at], order: order, steps: steps)
  }

  /// taylor about x = at[0] (and y = at[1] when given).
  func taylor(_ input: String, at: [String], order: Int, steps: Bool = false) throws -> (Answer, TextPrinter) {
    var request = Request(command: .taylor, inputs: [input])
    request.at = zip(["x", "y"], at).map { Request.Binding(name: $0, value: $1) }
    request.order = order
    request.steps = steps
    return (try engine.run(request), TextPrinter(pool: engine.pool))
  }

  @Test(arguments: [
    ("sin(x)/x", "0", 6, "1 - x^2/6 + x^4/120 - x^6/5040"),
    // sinc at 0 as sin(u)/u (its derivatives' forms are 0/0 there): SymPy's series.
    ("sinc(x)", "0", 6, "1 - x^2/6 + x^4/120 - x^6/5040"),
    ("sinc(x^2 + x)", "0", 4, "1 - x^2/6 - x^3/3 - 19*x^4/120"),
    ("x/(exp(x) - 1)", "0", 6, "1 - x/2 + x^2/12 - x^4/720 + x^6/30240"),
    ("(1 - cos(x))/x^2", "0", 4, "1/2 - x^2/24 + x^4/720"),
    ("sin(a*x)/x", "0", 4, "a - a^3*x^2/6 + a^5*x^4/120"),
    ("sin(x)/(x - pi)", "pi", 4, "-1 + (x - pi)^2/6 - (x - pi)^4/120"),
    ("log(x)/(x - 1)", "1", 3, "1 - (x - 1)/2 + (x - 1)^2/3 - (x - 1)^3/4"),
    // Poles that cancel, and functions with a pole at the point (cot, csc) as quotients.
    ("1/x - 1/sin(x)", "0", 5, "-x/6 - 7*x^3/360 - 31*x^5/15120"),
    ("x*cot(x)", "0", 6, "1 - x^2/3 - x^4/45 - 2*x^6/945"),
    // A quotient whose leading terms need more working precision (valuation 10).
    ("x^10/sin(x)^10", "0", 4, "1 + 5*x^2/3 + 13*x^4/9"),
    // A power whose exponent depends on x: exp(log(1 + x)/x).
    ("(1 + x)^(1/x)", "0", 2, "e - x*e/2 + 11*x^2*e/24"),
  ])
  func removableSingularities(_ input: String, _ at: String, _ order: Int, _ expected: String) throws {
    let (answer, text) = try taylor(input, at: at, order: order)
    // The polynomial as printed keeps its terms by degree (`orderedTerms`); compared here as
    // the expression the expected text builds.
    let polynomial = try Parser.parseComponents(expected, in: engine.pool)[0].expression
    #expect(answer.value.entries.map(text.string) == [text.string(polynomial)])
    #expect(answer.value.entries == [polynomial])
  }

  /// A pole, a point where a part is not analytic, and an essential singularity stay errors.
  @Test(arguments: ["sin(x)/x^2", "x*log(x)", "sqrt(x)/x", "exp(1/x)", "gamma(x)"])
  func noSeries(_ input: String) {
    #expect(throws: JacError.undefinedAtPoint(entry: "the function")) { try taylor(input, at: "0", order: 3) }
  }

  /// A fractional power of a base that vanishes at the point is refused, not expanded as if t
  /// were positive: sqrt(x² + x³) = |x|·sqrt(1 + x), not x·sqrt(1 + x).
  @Test func fractionalPowerOfAVanishingBase() {
    #expect(throws: JacError.undefinedAtPoint(entry: "its derivative of order 1")) {
      try taylor("sqrt(x^2 + x^3)", at: "0", order: 3)
    }
  }

  /// In several variables the series runs along rays, f(a + t·h): each coefficient of tᵏ is
  /// the homogeneous part of degree k. Expected polynomials: the known one-variable series of
  /// sin, cos and exp with u = x·y (u = x + y), and checked numerically against SymPy (the
  /// difference from f falls as |x − a|^(k+1) or faster).
  @Test(arguments: [
    ("sin(x*y)/(x*y)", ["0", "0"], 4, "1 - x^2*y^2/6"),
    ("sin(x*y)/(x*y)", ["0", "0"], 8, "1 - x^2*y^2/6 + x^4*y^4/120"),
    ("(1 - cos(x*y))/(x^2*y^2)", ["0", "0"], 4, "1/2 - x^2*y^2/24"),
    ("(exp(x + y) - 1)/(x + y)", ["0", "0"], 3, "1 + (x + y)/2 + (x + y)^2/6 + (x + y)^3/24"),
    ("sin(x - 1)*y/((x - 1)*y)", ["1", "0"], 3, "1 - (x - 1)^2/6"),
    ("sin(x)/x + y", ["0", "1"], 3, "2 + (y - 1) - x^2/6"),
  ])
  func removableSingularitiesInSeveralVariables(
    _ input: String, _ at: [String], _ order: Int, _ expected: String
  ) throws {
    let (answer, text) = try taylor(input, at: at, order: order)
    let polynomial = try Parser.parseComponents(expected, in: engine.pool)[0].expression
    #expect(answer.value.entries.map(text.string) == [text.string(polynomial)])
    #expect(answer.value.entries == [polynomial])
  }

  /// Along every ray these look analytic (each is constant, or a rational function of the
  /// direction, on rays through 0), but they have no Taylor polynomial there: a coefficient
  /// that is not a polynomial in the displacement is refused.
  @Test(arguments: ["(x^2 - y^2)/(x^2 + y^2)", "x*y^2/(x^2 + y^4)", "x^3/(x^2 + y^2)"])
  func noSeriesAlongRaysAlone(_ input: String) {
    #expect(throws: JacError.undefinedAtPoint(entry: "the function")) { try taylor(input, at: ["0", "0"], order: 3) }
  }

  @Test func stepsSayWhereThePolynomialComesFrom() throws {
    let (answer, text) = try taylor("sin(x)/x", at: "0", order: 2, steps: true)
    let line = try #require(answer.explanation.first)
    #expect(text.string(line.value) == "sin(x)/x")
    #expect(line.remark?.words == "undefined at the point; from the series of its parts")
    #expect(line.remark.map { text.string($0.value) } == "1 - x^2/6")
  }
}
