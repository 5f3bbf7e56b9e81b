import Testing

@testable import JacCore

/// The numeric layer: tape evaluation, linear solves, Newton's method, the finite-difference
/// check, and substitution at a point.
@Suite struct NumericTests {
  /// The compiled tape (which `ExpressionPool.evaluate` runs) computes what a plain recursive
  /// evaluation of the tree computes (seed 31).
  @Test func tapeMatchesRecursiveEvaluation() {
    var rng = SeededGenerator(seed: 31)
    let f = Fixture()
    for _ in 0..<200 {
      let e = RandomExpression.make(f.pool, depth: 5, using: &rng)
      let tape = Tape(f.pool, roots: [e], inputs: ["x", "y", "z"])
      let x = (0..<3).map { _ in Double.random(in: -2...2, using: &rng) }
      let expected = Self.recursiveValue(f.pool, e, ["x": x[0], "y": x[1], "z": x[2]])
      let got = tape.evaluate(x)[0]
      #expect(got == expected || (got.isNaN && expected.isNaN), "\(f.text(e)) at \(x)")
    }
  }

  static func recursiveValue(_ pool: ExpressionPool, _ e: Expr, _ values: [String: Double]) -> Double {
    switch pool.node(e) {
    case .number(let q): return q.doubleValue
    case .symbol(let name): return values[name] ?? .nan
    case .constant: return Double.pi
    case .undefined: return .nan
    case .sum(let ts): return ts.reduce(0.0) { $0 + recursiveValue(pool, $1, values) }
    case .product(let fs): return fs.reduce(1.0) { $0 * recursiveValue(pool, $1, values) }
    case .power(let b, let x):
      return ExpressionPool.power(
        recursiveValue(pool, b, values), recursiveValue(pool, x, values), exact: pool.rational(x))
    case .call(let fn, let u): return ExpressionPool.apply(fn, recursiveValue(pool, u, values))
    case .apply(let op, let args): return op.evaluate(args.map { recursiveValue(pool, $0, values) })
    }
  }

