import Testing

@testable import JacCore

@Suite struct CalculusTests {
  /// Berkowitz (n > 3) agrees with exact Gaussian elimination on random rational matrices (seed 3).
  @Test(arguments: [4, 5, 6])
  func berkowitzMatchesElimination(_ n: Int) {
    var rng = SeededGenerator(seed: 3)
    let pool = ExpressionPool()
    for _ in 0..<5 {
      let values = (0..<(n * n)).map { _ in
        Rational(BigInt(Int.random(in: -9...9, using: &rng)), BigInt(Int.random(in: 1...4, using: &rng)))
      }
      let m = Matrix(rows: n, columns: n, entries: values.map(pool.number))
      #expect(pool.rational(pool.determinant(m)) == Self.eliminate(values, n))
    }
  }

  /// Laplace expansion with shared minors agrees with elimination on sparse symbolic matrices
  /// (entries q·s with s one of a few symbols, then the symbols replaced by numbers), gives 0
  /// when no permutation avoids the zeros, and `determinant` keeps the shortest formula (seed 5).
  @Test(arguments: [4, 5, 6, 7])
  func laplaceMatchesElimination(_ n: Int) {
    var rng = SeededGenerator(seed: 5)
    let pool = ExpressionPool()
    let symbols = ["a", "b", "c", "d"].map(pool.symbol)
    var usedLaplace = 0
    for _ in 0..<6 {
      let entries = (0..<(n * n)).map { _ -> Expr in
        guard Int.random(in: 0..<3, using: &rng) == 0 else { return pool.zero }
        let q = Rational(BigInt(Int.random(in: -9...9, using: &rng)), BigInt(Int.random(in: 1...3, using: &rng)))
        return pool.multiply(pool.number(q), symbols.randomElement(using: &rng)!)
      }
      let m = Matrix(rows: n, columns: n, entries: entries)
      guard let expanded = pool.laplace(m) else { continue }
      let values = [
        Rational(BigInt(2)), Rational(BigInt(-3), BigInt(2)), Rational(BigInt(5)), Rational(BigInt(1), BigInt(7)),
      ]
      let bindings = Dictionary(uniqueKeysWithValues: zip(symbols, values.map(pool.number)))
      let numeric = pool.substitute(m.entries, bindings).map { pool.rational($0)! }
      let exact = Self.eliminate(numeric, n)
      #expect(pool.rational(pool.substitute([expanded], bindings)[0]) == exact)
      #expect(pool.rational(pool.substitute([pool.determinant(m)], bindings)[0]) == exact)
      let shortest = min(pool.treeSize(pool.berkowitz(m)), pool.treeSize(expanded))
      #expect(pool.treeSize(pool.determinant(m)) <= shortest)
      if pool.treeSize(expanded) < pool.treeSize(pool.berkowitz(m)) { usedLaplace += 1 }
    }
    if n > 4 { #expect(usedLaplace > 0) }
    // Two rows with their only nonzero entry in one column: no permutation survives.
    var singular = Matrix(rows: n, columns: n, entries: Array(repeating: pool.zero, count: n * n))
    for i in 0..<n { singular[i, i] = symbols[i % 4] }
    singular[0, 0] = pool.zero
    singular[0, 1] = symbols[0]
    #expect(pool.laplace(singular) == pool.zero)
    // A dense matrix needs 2ⁿ minors: beyond the limit of 16·n² from n = 11, so Berkowitz alone.
    let dense = Matrix(rows: 11, columns: 11, entries: (0..<121).map { pool.symbol("m\($0)") })
    #expect(pool.laplace(dense) == nil)
  }

  static func eliminate(_ values: [Rational], _ n: Int) -> Rational {
    var a = values
    var det = Rational.one
    for c in 0..<n {
      guard let p = (c..<n).first(where: { !a[$0 * n + c].isZero }) else { return .zero }
      if p != c {
        for j in 0..<n { a.swapAt(p * n + j, c * n + j) }
        det = -det
      }
      det = det * a[c * n + c]
      for r in (c + 1)..<n {
        let factor = a[r * n + c] / a[c * n + c]
        for j in c..<n { a[r * n + j] = a[r * n + j] - factor * a[c * n + j] }
      }
    }
    return det
  }

  @Test func shapes() throws {
    let engine = Engine()
    let j = try engine.run(Request(command: .jacobian, inputs: ["x^2*y"], variables: ["x", "y"]))
    guard case .matrix(let row) = j.value else {
      Issue.record("not a matrix")
      return
    }
    #expect(row.rows == 1 && row.columns == 2)
    let g = try engine.run(Request(command: .grad, inputs: ["x^2*y"], variables: ["x", "y"]))
    guard case .matrix(let column) = g.value else {
      Issue.record("not a matrix")
      return
    }
    #expect(column.rows == 2 && column.columns == 1)
    #expect(throws: JacError.notSquare(command: .det, rows: 1, columns: 2)) {
      try engine.run(Request(command: .det, inputs: ["x^2*y"], variables: ["x", "y"]))
    }
    #expect(throws: JacError.notScalar(command: .grad, count: 2)) {
      try engine.run(Request(command: .grad, inputs: ["x, y"], variables: ["x", "y"]))
    }
  }

  /// The Hessian is symmetric, and its entries match finite differences of the gradient.
  @Test func hessianIsSymmetric() throws {
    let engine = Engine()
    let answer = try engine.run(
      Request(command: .hessian, inputs: ["x^3*sin(y) + exp(x*y*z)"], variables: ["x", "y", "z"]))
    guard case .matrix(let h) = answer.value else {
      Issue.record("not a matrix")
      return
    }
    for i in 0..<3 { for j in 0..<3 { #expect(h[i, j] == h[j, i]) } }
  }

  /// The Jacobian, gradient and Hessian, computed a column at a time and only where a function
  /// contains the variable, equal entry by entry the derivatives taken one at a time by a fresh
  /// differentiator; a function holding `undefined` gives `undefined` in every column. 9×9 is
  /// above the size (64 entries) from which columns skip the functions without their variable.
  @Test func columnsMatchEntryByEntry() throws {
    let pool = ExpressionPool()
    let names = (1...9).map { "u\($0)" }
    let xs = names.map(pool.symbol)
    let texts = [
      "u1 - 2*u2 + exp(u2)/9", "u2*u3 + sin(u4)", "7", "u5^u1 + log(u3)", "atan(u1/u5) + u2*u4*cos(u3)",
      "u6*u7 - u8", "sqrt(u9^2 + u1^2)", "u8/(1 + u9)",
    ]
    let fs = try texts.map { try Parser.parseExpression($0, in: pool) }
    let j = Differentiator(pool: pool).jacobian(fs + [pool.undefined], xs)
    for (i, f) in fs.enumerated() {
      for (k, x) in xs.enumerated() { #expect(j[i, k] == Differentiator(pool: pool).derivative(f, x), "\(i),\(k)") }
    }
    for k in xs.indices { #expect(pool.isUndefined(j[fs.count, k])) }
    // With no room for a memo per variable, the columns share one table, cleared after each.
    let shared = Differentiator(pool: pool)
    shared.memoBudget = 0
    #expect(shared.jacobian(fs + [pool.undefined], xs).entries == j.entries)
    #expect(shared.jacobian(fs, xs).entries == Array(j.entries.prefix(fs.count * xs.count)))
    #expect(j.entries.filter { $0 == pool.zero }.count > 40)
    let f = pool.add(fs[4], fs[6])
    let g = Differentiator(pool: pool).gradient(f, xs)
    let h = Differentiator(pool: pool).hessian(f, xs) { (e: Expr) throws(Never) in e }
    #expect(shared.hessian(f, xs) { (e: Expr) throws(Never) in e }.entries == h.entries)
    for (a, x) in xs.enumerated() {
      #expect(g[a, 0] == Differentiator(pool: pool).derivative(f, x))
      for (b, y) in xs.enumerated() {
        let first = Differentiator(pool: pool).derivative(f, xs[min(a, b)])
        #expect(h[a, b] == Differentiator(pool: pool).derivative(first, xs[max(a, b)]), "\(a),\(b) \(y)")
      }
    }
  }

  /// mixed partial d³f/dx²dy.
  @Test func mixedPartial() throws {
    let engine = Engine()
    let answer = try engine.run(Request(command: .diff, inputs: ["x^2*sin(y)"], along: ["x", "x", "y"]))
    guard case .scalar(let e) = answer.value else {
      Issue.record("not a scalar")
      return
    }
    #expect(TextPrinter(pool: engine.pool).string(e) == "2*cos(y)")
  }

  /// 0^v is 0 where it is defined (v > 0): its derivative along v is 0, not 0^v·log(0), which
  /// made the Jacobian of 0^(z^2 + 1) (0 everywhere) "undefined (division by zero)".
  @Test func zeroToAPower() throws {
    let engine = Engine()
    let text = TextPrinter(pool: engine.pool)
    let answer = try engine.run(Request(command: .jacobian, inputs: ["x*0^z, 0^(z^2 + 1)"], variables: ["x", "z"]))
    #expect(answer.value.entries.map(text.string) == ["0^z", "0", "0", "0"])
  }

  /// Free variables are sorted by name when --vars is absent.
  @Test func defaultVariablesAreSorted() throws {
    let answer = try Engine().run(Request(command: .jacobian, inputs: ["z*b + a, y"]))
    #expect(answer.variables == ["a", "b", "y", "z"])
    // Natural order: digit runs by value; equal values (x01, x1) by plain order.
    let indexed = try Engine().run(Request(command: .grad, inputs: ["x10 + x2 + x1 + x01 + x100 + y2 + B"]))
    #expect(indexed.variables == ["B", "x01", "x1", "x2", "x10", "x100", "y2"])
    let pool = ExpressionPool()
    let sum = try Parser.parseExpression("q10 + q2 + q1 + q11", in: pool)
    #expect(TextPrinter(pool: pool).string(sum) == "q1 + q2 + q10 + q11")
  }

  /// Input 10,000 levels deep goes through parse, simplify and print (which must parse back to
  /// the same expression) and LaTeX.
  @Test(arguments: [("sin(", 9_999), ("(1+x*", 9_999), ("-(", 4_999), ("exp(-", 4_999), ("(x+", 9_999)])
  func deepInputParsesSimplifiesAndPrints(_ opener: String, _ count: Int) {
    let outcome = Self.onDeepInput(opener, count) { engine, e in
      let pool = engine.pool
      let s = engine.simplifier.simplify(e)
      let text = TextPrinter(pool: pool).string(s)
      guard (try? Parser.parseExpression(text, in: pool)) == s else { return "print did not round-trip" }
      _ = LatexPrinter(pool: pool).string(s)
      return "ok"
    }
    #expect(outcome == "ok")
  }

  /// Deep input through differentiation too, checked against a finite difference. The
  /// derivative of an n-deep chain of functions is a product of n factors of depth up to n, so
  /// it prints in Θ(n²) characters; 10,000-deep chains run in the CLI tests, smaller ones here.
  @Test(arguments: [("sin(", 400), ("(1+x*", 400), ("-(", 4_999), ("(x+", 9_999), ("exp(-", 300)])
  func deepInputDifferentiates(_ opener: String, _ count: Int) {
    let outcome = Self.onDeepInput(opener, count) { engine, e in
      let pool = engine.pool
      let d = engine.simplifier.simplify(engine.differentiator.derivative(e, pool.symbol("x")))
      _ = TextPrinter(pool: pool).string(d)
      let x = 0.3
      let h = 1e-7
      let numeric = (pool.evaluate(e, ["x": x + h]) - pool.evaluate(e, ["x": x - h])) / (2 * h)
      let symbolic = pool.evaluate(d, ["x": x])
      guard isClose(numeric, symbolic, relative: 1e-5, absolute: 1e-6) else {
        return "derivative \(symbolic) vs \(numeric)"
      }
      return "ok"
    }
    #expect(outcome == "ok")
  }

  /// Parses `opener` × count, `x`, `)` × count on a deep stack and hands the expression to `check`.
  static func onDeepInput(_ opener: String, _ count: Int, _ check: @escaping (Engine, Expr) -> String) -> String {
    let input = String(repeating: opener, count: count) + "x" + String(repeating: ")", count: count)
    return DeepStack.run { () -> String in
      let engine = Engine()
      guard let e = try? Parser.parseExpression(input, in: engine.pool) else { return "parse failed" }
      return check(engine, e)
    }
  }
}

/// Functions of several arguments (`Node.apply`): atan2 parses, differentiates by the chain rule
/// for several arguments, evaluates quadrant-aware, and prints back.
@Suite struct SeveralArgumentTests {
  @Test func atan2() throws {
    let engine = Engine()
    let g = try engine.run(Request(command: .grad, inputs: ["atan2(y, x)"], variables: ["x", "y"]))
    let text = TextPrinter(pool: engine.pool)
    #expect(g.value.entries.map(text.string) == ["-y/(x^2 + y^2)", "x/(x^2 + y^2)"])
    let pool = engine.pool
    let e = try Parser.parseExpression("atan2(y, x)", in: pool)
    #expect(text.string(e) == "atan2(y, x)")
    #expect(try Parser.parseExpression(text.string(e), in: pool) == e)
    // Quadrant-aware: (−1, −1) is at −3π/4, not π/4; the origin has no angle.
    #expect(abs(pool.evaluate(e, ["x": -1, "y": -1]) + 3 * Double.pi / 4) < 1e-15)
    #expect(pool.evaluate(e, ["x": 0, "y": 0]).isNaN)
    #expect(throws: ParseError.self) { try Parser.parseExpression("atan2(y)", in: pool) }
    let check = try engine.run(
      {
        var r = Request(command: .grad, inputs: ["atan2(y^2 - x, x*y)"], variables: ["x", "y"])
        r.check = true
        return r
      }())
    #expect(check.check?.passed == true)
  }
}
