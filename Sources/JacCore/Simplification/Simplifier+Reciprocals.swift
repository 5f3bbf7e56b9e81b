/// `reciprocal-form`: a negative integer power of a circular function is written as a power of
/// its reciprocal,
///
///   1/sin u = csc u    1/cos u = sec u    1/tan u = cot u
///   1/csc u = sin u    1/sec u = cos u    1/cot u = tan u
///
/// (to the k-th power alike), kept only where that is shorter (``isShorter(_:than:strictly:)``:
/// fewer operations, fewer bytes in text, no more in LaTeX): `-1/sin(5/2)` is `-csc(5/2)`,
/// `1/cos(x)^2 - 1/sin(x)^2` is `sec(x)^2 - csc(x)^2`, while `y/sin(x)` stays (`y*csc(x)` has
/// as many operations). Only at a root, after `quotient-form` (``withQuotientForms(_:_:)``):
/// csc u is an atom of its own to the rational normal form, so inside a sum it would hide the
/// sin u a parent could cancel. The hyperbolic functions keep their quotients: d/dx (1/tanh x)
/// is `-1/sinh(x)^2` as issue 17 writes it, not `-csch(x)^2`.
extension Simplifier {
  static let reciprocal: [Function: Function] = [
    .sin: .csc, .cos: .sec, .tan: .cot, .csc: .sin, .sec: .cos, .cot: .tan,
  ]

  /// `e`, or `e` with its negative powers of circular functions written as reciprocals if that
  /// is shorter.
  func withReciprocalForms(_ e: Expr) -> Expr {
    guard hasReciprocal(e), let candidate = substituted(e, reciprocalForm),
      isShorter(candidate, than: e, strictly: true)
    else {
      return e
    }
    trace?.append(Step(before: e, after: candidate, rules: [.reciprocalForm, .preferShorter]))
    return candidate
  }

  /// `e` with the reciprocals, a sum's terms each where that is shorter (`sin(x)/cos(x)^2 +
  /// 1/sin(x)` is `sin(x)/cos(x)^2 + csc(x)`); nil when nothing changes.
  func reciprocalCandidate(_ e: Expr) -> Expr? {
    guard hasReciprocal(e) else { return nil }
    guard pool.kind(e) == .sum else { return substituted(e, reciprocalForm) }
    let terms = pool.operands(e)
    let each = terms.map { t in
      substituted(t, reciprocalForm).flatMap { isShorter($0, than: t, strictly: true) ? $0 : nil } ?? t
    }
    return each == terms ? nil : pool.add(each)
  }

  /// Whether `e` has, at its top (through sums, products and integer powers), a negative
  /// integer power of a circular function: most answers have none, and need no substitution.
  /// Each node is looked at once (``SharedWalk``: a node seen before had none).
  private func hasReciprocal(_ e: Expr) -> Bool {
    var visits = SharedWalk(pool, root: e)
    func walk(_ e: Expr) -> Bool {
      guard visits.first(e) else { return false }
      switch pool.node(e) {
      case .sum(let xs), .product(let xs): return xs.contains(where: walk)
      case .power(let b, let x):
        guard let q = pool.rational(x), q.isInteger else { return false }
        if q.isNegative, let f = pool.function(b), Self.reciprocal[f] != nil { return true }
        return walk(b)
      case .number, .symbol, .constant, .call, .apply, .undefined: return false
      }
    }
    return walk(e)
  }

  /// `reciprocal-form` on one node: f(u)^(−k) = g(u)^k for a positive integer k.
  private func reciprocalForm(_ e: Expr) -> Expr? {
    guard case .power(let b, let x) = pool.node(e), let q = pool.rational(x), q.isInteger, q.isNegative,
      case .call(let fn, let u) = pool.node(b), let g = Self.reciprocal[fn]
    else { return nil }
    return pool.power(pool.call(g, u), pool.number(-q))
  }
}
