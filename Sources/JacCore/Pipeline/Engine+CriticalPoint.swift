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
  /// (H(xₖ)·δ = −∇f(xₖ)), then the second-derivative test at the point it converged to, on
  /// doubles (``CriticalPoint/numeric(hessian:n:gradient:tolerance:)``).
  func criticalPointValue(_ c: Context) throws(JacError) -> Computed {
    if c.variables.isEmpty { throw .noVariables }
    guard c.functions.count == 1 else { throw .notScalar(command: c.request.command, count: c.functions.count) }
    let f = try finish(c.functions[0], c)
    try checkDerivativeWork([f], along: c.variables)
    var gradient = c
    gradient.functions = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in
      try finish(e, c)
    }
    let run = try newton(gradient)
    guard run.outcome == .converged else { return Computed(value: .newton(run)) }
    let h = try jacobian(gradient)
    let point = Dictionary(uniqueKeysWithValues: zip(c.variableNames, run.last.x))
    let values = pool.evaluate(h.entries + gradient.functions, point)
    let test = CriticalPoint.numeric(
      hessian: Array(values.prefix(h.entries.count)), n: h.rows,
      gradient: Array(values.suffix(gradient.functions.count)))
    return Computed(value: .newton(run), classification: test)
  }
}
