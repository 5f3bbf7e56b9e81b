/// `--check` of a matrix-form answer, by expansion: at concrete sizes (all 2, all 3, then two
/// draws from 2 to 5 per size) and random exact entries, the input is written out entry by
/// entry (``MatrixExpansion``) and differentiated by jac's scalar engine, the answer is written
/// out too, and the two are compared entry by entry in `Double` at random values of the
/// variable's entries. Square matrices get a diagonal that dominates their row (so `inv` and
/// `log(det(X))` are defined), symmetric ones are symmetric, vectors and scalars positive.
/// The draws come from a fixed seed, so the check is the same on every run.
public struct MatrixCheck: Sendable {
  /// One size tried: the sizes (`n=3, m=2`), the worst relative disagreement, entries compared.
  public struct Trial: Sendable {
    public var sizes: String
    public var worstError: Double
    public var compared: Int
    /// Entries undefined on both sides (NaN), not compared.
    public var skipped: Int
    public var agrees: Bool
  }
  public var trials: [Trial] = []
  public var passed: Bool { trials.allSatisfy(\.agrees) }

  /// Relative tolerance of the comparison (the expansions are exact; only evaluation rounds).
  public static let tolerance = 1e-8

  static func run(
    function f: MatrixExpr, result: MatrixExpr?, command: Request.Command, variables: [String], context: MatrixContext,
    differentiator: Differentiator
  ) -> MatrixCheck {
    var rng = SplitMix64(seed: 0x6A61_635F_6D61_7478)
    let classes = context.sizeClasses()
    var check = MatrixCheck()
    let plans: [[Int]] = [
      classes.map { _ in 2 }, classes.map { _ in 3 },
      classes.map { _ in Int.random(in: 2...5, using: &rng) }, classes.map { _ in Int.random(in: 2...5, using: &rng) },
    ]
    for plan in plans {
      let sizes = Dictionary(uniqueKeysWithValues: Swift.zip(classes, plan))
      check.trials.append(
        trial(f, result, command, variables.first, sizes, context, differentiator, &rng))
    }
    return check
  }

  private static func trial(
    _ f: MatrixExpr, _ result: MatrixExpr?, _ command: Request.Command, _ x: String?, _ sizes: [Int: Int],
    _ context: MatrixContext, _ differentiator: Differentiator, _ rng: inout SplitMix64
  ) -> Trial {
    let pool = context.pool
    var values: [String: Double] = [:]
    var bindings: [String: Matrix] = [:]
    func size(_ d: Dim) -> Int {
      guard case .size(let i) = context.find(d) else { return 1 }
      return sizes[i] ?? 1
    }
    // Exact random entries: k/8 with k from 1 to 16, diagonals of square matrices larger.
    func draw(_ positive: Bool = true) -> Rational {
      let k = Int.random(in: 1...16, using: &rng)
      return Rational(BigInt(positive || Bool.random(using: &rng) ? k : -k), BigInt(8))
    }
    let names = context.kinds.keys.sorted()
    for name in names {
      let s = context.declaredShape(name)
      let (rows, columns) = (size(s.rows), size(s.columns))
      let square = context.find(s.rows) == context.find(s.columns)
      var entries = [[Rational]](repeating: [Rational](repeating: .zero, count: columns), count: rows)
      for i in 0..<rows {
        for j in 0..<columns {
          if square && context.isSymmetric(name) && j < i {
            entries[i][j] = entries[j][i]
          } else {
            entries[i][j] = square && i == j ? draw() + Rational(2 * rows) : draw(columns == 1)
          }
        }
      }
      // The variable's entries are symbols (one per pair of a symmetric matrix), valued here.
      bindings[name] = Matrix(
        rows: rows, columns: columns,
        entries: (0..<rows).flatMap { i in
          (0..<columns).map { j -> Expr in
            guard name == x else { return pool.number(entries[i][j]) }
            let (a, b) = context.isSymmetric(name) ? (min(i, j), max(i, j)) : (i, j)
            let symbol = "\(name)[\(a + 1),\(b + 1)]"
            values[symbol] = entries[a][b].doubleValue
            return pool.symbol(symbol)
          }
        })
    }
    var scalars: [Expr: Expr] = [:]
    for name in context.scalarSymbols(f) { scalars[pool.symbol(name)] = pool.number(draw()) }
    let expansion = MatrixExpansion(context: context, sizes: sizes, bindings: bindings, scalars: scalars)
    let symmetric = x.map(context.isSymmetric) ?? false
    let expected = Self.expected(
      expansion.expand(f), command, x.flatMap { bindings[$0] }, symmetric: symmetric, context, differentiator)
    var answer = expected.map { _ in pool.zero }
    if let result {
      var m = expansion.expand(result)
      // A gradient along a symmetric matrix is one up to its antisymmetric part: compare (G + G')/2.
      if symmetric && command == .grad && m.rows == m.columns {
        let t = m.transposed
        m = Matrix(
          rows: m.rows, columns: m.columns,
          entries: Swift.zip(m.entries, t.entries).map {
            pool.multiply(pool.half, pool.add($0, $1))
          })
      }
      answer = m.entries
    }
    let description = sizes.keys.sorted().map { "\(context.name(.size($0)))=\(sizes[$0]!)" }.joined(separator: ", ")
    guard answer.count == expected.count else {
      return Trial(sizes: description, worstError: .infinity, compared: 0, skipped: 0, agrees: false)
    }
    let a = pool.evaluate(answer, values)
    let e = pool.evaluate(expected, values)
    var trial = Trial(sizes: description, worstError: 0, compared: 0, skipped: 0, agrees: true)
    for (u, v) in Swift.zip(a, e) {
      if u.isNaN && v.isNaN {
        trial.skipped += 1
        continue
      }
      let error = abs(u - v) / max(1, abs(u), abs(v))
      trial.compared += 1
      trial.worstError = max(trial.worstError, error.isNaN ? .infinity : error)
      if !(error <= tolerance) { trial.agrees = false }
    }
    return trial
  }

  /// The derivative the scalar engine gives, entry by entry in the answer's order: the gradient
  /// in the variable's shape (a symmetric variable's off-diagonal entry shared by two: each
  /// gets half), the Jacobian row by row, the Hessian, or the function itself for simplify.
  private static func expected(
    _ f: Matrix, _ command: Request.Command, _ x: Matrix?, symmetric: Bool, _ context: MatrixContext,
    _ differentiator: Differentiator
  ) -> [Expr] {
    let pool = context.pool
    guard let x else { return f.entries }
    switch command {
    case .grad:
      return (0..<x.rows).flatMap { i in
        (0..<x.columns).map { j -> Expr in
          let d = differentiator.derivative(f[0, 0], x[i, j])
          return symmetric && i != j ? pool.multiply(pool.half, d) : d
        }
      }
    case .hessian:
      return (0..<x.rows).flatMap { i in
        (0..<x.rows).map { j in differentiator.derivative(differentiator.derivative(f[0, 0], x[i, 0]), x[j, 0]) }
      }
    default:
      return (0..<f.rows).flatMap { i in (0..<x.rows).map { j in differentiator.derivative(f[i, 0], x[j, 0]) } }
    }
  }
}
