/// Forms of a value that keep the digits its plain form cancels, written in generated code only
/// (the symbolic answer keeps jac's form). Each is exact algebra; what changes is the rounding:
///
/// | jac's form       | written as     | the plain form loses                                          |
/// |------------------|----------------|---------------------------------------------------------------|
/// | c − c·σ(u)       | c·σ(−u)        | all of it once σ(u) rounds to 1 (u > 36.7: σ'(40) gave 0)     |
/// | c − c·tanh²(u)   | c·sech²(u)     | all of it once tanh(u) rounds to ±1 (|u| > 19.1)              |
/// | c − c·coth²(u)   | −c·csch²(u)    | the same, for coth                                            |
/// | log(1 + u)       | log1p(u)       | the digits of u below 1's last bit (u = 1e-10: 7 of 16 right) |
/// | c·exp(u) − c     | c·expm1(u)     | the same, for exp (u = 1e-10: 7 of 16 right)                  |
///
/// (c a rational, written on both terms as the canonical sums hold it: `tanh(u)^2 - 1` is
/// c = −1; sech and csch are written `1.0/cosh(u)`, `1.0/sinh(u)`.) σ(−u), sech and csch are
/// jac functions, so the first three rewrite the result's expressions before the common
/// subexpressions are found (``ExpressionPool/accurateComplements(_:)``): the new nodes are
/// shared like any other. log1p and expm1 are no jac functions, so they are a
/// way of writing a node (``CodeShape/accurate(_:_:)``, chosen in ``PrintLayout/codeShape(_:)``).
/// `sqrt(x^2 + y^2)` stays as it is: `hypot` costs twice as much (docs/cli.md, "Code").
enum AccurateFunction {
  /// log(1 + u)
  case log1p
  /// exp(u) − 1
  case expm1

  /// Its name in every language's library (C99 `<math.h>`, Python's `math` and NumPy, Swift's
  /// Foundation, Julia's Base, MATLAB).
  var name: String {
    switch self {
    case .log1p: return "log1p"
    case .expm1: return "expm1"
    }
  }
}

extension CodeGenerator.Shape {
  /// The shape with its complements written accurately (``ExpressionPool/accurateComplements(_:)``).
  func accurate(_ pool: ExpressionPool) -> Self {
    let roots = self.roots
    let new = pool.accurateComplements(roots)
    if new == roots { return self }
    switch self {
    case .scalar: return .scalar(new[0])
    case .list: return .list(new)
    case .matrix(let m): return .matrix(m.replacingValues(new))
    case .matrices(let ms):
      var k = 0
      return .matrices(
        ms.map { named in
          defer { k += named.matrix.nonzeroCount }
          return (named.name, named.matrix.replacingValues(Array(new[k..<k + named.matrix.nonzeroCount])))
        })
    }
  }
}

extension ExpressionPool {
  /// `roots` with each sum c − c·σ(u), c − c·tanh²(u), c − c·coth²(u) among other terms written
  /// c·σ(−u), c·sech²(u), −c·csch²(u), rebuilt through the smart constructors, operands before
  /// users (``distinctNodes(_:)``), only where a node changes; `roots` themselves when no sum has
  /// such a pair (one walk that makes no nodes).
  func accurateComplements(_ roots: [Expr]) -> [Expr] {
    var pairs = ExprMap<Bool>()
    forEachDistinctNode(roots) { e in
      if complementPair(e) != nil { pairs[e] = true }
      return true
    }
    guard !pairs.isEmpty else { return roots }
    // The nodes whose image is another: the pairs and the nodes above them.
    var image = ExprMap<Expr>()
    func new(_ o: Expr) -> Expr { image[o] ?? o }
    for e in distinctNodes(roots) {
      var rebuilt = e
      switch node(e) {
      case .number, .symbol, .constant, .undefined: break
      case .sum(let ts): if ts.contains(where: { new($0) != $0 }) { rebuilt = add(ts.map(new)) }
      case .product(let fs): if fs.contains(where: { new($0) != $0 }) { rebuilt = multiply(fs.map(new)) }
      case .power(let b, let x): if new(b) != b || new(x) != x { rebuilt = power(new(b), new(x)) }
      case .call(let f, let u): if new(u) != u { rebuilt = call(f, new(u)) }
      case .apply(let op, let args): if args.contains(where: { new($0) != $0 }) { rebuilt = apply(op, args.map(new)) }
      }
      if pairs[e] != nil, let form = complement(of: rebuilt) { rebuilt = form }
      if rebuilt != e { image[e] = rebuilt }
    }
    return roots.map(new)
  }

