import JacCore

/// LaTeX for papers: the result stated with its left-hand side (`--lhs`), in the matrix
/// environment asked for (`--env`), and the document around it (`--standalone`).
extension AnswerFormatter {
  /// The preamble of a `--standalone` document: it compiles with `pdflatex` and nothing beyond
  /// `amsmath`. Every answer follows as a display, then ``documentEnd``.
  static let documentStart = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
  static let documentEnd = "\\end{document}\n"

  /// The names of the functions in the left-hand side: the component names when every component
  /// is named (`x = r*cos(t)`), `f` for one function, else `f_1 … f_m`.
  func functionNames(_ answer: Answer, count: Int) -> [String] {
    let names = answer.componentNames.compactMap { $0 }
    if names.count == count && !names.isEmpty { return names.map(latexPrinter.symbolText) }
    return count == 1 ? ["f"] : (1...max(count, 1)).map { "f_{\($0)}" }
  }

  /// `\frac{\partial(x, y)}{\partial(r, \theta)}`; one function or one variable drops the
  /// parentheses: `\frac{\partial f}{\partial(x, y)}`, `\frac{\partial f}{\partial x}`.
  func jacobianSymbol(_ functions: [String], _ variables: [String]) -> String {
    func group(_ items: [String]) -> String { items.count == 1 ? items[0] : "(" + items.joined(separator: ", ") + ")" }
    let bottom = variables.map(latexPrinter.symbolText)
    return "\\frac{\\partial \(group(functions))}{\\partial \(group(bottom))}"
  }

  /// ∂ᵏf/∂x²∂y for `diff --wrt x,x,y`: runs of one variable become powers.
  func partialSymbol(_ function: String, along: [String]) -> String {
    var runs: [(String, Int)] = []
    for v in along {
      if let last = runs.last, last.0 == v { runs[runs.count - 1].1 += 1 } else { runs.append((v, 1)) }
    }
    let order = along.count == 1 ? "" : "^{\(along.count)}"
    let bottom = runs.map { v, k in "\\partial " + latexPrinter.symbolText(v) + (k == 1 ? "" : "^{\(k)}") }
    return "\\frac{\\partial\(order) \(function)}{\(bottom.joined(separator: "\\,"))}"
  }

  /// The left-hand side of the answer, as its command's ``LatexSide`` says, or nil where the
  /// result is stated alone (`simplify` of an unnamed expression, `sparsity`, `newton`, the
  /// volume element which has its own). At a point: `\left. … \right|_{r = 2}`.
  func latexLeftSide(_ answer: Answer) -> String? {
    guard answer.volumeFactor == nil else { return nil }
    let count = max(answer.componentNames.count, 1)
    let functions = functionNames(answer, count: count)
    let side: String
    switch answer.description.latexSide {
    case .jacobian:
      let j = jacobianSymbol(functions, answer.variables)
      switch answer.vectorProduct {
      case .jvp?: side = j + " \\, v"
      case .vjp?: side = "u^{\\mathsf{T}} " + j
      case nil: side = j
      }
    case .determinant where answer.determinantKind == .gram: side = "\\sqrt{\\det(J^\\top J)}"
    case .determinant: side = "\\det " + jacobianSymbol(functions, answer.variables)
    case .logDeterminant where answer.determinantKind == .gram: side = "\\tfrac{1}{2} \\log \\det(J^\\top J)"
    case .logDeterminant: side = "\\log \\left|\\det " + jacobianSymbol(functions, answer.variables) + "\\right|"
    case .implicitDerivative:
      let dependent = answer.implicit?.dependent ?? []
      let independent = answer.variables.filter { !dependent.contains($0) }
      if independent.count == 1, let k = answer.order {
        // d^k y/dx^k, or d^k (u, v)/dx^k for a system.
        let names = dependent.map(latexPrinter.symbolText).joined(separator: ", ")
        let u = dependent.count == 1 ? names : "(" + names + ")"
        side = "\\frac{d^{\(k)} " + u + "}{d " + latexPrinter.symbolText(independent[0]) + "^{\(k)}}"
      } else if dependent.count == 1 && independent.count == 1 {
        let (u, x) = (latexPrinter.symbolText(dependent[0]), latexPrinter.symbolText(independent[0]))
        side = "\\frac{d\\," + u + "}{d\\," + x + "}"
      } else if answer.order != nil {
        side = "H_{" + latexPrinter.symbolText(dependent[0]) + "}"
      } else {
        side = jacobianSymbol(dependent.map(latexPrinter.symbolText), independent)
      }
    case .inverse: side = "\\left(" + jacobianSymbol(functions, answer.variables) + "\\right)^{-1}"
    case .gradient: side = "\\nabla " + functions[0]
    case .hessian: side = "H_{" + functions[0] + "}"
    case .partial:
      guard count == 1 else { return nil }
      side = partialSymbol(functions[0], along: answer.along)
    case .name:
      guard answer.componentNames.count == 1, answer.componentNames[0] != nil else { return nil }
      side = functions[0]
    case .none: return nil
    }
    guard answer.atPoint else { return side }
    var latex = LatexPrinter(pool: pool)
    latex.symbolNames = latexPrinter.symbolNames
    let matrices = answer.matrixPoint.map { name, value, isVector in
      let symbol = latex.symbolText(name)
      return (isVector ? "\\mathbf{" + symbol + "}" : symbol) + " = " + latexMatrix(value, latex)
    }
    let point = matrices + answer.point.map { latex.symbolText($0.name) + " = " + latex.string($0.value) }
    return "\\left." + side + "\\right|_{" + point.joined(separator: ", ") + "}"
  }

