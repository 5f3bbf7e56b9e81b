/// The Jacobian at work (issue 18): the engine steps of the commands that use the Jacobian for
/// something beyond the matrix. Each is named in its ``CommandDescription``.
extension Engine {
  /// det JᵀJ for an m×n Jacobian with m > n, simplified: the Gram determinant squared.
  ///
  ///     G = JᵀJ,  G[i][k] = Σₗ ∂fₗ/∂xᵢ · ∂fₗ/∂xₖ   (n×n, symmetric)
  ///
  /// Its square root is the factor by which the map scales n-dimensional volume onto its
  /// image: for a surface x(u, v), √det G = |x_u × x_v|, so dS = √det G du dv; for a curve,
  /// √det G = |x'(t)|. Each entry of G is simplified before the determinant is taken (so the
  /// sphere's G is diag(R², R²·sin²p), and its determinant R⁴·sin²p, whose root is
  /// R²·|sin p|). With `--assume` (not yet in jac), sign facts would turn |sin p| into sin p here.
  func gramDeterminant(_ c: Context) throws(JacError) -> Expr {
    try finish(pool.determinant(try gramMatrix(c)), c)
  }

  /// G = JᵀJ, each entry simplified.
  func gramMatrix(_ c: Context) throws(JacError) -> Matrix {
    let n = c.variables.count
    if n > Limits.determinantSize { throw .limit(.determinantSize(n)) }
    let j = try jacobian(c)
    var g = Matrix(rows: n, columns: n, entries: Array(repeating: pool.zero, count: n * n))
    for i in 0..<n {
      for k in i..<n {
        let entry = try finish(pool.add((0..<j.rows).map { l in pool.multiply(j[l, i], j[l, k]) }), c)
        g[i, k] = entry
        g[k, i] = entry
      }
    }
    return g
  }
}

extension Engine {
  /// logdet: log|det J|, simplified, the log-likelihood correction of a normalizing flow
  /// (log p_x(x) = log p_z(f(x)) + log|det ∂f/∂x|). With m > n functions, ½·log det(JᵀJ),
  /// taken as log √det(JᵀJ) of the simplified Gram determinant (the same value; the simplifier
  /// keeps whichever form is shorter). A determinant that simplifies to 0 is an error.
  func logDeterminantValue(_ c: Context) throws(JacError) -> Computed {
    let det = try determinantValue(c)
    guard case .scalar(let d) = det.value else { return det }
    if d == pool.zero { throw .logOfSingular }
    let magnitude = det.determinantKind == .gram ? d : pool.call(.abs, d)
    var result = det
    result.value = .scalar(try finish(pool.call(.log, magnitude), c))
    return result
  }
}

extension Engine {
  /// linearize: the state-space matrices of x' = f(x, u), y = h(x, u) about a point,
  ///
  ///     A = ∂f/∂x (n×n),  B = ∂f/∂u (n×m),  C = ∂h/∂x (p×n),  D = ∂h/∂u (p×m),
  ///
  /// so that δx' ≈ A·δx + B·δu and δy ≈ C·δx + D·δu. Symbolic; `--at` substitutes values for
  /// some or all of the state and input names afterwards (Engine+Point.swift), since one call
  /// computes all four. B and D are left out without inputs, C and D without outputs.
  func linearizationValue(_ c: Context) throws(JacError) -> Computed {
    guard let setting = c.request.linearization else { throw .notApplicable(.missing(.state, command: .linearize)) }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    let x = setting.state.map(pool.symbol)
    let u = setting.input.map(pool.symbol)
    if f.count != x.count { throw .stateCount(functions: f.count, states: x.count) }
    var h: [Expr] = []
    if let text = setting.output {
      do {
        h = try Parser.parseComponents(text, in: pool, functions: Set(c.request.functions)).map(\.expression)
      } catch {
        throw .optionParse(error, option: "--output", text: text)
      }
      if let d = c.definitions { h = pool.substitute(h, d.bindings) }
      h = try h.map { e throws(JacError) in try finish(e, c) }
    }
    var matrices: [(name: String, matrix: Matrix)] = [("A", try partials(f, x, c))]
    if !u.isEmpty { matrices.append(("B", try partials(f, u, c))) }
    if !h.isEmpty {
      matrices.append(("C", try partials(h, x, c)))
      if !u.isEmpty { matrices.append(("D", try partials(h, u, c))) }
    }
    return Computed(value: .labelled(matrices))
  }

