/// The second-derivative test (issue 18): `hessian --at … --classify` and `jac critical`.
extension Engine {
  /// `hessian --at … --classify`: the second-derivative test (``CriticalPoint``) with the
  /// Hessian at the point (the answer's value) and the gradient there. Exact when every entry
  /// of both is a rational number, else on their values in double precision.
  func classification(_ answer: Answer, _ c: Context) throws(JacError) -> CriticalPoint {
    guard case .matrix(let h) = answer.value else { throw .notApplicable(.classifyWithoutPoint) }
    let f = try finish(c.functions[0], c)
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in c.point { values[symbol] = value }
    let gradient = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in
      try finish(pool.substitute([finish(e, c)], values)[0], c)
    }
    let entries = h.entries + gradient
    let unbound = pool.freeSymbols(entries)
    if !unbound.isEmpty { throw .missingPointVariables(unbound) }
    let rationals = entries.compactMap(pool.rational)
    if rationals.count == entries.count {
      return .exact(
        hessian: Array(rationals.prefix(h.entries.count)), n: h.rows, gradient: Array(rationals.suffix(gradient.count)))
    }
    let doubles = pool.evaluate(entries, [:])
    if let k = doubles.firstIndex(where: { !$0.isFinite }) {
      throw .undefinedAtPoint(entry: k < h.entries.count ? "the Hessian" : "the gradient")
    }
    return .numeric(
      hessian: Array(doubles.prefix(h.entries.count)), n: h.rows, gradient: Array(doubles.suffix(gradient.count)))
  }
}

