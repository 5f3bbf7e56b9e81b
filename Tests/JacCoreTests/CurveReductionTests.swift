import Testing

@testable import JacCore

/// implicit's answers reduced on the curve F = 0 (``CurveReduction``). Each row's unreduced form
/// is SymPy's `factor(idiff(F, y, x, k))`, and its reduced form SymPy's `reduced(numerator, [F])`
/// (lex, x > y) over the denominator, up to how jac writes it.
@Suite struct CurveReductionTests {
  func answer(_ f: Fixture, _ equation: String, dep: String = "y", wrt: [String] = ["x"], order: Int) throws -> Answer {
    var request = Request(command: .implicit, inputs: [equation], along: wrt)
    request.dependent = [dep]
    request.order = order
    request.steps = true
    return try f.engine.run(request)
  }

  /// a − b over a common denominator: whether F divides its numerator (a = b on F = 0), and
  /// whether that numerator is 0 (a = b everywhere).
  func difference(_ f: Fixture, _ a: Expr, _ b: Expr, _ equation: String) throws -> (onCurve: Bool, everywhere: Bool) {
    let converter = RationalConverter(pool: f.pool, budget: Budget(1_000_000))
    let residual = try converter.form(try Parser.parseEquations(equation, in: f.pool)[0]).numerator
    let numerator = try converter.form(f.pool.add([a, f.pool.negate(b)])).numerator
    return (try numerator.exactQuotient(residual, budget: converter.budget) != nil, numerator.isZero)
  }

  @Test func remainderModuloOnePolynomial() throws {
    let f = Fixture()
    for (first, expected) in [("x", "y^4 - y^2 + 1"), ("y", "x^4 - x^2 + 1")] {
      let converter = RationalConverter(pool: f.pool, budget: Budget(10_000))
      _ = converter.atom(f.pool.symbol(first))
      let circle = try converter.form(f.parse("x^2 + y^2 - 1")).numerator
      let p = try converter.form(f.parse("x^4 + y^2")).numerator
      let r = try p.remainder(dividingBy: circle, budget: converter.budget)
      #expect(converter.expression(r) == f.parse(expected), "\(first) first")
      // Exact division is unchanged by the shared loop.
      let q = try converter.form(f.parse("x^4 - 2*x^2*y^2 + y^4")).numerator
      let d = try converter.form(f.parse("x^2 - y^2")).numerator
      #expect(try q.exactQuotient(d, budget: converter.budget).map(converter.expression) == f.parse("x^2 - y^2"))
      #expect(try p.exactQuotient(circle, budget: converter.budget) == nil)
    }
  }

  /// Reduced, equal to SymPy's `idiff` on the curve (symbolically: F divides the difference's
  /// numerator; numerically at a point solved for on the curve), and different off it.
  @Test(arguments: [
    ("x^2 + y^2 = 1", 2, "-(x^2 + y^2)/y^3", "-1/y^3", 0.6),
    ("x^2 + y^2 = 1", 3, "-3*x*(x^2 + y^2)/y^5", "-3*x/y^5", 0.6),
    ("x^2 + y^2 = 1", 4, "-3*(x^2 + y^2)*(5*x^2 + y^2)/y^7", "3*(4*y^2 - 5)/y^7", 0.6),
    ("x^2/4 + y^2 = 1", 2, "-(x^2 + 4*y^2)/(16*y^3)", "-1/(4*y^3)", 1.0),
    ("x^2/4 + y^2 = 1", 3, "-3*x*(x^2 + 4*y^2)/(64*y^5)", "-3*x/(16*y^5)", 1.0),
    ("x^3 + y^3 = 6*x*y", 2, "2*x*y*(x^3 - 6*x*y + y^3 + 8)/(2*x - y^2)^3", "-16*x*y/(y^2 - 2*x)^3", 3.0),
    (
      "x^3 + y^3 = 6*x*y", 3,
      "2*(x + y + 2)*(2*x^4 + 5*x^3*y^2 - 12*x^2*y - 8*x*y^3 + y^5)*(x^2 - x*y - 2*x + y^2 - 2*y + 4)/(2*x - y^2)^5",
      "64*y^3*(y^2 - 5*x)/(y^2 - 2*x)^5", 3.0
    ),
    ("x^4 + y^4 = 1", 2, "-3*x^2*(x^4 + y^4)/y^7", "-3*x^2/y^7", 0.5),
    ("x^2 + y^2 = pi", 2, "-(x^2 + y^2)/y^3", "-pi/y^3", 1.0),
    ("x^2 + y^2 = r^2", 2, "-(x^2 + y^2)/y^3", "-r^2/y^3", .nan),
  ])
  func reducedOnTheCurve(_ equation: String, _ order: Int, _ idiff: String, _ expected: String, _ x0: Double) throws {
    let f = Fixture()
    let result = try answer(f, equation, order: order).value.entries[0]
    #expect(f.text(result) == expected)
    let unreduced = f.parse(idiff)
    let difference = try difference(f, unreduced, result, equation)
    #expect(difference.onCurve && !difference.everywhere, "\(equation), order \(order)")
    guard !x0.isNaN else { return }
    let y0 = try f.curve(equation, guess: 1)(x0)
    let point = ["x": x0, "y": y0]
    #expect(isClose(f.pool.evaluate(result, point), f.pool.evaluate(unreduced, point), relative: 1e-9), "\(equation)")
  }

