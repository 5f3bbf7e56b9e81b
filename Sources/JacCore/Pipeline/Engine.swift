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
    /// The `--at` point, parsed once (``Engine/parsePoint(_:)``) after the value is computed.
    var point: [(name: String, symbol: Expr, value: Expr)] = []
    var description: CommandDescription { request.command.description }
  }

  /// What a command's engine step computes: the value, and for `inverse` det J.
  struct Computed {
    var value: Answer.Value
    var determinant: Expr?
  }

  public func run(_ request: Request) throws(JacError) -> Answer {
    let start = clock.now
    defer { timings.total += clock.now - start }
    return try answer(request)
  }

  private func answer(_ request: Request) throws(JacError) -> Answer {
    try request.validate()
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
        // The pool's number flag is set by the size limit and by the work budget alike.
        if error.message == .numberTooLarge && pool.numberWork > ExpressionPool.maxNumberWork {
          throw .limitInInput(.numberWork, error.range, input: i)
        }
        throw .parse(error, input: i)
      }
    }
    timings.parse += clock.now - parseStart
    if functions.count > Limits.components { throw .limit(.components(functions.count)) }
    let variableNames = request.variables ?? pool.freeSymbols(functions)
    if variableNames.count > Limits.variables { throw .limit(.variables(variableNames.count)) }
    var context = Context(
      request: request, functions: functions, names: names, variableNames: variableNames,
      variables: variableNames.map(pool.symbol))
    let computed = try context.description.compute(self, context)
    if let at = request.at { context.point = try parsePoint(at, context) }
    var answer = Answer(command: request.command, variables: variableNames, value: computed.value)
    answer.componentNames = names
    answer.determinant = computed.determinant
    answer.along = request.along ?? variableNames
    if request.check { answer.check = try check(answer, context) }
    if request.steps { answer.derivations = try derivations(context) }
    try applyVectors(&answer, context)
    if request.at != nil { try substitute(into: &answer, context) }
    if request.volumeElement, case .scalar(let det) = answer.value {
      let factor = try finish(pool.call(.abs, det), context)
      answer.volumeFactor = factor
      if request.at != nil && pool.freeSymbols([factor]).isEmpty && !pool.isNumber(factor) {
        try certify([(factor, "|det J|")], into: &answer, context)
      }
    }
    answer.suspiciousVariables = suspiciousVariables(context)
    answer.simplificationCut = simplificationCut
    return answer
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
    if pool.numberTooLarge { throw .limit(pool.numberWork > ExpressionPool.maxNumberWork ? .numberWork : .numberSize) }
    if pool.isUndefined(s) { throw .undefinedResult }
    if pool.treeSize(s) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the result")) }
    return s
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