  @Test func linearSolve() {
    var rng = SeededGenerator(seed: 5)
    for n in 1...6 {
      // Diagonally dominant, so well conditioned.
      var a = (0..<n * n).map { _ in Double.random(in: -1...1, using: &rng) }
      for i in 0..<n { a[i * n + i] += Double(n) + 1 }
      let x = (0..<n).map { _ in Double.random(in: -5...5, using: &rng) }
      let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i * n + $1] * x[$1] } }
      let solved = LinearSolve.solve(a, b)
      #expect(solved != nil)
      for (u, v) in zip(solved ?? [], x) { #expect(abs(u - v) < 1e-12 * (1 + abs(v))) }
    }
    #expect(LinearSolve.solve([1, 2, 2, 4], [1, 1]) == nil)
    #expect(LinearSolve.norm([3, 4]) == 5)
    #expect(LinearSolve.norm([1e300, 1e300]) == 1e300 * 2.0.squareRoot())
    #expect(LinearSolve.norm([1, .nan]).isNaN)
  }

  func newton(
    _ system: String, _ vars: [String], from: String, tolerance: Double = Request.NewtonSettings.defaultTolerance,
    maxIterations: Int = 50
  ) throws -> NewtonRun {
    var request = Request(command: .newton, inputs: [system], variables: vars)
    request.newton = Request.NewtonSettings(from: from, tolerance: tolerance, maxIterations: maxIterations)
    guard case .newton(let run) = try Engine().run(request).value else {
      Issue.record("not a Newton run")
      return NewtonRun()
    }
    return run
  }

  @Test func newtonConverges() throws {
    let run = try newton("x^2 + y^2 - 4, x - y", ["x", "y"], from: "1, 1")
    #expect(run.outcome == .converged)
    #expect(abs(run.last.x[0] - 2.0.squareRoot()) <= 4e-16)
    #expect(abs(run.last.x[1] - 2.0.squareRoot()) <= 4e-16)
    #expect(run.last.residual <= 1e-12)
    // Quadratic convergence: the residuals shrink 2, 0.5, 0.014, 1.2e-5, 9e-12, ...
    #expect(run.iterates.count <= 7)
    // The start may be an expression.
    let cos = try newton("cos(x) - x", ["x"], from: "pi/4")
    #expect(cos.outcome == .converged)
    #expect(abs(cos.last.x[0] - 0.7390851332151607) < 1e-15)
  }

  /// Each component `lhs = rhs` is the equation lhs − rhs = 0, as implicit reads it; a plain
  /// name on the left is the equation's side, not the component's name.
  @Test func newtonReadsEquations() throws {
    let fixedPoint = try newton("x = cos(x)", ["x"], from: "1")
    #expect(fixedPoint.outcome == .converged)
    #expect(abs(fixedPoint.last.x[0] - 0.7390851332151607) < 1e-15)
    // (1, 1) solves y = x², x = 2 − y: the start is the root.
    let system = try newton("y = x^2, x = 2 - y", ["x", "y"], from: "1, 1")
    #expect(system.outcome == .converged)
    #expect(system.iterates.count == 1 && system.last.x == [1, 1])
    let square = try newton("x^2 = 2", ["x"], from: "1")
    #expect(square.outcome == .converged)
    #expect(abs(square.last.x[0] - 2.0.squareRoot()) <= 4e-16)
  }

  @Test func newtonFailures() throws {
    #expect(try newton("x^2 + 1", ["x"], from: "0").outcome == .singular)
    #expect(try newton("log(x)", ["x"], from: "3").outcome == .diverged)
    // x³ − 2x + 2 from 0 cycles 0 → 1 → 0 → …
    let cycle = try newton("x^3 - 2*x + 2", ["x"], from: "0", maxIterations: 10)
    #expect(cycle.outcome == .iterationLimit)
    #expect(cycle.iterates.count == 11)
    #expect(throws: JacError.notSquare(command: .newton, rows: 1, columns: 2)) {
      try newton("x + y", ["x", "y"], from: "1, 1")
    }
    #expect(throws: JacError.unboundSymbols(["a"])) { try newton("x - a", ["x"], from: "1") }
    #expect(throws: JacError.vectorLength(option: "--from", given: 1, expected: 2)) {
      try newton("x - y, x + y", ["x", "y"], from: "1")
    }
    #expect(
      throws: JacError.optionParse(
        ParseError(.notReal("sqrt(-1)"), SourceRange(0, 8)), option: "--from", text: "sqrt(-1)")
    ) {
      try newton("x - 1", ["x"], from: "sqrt(-1)")
    }
  }

  /// The check accepts the right derivatives and rejects wrong ones: it can fail.
  @Test func derivativeCheckCanFail() {
    let f = Fixture()
    let functions = [f.parse("sin(x)*y"), f.parse("exp(x*y)")]
    typealias Entry = DerivativeCheck.Entry
    let right = [
      Entry(function: 0, along: ["x"], symbolic: f.parse("cos(x)*y")),
      Entry(function: 1, along: ["y"], symbolic: f.parse("x*exp(x*y)")),
      Entry(function: 1, along: ["x", "y"], symbolic: f.parse("exp(x*y)*(1 + x*y)")),
      Entry(function: 0, along: ["x", "x", "x"], symbolic: f.parse("-cos(x)*y")),
    ]
    let good = DerivativeCheck.run(f.pool, functions: functions, entries: right)
    #expect(good.passed)
    #expect(good.entries.allSatisfy { $0.checkedPoints >= 8 && $0.worstAbsoluteError < 1e-6 })
    let wrong = [
      Entry(function: 0, along: ["x"], symbolic: f.parse("-cos(x)*y")),
      Entry(function: 1, along: ["y"], symbolic: f.parse("x*exp(x*y) + 1/1000")),
      Entry(function: 1, along: ["x", "y"], symbolic: f.parse("exp(x*y)*x*y")),
    ]
    let bad = DerivativeCheck.run(f.pool, functions: functions, entries: wrong)
    #expect(!bad.passed)
    #expect(bad.entries.allSatisfy { !$0.agrees })
  }

  @Test func derivativeCheckSkipsAndLimits() {
    let f = Fixture()
    typealias Entry = DerivativeCheck.Entry
    let check = DerivativeCheck.run(
      f.pool, functions: [f.parse("sqrt(x - 10)"), f.parse("sqrt(-1 - x^2)"), f.parse("sin(x)")],
      entries: [
        Entry(function: 0, along: ["x"], symbolic: f.parse("1/(2*sqrt(x - 10))")),
        Entry(function: 1, along: ["x"], symbolic: f.parse("-x/sqrt(-1 - x^2)")),
        Entry(function: 2, along: ["x", "x", "x", "x", "x"], symbolic: f.parse("cos(x)")),
      ])
    #expect(check.entries[0].checkedPoints >= 1 && check.entries[0].agrees)  // found on the wide points
    #expect(check.entries[1].checkedPoints == 0 && check.entries[1].agrees)  // nowhere real
    #expect(check.entries[2].orderTooHigh)
    // At a given point: exactly that point.
    let at = DerivativeCheck.run(
      f.pool, functions: [f.parse("x^3")], entries: [Entry(function: 0, along: ["x"], symbolic: f.parse("3*x^2"))],
      fixed: ["x": 2])
    #expect(at.pointCount == 1 && at.entries[0].checkedPoints == 1 && at.passed)
  }

  /// Issue 15: fast oscillation and kinks made correct derivatives "disagree" (the fixed steps
  /// straddled a kink of |sin(100x)|, or were too coarse for 40x). Ridders' extrapolation with an
  /// error estimate settles them; a wrong derivative of the same functions still disagrees.
  @Test func derivativeCheckResolvesFastFunctions() {
    let f = Fixture()
    typealias Entry = DerivativeCheck.Entry
    let right: [(String, [String], String)] = [
      ("abs(sin(100*x))", ["x"], "100*cos(100*x)*sin(100*x)/abs(sin(100*x))"),
      ("abs(cos(100*x))", ["x", "x"], "-10000*abs(cos(100*x))"),
      ("sqrt(abs(sin(40*x)))", ["x", "x"], "-400*(abs(sin(40*x))^2 + 1)/abs(sin(40*x))^(3/2)"),
      ("x*sin(100*x)", ["x"], "100*x*cos(100*x) + sin(100*x)"),
    ]
    for (function, along, derivative) in right {
      let check = DerivativeCheck.run(
        f.pool, functions: [f.parse(function)],
        entries: [Entry(function: 0, along: along, symbolic: f.parse(derivative))])
      #expect(check.passed && check.entries[0].checkedPoints >= 3, "\(function)")
    }
    let wrong: [(String, [String], String)] = [
      ("abs(sin(100*x))", ["x"], "99*cos(100*x)*sin(100*x)/abs(sin(100*x))"),
      ("abs(cos(100*x))", ["x", "x"], "-9990*abs(cos(100*x))"),
      ("x*sin(100*x)", ["x"], "100*x*cos(100*x)"),
    ]
    for (function, along, derivative) in wrong {
      let check = DerivativeCheck.run(
        f.pool, functions: [f.parse(function)],
        entries: [Entry(function: 0, along: along, symbolic: f.parse(derivative))])
      #expect(!check.passed, "\(function)")
    }
  }

  /// Regressions from the 5000-expression cross-check: inputs outside the real domain. jac keeps
  /// acosh(0) symbolic and its value is not real (NaN), and the check skips points where the
  /// function is not real even if its derivative formula is (d/dx acosh(x − 5/3) at x = −1.3).
  @Test func outsideTheRealDomain() {
    let f = Fixture()
    #expect(f.pool.evaluate(f.parse("abs(acosh(0)/x)"), ["x": 0.8]).isNaN)
    let check = DerivativeCheck.run(
      f.pool, functions: [f.parse("acosh(x - 5/3)")],
      entries: [DerivativeCheck.Entry(function: 0, along: ["x"], symbolic: f.parse("1/sqrt((x - 5/3)^2 - 1)"))],
      fixed: ["x": -1.3])
    #expect(check.entries[0].checkedPoints == 0 && check.entries[0].skippedPoints == 1)
  }

  /// A·adj(A) = det(A)·I, numerically, for symbolic 3×3 (cofactors) and 4×4 (Berkowitz) matrices.
  @Test(arguments: [2, 3, 4])
  func adjugate(_ n: Int) {
    var rng = SeededGenerator(seed: UInt64(40 + n))
    let f = Fixture()
    let a = Matrix(
      rows: n, columns: n, entries: (0..<n * n).map { _ in RandomExpression.make(f.pool, depth: 2, using: &rng) })
    let adj = f.pool.adjugate(a)
    let det = f.pool.determinant(a)
    let point = ["x": 0.3, "y": -0.7, "z": 1.1]
    let d = f.pool.evaluate(det, point)
    for i in 0..<n {
      for j in 0..<n {
        let product = (0..<n).reduce(0.0) { $0 + f.pool.evaluate(a[i, $1], point) * f.pool.evaluate(adj[$1, j], point) }
        #expect(isClose(product, i == j ? d : 0, relative: 1e-9, absolute: 1e-9 * (1 + abs(d))))
      }
    }
  }

  func texts(_ request: Request) throws -> [String] {
    let engine = Engine()
    let answer = try engine.run(request)
    return answer.value.entries.map(TextPrinter(pool: engine.pool).string)
  }

  @Test func inverse() throws {
    let polar = Request(command: .inverse, inputs: ["r*cos(t), r*sin(t)"], variables: ["r", "t"])
    #expect(try texts(polar) == ["cos(t)", "sin(t)", "-sin(t)/r", "cos(t)/r"])
    #expect(try Engine().run(polar).determinant.map { _ in true } == true)
    #expect(throws: JacError.singular) {
      try Engine().run(Request(command: .inverse, inputs: ["x + y, 2*x + 2*y"], variables: ["x", "y"]))
    }
    var at = polar
    at.at = [Request.Binding(name: "r", value: "0"), Request.Binding(name: "t", value: "1")]
    #expect(throws: JacError.singularAtPoint) { try Engine().run(at) }
  }

  @Test func atAPoint() throws {
    var det = Request(command: .det, inputs: ["r*cos(t), r*sin(t)"], variables: ["r", "t"])
    det.at = [Request.Binding(name: "r", value: "2")]
    #expect(try texts(det) == ["2"])
    var jacobian = Request(command: .jacobian, inputs: ["r*cos(t), r*sin(t)"], variables: ["r", "t"])
    jacobian.at = [Request.Binding(name: "r", value: "2"), Request.Binding(name: "t", value: "pi/3")]
    #expect(try texts(jacobian) == ["1/2", "-sqrt(3)", "sqrt(3)/2", "1"])
    jacobian.at = [Request.Binding(name: "r", value: "2")]
    #expect(throws: JacError.missingPointVariables(["t"])) { try Engine().run(jacobian) }
    jacobian.at = [Request.Binding(name: "q", value: "2")]
    #expect(throws: JacError.unknownPointVariable("q", suggestion: nil)) { try Engine().run(jacobian) }
    jacobian.at = [Request.Binding(name: "tt", value: "2")]
    #expect(throws: JacError.unknownPointVariable("tt", suggestion: "t")) { try Engine().run(jacobian) }
    var diff = Request(command: .diff, inputs: ["log(x)"], along: ["x"])
    diff.at = [Request.Binding(name: "x", value: "0")]
    #expect(throws: JacError.undefinedAtPoint(entry: "the function")) { try Engine().run(diff) }
  }

  @Test func vectorProducts() throws {
    var jvp = Request(command: .jacobian, inputs: ["r*cos(t), r*sin(t)"], variables: ["r", "t"])
    jvp.jvp = "dr, dt"
    #expect(try texts(jvp) == ["dr*cos(t) - dt*r*sin(t)", "dt*r*cos(t) + dr*sin(t)"])
    var vjp = Request(command: .jacobian, inputs: ["x*y, x + y"], variables: ["x", "y"])
    vjp.vjp = "1, 2"
    #expect(try texts(vjp) == ["y + 2", "x + 2"])
    vjp.vjp = "1, 2, 3"
    #expect(throws: JacError.vectorLength(option: "--vjp", given: 3, expected: 2)) { try Engine().run(vjp) }
  }

  @Test func decimalText() {
    for x in [0.1, 1.0 / 3.0, -2.0, 1e-5, 6.02e23, 0.8660254037844386, Double.pi] {
      #expect(Double(DecimalText.roundTrip(x)) == x)
    }
    #expect(DecimalText.latex(1e-05) == "1 \\times 10^{-5}")
    #expect(DecimalText.latex(1.5e20) == "1.5 \\times 10^{20}")
    #expect(DecimalText.short(0.000123456) == "1.2e-04")
    #expect(DecimalText.short(-9.99e10) == "-1.0e+11")
    #expect(DecimalText.short(0) == "0")
  }

  @Test func namedComponents() throws {
    let f = Fixture()
    let components = try Parser.parseComponents("x = r*cos(t), r*sin(t)", in: f.pool)
    #expect(components.map(\.name) == ["x", nil])
    #expect(throws: ParseError(.duplicateComponentName("x"), SourceRange(14, 15))) {
      try Parser.parseComponents("x = r*cos(t), x = r*sin(t)", in: f.pool)
    }
    // '=' is not allowed in a plain list or inside an expression.
    #expect(throws: ParseError.self) { try Parser.parseList("x = 1", in: f.pool) }
    #expect(throws: ParseError.self) { try Parser.parseComponents("x + y = 1", in: f.pool) }
  }
}

