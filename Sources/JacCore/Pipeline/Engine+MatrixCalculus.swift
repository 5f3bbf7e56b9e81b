/// A derivative in matrix form, as printed: `(A + A')*x`, its shape in symbolic sizes.
public struct MatrixForm {
  /// The result in jac's matrix syntax.
  public var text: String
  /// The result in LaTeX, printed when asked for (most answers are text).
  public var latex: String { latexText() }
  /// Rows and columns, as size names (`["n", "1"]`).
  public var shape: [String]
  let latexText: () -> String
  /// `--format python`: NumPy code, a function `name` with `summary` as its docstring
  /// (``MatrixNumPyPrinter``), written when asked for.
  public func python(name: String, summary: String) -> CodeUnit { pythonText(name, summary) }
  let pythonText: (String, String) -> CodeUnit
  /// `--check`: the largest relative disagreement found at each concrete size tried.
  public var check: MatrixCheck?
}

/// The engine step of a request that declares vectors or matrices (`--vector`, `--matrix`,
/// `--symmetric`): parse in the matrix layer, take the differential, identify the derivative,
/// simplify, print.
extension Engine {
  func matrixAnswer(_ request: Request) throws(JacError) -> Answer {
    let unsupported: [(Bool, Option)] = [
      (request.steps, .steps), (request.classify, .classify),
      (!request.definitions.isEmpty, .definitions), (!request.functions.isEmpty, .funcs),
      (!request.simplify, .noSimplify),
    ]
    for (given, option) in unsupported where given { throw .matrixCalculus(.unsupportedOption(option)) }
    guard request.inputs.count == 1 else { throw .matrixCalculus(.oneExpression(count: request.inputs.count)) }
    if request.at != nil, request.expand != nil || request.check {
      throw .matrixCalculus(.pointWith(request.check ? .check : .expand))
    }
    if request.check && request.assumptions != nil { throw .matrixCalculus(.checkWithAssumptions) }
    var kinds: [String: MatrixContext.Kind] = [:]
    let declared: [([String], MatrixContext.Kind)] = [
      (request.vectors, .vector), (request.matrices, .matrix), (request.symmetric, .symmetric),
    ]
    for (names, kind) in declared {
      for name in names {
        if kinds[name] != nil { throw .matrixCalculus(.declaredTwice(name)) }
        kinds[name] = kind
      }
    }
    let context = MatrixContext(pool: pool, kinds: kinds)
    let f: MatrixExpr
    var uses = Parser.Uses()
    do {
      f = try MatrixParser.parse(request.inputs[0], in: context, uses: &uses)
    } catch {
      throw .parse(error, input: 0)
    }
    if let text = request.assumptions {
      // About the scalars (`t > 0` in `sqrt(t^2)*x'*x`); not about a vector or matrix.
      simplifier.assumptions = try Assumptions(
        parsing: text, pool: pool, names: Set(context.scalarSymbols(f)), declared: kinds.mapValues(\.noun))
    }
    let calculus = MatrixCalculus(context: context, differentiator: differentiator) { [simplifier] in
      simplifier.simplify($0)
    }
    let variables = try matrixVariables(request, f, context)
    let result: MatrixExpr?
    if let text = request.jvp ?? request.vjp {
      result = try vectorProduct(text, isJVP: request.jvp != nil, f, variables, context, calculus)
    } else {
      result = try calculus.compute(request.command, f, variables: variables)
    }
    if let result, isUndefined(result) { throw .undefinedResult }
    let printer = MatrixPrinter(context: context)
    let shape = result.map(context.shape) ?? context.declaredShape(variables.first ?? "")
    if request.at != nil {
      var answer = try matrixValue(result, shape: shape, f, variables: variables, request, context)
      answer.eulerAlone = uses.eulerAlone
      answer.assumptions = simplifier.assumptions
      return answer
    }
    if let text = request.expand {
      let (m, bindings) = try expanded(result, shape, text, context)
      // The variables of the written-out answer are the variable's entries (x1, x2, …), the
      // parameters that come first in its code.
      var entries: [String] = []
      for name in variables {
        for e in bindings[name]?.entries ?? [] {
          if let s = pool.symbolName(e), !entries.contains(s) { entries.append(s) }
        }
      }
      var answer = Answer(command: request.command, variables: entries, value: .matrix(m))
      answer.eulerAlone = uses.eulerAlone
      answer.assumptions = simplifier.assumptions
      return answer
    }
    var form = MatrixForm(
      text: printer.string(result), shape: [context.name(shape.rows), context.name(shape.columns)],
      latexText: { MatrixLatexPrinter(context: context).string(result) },
      pythonText: { name, summary in
        var printer = MatrixNumPyPrinter(context: context)
        return printer.unit(result, shape: shape, function: f, variables: variables, name: name, summary: summary)
      }, check: nil)
    if request.check {
      form.check = MatrixCheck.run(
        function: f, result: result, command: request.command, variables: variables, context: context,
        differentiator: differentiator)
    }
    var answer = Answer(command: request.command, variables: variables, value: .matrixForm(form))
    answer.eulerAlone = uses.eulerAlone
    answer.assumptions = simplifier.assumptions
    return answer
  }

