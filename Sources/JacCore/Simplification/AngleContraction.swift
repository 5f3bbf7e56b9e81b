/// `angle-contraction`: the addition formulas read right to left, one more candidate form for the
/// simplifier. In a sum, two terms k·M·f(a)·g(b) and ±k·M·f'(a)·g'(b) with the same rest M become
/// one:
/// - cos a·cos b − sin a·sin b = cos(a + b), cos a·cos b + sin a·sin b = cos(a − b);
/// - sin a·cos b + cos a·sin b = sin(a + b), sin a·cos b − cos a·sin b = sin(a − b);
/// - cosh a·cosh b + sinh a·sinh b = cosh(a + b), cosh a·cosh b − sinh a·sinh b = cosh(a − b);
/// - sinh a·cosh b + cosh a·sinh b = sinh(a + b), sinh a·cosh b − cosh a·sinh b = sinh(a − b);
/// with a = b, cos²a − sin²a = cos 2a and cosh²a + sinh²a = cosh 2a. Then, if asked, a single
/// term with sin u·cos u is (1/2)·sin 2u (sinh u·cosh u = (1/2)·sinh 2u).
/// Pairs are taken greedily in term order, a positive term first where that matches (each contraction removes a term, so at most n − 1),
/// so a three-angle sum contracts in two steps. Only sums of at most ``maxTerms`` terms.
struct AngleContraction {
  let pool: ExpressionPool
  /// The simplifier, for a contracted angle: (2·(x + z)) + (2x + y) is 4x + y + 2z.
  let simplified: (Expr) -> Expr
  static let maxTerms = 16

  /// The sum `e` with every pair contracted (and products sin u·cos u halved to sin 2u when
  /// `doubleAngles`), or nil when nothing contracts.
  func contracted(_ e: Expr, doubleAngles: Bool) -> Expr? {
    guard case .sum(let original) = pool.node(e), original.count <= Self.maxTerms else { return nil }
    var terms = Array(original)
    var changed = false
    search: while true {
      for positiveFirst in [true, false] {
        for i in terms.indices {
          for j in terms.indices where j != i {
            guard let t = contractPair(terms[i], terms[j], positiveFirst: positiveFirst) else { continue }
            terms = terms.enumerated().filter { $0.offset != i && $0.offset != j }.map(\.element) + [t]
            changed = true
            continue search
          }
        }
      }
      break
    }
    if doubleAngles {
      for i in terms.indices {
        guard let t = doubleAngle(terms[i]) else { continue }
        terms[i] = t
        changed = true
      }
    }
    return changed ? pool.add(terms) : nil
  }

  /// a + b simplified, or, if shorter, with numbers multiplied into sums first:
  /// (2·(x + z)) − z is 2x + z, where the sum alone keeps z − 2·(x + z).
  private func angle(_ a: Expr, _ b: Expr) -> Expr {
    let plain = simplified(pool.add(a, b))
    let spread = simplified(pool.add(Self.spreadNumbers(a, pool), Self.spreadNumbers(b, pool)))
    var measure = Complexity(pool: pool)
    return (measure.of(spread), pool.treeSize(spread)) < (measure.of(plain), pool.treeSize(plain)) ? spread : plain
  }

  /// k·(u + v) as k·u + k·v, in `e` or in each term of `e`, through nested sums: the angle
  /// 2z − (x + y) is 2z − x − y.
  static func spreadNumbers(_ e: Expr, _ pool: ExpressionPool) -> Expr {
    switch pool.node(e) {
    case .sum(let terms): return pool.add(terms.map { spreadNumbers($0, pool) })
    case .product:
      let (k, rest) = pool.coefficientAndRest(e)
      guard case .sum(let terms) = pool.node(rest) else { return e }
      return pool.add(terms.map { pool.multiply(pool.number(k), spreadNumbers($0, pool)) })
    case .number, .symbol, .constant, .power, .call, .apply, .undefined: return e
    }
  }

  /// A term's rest as factors with their exponents, for removing one sin, cos, sinh or cosh.
  private typealias Factors = [(base: Expr, exponent: Expr)]

  private func factors(_ rest: Expr) -> Factors {
    if rest == pool.one { return [] }
    return pool.factors(rest).map { pool.baseAndExponent($0) }
  }

  /// The trigonometric factors (sin, cos, sinh, cosh to a positive integer power) of a term's rest.
  private func trigonometric(_ fs: Factors) -> [(function: Function, argument: Expr, power: Int)] {
    fs.compactMap { f in
      guard case .call(let fn, let u) = pool.node(f.base), [.sin, .cos, .sinh, .cosh].contains(fn),
        let q = pool.rational(f.exponent), q.isInteger, !q.isNegative, let k = q.numerator.intValue
      else { return nil }
      return (fn, u, k)
    }
  }

