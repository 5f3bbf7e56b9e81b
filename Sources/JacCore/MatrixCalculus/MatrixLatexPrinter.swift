/// LaTeX of matrix expressions: bold vectors (`\mathbf{x}`), `^\top`, `\odot`, `A^{-1}`,
/// `\operatorname{diag}`, `\operatorname{tr}`, `\det`, `\left\| x \right\|`, elementwise powers
/// as `z^{\circ 2}` (Hadamard powers), the identity `I`, the ones vector `\mathbf{1}`.
/// Scalars without atoms print with jac's ``LatexPrinter``; with atoms (`2\det(X)`) by a walk
/// of their own.
public struct MatrixLatexPrinter {
  let context: MatrixContext
  var pool: ExpressionPool { context.pool }
  private let scalars: LatexPrinter

  public init(context: MatrixContext) {
    self.context = context
    scalars = LatexPrinter(pool: context.pool)
  }

  typealias Level = MatrixPrinter.Level
  typealias Printed = MatrixPrinter.Printed

  public func string(_ m: MatrixExpr?) -> String { m.map { print($0).text.string } ?? "0" }

  private func wrapped(_ p: Printed, atLeast level: Level) -> LazyText {
    p.level < level ? "\\left(" + p.text + "\\right)" : p.text
  }

  /// `base^script`, the one place a superscript (`^\top`, `^{-1}`, `^{-\top}`, a power) is
  /// attached: a base that binds less than an atom in parentheses, and an atom that already
  /// carries a superscript (`e^{X}`, the exponential) in braces, `{e^{X}}^\top`: TeX refuses a
  /// double superscript (`e^{X}^\top`).
  private func raised(_ base: Printed, _ script: LazyText) -> Printed {
    let braced = base.level == .atom && base.text.hasPrefix("e^{")
    return ((braced ? "{" + base.text + "}" : wrapped(base, atLeast: .atom)) + script, .postfix)
  }

  private func name(_ n: String) -> LazyText {
    let symbol = scalars.symbolText(n)
    return LazyText(context.kinds[n] == .vector ? "\\mathbf{" + symbol + "}" : symbol)
  }

  private let memo = MatrixPrintMemo()

  func print(_ m: MatrixExpr) -> Printed { memo.text(m, printNode: printNode) }

  private func printNode(_ m: MatrixExpr) -> Printed {
    switch m.kind {
    case .variable(let n): return (name(n), .atom)
    case .differential(let n): return ("d" + name(n), .atom)
    case .identity: return ("I", .atom)
    case .ones: return ("\\mathbf{1}", .atom)
    case .scalar(let e): return scalar(e, nil)
    case .sum(let unordered):
      // As in text: the terms written with a minus after the others.
      let printed = unordered.map(print)
      let minus = printed.map { $0.text.startsWithMinus && $0.level == .negation }
      let terms =
        printed.indices.filter { !minus[$0] }.map { printed[$0] }
        + printed.indices.filter { minus[$0] }.map { printed[$0] }
      var text: LazyText = ""
      for (k, p) in terms.enumerated() {
        if p.text.startsWithMinus && p.level == .negation {
          text += (k == 0 ? "-" : " - ") + p.text.droppingFirst()
        } else {
          text += (k == 0 ? "" : " + ") + p.text
        }
      }
      return (text, .sum)
    case .product(let factors):
      var parts: [LazyText] = []
      var negative = false
      for (k, f) in factors.enumerated() {
        if k == 0, case .scalar(let c) = f.kind, c == pool.minusOne, factors.count > 1 {
          negative = true
          continue
        }
        parts.append(wrapped(print(f), atLeast: parts.isEmpty ? .product : .negation))
      }
      let text = parts.joined(separator: " ")
      return negative ? ("-" + text, .negation) : (text, .product)
    case .hadamard(let factors):
      return (factors.map { wrapped(print($0), atLeast: .negation) }.joined(separator: " \\odot "), .product)
    case .transpose(let a):
      if case .inverse(let b) = a.kind { return raised(print(b), "^{-\\top}") }
      return raised(print(a), "^\\top")
    case .inverse(let a): return raised(print(a), "^{-1}")
    case .map(let body, let z): return scalar(body, print(z))
    case .diag(let a): return ("\\operatorname{diag}\\left(" + print(a).text + "\\right)", .atom)
    case .trace(let a): return ("\\operatorname{tr}\\left(" + print(a).text + "\\right)", .atom)
    case .det(let a): return ("\\det\\left(" + print(a).text + "\\right)", .atom)
    case .norm(let a): return ("\\left\\| " + print(a).text + " \\right\\|", .atom)
    case .total(let a): return ("\\mathbf{1}^\\top " + wrapped(print(a), atLeast: .negation), .product)
    }
  }

