/// NumPy code of a matrix-calculus answer (`--format python` with `--vector`/`--matrix`): one
/// function whose parameters are the variables, then the other declared names the function
/// mentions, then its scalar symbols, each sorted; it returns the answer as an array.
///
///     jac grad "x'*A*x" --vector x --matrix A --format python
///     def gradient(x, A):
///         return (A + A.T) @ x
///
/// Vectors are 1-D arrays (shape (n,)), as NumPy users hold them; so is a row (a transposed
/// vector, the Jacobian of a scalar function). Matrices are 2-D. Hence the spelling:
///
///     A'  → A.T (a vector's transpose is itself)       u*v' → np.outer(u, v)
///     A*B → A @ B, a 1×1 factor scales: c * B           a .* b → a * b,  a ./ b → a / b
///     inv → np.linalg.inv, det → np.linalg.det, norm → np.linalg.norm (2-norm of a vector,
///     Frobenius of a matrix), tr → np.trace, diag → np.diag, sum → np.sum, I → np.eye(n),
///     ones(n) → np.ones(n) with n read off a parameter (`x.shape[0]`)
///
/// Scalars and elementwise bodies go through jac's code printer (``CodeExpressionPrinter``) in
/// NumPy's spelling (`np.tanh`, `np.arcsin`; ``CodeLanguage/numpyCall(_:_:)``). Written stably:
/// `exp(z)/sum(exp(z))` as `jac_softmax(z)` (exp(z − max z), normalised), `log(sum(exp(z)))`
/// as `jac_logsumexp(z)`, sigmoid as exp(−log(1 + e^(−z))) by `np.logaddexp`. A product with
/// `diag(v)` broadcasts instead of building the n×n matrix: `M*diag(v)` is `M * v`, `diag(v)*M`
/// is `v[:, None] * M` (`np.diag(v)` only alone). What the code would write twice is computed
/// once into a temporary (`MatrixNumPyPrinter+Temporaries.swift`).
public struct MatrixNumPyPrinter {
  let context: MatrixContext
  var pool: ExpressionPool { context.pool }
  var scalars: CodeExpressionPrinter
  /// Each size class (by representative) as code: `x.shape[0]`.
  private var sizes: [Int: String] = [:]
  /// Each declared name's parameter.
  private var parameterNames: [String: String] = [:]
  /// Temporaries (``MatrixNumPyPrinter+Temporaries.swift``): this pass's state, and what the
  /// previous pass found written twice.
  var pass = Pass()
  var shared: Set<MatrixExpr> = []
  var sharedAtoms: Set<Expr> = []
  /// Names the unit already uses (the parameters).
  var parameterIDs: Set<String> = []

  typealias Printed = (text: String, level: Precedence)

  public init(context: MatrixContext) {
    self.context = context
    scalars = CodeExpressionPrinter(pool: context.pool, language: .python)
    scalars.elementwise = true
  }

  /// The unit: imports, the helpers it calls (named `numpy …`: they take arrays, unlike the
  /// scalar helpers of the same names), the function `name` returning `result` (nil: 0).
  public mutating func unit(
    _ result: MatrixExpr?, shape: Shape, function f: MatrixExpr, variables: [String], name: String, summary: String
  ) -> CodeUnit {
    let language = CodeLanguage.python
    let mentioned = context.variables(f) + (result.map(context.variables) ?? [])
    let declared = Set(mentioned).subtracting(variables).sorted { ExpressionPool.compareNames($0, $1) < 0 }
    let symbols = Set(context.scalarSymbols(f) + (result.map(context.scalarSymbols) ?? []))
      .sorted { ExpressionPool.compareNames($0, $1) < 0 }
    var used = Set<String>()
    var parameters: [String] = []
    for (k, name) in (variables + declared + symbols).enumerated() {
      var id = language.identifier(name)
      while used.contains(id) { id += "_" }
      used.insert(id)
      parameters.append(id)
      if k < variables.count + declared.count {
        parameterNames[name] = id
        let shape = context.shape(context.variable(name))
        for (axis, d) in [shape.rows, shape.columns].enumerated() {
          if case .size(let i) = context.find(d), sizes[i] == nil { sizes[i] = "\(id).shape[\(axis)]" }
        }
      } else {
        scalars.symbols[pool.symbol(name)] = id
      }
    }
    parameterIDs = used
    let lines = result.map { body($0) } ?? ["    return " + zeros(shape)]
    let text = lines.joined(separator: "\n")
    let imports =
      (text.contains("jac_lambertw_array(") ? ["import math"] : []) + ["import numpy as np"]
      + (text.contains("scipy.special.") ? ["import scipy.special"] : [])
    let helpers = Self.helperOrder.filter { text.contains("jac_\($0)(") }.map { ("numpy " + $0, Self.helpers[$0]!) }
    let function = """
      def \(language.identifier(name))(\(parameters.joined(separator: ", "))):
          \"\"\"\(summary)\"\"\"
      \(text)

      """
    let alone = imports.map { $0 + "\n" }.joined() + "\n\n" + helpers.map(\.1).joined() + function
    return CodeUnit(language: language, imports: imports, helpers: helpers, function: function, text: alone)
  }

  private func size(_ d: Dim) -> String {
    guard case .size(let i) = context.find(d) else { return "1" }
    return sizes[i] ?? context.name(d)
  }

  /// The zero of a shape: 0.0, a 1-D array for a vector or a row, else 2-D.
  private func zeros(_ s: Shape) -> String {
    switch (s.rows, s.columns) {
    case (.one, .one): return "0.0"
    case (.one, let d), (let d, .one): return "np.zeros(\(size(d)))"
    default: return "np.zeros((\(size(s.rows)), \(size(s.columns))))"
    }
  }

