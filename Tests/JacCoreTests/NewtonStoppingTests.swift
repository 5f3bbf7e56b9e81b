import Testing

@testable import JacCore

/// When Newton's method has found a root (``NewtonRun``'s one rule, for newton and critical),
/// and when a Jacobian is singular (``LinearSolve``). The references: e⁻ˣ and x·e⁻ˣ have no
/// finite root (SciPy's fsolve stops on its call limit, mpmath's findroot raises); x² + 10⁻²⁰
/// has none either (SymPy: ±i/10¹⁰; fsolve: "not making good progress"); x² and (x − 1)² have
/// double roots, where Newton's method halves the distance each step.
@Suite struct NewtonStoppingTests {
  func newton(
    _ system: String, _ vars: [String] = ["x"], from: String,
    tolerance: Double = Request.NewtonSettings.defaultTolerance, maxIterations: Int = 50
  ) throws -> NewtonRun {
    try NumericTests().newton(system, vars, from: from, tolerance: tolerance, maxIterations: maxIterations)
  }

  /// A residual below --tol with steps that do not shrink is no root: main stopped e⁻ˣ at
  /// x = 28 (steps of exactly 1) and x·e⁻ˣ at x ≈ 31 (steps x/(x − 1), shrinking to 1).
  @Test func smallResidualWithoutShrinkingStepsRunsOff() throws {
    let exp = try newton("exp(-x)", from: "0")
    #expect(exp.outcome == .unbounded)
    #expect(exp.iterates.count == 29)
    #expect(try newton("x*exp(-x)", from: "2").outcome == .unbounded)
    // A run that does settle is not mistaken for one that runs off: (x − 100)² from 0 grows
    // |x| at every step, by halving steps.
    let far = try newton("(x - 100)^2", from: "0")
    #expect(far.outcome == .converged)
    #expect(far.exactRoot == [Rational(100)])
  }

  /// x² + 10⁻²⁰ is 10⁻²⁰ at its minimum, 10¹⁶ times its rounding error there: main reported a
  /// root at x = 9.5e-7. x², x² − 2x + 1 and (x − π)² reach their roots by halving steps; the
  /// root is the limit they extrapolate to, 0, 1 (both exactly roots) and π.
  @Test func residualAboveRoundingIsNoRoot() throws {
    let none = try newton("x^2 + 1e-20", from: "1")
    #expect(none.outcome == .iterationLimit)
    let square = try newton("x^2", from: "1")
    #expect(square.outcome == .converged)
    #expect(square.exactRoot == [Rational.zero])
    let shifted = try newton("x^2 - 2*x + 1", from: "2")
    #expect(shifted.outcome == .converged)
    #expect(shifted.exactRoot == [Rational.one])
    let pi = try newton("(x - pi)^2", from: "3")
    #expect(pi.outcome == .converged)
    #expect(pi.exactRoot == nil)
    #expect(abs((pi.limit ?? [0])[0] - Double.pi) <= 1e-15)
  }

  /// (x − 10)²⁰⁰ is 1.1·10⁻³²⁴ at 9.976 (mpmath), 0 in double precision: main called 9.976 a
  /// root. F underflows there and ball arithmetic proves it nonzero, so no root is claimed; from
  /// 9 the steps shrink by 199/200 towards 10, where F is exactly 0 (the root, as mpmath's
  /// findroot with multiplicity 200 gives). (x − π)²⁰⁰ has no rational root to find: the run
  /// reaches the underflow and says so.
  @Test func underflowIsNoRoot() throws {
    let underflow = try newton("(x - 10)^200", from: "9.976")
    #expect(underflow.outcome == .underflow)
    #expect(underflow.exactRoot == nil)
    let ten = try newton("(x - 10)^200", from: "9", maxIterations: 1000)
    #expect(ten.outcome == .converged)
    #expect(ten.exactRoot == [Rational(10)])
    let pi = try newton("(x - pi)^200", from: "3.1", maxIterations: 1000)
    #expect(pi.outcome == .underflow)
    let f = Fixture()
    let tape = Tape(f.pool, roots: [f.parse("(x - 10)^200")], inputs: ["x"])
    #expect(tape.mayUnderflow([9.976]))
    #expect(!tape.mayUnderflow([9.9]))
    #expect(!Tape(f.pool, roots: [f.parse("x*y")], inputs: ["x", "y"]).mayUnderflow([0, 1e-300]))
  }

