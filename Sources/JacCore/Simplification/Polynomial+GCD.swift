/// Greatest common divisors of polynomials in one atom, for `cancel-common-factor` when the
/// numerator and a denominator factor share a factor that divides neither exactly:
/// (x² − 1)/(x⁴ − 1) = 1/(x² + 1), since gcd(x² − 1, x⁴ − 1) = x² − 1.
extension Polynomial {
  /// The one atom every term is a power of, when there is exactly one.
  var singleAtom: Int? {
    var atom: Int?
    for t in terms {
      for (a, _) in t.monomial.pairs {
        if let seen = atom, seen != a { return nil }
        atom = a
      }
    }
    return atom
  }

  /// The degree in `atom`: the largest exponent of it in a term.
  func degree(in atom: Int) -> Int { terms.reduce(0) { max($0, $1.monomial.exponent(of: atom)) } }

  /// This polynomial scaled so that its leading coefficient is 1.
  var monic: Polynomial {
    guard let (_, c) = leadingTerm, c != .one else { return self }
    return scaled(Rational.one / c)
  }

  /// gcd(a, b) for polynomials in one atom (or constants), monic, by Euclid's algorithm:
  /// gcd(a, b) = gcd(b, a mod b), each remainder made monic so that the coefficients stay small.
  /// 1 when either is 0 or a constant.
  static func univariateGCD(_ a: Polynomial, _ b: Polynomial, budget: Budget) throws(SimplificationStop)
    -> Polynomial
  {
    var (u, v) = (a.monic, b.monic)
    if u.isZero || v.isZero { return Polynomial(constant: .one) }
    while !v.isZero {
      if v.singleTerm?.0.isOne == true { return Polynomial(constant: .one) }
      let r = try u.remainder(dividingBy: v, budget: budget)
      (u, v) = (v, r.monic)
    }
    return u
  }

  /// The parts of this polynomial that are polynomials in `atom` alone: P = Σ cᵢ(atom)·mᵢ with
  /// the mᵢ distinct monomials free of `atom`; returns the cᵢ. A common factor of P in `atom`
  /// divides every cᵢ, so gcd(P, F) for F in `atom` alone is gcd(F, c₁, c₂, …).
  func coefficients(in atom: Int) -> [Polynomial] {
    var groups: [Monomial: [Term]] = [:]
    var order: [Monomial] = []
    for t in terms {
      let (rest, e) = t.monomial.removing(atom)
      if groups[rest] == nil { order.append(rest) }
      groups[rest, default: []].append(Term(monomial: Monomial(atom: atom, exponent: e), coefficient: t.coefficient))
    }
    return order.map { Polynomial(unsorted: groups[$0]!) }
  }
}
