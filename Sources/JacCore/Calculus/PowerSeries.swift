/// A truncated Laurent series in t with exact coefficients:
///
///     s(t) = Σ_{i < count} c[i]·t^(low + i) + O(t^(low + count)),
///
/// `low + count` is its absolute precision. The arithmetic of ``SeriesExpansion`` keeps track
/// of how much of each result is known, so a quotient whose denominator vanishes at t = 0
/// (sin(x)/x at x = 0) loses terms rather than inventing them.
struct PowerSeries {
  var low: Int
  var coefficients: [Expr]
  var precision: Int { low + coefficients.count }
}

/// Why a function has no series here: a pole (1/x), a point where a function in it is not
/// analytic (sqrt(x), log(x) at 0), or a working precision too low to know a leading term.
enum SeriesFailure: Error, Equatable {
  case pole
  case notAnalytic
  case morePrecision
}

/// The Taylor series of f about x = a, from f's expression: x = a + t, and f's operations done
/// on series in t (sums, Cauchy products, quotients by the reciprocal's recurrence, powers by
/// the binomial series, and each function g of an inner series u = u₀ + w as
/// Σ g⁽ᵏ⁾(u₀)/k!·wᵏ, its derivatives from the derivative table). It reaches points where f's
/// expression is undefined but f extends analytically: sin(x)/x at 0 is 1 − x²/6 + x⁴/120 + ….
/// Coefficients are simplified with `simplify`; one taken for zero is 0 exactly, and a leading
/// coefficient divided by is proved nonzero (by balls, when it is a constant), so a zero the
/// simplifier misses is a failure, never a wrong series.
struct SeriesExpansion {
  let pool: ExpressionPool
  let differentiator: Differentiator
  let variable: Expr
  let point: Expr
  /// The working precision: terms up to t^(order − 1) are carried.
  let order: Int
  let simplify: (Expr) throws(SeriesFailure) -> Expr
  /// The stand-in for a function's argument when its derivatives are taken.
  private let argument: Expr

  init(
    pool: ExpressionPool, differentiator: Differentiator, variable: Expr, point: Expr, order: Int,
    simplify: @escaping (Expr) throws(SeriesFailure) -> Expr
  ) {
    self.pool = pool
    self.differentiator = differentiator
    self.variable = variable
    self.point = point
    self.order = order
    self.simplify = simplify
    argument = pool.symbol("series argument")
  }

  /// The series of `e`, each distinct node expanded once.
  /// The series of `e`, each distinct node expanded once, operands first; a node that does not
  /// hold x (none of its operands does) is a constant.
  func series(_ e: Expr) throws(SeriesFailure) -> PowerSeries {
    var memo: [Expr: PowerSeries] = [:]
    var holdingX: Set<Expr> = [variable]
    for node in pool.distinctNodes([e]) {
      if node != variable && !pool.operands(node).contains(where: holdingX.contains) {
        memo[node] = constant(node)
        continue
      }
      holdingX.insert(node)
      memo[node] = try expand(node, holdingX.contains) { memo[$0]! }
    }
    return memo[e]!
  }

  private func expand(
    _ e: Expr, _ holdsX: (Expr) -> Bool, _ operand: (Expr) -> PowerSeries
  ) throws(SeriesFailure) -> PowerSeries {
    if e == variable { return PowerSeries(low: 0, coefficients: padded([point, pool.one])) }
    switch pool.node(e) {
    case .number, .constant, .symbol, .undefined: return constant(e)
    case .sum(let ts):
      var s = operand(ts[0])
      for t in ts.dropFirst() { s = try add(s, operand(t)) }
      return s
    case .product(let fs):
      var s = operand(fs[0])
      for f in fs.dropFirst() { s = try multiply(s, operand(f)) }
      return s
    case .power(let b, let x):
      if holdsX(x) { return try compose(.exp, multiply(operand(x), compose(.log, operand(b)))) }
      return try power(operand(b), exponent: x)
    case .call(let f, let u): return try compose(f, operand(u))
    case .apply: throw .notAnalytic
    }
  }

