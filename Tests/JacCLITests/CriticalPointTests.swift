import Testing

/// `jac critical`: when Newton's method on ∇f = 0 has found a critical point, and what kind.
/// Every verdict checked with SymPy (`hessian(f, V).subs(p).eigenvals()` at the critical point
/// p, `solve(diff(f, x), x)` for the functions with none):
/// x**3 at 0: {0}; (x**2 + y**2)/10**7 at 0: {1/5000000 (×2)}; sin(x)*sinh(y)/10**8 at (pi, 0):
/// {±1/10**8}; cos(x)*cosh(y) at 0: {-1, 1}; ((x - pi)**2 + (y - E)**2)/10**7 at (pi, E):
/// {1/5000000 (×2)}; sin(x)*sin(y)/10**8 at (pi/2, pi/2): {-1/10**8 (×2)}; x**4 + y**2 at 0:
/// {0, 2}; (x - pi)**3 at pi: {0}; (x - sqrt(2))**4 + (y - 1)**2 at (sqrt(2), 1): {0, 2};
/// (x - 3)**2/10**14 at 3: {1/5*10**-13}; log(x) and exp(x): no solution.
@Suite struct CriticalPointTests {
  struct Case: CustomStringConvertible {
    var args: [String]
    /// The last lines of standard output: the point and the verdict.
    var tail: String
    var description: String { args.joined(separator: " ") }
  }

  static let found: [Case] = [
    // Newton's method converges linearly (xₖ₊₁ = xₖ/2): the limit is recognised as 0, where
    // H = 0; main called the iterate 4.8e-07 a local minimum.
    Case(
      args: ["x^3", "--from", "1"],
      tail: "critical point: x = 0 (exact)\ndegenerate: the second-derivative test is inconclusive (H = 0)\n"),
    // A small Hessian is not a zero one: main said H = 0.
    Case(
      args: ["(x^2+y^2)/10^7", "--from", "1,1"],
      tail: "critical point: x = 0.0, y = 0.0\nlocal minimum (H positive definite)\n"),
    Case(
      args: ["sin(x)*sinh(y)/10^8", "--from", "3,0.1"],
      tail: "critical point: x = 3.141592653589793, y = 0.0\n"
        + "saddle point (H indefinite: 1 positive, 1 negative eigenvalues, decided numerically)\n"),
    Case(
      args: ["cos(x)*cosh(y)", "--from", "0.1,0.2"],
      tail: "critical point: x = 0, y = 0 (exact)\nsaddle point (H indefinite: 1 positive, 1 negative eigenvalues)\n"),
    Case(
      args: ["((x-pi)^2 + (y-exp(1))^2)/10^7", "--from", "1,1"],
      tail: "critical point: x = 3.141592653589793, y = 2.718281828459045\n"
        + "local minimum (H positive definite, decided numerically)\n"),
    Case(
      args: ["sin(x)*sin(y)/10^8", "--from", "1.4,1.5"],
      tail: "critical point: x = 1.5707963267948966, y = 1.5707963267948966\n"
        + "local maximum (H negative definite, decided numerically)\n"),
    Case(
      args: ["x^4 + y^2", "--from", "1,1"],
      tail: "critical point: x = 0, y = 0 (exact)\n"
        + "degenerate: the second-derivative test is inconclusive (H positive semidefinite, singular)\n"),
    // An irrational limit reached linearly: H(x) = 6(x − π) is as small as the distance still
    // to go, so it is not decided; main called it a local minimum.
    // The point is the limit extrapolated from the halving steps (Aitken), not the last iterate
    // 3.141592858250053.
    Case(
      args: ["(x-pi)^3", "--from", "4"],
      tail: "critical point: x = 3.141592653589793 (extrapolated)\n"
        + "degenerate: the second-derivative test is inconclusive (H = 0, decided numerically)\n"),
    // H = diag(12(x − √2)², 2) would be singular to working precision before the steps are
    // small; the linear approach is recognised first.
    Case(
      args: ["(x-sqrt(2))^4 + (y-1)^2", "--from", "4,3"],
      tail: "critical point: x = 1.4142135623730951, y = 1.0 (extrapolated)\n"
        + "degenerate: the second-derivative test is inconclusive (H positive semidefinite, singular, decided numerically)\n"
    ),
    // The start's gradient is below --tol, but the Newton step to 3 is not small.
    Case(
      args: ["(x-3)^2/10^14", "--from", "1"],
      tail: "critical point: x = 3 (exact)\nlocal minimum (H positive definite)\n"),
    // H = diag(2·10²⁰, 2): main called it singular (its pivot 2 is below 4·ε·10²⁰).
    Case(
      args: ["1e20*x^2 + y^2 - 2*y", "--from", "1,1"],
      tail: "critical point: x = 0.0, y = 1.0\nlocal minimum (H positive definite)\n"),
    // 10⁸·(x − 1)⁴ expanded: ∇f is rounding noise for |x − 1| < 10⁻⁵, where the run stops, and H
    // is anything from 0 to 0.4 across that region (SymPy: H(1) = 0); main said local minimum.
    // Unsimplified, ∇f and H are 100000000*(4*x^3 - 12*x^2 + 12*x - 4) and
    // 100000000*(12*x^2 - 24*x + 12); simplified, the sums' content joins the number
    // (400000000*(x^3 - 3*x^2 + 3*x - 1)), whose rounding lets the iterates reach x = 1 exactly.
    Case(
      args: ["1e8*(x^4 - 4*x^3 + 6*x^2 - 4*x + 1)", "--from", "2", "--no-simplify"],
      tail: "critical point: x = 1.000010292861219\n"
        + "degenerate: the second-derivative test is inconclusive (H = 0, decided numerically)\n"),
    Case(
      args: ["1e8*(x^4 - 4*x^3 + 6*x^2 - 4*x + 1)", "--from", "2"],
      tail: "critical point: x = 1 (exact)\ndegenerate: the second-derivative test is inconclusive (H = 0)\n"),
    Case(
      args: ["(x - 1/3)^3 + y^2", "--from", "1,1"],
      tail: "critical point: x = 1/3, y = 0 (exact)\n"
        + "degenerate: the second-derivative test is inconclusive (H positive semidefinite, singular)\n"),
  ]

