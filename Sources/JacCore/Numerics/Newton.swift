/// Newton's method for F(x) = 0 with a symbolic Jacobian, in `Double`:
///
///     J(xₖ)·δ = −F(xₖ),   xₖ₊₁ = xₖ + δ
///
/// It stops as converged when ‖F(xₖ)‖₂ ≤ tol, or when the step ‖δ‖₂ ≤ tol·max(1, ‖xₖ₊₁‖₂)
/// (the residual cannot fall further in floating point); as singular when J(xₖ) is singular to
/// working precision; as diverged when a value stops being finite; and after `maxIterations`
/// steps otherwise.
///
/// With a `settle` test (``solve(function:jacobian:from:tolerance:maxIterations:settle:)``, used
/// by `critical`, where F = ∇f and a small gradient alone proves nothing: 1/x, the gradient of
/// log x, is below any tolerance far enough out) ‖F(xₖ)‖₂ ≤ tol is not enough: the next step
/// must be small as well, ‖δₖ‖₂ ≤ tol·max(1, ‖xₖ‖₂), or `settle` must accept the iterate (an
/// exact point it verified near xₖ, or a slow approach to a singular J it will test as such).
/// A run whose last ``unboundedWindow`` steps each grew ‖x‖ and none was shorter than the one
/// before (a convergent run's steps shrink) is `unbounded` when it reaches such a small F, J
/// singular or the iteration limit.
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
    /// The iteration limit was reached with the iterates running off (only with `settle`).
    case unbounded
  }
  /// A settle test: the iterate xₖ, the Newton step δₖ there (nil when J(xₖ) is singular) and
  /// the step that led to xₖ (nil at the start); true accepts xₖ as converged.
  public typealias Settle = (_ x: [Double], _ next: [Double]?, _ last: [Double]?) -> Bool
  /// How many steps in a row must grow ‖x‖ without shrinking for `unbounded`.
  public static let unboundedWindow = 8

  public var iterates: [Iterate] = []
  public var outcome: Outcome = .iterationLimit

  /// Runs Newton's method. `function` computes F (n values) and `jacobian` the n×n Jacobian,
  /// row-major, both with the same inputs in the same order as `start`.
  public static func solve(
    function: Tape, jacobian: Tape, from start: [Double], tolerance: Double, maxIterations: Int,
    settle: Settle? = nil
  ) -> NewtonRun {
    var run = NewtonRun()
    var x = start
    var f = function.evaluate(x)
    var residual = LinearSolve.norm(f)
    run.iterates.append(Iterate(x: x, residual: residual))
    guard residual.isFinite else {
      run.outcome = .diverged
      return run
    }
    for _ in 0..<maxIterations {
      if residual <= tolerance && settle == nil {
        run.outcome = .converged
        return run
      }
      let next = LinearSolve.solve(jacobian.evaluate(x), f.map { -$0 })
      if let settle, residual <= tolerance {
        if let next, LinearSolve.norm(next) <= tolerance * Swift.max(1, LinearSolve.norm(x)) {
          run.outcome = .converged
          return run
        }
        if run.runsOff {
          run.outcome = .unbounded
          return run
        }
        if settle(x, next, run.lastStep) {
          run.outcome = .converged
          return run
        }
      }
      guard let step = next else {
        run.outcome = settle != nil && run.runsOff ? .unbounded : .singular
        return run
      }
      for i in x.indices { x[i] += step[i] }
      f = function.evaluate(x)
      residual = LinearSolve.norm(f)
      run.iterates.append(Iterate(x: x, residual: residual))
      guard residual.isFinite, x.allSatisfy(\.isFinite) else {
        run.outcome = .diverged
        return run
      }
      if LinearSolve.norm(step) <= tolerance * Swift.max(1, LinearSolve.norm(x)) {
        run.outcome = .converged
        return run
      }
    }
    if settle != nil {
      run.outcome = run.runsOff ? .unbounded : .iterationLimit
    } else {
      run.outcome = residual <= tolerance ? .converged : .iterationLimit
    }
    return run
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

  /// Each of the last ``unboundedWindow`` steps grew ‖x‖ and was at least as long as the one
  /// before.
  var runsOff: Bool {
    let k = iterates.count - 1
    guard k > Self.unboundedWindow else { return false }
    for i in (k - Self.unboundedWindow + 1)...k {
      let grows = LinearSolve.norm(iterates[i].x) > LinearSolve.norm(iterates[i - 1].x)
      guard grows, let s = step(i), let before = step(i - 1) else { return false }
      if LinearSolve.norm(s) < LinearSolve.norm(before) { return false }
    }
    return true
  }
}
