/// The steps after the symbolic result: products with a vector (`--jvp`, `--vjp`) and values at
/// a point (`--at`).
extension Engine {
  /// J·v (an m×1 column) for `--jvp v`, uᵀ·J (a 1×n row) for `--vjp u`; entries simplified.
  func applyVectors(_ answer: inout Answer, _ c: Context) throws(JacError) {
    guard c.request.jvp != nil || c.request.vjp != nil else { return }
    guard case .matrix(let j) = answer.value, c.description.accepts(.jvp) else {
      throw .notApplicable(
        .onlyFor([.jvp, .vjp], commands: Request.Command.allCases.filter { $0.description.accepts(.jvp) }))
    }
    if let text = c.request.jvp {
      let v = try vector(text, option: "--jvp", length: j.columns)
      // (J·v)ᵢ = Σⱼ Jᵢⱼ·vⱼ over row i's nonzeros.
      let entries = try (0..<j.rows).map { i throws(JacError) in
        let terms = (j.rowStarts[i]..<j.rowStarts[i + 1]).map { k in
          pool.multiply(j.values[k], v[Int(j.columnIndices[k])])
        }
        return try finish(terms.isEmpty ? pool.zero : pool.add(terms), c)
      }
      answer.value = .matrix(Matrix(rows: j.rows, columns: 1, entries: entries))
      answer.vectorProduct = .jvp
    } else if let text = c.request.vjp {
      let u = try vector(text, option: "--vjp", length: j.rows)
      // (uᵀ·J)ₖ = Σᵢ uᵢ·Jᵢₖ over column k's nonzeros.
      let (order, starts, rowOf) = j.columnOrder()
      let entries = try (0..<j.columns).map { k throws(JacError) in
        let terms = (starts[k]..<starts[k + 1]).map { p in pool.multiply(u[rowOf[p]], j.values[order[p]]) }
        return try finish(terms.isEmpty ? pool.zero : pool.add(terms), c)
      }
      answer.value = .matrix(Matrix(rows: 1, columns: j.columns, entries: entries))
      answer.vectorProduct = .vjp
    }
  }

  /// A comma-separated list of expressions given as an option's value, of the given length.
  func vector(_ text: String, option: String, length: Int) throws(JacError) -> [Expr] {
    let v: [Expr]
    do {
      v = try Parser.parseList(text, in: pool)
    } catch {
      throw .optionParse(error, option: option, text: text)
    }
    guard v.count == length else { throw .vectorLength(option: option, given: v.count, expected: length) }
    return v
  }

  /// Parses the `--at` bindings, once for the whole request: each name must occur in the input
  /// (or be a variable), each value is an expression.
  func parsePoint(_ at: [Request.Binding], _ c: Context) throws(JacError) -> [(name: String, symbol: Expr, value: Expr)]
  {
    let free = pool.freeSymbols(c.functions)
    // A name the input writes counts even when simplification removed it (`0*log(x)` is 0); the
    // inputs are read for their names only when a name is not found otherwise.
    var written: Set<String>?
    func known(_ name: String) -> Bool {
      if free.contains(name) || c.variableNames.contains(name) { return true }
      if written == nil {
        written = writtenNames(c.request.inputs + [c.request.linearization?.output].compactMap { $0 })
      }
      return written!.contains(name)
    }
    var point: [(name: String, symbol: Expr, value: Expr)] = []
    var matrix: (name: String, found: String)?
    for binding in at {
      guard known(binding.name) else {
        throw .unknownPointVariable(
          binding.name, suggestion: EditDistance.variableSuggestion(for: binding.name, among: free))
      }
      do throws(ParseError) {
        if MatrixLiteral.isLiteral(binding.value) {
          // A vector or matrix value for a name nobody declared one.
          let m = try MatrixLiteral.parse(binding.value) { text throws(ParseError) in try pointValue(text, known: known)
          }
          matrix = (binding.name, "\(m.rows)×\(m.columns)")
          break
        }
        point.append((binding.name, pool.symbol(binding.name), try pointValue(binding.value, known: known)))
      } catch {
        throw .optionParse(error, option: "--at", text: binding.value)
      }
    }
    if let (name, found) = matrix { throw .matrixCalculus(.pointShape(name: name, declared: nil, found: found)) }
    try checkPointAgainstAssumptions(point)
    return point
  }