  @Test(arguments: found)
  func classifies(_ c: Case) throws {
    let result = try ProcessRunner.run(["critical"] + c.args)
    #expect(result.status == 0, "\(c): \(result.stderr)")
    #expect(result.stdout.hasSuffix(c.tail), "\(c): \(result.stdout)")
  }

  /// A gradient that only tends to 0 as x runs off (1/x doubles x each step, e^x moves it by
  /// −1) is no critical point: main stopped at |grad f| ≤ 1e-12 and reported x = 1.6e12. Nor is
  /// one that creeps off by steps shrinking to 1 (x·e⁻ˣ: (x − 1)/(x − 2); x²·e⁻ˣ: about
  /// 1 + 2/x), which main ended with "did not converge".
  @Test(arguments: [
    ["log(x)", "--from", "3"], ["exp(x)", "--from", "0"], ["1/x", "--from", "1", "--max-iter", "2000"],
    ["x*exp(-x)", "--from", "5"], ["x^2*exp(-x)", "--from", "5"],
  ])
  func runsOff(_ args: [String]) throws {
    let result = try ProcessRunner.run(["critical"] + args)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("critical point:"), "\(result.stdout)")
    #expect(
      result.stderr.hasPrefix("error: no critical point found from this start: the iterates grow without bound"),
      "\(result.stderr)")
  }

  /// The log(x) run: doublings until |grad f| ≤ 1e-12, then the error.
  @Test func logHasNone() throws {
    let result = try ProcessRunner.run(["critical", "log(x)", "--from", "3", "--json"])
    #expect(result.stdout.contains("\"outcome\":\"unbounded\",\"iterations\":39,"))
    #expect(result.stdout.contains("\"root\":null"))
    #expect(
      result.stderr
        == "error: no critical point found from this start: the iterates grow without bound "
        + "(|x| = 1.6e+12 at iterate 39, |grad f| = 6.1e-13); try another --from\n")
  }

  /// hessian --classify on doubles is relative to H's size too: SymPy's eigenvalues are
  /// 2*sqrt(2)/10**8 and -2/10**9; main called this H = 0.
  @Test func smallIrrationalHessian() throws {
    let result = try ProcessRunner.run(["hessian", "sqrt(2)*x^2/10^8 - y^2/10^9", "--at", "x=0,y=0", "--classify"])
    #expect(
      result.stdout.hasSuffix("saddle point (H indefinite: 1 positive, 1 negative eigenvalues, decided numerically)\n"),
      "\(result.stdout)")
  }

  /// JSON names the exact point; the root is its value.
  @Test func exactPointInJSON() throws {
    let result = try ProcessRunner.run(["critical", "x^3", "--from", "1", "--json"])
    #expect(
      result.stdout.hasSuffix(
        "\"root\":[0.0],\"exact_point\":[\"0\"],\"classification\":\"degenerate\",\"decided\":\"exact\","
          + "\"inertia\":[0,0,1]}\n"))
  }
}
