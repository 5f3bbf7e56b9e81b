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
  /// Whether this request's input wrote the constant `e` alone (``Parser/Uses/eulerAlone``).
  private var eulerAlone = false
  /// Whether this request's input raised a variable `E` to a symbolic power (``Parser/Uses/capitalEBase``).
  private var capitalEBase = false
  /// The differentiation work of this request so far, as bounded before each pass
  /// (``checkDerivativeWork(_:along:)``).
  var derivativeWork = 0
  private let clock = MonotonicClock()

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
    /// `--where`, read once: the definitions substituted into the functions (and into
    /// linearize's outputs).
    var definitions: Definitions?
    var description: CommandDescription { request.command.description }
  }

  /// What a command's engine step computes: the value, and for `inverse` det J.
  struct Computed {
    var value: Answer.Value
    var determinant: Expr?
    /// For implicit and taylor: what `--steps` shows.
    var explanation: [ExplanationLine] = []
    /// For critical: the second-derivative test at the point found.
    var classification: CriticalPoint?
    /// For implicit: the names and the condition.
    var implicit: Answer.Implicit?
    /// For taylor: each polynomial's terms in print order.
    var orderedTerms: [Expr: [(negative: Bool, magnitude: Expr)]] = [:]
    /// For det and logdet: which determinant, of a Jacobian of which size.
    var determinantKind: Answer.DeterminantKind?
    var jacobianSize: (rows: Int, columns: Int)?
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
    var request = request
    try request.validate()
    // Nothing of an earlier request carries over: its assumptions, its share of the budgets.
    simplificationCut = false
    eulerAlone = false
    capitalEBase = false
    simplifier.startRequest()
    simplifier.assumptions = nil
    derivativeWork = 0
    pool.numberTooLarge = false
    pool.numberWork = 0
    if request.isMatrixCalculus { return try matrixAnswer(request) }
    if request.expand != nil { throw .matrixCalculus(.expandWithoutMatrices) }
    let parseStart = clock.now
    var functions: [Expr] = []
    var names: [String?] = []
    for text in request.inputs where text.utf8.count > Limits.inputBytes {
      throw .limit(.inputBytes(text.utf8.count))
    }
    pool.reserve(forInputBytes: request.inputs.reduce(0) { $0 + $1.utf8.count })
    var uses = Parser.Uses()
    var stateNames: [(component: Parser.Component, input: Int)] = []
    for (i, text) in request.inputs.enumerated() {
      do throws(ParseError) {
        if request.command.readsEquations {
          // Equations, lhs = rhs read as lhs − rhs: not named components.
          let equations = try Parser.parseEquations(text, in: pool, functions: Set(request.functions), uses: &uses)
          functions += equations
          names += equations.map { _ in nil }
          continue
        }
        let components = try Parser.parseComponents(text, in: pool, functions: Set(request.functions), uses: &uses)
        functions += components.map(\.expression)
        names += components.map(\.name)
        if request.linearization != nil {
          stateNames += components.map { ($0, i) }
        } else if let named = components.first(where: { $0.prime != nil }) {
          throw ParseError(.stateEquation(name: named.name!), named.prime!)
        }
      } catch {
        // The pool's number flag is set by the size limit and by the work budget alike.
        if error.message == .numberTooLarge && pool.numberWork > ExpressionPool.maxNumberWork {
          throw .limitInInput(.numberWork, error.range, input: i)
        }
        throw .parse(error, input: i)
      }
    }
    eulerAlone = uses.eulerAlone
    capitalEBase = uses.capitalEBase
    if let setting = request.linearization {
      (functions, names) = try orderedByState(stateNames, setting.state)
    }
    var definitions: Definitions?
    if !request.definitions.isEmpty {
      let declared = (request.variables ?? []) + (request.along ?? [])
      let d = try Definitions(request.definitions, pool: pool, functions: Set(request.functions), variables: declared)
      if let (input, error) = d.firstApplication(in: request.inputs) { throw .parse(error, input: input) }
      if let bound = request.at?.first(where: { b in d.items.contains { $0.name == b.name } }) {
        throw .pointForDefinition(bound.name)
      }
      functions = pool.substitute(functions, d.bindings)
      definitions = d
    }
    if let text = request.assumptions {
      let names = Set(pool.freeSymbols(functions) + (request.variables ?? []) + (request.along ?? []))
      simplifier.assumptions = try Assumptions(parsing: text, pool: pool, names: names)
    }
    timings.parse += clock.now - parseStart
    if functions.count > Limits.components { throw .limit(.components(functions.count)) }
    // Without --vars, the free symbols as nodes: their names need not be looked up again.
    var variables = request.variables == nil && request.linearization == nil ? pool.freeSymbolNodes(functions) : nil
    var variableNames =
      request.variables ?? request.linearization.map { $0.state + $0.input } ?? variables!.map { pool.symbolName($0)! }
    if request.command == .implicit, let dependent = request.dependent {
      // The independent variables first (--wrt, else the other free names), then the dependent.
      variableNames = (request.along ?? variableNames.filter { !dependent.contains($0) }) + dependent
      variables = nil
    }
    if variableNames.count > Limits.variables { throw .limit(.variables(variableNames.count)) }
    if request.command == .diff, let k = request.order {
      request.along = try repeatedDirection(order: k, request.along ?? variableNames, given: request.along != nil)
    }
    var context = Context(
      request: request, functions: functions, names: names, variableNames: variableNames,
      variables: variables ?? variableNames.map(pool.symbol))
    context.definitions = definitions
    let computed: Computed
    do {
      computed = try context.description.compute(self, context)
    } catch .undefinedResult {
      throw orderDerivative(context) ?? .undefinedResult
    } catch {
      throw error
    }
    if let at = request.at { context.point = try parsePoint(at, context) }
    var answer = Answer(command: request.command, variables: variableNames, value: computed.value)
    answer.componentNames = names
    answer.assumptions = simplifier.assumptions
    answer.determinant = computed.determinant
    answer.linearization = request.linearization
    answer.implicit = computed.implicit
    answer.orderedTerms = computed.orderedTerms
    answer.classification = computed.classification
    if request.withValue {
      answer.functionValues = try context.functions.map { f throws(JacError) in try finish(f, context) }
    }
    if request.command == .implicit, let k = request.order, k > 1 { answer.order = k }
    if request.command == .taylor {
      answer.order = request.order ?? Engine.defaultTaylorOrder
      answer.expansionPoint = context.point.map { ($0.name, $0.value) }
    }
    answer.determinantKind = computed.determinantKind
    answer.jacobianSize = computed.jacobianSize
    answer.along = request.along ?? variableNames
    // Not a loop over `[(Bool, String)]`: an array of that tuple had its metadata built at run
    // time on every start (issue 20).
    if request.check || request.at != nil {
      let roots = answer.value.expressions + [answer.determinant].compactMap { $0 }
      if let name = pool.undefinedFunctions(roots).first {
        throw .undefinedFunction(name: name, use: request.check ? "'--check'" : "'--at'")
      }
    }
    if request.check || request.steps || request.classify { try checkWhole(answer) }
    if request.check { answer.check = try check(answer, context) }
    if request.steps && [.implicit, .taylor].contains(request.command) {
      if request.entry != nil { throw .entryOfEachFunction(request.command) }
      answer.explanation = computed.explanation
    } else if request.steps && [.det, .logdet, .inverse].contains(request.command) {
      answer.determinantSteps = try determinantSteps(context)
    } else if request.steps {
      answer.derivations = try derivations(context)
    }
    try applyVectors(&answer, context)
    // taylor's point is where it expands, not a value to substitute into its polynomial.
    if request.at != nil && request.command != .taylor { try substitute(into: &answer, context) }
    if request.classify { answer.classification = try classification(answer, context) }
    if request.volumeElement, case .scalar(let det) = answer.value {
      let factor = try finish(pool.call(.abs, det), context)
      answer.volumeFactor = factor
      if request.at != nil && pool.freeSymbols([factor]).isEmpty && !pool.isNumber(factor) {
        try certify([(factor, "|det J|")], into: &answer, context)
      }
    }
    if let definitions, !request.inline { try fold(&answer, definitions, context) }
    answer.suspiciousVariables = suspiciousVariables(context)
    answer.simplificationCut = simplificationCut
    answer.eulerAlone = eulerAlone
    answer.capitalEBase = capitalEBase
    answer.eulerAloneInDefinitions = context.definitions?.eulerAlone ?? false
    return answer
  }

  /// diff `--order k`: the one variable to differentiate along, k times (`--wrt x --order 3` is
  /// `--wrt x,x,x`, d³f/dx³).
  private func repeatedDirection(order k: Int, _ names: [String], given: Bool) throws(JacError) -> [String] {
    guard k > 0, names.count == 1 else {
      if names.isEmpty { throw .noVariables }
      throw .derivativeOrder(k, variables: names, wrt: given)
    }
    return Array(repeating: names[0], count: k)
  }

  /// Why a result came out undefined when a command differentiated along a variable that the
  /// order n of polygamma(n, x) depends on: ψ⁽ⁿ⁾ is defined for whole numbers n only, so its
  /// partial along n is undefined (``ExpressionPool/partial(_:_:_:)``), which would otherwise
  /// be reported as a division by zero.
  private func orderDerivative(_ c: Context) -> JacError? {
    guard c.request.command != .simplify else { return nil }
    let along = Set(c.request.along ?? c.variableNames)
    for e in pool.distinctNodes(c.functions) where pool.applied(e) == .polygamma {
      if let name = pool.freeSymbols([pool.operand(e, 0)]).first(where: along.contains) {
        return .orderDerivative(variable: name)
      }
    }
    return nil
  }

  /// `--check`, `--steps` and `--classify` go through a matrix result entry by entry, zeros
  /// included: it must be within ``Limits/denseEntries``.
  private func checkWhole(_ answer: Answer) throws(JacError) {
    switch answer.value {
    case .matrix(let m): try checkSize(rows: m.rows, columns: m.columns)
    case .labelled(let ms): for (_, m) in ms { try checkSize(rows: m.rows, columns: m.columns) }
    case .scalar, .list, .newton, .matrixForm: break
    }
  }

  /// Depth check, then simplification (unless `--no-simplify`); an undefined result is an error.
  func finish(_ e: Expr, _ c: Context) throws(JacError) -> Expr {
    // A number is its own simplified form (most entries of a big sparse Jacobian are 0).
    if pool.isNumber(e) && !pool.numberTooLarge { return e }
    return try simplifying { () throws(JacError) in try finishUntimed(e, c) }
  }

  /// ``finish(_:_:)`` of each of `es`, timed as a whole (``simplifying(_:)``).
  func finish(each es: [Expr], _ c: Context) throws(JacError) -> [Expr] {
    try simplifying { () throws(JacError) in try es.map { e throws(JacError) in try finishUntimed(e, c) } }
  }

  /// `body`, its time counted as simplification: for ``finishUntimed(_:_:)`` of many entries,
  /// two clock reads for each entry of a big Jacobian were 80,000 reads for Bratu with
  /// n = 20,000 (about 85 instructions each).
  func simplifying<T>(_ body: () throws(JacError) -> T) throws(JacError) -> T {
    let start = clock.now
    defer { timings.simplify += clock.now - start }
    return try body()
  }

  /// ``finish(_:_:)`` without its clock (inside ``simplifying(_:)``).
  func finishUntimed(_ e: Expr, _ c: Context) throws(JacError) -> Expr {
    if pool.isNumber(e) && !pool.numberTooLarge { return e }
    if pool.depth(e) > Self.maxDepth { throw .limit(.depth) }
    let s = c.request.simplify ? simplifier.simplify(e) : e
    if c.request.simplify && simplifier.budgetExhausted { simplificationCut = true }
    if pool.numberTooLarge { throw .limit(pool.numberWork > ExpressionPool.maxNumberWork ? .numberWork : .numberSize) }
    if pool.isUndefined(s) { throw .undefinedResult }
    if pool.treeSize(s) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the result")) }
    return s
  }

  /// Puts each definition's name wherever its right-hand side occurs in the answer
  /// (``Definitions/fold(_:keys:below:)``), and lists the definitions in terms of earlier names.
  private func fold(_ answer: inout Answer, _ definitions: Definitions, _ c: Context) throws(JacError) {
    let keys = try definitions.items.map { item throws(JacError) in try finish(item.expanded, c) }
    answer.definitions = definitions.items.indices.map { k in
      (definitions.items[k].name, definitions.fold([keys[k]], keys: keys, below: k)[0])
    }
    func folded(_ e: Expr) -> Expr { definitions.fold([e], keys: keys)[0] }
    switch answer.value {
    case .scalar(let e): answer.value = .scalar(folded(e))
    case .list(let es): answer.value = .list(definitions.fold(es, keys: keys))
    case .matrix(let m): answer.value = .matrix(m.withValues(definitions.fold(m.values, keys: keys)))
    case .labelled(let ms):
      answer.value = .labelled(ms.map { name, m in (name, m.withValues(definitions.fold(m.values, keys: keys))) })
    case .newton, .matrixForm: break
    }
    answer.determinant = answer.determinant.map(folded)
    if var implicit = answer.implicit {
      implicit.condition = folded(implicit.condition)
      answer.implicit = implicit
    }
    answer.volumeFactor = answer.volumeFactor.map(folded)
  }

  /// Names asked for with --vars or --wrt that do not occur in the input but are close to one
  /// that does.
  private func suspiciousVariables(_ c: Context) -> [(name: String, suggestion: String)] {
    var found: [(name: String, suggestion: String)] = []
    if c.request.variables == nil && c.request.along == nil { return found }
    let free = pool.freeSymbols(c.functions)
    let present = Set(free)
    for name in (c.request.variables ?? []) + (c.request.along ?? []) where !present.contains(name) {
      if let suggestion = EditDistance.variableSuggestion(for: name, among: free),
        !found.contains(where: { $0.name == name })
      {
        found.append((name, suggestion))
      }
    }
    return found
  }
}