  /// One `--at` value, an expression; `known` tells the input's names.
  func pointValue(_ text: String, known: (String) -> Bool) throws(ParseError) -> Expr {
    let value = try Parser.parseExpression(text, in: pool)
    // `inf`, `nan`: a symbol to jac, never the value the writer meant (x^2 at x=-inf was -2*inf).
    for name in pool.freeSymbols([value]) where Self.nonFiniteNames.contains(name.lowercased()) && !known(name) {
      let range = Definitions.range(of: name, in: text, from: 0) ?? SourceRange(0, text.utf8.count)
      throw ParseError(.nonFiniteValue(name: name), range)
    }
    return value
  }

  /// Names that other tools read as infinity or NaN (compared in lowercase): jac has neither.
  static let nonFiniteNames: Set<String> = ["inf", "infinity", "oo", "nan"]

  /// The names the inputs write (identifiers that are not functions or constants), whatever
  /// their parsed form kept.
  func writtenNames(_ inputs: [String]) -> Set<String> {
    var names = Set<String>()
    for text in inputs {
      var lexer = Lexer(text)
      while case let token = lexer.nextSkippingErrors(), token.kind != .end {
        if case .identifier(let name) = token.kind, Parser.isVariableName(name) { names.insert(name) }
      }
    }
    return names
  }

  /// The numeric values of the point's coordinates that are real numbers (for `--check` there).
  func numericBindings(_ point: [(name: String, symbol: Expr, value: Expr)]) -> [String: Double] {
    var values: [String: Double] = [:]
    for (name, _, value) in point {
      let v = pool.evaluate(value, [:])
      if v.isFinite { values[name] = v }
    }
    return values
  }

  /// Substitutes the `--at` values into every entry and simplifies again. A variable the result
  /// still depends on without a value is an error (so `--at r=2` is enough for the polar
  /// determinant `r`); so is an entry that becomes undefined, or a constant that is not real.
  /// Each constant entry that is not a rational number is then evaluated rigorously
  /// (``ExpressionPool/certifiedValues(_:digits:)``): its decimal, or (with `--exact`) only
  /// that it is real; a value beyond 10^±39000 keeps its exact form (`3^100000 + 1`).
  func substitute(into answer: inout Answer, _ c: Context) throws(JacError) {
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in c.point { values[symbol] = value }
    // linearize may leave some of its variables symbolic (A at θ = 0 for any input F).
    let unbound = c.request.command == .linearize ? [] : Set(c.variableNames.filter { values[pool.symbol($0)] == nil })
    var constants: [(Expr, String)] = []
    func evaluated(_ e: Expr, label: String) throws(JacError) -> Expr {
      let s: Expr
      do {
        s = try finish(pool.substitute([e], values)[0], c)
      } catch .undefinedResult {
        throw .undefinedAtPoint(entry: label)
      }
      let free = pool.freeSymbols([s])
      let missing = free.filter(unbound.contains)
      if !missing.isEmpty { throw .missingPointVariables(missing) }
      if free.isEmpty && !pool.isNumber(s) { constants.append((s, label)) }
      return s
    }
    if let det = answer.determinant {
      let d = try evaluated(det, label: "det J")
      if d == pool.zero { throw .singularAtPoint }
      answer.determinant = d
    }
    if var implicit = answer.implicit {
      let d = try evaluated(implicit.condition, label: "det ∂F/∂(dep)")
      if d == pool.zero { throw .implicitSingularAtPoint }
      implicit.condition = d
      implicit.offCurve = offCurve(values, c)
      answer.implicit = implicit
    }
    switch answer.value {
    case .scalar(let e): answer.value = .scalar(try evaluated(e, label: "the result"))
    case .list(let es):
      answer.value = .list(
        try es.enumerated().map { k, e throws(JacError) in try evaluated(e, label: "component \(k + 1)") })
    case .matrix(let m):
      // A zero entry stays 0 at every point: only the nonzeros are evaluated.
      answer.value = .matrix(
        try m.mapNonzeros { i, j, e throws(JacError) in try evaluated(e, label: "entry [\(i + 1),\(j + 1)]") })
    case .labelled(let ms):
      answer.value = .labelled(
        try ms.map { name, m throws(JacError) in
          let label = { (i: Int, j: Int) in "\(name)[\(i + 1),\(j + 1)]" }
          return (name, try m.mapNonzeros { i, j, e throws(JacError) in try evaluated(e, label: label(i, j)) })
        })
    case .newton: throw .notApplicable(.notFor(.at, command: c.request.command))
    case .matrixForm: throw .matrixCalculus(.unsupportedOption(.at))
    }
    answer.point = c.point.map { ($0.name, $0.value) }
    answer.kinks = kinks(c).on
    try certify(constants, into: &answer, c)
  }

