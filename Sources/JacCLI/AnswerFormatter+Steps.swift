import JacCore

/// `--steps`: each explained entry as a derivation, then the simplifier's rewrites by rule name,
/// then the answer. Text:
/// ```
/// entry [1,2]: ∂/∂t of r*cos(t)
///   ∂/∂t r*cos(t) = -r*sin(t)      product rule: (f·g)' = f'·g + f·g'
///     ∂/∂t r = 0                   constant: d c = 0
///     ∂/∂t cos(t) = -sin(t)        chain rule: f(u)' = f'(u)·u'; table: cos'(u) = -sin(u)
///   simplify: nothing to do
///   = -r*sin(t)
/// ```
/// LaTeX: one `align*` block per entry, the rules as `\text{…}` annotations.
extension AnswerFormatter {
  func steps(_ answer: Answer) -> String {
    answer.derivations.map { format == .latex ? latexSteps($0, answer) : textSteps($0, answer) }
      .joined(separator: "\n\n")
  }

  /// `cos'(u) = -sin(u)`, from the derivative table itself.
  private func tableEntry(_ f: Function, latex: Bool) -> String {
    let u = pool.symbol("u")
    let derivative = pool.derivativeOf(f, at: u)
    if latex {
      return "\\operatorname{\(f.name)}'(u) = " + LatexPrinter(pool: pool).string(derivative)
    }
    return "\(f.name)'(u) = " + printed(derivative)
  }

  /// What ∂/∂x applies to: a sum in parentheses, `d/dx (x^2 + 1)`.
  private func operand(_ e: Expr) -> String {
    if case .sum = pool.node(e) { return "(" + printed(e) + ")" }
    return printed(e)
  }

  private func printed(_ e: Expr) -> String { textPrinter.string(e) }

  private func annotation(_ step: Derivation.Step, latex: Bool) -> String {
    var text = step.rule.formula
    if let f = step.function { text += "; table: " + tableEntry(f, latex: false) }
    if step.repeated { text += " (as above)" }
    if latex {
      return "\\text{" + LatexPrinter.textMode(text) + "}"
    }
    return text
  }

  private func textSteps(_ d: EntryDerivation, _ answer: Answer) -> String {
    let partial = format == .unicode ? "∂/∂" + d.variable : "d/d" + d.variable
    var lines = [
      (d.label.isEmpty ? "" : "entry \(d.label): ") + "\(partial) of \(printed(d.function))"
    ]
    let rows = d.derivation.steps.map { step in
      (
        String(repeating: "  ", count: step.depth + 1) + "\(partial) \(operand(step.expression)) = "
          + printed(step.derivative), annotation(step, latex: false)
      )
    }
    let width = rows.map { $0.0.unicodeScalars.count }.max() ?? 0
    for (left, note) in rows {
      lines.append(left + String(repeating: " ", count: width - left.unicodeScalars.count + 4) + note)
    }
    if d.derivation.truncated { lines.append("  … (\(Derivation.maxSteps) steps shown)") }
    if d.simplification.isEmpty {
      lines.append("  simplify: nothing to do")
    } else {
      lines.append("  simplify:")
      for s in d.simplification {
        let names = s.rules.map(\.rawValue).joined(separator: ", ")
        lines.append("    \(printed(s.before)) → \(printed(s.after))    \(names)")
      }
    }
    lines.append("  = " + printed(d.result))
    return lines.joined(separator: "\n")
  }

  private func latexSteps(_ d: EntryDerivation, _ answer: Answer) -> String {
    var latex = LatexPrinter(pool: pool)
    latex.symbolNames = latexPrinter.symbolNames
    let x = latexPrinter.symbolText(d.variable)
    var lines: [String] = []
    for step in d.derivation.steps {
      let indent = String(repeating: "\\quad ", count: step.depth)
      lines.append(
        indent + "\\frac{\\partial}{\\partial \(x)}\\left[" + latex.string(step.expression) + "\\right] &= "
          + latex.string(step.derivative) + " && " + annotation(step, latex: true))
    }
    for s in d.simplification {
      let names = s.rules.map(\.rawValue).joined(separator: ", ")
      lines.append("&= " + latex.string(s.after) + " && \\text{" + names + "}")
    }
    lines.append("&= " + latex.string(d.result) + " && \\text{result" + (d.label.isEmpty ? "" : " " + d.label) + "}")
    return "\\begin{align*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{align*}"
  }
}