  /// The sum `e` with its pair c − c·f(u) replaced by the accurate form; nil without a pair.
  private func complement(of e: Expr) -> Expr? {
    guard let (constant, term, f, u) = complementPair(e) else { return nil }
    let c = rational(constant)!
    let form: Expr
    switch f {
    case .sigmoid: form = scaled(call(.sigmoid, negate(u)), by: c)
    case .tanhSquared: form = scaled(power(call(.sech, u), number(2)), by: c)
    case .cothSquared: form = scaled(power(call(.csch, u), number(2)), by: -c)
    }
    return add(operands(e).filter { $0 != constant && $0 != term } + [form])
  }

  /// In a sum, its number c and the first term −c·σ(u), −c·tanh(u)², −c·coth(u)²; nil when it has
  /// none. Makes no nodes (it runs inside a walk).
  private func complementPair(_ e: Expr) -> (number: Expr, term: Expr, f: Complemented, u: Expr)? {
    var found: (Complemented, Expr)?
    let pair = opposedTerm(in: e) { r in
      var (base, squared) = (r, false)
      if case .power(let b, let x) = node(r), rational(x) == Rational(2) { (base, squared) = (b, true) }
      guard case .call(let f, let u) = node(base) else { return false }
      switch (f, squared) {
      case (.sigmoid, false): found = (.sigmoid, u)
      case (.tanh, true): found = (.tanhSquared, u)
      case (.coth, true): found = (.cothSquared, u)
      default: return false
      }
      return true
    }
    guard let pair, let (f, u) = found else { return nil }
    return (pair.number, pair.term, f, u)
  }

  /// What a complement 1 − r takes away: σ(u), tanh²(u) or coth²(u).
  private enum Complemented {
    case sigmoid, tanhSquared, cothSquared
  }

  /// In a sum, its number c and the first other term k·r with k = −c whose r is `wanted`; nil
  /// when it has none. Makes no nodes. Every sum the code writes is asked (``PrintLayout/codeShape(_:)``),
  /// so r is looked at before any coefficient is read.
  func opposedTerm(in e: Expr, _ wanted: (Expr) -> Bool) -> (number: Expr, term: Expr, k: Rational, rest: Expr)? {
    guard kind(e) == .sum else { return nil }
    let terms = operands(e)
    guard let n = terms.firstIndex(where: { isNumber($0) }) else { return nil }
    for i in terms.indices where i != n {
      let t = terms[i]
      let scaled = kind(t) == .product && operandCount(t) == 2 && isNumber(operand(t, 0))
      let rest = scaled ? operand(t, 1) : t
      guard wanted(rest) else { continue }
      let (k, c) = (scaled ? rational(operand(t, 0))! : .one, rational(terms[n])!)
      if k == -c { return (terms[n], t, k, rest) }
    }
    return nil
  }
}

extension PrintLayout {
  /// `log(1 + u)` written `log1p(u)`; nil for any other logarithm.
  func logOnePlus(_ argument: Expr) -> CodeShape? {
    guard pool.kind(argument) == .sum, pool.operands(argument).contains(pool.one) else { return nil }
    return .accurate(.log1p, pool.add(pool.operands(argument).filter { $0 != pool.one }))
  }

  /// The terms of a sum with its pair c + k·exp(u), k = −c, written k·expm1(u) (the node
  /// exp(u) − 1 stands for expm1(u): ``codeShape(_:)``); nil without a pair.
  func exponentialMinusOne(_ e: Expr) -> [Expr]? {
    guard let pair = pool.opposedTerm(in: e, { pool.function($0) == .exp }) else { return nil }
    let minusOne = pool.add(pair.rest, pool.minusOne)
    return pool.operands(e).filter { $0 != pair.number && $0 != pair.term } + [pool.scaled(minusOne, by: pair.k)]
  }
}
