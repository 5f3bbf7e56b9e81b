import Testing

@testable import JacCore

/// The arena's and the differentiator's shortcuts (docs/performance.md, session 9) give what the
/// general paths give: the same node, the same number work charged. A rule trace makes `add` and
/// `multiply` take their general paths.
@Suite struct ConstructionFastPathTests {
  static let pairs: [(String, String)] = [
    ("x", "y"), ("y", "x"), ("2*x", "-3*y"), ("-2", "exp(u)/4000000"), ("exp(u)/4000000", "-2"), ("x", "2*x"),
    ("x + 1", "y"), ("0", "x + y"), ("x*y", "0"), ("1/2", "x*y*z"), ("3", "4"), ("2*x*y", "x*y"), ("x^2", "x"),
    ("sin(x)", "-sin(x)"), ("x1", "x10"), ("1", "x"), ("x", "1"), ("u1", "u2 + u3"), ("1", "2*x*y"), ("x + y", "1"),
    ("1", "1"), ("0", "0"), ("x^(1/2)", "1"), ("-x", "x*y"),
  ]

  /// `add` of one or two terms: the sorted pair, the term itself, or the general path.
  @Test(arguments: pairs) func sums(_ a: String, _ b: String) {
    let f = Fixture()
    let (x, y) = (f.parse(a), f.parse(b))
    let general = f.pool.add([x, y], trace: RuleTrace())
    #expect(f.pool.add(x, y) == general, "\(a) + \(b)")
    #expect(f.pool.add([x, y]) == general, "\(a) + \(b)")
    #expect(f.pool.add([x]) == f.pool.add([x], trace: RuleTrace()), "\(a)")
  }

  /// `multiply` of two factors: u·1 = 1·u = u, a number times a factor, or the general path.
  @Test(arguments: pairs) func products(_ a: String, _ b: String) {
    let f = Fixture()
    let (x, y) = (f.parse(a), f.parse(b))
    let general = f.pool.multiply([x, y], trace: RuleTrace())
    #expect(f.pool.multiply(x, y) == general, "\(a) * \(b)")
    #expect(f.pool.multiply([x, y]) == general, "\(a) * \(b)")
  }

  /// Numbers of more than four limbs: the shortcuts charge the work the general paths charge, so
  /// the budget (``ExpressionPool/maxNumberWork``) gives the same verdicts either way.
  @Test(arguments: ["2^300", "2^300/3^200", "2^300*x", "-(2^300)*x*y", "x"])
  func numberWork(_ big: String) {
    for other in ["x", "1", "0", "y + 1", "2", "3^200"] {
      let fast = Fixture()
      let general = Fixture()
      let (a, b) = (fast.parse(big), fast.parse(other))
      let (c, d) = (general.parse(big), general.parse(other))
      for (name, shortcut, long) in [
        ("a + b", { fast.pool.add(a, b) }, { general.pool.add([c, d], trace: RuleTrace()) }),
        ("[a]", { fast.pool.add([a]) }, { general.pool.add([c], trace: RuleTrace()) }),
        ("a * b", { fast.pool.multiply(a, b) }, { general.pool.multiply([c, d], trace: RuleTrace()) }),
        ("b * a", { fast.pool.multiply(b, a) }, { general.pool.multiply([d, c], trace: RuleTrace()) }),
      ] {
        fast.pool.numberWork = 0
        general.pool.numberWork = 0
        let e = shortcut()
        let g = long()
        #expect(fast.text(e) == general.text(g), "\(big), \(other): \(name)")
        #expect(fast.pool.numberWork == general.pool.numberWork, "\(big), \(other): \(name)")
      }
    }
  }