  /// A pool scalar (with `z` for the placeholder of an elementwise body).
  private func scalar(_ e: Expr, _ z: Printed?) -> Printed {
    if e == context.placeholder, let z { return z }
    let special = context.mentionsPlaceholder(e) || pool.freeSymbols([e]).contains { context.atom(named: $0) != nil }
    if !special { return (LazyText(scalars.string(e)), level(e)) }
    switch pool.node(e) {
    case .symbol(let n):
      return context.atom(named: n).map { (wrapped(print($0), atLeast: .atom), .atom) } ?? (LazyText(n), .atom)
    case .sum(let terms):
      var text: LazyText = ""
      for (k, t) in terms.enumerated() {
        // A term that is an atom binding as a product or tighter needs no parentheses.
        let atom = pool.symbolName(t).flatMap(context.atom(named:)).map(print)
        let p = atom.map { $0.level >= .product ? $0 : scalar(t, z) } ?? scalar(t, z)
        if p.text.startsWithMinus {
          text += (k == 0 ? "-" : " - ") + p.text.droppingFirst()
        } else {
          text += (k == 0 ? "" : " + ") + p.text
        }
      }
      return (text, .sum)
    case .product(let factors):
      var numerator: [LazyText] = []
      var denominator: [LazyText] = []
      var negative = false
      for f in factors {
        if f == pool.minusOne {
          negative = true
        } else if case .power(let b, let k) = pool.node(f), k == pool.minusOne {
          // A fraction's bar groups its denominator: an atom there needs no parentheses.
          let atom = pool.symbolName(b).flatMap(context.atom(named:))
          denominator.append(atom.map { print($0).text } ?? scalar(b, z).text)
        } else {
          numerator.append(wrapped(scalar(f, z), atLeast: .negation))
        }
      }
      var text = numerator.isEmpty ? "1" : numerator.joined(separator: z == nil ? " " : " \\odot ")
      if !denominator.isEmpty { text = "\\frac{" + text + "}{" + denominator.joined(separator: " ") + "}" }
      return negative ? ("-" + text, .negation) : (text, .product)
    case .power(let b, let k):
      let exponent = scalar(k, z).text
      let mark: LazyText = z != nil && context.mentionsPlaceholder(b) ? "\\circ " : ""
      return raised(scalar(b, z), "^{" + mark + exponent + "}")
    case .call(let f, let u):
      // jac's LaTeX of f(Q) (no function's LaTeX has a capital Q), with the argument for Q.
      let pieces = scalars.string(pool.call(f, pool.symbol("Q"))).split(
        separator: "Q", omittingEmptySubsequences: false)
      // An atom needs no parentheses of its own inside the call's (or an exponent's braces).
      let inner = pool.symbolName(u).flatMap(context.atom(named:)).map { print($0).text } ?? scalar(u, z).text
      let parenthesised = (pieces.first?.hasSuffix("(") ?? false) || (pieces.first?.hasSuffix("{") ?? false)
      let separator = parenthesised ? inner : "\\left(" + inner + "\\right)"
      return (pieces.map { LazyText(String($0)) }.joined(separator: separator), .atom)
    case .apply, .number, .constant, .undefined: return (LazyText(scalars.string(e)), level(e))
    }
  }

  private func level(_ e: Expr) -> Level {
    switch pool.node(e) {
    case .sum: return .sum
    case .number(let q): return q < Rational(0) ? .negation : q.denominator != BigInt(1) ? .product : .atom
    case .product: return .product
    case .power: return .postfix
    case .symbol, .constant, .call, .apply, .undefined: return .atom
    }
  }
}
