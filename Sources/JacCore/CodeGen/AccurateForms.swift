/// Forms of a value that keep the digits its plain form cancels, written in generated code only
/// (the symbolic answer keeps jac's form). Each is exact algebra; what changes is the rounding:
///
/// | jac's form       | written as        | the plain form loses                                          |
/// |------------------|-------------------|---------------------------------------------------------------|
/// | c − c·σ(u)       | c·σ(−u)           | all of it once σ(u) rounds to 1 (u > 36.7: σ'(40) gave 0)     |
/// | c − c·tanh²(u)   | c·sech²(u)        | all of it once tanh(u) rounds to ±1 (|u| > 19.1)              |
/// | c − c·coth²(u)   | −c·csch²(u)       | the same, for coth                                            |
/// | c − c·cos(u)     | 2c·sin²(u/2)      | all of it once cos(u) rounds to 1 (|u| < 1.05e-8; 1e-4: 8 of 16 right) |
/// | c − c·cosh(u)    | −2c·sinh²(u/2)    | the same, for cosh (|u| < 1.49e-8; 1e-4: 8 of 16 right)       |
/// | log(1 + u)       | log1p(u)          | the digits of u below 1's last bit (u = 1e-10: 7 of 16 right) |
/// | c·exp(u) − c     | c·expm1(u)        | the same, for exp (u = 1e-10: 7 of 16 right)                  |
/// | c + k·u²         | −k·(s − u)(u + s) | near u = ±s, s = √(−c/k): u² rounds (1 − 2⁻³⁰: 9 of 16 right) |
/// | log(1 + exp(v))  | softplus(v)       | everything past v = 709.78, where exp(v) overflows            |
/// | exp(v)/(1 + exp(v)) | σ(v)           | everything past v = 709.78: inf/inf is NaN (d/dv of softplus) |
///
/// (c a rational, written on both terms as the canonical sums hold it: `tanh(u)^2 - 1` is
/// c = −1; sech and csch are written `1.0/cosh(u)`, `1.0/sinh(u)`; other terms of the sum stay
/// beside the form, but not beside a difference of squares: `AccurateForms+Squares.swift`; softplus is
/// the unit's helper.) Each is a way of writing the sum or the log node
/// (``PrintLayout/codeShape(_:complements:)``), in the shapes the temporaries are counted over,
/// so no expression is rebuilt: an earlier version rewrote the result's expressions first, and
/// rebuilding nn30's 900 entries through the smart constructors cost 2.5% of its unit's
/// instructions. log1p and expm1 are no jac functions: ``CodeShape/accurate(_:_:)``. NumPy's
/// entry-by-entry bodies (matrix calculus) take log1p, expm1 and the differences of squares
/// only: their `1 - tanh(z)^2` shares `np.tanh(z)` with the layer's output. `sqrt(x^2 + y^2)`
/// stays as it is: `hypot` costs twice as much (docs/cli.md, "Code").
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

extension PrintLayout {
  /// `log(1 + u)` written `log1p(u)`, and `log(1 + exp(v))` written `softplus(v)`
  /// (``softplusArgument(_:)``); nil for any other logarithm.
  func logOnePlus(_ argument: Expr) -> CodeShape? {
    guard pool.kind(argument) == .sum, pool.operand(argument, 0) == pool.one else { return nil }
    if let v = softplusArgument(argument) { return .call(.softplus, v) }
    return .accurate(.log1p, pool.add(pool.operands(argument).filter { $0 != pool.one }))
  }

  /// The fraction with exp(v)/(1 + exp(v)) written σ(v), one factor where the plain form's
  /// exp(v) and 1 + exp(v) overflow together past v = 709.78 (their quotient NaN); nil when no
  /// numerator factor exp(v) meets a denominator factor 1 + exp(v). σ is the unit's helper
  /// (``CodeGenerator/helpers(roots:)``).
  func sigmoidForm(_ f: Fraction) -> Fraction? {
    for (j, d) in f.denominator.enumerated() {
      guard let v = softplusArgument(d), let i = f.numerator.firstIndex(of: pool.call(.exp, v)) else { continue }
      var g = f
      g.numerator[i] = pool.call(.sigmoid, v)
      g.denominator.remove(at: j)
      return g
    }
    return nil
  }

  /// v when `argument` is 1 + exp(v), whose logarithm is written `softplus(v)`: the helper's
  /// max(v, 0) + log1p(exp(−|v|)), where `log1p(exp(v))` is infinite past v = 709.78 (exp
  /// overflows; Python's `math.exp` raises). Nil otherwise.
  func softplusArgument(_ argument: Expr) -> Expr? {
    guard pool.kind(argument) == .sum, pool.operandCount(argument) == 2, pool.operand(argument, 0) == pool.one,
      pool.function(pool.operand(argument, 1)) == .exp
    else { return nil }
    return pool.operand(pool.operand(argument, 1), 0)
  }