  /// A root within the run's estimate of its limit at a simple rational point where F is exactly
  /// 0 is that point: (x − 1)³ from 2 extrapolates to 1.0000000000000004 (main's answer), and F
  /// is 0 at 1; a system's root is exact when every coordinate is. √2 has no such point.
  @Test func exactRoots() throws {
    let cube = try newton("(x - 1)^3", from: "2")
    #expect(cube.outcome == .converged)
    #expect(cube.exactRoot == [Rational.one])
    let third = try newton("3*x - 1", from: "0")
    #expect(third.exactRoot == [Rational(BigInt(1), BigInt(3))])
    let system = try newton("(x - 1/3)^3, y - 2*x", ["x", "y"], from: "1, 1")
    #expect(system.outcome == .converged)
    #expect(system.exactRoot == [Rational(BigInt(1), BigInt(3)), Rational(BigInt(2), BigInt(3))])
    #expect(try newton("x^2 - 2", from: "1").exactRoot == nil)
    // Near 1/3, 10⁻¹³ away: no rational point within the estimate has F exactly 0.
    #expect(try newton("3*x - 1 - 3e-13", from: "0").exactRoot == nil)
  }

  /// A run that crawls off with F below --tol is no root unless F takes the other sign ahead:
  /// eˣ − 10⁻³⁰⁰ from 0 moves by steps of 1 and is below 10⁻¹² from −28 on, and its root is
  /// log(10⁻³⁰⁰) = −690.7755278982137 (mpmath): main stopped it as unbounded at iterate 28.
  /// It reaches the iteration limit at 50, and converges with room; e⁻ˣ stays unbounded.
  @Test func signChangeAheadIsNoRunOff() throws {
    let short = try newton("exp(x) - 1e-300", from: "0")
    #expect(short.outcome == .iterationLimit)
    let long = try newton("exp(x) - 1e-300", from: "0", maxIterations: 1000)
    #expect(long.outcome == .converged)
    #expect(abs(long.last.x[0] + 690.7755278982137) <= 1e-12 * 690.78)
    #expect(try newton("exp(-x)", from: "0", maxIterations: 1000).outcome == .unbounded)
  }

  /// A residual within the rounding error of F is a root whatever --tol asks: eˣ − 10⁻³⁰⁰ at the
  /// double nearest log(10⁻³⁰⁰) = −690.7755278982137 (mpmath) is 2.4e-314, about
  /// F′·(x − x*) for x − x* below half an ulp; main ran to the iteration limit there.
  @Test func residualAtRoundingIsARoot() throws {
    let run = try newton("exp(x) - 1e-300", from: "0", tolerance: 0, maxIterations: 1000)
    #expect(run.outcome == .converged)
    #expect(run.last.x == [-690.7755278982137])
    let sqrt2 = try newton("x^2 - 2", from: "1", tolerance: 0)
    #expect(sqrt2.outcome == .converged)
    #expect(sqrt2.last.x == [Double(2).squareRoot()])
  }

  /// The running error bound: x² − 2x + 1 near 1 is a difference of numbers near 1 (error a few
  /// u), x² + 10⁻²⁰ at 0 carries only the rounding of 10⁻²⁰, and a zero factor is no division.
  @Test func roundingErrors() {
    let f = Fixture()
    let u = Double.ulpOfOne / 2
    let square = Tape(f.pool, roots: [f.parse("x^2 - 2*x + 1")], inputs: ["x"])
    let near = square.roundingErrors([1 + 0x1p-30])[0]
    #expect(near >= 2 * u && near <= 20 * u)
    let lifted = Tape(f.pool, roots: [f.parse("x^2 + 1e-20")], inputs: ["x"])
    #expect(lifted.roundingErrors([0])[0] <= 1e-20 * 4 * u)
    let product = Tape(f.pool, roots: [f.parse("x*(y - 1/3)")], inputs: ["x", "y"])
    #expect(product.roundingErrors([0, 1])[0] == 0)
    #expect(product.roundingErrors([3, 1])[0] > 0)
  }

