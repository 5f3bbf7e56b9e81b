/// Runs requests: parse → differentiate → simplify, then the optional steps on the result
/// (`--check`, `--jvp`/`--vjp`, `--at`). Holds one ``ExpressionPool`` so a batch shares
/// interned nodes; answers do not depend on what ran before (printing never looks at ids).
/// Callers run it on a ``DeepStack`` thread.
public final class Engine {
  public let pool: ExpressionPool
  public let differentiator: Differentiator
  public let simplifier: Simplifier

  /// Deepest expression any pass accepts (results of deep input grow deeper than the input).
  public static let maxDepth = 4 * Parser.maxNesting

  /// Compute time spent so far, by phase (for `--stats`). Differentiation is what remains of
  /// `total` after parsing and simplification (it includes determinants, checks and Newton).
  public struct Timings: Sendable {
    public var parse = Duration.zero
    public var simplify = Duration.zero
    public var total = Duration.zero
    public var differentiate: Duration { total - parse - simplify }
    public init() {}
    public static func + (a: Timings, b: Timings) -> Timings {
      var sum = a
      sum.parse += b.parse
      sum.simplify += b.simplify
      sum.total += b.total
      return sum
    }
  }
  public private(set) var timings = Timings()
  /// Whether the simplifier ran out of its work budget on any expression of this request.
  private var simplificationCut = false
  private let clock = ContinuousClock()

  public init() {
    pool = ExpressionPool()
    differentiator = Differentiator(pool: pool)
    simplifier = Simplifier(pool: pool)
  }

  /// What one request works on: its parsed functions, variables and how to finish a result.
  struct Context {
    var request: Request
    var functions: [Expr]
    var names: [String?]
    var variableNames: [String]
    var variables: [Expr]
  }

  public func run(_ request: Request) throws(JacError) -> Answer {
    let start = clock.now
    defer {
      timings.total += clock.now - start
      assert(poolIsSound())
    }
    return try answer(request)
  }

  /// Nodes of the pool already checked by ``poolIsSound()``.
  private var checkedNodes = 0

  /// The pool's invariants hold for the nodes made since the last check; traps with the broken
  /// one otherwise. Called inside `assert`, so release builds never evaluate it.
  private func poolIsSound() -> Bool {
    do throws(ExpressionPool.InvariantViolation) {
      try pool.checkInvariants(from: checkedNodes)
    } catch {
      preconditionFailure("ExpressionPool invariant broken: \(error)")
    }
    checkedNodes = pool.count
    return true
  }

  private func answer(_ request: Request) throws(JacError) -> Answer {
    let parseStart = clock.now
    simplificationCut = false
    pool.numberTooLarge = false
    pool.numberWork = 0
    var functions: [Expr] = []
    var names: [String?] = []
    for text in request.inputs where text.utf8.count > Limits.inputBytes {
      throw .limit(.inputBytes(text.utf8.count))
    }
    for (i, text) in request.inputs.enumerated() {
      do {
        let components = try Parser.parseComponents(text, in: pool)
        functions += components.map(\.expression)
        names += components.map(\.name)
      } catch {
        throw .parse(error, input: i)
      }
    }
    timings.parse += clock.now - parseStart
    if functions.count > Limits.components { throw .limit(.components(functions.count)) }
    let variableNames = request.variables ?? pool.freeSymbols(functions)
    if variableNames.count > Limits.variables { throw .limit(.variables(variableNames.count)) }
    let context = Context(
      request: request, functions: functions, names: names, variableNames: variableNames,
      variables: variableNames.map(pool.symbol))
    var determinant: Expr?
    var answer = Answer(
      command: request.command, variables: variableNames, value: try value(context, determinant: &determinant))
    answer.componentNames = names
    answer.determinant = determinant
    if request.check { answer.check = try check(answer, context) }
    if request.steps { answer.derivations = try derivations(context) }
    try applyVectors(&answer, context)
    if let at = request.at { try substitute(at, into: &answer, context) }
    if request.volumeElement, case .scalar(let det) = answer.value {
      answer.volumeFactor = try finish(pool.call(.abs, det), context)
    }
    answer.suspiciousVariables = suspiciousVariables(context)
    answer.simplificationCut = simplificationCut
    return answer
  }

