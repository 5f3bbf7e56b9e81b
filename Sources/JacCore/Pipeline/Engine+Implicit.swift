/// implicit (issue 18): the derivatives of functions defined by equations, and what
/// `--steps` shows for implicit and taylor.
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
    var result = Matrix(rows: f.count, columns: independent.count, entries: entries)
    let implicit = Answer.Implicit(dependent: dependent, independent: independent, condition: det)
    var explanation = c.request.steps ? implicitExplanation(f, fu, fx, det, dependent, independent) : []
    let order = c.request.order ?? 1
    if order != 1 {
      result = try higherImplicit(result, order: order, dependent, independent, c) { explanation.append($0) }
    }
    if f.count == 1 && c.request.simplify,
      let reduced = try reducedOnCurve(result.entries, f[0], independent + dependent)
    {
      result = Matrix(rows: result.rows, columns: result.columns, entries: reduced.expressions)
      explanation.append(reduced.line)
    }
    let value: Answer.Value = result.entries.count == 1 ? .scalar(result.entries[0]) : .matrix(result)
    var computed = Computed(value: value, implicit: implicit)
    if c.request.steps { computed.explanation = explanation }
    return computed
  }

  /// implicit `--order k` with one independent variable x: each further derivative is the total
  /// derivative along the solution of the one before, with u′ = du/dx (the first-order answer)
  /// in place of u's,
  ///
  ///     d^(k+1)uᵢ/dx^(k+1) = ∂(d^k uᵢ/dx^k)/∂x + Σₗ ∂(d^k uᵢ/dx^k)/∂uₗ · uₗ′,
  ///
  /// for one equation (SymPy's `idiff`) or a system (the k-times differentiated equations solved
  /// for the k-th derivatives give the same); and for one equation with several independent
  /// variables (order 2 only) the matrix of ∂²y/∂xᵢ∂xⱼ = ∂gᵢ/∂xⱼ + ∂gᵢ/∂y · gⱼ, g = ∇ₓy
  /// (symmetric).
  private func higherImplicit(
    _ first: Matrix, order: Int, _ dependent: [String], _ independent: [String], _ c: Context,
    explain: (ExplanationLine) -> Void
  ) throws(JacError) -> Matrix {
    let (m, n) = (first.rows, independent.count)
    if order == 0 || (n > 1 && (order != 2 || m > 1)) {
      throw .implicitOrder(order, several: order != 0 && m == 1)
    }
    let u = dependent.map(pool.symbol)
    let x = independent.map(pool.symbol)
    /// The total derivative of e along x_j on the solution.
    func total(_ e: Expr, _ j: Int) throws(JacError) -> Expr {
      try checkDerivativeWork([e], along: [x[j]] + u)
      let along = u.indices.map { l in pool.multiply(differentiator.derivative(e, u[l]), first[l, j]) }
      return try finish(pool.add([differentiator.derivative(e, x[j])] + along), c)
    }
    if n > 1 {
      var entries = [Expr](repeating: pool.zero, count: n * n)
      for i in 0..<n {
        for j in i..<n {
          entries[i * n + j] = try total(first[0, i], j)
          entries[j * n + i] = entries[i * n + j]
        }
      }
      return Matrix(rows: n, columns: n, entries: entries)
    }
    var derivatives = first.entries
    let printer = LatexPrinter(pool: pool)
    let (v, texV) = (independent[0], printer.symbolText(independent[0]))
    for k in 2...order {
      derivatives = try derivatives.map { e throws(JacError) in try total(e, 0) }
      for (name, derivative) in zip(dependent, derivatives) {
        if pool.treeSize(derivative) > Limits.resultNodes { throw .limit(.resultNodes(entry: "the derivative")) }
        explain(
          ExplanationLine(
            text: "d^\(k)\(name)/d\(v)^\(k)", latex: "\\frac{d^{\(k)} \(printer.symbolText(name))}{d \(texV)^{\(k)}}",
            value: derivative))
      }
    }
    return Matrix(rows: m, columns: 1, entries: derivatives)
  }
}

extension Engine {
  /// One equation F = 0 with F a polynomial: the answer reduced modulo F (``CurveReduction``),
  /// when that makes it shorter, and the line `--steps` shows for it,
  /// `reduced on the curve F = 0, where x^2 = 1 - y^2`.
  func reducedOnCurve(_ entries: [Expr], _ f: Expr, _ names: [String]) throws(JacError)
    -> (expressions: [Expr], line: ExplanationLine)?
  {
    let reduction = try simplifying {
      CurveReduction(simplifier: simplifier).reduce(entries, modulo: f, preferring: names)
    }
    guard let reduction else { return nil }
    let text = TextPrinter(pool: pool).string(reduction.leading)
    let latex = LatexPrinter(pool: pool).string(reduction.leading)
    let line = ExplanationLine(
      text: "reduced on the curve F = 0, where \(text)",
      latex: "\\text{reduced on the curve } F = 0 \\text{, where } \(latex)", value: reduction.replacement)
    return (reduction.expressions, line)
  }

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