  /// A value of `--at` in the subscript of a left side: `\begin{pmatrix} 1 \\ 2 \end{pmatrix}`.
  private func latexMatrix(_ m: Matrix, _ latex: LatexPrinter) -> String {
    let rows = (0..<m.rows).map { i in (0..<m.columns).map { latex.string(m[i, $0]) }.joined(separator: " & ") }
    return "\\begin{\(style.environment)} " + rows.joined(separator: " \\\\ ") + " \\end{\(style.environment)}"
  }

  /// One LaTeX display per function for `diff` of several functions, with their left sides.
  func writeLatexList(_ es: [Expr], _ answer: Answer, to o: AnswerOutput) {
    let functions = functionNames(answer, count: es.count)
    for (k, (f, e)) in zip(functions, es).enumerated() {
      if k > 0 { o.write(", \\quad ") }
      if style.lhs { o.write(partialSymbol(f, along: answer.along) + " = ") }
      writeLatex(e, answer, to: o)
    }
  }
}

extension AnswerFormatter {
  /// The note that says which determinant a non-square `det` is (JSON says `"kind": "gram"`):
  /// `this is sqrt(det(JᵀJ)), the Gram determinant of the 3×2 Jacobian: the area element of the
  /// surface`.
  static func determinantNote(_ answer: Answer) -> String? {
    guard answer.determinantKind == .gram, let size = answer.jacobianSize else { return nil }
    let element: String
    switch size.columns {
    case 1: element = "the length element of the curve"
    case 2: element = "the area element of the surface"
    default: element = "the \(size.columns)-volume element of the image"
    }
    let shape = "\(size.rows)×\(size.columns)"
    if answer.command == .logdet {
      return "this is log(det(JᵀJ))/2, the log of the Gram determinant of the \(shape) Jacobian (\(element))"
    }
    return "this is sqrt(det(JᵀJ)), the Gram determinant of the \(shape) Jacobian: \(element)"
  }
}

extension AnswerFormatter {
  /// Where implicit's derivatives hold: `valid where ∂F/∂y = 3*y^2 - 6*x ≠ 0 (the implicit
  /// function theorem)`; for a system `det ∂(F1, F2)/∂(u, v)`.
  func implicitNote(_ implicit: Answer.Implicit, _ answer: Answer) -> String {
    let names = implicit.dependent.joined(separator: ", ")
    let what = implicit.dependent.count == 1 ? "∂F/∂\(names)" : "det ∂F/∂(\(names))"
    return "valid where \(what) = \(textEntry(implicit.condition, answer)) ≠ 0 (the implicit function theorem)"
  }
}
