/// `--steps`: the derivation of each explained entry, rule by rule, then the simplifier's rewrites.
extension Engine {
  /// Most entries `--steps` explains without `--entry`.
  public static let maxExplainedEntries = 16

  /// Each selected entry's derivation, in the order of the result. The answer's shape says what
  /// an entry is: ∂fᵢ/∂xⱼ labelled `[i,j]` (Jacobian), ∂f/∂xⱼ labelled `[j]` (gradient), or
  /// fₖ differentiated along `--wrt`, unlabelled (diff).
  func derivations(_ c: Context) throws(JacError) -> [EntryDerivation] {
    let shape = c.description.shape
    var selected: [(label: String, function: Int, variables: [String])] = []
    // linearize: the entries of A, B (C, D), labelled `A[1,2]`; its functions may be outputs.
    var functions = c.functions
    var rows = c.functions.count
    var columns = c.variableNames.count
    switch shape {
    case .perFunction:
      selected = c.functions.indices.map { ("", $0, c.request.along ?? c.variableNames) }
    case .iterates where c.request.command == .critical, .gradient:
      // critical: the gradient Newton's method drives to 0, derived entry by entry.
      (rows, columns) = (c.variableNames.count, 1)
      selected = c.variableNames.enumerated().map { j, v in ("[\(j + 1)]", 0, [v]) }
    case .jacobian:
      for i in c.functions.indices {
        for (j, v) in c.variableNames.enumerated() { selected.append(("[\(i + 1),\(j + 1)]", i, [v])) }
      }
    case .hessian:
      // ∂²f/∂xᵢ∂xⱼ, explained as ∂/∂xᵢ then ∂/∂xⱼ of the result.
      (rows, columns) = (c.variableNames.count, c.variableNames.count)
      for (i, u) in c.variableNames.enumerated() {
        for (j, v) in c.variableNames.enumerated() { selected.append(("[\(i + 1),\(j + 1)]", 0, [u, v])) }
      }
    case .labelled:
      if c.request.entry != nil {
        throw .notApplicable(.onlyFor([.entry], commands: [.jacobian, .grad, .hessian]))
      }
      functions = []
      for part in try linearizationParts(c) {
        let names = part.variables.map { pool.symbolName($0) ?? "" }
        for (i, f) in part.functions.enumerated() {
          functions.append(f)
          for (j, v) in names.enumerated() {
            selected.append(("\(part.name)[\(i + 1),\(j + 1)]", functions.count - 1, [v]))
          }
        }
      }
    case .scalar, .matrix, .pattern, .iterates:
      throw .notApplicable(
        .onlyFor([.steps], commands: Request.Command.allCases.filter { $0.description.accepts(.steps) }))
    }
    if let entry = c.request.entry {
      if shape == .perFunction { throw .entryOfEachFunction(c.request.command) }
      let (row, column) = shape == .gradient ? (entry.row, 1) : entry
      guard (1...max(rows, 1)).contains(row), (1...max(columns, 1)).contains(column) else {
        throw .entryOutside(row: row, column: column, rows: rows, columns: columns)
      }
      selected = [selected[(row - 1) * columns + (column - 1)]]
    }
    if selected.count > Self.maxExplainedEntries { throw .tooManyExplainedEntries(selected.count) }
    var result: [EntryDerivation] = []
    for s in selected {
      var f = try finish(functions[s.function], c)
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
}
