/// Points and `--assume`: a `--at` point must satisfy the assumptions, and `--check` draws its
/// points inside them. Each link of a chain is read as a difference d with d > 0 (strict) or
/// d ≥ 0: `a < b` is b − a > 0, `a >= b` is a − b ≥ 0.
extension Engine {
  struct AssumedLink {
    var difference: Expr
    var strict: Bool
    /// The link as written, `x > 0`, for a message.
    var text: String
  }

  /// The links of the assumptions' chains (none without `--assume`).
  func assumedLinks() -> [AssumedLink] {
    guard let chains = simplifier.assumptions?.chains else { return [] }
    let printer = TextPrinter(pool: pool)
    var links: [AssumedLink] = []
    for (sides, operators) in chains {
      for (k, op) in operators.enumerated() {
        let (a, b) = (sides[k], sides[k + 1])
        let difference = op.hasPrefix(">") ? pool.subtract(a, b) : pool.subtract(b, a)
        let text = "\(printer.string(a)) \(op) \(printer.string(b))"
        links.append(AssumedLink(difference: difference, strict: !op.hasSuffix("="), text: text))
      }
    }
    return links
  }

  /// Each bounded symbol's assumed lower and upper bounds as doubles (a multiple of π
  /// multiplied out), for `--check` to draw inside them.
  func assumedBounds() -> [String: (lower: Double?, upper: Double?)] {
    guard let assumptions = simplifier.assumptions else { return [:] }
    func value(_ b: Assumptions.Bound) -> Double { b.value.doubleValue * (b.pi ? Double.pi : 1) }
    var bounds: [String: (lower: Double?, upper: Double?)] = [:]
    for name in Set(assumptions.lower.keys).union(assumptions.upper.keys) {
      bounds[name] = (assumptions.lower[name].map(value), assumptions.upper[name].map(value))
    }
    return bounds
  }

  /// A `--at` point that contradicts an assumption is an error naming it, decided exactly (an
  /// exact rational) or with balls of up to 640 bits; a link the point leaves symbolic is not
  /// decided here, and one the balls cannot decide (exactly 0 but not provably, or too close)
  /// is an error saying so, never a guess. A side not real at the point contradicts.
  func checkPointAgainstAssumptions(_ point: [(name: String, symbol: Expr, value: Expr)]) throws(JacError) {
    let links = assumedLinks()
    if links.isEmpty || point.isEmpty { return }
    var values: [Expr: Expr] = [:]
    for (_, symbol, value) in point { values[symbol] = value }
    for link in links {
      let d = pool.substitute([link.difference], values)[0]
      if !pool.freeSymbols([d]).isEmpty { continue }
      let proved = pool.rational(d).map { ExpressionPool.ProvedSign.sign($0.signum) } ?? pool.provedSign(d)
      switch proved {
      case nil: throw .pointAssumptionUndecided(link.text)
      case .notReal: throw .pointContradictsAssumption(link.text)
      case .sign(let s): if s < 0 || (s == 0 && link.strict) { throw .pointContradictsAssumption(link.text) }
      }
    }
  }
}