  /// implicit at a point: the first equation whose F is there a number other than 0, and that
  /// number (an F that keeps a name the point does not give, or is undefined there, is passed).
  private func offCurve(_ values: [Expr: Expr], _ c: Context) -> (equation: Int, value: Expr)? {
    for (i, f) in c.functions.enumerated() {
      guard let v = try? finish(pool.substitute([f], values)[0], c), pool.isNumber(v), v != pool.zero else { continue }
      return (i, v)
    }
    return nil
  }

  /// Evaluates the constant entries rigorously, in order: the first that is not real, or not
  /// decided within the work limit, is the error; the decimals go into the answer.
  func certify(_ entries: [(Expr, String)], into answer: inout Answer, _ c: Context) throws(JacError) {
    var distinct: [Expr] = []
    var seen = Set<Expr>()
    for (e, _) in entries where seen.insert(e).inserted { distinct.append(e) }
    let results = Dictionary(
      uniqueKeysWithValues: zip(distinct, pool.certifiedValues(distinct, digits: c.request.decimals)))
    for (e, label) in entries {
      switch results[e]! {
      case .decimal(let text): answer.decimals[e] = text
      case .real, .beyondDecimals: break
      case .notReal: throw .undefinedAtPoint(entry: label)
      case .outOfRange: throw .limit(.valueRange(entry: label))
      case .unsupported: throw .limit(.certifiedFunctions(entry: label))
      case .uncertain(let nearZero):
        throw .limit(.certification(entry: label, nearZero: nearZero, digits: c.request.decimals))
      }
    }
  }

  /// The calls of the input at a kink or jump at the point (``Function/isKink(at:)``; max and
  /// min where two arguments tie for the largest or smallest), in the order of the input, each once. The arguments are
  /// decided exactly, with the point's exact values: a call is noted unless balls prove its
  /// argument off the kink (``ExpressionPool/provedOffKinks(_:)``), so floor(x*pi) at x = 10^20 is
  /// not noted though its double is an integer, and sqrt(2)*sqrt(3) - sqrt(6) (exactly 0) is.
  /// With `branchCuts`, also atan2(y, x) on its jump (y = 0, x ≤ 0), which its derivatives do not
  /// see but its value does (for taylor, which needs the function smooth at the point). A call
  /// whose arguments at the point still hold a symbol (abs(x - a) at x = 0) is on its kink or not
  /// depending on it: it goes into `undecided`, with its arguments there, when they hold a name
  /// of the point.
  func kinks(_ c: Context, branchCuts: Bool = false) -> (on: [Expr], undecided: [UndecidedKink]) {
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in c.point { values[symbol] = value }
    var found: [Expr] = []
    var undecided: [UndecidedKink] = []
    for e in pool.distinctNodes(c.functions) {
      guard let (kind, arguments) = pool.kinkCall(e, branchCuts: branchCuts) else { continue }
      let substituted = pool.substitute(arguments, values)
      if !pool.freeSymbols(substituted).isEmpty {
        // A kink of the parameters alone (abs(a)) is no kink along the point's variables.
        if pool.freeSymbols(arguments).contains(where: { values[pool.symbol($0)] != nil }) {
          undecided.append(UndecidedKink(call: e, kind: kind, arguments: substituted))
        }
        continue
      }
      if !pool.provedOffKinks(substituted, kind) { found.append(e) }
    }
    return (found, undecided)
  }
}