  /// `--jvp V` (V of the variable's shape) or `--vjp U` (U of the function's shape), read as
  /// matrix expressions in the request's declarations.
  private func vectorProduct(
    _ text: String, isJVP: Bool, _ f: MatrixExpr, _ variables: [String], _ context: MatrixContext,
    _ calculus: MatrixCalculus
  ) throws(JacError) -> MatrixExpr? {
    let option = isJVP ? "--jvp" : "--vjp"
    guard variables.count == 1 else {
      throw .matrixCalculus(.oneVariable(command: .jacobian, names: variables))
    }
    let x = variables[0]
    let v: MatrixExpr
    do {
      v = try MatrixParser.parse(text, in: context)
    } catch {
      throw .optionParse(error, option: option, text: text)
    }
    let needed = isJVP ? context.declaredShape(x) : context.shape(f)
    let given = context.shape(v)
    guard context.unify(needed.rows, given.rows), context.unify(needed.columns, given.columns) else {
      // A bare name nobody declared is a scalar: say how to declare it in the shape needed.
      var declare: String?
      if case .scalar(let e) = v.kind, let name = pool.symbolName(e), context.kinds[name] == nil, !needed.isScalar {
        declare = (needed.columns == .one || needed.rows == .one ? "--vector " : "--matrix ") + name
      }
      throw .matrixCalculus(
        .productShape(
          option: option, needed: context.describe(needed), found: context.describe(given), declare: declare))
    }
    return isJVP ? calculus.jvp(f, x, direction: v) : try calculus.vjp(f, x, cotangent: v)
  }

  /// `--expand n=3,m=2`: the answer written out at these sizes, entry by entry, each simplified;
  /// a vector x's entries are x1, x2, …, a matrix A's A1_1, A1_2, … (a symmetric S's S1_2 is S2_1;
  /// b1's entries are b1_1, b1_2, …).
  private func expanded(
    _ result: MatrixExpr?, _ shape: Shape, _ text: String, _ context: MatrixContext
  ) throws(JacError) -> (Matrix, [String: Matrix]) {
    let classes = context.sizeClasses()
    let names = classes.map { context.name(.size($0)) }
    var sizes: [Int: Int] = [:]
    func trimmed(_ s: Substring) -> String { String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = piece.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, let value = Int(trimmed(parts[1])), (1...MatrixProblem.maxExpandedSize).contains(value)
      else { throw .matrixCalculus(.expandValue(String(piece))) }
      guard let k = names.firstIndex(of: trimmed(parts[0])) else {
        throw .matrixCalculus(.unknownSize(trimmed(parts[0]), sizes: names))
      }
      sizes[classes[k]] = value
    }
    let missing = classes.indices.filter { sizes[classes[$0]] == nil }.map { names[$0] }
    if !missing.isEmpty { throw .matrixCalculus(.missingSizes(missing)) }
    func size(_ d: Dim) -> Int {
      guard case .size(let i) = context.find(d) else { return 1 }
      return sizes[i] ?? 1
    }
    var bindings: [String: Matrix] = [:]
    for (name, kind) in context.kinds {
      let s = context.declaredShape(name)
      let (rows, columns) = (size(s.rows), size(s.columns))
      var entries: [Expr] = []
      for i in 1...rows {
        for j in 1...columns {
          let (a, b) = kind == .symmetric ? (min(i, j), max(i, j)) : (i, j)
          // A name ending in a digit takes a separator: b1_2, W1_2_1 (not b12, W12_1).
          let stem = name.last?.isNumber == true ? name + "_" : name
          entries.append(pool.symbol(kind == .vector ? "\(stem)\(a)" : "\(stem)\(a)_\(b)"))
        }
      }
      bindings[name] = Matrix(rows: rows, columns: columns, entries: entries)
    }
    let (rows, columns) = (size(shape.rows), size(shape.columns))
    try checkSize(rows: rows, columns: columns)
    guard let result else {
      return (
        Matrix(rows: rows, columns: columns, entries: Array(repeating: pool.zero, count: rows * columns)), bindings
      )
    }
    let m = MatrixExpansion(context: context, sizes: sizes, bindings: bindings, scalars: [:]).expand(result)
    return (m.map { simplifier.simplify($0) }, bindings)
  }

  /// Whether a scalar of `m` is undefined (a simplification revealed a division by zero). Each
  /// node is looked at once: an answer shares its subexpressions (a deep network's Jacobian holds
  /// each inner layer in every `diag(…)` above it).
  private func isUndefined(_ m: MatrixExpr) -> Bool {
    var seen: Set<ObjectIdentifier> = []
    func undefined(_ m: MatrixExpr) -> Bool {
      guard seen.insert(ObjectIdentifier(m.node)).inserted else { return false }
      switch m.kind {
      case .scalar(let e): return pool.isUndefined(e)
      case .map(let body, let a): return pool.isUndefined(body) || undefined(a)
      default: return m.children.contains(where: undefined)
      }
    }
    return undefined(m)
  }

  /// `--vars`, each a declared name the function mentions; default: the vectors it mentions
  /// (matrices are constants, as in `x'*A*x`), or its matrices if it mentions no vector.
  private func matrixVariables(_ request: Request, _ f: MatrixExpr, _ context: MatrixContext) throws(JacError)
    -> [String]
  {
    let mentioned = context.variables(f)
    guard let asked = request.variables else {
      if request.command == .simplify { return [] }
      let vectors = mentioned.filter { context.kinds[$0] == .vector }
      return vectors.isEmpty ? mentioned : vectors
    }
    for name in asked {
      if context.kinds[name] == nil { throw .matrixCalculus(.scalarVariable(name)) }
      if !mentioned.contains(name) { throw .matrixCalculus(.absentVariable(name)) }
    }
    return asked
  }
}