  /// ∂fᵢ/∂xⱼ of simplified functions, each entry simplified, within the size and work limits.
  func partials(_ f: [Expr], _ x: [Expr], _ c: Context) throws(JacError) -> Matrix {
    try checkSize(rows: f.count, columns: x.count)
    try checkDerivativeWork(f, along: x)
    return try differentiator.jacobian(f, x).map { e throws(JacError) in try finish(e, c) }
  }
}

extension Engine {
  /// `jac taylor`'s order without `--order`.
  public static let defaultTaylorOrder = 2

  /// taylor: the Taylor polynomial of order k of each function about the point a of `--at`,
  ///
  ///     T(x) = Σ_{|α| ≤ k} ∂^α f(a) / α! · (x − a)^α,   α! = α₁!·…·αₙ!,
  ///
  /// over the variables (`--vars`, else the names `--at` gives values to; other symbols are
  /// parameters). Each ∂^α f is taken once, from ∂^β f with β = α less one in its last nonzero
  /// place, simplified, then evaluated exactly at a; a derivative undefined at a is an error (f
  /// has no Taylor polynomial there). The sum is simplified as a whole.
  func taylorValue(_ c: Context) throws(JacError) -> Computed {
    let point = try parsePoint(c.request.at ?? [], c)
    let names = c.request.variables ?? point.map(\.name)
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in point { values[symbol] = value }
    let missing = names.filter { values[pool.symbol($0)] == nil }
    if !missing.isEmpty { throw .missingPointVariables(missing) }
    let x = names.map(pool.symbol)
    let order = c.request.order ?? Self.defaultTaylorOrder
    let count = Self.termCount(variables: x.count, order: order)
    if count > Limits.taylorTerms { throw .limit(.taylorTerms(count)) }
    let indices = Self.multiIndices(variables: x.count, order: order)
    var explanation: [ExplanationLine] = []
    let results = try c.functions.map { f throws(JacError) in
      try taylorPolynomial(try finish(f, c), x, values, indices, c) { alpha, d, atPoint in
        explanation.append(taylorLine(alpha, names, d, atPoint))
      }
    }
    var computed = Computed(value: results.count == 1 ? .scalar(results[0]) : .list(results))
    if c.request.steps { computed.explanation = explanation }
    return computed
  }

  private func taylorPolynomial(
    _ f: Expr, _ x: [Expr], _ values: [Expr: Expr], _ indices: [[Int]], _ c: Context,
    explain: ([Int], Expr, Expr) -> Void
  ) throws(JacError) -> Expr {
    var derivatives: [[Int]: Expr] = [Array(repeating: 0, count: x.count): f]
    var terms: [Expr] = [pool.zero]
    for alpha in indices {
      let d: Expr
      if let known = derivatives[alpha] {
        d = known
      } else {
        // α less one in its last nonzero place comes earlier in the graded order.
        let last = alpha.lastIndex { $0 > 0 }!
        var beta = alpha
        beta[last] -= 1
        let previous = derivatives[beta]!
        try checkDerivativeWork([previous], along: [x[last]])
        d = try finish(differentiator.derivative(previous, x[last]), c)
        derivatives[alpha] = d
      }
      let atPoint: Expr
      do {
        atPoint = try finish(pool.substitute([d], values)[0], c)
      } catch .undefinedResult {
        let order = alpha.reduce(0, +)
        throw .undefinedAtPoint(entry: order == 0 ? "the function" : "its derivative of order \(order)")
      }
      explain(alpha, d, atPoint)
      if atPoint == pool.zero { continue }
      var factors = [atPoint]
      for (i, a) in alpha.enumerated() where a > 0 {
        let shift = pool.subtract(x[i], values[x[i]]!)
        factors.append(pool.power(shift, pool.number(a)))
        factors.append(pool.number(Rational(BigInt(1), Self.factorial(a))))
      }
      terms.append(pool.multiply(factors))
    }
    // Built by the smart constructors, not simplified as a whole: the simplifier would expand
    // the powers of (x − a), and the polynomial is wanted in them.
    let polynomial = pool.add(terms)
    if pool.depth(polynomial) > Self.maxDepth { throw .limit(.depth) }
    if pool.treeSize(polynomial) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the Taylor polynomial")) }
    return polynomial
  }

