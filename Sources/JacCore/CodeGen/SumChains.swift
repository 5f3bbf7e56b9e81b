/// Sums built incrementally: a written sum S whose terms are those of another written sum T
/// and one more is written `T + u` (T a temporary), so the partial sums of a robot arm,
/// `q1 + q2`, `q1 + q2 + q3`, …, and the suffix sums of its Jacobian's rows cost one addition
/// each instead of one per term. T is found by hashing: the hash of a set of terms is the
/// wrapping sum of the terms' hashes, so the k candidates "S without one term" are looked up
/// in O(1) each and verified term by term: O(terms written) in all.
enum SumChains {
  /// S → T for every written sum that has such a T (the first in S's term order).
  static func bases(pool: ExpressionPool, written: [Expr]) -> [Expr: Expr] {
    func termHash(_ t: Expr) -> UInt64 { (UInt64(t.index) &+ 1) &* 0x9E37_79B9_7F4A_7C15 ^ (UInt64(t.index) >> 7) }
    var sums: [UInt64: [Expr]] = [:]
    var hashes: [Expr: UInt64] = [:]
    for e in written where pool.kind(e) == .sum {
      let h = pool.operands(e).reduce(UInt64(0)) { $0 &+ termHash($1) }
      hashes[e] = h
      sums[h, default: []].append(e)
    }
    var bases: [Expr: Expr] = [:]
    for e in written where pool.kind(e) == .sum && pool.operandCount(e) > 2 {
      let terms = pool.operands(e)
      let h = hashes[e]!
      let inSum = Set(terms)
      search: for t in terms {
        for candidate in sums[h &- termHash(t)] ?? [] where pool.operandCount(candidate) == terms.count - 1 {
          if pool.operands(candidate).allSatisfy({ inSum.contains($0) && $0 != t }) {
            bases[e] = candidate
            break search
          }
        }
      }
    }
    return bases
  }
}
