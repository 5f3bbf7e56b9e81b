/// The rules `pythagorean` (sin²u + cos²u = 1), `hyperbolic-pythagorean`
/// (cosh²u − sinh²u = 1) and `abs-square` (|u|² = u² for real u), applied to a rational form as
/// substitutions:
///
///   cos²u → 1 − sin²u  or  sin²u → 1 − cos²u,
///   cosh²u → 1 + sinh²u  or  sinh²u → cosh²u − 1,
///   u² → |u|²  or  |u|² → u²   (u an atom, |u| also present),
///
/// choosing for every pair (u, kind) one of: no substitution, or one of the two directions.
/// Choices interact (the bipolar determinant needs one for u and one for v at once), so for up
/// to ``maxJointPairs`` pairs every combination is tried; beyond that, pairs are chosen one at a
/// time. The winner has the fewest terms over numerator and denominator factors, then the
/// lowest total degree, then the earliest combination; pairs are ordered by expression order of
/// their argument, so the choice does not depend on atom numbering.
struct Pythagorean {
  static let maxJointPairs = 4

  let converter: RationalConverter
  var pool: ExpressionPool { converter.pool }

  struct Pair {
    /// Atoms of sin u and cos u (or sinh u and cosh u).
    var first: Int
    var second: Int
    var hyperbolic: Bool
    /// An (u, |u|) pair: `first` is u, `second` is |u|.
    var absolute = false
    var argument: Expr

    /// The rule a substitution of this pair applies.
    var rule: SimplificationRule { absolute ? .absSquare : hyperbolic ? .hyperbolicPythagorean : .pythagorean }
  }

  /// The best form under the substitutions (or `form` unchanged); each substitution notes its
  /// rule in the form it makes (``RationalForm/applied``).
  func reduce(_ form: RationalForm, pairs: [Pair]) throws(SimplificationStop) -> RationalForm {
    if pairs.isEmpty { return form }
    var best = form
    var bestScore = score(form)
    if pairs.count <= Self.maxJointPairs {
      // Every combination, as a depth-first search that substitutes one pair per level, so a
      // partial substitution is shared by all combinations that extend it (2·3ⁿ⁻¹… passes
      // instead of one full pass per combination). The last pair is the outermost level, so
      // combinations are met in the order of a base-3 counter with the first pair fastest, the
      // order ties are broken by. Substitutions of different pairs touch disjoint atoms, so
      // their order does not change the result.
      func search(_ k: Int, _ current: RationalForm, substituted: Bool) throws(SimplificationStop) {
        guard k >= 0 else {
          let s = score(current)
          if substituted && s < bestScore {
            best = current
            bestScore = s
          }
          return
        }
        try search(k - 1, current, substituted: substituted)
        // A substitution that changes nothing (sin u never squared here) would repeat the
        // subtree just searched, and a repeat never wins a tie, so it is skipped.
        for option in 1...2 {
          guard let next = try apply(pairs[k], option, to: current) else { continue }
          try search(k - 1, next, substituted: true)
        }
      }
      try search(pairs.count - 1, form, substituted: false)
    } else {
      for pair in pairs {
        for option in 1...2 {
          guard let candidate = try apply(pair, option, to: best) else { continue }
          let s = score(candidate)
          if s < bestScore {
            best = candidate
            bestScore = s
          }
        }
      }
    }
    return best
  }

  private func score(_ f: RationalForm) -> (Int, Int) {
    let polys = [f.numerator] + f.factors.map(\.polynomial)
    let terms = polys.reduce(0) { $0 + $1.termCount }
    let degree = polys.reduce(0) { acc, p in acc + p.terms.reduce(0) { $0 + $1.monomial.degree } }
    return (terms, degree)
  }

  /// Parts of the numerator that survive every choice of substitutions, for a lower bound on
  /// the result before the search: the rests of its terms (the monomial without the pairs'
  /// atoms) whose group of terms cannot vanish, or nil when pairs share an atom. Substitutions
  /// keep each term's rest, so groups never mix; a group vanishes only if it lies in the ideal
  /// of sin²u + cos²u − 1, cosh²u − sinh²u − 1 and u² − |u|², and every polynomial of that
  /// ideal is 0 at sin u = 0, cos u = 1, sinh u = 0, cosh u = 1, u = |u| = 1. So a group whose
  /// value there (the sum of the coefficients of its terms free of sin and sinh) is not 0 stays.
  func survivingRests(_ form: RationalForm, _ pairs: [Pair]) -> [Monomial]? {
    var paired = Set<Int>()
    var vanishing = Set<Int>()
    for p in pairs {
      guard paired.insert(p.first).inserted, paired.insert(p.second).inserted else { return nil }
      if !p.absolute { vanishing.insert(p.first) }
    }
    var groups: [Monomial: Rational] = [:]
    var order: [Monomial] = []
    var isPaired = [Bool](repeating: false, count: converter.atoms.count)
    for atom in paired { isPaired[atom] = true }
    for term in form.numerator.terms {
      var rest: [UInt64]?
      var atZero = false
      for (i, packed) in term.monomial.packed.enumerated() {
        let atom = Int(packed >> 32)
        if !isPaired[atom] {
          rest?.append(packed)
        } else {
          if rest == nil { rest = Array(term.monomial.packed[..<i]) }
          if vanishing.contains(atom) { atZero = true }
        }
      }
      let key = rest.map(Monomial.init(packed:)) ?? term.monomial
      let value = atZero ? Rational.zero : term.coefficient
      if let v = groups[key] {
        groups[key] = v + value
      } else {
        groups[key] = value
        order.append(key)
      }
    }
    return order.filter { !groups[$0]!.isZero }
  }

