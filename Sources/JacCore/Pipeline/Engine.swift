/// Runs requests: parse → differentiate → simplify. Holds one ``ExpressionPool`` so a batch
/// shares interned nodes; answers do not depend on what ran before (printing never looks at
/// ids). Callers run it on a ``DeepStack`` thread.
public final class Engine {
  public let pool: ExpressionPool
  public let differentiator: Differentiator
  public let simplifier: Simplifier

  /// Deepest expression any pass accepts (results of deep input grow deeper than the input).
  public static let maxDepth = 4 * Parser.maxNesting

  public init() {
    pool = ExpressionPool()
    differentiator = Differentiator(pool: pool)
    simplifier = Simplifier(pool: pool)
  }

  public func run(_ request: Request) throws(JacError) -> Answer {
    var functions: [Expr] = []
    for (i, text) in request.inputs.enumerated() {
      do {
        functions += try Parser.parseList(text, in: pool)
      } catch {
        throw .parse(error, input: i)
      }
    }
    let variableNames = request.variables ?? pool.freeSymbols(functions)
    let variables = variableNames.map(pool.symbol)
    let finish: (Expr) throws(JacError) -> Expr = { [self] e throws(JacError) in
      try checkDepth(e)
      let s = request.simplify ? simplifier.simplify(e) : e
      if pool.isUndefined(s) { throw .undefinedResult }
      return s
    }
    func needsVariables() throws(JacError) { if variables.isEmpty { throw .noVariables } }
    let value: Answer.Value
    switch request.command {
    case .simplify:
      let results = try functions.map(finish)
      value = results.count == 1 ? .scalar(results[0]) : .list(results)
    case .diff:
      let along = (request.along ?? variableNames).map(pool.symbol)
      if along.isEmpty { throw .noVariables }
      let results = try functions.map { f throws(JacError) in
        try finish(differentiator.derivative(try finish(f), along: along))
      }
      value = results.count == 1 ? .scalar(results[0]) : .list(results)
    case .jacobian:
      try needsVariables()
      value = .matrix(try jacobian(functions, variables, finish))
    case .det:
      try needsVariables()
      let j = try jacobian(functions, variables, finish)
      guard j.isSquare else { throw .notSquare(rows: j.rows, columns: j.columns) }
      value = .scalar(try finish(pool.determinant(j)))
    case .grad, .hessian:
      try needsVariables()
      guard functions.count == 1 else { throw .notScalar(command: request.command.rawValue, count: functions.count) }
      let f = try finish(functions[0])
      if request.command == .grad {
        value = .matrix(try differentiator.gradient(f, variables).map(finish))
      } else {
        value = .matrix(try differentiator.hessian(f, variables, finish: finish))
      }
    }
    var answer = Answer(command: request.command, variables: variableNames, value: value)
    let free = pool.freeSymbols(functions)
    for name in (request.variables ?? []) + (request.along ?? []) where !free.contains(name) {
      // Two different one-letter names are always one edit apart: that is no evidence of a typo.
      if let suggestion = EditDistance.suggestion(for: name, among: free),
        name.unicodeScalars.count > 1 || suggestion.unicodeScalars.count > 1,
        !answer.suspiciousVariables.contains(where: { $0.name == name })
      {
        answer.suspiciousVariables.append((name, suggestion))
      }
    }
    return answer
  }

  private func jacobian(_ functions: [Expr], _ variables: [Expr], _ finish: (Expr) throws(JacError) -> Expr)
    throws(JacError) -> Matrix
  {
    let simplified = try functions.map(finish)
    return try differentiator.jacobian(simplified, variables).map(finish)
  }

  private func checkDepth(_ e: Expr) throws(JacError) {
    if pool.depth(e) > Self.maxDepth { throw .tooDeep(limit: Self.maxDepth) }
  }
}
