/// `angle-sum`: a candidate form for the simplifier, with every sine, cosine and tangent of a
/// sum or an integer multiple written in the sines and cosines of the parts:
/// - sin(a + b) = sin a·cos b + cos a·sin b, cos(a + b) = cos a·cos b − sin a·sin b;
/// - sin(k·u) = sin((k − 1)·u + u) and cos(k·u) likewise, for integers 2 ≤ |k| ≤ 6, with
///   sin(−v) = −sin v and cos(−v) = cos v first;
/// - tan u = sin u / cos u where u is such a sum or multiple.
/// The normal form of the expansion then meets the Pythagorean reduction, so
/// l₁l₂(cos q₁·sin(q₁ + q₂) − sin q₁·cos(q₁ + q₂)) = l₁l₂·sin q₂·(cos²q₁ + sin²q₁) = l₁l₂·sin q₂;
/// the simplifier keeps the expansion's normal form only when it is shorter (`prefer-shorter`).
/// Only small cases are expanded: a sum of k angles has 2^(k−1) terms, so arguments of at most
/// ``maxParts`` parts, at most ``maxCalls`` such calls, in an expression of at most
/// ``maxNodes`` nodes (the arm's Jacobian entries, with sums of hundreds of angles, are not).
struct AngleExpansion {
  let pool: ExpressionPool
  static let maxParts = 3
  static let maxCalls = 8
  static let maxNodes = 400
  static let maxMultiple = 6

  /// The expansion of `e`, or nil when nothing in it expands (or it is too big to try).
  func expanded(_ e: Expr) -> Expr? {
    guard pool.treeSize(e) <= Self.maxNodes else { return nil }
    var calls = 0
    let nodes = pool.distinctNodes([e])
    for n in nodes where isExpandable(n) {
      calls += 1
      if calls > Self.maxCalls { return nil }
    }
    guard calls > 0 else { return nil }
    var image: [Expr: Expr] = [:]
    for n in nodes {
      let new: Expr
      switch pool.node(n) {
      case .number, .constant, .undefined, .symbol: new = n
      case .sum(let ts): new = pool.add(ts.map { image[$0]! })
      case .product(let fs): new = pool.multiply(fs.map { image[$0]! })
      case .power(let b, let x): new = pool.power(image[b]!, image[x]!)
      case .apply(let op, let args): new = pool.apply(op, args.map { image[$0]! })
      case .call(let f, let u):
        let v = image[u]!
        new = isExpandable(n) ? expand(f, v) : pool.call(f, v)
      }
      image[n] = new
    }
    return image[e]
  }

  /// A sine, cosine or tangent of a sum of at most ``maxParts`` terms or of a small multiple.
  private func isExpandable(_ e: Expr) -> Bool {
    guard case .call(let f, let u) = pool.node(e), [.sin, .cos, .tan].contains(f) else { return false }
    return parts(u) != nil
  }

  /// The argument as a sum of two parts (a + b), each expanded again by the recursion.
  private func parts(_ u: Expr) -> (Expr, Expr)? {
    let (c, rest) = pool.coefficientAndRest(u)
    if c.isNegative { return parts(pool.multiply(pool.number(-c), rest)) }
    switch pool.node(u) {
    case .sum(let terms):
      guard terms.count <= Self.maxParts else { return nil }
      return (terms[0], pool.add(Array(terms.dropFirst())))
    case .product:
      guard c.isInteger, let k = c.numerator.intValue, k >= 2, k <= Self.maxMultiple else { return nil }
      return (pool.multiply(pool.number(k - 1), rest), rest)
    case .number, .symbol, .constant, .power, .call, .apply, .undefined:
      return nil
    }
  }

  /// sin, cos or tan of `u`, by the addition formulas, recursively.
  private func expand(_ f: Function, _ u: Expr) -> Expr {
    let (c, rest) = pool.coefficientAndRest(u)
    if c.isNegative {
      // sin(−v) = −sin v, tan(−v) = −tan v, cos(−v) = cos v.
      let positive = expand(f, pool.multiply(pool.number(-c), rest))
      return f == .cos ? positive : pool.negate(positive)
    }
    guard let (a, b) = parts(u) else { return pool.call(f, u) }
    let (sa, ca) = (expand(.sin, a), expand(.cos, a))
    let (sb, cb) = (expand(.sin, b), expand(.cos, b))
    let sine = pool.add(pool.multiply(sa, cb), pool.multiply(ca, sb))
    let cosine = pool.subtract(pool.multiply(ca, cb), pool.multiply(sa, sb))
    switch f {
    case .sin: return sine
    case .cos: return cosine
    default: return pool.divide(sine, cosine)
    }
  }
}