  func findPairs(_ form: RationalForm) -> [Pair] {
    // Per atom: 1 if it occurs, 2 if it occurs squared.
    var occurs = [UInt8](repeating: 0, count: converter.atoms.count)
    for p in [form.numerator] + form.factors.map(\.polynomial) {
      for term in p.terms {
        for packed in term.monomial.packed {
          occurs[Int(packed >> 32)] |= packed & 0xFFFF_FFFF >= 2 ? 3 : 1
        }
      }
    }
    var pairs: [Pair] = []
    // |u| atoms of this form, by u (looked up, never built: building nodes here would change
    // the pool during simplification).
    var bars = ExprMap<Int>()
    for (atom, flag) in occurs.enumerated() where flag != 0 {
      let e = converter.atoms[atom]
      if pool.function(e) == .abs { bars[pool.operand(e, 0)] = atom }
    }
    for (atom, flag) in occurs.enumerated() where flag & 2 != 0 {
      let e = converter.atoms[atom]
      // abs-square: u with |u| present, or |u| with u an atom.
      let absolute: (u: Expr, plain: Int, bars: Int)?
      if pool.function(e) == .abs, let plain = converter.existingAtom(pool.operand(e, 0)) {
        absolute = (pool.operand(e, 0), plain, atom)
      } else if let b = bars[e] {
        absolute = (e, atom, b)
      } else {
        absolute = nil
      }
      if let (u, plain, bars) = absolute {
        if !pairs.contains(where: { $0.absolute && $0.argument == u }) {
          pairs.append(Pair(first: plain, second: bars, hyperbolic: false, absolute: true, argument: u))
        }
        continue
      }
      guard let f = pool.function(e) else { continue }
      let u = pool.operand(e, 0)
      let partner: (Function, Function, Bool)?
      switch f {
      case .sin, .cos: partner = (.sin, .cos, false)
      case .sinh, .cosh: partner = (.sinh, .cosh, true)
      default: partner = nil
      }
      guard let (a, b, hyperbolic) = partner else { continue }
      if pairs.contains(where: { $0.argument == u && $0.hyperbolic == hyperbolic }) { continue }
      let first = converter.atom(pool.call(a, u))
      let second = converter.atom(pool.call(b, u))
      pairs.append(Pair(first: first, second: second, hyperbolic: hyperbolic, argument: u))
    }
    func kind(_ p: Pair) -> Int { p.absolute ? 2 : p.hyperbolic ? 1 : 0 }
    return pairs.sorted {
      let order = pool.compare($0.argument, $1.argument)
      return order < 0 || (order == 0 && kind($0) < kind($1))
    }
  }

  /// `form` with one direction (`option` 1 or 2) of `pair` substituted, or nil when the atom it
  /// replaces is never squared in `form` (the substitution would change nothing).
  private func apply(_ pair: Pair, _ option: Int, to form: RationalForm) throws(SimplificationStop) -> RationalForm? {
    let one = Polynomial(constant: .one)
    let atom: Int
    let replacement: Polynomial
    if pair.absolute {
      // u² → |u|² (option 1) or |u|² → u² (option 2).
      let other: Int
      (atom, other) = option == 1 ? (pair.first, pair.second) : (pair.second, pair.first)
      replacement = Polynomial(monomial: Monomial(atom: other, exponent: 2))
    } else {
      switch (option, pair.hyperbolic) {
      case (1, false):  // cos² → 1 − sin²
        atom = pair.second
        replacement = one + Polynomial(monomial: Monomial(atom: pair.first, exponent: 2), coefficient: .minusOne)
      case (2, false):  // sin² → 1 − cos²
        atom = pair.first
        replacement = one + Polynomial(monomial: Monomial(atom: pair.second, exponent: 2), coefficient: .minusOne)
      case (1, true):  // cosh² → 1 + sinh²
        atom = pair.second
        replacement = one + Polynomial(monomial: Monomial(atom: pair.first, exponent: 2))
      default:  // sinh² → cosh² − 1
        atom = pair.first
        replacement = Polynomial(monomial: Monomial(atom: pair.second, exponent: 2)) + Polynomial(constant: .minusOne)
      }
    }
    var result = form
    var changed = false
    if let p = try substitute(atom, replacement, in: form.numerator) {
      result.numerator = p
      changed = true
    }
    for (i, (p, k)) in form.factors.enumerated() {
      guard let q = try substitute(atom, replacement, in: p) else { continue }
      result.factors[i] = (q, k)
      changed = true
    }
    guard changed else { return nil }
    result.applied.insert(pair.rule)
    return result
  }

  /// `p` with atom^e (e ≥ 2) replaced by atom^(e mod 2) · replacement^(e div 2), or nil when
  /// no term has atom^2.
  func substitute(_ atom: Int, _ replacement: Polynomial, in p: Polynomial) throws(SimplificationStop)
    -> Polynomial?
  {
    // Terms are gathered unsorted and sorted once: merging each expansion in turn was
    // quadratic in the number of terms (det6 spent 60% of its time here).
    var terms: [Term] = []
    terms.reserveCapacity(p.termCount)
    var changed = false
    for term in p.terms {
      let e = term.monomial.exponent(of: atom)
      if e < 2 {
        terms.append(term)
        continue
      }
      changed = true
      let kept = term.monomial.removing(atom).0 * Monomial(atom: atom, exponent: e % 2)
      let expanded = try replacement.power(e / 2, budget: converter.budget)
      terms += expanded.scaled(term.coefficient, kept).terms
    }
    return changed ? Polynomial(unsorted: terms) : nil
  }
}