  private func padded(_ cs: [Expr]) -> [Expr] {
    Array((cs + Array(repeating: pool.zero, count: max(0, order - cs.count))).prefix(order))
  }

  private func constant(_ e: Expr) -> PowerSeries { PowerSeries(low: 0, coefficients: padded([e])) }

  /// The coefficient of t^k (0 below `low`).
  private func coefficient(_ s: PowerSeries, _ k: Int) -> Expr {
    k < s.low ? pool.zero : s.coefficients[k - s.low]
  }

  func add(_ a: PowerSeries, _ b: PowerSeries) throws(SeriesFailure) -> PowerSeries {
    let low = min(a.low, b.low)
    let precision = min(a.precision, b.precision)
    let cs = try (low..<precision).map { k throws(SeriesFailure) in
      try simplify(pool.add(coefficient(a, k), coefficient(b, k)))
    }
    return PowerSeries(low: low, coefficients: cs)
  }

  /// The Cauchy product; known to min(relative precisions) past its lowest term.
  func multiply(_ a: PowerSeries, _ b: PowerSeries) throws(SeriesFailure) -> PowerSeries {
    let count = min(a.coefficients.count, b.coefficients.count)
    let cs = try (0..<count).map { k throws(SeriesFailure) in
      try simplify(pool.add((0...k).map { pool.multiply(a.coefficients[$0], b.coefficients[k - $0]) }))
    }
    return PowerSeries(low: a.low + b.low, coefficients: cs)
  }

  /// `s` with its leading zeros moved into `low`; a series with no term known to be nonzero
  /// (all of its known coefficients 0) needs more precision.
  func normalized(_ s: PowerSeries) throws(SeriesFailure) -> PowerSeries {
    guard let first = s.coefficients.firstIndex(where: { $0 != pool.zero }) else { throw .morePrecision }
    let leading = s.coefficients[first]
    if pool.freeSymbols([leading]).isEmpty {
      guard case .decimal = pool.certifiedValues([leading], digits: true)[0] else { throw .notAnalytic }
    }
    return PowerSeries(low: s.low + first, coefficients: Array(s.coefficients[first...]))
  }

  /// 1/s: with s = t^v·(d₀ + d₁t + …), d₀ ≠ 0, 1/s = t^(−v)·Σ qₖtᵏ, q₀ = 1/d₀,
  /// qₖ = −(Σ_{j=1…k} dⱼ·qₖ₋ⱼ)/d₀.
  func reciprocal(_ s: PowerSeries) throws(SeriesFailure) -> PowerSeries {
    let d = try normalized(s)
    let inverse = try simplify(pool.reciprocal(d.coefficients[0]))
    var q = [inverse]
    for k in 1..<d.coefficients.count {
      let sum = pool.add((1...k).map { pool.multiply(d.coefficients[$0], q[k - $0]) })
      q.append(try simplify(pool.negate(pool.multiply(sum, inverse))))
    }
    return PowerSeries(low: -d.low, coefficients: q)
  }