  func wrapped(_ p: Printed, atLeast level: Precedence) -> String {
    p.level < level ? "(" + p.text + ")" : p.text
  }

  private func isVectorLike(_ s: Shape) -> Bool { s.rows == .one || s.columns == .one }

  /// `m` as code: a temporary's name if it has one, else its text (named now if written twice).
  mutating func print(_ m: MatrixExpr) -> Printed {
    pass.requests[m, default: 0] += 1
    if let t = pass.temporaries[m] { return (t, .atom) }
    let p = printed(m)
    guard shared.contains(m), Self.worthNaming(m) else { return p }
    let t = temporary(p.text)
    pass.temporaries[m] = t
    return (t, .atom)
  }

  private mutating func printed(_ m: MatrixExpr) -> Printed {
    switch m.kind {
    case .variable(let name):
      return (parameterName(name), .atom)
    case .differential(let name): return ("d" + CodeLanguage.python.identifier(name), .atom)
    case .identity(let d): return ("np.eye(\(size(d)))", .atom)
    case .ones(let d): return ("np.ones(\(size(d)))", .atom)
    case .scalar(let e): return scalar(e)
    case .sum(let terms): return sum(terms)
    case .product(let factors): return product(factors)
    case .hadamard(let factors):
      var text = ""
      for (k, f) in factors.enumerated() {
        if case .map(let body, let z) = f.kind, body == pool.reciprocal(context.placeholder), k > 0 {
          text += " / " + wrapped(print(z), atLeast: .unary)
          continue
        }
        text += (k == 0 ? "" : " * ") + wrapped(print(f), atLeast: k == 0 ? .product : .unary)
      }
      return (text, .product)
    case .transpose(let a):
      if isVectorLike(context.shape(a)) { return print(a) }
      return (wrapped(print(a), atLeast: .atom) + ".T", .atom)
    case .inverse(let a): return call("np.linalg.inv", a)
    case .map(let body, let z):
      if let softmax = softmax(m) { return softmax }
      return elementwise(body, z)
    case .diag(let a): return call("np.diag", a)
    case .trace(let a): return call("np.trace", a)
    case .det(let a): return call("np.linalg.det", a)
    case .norm(let a): return call("np.linalg.norm", a)
    case .total(let a): return call("np.sum", a)
    }
  }

  /// The parameter a declared name became (its Python identifier, renamed if reserved).
  private func parameterName(_ name: String) -> String {
    parameterNames[name] ?? CodeLanguage.python.identifier(name)
  }

  private mutating func call(_ name: String, _ a: MatrixExpr) -> Printed { (name + "(" + print(a).text + ")", .atom) }

  /// Whether a pool scalar is written with a leading minus (-2, -2*c).
  func isNegative(_ e: Expr) -> Bool {
    if let q = pool.rational(e) { return q < Rational(0) }
    if case .product(let fs) = pool.node(e), let q = pool.rational(fs[0]) { return q < Rational(0) }
    return false
  }

  /// The coefficient of a term and the rest (`-2*A*x` → (-2, A*x)).
  private func split(_ m: MatrixExpr) -> (Expr, MatrixExpr?) {
    MatrixSimplifier(context: context, simplifyScalar: { $0 }).split(m)
  }

  /// Terms in the order they were made, those written with a minus after the others.
  private mutating func sum(_ unordered: [MatrixExpr]) -> Printed {
    let negative = unordered.map { isNegative(split($0).0) }
    let terms =
      unordered.indices.filter { !negative[$0] }.map { unordered[$0] }
      + unordered.indices.filter { negative[$0] }.map { unordered[$0] }
    var text = ""
    for (k, t) in terms.enumerated() {
      let (c, rest) = split(t)
      if isNegative(c) {
        let positive = rest.map { r in pool.negate(c) == pool.one ? r : .product([.scalar(pool.negate(c)), r]) }
        let p = positive.map { print($0) } ?? scalar(pool.negate(c))
        text += (k == 0 ? "-" : " - ") + wrapped(p, atLeast: k == 0 ? .unary : .product)
      } else {
        text += (k == 0 ? "" : " + ") + wrapped(print(t), atLeast: .sum)
      }
    }
    return (text, .sum)
  }

  // MARK: Scalars

  /// A pool scalar as code: its atoms (1×1 matrix expressions) printed first and named by their
  /// text; `log(sum(exp(z)))` as `jac_logsumexp(z)`; `placeholder` for the entry of an
  /// elementwise body.
  mutating func scalar(_ e: Expr) -> Printed {
    registerAtoms(in: e)
    return (scalars.code(e), scalars.precedence(e, top: nil))
  }

  /// The atoms of `e` named by their code (a temporary where one is written twice), and each
  /// `log(sum(exp(z)))` as `jac_logsumexp(z)`; their uses counted for the next pass.
  mutating func registerAtoms(in e: Expr) {
    for (symbol, value) in context.atoms(in: e) {
      pass.atomUses[symbol, default: 0] += writtenUses(of: symbol, in: e)
      guard scalars.names[symbol] == nil else { continue }
      let p = print(value)
      if sharedAtoms.contains(symbol) && Self.worthNaming(value) {
        scalars.names[symbol] = temporary(p.text)
        scalars.levels[symbol] = .atom
      } else {
        scalars.names[symbol] = p.text
        scalars.levels[symbol] = p.level
      }
      if let z = exponentialSum(value) {
        let lse = pool.call(.log, symbol)
        scalars.names[lse] = "jac_logsumexp(" + print(z).text + ")"
        scalars.levels[lse] = .atom
      }
    }
  }
}