  /// The symbolic result of the command; `inverse` also reports det J in `determinant`.
  private func value(_ c: Context, determinant: inout Expr?) throws(JacError) -> Answer.Value {
    let variables = c.variables
    func needsVariables() throws(JacError) { if variables.isEmpty { throw .noVariables } }
    func one() throws(JacError) -> Expr {
      guard c.functions.count == 1 else {
        throw .notScalar(command: c.request.command.rawValue, count: c.functions.count)
      }
      return try finish(c.functions[0], c)
    }
    switch c.request.command {
    case .simplify:
      let results = try c.functions.map { f throws(JacError) in try finish(f, c) }
      return results.count == 1 ? .scalar(results[0]) : .list(results)
    case .diff:
      let along = (c.request.along ?? c.variableNames).map(pool.symbol)
      if along.isEmpty { throw .noVariables }
      let results = try c.functions.map { f throws(JacError) in
        try finish(differentiator.derivative(try finish(f, c), along: along), c)
      }
      return results.count == 1 ? .scalar(results[0]) : .list(results)
    case .jacobian, .sparsity:
      try needsVariables()
      return .matrix(try jacobian(c))
    case .det:
      try needsVariables()
      return .scalar(try finish(pool.determinant(try squareJacobian(c)), c))
    case .inverse:
      try needsVariables()
      let (inverse, det) = try self.inverse(c)
      determinant = det
      return .matrix(inverse)
    case .grad:
      try needsVariables()
      return .matrix(try differentiator.gradient(try one(), variables).map { e throws(JacError) in try finish(e, c) })
    case .hessian:
      try needsVariables()
      try checkSize(rows: variables.count, columns: variables.count)
      return .matrix(try differentiator.hessian(try one(), variables) { e throws(JacError) in try finish(e, c) })
    case .newton:
      try needsVariables()
      return .newton(try newton(c))
    }
  }

  /// Depth check, then simplification (unless `--no-simplify`); an undefined result is an error.
  func finish(_ e: Expr, _ c: Context) throws(JacError) -> Expr {
    // A number is its own simplified form (most entries of a big sparse Jacobian are 0).
    if pool.isNumber(e) && !pool.numberTooLarge { return e }
    if pool.depth(e) > Self.maxDepth { throw .limit(.depth) }
    let start = clock.now
    let s = c.request.simplify ? simplifier.simplify(e) : e
    timings.simplify += clock.now - start
    if c.request.simplify && simplifier.budgetExhausted { simplificationCut = true }
    if pool.numberTooLarge { throw .limit(.numberSize) }
    if pool.isUndefined(s) { throw .undefinedResult }
    if pool.treeSize(s) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the result")) }
    return s
  }

  func jacobian(_ c: Context) throws(JacError) -> Matrix {
    try checkSize(rows: c.functions.count, columns: c.variables.count)
    let simplified = try c.functions.map { f throws(JacError) in try finish(f, c) }
    return try differentiator.jacobian(simplified, c.variables).map { e throws(JacError) in try finish(e, c) }
  }

  /// The Jacobian for det and inverse: square, and within ``Limits/determinantSize``.
  func squareJacobian(_ c: Context) throws(JacError) -> Matrix {
    let (rows, columns) = (c.functions.count, c.variables.count)
    guard rows == columns else { throw .notSquare(command: c.request.command.rawValue, rows: rows, columns: columns) }
    if rows > Limits.determinantSize { throw .limit(.determinantSize(rows)) }
    return try jacobian(c)
  }