  /// The bound holds: on random rational expressions (sums, products, quotients, integer powers)
  /// at random doubles (seed 47), the tape's value is within the bound of the exact value of the
  /// same expression at the same (exact) point, computed in rationals.
  @Test func roundingBoundHolds() {
    var rng = SeededGenerator(seed: 47)
    let f = Fixture()
    let x = f.pool.symbol("x")
    var checked = 0
    for _ in 0..<300 {
      let e = Self.rationalExpression(f.pool, x, depth: 4, using: &rng)
      let point = Double.random(in: -3...3, using: &rng)
      let tape = Tape(f.pool, roots: [e], inputs: ["x"])
      let value = tape.evaluate([point])[0]
      guard value.isFinite,
        let exact = f.pool.rational(f.pool.substitute([e], [x: f.pool.number(Rational(exactly: point))])[0])
      else { continue }
      let actual = abs((Rational(exactly: value) - exact).doubleValue)
      let bound = tape.roundingErrors([point])[0]
      #expect(actual <= bound * 1.01, "\(f.text(e)) at \(point): error \(actual), bound \(bound)")
      checked += 1
    }
    #expect(checked >= 250)
  }

  static func rationalExpression(_ pool: ExpressionPool, _ x: Expr, depth: Int, using rng: inout SeededGenerator)
    -> Expr
  {
    if depth == 0 || Int.random(in: 0..<5, using: &rng) == 0 {
      return Bool.random(using: &rng)
        ? x
        : pool.number(Rational(BigInt(Int.random(in: -9...9, using: &rng)), BigInt(Int.random(in: 1...7, using: &rng))))
    }
    let a = rationalExpression(pool, x, depth: depth - 1, using: &rng)
    let b = rationalExpression(pool, x, depth: depth - 1, using: &rng)
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: return pool.add(a, b)
    case 1: return pool.subtract(a, b)
    case 2: return pool.multiply(a, b)
    case 3: return pool.divide(a, pool.add(pool.multiply(b, b), pool.one))
    default: return pool.power(a, pool.number(Rational(BigInt(Int.random(in: 2...3, using: &rng)))))
    }
  }

  /// Singularity is judged on the equilibrated matrix: a row or a column of small scale is not
  /// a singular one. main called diag(10²⁰, 1) and [[1, 10⁻²⁰], [1, −10⁻²⁰]] singular.
  @Test func badlyScaledIsNotSingular() throws {
    #expect(LinearSolve.solve([1e20, 0, 0, 1], [1e20, 2]) == [1, 2])
    #expect(LinearSolve.solve([1, 0, 0, 1e-16], [1, 2e-16]) == [1, 2])
    let columns = LinearSolve.solve([1, 1e-20, 1, -1e-20], [2, 0])
    #expect(columns.map { abs($0[0] - 1) <= 1e-15 && abs($0[1] - 1e20) <= 1e5 } == true)
    #expect(LinearSolve.solve([1, 1, 2, 2], [1, 1]) == nil)
    #expect(LinearSolve.solve([0, 0, 1, 1], [0, 1]) == nil)
    #expect(LinearSolve.solve([1e-300, 0, 1, 0], [1, 1]) == nil)
    #expect(LinearSolve.solve([1, 2, 3, 6 + 1e-15], [1, 1]) == nil)
    let scaled = try newton("1e20*(x - 1), y - 2", ["x", "y"], from: "0, 0")
    #expect(scaled.outcome == .converged)
    #expect(scaled.last.x == [1, 2])
    #expect(try newton("x + y, 2*x + 2*y", ["x", "y"], from: "1, 2").outcome == .singular)
  }
}
