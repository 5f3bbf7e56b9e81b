/// The numeric commands and options: `--check` and `jac newton`.
extension Engine {
  /// Compares every entry of the symbolic result with finite differences of the input
  /// functions (at the `--at` point when one is given, else at seeded random points).
  func check(_ answer: Answer, _ c: Context) throws(JacError) -> DerivativeCheck {
    typealias Entry = DerivativeCheck.Entry
    var entries: [Entry] = []
    switch (c.request.command, answer.value) {
    case (.jacobian, .matrix(let m)), (.grad, .matrix(let m)):
      for i in 0..<m.rows {
        for j in 0..<m.columns {
          let variable = c.variableNames[c.request.command == .grad ? i : j]
          entries.append(Entry(function: c.request.command == .grad ? 0 : i, along: [variable], symbolic: m[i, j]))
        }
      }
    case (.hessian, .matrix(let m)):
      for i in 0..<m.rows {
        for j in 0..<m.columns {
          entries.append(Entry(function: 0, along: [c.variableNames[i], c.variableNames[j]], symbolic: m[i, j]))
        }
      }
    case (.diff, .scalar(let e)):
      entries.append(Entry(function: 0, along: c.request.along ?? c.variableNames, symbolic: e))
    case (.diff, .list(let es)):
      for (k, e) in es.enumerated() {
        entries.append(Entry(function: k, along: c.request.along ?? c.variableNames, symbolic: e))
      }
    default:
      throw .notApplicable("'--check' applies to jacobian, grad, hessian and diff")
    }
    let fixed = try c.request.at.map { at throws(JacError) in numericBindings(try bindings(at, c)) } ?? [:]
    return DerivativeCheck.run(pool, functions: c.functions, entries: entries, fixed: fixed)
  }

  /// Newton's method on the system, from `--from`, with the simplified symbolic Jacobian.
  func newton(_ c: Context) throws(JacError) -> NewtonRun {
    guard let settings = c.request.newton else { throw .notApplicable("newton needs a starting point: '--from'") }
    guard c.functions.count == c.variables.count else {
      throw .notSquare(command: "newton", rows: c.functions.count, columns: c.variables.count)
    }
    let unbound = pool.freeSymbols(c.functions).filter { !c.variableNames.contains($0) }
    if !unbound.isEmpty { throw .unboundSymbols(unbound) }
    let start = try vector(settings.from, option: "--from", length: c.variables.count).map { e throws(JacError) in
      let v = pool.evaluate(e, [:])
      guard v.isFinite else { throw .notANumber(option: "--from", text: TextPrinter(pool: pool).string(e)) }
      return v
    }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    let j = try jacobian(c)
    return NewtonRun.solve(
      function: Tape(pool, roots: f, inputs: c.variableNames),
      jacobian: Tape(pool, roots: j.entries, inputs: c.variableNames),
      from: start, tolerance: settings.tolerance, maxIterations: settings.maxIterations)
  }
}
