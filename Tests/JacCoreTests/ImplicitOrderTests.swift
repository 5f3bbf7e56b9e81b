import Testing

@testable import JacCore

/// implicit `--order k`: higher derivatives of y(x) defined by F(x, y) = 0, each the total
/// derivative along the curve of the one before. Expected forms were checked against SymPy's
/// `idiff`, reduced on the curve (``CurveReductionTests``, which also has the sphere's matrix).
@Suite struct ImplicitOrderTests {
  func run(_ equation: String, dep: String, wrt: [String], order: Int) throws -> (Answer, TextPrinter) {
    let engine = Engine()
    var request = Request(command: .implicit, inputs: [equation], along: wrt)
    request.dependent = [dep]
    request.order = order
    return (try engine.run(request), TextPrinter(pool: engine.pool))
  }

  @Test(arguments: [
    ("x^2 + y^2 = 1", 2, "-1/y^3"),
    ("x^2 + y^2 = 1", 3, "-3*x/y^5"),
    ("x^3 + y^3 = 6*x*y", 2, "-16*x*y/(y^2 - 2*x)^3"),
  ])
  func higherDerivatives(_ equation: String, _ order: Int, _ expected: String) throws {
    let (answer, text) = try run(equation, dep: "y", wrt: ["x"], order: order)
    #expect(answer.value.entries.map(text.string) == [expected])
    #expect(answer.order == order)
  }

  /// y'' against the second central difference of y(x) solved numerically on the curve.
  @Test(arguments: [
    ("x^3 + y^3 = 6*x*y", 3.0, 3.1), ("exp(x*y) + y = 3 + x^2", 0.7, 0.8), ("sin(x + y) = x*y^2 - 1/2", 0.4, 1.2),
  ])
  func secondDerivativeMatchesNumericSolve(_ equation: String, _ x0: Double, _ guess: Double) throws {
    let f = Fixture()
    var request = Request(command: .implicit, inputs: [equation], along: ["x"])
    request.dependent = ["y"]
    request.order = 2
    let answer = try f.engine.run(request)
    let solve = try f.curve(equation, guess: guess)
    let h = 1e-4
    let numeric = (solve(x0 + h) - 2 * solve(x0) + solve(x0 - h)) / (h * h)
    let symbolic = f.pool.evaluate(answer.value.entries[0], ["x": x0, "y": solve(x0)])
    #expect(isClose(symbolic, numeric, relative: 1e-5, absolute: 1e-6), "\(equation): \(symbolic) vs \(numeric)")
  }

  @Test func ordersThatDoNotApply() {
    #expect(throws: JacError.implicitOrder(0, several: false)) {
      try run("x^2 + y^2 = 1", dep: "y", wrt: ["x"], order: 0)
    }
    #expect(throws: JacError.implicitOrder(3, several: true)) {
      try run("x^2 + y^2 + z^2 = 1", dep: "z", wrt: ["x", "y"], order: 3)
    }
    #expect(throws: JacError.implicitOrder(2, several: false)) {
      let engine = Engine()
      var request = Request(command: .implicit, inputs: ["x + y + z = 0, x - y + 2*z = 1"], along: ["x", "w"])
      request.dependent = ["y", "z"]
      request.order = 2
      _ = try engine.run(request)
    }
  }

  /// A system with one independent variable: the column of d^k uᵢ/dx^k. Each entry equals (as a
  /// rational function) SymPy's, from solving the equations differentiated k times for the k-th
  /// derivatives: 2(u·y − 1)(1 − v·y)/(u − v)³ and 2(u·y − 1)(v·y − 1)/(u − v)³ at order 2,
  /// ∓2(u² − u·v − u·x + v² − v·x + x²)/(u − v)³ for the circle where a sphere meets a plane.
  @Test(arguments: [
    (
      "u + v = x*y, u*v = x - y", 2,
      ["2*(u*y - 1)*(1 - v*y)/(u - v)^3", "2*(u*v*y^2 - u*y - v*y + 1)/(u - v)^3"]
    ),
    (
      "u + v = x*y, u*v = x - y", 3,
      [
        "6*(u*v^2*y^3 + u^2*v*y^3 - u^2*y^2 - v^2*y^2 - 4*u*v*y^2 + 3*u*y + 3*v*y - 2)/(u - v)^5",
        "6*(u^2*y^2 - u*v^2*y^3 - u^2*v*y^3 + v^2*y^2 + 4*u*v*y^2 - 3*u*y - 3*v*y + 2)/(u - v)^5",
      ]
    ),
    (
      "x^2 + u^2 + v^2 = 1, x + u + v = 0", 2,
      ["2*(u*v - u^2 - v^2 - x^2 + u*x + v*x)/(u - v)^3", "(v - x)^2/(u - v)^3 + (x - u)^2/(u - v)^3 + 1/(u - v)"]
    ),
  ])
  func systemWithOneIndependentVariable(_ equations: String, _ order: Int, _ expected: [String]) throws {
    let engine = Engine()
    var request = Request(command: .implicit, inputs: [equations], along: ["x"])
    request.dependent = ["u", "v"]
    request.order = order
    request.steps = true
    let answer = try engine.run(request)
    let text = TextPrinter(pool: engine.pool)
    #expect(answer.value.entries.map(text.string) == expected)
    guard case .matrix(let column) = answer.value else { throw JacError.noVariables }
    #expect((column.rows, column.columns, answer.order) == (2, 1, order))
    #expect(answer.explanation.suffix(2).map(\.text) == ["d^\(order)u/dx^\(order)", "d^\(order)v/dx^\(order)"])
  }
}
