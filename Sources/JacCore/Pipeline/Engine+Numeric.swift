/// The numeric commands and options: `--check` and `jac newton`.
extension Engine {
  /// Compares every entry of the symbolic result with finite differences of the input
  /// functions (at the `--at` point when one is given, else at seeded random points). The
  /// answer's shape says which derivative each entry is.
  func check(_ answer: Answer, _ c: Context) throws(JacError) -> DerivativeCheck {
    typealias Entry = DerivativeCheck.Entry
    var entries: [Entry] = []
    let names = c.variableNames
    let matrix: Matrix? = if case .matrix(let m) = answer.value { m } else { nil }
    switch c.description.shape {
    case .jacobian:
      guard let m = matrix else { break }
      for i in 0..<m.rows {
        for j in 0..<m.columns { entries.append(Entry(function: i, along: [names[j]], symbolic: m[i, j])) }
      }
    case .gradient:
      guard let m = matrix else { break }
      for i in 0..<m.rows { entries.append(Entry(function: 0, along: [names[i]], symbolic: m[i, 0])) }
    case .hessian:
      guard let m = matrix else { break }
      for i in 0..<m.rows {
        for j in 0..<m.columns { entries.append(Entry(function: 0, along: [names[i], names[j]], symbolic: m[i, j])) }
      }
    case .perFunction:
      for (k, e) in answer.value.entries.enumerated() {
        entries.append(Entry(function: k, along: answer.along, symbolic: e))
      }
    case .scalar, .matrix, .pattern, .iterates, .labelled:
      throw .notApplicable(
        .onlyFor([.check], commands: Request.Command.allCases.filter { $0.description.accepts(.check) }))
    }
    let fixed = numericBindings(c.point)
    let inside = assumedLinks().map { ($0.difference, $0.strict) }
    let check = DerivativeCheck.run(
      pool, functions: c.functions, entries: entries, fixed: fixed, inside: inside, bounds: assumedBounds())
    if check.pointCount == 0 { throw .checkOutsideAssumptions }
    return check
  }

  /// A coordinate of `--from` as the double Newton starts from: the double nearest its exact
  /// value, decided rigorously (``ExpressionPool/certifiedValues(_:digits:)``). Not real is an
  /// error; so is a real value a double cannot hold (1e400, or 1e-400, which is not 0), since
  /// Newton's method runs in double precision.
  func startValue(_ e: Expr, typed: String?) throws(JacError) -> Double {
    let text = TextPrinter(pool: pool).string(e)
    let outside = JacError.outsideDoubleRange(option: "--from", text: typed ?? text)
    if !pool.freeSymbols([e]).isEmpty { throw .notANumber(option: "--from", text: text) }
    if let q = pool.rational(e) {
      let d = q.doubleValue
      if !d.isFinite || (d == 0 && !q.isZero) { throw outside }
      return d
    }
    switch pool.certifiedValues([e], digits: true)[0] {
    case .decimal(let s):
      guard let d = Double(s), d.isFinite, d != 0 else { throw outside }
      return d
    case .beyondDecimals: throw outside
    case .real, .notReal, .outOfRange, .uncertain, .unsupported: throw .notANumber(option: "--from", text: text)
    }
  }

  /// The comma-separated items of an option's value as typed (commas inside parentheses do not
  /// separate), trimmed.
  static func topLevelItems(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == "," && depth == 0 {
        items.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    items.append(current)
    return items.map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
  }

  /// newton: Newton's method (``newton(_:exactPoint:)``), and a root proved exact when there is
  /// one at hand: the simplest rational point within the run's limit estimate
  /// (``simplestPoint(_:)``) where F simplifies to exactly 0 (``exactZero(_:_:)``). It is tried
  /// wherever the stopping rule estimates the limit (the run stops when it is a root) and at
  /// the estimate the run converged with. (x − 1)³ from 2 creeps to 1.0000891; its limit
  /// extrapolates to 1.0000000000000004, and F(1) = 0: the root is x = 1.
  func newtonWithExactRoot(_ c: Context) throws(JacError) -> NewtonRun {
    let search = ExactZeroSearch(self, c)
    var run = try newton(c, exactPoint: search.isExactZero)
    guard run.outcome == .converged else { return run }
    if search.found == nil, let estimate = run.estimate { _ = search.isExactZero(near: estimate) }
    run.exactRoot = search.found
    return run
  }

  /// Newton's method on the system, from `--from`, with the simplified symbolic Jacobian
  /// (`exactPoint`: ``NewtonRun/ExactPoint``).
  func newton(_ c: Context, exactPoint: NewtonRun.ExactPoint? = nil) throws(JacError) -> NewtonRun {
    guard let settings = c.request.newton else { throw .notApplicable(.missing(.from, command: c.request.command)) }
    guard c.functions.count == c.variables.count else {
      throw .notSquare(command: c.request.command, rows: c.functions.count, columns: c.variables.count)
    }
    let unbound = pool.freeSymbols(c.functions).filter { !c.variableNames.contains($0) }
    if !unbound.isEmpty { throw .unboundSymbols(unbound) }
    let values = try vector(settings.from, option: "--from", length: c.variables.count)
    let typed = Self.topLevelItems(settings.from)
    let start = try values.enumerated().map { k, e throws(JacError) in
      try startValue(e, typed: typed.count == values.count ? typed[k] : nil)
    }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    let j = try jacobian(c)
    return NewtonRun.solve(
      function: Tape(pool, roots: f, inputs: c.variableNames),
      jacobian: Tape(pool, roots: j.entries, inputs: c.variableNames),
      enclosure: NewtonRun.Enclosure(pool, roots: f, inputs: c.variableNames), from: start,
      tolerance: settings.tolerance, maxIterations: settings.maxIterations, exactPoint: exactPoint)
  }
}