extension Engine {
  /// critical: Newton's method on ∇f = 0 from `--from`, with the Hessian as its Jacobian
  /// (H(xₖ)·δ = −∇f(xₖ)), then the second-derivative test at the point it converged to.
  ///
  /// When the run has converged is ``NewtonRun``'s rule, as for `newton`: a small gradient is
  /// not enough; critical adds an exact point verified near the limit estimate
  /// (``exactZero(_:_:)``). At an exact point p the test runs on H(p), exactly when its
  /// entries are rational; otherwise on doubles at the last iterate, with H known only to
  /// within how far it moves on the way to the limit (``movement(_:_:)``); after a linear
  /// approach the point reported is the extrapolated limit (``NewtonRun/limit``), not the last
  /// iterate.
  func criticalPointValue(_ c: Context) throws(JacError) -> Computed {
    if c.variables.isEmpty { throw .noVariables }
    guard c.functions.count == 1 else { throw .notScalar(command: c.request.command, count: c.functions.count) }
    let f = try finish(c.functions[0], c)
    try checkDerivativeWork([f], along: c.variables)
    var gradient = c
    gradient.functions = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in
      try finish(e, c)
    }
    let tolerance = c.request.newton?.tolerance ?? 0
    let h = try jacobian(gradient)
    let search = ExactZeroSearch(self, gradient)
    let run = try newton(gradient, exactPoint: search.isExactZero)
    guard run.outcome == .converged else { return Computed(value: .newton(run)) }
    let here = newtonStep(h, gradient, at: run.last.x)
    let hx = here.hessian
    let limit = NewtonRun.limitEstimate(run.last.x, here.step, run.lastStep, tolerance: tolerance)
    if search.found == nil, let limit { _ = search.isExactZero(near: limit) }
    if let p = search.found, var test = exactTest(p, h, gradient) {
      test.point = p
      return Computed(value: .newton(run), classification: test)
    }
    let toLimit = limit.map { Self.movement(hx, newtonStep(h, gradient, at: $0.point).hessian) } ?? .infinity
    let uncertainty = max(toLimit, roundingMovement(h, gradient, at: run.last.x, hessian: hx))
    let test = CriticalPoint.numeric(hessian: hx, n: h.rows, gradientIsZero: true, uncertainty: uncertainty)
    return Computed(value: .newton(run), classification: test)
  }

  /// H at `x` (row-major) and the Newton step there, −H⁻¹·∇f (nil when H is singular to working
  /// precision).
  func newtonStep(_ h: Matrix, _ gradient: Context, at x: [Double]) -> NewtonStep {
    let values = pool.evaluate(
      h.entries + gradient.functions, Dictionary(uniqueKeysWithValues: zip(gradient.variableNames, x)))
    let g = values.suffix(gradient.functions.count).map { -$0 }
    let hx = Array(values.prefix(h.entries.count))
    return NewtonStep(hessian: hx, step: LinearSolve.solve(hx, g))
  }

  /// Coordinate by coordinate, the simplest rational within the radius
  /// (``Rational/simplest(in:_:)``).
  static func simplestPoint(_ limit: (point: [Double], radius: Double)) -> [Rational]? {
    guard limit.radius.isFinite, limit.point.allSatisfy(\.isFinite) else { return nil }
    return limit.point.map { v in
      Rational.simplest(in: Rational(exactly: v - limit.radius), Rational(exactly: v + limit.radius))
    }
  }

  /// The simplest rational point near a run's limit estimate (``simplestPoint(_:)``), proved a
  /// zero of the functions (``exactZero(_:_:)``); each point tried once. newton and critical
  /// ask it wherever the stopping rule estimates the limit, and once more after the run.
  final class ExactZeroSearch {
    private let engine: Engine
    private let context: Context
    private var tried: [Rational]?
    /// The point proved a zero by the last try, if it was one.
    private(set) var found: [Rational]?

    init(_ engine: Engine, _ context: Context) {
      self.engine = engine
      self.context = context
    }

    /// Whether the simplest point near `estimate` is an exact zero (false for a point tried before).
    func isExactZero(near estimate: NewtonRun.Estimate) -> Bool {
      let p = Engine.simplestPoint(estimate)
      guard p != tried else { return false }
      tried = p
      found = engine.exactZero(p, context)
      return found != nil
    }
  }

  /// `p` when every function of `c` (F for newton, ∇f for critical) is exactly 0 there: each
  /// simplifies to the number 0. Systems of more than ``Limits/exactPointVariables`` variables
  /// are not tried.
  func exactZero(_ p: [Rational]?, _ c: Context) -> [Rational]? {
    guard let p, p.count <= Limits.exactPointVariables else { return nil }
    let values = atPoint(p, c)
    let entries = try? finish(each: pool.substitute(c.functions, values), c)
    return entries?.allSatisfy({ pool.rational($0)?.isZero == true }) == true ? p : nil
  }

  /// The bindings variable → p.
  func atPoint(_ p: [Rational], _ c: Context) -> [Expr: Expr] {
    Dictionary(uniqueKeysWithValues: zip(c.variables, p.map(pool.number)))
  }

  /// The test on H(p) at an exact critical point p: exact when every entry is rational, else on
  /// its values in double precision; nil when an entry is undefined or not finite there.
  func exactTest(_ p: [Rational], _ h: Matrix, _ c: Context) -> CriticalPoint? {
    guard let entries = try? finish(each: pool.substitute(h.entries, atPoint(p, c)), c) else { return nil }
    let rationals = entries.compactMap(pool.rational)
    if rationals.count == entries.count {
      return .exact(hessian: rationals, n: h.rows, gradient: Array(repeating: .zero, count: h.rows))
    }
    let doubles = pool.evaluate(entries, [:])
    guard doubles.allSatisfy(\.isFinite) else { return nil }
    return .numeric(hessian: doubles, n: h.rows, gradientIsZero: true, uncertainty: 0)
  }

  /// How far H moves across the region where ∇f is 0 to rounding: w = H⁻¹·e for the rounding
  /// bounds e of ∇f at x (``Tape/roundingErrors(_:)``), ``movement(_:_:)`` to x ± w, the larger.
  /// A point where ∇f vanishes only to rounding (1e8·(x − 1)⁴ expanded: ∇f is noise for
  /// |x − 1| < 10⁻⁵) holds the critical point only to within w, and H may be anything it is
  /// across w (there 0 to 0.4, so its sign is not decided); at a nondegenerate point w is tiny.
  func roundingMovement(_ h: Matrix, _ gradient: Context, at x: [Double], hessian hx: [Double]) -> Double {
    let e = Tape(pool, roots: gradient.functions, inputs: gradient.variableNames).roundingErrors(x)
    guard let w = LinearSolve.solve(hx, e) else { return .infinity }
    return [1.0, -1.0].map { sign in
      Self.movement(hx, newtonStep(h, gradient, at: zip(x, w).map { $0 + sign * $1 }).hessian)
    }.max() ?? 0
  }

  /// How far H may be from the Hessian at the limit: twice max |H(x)ᵢⱼ − H(c)ᵢⱼ| for the limit
  /// estimate c (an estimate, hence the factor; infinite when H is not finite there, so nothing
  /// is decided). Where Newton's method converged linearly to a point with H singular, H(x) is
  /// about its own size away from H(c), and its eigenvalues count as 0.
  static func movement(_ hx: [Double], _ hc: [Double]) -> Double {
    let change = 2 * (zip(hx, hc).map { abs($0 - $1) }.max() ?? 0)
    return change.isFinite ? change : .infinity
  }
}

/// H at a point and the Newton step there.
struct NewtonStep {
  var hessian: [Double]
  var step: [Double]?
}
