/// Softmax and logsumexp written stably in NumPy code: `exp(z)` divided by the atom
/// `sum(exp(z))` is `jac_softmax(z)`, which computes exp(z − max z) and normalises, and
/// `log(sum(exp(z)))` is `jac_logsumexp(z)` = m + log Σ exp(zᵢ − m), m = max z; neither
/// overflows for large z. The helpers are written into the unit that calls them.
extension MatrixNumPyPrinter {

  /// z when `m` is `sum(exp(z))`.
  func exponentialSum(_ m: MatrixExpr) -> MatrixExpr? {
    guard case .total(let inner) = m.kind, case .map(let body, let z) = inner.kind,
      body == pool.call(.exp, context.placeholder)
    else { return nil }
    return z
  }

  /// `exp(z)` divided by the atom `sum(exp(z))` is `jac_softmax(z)`: the factors `exp(z)`,
  /// `exp(z)'` and `diag(exp(z))` of a product each take one power of 1/sum(exp(z)) from the
  /// coefficient; a marked factor prints as softmax.
  mutating func softmaxFactors(_ c: Expr, _ factors: [MatrixExpr]) -> (Expr, [MatrixExpr]) {
    var coefficient = c
    var out: [MatrixExpr] = []
    for f in factors {
      var inner = f
      var wrap: (MatrixExpr) -> MatrixExpr = { $0 }
      if case .transpose(let a) = f.kind { (inner, wrap) = (a, { .transpose($0) }) }
      if case .diag(let a) = f.kind { (inner, wrap) = (a, { .diag($0) }) }
      guard case .map(let body, let z) = inner.kind, body == pool.call(.exp, context.placeholder),
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
    return pool.factors(c).contains { f in
      guard case .power(let b, let k) = pool.node(f), b == s, let q = pool.rational(k) else { return false }
      return q < Rational(0)
    }
  }

  /// The body that marks a softmax factor (a symbol no input can name).
  private var softmaxMark: Expr { pool.symbol("□softmax") }

  mutating func softmax(_ m: MatrixExpr) -> Printed? {
    guard case .map(let body, let z) = m.kind, body == softmaxMark else { return nil }
    return ("jac_softmax(" + print(z).text + ")", .atom)
  }

  static let helperOrder = ["sigmoid", "softmax", "logsumexp", "lambertw_array"]

  static let helpers: [String: String] = [
    "sigmoid": "def jac_sigmoid(z):\n    return np.exp(-np.logaddexp(0.0, -z))\n\n\n",
    "softmax": "def jac_softmax(z):\n    e = np.exp(z - np.max(z))\n    return e / np.sum(e)\n\n\n",
    "logsumexp": "def jac_logsumexp(z):\n    m = np.max(z)\n    return m + np.log(np.sum(np.exp(z - m)))\n\n\n",
    // W₀ entry by entry with the scalar helper: SciPy's complex `lambertw` is 5e-9 off, relatively,
    // near the branch point.
    "lambertw_array": CodeLanguage.pythonLambertW
      + "def jac_lambertw_array(z):\n    return np.vectorize(jac_lambertw, otypes=[float])(z)\n\n\n",
  ]
}