  /// `fs` without one factor f(u) for each (f, u) of `removed`; nil if one is missing.
  private func removing(_ removed: [(Function, Expr)], from fs: Factors) -> Expr? {
    var rest = fs
    for (fn, u) in removed {
      guard
        let i = rest.firstIndex(where: {
          if case .call(fn, u) = pool.node($0.base), let q = pool.rational($0.exponent), q.isInteger, !q.isNegative {
            return true
          }
          return false
        })
      else { return nil }
      let exponent = pool.add(rest[i].exponent, pool.minusOne)
      if exponent == pool.zero { rest.remove(at: i) } else { rest[i].exponent = exponent }
    }
    return pool.multiply(rest.map { pool.power($0.base, $0.exponent) })
  }

  /// One term for the pair `s`, `t` (in this order), or nil.
  private func contractPair(_ s: Expr, _ t: Expr, positiveFirst: Bool) -> Expr? {
    let (k, rs) = pool.coefficientAndRest(s)
    let (l, rt) = pool.coefficientAndRest(t)
    // Of two terms of opposite signs the positive one goes first where it can: sin(a − b), not
    // −sin(b − a).
    guard l == k || (l == -k && !(positiveFirst && k.isNegative)) else { return nil }
    let plus = l == k
    let fs = factors(rs)
    let ft = factors(rt)
    let trig = trigonometric(fs)
    for (p, f) in trig.enumerated() {
      for g in trig[p...] {
        // sin before cos (sinh before cosh): cos a·sin b ± sin a·cos b is sin(b ± a).
        let (first, second) =
          [.cos, .cosh].contains(f.function) && [.sin, .sinh].contains(g.function) ? (g, f) : (f, g)
        if second.argument == first.argument && second.function == first.function && first.power < 2 { continue }
        guard let shape = Self.shape(first.function, second.function) else { continue }
        let (a, b) = (first.argument, second.argument)
        if shape.mixed && a == b { continue }  // sin a·cos a twice is one like term, already collected
        guard let m = removing([(first.function, a), (second.function, b)], from: fs),
          let n = removing([(shape.partner.0, a), (shape.partner.1, b)], from: ft), m == n
        else { continue }
        // The angle: a + b when the sign matches the sum formula, else a − b.
        var angle = self.angle(a, plus == shape.sumSign ? b : pool.negate(b))
        // cos and cosh are even: of a − b and b − a the shorter (cos(2*x + z), not cos(z - 2*(x + z))).
        if plus != shape.sumSign && (shape.result == .cos || shape.result == .cosh) {
          let other = self.angle(b, pool.negate(a))
          var measure = Complexity(pool: pool)
          if (measure.of(other), pool.treeSize(other)) < (measure.of(angle), pool.treeSize(angle)) { angle = other }
        }
        return pool.multiply([pool.number(k), m, pool.call(shape.result, angle)])
      }
    }
    return nil
  }

  /// For f(a)·g(b) in the first term: the factors f'(a)·g'(b) the second term must have, the
  /// function of the contracted angle, the relative sign for a + b, and whether f and g differ
  /// in kind (sin with cos).
  private static func shape(_ f: Function, _ g: Function)
    -> (partner: (Function, Function), result: Function, sumSign: Bool, mixed: Bool)?
  {
    switch (f, g) {
    case (.cos, .cos): return ((.sin, .sin), .cos, false, false)
    case (.sin, .cos): return ((.cos, .sin), .sin, true, true)
    case (.cosh, .cosh): return ((.sinh, .sinh), .cosh, true, false)
    case (.sinh, .cosh): return ((.cosh, .sinh), .sinh, true, true)
    default: return nil
    }
  }

  /// k·M·sin u·cos u = (k/2)·M·sin 2u, and the same for sinh, cosh; nil without such a pair.
  func doubleAngle(_ term: Expr) -> Expr? {
    let (k, rest) = pool.coefficientAndRest(term)
    let fs = factors(rest)
    for f in trigonometric(fs) where f.function == .sin || f.function == .sinh {
      let partner: Function = f.function == .sin ? .cos : .cosh
      guard let m = removing([(f.function, f.argument), (partner, f.argument)], from: fs) else { continue }
      let twice = pool.call(f.function, simplified(pool.multiply(pool.number(2), f.argument)))
      return pool.multiply([pool.number(k / Rational(BigInt(2))), m, twice])
    }
    return nil
  }
}
