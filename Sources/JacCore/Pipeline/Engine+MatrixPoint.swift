/// `--at` with vectors and matrices: `--at "x=[1, 2], A=[1, 2; 3, 4], c=2"`.
///
/// The sizes come from the values (x = [1, 2] makes n = 2) and must agree where the expression
/// makes two sizes one (A*x: A's columns are x's rows). The answer in matrix form is then
/// written out at those sizes with the values in place of the entries (``MatrixExpansion``,
/// what `--expand` and `--check` use), so every operation is done on numbers, exactly: a
/// product is sums of products of the values, an inverse adj(X)/det(X) of a numeric X. Each
/// entry is then finished as a scalar `--at` entry is (``Engine/substitute(into:_:)``): simplified,
/// rational numbers exact, other constants certified decimals (or exact with `--exact`).
///
/// Substituting into the written-out symbolic answer (`--expand`, then x1 = 1, A1_2 = 2, …)
/// gives the same numbers, but writes adj(X) and det(X) of a symbolic X first: n! terms.
extension Engine {
  /// The parsed point: each declared name's value (a vector as a column), the size of each size
  /// class, the scalars' values.
  struct MatrixPoint {
    var values: [String: Matrix] = [:]
    var order: [String] = []
    var sizes: [Int: Int] = [:]
    var scalars: [(name: String, symbol: Expr, value: Expr)] = []
  }

  /// The answer `result` (nil: 0) of shape `shape` at the `--at` point, a scalar or a matrix of
  /// numbers as scalar `--at` gives them.
  func matrixValue(
    _ result: MatrixExpr?, shape: Shape, _ f: MatrixExpr, variables: [String], _ request: Request,
    _ context: MatrixContext
  ) throws(JacError) -> Answer {
    let point = try matrixPoint(request.at ?? [], f, result, request, context)
    var scalars: [Expr: Expr] = [:]
    for (_, symbol, value) in point.scalars { scalars[symbol] = value }
    let expansion = MatrixExpansion(context: context, sizes: point.sizes, bindings: point.values, scalars: scalars)
    let (rows, columns) = (expansion.size(shape.rows), expansion.size(shape.columns))
    try checkSize(rows: rows, columns: columns)
    let m =
      result.map(expansion.expand)
      ?? Matrix(rows: rows, columns: columns, entries: Array(repeating: pool.zero, count: rows * columns))
    var answer = Answer(
      command: request.command, variables: variables, value: shape.isScalar ? .scalar(m[0, 0]) : .matrix(m))
    var c = Context(request: request, functions: [], names: [], variableNames: [], variables: [])
    c.point = point.scalars
    try substitute(into: &answer, c)
    answer.matrixPoint = point.order.map { ($0, point.values[$0]!, context.kinds[$0] == .vector) }
    answer.matrixKinks = matrixKinks(f, expansion, context)
    return answer
  }

  /// Reads the `--at` bindings: a literal for each declared name the function (or the result:
  /// `--jvp v`) mentions, an
  /// expression for a scalar; sizes from the values, checked against each other.
  private func matrixPoint(
    _ at: [Request.Binding], _ f: MatrixExpr, _ result: MatrixExpr?, _ request: Request, _ context: MatrixContext
  ) throws(JacError) -> MatrixPoint {
    var mentioned = context.variables(f)
    for name in result.map(context.variables) ?? [] where !mentioned.contains(name) { mentioned.append(name) }
    let written = writtenNames(request.inputs).union(context.scalarSymbols(f))
    func known(_ name: String) -> Bool {
      context.kinds[name] == nil ? written.contains(name) : mentioned.contains(name)
    }
    var point = MatrixPoint()
    /// Where each size class got its value: `'x' has 2 entries`.
    var origin: [Int: String] = [:]
    for binding in at {
      guard known(binding.name) else {
        let names = mentioned + written.filter { context.kinds[$0] == nil }.sorted()
        throw .unknownPointVariable(
          binding.name, suggestion: EditDistance.variableSuggestion(for: binding.name, among: names))
      }
      let kind = context.kinds[binding.name]
      guard MatrixLiteral.isLiteral(binding.value) else {
        if let kind { throw .matrixCalculus(.pointShape(name: binding.name, declared: kind, found: nil)) }
        let value: Expr
        do { value = try pointValue(binding.value, known: known) } catch {
          throw .optionParse(error, option: "--at", text: binding.value)
        }
        point.scalars.append((binding.name, pool.symbol(binding.name), value))
        continue
      }
      var value: Matrix
      do {
        value = try MatrixLiteral.parse(binding.value) { text throws(ParseError) in try pointValue(text, known: known) }
      } catch {
        throw .optionParse(error, option: "--at", text: binding.value)
      }
      let found = "\(value.rows)×\(value.columns)"
      guard let kind else { throw .matrixCalculus(.pointShape(name: binding.name, declared: nil, found: found)) }
      if kind == .vector {
        guard value.rows == 1 || value.columns == 1 else {
          throw .matrixCalculus(.pointShape(name: binding.name, declared: kind, found: found))
        }
        if value.rows == 1 { value = value.transposed }
      } else if kind == .symmetric {
        guard value.rows == value.columns else {
          throw .matrixCalculus(.pointShape(name: binding.name, declared: kind, found: found))
        }
        try checkSymmetric(value, binding.name)
      }
      let shape = context.declaredShape(binding.name)
      let sides =
        kind == .vector
        ? [(shape.rows, value.rows, "entry", "entries")]
        : [(shape.rows, value.rows, "row", "rows"), (shape.columns, value.columns, "column", "columns")]
      for (dim, count, one, many) in sides {
        let counted = "\(count) \(count == 1 ? one : many)"
        if count > MatrixProblem.maxExpandedSize {
          throw .matrixCalculus(.pointSizeLimit("'\(binding.name)' \(counted)"))
        }
        guard case .size(let k) = context.find(dim) else { continue }
        let said = "'\(binding.name)' has \(counted)"
        if let size = point.sizes[k], size != count {
          throw .matrixCalculus(.pointSizes(size: context.name(dim), first: origin[k]!, second: said))
        }
        point.sizes[k] = count
        origin[k] = origin[k] ?? said
      }
      point.values[binding.name] = value
      point.order.append(binding.name)
    }
    let missing = mentioned.filter { point.values[$0] == nil }
    if !missing.isEmpty { throw .missingPointVariables(missing) }
    try checkPointAgainstAssumptions(point.scalars)
    return point
  }

  /// A symmetric matrix's value equals its transpose, entry by entry, after simplification.
  private func checkSymmetric(_ value: Matrix, _ name: String) throws(JacError) {
    for i in 0..<value.rows {
      for j in (i + 1)..<value.columns where simplifier.simplify(pool.subtract(value[i, j], value[j, i])) != pool.zero {
        throw .matrixCalculus(.pointNotSymmetric(name: name, row: i + 1, column: j + 1))
      }
    }
  }
}
