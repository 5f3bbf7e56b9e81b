/// The parts of ``NewtonRun``'s stopping rule: small steps and residuals, the limit of a linear
/// approach (Aitken), and a run that runs off.
extension NewtonRun {
  /// F and J compiled, with the tolerance.
  struct System {
    var function: Tape
    var jacobian: Tape
    var tolerance: Double

    /// The Newton step −J(x)⁻¹·F(x), nil when J(x) is singular to working precision.
    func step(at x: [Double], _ f: [Double]) -> [Double]? {
      LinearSolve.solve(jacobian.evaluate(x), f.map { -$0 })
    }

    /// ‖δ‖₂ ≤ tol·max(1, ‖x‖₂).
    func isSmall(_ step: [Double], at x: [Double]) -> Bool {
      LinearSolve.norm(step) <= tolerance * Swift.max(1, LinearSolve.norm(x))
    }

    /// Every |Fᵢ(x)| is within the rounding error of evaluating Fᵢ at x: x is a root to working
    /// precision.
    func withinRounding(_ f: [Double], at x: [Double]) -> Bool {
      zip(f, function.roundingErrors(x)).allSatisfy { Swift.abs($0) <= $1 }
    }

    /// Whether the limit `c` extrapolated from `x` is one the iterates are really approaching:
    /// F(c) is 0 to working precision, or a Newton step from c is below 10⁻³·‖c − x‖ (a run
    /// creeping off to infinity, where F only tends to 0, and x² + 10⁻²⁰, whose halving steps
    /// point at 0 where F is 10⁻²⁰, extrapolate to points that are no fixed point).
    func settles(from x: [Double], to c: [Double]) -> Bool {
      let f = function.evaluate(c)
      guard f.allSatisfy(\.isFinite) else { return false }
      if withinRounding(f, at: c) { return true }
      guard let step = step(at: c, f) else { return false }
      return LinearSolve.norm(step) <= 1e-3 * LinearSolve.norm(zip(c, x).map { $0 - $1 })
    }
  }

  /// Where the iterates xₖ are heading, and how far from it the limit may be. With the Newton
  /// step δ at x and the step before it, ρ = ‖δ‖/‖δ_prev‖ is the contraction (0 without a step
  /// before, or when δ is below the tolerance but not shorter: rounding); for ρ < 1 the limit is
  /// about x + δ/(1 − ρ) (Aitken's extrapolation: exact for the linear convergence of Newton's
  /// method on xᵐ, whose Jacobian is singular at the root), within ‖δ‖·ρ/(1 − ρ) plus
  /// tol·max(1, ‖x‖) and 4 ulps of the largest |xᵢ|. Nil when the steps do not shrink (ρ ≥ 1).
  /// Without a step (J singular at x), x itself.
  public static func limitEstimate(_ x: [Double], _ next: [Double]?, _ last: [Double]?, tolerance: Double) -> Estimate?
  {
    let floor = tolerance * max(1, LinearSolve.norm(x)) + 4 * (x.map(abs).max() ?? 0).ulp
    guard let next else { return (x, floor) }
    let size = LinearSolve.norm(next)
    var rho = last.map { size / LinearSolve.norm($0) } ?? 0
    if rho >= 1 && size <= tolerance * max(1, LinearSolve.norm(x)) { rho = 0 }
    guard rho < 1, size.isFinite else { return nil }
    let point = zip(x, next).map { $0 + $1 / (1 - rho) }
    return (point, size * rho / (1 - rho) + floor)
  }

  /// ‖δₖ‖/‖xₖ − xₖ₋₁‖ at iterate k: how much the proposed step shrank.
  func contraction(_ k: Int) -> Double? {
    guard k > 0, let size = proposed[k], let before = step(k) else { return nil }
    return size / LinearSolve.norm(before)
  }

  /// Whether the steps shrink linearly, by one ratio ρ ∈ (0.05, 0.99) at the last two iterates
  /// to 1%: Newton's method converges linearly only where J is singular at the limit (by
  /// (m − 1)/m at a root of multiplicity m), quadratically elsewhere.
  var linearApproach: Bool {
    let k = iterates.count - 1
    guard let ratio = contraction(k), let before = contraction(k - 1), ratio > 0.05, ratio < 0.99 else { return false }
    return abs(ratio - before) <= 0.01 * ratio
  }

  /// Each of the last ``unboundedWindow`` steps grew ‖x‖ and came no nearer a limit: it was at
  /// least as long as the one before (log x's gradient 1/x doubles x, e⁻ˣ moves it by 1), or
  /// the distance still to go that Aitken's extrapolation gives, d = ‖s‖·ρ/(1 − ρ) for the step
  /// s and ρ = ‖s‖/‖s_prev‖, did not shrink (x·e⁻ˣ's gradient: steps (x − 1)/(x − 2) shrink
  /// towards 1, d grows like x²; a convergent linear approach has d shrinking by ρ each step).
  var runsOff: Bool {
    let k = iterates.count - 1
    guard k > Self.unboundedWindow else { return false }
    for i in (k - Self.unboundedWindow + 1)...k {
      guard LinearSolve.norm(iterates[i].x) > LinearSolve.norm(iterates[i - 1].x) else { return false }
      let d = remaining(i)
      if d == .infinity { continue }
      guard let d, let before = remaining(i - 1), d >= before else { return false }
    }
    return true
  }

  /// Aitken's estimate of the distance from iterate i to the limit, ‖sᵢ‖·ρ/(1 − ρ) with
  /// ρ = ‖sᵢ‖/‖sᵢ₋₁‖ (∞ when ρ ≥ 1), from the steps taken; nil before two steps.
  func remaining(_ i: Int) -> Double? {
    guard i > 1, let s = step(i), let before = step(i - 1) else { return nil }
    let size = LinearSolve.norm(s)
    let rho = size / LinearSolve.norm(before)
    return rho >= 1 ? .infinity : size * rho / (1 - rho)
  }
}
