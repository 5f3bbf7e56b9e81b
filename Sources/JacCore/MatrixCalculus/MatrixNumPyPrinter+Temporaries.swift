/// Temporaries in NumPy code: what the code would write twice is computed once.
///
/// - A matrix expression printed twice (`np.exp(y * (X @ w))` in logistic regression's
///   Hessian, `jac_softmax(z)` in logsumexp's) and a 1×1 atom used twice (`np.linalg.norm(x)`)
///   become `t0 = …`. Which ones is found by printing twice: the first pass counts what is
///   printed, the next names what was printed twice, until the set no longer changes (a
///   temporary's operands are then printed once, and lose their own).
/// - In an elementwise body, the entry is named when the body writes it twice, and the body's
///   shared nodes that depend on it (``CommonSubexpressions``, the scalar code's own rule) are
///   computed once. A node of a body over entries z is the matrix expression map(node, z), so
///   it is shared with the same function of z elsewhere: a layer's `tanh(W1*x)` and the
///   `1 - tanh(W1*x).^2` of its derivative compute `np.tanh(W1 @ x)` once.
extension MatrixNumPyPrinter {
  /// One printing pass: the statements made so far and what was asked for.
  struct Pass {
    var statements: [String] = []
    var temporaries: [MatrixExpr: String] = [:]
    var requests: [MatrixExpr: Int] = [:]
    var atomUses: [Expr: Int] = [:]
    var count = 0
  }

  /// The function's body: the temporaries, then `return` of `result`.
  mutating func body(_ result: MatrixExpr) -> [String] {
    let fixed = (scalars.names, scalars.levels)
    var lines: [String] = []
    for _ in 0..<4 {
      pass = Pass()
      (scalars.names, scalars.levels) = fixed
      let value = print(result).text
      lines = pass.statements + ["    return " + value]
      let again = Set(pass.requests.filter { $0.value >= 2 && Self.worthNaming($0.key) }.keys)
      let atoms = Set(pass.atomUses.filter { $0.value >= 2 }.keys)
      if again == shared && atoms == sharedAtoms { break }
      (shared, sharedAtoms) = (again, atoms)
    }
    return lines
  }

  /// A new temporary holding `text`: `t0`, `t1`, … (past any parameter of that name).
  mutating func temporary(_ text: String) -> String {
    var name = "t\(pass.count)"
    while parameterIDs.contains(name) { name += "_" }
    pass.count += 1
    pass.statements.append("    \(name) = \(text)")
    return name
  }

  /// Whether naming `m` saves work: not a name, a constant array or a transposed name.
  static func worthNaming(_ m: MatrixExpr) -> Bool {
    switch m.kind {
    case .variable, .differential, .identity, .ones, .scalar: return false
    case .transpose(let a):
      if case .variable = a.kind { return false }
      return true
    case .sum, .product, .hadamard, .inverse, .map, .diag, .trace, .det, .norm, .total: return true
    }
  }

  /// How often the code of `e` writes `symbol` (counting each shared node once).
  func writtenUses(of symbol: Expr, in e: Expr) -> Int {
    if e == symbol { return 1 }
    let shape = scalars
    let written = CommonSubexpressions.written(pool: pool, roots: [e]) { shape.shape($0) }.order
    return written.reduce(0) { $0 + shape.shape($1).operands.filter { $0 == symbol }.count }
  }

  /// `body` applied to each entry of `z`: z named if written twice, the body's shared nodes
  /// that depend on the entry computed once, each a temporary, named for this body only.
  mutating func elementwise(_ body: Expr, _ z: MatrixExpr) -> Printed {
    var entry = print(z)
    registerAtoms(in: body)
    let placeholder = context.placeholder
    let isName = entry.text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    if !isName && writtenUses(of: placeholder, in: body) >= 2 { entry = (temporary(entry.text), .atom) }
    scalars.names[placeholder] = entry.text
    scalars.levels[placeholder] = entry.level
    let printer = scalars
    let written = CommonSubexpressions.written(pool: pool, roots: [body]) { printer.shape($0) }.order
    let repeated = Set(CommonSubexpressions(pool: pool, roots: [body]) { printer.shape($0) }.shared)
    var local: [Expr] = []
    for g in written where g != body && context.mentionsPlaceholder(g) {
      // g over the same entries elsewhere (tanh(W1*x) as a layer's output and inside its
      // derivative 1 - tanh(W1*x).^2) is one matrix expression: one temporary for both.
      let across = MatrixExpr.map(g, z)
      pass.requests[across, default: 0] += 1
      guard repeated.contains(g) || shared.contains(across) else { continue }
      let t: String
      if let known = pass.temporaries[across] {
        t = known
      } else {
        t = temporary(scalars.code(g, top: g))
        if shared.contains(across) { pass.temporaries[across] = t }
      }
      scalars.names[g] = t
      scalars.levels[g] = .atom
      local.append(g)
    }
    let printed = (scalars.code(body), scalars.precedence(body, top: nil))
    for e in local + [placeholder] {
      scalars.names[e] = nil
      scalars.levels[e] = nil
    }
    return printed
  }
}
