/// Sums built incrementally: a written sum S whose terms are those of another written sum T
/// and one more is written `T + u` (T a temporary), so the partial sums of a robot arm,
/// `q1 + q2`, `q1 + q2 + q3`, …, and the suffix sums of its Jacobian's rows cost one addition
/// each instead of one per term. Sums are read from the written shapes (``CodeShape``), so a
/// coefficient distributed over a sum (`0.1*(a + b)` written `0.1*a + 0.1*b`) chains too. T is
/// found by hashing: the hash of a set of signed terms is the wrapping sum of their hashes, so
/// the k candidates "S without one term" are looked up in O(1) each and verified term by term:
/// O(terms written) in all.
enum SumChains {
  /// A sum written as its base plus the terms the base lacks.
  struct Chain {
    var base: Expr
    var rest: [(negative: Bool, term: Expr)]
  }

  private struct Term: Hashable {
    var negative: Bool
    var term: Expr
    var hash: UInt64 {
      let i = UInt64(term.index) &* 2 &+ (negative ? 1 : 0)
      return (i &+ 1) &* 0x9E37_79B9_7F4A_7C15 ^ (i >> 7)
    }
  }

  /// S → its chain, for every written sum that has a base (the first found in S's term order).
  static func chains(written: [Expr], shape: (Expr) -> CodeShape) -> [Expr: Chain] {
    var sums: [(Expr, [Term])] = []
    for e in written {
      if case .sum(let terms) = shape(e) { sums.append((e, terms.map { Term(negative: $0.negative, term: $0.term) })) }
    }
    var byHash: [UInt64: [(Expr, Set<Term>)]] = [:]
    for (e, terms) in sums {
      byHash[terms.reduce(UInt64(0)) { $0 &+ $1.hash }, default: []].append((e, Set(terms)))
    }
    var chains: [Expr: Chain] = [:]
    for (e, terms) in sums where terms.count > 2 {
      let h = terms.reduce(UInt64(0)) { $0 &+ $1.hash }
      let all = Set(terms)
      search: for t in terms {
        for (candidate, set) in byHash[h &- t.hash] ?? [] where candidate != e && set.count == terms.count - 1 {
          if set.isSubset(of: all) && !set.contains(t) {
            chains[e] = Chain(base: candidate, rest: [(t.negative, t.term)])
            break search
          }
        }
      }
    }
    return chains
  }
}