  /// sⁿ for an integer n, s^p = d₀^p·(1 + w)^p = d₀^p·Σ C(p, k)·wᵏ for another constant p when
  /// s = d₀ + … with d₀ ≠ 0 (w = (s − d₀)/d₀ has no constant term). (An exponent g that holds x
  /// is exp(g·log s), in ``expand``.)
  func power(_ s: PowerSeries, exponent: Expr) throws(SeriesFailure) -> PowerSeries {
    if let n = pool.rational(exponent), n.isInteger, let k = n.intValue, abs(k) <= 64 {
      var result = constant(pool.one)
      let base = k < 0 ? try reciprocal(s) : s
      for _ in 0..<abs(k) { result = try multiply(result, base) }
      return result
    }
    // A base vanishing at the point under a fractional power is not analytic there (or is
    // |t|·…, not t·…: (x² + x³)^(1/2) = |x|·sqrt(1 + x)).
    let d = try normalized(s)
    if d.low != 0 { throw .notAnalytic }
    let lead = d.coefficients[0]
    let inverse = pool.reciprocal(lead)
    let w = PowerSeries(
      low: 0, coefficients: [pool.zero] + d.coefficients.dropFirst().map { pool.multiply($0, inverse) })
    var terms = constant(pool.one)
    var binomial = pool.one
    var wk = constant(pool.one)
    for k in 1..<d.coefficients.count {
      wk = try multiply(wk, w)
      let step = [pool.subtract(exponent, pool.number(k - 1)), pool.number(Rational(BigInt(1), BigInt(k)))]
      binomial = try simplify(pool.multiply([binomial] + step))
      terms = try add(terms, scaled(wk, by: binomial))
    }
    let factor = try simplify(pool.power(lead, exponent))
    return scaled(terms, by: factor)
  }

  /// Functions with poles, as quotients of functions without: f = numerator/denominator (a nil
  /// numerator is 1).
  static let quotients: [Function: (numerator: Function?, denominator: Function)] = [
    .tan: (.sin, .cos), .cot: (.cos, .sin), .sec: (nil, .cos), .csc: (nil, .sin),
    .coth: (.cosh, .sinh), .csch: (nil, .sinh),
  ]

  static let kinked: Set<Function> = [.abs, .sign, .heaviside, .floor, .ceil, .relu]

  private func scaled(_ s: PowerSeries, by c: Expr) -> PowerSeries {
    PowerSeries(low: s.low, coefficients: s.coefficients.map { pool.multiply(c, $0) })
  }

  /// f(u) = Σ f⁽ᵏ⁾(u₀)/k!·wᵏ, u = u₀ + w, w without a constant term; f⁽ᵏ⁾(u₀) undefined means f
  /// is not analytic there.
  func compose(_ f: Function, _ v: PowerSeries) throws(SeriesFailure) -> PowerSeries {
    var u = v
    while u.low < 0 && u.coefficients.first == pool.zero {
      u.low += 1
      u.coefficients.removeFirst()
    }
    // A function with a kink or jump has no series where its argument may sit on it; these
    // are decided by the kink check before any series is tried, so all are refused here.
    if u.low < 0 || Self.kinked.contains(f) { throw .notAnalytic }
    if u.precision < 1 { throw .morePrecision }
    let u0 = coefficient(u, 0)
    // A function with a pole at u₀ as the quotient it is: csc(u) = 1/sin(u), cot(u) = cos(u)/sin(u).
    if let (numerator, denominator) = Self.quotients[f],
      (try? simplify(pool.substitute([pool.call(f, argument)], [argument: u0])[0])) == nil
    {
      let top = try numerator.map { g throws(SeriesFailure) in try compose(g, u) } ?? constant(pool.one)
      return try multiply(top, reciprocal(compose(denominator, u)))
    }
    // sinc at 0, where the forms of its derivatives are 0/0: sin(u)/u, the quotient it is.
    if f == .sinc && u0 == pool.zero { return try multiply(compose(.sin, u), reciprocal(u)) }
    let w = PowerSeries(low: 0, coefficients: [pool.zero] + (1..<u.precision).map { coefficient(u, $0) })
    var derivative = pool.call(f, argument)
    var result = constant(pool.zero)
    var wk = constant(pool.one)
    var factorial = BigInt(1)
    for k in 0..<u.precision {
      if k > 0 {
        wk = try multiply(wk, w)
        factorial = factorial * BigInt(k)
        derivative = differentiator.derivative(derivative, argument)
      }
      let value = try simplify(pool.substitute([derivative], [argument: u0])[0])
      if value == pool.zero { continue }
      result = try add(result, scaled(wk, by: pool.multiply(value, pool.number(Rational(BigInt(1), factorial)))))
    }
    return result
  }
}