  /// Derivatives whose sums and products have a single nonzero part (taken without `add`), with
  /// exp' = exp, against the canonical form of the written answer.
  @Test(arguments: [
    ("u1 - 2*u2 + u3 + exp(u2)/16", "u2", "exp(u2)/16 - 2"), ("u1 - 2*u2 + u3 + exp(u2)/16", "u1", "1"),
    ("u1 - 2*u2 + u3 + exp(u2)/16", "u4", "0"), ("x*y*z", "x", "y*z"), ("-2*x", "x", "-2"),
    ("sin(x)*cos(y)", "x", "cos(x)*cos(y)"), ("x*sin(x)", "x", "sin(x) + x*cos(x)"), ("exp(x)", "x", "exp(x)"),
    ("exp(x^2)", "x", "2*x*exp(x^2)"), ("2^300*x", "x", "2^300"), ("(x + 1)^3", "x", "3*(x + 1)^2"),
    ("x*y + y", "x", "y"), ("x^2*y^3", "y", "3*x^2*y^2"), ("atan2(x, y)*3", "z", "0"),
  ])
  func derivatives(_ e: String, _ x: String, _ expected: String) {
    let f = Fixture()
    #expect(f.d(f.parse(e), x) == f.parse(expected), "d(\(e))/d\(x)")
    #expect(f.d(f.parse(e), x) == f.engine.differentiator.derivative(f.parse(e), f.pool.symbol(x)))
  }

  /// Symbol bits: an expression may hold each of its symbols, and most others are ruled out
  /// without a walk (what the differentiator asks before anything else).
  @Test func symbolBits() {
    let f = Fixture()
    let e = f.parse("u1 - 2*u2 + exp(u3)/4")
    for name in ["u1", "u2", "u3"] { #expect(f.pool.mayHold(e, f.pool.symbol(name))) }
    let others = (4...100).map { f.pool.symbol("u\($0)") }
    #expect(others.filter { !f.pool.mayHold(e, $0) }.count > 80)
    #expect(!f.pool.mayHold(f.parse("2*pi + 1"), f.pool.symbol("u1")))
    #expect(f.d(e, "u7") == f.pool.zero)
  }

  /// The distinct nodes of some roots in id order, whether the ids are dense (read from the
  /// marks in order) or spread over the pool (sorted); the walk without an array visits the same.
  @Test func distinctNodes() {
    let f = Fixture()
    let a = f.parse("sin(x) + y")
    for i in 0..<300 { _ = f.parse("z\(i)*w + \(i)") }
    let b = f.parse("cos(x)*y^2")
    let dense = f.parse("(x + y)^2 + sin(x*y) + cos(x) - 3*exp(x*y)/(1 + x)")
    for roots in [[a, b], [dense], [a], [b, a, dense], [f.pool.zero], []] {
      #expect(f.pool.distinctNodes(roots) == reference(f.pool, roots))
    }
    for root in [a, b, dense] {
      var visited: [Expr] = []
      f.pool.forEachDistinctNode(root) {
        visited.append($0)
        return true
      }
      #expect(visited.sorted { $0.id < $1.id } == reference(f.pool, [root]))
      var count = 0
      f.pool.forEachDistinctNode(root) { _ in
        count += 1
        return count < 3
      }
      #expect(count == 3)
    }
  }

  private func reference(_ pool: ExpressionPool, _ roots: [Expr]) -> [Expr] {
    var seen = Set<Expr>()
    var stack = roots
    while let e = stack.popLast() {
      if seen.insert(e).inserted { stack += pool.operands(e) }
    }
    return seen.sorted { $0.id < $1.id }
  }

  /// The Jacobian's pattern from the walk: each column lists the rows holding its variable, in
  /// order; a function that is `undefined` is in every column.
  @Test func pattern() {
    let f = Fixture()
    let xs = (1...9).map { f.pool.symbol("x\($0)") }
    var functions = ["x1*x2", "x9 + x1", "sin(x3)", "x3*x3 + x2", "2", "x4^x5", "exp(x6)*x7*x8", "x1"].map(f.parse)
    functions.insert(f.pool.undefined, at: 3)
    let pattern = f.engine.differentiator.pattern(functions, xs)
    let rows = (0..<xs.count).map { pattern.rows(ofColumn: $0).map(Int.init) }
    #expect(rows[0] == [0, 1, 3, 8])
    #expect(rows[1] == [0, 3, 4])
    #expect(rows[2] == [2, 3, 4])
    #expect(rows[3] == [3, 6])
    #expect(rows[8] == [1, 3])
    #expect(pattern.count == rows.map(\.count).reduce(0, +))
  }
}
