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
    let parts = try linearizationParts(c)
    let matrices = try parts.map { part throws(JacError) in (part.name, try partials(part.functions, part.variables, c))
    }
    return Computed(value: .labelled(matrices))
  }

  /// linearize's components in `--state` order: a component named after a state variable is
  /// that state's derivative (`v = -x, x = v` with `--state x,v` is x' = v, v' = −x). Either
  /// every component is named, each name a state once, or none is (then they are in order); a
  /// name that is not a state, a repeated one, or a mix of named and unnamed is an error at the
  /// name, never ignored. Whether there is one component per state is checked later (stateCount).
  func orderedByState(
    _ components: [(component: Parser.Component, input: Int)], _ state: [String]
  ) throws(JacError) -> (functions: [Expr], names: [String?]) {
    let functions = components.map(\.component.expression)
    guard let first = components.first(where: { $0.component.name != nil }) else {
      return (functions, components.map { _ in nil })
    }
    let states = Set(state)  // a set: linear in the components
    var row: [String: Expr] = [:]
    for (component, input) in components {
      guard let name = component.name, let range = component.nameRange else {
        throw .parse(
          ParseError(.componentsPartlyNamed(first.component.name!), first.component.nameRange!), input: first.input)
      }
      if !states.contains(name) {
        throw .parse(ParseError(.componentNotAState(name, states: state), range), input: input)
      }
      if row.updateValue(component.expression, forKey: name) != nil {
        throw .parse(ParseError(.duplicateComponentName(name), range), input: input)
      }
    }
    if row.count != state.count { return (functions, components.map(\.component.name)) }
    return (state.map { row[$0]! }, state)
  }

  /// linearize's matrices before differentiation: A = ∂f/∂x, B = ∂f/∂u, C = ∂h/∂x, D = ∂h/∂u,
  /// the functions simplified (those present: B and D need inputs, C and D outputs).
  func linearizationParts(_ c: Context) throws(JacError) -> [(name: String, functions: [Expr], variables: [Expr])] {
    guard let setting = c.request.linearization else { throw .notApplicable(.missing(.state, command: .linearize)) }
    let f = try c.functions.map { e throws(JacError) in try finish(e, c) }
    let x = setting.state.map(pool.symbol)
    let u = setting.input.map(pool.symbol)
    if f.count != x.count { throw .stateCount(functions: f.count, states: x.count) }
    var h: [Expr] = []
    if let text = setting.output {
      do throws(ParseError) {
        let outputs = try Parser.parseComponents(text, in: pool, functions: Set(c.request.functions))
        // An output y = h(x, u) is no derivative.
        if let prime = outputs.lazy.compactMap(\.prime).first { throw ParseError(.unexpectedCharacter("'"), prime) }
        h = outputs.map(\.expression)
      } catch {
        throw .optionParse(error, option: "--output", text: text)
      }
      if let d = c.definitions { h = pool.substitute(h, d.bindings) }
      h = try h.map { e throws(JacError) in try finish(e, c) }
    }
    var parts = [(name: "A", functions: f, variables: x)]
    if !u.isEmpty { parts.append(("B", f, u)) }
    if !h.isEmpty {
      parts.append(("C", h, x))
      if !u.isEmpty { parts.append(("D", h, u)) }
    }
    return parts
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
    // At a kink or jump (relu(x) at 0, floor(x) at 1, atan2 on its cut) there is no polynomial.
    var atPoint = c
    atPoint.point = point
    let kinks = kinks(atPoint, branchCuts: true)
    if let call = kinks.on.first { throw .notSmoothAtPoint(call: TextPrinter(pool: pool).string(call)) }
    if let kink = kinks.undecided.first(where: { !provedOff($0, atPoint) }) { throw undecided(kink, atPoint) }
    let x = names.map(pool.symbol)
    let order = c.request.order ?? Self.defaultTaylorOrder
    let count = Self.termCount(variables: x.count, order: order)
    if count > Limits.taylorTerms { throw .limit(.taylorTerms(count)) }
    let indices = Self.multiIndices(variables: x.count, order: order)
    var explanation: [ExplanationLine] = []
    var ordered: [Expr: [(negative: Bool, magnitude: Expr)]] = [:]
    let results = try c.functions.map { f throws(JacError) in
      let (polynomial, terms) = try taylorPolynomial(try finish(f, c), x, values, indices, c) { line in
        explanation.append(line)
      }
      if terms.count > 1 { ordered[polynomial] = terms.map { PrintLayout(pool: pool).signed($0) } }
      return polynomial
    }
    var computed = Computed(value: results.count == 1 ? .scalar(results[0]) : .list(results))
    computed.orderedTerms = ordered
    if c.request.steps { computed.explanation = explanation }
    return computed
  }

  private func taylorPolynomial(
    _ f: Expr, _ x: [Expr], _ values: [Expr: Expr], _ indices: [[Int]], _ c: Context,
    explain: (ExplanationLine) -> Void
  ) throws(JacError) -> (polynomial: Expr, terms: [Expr]) {
    let names = x.map { pool.symbolName($0)! }
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
        let degree = alpha.reduce(0, +)
        let undefined = JacError.undefinedAtPoint(
          entry: degree == 0 ? "the function" : "its derivative of order \(degree)")
        // f's expression is undefined at a, but f may extend analytically (sin(x)/x at 0).
        let order = c.request.order ?? Self.defaultTaylorOrder
        let result =
          x.count == 1
          ? try taylorSeriesPolynomial(f, x[0], values[x[0]]!, order: order, c, otherwise: undefined)
          : try taylorRayPolynomial(f, x, values, order: order, c, otherwise: undefined)
        let words = "undefined at the point; from the series of its parts"
        explain(ExplanationLine(text: "f", latex: "f", value: f, remark: (words, result.polynomial)))
        return result
      }
      explain(taylorLine(alpha, names, d, atPoint))
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
    return (polynomial, terms.filter { $0 != pool.zero })
  }

  /// The Taylor polynomial of f in one variable from f's series (``SeriesExpansion``), for a
  /// point where f's expression is undefined: the working precision grows (4, 8, … terms
  /// beyond the order, up to 32) while a quotient's leading terms leave fewer than order + 1
  /// known. A pole, a point where a function in f is not analytic, or no leading term found
  /// is `otherwise` (or a limit's error).
  private func taylorSeriesPolynomial(
    _ f: Expr, _ x: Expr, _ a: Expr, order: Int, _ c: Context, otherwise: JacError
  ) throws(JacError) -> (polynomial: Expr, terms: [Expr]) {
    let coefficients = try seriesCoefficients(f, x, a, order: order, c, otherwise: otherwise)
    var terms: [Expr] = []
    let shift = pool.subtract(x, a)
    for (k, ck) in coefficients.enumerated() where ck != pool.zero {
      terms.append(pool.multiply(ck, pool.power(shift, pool.number(k))))
    }
    return try polynomial(of: terms)
  }

  /// The Taylor polynomial of f in several variables from its series along rays, for a point
  /// where f's expression is undefined: g(t) = f(a + t·h), h the displacement (written with
  /// the variables' own names), expanded in t by ``seriesCoefficients(_:_:_:order:_:otherwise:)``;
  /// the coefficient of tᵏ is Σ_{|α| = k} ∂^α f(a)/α!·h^α when f extends smoothly. Along rays
  /// alone a function can look analytic where it is not even continuous ((x² − y²)/(x² + y²) at
  /// 0 is constant on each ray), so each coefficient must be a polynomial in h: every (k + 1)-th
  /// derivative along each hᵢ simplifies to 0 (a rational function polynomial in each variable
  /// is one in all), else `otherwise`. Then h = x − a, built by the constructors, not expanded:
  /// `sin(x*y)/(x*y)` at the origin is `1 - x^2*y^2/6`.
  private func taylorRayPolynomial(
    _ f: Expr, _ x: [Expr], _ values: [Expr: Expr], order: Int, _ c: Context, otherwise: JacError
  ) throws(JacError) -> (polynomial: Expr, terms: [Expr]) {
    let names = x.map { pool.symbolName($0)! }
    let used = Set(pool.freeSymbols([f]) + names)
    var suffix = 0
    while used.contains("t\(suffix)") { suffix += 1 }
    let t = pool.symbol("t\(suffix)")
    var ray: [Expr: Expr] = [:]
    var shifts: [Expr: Expr] = [:]
    for xi in x {
      ray[xi] = pool.add(values[xi]!, pool.multiply(t, xi))
      shifts[xi] = pool.subtract(xi, values[xi]!)
    }
    let g = pool.substitute([f], ray)[0]
    let coefficients = try seriesCoefficients(g, t, pool.zero, order: order, c, otherwise: otherwise)
    var terms: [Expr] = []
    for (k, ck) in coefficients.enumerated() where ck != pool.zero {
      for xi in x {
        var d = ck
        for _ in 0...k where d != pool.zero {
          try checkDerivativeWork([d], along: [xi])
          d = try finish(differentiator.derivative(d, xi), c)
        }
        guard d == pool.zero else { throw otherwise }
      }
      terms.append(pool.substitute([ck], shifts)[0])
    }
    return try polynomial(of: terms)
  }

  /// The sum of a Taylor polynomial's terms (0 without any), within the result's size limit.
  private func polynomial(of terms: [Expr]) throws(JacError) -> (polynomial: Expr, terms: [Expr]) {
    let polynomial = pool.add(terms.isEmpty ? [pool.zero] : terms)
    if pool.treeSize(polynomial) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the Taylor polynomial")) }
    return (polynomial, terms)
  }

  /// The coefficients of tᵏ, k = 0 … order, of f's series in x about a (x = a + t), from
  /// ``SeriesExpansion``; a series with negative powers (a pole) is `otherwise`.
  private func seriesCoefficients(
    _ f: Expr, _ x: Expr, _ a: Expr, order: Int, _ c: Context, otherwise: JacError
  ) throws(JacError) -> [Expr] {
    var limitError: JacError?
    let simplify = { (e: Expr) throws(SeriesFailure) -> Expr in
      do throws(JacError) {
        return try self.finish(e, c)
      } catch {
        if error != .undefinedResult { limitError = error }
        throw .notAnalytic
      }
    }
    for extra in [4, 8, 16, 32] {
      let expansion = SeriesExpansion(
        pool: pool, differentiator: differentiator, variable: x, point: a, order: order + 1 + extra, simplify: simplify)
      let series: PowerSeries
      do throws(SeriesFailure) {
        series = try expansion.series(f)
      } catch {
        if error == .morePrecision { continue }
        throw limitError ?? otherwise
      }
      if series.precision < order + 1 { continue }
      if (series.low..<0).contains(where: { series.coefficients[$0 - series.low] != pool.zero }) { throw otherwise }
      return (0...order).map { k in k >= series.low ? series.coefficients[k - series.low] : pool.zero }
    }
    throw otherwise
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
