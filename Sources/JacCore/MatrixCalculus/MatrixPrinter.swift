/// Text of matrix expressions, in the syntax ``MatrixParser`` reads: `(A + A')*x`,
/// `diag(1 - tanh(W1*x + b1).^2)*W1`, `inv(X)'`. Scalars print with jac's ``TextPrinter``
/// (atoms replaced by what they stand for); elementwise functions print their body with the
/// elementwise operators `.*`, `./`, `.^`. The identity prints as `I`, the column of ones as
/// `ones(n)`.
public struct MatrixPrinter {
  let context: MatrixContext
  var pool: ExpressionPool { context.pool }
  private let scalars: TextPrinter

  public init(context: MatrixContext) {
    self.context = context
    scalars = TextPrinter(pool: context.pool)
  }

  /// Binding strength of printed text: a sum, a product, a leading minus, a postfix or power,
  /// an atom (a name, a call, a parenthesis).
  enum Level: Int, Comparable {
    case sum = 1
    case product, negation, postfix, atom
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
  }
  /// Text and its binding strength; the text is joined once, when the answer is asked for.
  typealias Printed = (text: LazyText, level: Level)

  public func string(_ m: MatrixExpr?) -> String { m.map { print($0).text.string } ?? "0" }

  private func wrapped(_ p: Printed, atLeast level: Level) -> LazyText {
    p.level < level ? "(" + p.text + ")" : p.text
  }

  private let memo = MatrixPrintMemo()

  func print(_ m: MatrixExpr) -> Printed { memo.text(m, printNode: printNode) }

  private func printNode(_ m: MatrixExpr) -> Printed {
    switch m.kind {
    case .variable(let name): return (LazyText(name), .atom)
    case .differential(let name): return (LazyText("d" + name), .atom)
    case .identity: return ("I", .atom)
    case .ones(let d): return (LazyText("ones(\(context.name(d)))"), .atom)
    case .scalar(let e): return scalar(e)
    case .sum(let terms): return sum(terms)
    case .product(let factors): return product(factors)
    case .hadamard(let factors):
      var text: LazyText = ""
      for (k, f) in factors.enumerated() {
        if case .map(let body, let z) = f.kind, body == pool.reciprocal(context.placeholder), k > 0 {
          text += " ./ " + wrapped(print(z), atLeast: .negation)
          continue
        }
        text += (k == 0 ? "" : " .* ") + wrapped(print(f), atLeast: k == 0 ? .product : .negation)
      }
      return (text, .product)
    case .transpose(let a): return (wrapped(print(a), atLeast: .atom) + "'", .postfix)
    case .inverse(let a): return call("inv", a)
    case .map(let body, let z): return elementwise(body, print(z))
    case .diag(let a): return call("diag", a)
    case .trace(let a): return call("tr", a)
    case .det(let a): return call("det", a)
    case .norm(let a): return call("norm", a)
    case .total(let a): return call("sum", a)
    }
  }

  private func call(_ name: String, _ a: MatrixExpr) -> Printed { (LazyText(name + "(") + print(a).text + ")", .atom) }

  /// Whether a pool scalar is written with a leading minus (-2, -2*c).
  private func isNegative(_ e: Expr) -> Bool {
    if let q = pool.rational(e) { return q < Rational(0) }
    if case .product(let fs) = pool.node(e), let q = pool.rational(fs[0]) { return q < Rational(0) }
    return false
  }

  /// Terms in the order they were made, those written with a minus after the others
  /// (`I/norm(x) - x*x'/norm(x)^3`, `softmax - y`).
  private func sum(_ unordered: [MatrixExpr]) -> Printed {
    let simplifier = MatrixSimplifier(context: context, simplifyScalar: { $0 })
    let negative = unordered.map { isNegative(simplifier.split($0).0) }
    let terms =
      unordered.indices.filter { !negative[$0] }.map { unordered[$0] }
      + unordered.indices.filter { negative[$0] }.map { unordered[$0] }
    var text: LazyText = ""
    for (k, t) in terms.enumerated() {
      let (c, rest) = MatrixSimplifier(context: context, simplifyScalar: { $0 }).split(t)
      if isNegative(c) {
        let positive = rest.map { r in pool.negate(c) == pool.one ? r : .product([.scalar(pool.negate(c)), r]) }
        let p = positive.map(print) ?? scalar(pool.negate(c))
        text += (k == 0 ? "-" : " - ") + wrapped(p, atLeast: .product)
      } else {
        text += (k == 0 ? "" : " + ") + wrapped(print(t), atLeast: .sum)
      }
    }
    return (text, .sum)
  }