  /// The symmetric matrix of ∂²z/∂xᵢ∂xⱼ on the sphere (SymPy: ∂gᵢ/∂xⱼ + ∂gᵢ/∂z·gⱼ): z first
  /// eliminates z² in both diagonal entries (x first would reduce only the first, y only the last).
  @Test func sphereEliminatesTheDependentVariable() throws {
    let f = Fixture()
    let equation = "x^2 + y^2 + z^2 = 1"
    let result = try answer(f, equation, dep: "z", wrt: ["x", "y"], order: 2)
    #expect(result.value.entries.map(f.text) == ["(y^2 - 1)/z^3", "-x*y/z^3", "-x*y/z^3", "(x^2 - 1)/z^3"])
    let sympy = ["-(x^2 + z^2)/z^3", "-x*y/z^3", "-x*y/z^3", "-(y^2 + z^2)/z^3"]
    for (e, s) in zip(result.value.entries, sympy) { #expect(try difference(f, f.parse(s), e, equation).onCurve) }
    let line = try #require(result.explanation.last)
    #expect(line.text == "reduced on the curve F = 0, where z^2")
    #expect(f.text(line.value) == "1 - x^2 - y^2")
  }

  /// Left as computed: nothing to reduce (and none to claim: the y³ + y = x row's form, built
  /// again, simplifies to the shorter (90*y^2 - 6)/…, which is no reduction), a reduction that
  /// is longer (y² → x³ + a·x + b turns y″ into (3x⁴ + 6a·x² + 12b·x − a²)/(4y³)), F not a
  /// polynomial.
  @Test(arguments: [
    ("x^2 + y^2 = 1", 1, "-x/y"),
    ("y^3 + y = x", 3, "6*(15*y^2 - 1)/(3*y^2 + 1)^5"),
    ("x^3 + y^3 = 6*x*y", 1, "(2*y - x^2)/(y^2 - 2*x)"),
    ("y^2 = x^3 + a*x + b", 2, "3*x/y - (3*x^2 + a)^2/(4*y^3)"),
    ("sin(x*y) = x", 2, "(2*y*cos(x*y)^3 - 2*cos(x*y)^2 + x*sin(x*y))/(x^2*cos(x*y)^3)"),
    ("x^(1/2) + y^2 = 1", 2, "1/(8*x^(3/2)*y) - 1/(16*x*y^3)"),
  ])
  func unchanged(_ equation: String, _ order: Int, _ expected: String) throws {
    let f = Fixture()
    let result = try answer(f, equation, order: order)
    #expect(f.text(result.value.entries[0]) == expected)
    #expect(!result.explanation.contains { $0.text.hasPrefix("reduced") })
  }

  @Test func notWithoutSimplification() throws {
    let f = Fixture()
    var request = Request(command: .implicit, inputs: ["x^2 + y^2 = 1"], along: ["x"], simplify: false)
    request.dependent = ["y"]
    request.order = 2
    #expect(try f.engine.run(request).value.entries.map(f.text) == ["-x^2/y^3 - 1/y"])
  }

  /// `--steps`: the order's line, then the rewrite; x (an independent variable) goes first on a tie.
  @Test func stepsNameTheRewrite() throws {
    let f = Fixture()
    let lines = try answer(f, "x^2 + y^2 = 1", order: 2).explanation.suffix(2)
    #expect(lines.map(\.text) == ["d^2y/dx^2", "reduced on the curve F = 0, where x^2"])
    #expect(lines.map { f.text($0.value) } == ["-(x^2 + y^2)/y^3", "1 - y^2"])
    #expect(lines.last?.latex == "\\text{reduced on the curve } F = 0 \\text{, where } x^{2}")
  }

  /// Reduced and unreduced answers agree on the curve and differ off it (−1/8 against −1/2 at
  /// (0, 2)), so a point where F is a number other than 0 is noted; none is on the curve, or
  /// when F keeps a name the point does not give.
  @Test(arguments: [
    ("x^2 + y^2 = 1", "x=0,y=2", "-1/8", "3"), ("x^2 + y^2 = 1", "x=3/5,y=4/5", "-125/64", nil),
    ("x^2 + y^2 = r^2", "x=3/5,y=4/5", "-r^2*125/64", nil),
  ])
  func offTheCurveAtAPoint(_ equation: String, _ point: String, _ value: String, _ residual: String?) throws {
    let f = Fixture()
    var request = Request(command: .implicit, inputs: [equation], along: ["x"])
    request.dependent = ["y"]
    request.order = 2
    request.at = point.split(separator: ",").map {
      let pair = $0.split(separator: "=")
      return Request.Binding(name: String(pair[0]), value: String(pair[1]))
    }
    let answer = try f.engine.run(request)
    #expect(answer.value.entries.map(f.text) == [f.text(f.parse(value))])
    #expect(answer.implicit?.offCurve.map { f.text($0.value) } == residual)
  }
}
