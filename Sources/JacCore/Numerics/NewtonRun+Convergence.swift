/// The parts of ``NewtonRun``'s stopping rule: small steps and residuals, the limit of a linear
/// approach (Aitken), and a run that runs off.
extension NewtonRun {
  /// F and J compiled, F in ball arithmetic, with the tolerance.
  struct System {
    var function: Tape
    var jacobian: Tape
    var enclosure: Enclosure
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
    /// precision, unless F is small only because it underflowed (``underflows(_:at:)``, asked
    /// separately).
    func withinRounding(_ f: [Double], at x: [Double]) -> Bool {
      zip(f, function.roundingErrors(x)).allSatisfy { Swift.abs($0) <= $1 }
    }

    /// F(x) = `f` is small in double precision only by underflow: a value may have underflowed
    /// (``Tape/mayUnderflow(_:)``) and ball arithmetic proves nonzero, at every point x stands
    /// for (``Enclosure/provedNonzero(at:_:)``), some Fᵢ whose double is below 2⁻⁹⁶⁹ (where
    /// u·|Fᵢ| is below the smallest normal double: a larger Fᵢ is what it seems). Nothing that
    /// F(x) says about a root, nor a step computed from it, can be trusted there.
    func underflows(_ f: [Double], at x: [Double]) -> Bool {
      let tiny = f.indices.filter { Swift.abs(f[$0]) < Double.leastNormalMagnitude / Tape.unitRoundoff }
      return !tiny.isEmpty && function.mayUnderflow(x) && enclosure.provedNonzero(at: x, tiny)
    }

    /// For one equation, whether F is proved to take the sign opposite to its sign at x at some
    /// point x + 2ʲ·s, j = 1…``probes``, ahead along the step s just taken: a root lies ahead
    /// (F continuous in between), however small F is at x. eˣ − 10⁻³⁰⁰ from 0 crawls by steps of
    /// 1 and is below 10⁻¹² from −28 on; its root is at −690.8, and eˣ − 10⁻³⁰⁰ < 0 at −1052.
    /// e⁻ˣ, which has no root, is positive everywhere. Returns the point, nil when none is found.
    func signChange(from x: [Double], step s: [Double]) -> Double? {
      guard x.count == 1, let sign = enclosure.sign(at: x), sign != 0 else { return nil }
      for j in 1...Self.probes {
        let p = x[0] + s[0] * Double(sign: .plus, exponent: j, significand: 1)
        guard p.isFinite else { return nil }
        if enclosure.sign(at: [p]) == -sign { return p }
      }
      return nil
    }

    /// How far ahead ``signChange(from:step:)`` looks: 2³⁰ steps, more than any run takes.
    static let probes = 30

    /// Whether the limit `c` extrapolated from `x` is one the iterates are really approaching:
    /// F(c) is 0 to working precision (and not by underflow: x·e⁻ˣ is 0 in double precision
    /// past 745), or a Newton step from c is below 10⁻³·‖c − x‖ (a run
    /// creeping off to infinity, where F only tends to 0, and x² + 10⁻²⁰, whose halving steps
    /// point at 0 where F is 10⁻²⁰, extrapolate to points that are no fixed point).
    func settles(from x: [Double], to c: [Double]) -> Bool {
      let f = function.evaluate(c)
      guard f.allSatisfy(\.isFinite) else { return false }
      if withinRounding(f, at: c) && !underflows(f, at: c) { return true }
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
    let floor = Self.floor(x, tolerance: tolerance)
    guard let next else { return (x, floor) }
    let size = LinearSolve.norm(next)
    var rho = last.map { size / LinearSolve.norm($0) } ?? 0
    if rho >= 1 && size <= tolerance * max(1, LinearSolve.norm(x)) { rho = 0 }
    guard rho < 1, size.isFinite else { return nil }
    let point = zip(x, next).map { $0 + $1 / (1 - rho) }
    return (point, size * rho / (1 - rho) + floor)
  }

  /// tol·max(1, ‖x‖₂) plus 4 ulps of the largest |xᵢ|: how well an iterate holds the limit.
  static func floor(_ x: [Double], tolerance: Double) -> Double {
    tolerance * max(1, LinearSolve.norm(x)) + 4 * (x.map(abs).max() ?? 0).ulp
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

  /// The iterates run off (``growsWithoutLimit``) and, for one equation, no sign change of F
  /// ahead proves a root there (``System/signChange(from:step:)``; the point found is kept, and
  /// looked for again only once the iterates pass it).
  mutating func runsOff(_ system: System) -> Bool {
    guard growsWithoutLimit, let s = lastStep else { return false }
    let x = last.x
    if let p = rootAhead, (p - x[0]) * s[0] > 0 { return false }
    rootAhead = system.signChange(from: x, step: s)
    return rootAhead == nil
  }

  /// Each of the last ``unboundedWindow`` steps grew ‖x‖ and came no nearer a limit: it was at
  /// least as long as the one before (log x's gradient 1/x doubles x, e⁻ˣ moves it by 1), or
  /// the distance still to go that Aitken's extrapolation gives, d = ‖s‖·ρ/(1 − ρ) for the step
  /// s and ρ = ‖s‖/‖s_prev‖, did not shrink (x·e⁻ˣ's gradient: steps (x − 1)/(x − 2) shrink
  /// towards 1, d grows like x²; a convergent linear approach has d shrinking by ρ each step).
  var growsWithoutLimit: Bool {
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