  /// `c*A*x`, with a coefficient's denominator after the matrices: `x*x'/norm(x)^3`.
  private func product(_ factors: [MatrixExpr]) -> Printed {
    var parts: [LazyText] = []
    var negative = false
    var denominator: Expr?
    for (k, f) in factors.enumerated() {
      if k == 0, case .scalar(var c) = f.kind, factors.count > 1 {
        if isNegative(c) {
          negative = true
          c = pool.negate(c)
        }
        let (numerator, below) = pool.scalarFraction(c)
        if below != pool.one { denominator = below }
        if numerator != pool.one { parts.append(wrapped(scalar(numerator), atLeast: .product)) }
        continue
      }
      // An elementwise product in front is parenthesised too, for the reader: (a .* b)*x'.
      var first = Level.product
      if case .hadamard = f.kind { first = .negation }
      parts.append(wrapped(print(f), atLeast: parts.isEmpty ? first : .negation))
    }
    var text = parts.joined(separator: "*")
    if let denominator { text += "/" + wrapped(scalar(denominator), atLeast: .postfix) }
    return negative ? ("-" + text, .negation) : (text, .product)
  }

  // MARK: Scalars

  /// A pool scalar, its atoms replaced by the matrix expressions they stand for: in
  /// parentheses, except where an atom is a whole argument of a call (`exp(x'*x)`, not
  /// `exp((x'*x))`) or a product that is a whole term of a sum (`sign(x'*x - 1)`).
  func scalar(_ e: Expr) -> Printed {
    // An atom alone binds as what it stands for (`x/(1 + x'*x)`).
    if let atom = pool.symbolName(e).flatMap(context.atom(named:)) { return print(atom) }
    var text: LazyText = ""
    var rest = Substring(scalars.string(e))
    while let at = rest.firstIndex(of: "@") {
      let before = rest[..<at]
      text += LazyText(String(before))
      let digits = rest[rest.index(after: at)...].prefix { $0.isASCII && $0.isNumber }
      rest = rest[digits.endIndex...]
      guard let atom = context.atom(named: "@" + digits) else { continue }
      let printed = print(atom)
      let opens = before.isEmpty || before.hasSuffix("(") || before.hasSuffix(", ")
      let closes = rest.isEmpty || rest.hasPrefix(")") || rest.hasPrefix(",")
      let wholeArgument = opens && closes
      let wholeTerm =
        printed.level >= .product && (opens || before.hasSuffix(" + ") || before.hasSuffix(" - "))
        && (closes || rest.hasPrefix(" + ") || rest.hasPrefix(" - "))
      text += wholeArgument || wholeTerm ? printed.text : wrapped(printed, atLeast: .atom)
    }
    text += LazyText(String(rest))
    return (text, level(e))
  }

  private func level(_ e: Expr) -> Level {
    switch pool.node(e) {
    case .sum: return .sum
    case .product: return isNegative(e) ? .negation : .product
    case .number(let q): return q < Rational(0) ? .negation : q.denominator != BigInt(1) ? .product : .atom
    case .power: return .postfix
    case .symbol, .constant, .call, .apply, .undefined: return .atom
    }
  }

  // MARK: Elementwise

  /// The body of an elementwise function with `z` for the placeholder: `1 - tanh(z).^2`.
  private func elementwise(_ e: Expr, _ z: Printed) -> Printed {
    if e == context.placeholder { return z }
    if !context.mentionsPlaceholder(e) { return scalar(e) }
    switch pool.node(e) {
    case .sum(let terms):
      var text: LazyText = ""
      for (k, t) in terms.enumerated() {
        if isNegative(t) {
          text += (k == 0 ? "-" : " - ") + wrapped(elementwise(pool.negate(t), z), atLeast: .product)
        } else {
          text += (k == 0 ? "" : " + ") + elementwise(t, z).text
        }
      }
      return (text, .sum)
    case .product(let factors):
      var text: LazyText = ""
      var negative = false
      var previousNumber = false
      for f in factors {
        if f == pool.minusOne {
          negative = true
          continue
        }
        if case .power(let b, let k) = pool.node(f), k == pool.minusOne, !text.isEmpty {
          text += " ./ " + wrapped(elementwise(b, z), atLeast: .negation)
          continue
        }
        // A number scales: 2*x, not 2 .* x.
        let separator: LazyText = text.isEmpty ? "" : pool.isNumber(f) || previousNumber ? "*" : " .* "
        previousNumber = pool.isNumber(f)
        text += separator + wrapped(elementwise(f, z), atLeast: text.isEmpty ? .product : .negation)
      }
      return negative ? ("-" + text, .negation) : (text, .product)
    case .power(let b, let k):
      if k == pool.minusOne { return ("1 ./ " + wrapped(elementwise(b, z), atLeast: .negation), .product) }
      let exponent = elementwise(k, z)
      return (wrapped(elementwise(b, z), atLeast: .atom) + ".^" + wrapped(exponent, atLeast: .atom), .postfix)
    case .call(let f, let u): return (LazyText(f.name + "(") + elementwise(u, z).text + ")", .atom)
    case .apply(let op, let args):
      let inner = args.map { elementwise($0, z).text }.joined(separator: ", ")
      return (LazyText(TextPrinter.head(op, arguments: args.count) + "(") + inner + ")", .atom)
    case .number, .symbol, .constant, .undefined: return scalar(e)
    }
  }
}