  /// Every α ∈ ℕⁿ with |α| ≤ k, by total degree, then lexicographically descending.
  static func multiIndices(variables n: Int, order k: Int) -> [[Int]] {
    var result: [[Int]] = []
    func fill(_ prefix: [Int], _ left: Int) {
      if prefix.count == n - 1 { return result.append(prefix + [left]) }
      for a in stride(from: left, through: 0, by: -1) { fill(prefix + [a], left - a) }
    }
    for degree in 0...k {
      if n == 0 { return [[]] }
      fill([], degree)
    }
    return result
  }

  /// C(n + k, k), the number of α with |α| ≤ k, saturating at `Int.max`.
  static func termCount(variables n: Int, order k: Int) -> Int {
    var c = 1
    for i in 0..<k {
      // c·(n + i + 1)/(i + 1) is a whole number at every step (C(n + i + 1, i + 1)).
      let (product, overflow) = c.multipliedReportingOverflow(by: n + i + 1)
      if overflow { return Int.max }
      c = product / (i + 1)
    }
    return c
  }

  static func factorial(_ n: Int) -> BigInt { (1...max(n, 1)).reduce(BigInt(1)) { $0 * BigInt($1) } }
}

extension Engine {
  /// implicit: the derivatives of the functions u(x) that F(x, u) = 0 defines (the implicit
  /// function theorem), where det ∂F/∂u ≠ 0:
  ///
  ///     ∂u/∂x = −(∂F/∂u)⁻¹ · ∂F/∂x = −adj(∂F/∂u) · ∂F/∂x / det(∂F/∂u),
  ///
  /// for one equation dy/dx = −F_x/F_y. The equations are read as lhs − rhs; u are `--dep`
  /// (one per equation), x are `--wrt` (else the other free names). Each entry is simplified; a
  /// 1×1 answer is a scalar. det ∂F/∂u is returned as the condition; 0 everywhere is an error.
  func implicitValue(_ c: Context) throws(JacError) -> Computed {
    let dependent = c.request.dependent ?? []
    let independent = Array(c.variableNames.dropLast(dependent.count))
    var seen = Set<String>()
    for name in independent {
      if dependent.contains(name) { throw .implicitName(name, twice: false) }
      if !seen.insert(name).inserted { throw .implicitName(name, twice: true) }
    }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    if f.count != dependent.count { throw .equationCount(equations: f.count, dependent: dependent.count) }
    if independent.isEmpty { throw .noIndependentVariables }
    if f.count > Limits.determinantSize { throw .limit(.determinantSize(f.count)) }
    let fu = try partials(f, dependent.map(pool.symbol), c)
    let fx = try partials(f, independent.map(pool.symbol), c)
    let det = try finish(pool.determinant(fu), c)
    if det == pool.zero { throw .implicitSingular }
    let adjugate = pool.adjugate(fu)
    let factor = pool.negate(pool.reciprocal(det))
    let entries = try (0..<f.count * independent.count).map { k throws(JacError) in
      let (i, j) = (k / independent.count, k % independent.count)
      let sum = pool.add((0..<f.count).map { l in pool.multiply(adjugate[i, l], fx[l, j]) })
      return try finish(pool.multiply(sum, factor), c)
    }
    let result = Matrix(rows: f.count, columns: independent.count, entries: entries)
    let implicit = Answer.Implicit(dependent: dependent, independent: independent, condition: det)
    let value: Answer.Value = result.entries.count == 1 ? .scalar(result.entries[0]) : .matrix(result)
    var computed = Computed(value: value, implicit: implicit)
    if c.request.steps { computed.explanation = implicitExplanation(f, fu, fx, det, dependent, independent) }
    return computed
  }
}

