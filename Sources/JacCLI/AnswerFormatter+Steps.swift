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
  /// The derivations, a line at a time.
  func writeSteps(_ answer: Answer, to o: AnswerOutput) {
    for (k, d) in answer.derivations.enumerated() {
      if k > 0 { o.write("\n\n") }
      if format == .latex { writeLatexSteps(d, answer, to: o) } else { writeTextSteps(d, answer, to: o) }
    }
  }

  /// `cos'(u) = -sin(u)`, from the derivative table itself.
  private func tableEntry(_ f: Function, latex: Bool) -> String {
    let u = pool.symbol("u")
    let derivative = pool.derivativeOf(f, at: u)
    if latex {
      return "\\operatorname{\(f.name)}'(u) = " + LatexPrinter(pool: pool).string(derivative)
    }
    return "\(f.name)'(u) = " + textPrinter.string(derivative)
  }

  /// What ∂/∂x applies to: a sum in parentheses, `d/dx (x^2 + 1)`.
  private func writeOperand(_ e: Expr, to o: AnswerOutput) {
    guard case .sum = pool.node(e) else { return writePrinted(e, to: o) }
    o.write("(")
    writePrinted(e, to: o)
    o.write(")")
  }

  /// The scalars ``writeOperand(_:to:)`` writes.
  private func operandWidth(_ e: Expr, _ o: AnswerOutput) -> Int {
    guard case .sum = pool.node(e) else { return o.text.of(e).scalars }
    return o.text.of(e).scalars + 2
  }

  /// An expression of a derivation, in text: printed, or measured when counting.
  private func writePrinted(_ e: Expr, to o: AnswerOutput) {
    if o.counting { return o.countText(e) }
    o.write(textPrinter.string(e))
  }

  /// The rule of a step: in text its formula in ASCII; in LaTeX its name as text and its formula
  /// (and the table entry) in math mode.
  private func annotation(_ step: Derivation.Step, latex: Bool) -> String {
    if latex {
      let (name, formula) = step.rule.latex
      var math = (name.isEmpty ? "" : "\\text{\(name): } ") + formula
      if let f = step.function { math += "; \\ \\text{table: } " + tableEntry(f, latex: true) }
      if step.repeated { math += " \\ \\text{(as above)}" }
      return math
    }
    var text = step.rule.formula
    if let f = step.function { text += "; table: " + tableEntry(f, latex: false) }
    if step.repeated { text += " (as above)" }
    return text
  }

  /// The derivation as text; the rules line up in one column after the widest step.
  private func writeTextSteps(_ d: EntryDerivation, _ answer: Answer, to o: AnswerOutput) {
    let partial = format == .unicode ? "∂/∂" + d.variable : "d/d" + d.variable
    o.write((d.label.isEmpty ? "" : "entry \(d.label): ") + "\(partial) of ")
    writePrinted(d.function, to: o)
    let partialWidth = partial.unicodeScalars.count
    func leftWidth(_ step: Derivation.Step) -> Int {
      let derivative = o.text.of(step.derivative).scalars
      return 2 * (step.depth + 1) + partialWidth + 1 + operandWidth(step.expression, o) + 3 + derivative
    }
    let width = d.derivation.steps.map(leftWidth).max() ?? 0
    for step in d.derivation.steps {
      o.write("\n" + String(repeating: "  ", count: step.depth + 1) + "\(partial) ")
      writeOperand(step.expression, to: o)
      o.write(" = ")
      writePrinted(step.derivative, to: o)
      o.writeSpaces(width - leftWidth(step) + 4)
      o.write(annotation(step, latex: false))
    }
    if d.derivation.truncated { o.write("\n  … (\(Derivation.maxSteps) steps shown)") }
    if d.simplification.isEmpty {
      o.write("\n  simplify: nothing to do")
    } else {
      o.write("\n  simplify:")
      for s in d.simplification {
        o.write("\n    ")
        writePrinted(s.before, to: o)
        o.write(" → ")
        writePrinted(s.after, to: o)
        o.write("    " + s.rules.map(\.rawValue).joined(separator: ", "))
      }
    }
    o.write("\n  = ")
    writePrinted(d.result, to: o)
  }

  /// The derivation as one `align*` block, a line a step.
  private func writeLatexSteps(_ d: EntryDerivation, _ answer: Answer, to o: AnswerOutput) {
    let x = latexPrinter.symbolText(d.variable)
    func latex(_ e: Expr) {
      if o.counting { return o.countLatex(e) }
      o.write(latexPrinter.string(e))
    }
    o.write("\\begin{align*}\n")
    var first = true
    func line() {
      if !first { o.write(" \\\\\n") }
      first = false
    }
    for step in d.derivation.steps {
      line()
      o.write(String(repeating: "\\quad ", count: step.depth) + "\\frac{\\partial}{\\partial \(x)}\\left[")
      latex(step.expression)
      o.write("\\right] &= ")
      latex(step.derivative)
      o.write(" && " + annotation(step, latex: true))
    }
    for s in d.simplification {
      line()
      o.write("&= ")
      latex(s.after)
      o.write(" && \\text{" + s.rules.map(\.rawValue).joined(separator: ", ") + "}")
    }
    line()
    o.write("&= ")
    latex(d.result)
    o.write(" && \\text{result" + (d.label.isEmpty ? "" : " " + d.label) + "}")
    o.write("\n\\end{align*}")
  }
}
