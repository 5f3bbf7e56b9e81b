/// Newton's method for F(x) = 0 with a symbolic Jacobian, in `Double`:
///
///     J(xₖ)·δₖ = −F(xₖ),   xₖ₊₁ = xₖ + δₖ
///
/// One stopping rule serves `newton` and `critical` (F = ∇f, J = H). A small residual alone
/// proves nothing: e⁻ˣ is below any tolerance far enough out, and x² + 10⁻²⁰, which has no real
/// root, is below 10⁻¹² for |x| < 10⁻⁶. At an iterate xₖ the run is *converged* when
///
/// - the step just taken was small, ‖δₖ₋₁‖₂ ≤ tol·max(1, ‖xₖ‖₂) (F cannot fall further in
///   floating point), or
/// - F(xₖ) is small, ‖F(xₖ)‖₂ ≤ tol or every |Fᵢ(xₖ)| within the rounding error of evaluating
///   it (``Tape/roundingErrors(_:)``), and
///   - the next step is small, ‖δₖ‖₂ ≤ tol·max(1, ‖xₖ‖₂), or
///   - F(xₖ) is within its rounding error (xₖ is a root of F to working precision: a change of F
///     smaller than its own rounding makes it one: a backward-error test), or
///   - `exactPoint` accepts the limit estimate (a rational point where the caller verified F = 0
///     exactly: newton's exact root, critical's exact point), or
///   - the steps shrink linearly towards a limit c that Newton's method leaves in place
///     (``NewtonRun/System/settles(from:to:)``): F has a multiple root there, J(c) is singular,
///     and the root is c (``limit``), not xₖ.
///
/// None of these counts where F(xₖ) is small only because a value underflowed
/// (``System/underflows(_:at:)``: ball arithmetic proves F nonzero at xₖ); there, unless
/// `exactPoint` accepts the limit estimate, the run goes on while it can and stops as
/// *underflow* when the step is 0 or J(xₖ) singular.
///
/// It stops as *unbounded* when F is small but the iterates run off (``runsOff(_:)``), *singular*
/// when J(xₖ) is singular to working precision (``LinearSolve``), *diverged* when a value stops
/// being finite, and at the *iteration limit* after `maxIterations` steps otherwise (unbounded
/// if they run off).
public struct NewtonRun: Sendable {
  public struct Iterate: Sendable {
    public var x: [Double]
    /// ‖F(x)‖₂.
    public var residual: Double
  }
  public enum Outcome: Sendable, Equatable {
    case converged
    /// J was singular at the last iterate.
    case singular
    /// F was not finite at the last iterate (outside the domain, or overflow).
    case diverged
    /// The iteration limit was reached.
    case iterationLimit
    /// The iterates run off while F tends to 0 (``runsOff(_:)``).
    case unbounded
    /// F(x) underflowed to a value of no use, and Newton's method cannot go on from x.
    case underflow
  }
  /// A limit estimate: a point and how far from it the limit may be.
  public typealias Estimate = (point: [Double], radius: Double)
  /// Accepts an estimate of the limit when it has verified an exact root near it.
  public typealias ExactPoint = (_ estimate: Estimate) -> Bool
  /// How many steps in a row must grow ‖x‖ without approaching a limit for `unbounded`.
  public static let unboundedWindow = 8

  public var iterates: [Iterate] = []
  public var outcome: Outcome = .iterationLimit
  /// The extrapolated limit, when the run converged by a linear approach to it.
  public var limit: [Double]?
  /// A root proved exactly, when the caller's `exactPoint` found one (set by the caller).
  public var exactRoot: [Rational]?
  /// Where the limit was estimated when the run converged (``limitEstimate(_:_:_:tolerance:)``,
  /// or the last iterate within the last step and the tolerance when that step was small).
  public var estimate: Estimate?
  /// A point ahead of the iterates where F has the other sign (``runsOff(_:)``).
  var rootAhead: Double?
  /// ‖δₖ‖₂ of the Newton step proposed at each iterate (nil where J was singular).
  var proposed: [Double?] = []

  /// Runs Newton's method. `function` computes F (n values) and `jacobian` the n×n Jacobian,
  /// row-major, both with the same inputs in the same order as `start`.
  public static func solve(
    function: Tape, jacobian: Tape, enclosure: Enclosure, from start: [Double], tolerance: Double,
    maxIterations: Int, exactPoint: ExactPoint? = nil
  ) -> NewtonRun {
    let system = System(function: function, jacobian: jacobian, enclosure: enclosure, tolerance: tolerance)
    var run = NewtonRun()
    var x = start
    var f = function.evaluate(x)
    run.iterates.append(Iterate(x: x, residual: LinearSolve.norm(f)))
    guard run.last.residual.isFinite else {
      run.outcome = .diverged
      return run
    }
    for k in 0...maxIterations {
      let next = system.step(at: x, f)
      run.proposed.append(next.map(LinearSolve.norm))
      if let outcome = run.verdict(system, f, next, exactPoint) {
        run.outcome = outcome
        return run
      }
      if k == maxIterations { break }
      guard let step = next else {
        run.outcome = run.runsOff(system) ? .unbounded : .singular
        return run
      }
      for i in x.indices { x[i] += step[i] }
      f = function.evaluate(x)
      run.iterates.append(Iterate(x: x, residual: LinearSolve.norm(f)))
      guard run.last.residual.isFinite, x.allSatisfy(\.isFinite) else {
        run.outcome = .diverged
        return run
      }
      if system.isSmall(step, at: x), !system.underflows(f, at: x) {
        run.outcome = .converged
        run.estimate = (x, LinearSolve.norm(step) + Self.floor(x, tolerance: tolerance))
        return run
      }
    }
    run.outcome = run.runsOff(system) ? .unbounded : .iterationLimit
    return run
  }

  /// The stopping rule at the last iterate, with F there and the Newton step from it (nil when J
  /// is singular); nil to go on.
  mutating func verdict(_ system: System, _ f: [Double], _ next: [Double]?, _ exactPoint: ExactPoint?) -> Outcome? {
    let x = last.x
    let withinRounding = system.withinRounding(f, at: x)
    guard last.residual <= system.tolerance || withinRounding else { return nil }
    let underflow = system.underflows(f, at: x)
    let rounding = withinRounding && !underflow
    let estimate = Self.limitEstimate(x, next, lastStep, tolerance: system.tolerance)
    self.estimate = estimate
    if underflow {
      if let estimate, let exactPoint, exactPoint(estimate) { return .converged }
      guard let next, next.contains(where: { $0 != 0 }) else { return .underflow }
      return nil
    }
    if let next, system.isSmall(next, at: x) { return .converged }
    if runsOff(system) { return .unbounded }
    if rounding { return .converged }
    if let estimate, let exactPoint, exactPoint(estimate) { return .converged }
    guard linearApproach, let estimate, system.settles(from: x, to: estimate.point) else { return nil }
    limit = estimate.point
    return .converged
  }

  /// The last iterate.
  public var last: Iterate { iterates[iterates.count - 1] }

  /// The step that led to the last iterate (nil at the start).
  public var lastStep: [Double]? { step(iterates.count - 1) }

  /// xₖ − xₖ₋₁.
  func step(_ k: Int) -> [Double]? {
    guard k > 0 else { return nil }
    return zip(iterates[k].x, iterates[k - 1].x).map { $0 - $1 }
  }
}