  /// The result matrix must stay within ``Limits/matrixEntries``.
  func checkSize(rows: Int, columns: Int) throws(JacError) {
    if rows * columns > Limits.matrixEntries { throw .limit(.matrixEntries(rows: rows, columns: columns)) }
  }

  /// J⁻¹ = adj(J)/det(J), each entry simplified; a determinant that simplifies to 0 is an error.
  private func inverse(_ c: Context) throws(JacError) -> (Matrix, determinant: Expr) {
    let j = try squareJacobian(c)
    let det = try finish(pool.determinant(j), c)
    if det == pool.zero { throw .singular }
    let reciprocal = pool.reciprocal(det)
    let inverse = try pool.adjugate(j).map { e throws(JacError) in try finish(pool.multiply(e, reciprocal), c) }
    return (inverse, det)
  }

  /// Most entries `--steps` explains without `--entry`.
  public static let maxExplainedEntries = 16

  /// `--steps`: each selected entry's derivation, in the order of the result.
  private func derivations(_ c: Context) throws(JacError) -> [EntryDerivation] {
    let command = c.request.command
    guard [.jacobian, .grad, .diff].contains(command) else {
      throw .notApplicable("'--steps' applies to jacobian, grad and diff")
    }
    var selected: [(label: String, function: Int, variables: [String])] = []
    if command == .diff {
      let along = c.request.along ?? c.variableNames
      selected = c.functions.indices.map { ("", $0, along) }
    } else {
      for i in c.functions.indices {
        for (j, v) in c.variableNames.enumerated() {
          let label = command == .grad ? "[\(j + 1)]" : "[\(i + 1),\(j + 1)]"
          selected.append((label, i, [v]))
        }
      }
    }
    if let entry = c.request.entry {
      let (row, column) = command == .grad ? (entry.row, 1) : entry
      let rows = command == .grad ? c.variableNames.count : c.functions.count
      let columns = command == .grad ? 1 : c.variableNames.count
      guard (1...max(rows, 1)).contains(row), (1...max(columns, 1)).contains(column), command != .diff else {
        throw .notApplicable(
          command == .diff
            ? "'--entry' applies to jacobian and grad; diff explains each function"
            : "'--entry \(row),\(column)' is outside the \(rows)×\(columns) result")
      }
      selected = [selected[command == .grad ? row - 1 : (row - 1) * columns + (column - 1)]]
    }
    if selected.count > Self.maxExplainedEntries {
      throw .notApplicable(
        "'--steps' would explain \(selected.count) entries; choose one with '--entry i,j' (at most "
          + "\(Self.maxExplainedEntries) without it)")
    }
    var result: [EntryDerivation] = []
    for s in selected {
      var f = try finish(c.functions[s.function], c)
      for v in s.variables {
        let x = pool.symbol(v)
        let derivation = Derivation(f, x, differentiator: differentiator)
        let raw = differentiator.derivative(f, x)
        simplifier.trace = []
        let simplified = c.request.simplify ? try finish(raw, c) : raw
        let rewrites = simplifier.trace ?? []
        simplifier.trace = nil
        result.append(
          EntryDerivation(
            label: s.label, function: f, variable: v, derivation: derivation, raw: raw,
            simplification: rewrites, result: simplified))
        f = simplified
      }
    }
    return result
  }

  /// Names asked for with --vars or --wrt that do not occur in the input but are close to one
  /// that does.
  private func suspiciousVariables(_ c: Context) -> [(name: String, suggestion: String)] {
    var found: [(name: String, suggestion: String)] = []
    if c.request.variables == nil && c.request.along == nil { return found }
    let free = pool.freeSymbols(c.functions)
    for name in (c.request.variables ?? []) + (c.request.along ?? []) where !free.contains(name) {
      if let suggestion = EditDistance.variableSuggestion(for: name, among: free),
        !found.contains(where: { $0.name == name })
      {
        found.append((name, suggestion))
      }
    }
    return found
  }
}