extension Engine {
  /// `hessian --at … --classify`: the second-derivative test (``CriticalPoint``) with the
  /// Hessian at the point (the answer's value) and the gradient there. Exact when every entry
  /// of both is a rational number, else on their values in double precision.
  func classification(_ answer: Answer, _ c: Context) throws(JacError) -> CriticalPoint {
    guard case .matrix(let h) = answer.value else { throw .notApplicable(.classifyWithoutPoint) }
    let f = try finish(c.functions[0], c)
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in c.point { values[symbol] = value }
    let gradient = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in
      try finish(pool.substitute([finish(e, c)], values)[0], c)
    }
    let entries = h.entries + gradient
    let unbound = pool.freeSymbols(entries)
    if !unbound.isEmpty { throw .missingPointVariables(unbound) }
    let rationals = entries.compactMap(pool.rational)
    if rationals.count == entries.count {
      return .exact(
        hessian: Array(rationals.prefix(h.entries.count)), n: h.rows, gradient: Array(rationals.suffix(gradient.count)))
    }
    let doubles = pool.evaluate(entries, [:])
    if let k = doubles.firstIndex(where: { !$0.isFinite }) {
      throw .undefinedAtPoint(entry: k < h.entries.count ? "the Hessian" : "the gradient")
    }
    return .numeric(
      hessian: Array(doubles.prefix(h.entries.count)), n: h.rows, gradient: Array(doubles.suffix(gradient.count)))
  }
}

extension Engine {
  /// critical: Newton's method on ∇f = 0 from `--from`, with the Hessian as its Jacobian
  /// (H(xₖ)·δ = −∇f(xₖ)), then the second-derivative test at the point it converged to, on
  /// doubles (``CriticalPoint/numeric(hessian:n:gradient:tolerance:)``).
  func criticalPointValue(_ c: Context) throws(JacError) -> Computed {
    if c.variables.isEmpty { throw .noVariables }
    guard c.functions.count == 1 else { throw .notScalar(command: c.request.command, count: c.functions.count) }
    let f = try finish(c.functions[0], c)
    try checkDerivativeWork([f], along: c.variables)
    var gradient = c
    gradient.functions = try differentiator.gradient(f, c.variables).entries.map { e throws(JacError) in
      try finish(e, c)
    }
    let run = try newton(gradient)
    guard run.outcome == .converged else { return Computed(value: .newton(run)) }
    let h = try jacobian(gradient)
    let point = Dictionary(uniqueKeysWithValues: zip(c.variableNames, run.last.x))
    let values = pool.evaluate(h.entries + gradient.functions, point)
    let test = CriticalPoint.numeric(
      hessian: Array(values.prefix(h.entries.count)), n: h.rows,
      gradient: Array(values.suffix(gradient.functions.count)))
    return Computed(value: .newton(run), classification: test)
  }
}

extension Engine {
  /// `det --steps`: the Jacobian (JᵀJ for a Gram determinant) with its entries simplified, the
  /// cofactor expansion along the first row up to 3×3,
  ///
  ///     det A = Σⱼ (−1)^(1+j) · a₁ⱼ · det M₁ⱼ,
  ///
  /// the raw determinant as the expansion builds it, and each rewrite of the simplifier with
  /// its rules' names (`pythagorean` turns r·cos²t + r·sin²t into r).
  func determinantSteps(_ c: Context) throws(JacError) -> DeterminantSteps {
    if c.request.entry != nil { throw .entryOfEachFunction(c.request.command) }
    let gram = c.functions.count > c.variables.count
    var a = try gram ? gramMatrix(c) : squareJacobian(c)
    a = try a.map { e throws(JacError) in try finish(e, c) }
    var cofactors: [Expr] = []
    if a.rows <= 3 && a.rows > 1 {
      for j in 0..<a.columns {
        var minor: [Expr] = []
        for r in 1..<a.rows {
          for k in 0..<a.columns where k != j { minor.append(a[r, k]) }
        }
        let m = pool.determinant(Matrix(rows: a.rows - 1, columns: a.columns - 1, entries: minor))
        let term = pool.multiply(a[0, j], m)
        cofactors.append(j % 2 == 0 ? term : pool.negate(term))
      }
    }
    let raw = pool.determinant(a)
    simplifier.trace = []
    let result = try finish(raw, c)
    let rewrites = simplifier.trace ?? []
    simplifier.trace = nil
    var steps = DeterminantSteps(
      name: gram ? "JᵀJ" : "J", matrix: a, cofactors: cofactors, raw: raw, simplification: rewrites, result: result)
    if c.request.command == .inverse && result != pool.zero {
      // J⁻¹ = adj(J)/det J, each entry simplified as inverseValue does.
      let reciprocal = pool.reciprocal(result)
      for e in pool.adjugate(a).entries {
        let entry = pool.multiply(e, reciprocal)
        simplifier.trace = []
        let simplified = try finish(entry, c)
        steps.inverseEntries.append((entry, simplifier.trace ?? [], simplified))
        simplifier.trace = nil
      }
    }
    return steps
  }
}