  /// The shape of a sum with a pair c + k·f(u), k = −c, f one of σ, tanh², coth², cos, cosh, exp:
  /// the other terms and the pair's form c·σ(−u), c·sech²(u), −c·csch²(u), 2c·sin²(u/2),
  /// −2c·sinh²(u/2), k·(exp(u) − 1) (that
  /// node is written `expm1(u)`). A sum of the pair alone is written as its form when that is
  /// positive (``accurateForm(_:)``) and as the negated turned sum otherwise (`tanh(u)^2 - 1`
  /// is `-t`, t the code of `1 - tanh(u)^2`). Without `complements`, exp only. Without a pair, a
  /// difference of squares (``squaresDifference(_:)``, ``sumSquares(_:)``), with or without
  /// `complements`; nil otherwise.
  func accurateSum(_ e: Expr, complements: Bool) -> CodeShape? {
    let terms = pool.operands(e)
    guard pool.isNumber(terms[0]) else { return nil }
    if terms.count == 2, terms[0] == pool.minusOne, pool.function(terms[1]) == .exp {
      return .accurate(.expm1, pool.operand(terms[1], 0))
    }
    guard let (form, term, number) = pairForm(e, complements: complements) else {
      return squaresDifference(e).map { codeShape($0, complements: complements) } ?? sumSquares(e)
    }
    if terms.count == 2 {
      return isNegative(form) ? .sum([(true, pool.turned(e))]) : codeShape(form)
    }
    let written = terms.filter { $0 != term && $0 != number } + [form]
    return .sum(orderedTerms(written).map { t in isNegative(t) ? (true, magnitude(t)) : (false, t) })
  }

  /// The node a sum of a pair alone is written as: its form, when positive (`1 - sigmoid(u)` is
  /// `sigmoid(-u)`); nil otherwise. The printer's precedence of the sum is that of the form.
  func accurateForm(_ e: Expr) -> Expr? {
    guard pool.kind(e) == .sum, pool.operandCount(e) == 2, pool.isNumber(pool.operand(e, 0)) else { return nil }
    guard let (form, _, _) = pairForm(e, complements: true) else { return squaresDifference(e) }
    return !isNegative(form) && pool.kind(form) != .sum ? form : nil
  }

  /// The accurate form of a sum's pair c + k·f(u), k = −c, the term k·f(u) and the number c.
  private func pairForm(_ e: Expr, complements: Bool) -> (form: Expr, term: Expr, number: Expr)? {
    var found: Complemented?
    let pair = pool.opposedTerm(in: e) { r in
      // Records only: this runs on every term of every written sum that holds a number.
      var (base, squared) = (r, false)
      if pool.kind(r) == .power && pool.rational(pool.operand(r, 1)) == Rational(2) {
        (base, squared) = (pool.operand(r, 0), true)
      }
      switch (pool.function(base), squared) {
      case (.sigmoid, false) where complements: found = .sigmoid
      case (.tanh, true) where complements: found = .tanhSquared
      case (.coth, true) where complements: found = .cothSquared
      case (.cos, false) where complements: found = .cosine
      case (.cosh, false) where complements: found = .hyperbolicCosine
      case (.exp, false): found = .exponential
      default: return false
      }
      return true
    }
    guard let pair, let found else { return nil }
    let c = -pair.k
    let u = pool.operand(pool.kind(pair.rest) == .power ? pool.operand(pair.rest, 0) : pair.rest, 0)
    let form: Expr
    switch found {
    case .sigmoid: form = pool.scaled(pool.call(.sigmoid, pool.negate(u)), by: c)
    case .tanhSquared: form = pool.scaled(pool.power(pool.call(.sech, u), pool.number(2)), by: c)
    case .cothSquared: form = pool.scaled(pool.power(pool.call(.csch, u), pool.number(2)), by: -c)
    case .cosine: form = pool.scaled(halfAngleSquare(.sin, u), by: c * Rational(2))
    case .hyperbolicCosine: form = pool.scaled(halfAngleSquare(.sinh, u), by: c * Rational(-2))
    case .exponential: form = pool.scaled(pool.add(pair.rest, pool.minusOne), by: pair.k)
    }
    return (form, pair.term, pair.number)
  }

  /// f(u/2)², for 1 − cos(u) = 2·sin²(u/2) and cosh(u) − 1 = 2·sinh²(u/2).
  private func halfAngleSquare(_ f: Function, _ u: Expr) -> Expr {
    pool.power(pool.call(f, pool.multiply(pool.half, u)), pool.number(2))
  }

  /// What a pair c + k·f(u) takes away or adds: σ(u), tanh²(u), coth²(u), cos(u), cosh(u) or exp(u).
  private enum Complemented {
    case sigmoid, tanhSquared, cothSquared, cosine, hyperbolicCosine, exponential
  }
}

extension ExpressionPool {
  /// In a sum, its number c and the first other term k·r with k = −c whose r is `wanted`; nil
  /// when it has none. Makes no nodes. Every sum the code writes is asked, several times
  /// (``PrintLayout/codeShape(_:complements:)``), so r is looked at before any coefficient is
  /// read, and only the first term can be the number (a sum's invariant: ``ExpressionPool``).
  func opposedTerm(in e: Expr, _ wanted: (Expr) -> Bool) -> (number: Expr, term: Expr, k: Rational, rest: Expr)? {
    guard kind(e) == .sum, isNumber(operand(e, 0)) else { return nil }
    let terms = operands(e)
    for i in terms.indices.dropFirst() {
      let t = terms[i]
      let scaled = kind(t) == .product && operandCount(t) == 2 && isNumber(operand(t, 0))
      let rest = scaled ? operand(t, 1) : t
      guard wanted(rest) else { continue }
      let (k, c) = (scaled ? rational(operand(t, 0))! : .one, rational(terms[0])!)
      if k == -c { return (terms[0], t, k, rest) }
    }
    return nil
  }
}
