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

  /// The unit: imports, the helpers it calls, the function `name` returning `result` (nil: 0).
  public mutating func unit(
    _ result: MatrixExpr?, shape: Shape, function f: MatrixExpr, variables: [String], name: String, summary: String
  ) -> String {
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
        let shape = context.shape(.variable(name))
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
    var imports = "import numpy as np\n"
    if text.contains("scipy.special.") { imports += "import scipy.special\n" }
    let helpers = Self.helperOrder.filter { text.contains("jac_\($0)(") }.map { Self.helpers[$0]! }
    return imports + "\n\n" + helpers.joined() + """
      def \(language.identifier(name))(\(parameters.joined(separator: ", "))):
          \"\"\"\(summary)\"\"\"
      \(text)

      """
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
    switch m {
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
        if case .map(let body, let z) = f, body == pool.reciprocal(context.placeholder), k > 0 {
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
  private func isNegative(_ e: Expr) -> Bool {
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

  /// `c * (A @ B)`: the 1×1 factors scale, the others multiply as matrices, left to right;
  /// a column times a row is `np.outer` (1-D vectors have no orientation for `@` to read).
  private mutating func product(_ given: [MatrixExpr]) -> Printed {
    var coefficient = pool.one
    var factors: [MatrixExpr] = []
    // A term rebuilt with its sign taken out nests a product in a product: one list of factors.
    var pending = given[...]
    while let f = pending.popFirst() {
      switch f {
      case .scalar(let c): coefficient = pool.multiply([coefficient, c])
      case .product(let inner): pending = inner[...] + pending
      default: factors.append(f)
      }
    }
    (coefficient, factors) = softmaxFactors(coefficient, factors)
    var scaling: [Printed] = []
    var matrix: Printed?
    var shape = Shape.scalar
    // diag(v) first in the chain, waiting for the factor it scales the rows of; whether the
    // product so far is such a broadcast (parenthesised before `@`, for the reader).
    var pendingDiagonal: Printed?
    var broadcast = false
    for f in factors {
      let s = context.shape(f)
      if case .diag(let v) = f, context.shape(v).columns == .one, pendingDiagonal == nil {
        let pv = print(v)
        if let m = matrix, shape.isScalar {
          scaling.append(m)
          matrix = nil
        }
        if let m = matrix {
          // M*diag(v) scales M's columns: M * v (a row: entry by entry).
          let left = broadcast ? "(" + m.text + ")" : wrapped(m, atLeast: .product)
          matrix = (left + " * " + wrapped(pv, atLeast: .unary), .product)
          broadcast = true
        } else {
          pendingDiagonal = pv
        }
        shape = Shape(rows: matrix == nil ? s.rows : shape.rows, columns: s.columns)
        continue
      }
      let p = print(f)
      if s.isScalar {
        scaling.append(p)
        continue
      }
      if let d = pendingDiagonal {
        // diag(v)*M scales M's rows: v[:, None] * M (a vector: v * u).
        let rows = s.columns == .one ? wrapped(d, atLeast: .product) : wrapped(d, atLeast: .atom) + "[:, None]"
        matrix = (rows + " * " + wrapped(p, atLeast: .unary), .product)
        broadcast = true
        pendingDiagonal = nil
        shape = Shape(rows: shape.rows, columns: s.columns)
        continue
      }
      // A 1×1 product so far (x'*y) scales what follows.
      if let m = matrix, shape.isScalar {
        scaling.append(m)
        matrix = nil
      }
      guard let m = matrix else {
        (matrix, shape) = (p, s)
        continue
      }
      if shape.columns == .one && s.rows == .one {
        matrix = ("np.outer(" + m.text + ", " + p.text + ")", .atom)
      } else {
        let left = broadcast ? "(" + m.text + ")" : wrapped(m, atLeast: .product)
        matrix = (left + " @ " + wrapped(p, atLeast: .unary), .product)
      }
      broadcast = false
      shape = Shape(rows: shape.rows, columns: s.columns)
    }
    if let d = pendingDiagonal { matrix = ("np.diag(" + d.text + ")", .atom) }
    var negative = false
    if isNegative(coefficient) {
      negative = true
      coefficient = pool.negate(coefficient)
    }
    let (numerator, denominator) = fraction(coefficient)
    var parts: [Printed] = []
    if numerator != pool.one || (scaling.isEmpty && matrix == nil) { parts.append(scalar(numerator)) }
    parts += scaling
    if let matrix { parts.append(matrix) }
    var text = ""
    for (k, p) in parts.enumerated() {
      text += k == 0 ? wrapped(p, atLeast: .product) : " * " + wrapped(p, atLeast: .unary)
    }
    if denominator != pool.one { text += " / " + wrapped(scalar(denominator), atLeast: .unary) }
    let level = parts.count > 1 || denominator != pool.one ? Precedence.product : parts[0].level
    guard negative else { return (text, level) }
    // -a * b is (-a) * b in Python: the same value.
    return ("-" + wrapped((text, level), atLeast: .product), level >= .power ? .unary : .product)
  }

  /// A positive scalar as numerator and denominator: 1/norm(x)^3 is (1, norm(x)^3), 3/2 is (3, 2).
  private func fraction(_ c: Expr) -> (Expr, Expr) {
    var numerator: [Expr] = []
    var denominator: [Expr] = []
    let factors: [Expr]
    if case .product(let fs) = pool.node(c) { factors = fs } else { factors = [c] }
    for f in factors {
      if case .power(let b, let k) = pool.node(f), let q = pool.rational(k), q < Rational(0) {
        denominator.append(pool.power(b, pool.number(-q)))
      } else if let q = pool.rational(f), q.denominator != BigInt(1) {
        numerator.append(pool.number(Rational(q.numerator)))
        denominator.append(pool.number(Rational(q.denominator)))
      } else {
        numerator.append(f)
      }
    }
    func product(_ es: [Expr]) -> Expr { es.isEmpty ? pool.one : es.count == 1 ? es[0] : pool.multiply(es) }
    return (product(numerator), product(denominator))
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

  // MARK: Softmax

  /// z when `m` is `sum(exp(z))`.
  private func exponentialSum(_ m: MatrixExpr) -> MatrixExpr? {
    guard case .total(let inner) = m, case .map(let body, let z) = inner,
      body == pool.call(.exp, context.placeholder)
    else { return nil }
    return z
  }

  /// `exp(z)` divided by the atom `sum(exp(z))` is `jac_softmax(z)`: the factors `exp(z)`,
  /// `exp(z)'` and `diag(exp(z))` of a product each take one power of 1/sum(exp(z)) from the
  /// coefficient; a marked factor prints as softmax.
  private mutating func softmaxFactors(_ c: Expr, _ factors: [MatrixExpr]) -> (Expr, [MatrixExpr]) {
    var coefficient = c
    var out: [MatrixExpr] = []
    for f in factors {
      var inner = f
      var wrap: (MatrixExpr) -> MatrixExpr = { $0 }
      if case .transpose(let a) = f { (inner, wrap) = (a, { .transpose($0) }) }
      if case .diag(let a) = f { (inner, wrap) = (a, { .diag($0) }) }
      guard case .map(let body, let z) = inner, body == pool.call(.exp, context.placeholder),
        let symbol = context.atoms(in: coefficient).first(where: { $0.value == .total(inner) })?.symbol,
        dividesBy(symbol, coefficient)
      else {
        out.append(f)
        continue
      }
      coefficient = pool.multiply([coefficient, symbol])
      out.append(wrap(.map(softmaxMark, z)))
    }
    return (coefficient, out)
  }

  /// Whether `c` has a factor `s^k` with k < 0.
  private func dividesBy(_ s: Expr, _ c: Expr) -> Bool {
    let factors: [Expr]
    if case .product(let fs) = pool.node(c) { factors = fs } else { factors = [c] }
    return factors.contains { f in
      guard case .power(let b, let k) = pool.node(f), b == s, let q = pool.rational(k) else { return false }
      return q < Rational(0)
    }
  }

  /// The body that marks a softmax factor (a symbol no input can name).
  private var softmaxMark: Expr { pool.symbol("□softmax") }

  private mutating func softmax(_ m: MatrixExpr) -> Printed? {
    guard case .map(let body, let z) = m, body == softmaxMark else { return nil }
    return ("jac_softmax(" + print(z).text + ")", .atom)
  }

  static let helperOrder = ["sigmoid", "softmax", "logsumexp"]

  static let helpers: [String: String] = [
    "sigmoid": "def jac_sigmoid(z):\n    return np.exp(-np.logaddexp(0.0, -z))\n\n\n",
    "softmax": "def jac_softmax(z):\n    e = np.exp(z - np.max(z))\n    return e / np.sum(e)\n\n\n",
    "logsumexp": "def jac_logsumexp(z):\n    m = np.max(z)\n    return m + np.log(np.sum(np.exp(z - m)))\n\n\n",
  ]
}