extension Engine {
  /// `implicit --steps`: each equation as F = 0, the partials ∂F/∂u and ∂F/∂x, and det ∂F/∂u
  /// for a system; the answer −(∂F/∂u)⁻¹·∂F/∂x follows.
  func implicitExplanation(
    _ f: [Expr], _ fu: Matrix, _ fx: Matrix, _ det: Expr, _ dependent: [String], _ independent: [String]
  ) -> [ExplanationLine] {
    let one = f.count == 1
    let printer = LatexPrinter(pool: pool)
    func tex(_ name: String) -> String { printer.symbolText(name) }
    var lines: [ExplanationLine] = []
    for (i, e) in f.enumerated() {
      let name = one ? "F" : "F\(i + 1)"
      let latexName = one ? "F" : "F_{\(i + 1)}"
      lines.append(ExplanationLine(text: name, latex: latexName, value: e))
      for (j, u) in (dependent + independent).enumerated() {
        let partial = j < dependent.count ? fu[i, j] : fx[i, j - dependent.count]
        lines.append(
          ExplanationLine(
            text: "d\(name)/d\(u)", latex: "\\frac{\\partial \(latexName)}{\\partial \(tex(u))}", value: partial))
      }
    }
    if one && independent.count == 1 {
      // dy/dx = −F_x/F_y, before simplification.
      let (u, x) = (dependent[0], independent[0])
      lines.append(
        ExplanationLine(
          text: "d\(u)/d\(x) = -(dF/d\(x))/(dF/d\(u))",
          latex:
            "\\frac{d\\,\(tex(u))}{d\\,\(tex(x))} = "
            + "-\\frac{\\partial F/\\partial \(tex(x))}{\\partial F/\\partial \(tex(u))}",
          value: pool.negate(pool.divide(fx[0, 0], fu[0, 0]))))
    }
    if !one {
      let names = dependent.joined(separator: ", ")
      lines.append(
        ExplanationLine(
          text: "det dF/d(\(names))",
          latex: "\\det \\frac{\\partial F}{\\partial (\(dependent.map(tex).joined(separator: ", ")))}", value: det))
    }
    return lines
  }

  /// `taylor --steps`: each derivative ∂^α f that contributes, its value at the point, and
  /// the coefficient ∂^α f(a)/α!.
  func taylorLine(_ alpha: [Int], _ names: [String], _ d: Expr, _ atPoint: Expr) -> ExplanationLine {
    let order = alpha.reduce(0, +)
    var text = order == 0 ? "f" : "d" + (order > 1 ? "^\(order)" : "") + "f/"
    var latex = order == 0 ? "f" : "\\frac{\\partial" + (order > 1 ? "^{\(order)}" : "") + " f}{"
    for (i, a) in alpha.enumerated() where a > 0 {
      text += "d" + names[i] + (a > 1 ? "^\(a)" : "")
      latex += "\\partial " + LatexPrinter(pool: pool).symbolText(names[i]) + (a > 1 ? "^{\(a)}" : "")
    }
    if order > 0 { latex += "}" }
    return ExplanationLine(text: text, latex: latex, value: d, remark: ("at the point", atPoint))
  }
}