/// The simplest rational in an interval, against a search over denominators 1, 2, 3, …
@Suite struct SimplestRationalTests {
  static func floor(_ r: Rational) -> BigInt {
    let (q, rem) = r.numerator.quotientAndRemainder(dividingBy: r.denominator)
    return rem.isNegative ? q - .one : q
  }

  @Test func matchesSearch() {
    var rng = SeededGenerator(seed: 77)
    for _ in 0..<400 {
      let a = Rational(BigInt(Int.random(in: -300...300, using: &rng)), BigInt(Int.random(in: 1...60, using: &rng)))
      let b = a + Rational(BigInt(Int.random(in: 0...20, using: &rng)), BigInt(Int.random(in: 1...400, using: &rng)))
      let found = Rational.simplest(in: a, b)
      // The first q with an integer p in [a·q, b·q]; of those p, the least |p|.
      for q in 1...100_000 {
        let lo = -Self.floor(-a * Rational(q))
        let hi = Self.floor(b * Rational(q))
        guard lo <= hi else { continue }
        let p = lo.signum > 0 ? lo : (hi.signum < 0 ? hi : .zero)
        #expect(found == Rational(p, BigInt(q)), "[\(a), \(b)]: \(found)")
        break
      }
    }
    #expect(Rational.simplest(in: Rational(exactly: -2.4e-7), Rational(exactly: 4.8e-7)) == .zero)
    #expect(
      Rational.simplest(in: Rational(exactly: 0.1 - 1e-12), Rational(exactly: 0.1 + 1e-12)) == Rational(1)
        / Rational(10))
    #expect(
      Rational.simplest(in: Rational(exactly: -0.3333334), Rational(exactly: -0.3333333)) == Rational(-1) / Rational(3))
  }
}
