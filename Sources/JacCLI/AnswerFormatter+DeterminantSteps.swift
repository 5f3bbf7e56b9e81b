import JacCore

/// `det --steps`: the matrix, the cofactor expansion along the first row (up to 3×3), the raw
/// determinant, the simplifier's rewrites by rule name, the result. Text:
/// ```
/// det J of
/// [ cos(t)  -r*sin(t) ]
/// [ sin(t)  r*cos(t)  ]
///   cofactor expansion along row 1, (-1)^(1+j)*J[1,j]*det M[1,j]:
///     j = 1: r*cos(t)^2
///     j = 2: r*sin(t)^2
///   det J = r*cos(t)^2 + r*sin(t)^2
///   simplify:
///     r*cos(t)^2 + r*sin(t)^2 → r    pythagorean
///   = r
/// ```
/// LaTeX: one `align*` block, the steps annotated with `\text{…}`.
extension AnswerFormatter {
  func writeDeterminantSteps(_ s: DeterminantSteps, _ answer: Answer, to o: AnswerOutput) {
    if format == .latex { return writeLatexDeterminantSteps(s, answer, to: o) }
    func printed(_ e: Expr) {
      if o.counting { return o.countText(e) }
      o.write(textPrinter.string(e))
    }
    o.write("det \(s.name) of\n")
    writeTextMatrix(s.matrix, answer, to: o)
    if !s.cofactors.isEmpty {
      o.write("\n  cofactor expansion along row 1, (-1)^(1+j)*\(s.name)[1,j]*det M[1,j]:")
      for (j, term) in s.cofactors.enumerated() {
        o.write("\n    j = \(j + 1): ")
        printed(term)
      }
    } else if s.matrix.rows > 3 {
      o.write("\n  expansion: the shorter of Berkowitz's division-free algorithm and Laplace expansion")
    }
    o.write("\n  det \(s.name) = ")
    printed(s.raw)
    if s.simplification.isEmpty {
      o.write("\n  simplify: nothing to do")
    } else {
      o.write("\n  simplify:")
      for step in s.simplification {
        o.write("\n    ")
        printed(step.before)
        o.write(" → ")
        printed(step.after)
        o.write("    " + step.rules.map(\.rawValue).joined(separator: ", "))
      }
    }
    o.write("\n  = ")
    printed(s.result)
    guard !s.inverseEntries.isEmpty else { return }
    o.write("\n\(s.name)⁻¹ = adj(\(s.name))/det \(s.name), entry by entry:")
    let columns = s.matrix.columns
    for (k, entry) in s.inverseEntries.enumerated() {
      o.write("\n  [\(k / columns + 1),\(k % columns + 1)] ")
      if entry.simplification.isEmpty {
        o.write("= ")
        printed(entry.result)
        continue
      }
      printed(entry.raw)
      for step in entry.simplification {
        o.write("\n    ")
        printed(step.before)
        o.write(" → ")
        printed(step.after)
        o.write("    " + step.rules.map(\.rawValue).joined(separator: ", "))
      }
      o.write("\n    = ")
      printed(entry.result)
    }
  }

  private func writeLatexDeterminantSteps(_ s: DeterminantSteps, _ answer: Answer, to o: AnswerOutput) {
    func latex(_ e: Expr) {
      if o.counting { return o.countLatex(e) }
      o.write(latexPrinter.string(e))
    }
    let name = s.name == "J" ? "J" : "J^\\top J"
    o.write("\\begin{align*}\n\\det \(name) &= \\det ")
    writeLatexMatrix(s.matrix, answer, to: o)
    if !s.cofactors.isEmpty {
      o.write(" \\\\\n&= ")
      for (j, term) in s.cofactors.enumerated() {
        if j > 0 { o.write(" + ") }
        o.write("\\left(")
        latex(term)
        o.write("\\right)")
      }
      o.write(" && \\text{cofactor expansion along row 1}")
    }
    o.write(" \\\\\n&= ")
    latex(s.raw)
    for step in s.simplification {
      o.write(" \\\\\n&= ")
      latex(step.after)
      o.write(" && \\text{" + step.rules.map(\.rawValue).joined(separator: ", ") + "}")
    }
    o.write(" \\\\\n&= ")
    latex(s.result)
    o.write(" && \\text{result}\n\\end{align*}")
    let columns = s.matrix.columns
    for (k, entry) in s.inverseEntries.enumerated() {
      o.write("\n\\begin{align*}\n(J^{-1})_{\(k / columns + 1)\(k % columns + 1)} &= ")
      latex(entry.raw)
      for step in entry.simplification {
        o.write(" \\\\\n&= ")
        latex(step.after)
        o.write(" && \\text{" + step.rules.map(\.rawValue).joined(separator: ", ") + "}")
      }
      o.write("\n\\end{align*}")
    }
  }
}

extension AnswerFormatter {
  /// `implicit --steps`, `taylor --steps`: a line per quantity, `dF/dy = 3*y^2 - 6*x`, with its
  /// value at the point where there is one; in LaTeX one `align*` block.
  func writeExplanation(_ answer: Answer, to o: AnswerOutput) {
    let latex = format == .latex
    if latex { o.write("\\begin{align*}") }
    for (k, line) in answer.explanation.enumerated() {
      if latex {
        o.write((k > 0 ? " \\\\" : "") + "\n" + line.latex + " &= ")
        writeLatex(line.value, answer, to: o)
        if let remark = line.remark {
          o.write(" && \\text{\(remark.words): } ")
          writeLatex(remark.value, answer, to: o)
        }
      } else {
        o.write((k > 0 ? "\n" : "") + line.text + " = ")
        writeText(line.value, answer, to: o)
        if let remark = line.remark {
          o.write("    \(remark.words): ")
          writeText(remark.value, answer, to: o)
        }
      }
    }
    if latex { o.write("\n\\end{align*}") }
  }
}
