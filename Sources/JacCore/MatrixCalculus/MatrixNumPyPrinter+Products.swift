/// Products in NumPy code. The 1×1 factors scale (`*`); the others multiply as matrices, left
/// to right (`@`); a column times a row is `np.outer(u, v)` (1-D vectors have no orientation
/// for `@` to read); `diag(v)` next to a matrix broadcasts instead of building the n×n matrix:
///
///     M*diag(v) → M * v        diag(v)*M → v[:, None] * M        diag(v)*u → v * u
///
/// A coefficient's denominator goes last: `np.outer(x, x) / t0 ** 3`.
extension MatrixNumPyPrinter {
  /// A chain of matrix factors as printed so far.
  struct Chain {
    var scaling: [Printed] = []
    var matrix: Printed?
    var shape = Shape.scalar
    /// `diag(v)` first in the chain, waiting for the factor whose rows it scales.
    var pendingDiagonal: Printed?
    /// Whether `matrix` is a broadcast (parenthesised before `@` and `*`, for the reader).
    var broadcast = false

    /// The product so far as a left operand.
    func left(_ m: Printed) -> String { broadcast ? "(" + m.text + ")" : MatrixNumPyPrinter.wrap(m, .product) }

    /// A 1×1 product so far (x'*y) scales what follows.
    mutating func settleScalar() {
      if let m = matrix, shape.isScalar {
        scaling.append(m)
        matrix = nil
      }
    }

    /// Times `diag(v)`, v printed as `v`, of shape `s`.
    mutating func times(diagonal v: Printed, _ s: Shape) {
      settleScalar()
      if let m = matrix {
        matrix = (left(m) + " * " + MatrixNumPyPrinter.wrap(v, .unary), .product)
        broadcast = true
        shape = Shape(rows: shape.rows, columns: s.columns)
      } else {
        pendingDiagonal = v
        shape = s
      }
    }

    /// Times `p`, of shape `s` (not 1×1).
    mutating func times(_ p: Printed, _ s: Shape) {
      if let d = pendingDiagonal {
        let rows =
          s.columns == .one ? MatrixNumPyPrinter.wrap(d, .product) : MatrixNumPyPrinter.wrap(d, .atom) + "[:, None]"
        matrix = (rows + " * " + MatrixNumPyPrinter.wrap(p, .unary), .product)
        (broadcast, pendingDiagonal) = (true, nil)
        shape = Shape(rows: shape.rows, columns: s.columns)
        return
      }
      settleScalar()
      guard let m = matrix else {
        (matrix, shape) = (p, s)
        return
      }
      if shape.columns == .one && s.rows == .one {
        matrix = ("np.outer(" + m.text + ", " + p.text + ")", .atom)
      } else {
        matrix = (left(m) + " @ " + MatrixNumPyPrinter.wrap(p, .unary), .product)
      }
      broadcast = false
      shape = Shape(rows: shape.rows, columns: s.columns)
    }

    /// The matrix part: a lone `diag(v)` is `np.diag(v)`.
    mutating func finish() {
      if let d = pendingDiagonal { matrix = ("np.diag(" + d.text + ")", .atom) }
    }
  }

  static func wrap(_ p: Printed, _ level: Precedence) -> String { p.level < level ? "(" + p.text + ")" : p.text }

  /// `c * (A @ B) / d`, the coefficient's sign in front.
  mutating func product(_ given: [MatrixExpr]) -> Printed {
    var coefficient = pool.one
    var factors: [MatrixExpr] = []
    // A term rebuilt with its sign taken out nests a product in a product: one list of factors.
    var pending = given[...]
    while let f = pending.popFirst() {
      switch f.kind {
      case .scalar(let c): coefficient = pool.multiply([coefficient, c])
      case .product(let inner): pending = inner[...] + pending
      default: factors.append(f)
      }
    }
    (coefficient, factors) = softmaxFactors(coefficient, factors)
    var chain = Chain()
    for f in factors {
      let s = context.shape(f)
      if case .diag(let v) = f.kind, context.shape(v).columns == .one, chain.pendingDiagonal == nil {
        chain.times(diagonal: print(v), s)
      } else if s.isScalar {
        chain.scaling.append(print(f))
      } else {
        chain.times(print(f), s)
      }
    }
    chain.finish()
    let negative = isNegative(coefficient)
    let (numerator, denominator) = pool.scalarFraction(negative ? pool.negate(coefficient) : coefficient)
    var parts: [Printed] = []
    if numerator != pool.one || (chain.scaling.isEmpty && chain.matrix == nil) { parts.append(scalar(numerator)) }
    parts += chain.scaling
    if let matrix = chain.matrix { parts.append(matrix) }
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
}
