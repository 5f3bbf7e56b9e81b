import Testing

@testable import JacCore

/// `periodic-shift`: a trigonometric function of u + kπ/2 is ± a function of u, as SymPy
/// evaluates it on construction. Each row checked against SymPy.
@Suite struct PeriodicShiftTests {
  @Test(arguments: [
    ("sin(x + pi/2)", "cos(x)"), ("sin(x + pi)", "-sin(x)"), ("sin(x + 3*pi/2)", "-cos(x)"),
    ("sin(x + 2*pi)", "sin(x)"), ("sin(x - pi/2)", "-cos(x)"),
    ("cos(x + pi/2)", "-sin(x)"), ("cos(x + pi)", "-cos(x)"), ("cos(x - pi/2)", "sin(x)"),
    ("cos(pi/2 - x)", "sin(x)"), ("sin(pi/2 - x)", "cos(x)"), ("sin(pi - x)", "sin(x)"), ("cos(pi - x)", "-cos(x)"),
    ("tan(x + pi)", "tan(x)"), ("tan(pi/2 - x)", "cot(x)"), ("tan(x + pi/2)", "-cot(x)"),
    ("cot(x + pi/2)", "-tan(x)"), ("cot(x - pi)", "cot(x)"),
    ("sec(x + pi/2)", "-csc(x)"), ("sec(x + pi)", "-sec(x)"), ("csc(x + pi/2)", "sec(x)"), ("csc(pi - x)", "csc(x)"),
    ("sin(x + y + pi)", "-sin(x + y)"), ("cos(2*x + 5*pi/2)", "-sin(2*x)"),
    // Other multiples of π stay: no shorter form.
    ("sin(x + pi/4)", "sin(x + pi/4)"), ("cos(x + pi/3)", "cos(x + pi/3)"),
    // Not for the hyperbolic functions (no real period).
    ("sinh(x + pi)", "sinh(x + pi)"),
  ])
  func shifts(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected)
  }

  /// Derivatives with a phase: d/dt cos(w*t - pi/2) is w*cos(w*t) (was -w*sin(w*t - pi/2)).
  @Test func derivativeWithAPhase() {
    let f = Fixture()
    let t = f.pool.symbol("t")
    let d = f.engine.simplifier.simplify(f.engine.differentiator.derivative(f.parse("cos(w*t - pi/2)"), t))
    #expect(f.text(d) == "w*cos(t*w)")
  }
}
