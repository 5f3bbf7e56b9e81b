/// Newton's method for F(x) = 0 with a symbolic Jacobian, in `Double`:
///
///     J(xₖ)·δ = −F(xₖ),   xₖ₊₁ = xₖ + δ
///
/// It stops as converged when ‖F(xₖ)‖₂ ≤ tol, or when the step ‖δ‖₂ ≤ tol·max(1, ‖xₖ₊₁‖₂)
/// (the residual cannot fall further in floating point); as singular when J(xₖ) is singular to
/// working precision; as diverged when a value stops being finite; and after `maxIterations`
/// steps otherwise.
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
  }
  public var iterates: [Iterate] = []
  public var outcome: Outcome = .iterationLimit

  /// Runs Newton's method. `function` computes F (n values) and `jacobian` the n×n Jacobian,
  /// row-major, both with the same inputs in the same order as `start`.
  public static func solve(
    function: Tape, jacobian: Tape, from start: [Double], tolerance: Double, maxIterations: Int
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
      if residual <= tolerance {
        run.outcome = .converged
        return run
      }
      guard let step = LinearSolve.solve(jacobian.evaluate(x), f.map { -$0 }) else {
        run.outcome = .singular
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
    run.outcome = residual <= tolerance ? .converged : .iterationLimit
    return run
  }

  /// The last iterate.
  public var last: Iterate { iterates[iterates.count - 1] }
}
