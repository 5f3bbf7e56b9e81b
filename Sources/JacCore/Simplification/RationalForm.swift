/// An expression as a quotient N / (m · F₁^k₁ · F₂^k₂ · …) over atoms: N a polynomial, m a
/// monomial, each Fᵢ a primitive polynomial of at least two terms. Atoms are the parts that are
/// not sums, products or integer powers: variables, π, calls, and powers with a non-integer
/// exponent (u^(p/q) is the atom u^(1/q) to the power p).
///
/// Denominators stay factored, so `(1 - x^2)/(x^2 + 1)^2` is not expanded into a quartic.
///
/// A form carries the rewrites that made it (``applied``): the code that applies a rule notes it
/// in the form it returns, and ``sum(_:_:budget:)`` and ``product(_:_:budget:)`` pass on their
/// operands' rules, so a normal form names every rule it took on the way (for `--steps`).
struct RationalForm {
  var numerator: Polynomial
  var monomialDenominator: Monomial = .one
  var factors: [(polynomial: Polynomial, multiplicity: Int)] = []
  /// The rules applied to make this form.
  var applied = RuleSet()

  init(_ numerator: Polynomial, applied: RuleSet = RuleSet()) {
    self.numerator = numerator
    self.applied = applied
  }

  /// Whether there is anything below the fraction bar.
  var hasDenominator: Bool { !factors.isEmpty || !monomialDenominator.isOne }

  static func constant(_ q: Rational) -> RationalForm { RationalForm(Polynomial(constant: q)) }

  func withDenominator(_ m: Monomial) -> RationalForm {
    var r = self
    r.monomialDenominator = m
    return r
  }

  /// `a · b`.
  static func product(_ a: RationalForm, _ b: RationalForm, budget: Budget) throws(SimplificationStop) -> RationalForm {
    let numerator = try a.numerator.multiplied(by: b.numerator, budget: budget)
    var r = RationalForm(numerator, applied: a.applied.union(b.applied))
    r.monomialDenominator = a.monomialDenominator * b.monomialDenominator
    r.factors = a.factors
    for f in b.factors { r.addFactor(f.polynomial, f.multiplicity) }
    return r
  }

  /// `a + b` over the least common denominator: the rule `common-denominator` when either has
  /// a denominator, a/m + b/(m·F) = (a·F + b)/(m·F).
  static func sum(_ a: RationalForm, _ b: RationalForm, budget: Budget) throws(SimplificationStop) -> RationalForm {
    var applied = a.applied.union(b.applied)
    if a.hasDenominator || b.hasDenominator { applied.insert(.commonDenominator) }
    if a.factors.isEmpty && b.factors.isEmpty && a.monomialDenominator == b.monomialDenominator {
      var r = a
      r.numerator = try Polynomial.sum(a.numerator, b.numerator, budget: budget)
      r.applied = applied
      return r
    }
    var common = RationalForm(.zero, applied: applied)
    common.monomialDenominator = a.monomialDenominator.lcm(b.monomialDenominator)
    common.factors = a.factors
    for f in b.factors {
      if let i = common.factors.firstIndex(where: { $0.polynomial == f.polynomial }) {
        common.factors[i].multiplicity = max(common.factors[i].multiplicity, f.multiplicity)
      } else {
        common.factors.append(f)
      }
    }
    common.numerator = try Polynomial.sum(
      try a.numerator.multiplied(by: try common.cofactor(of: a, budget: budget), budget: budget),
      try b.numerator.multiplied(by: try common.cofactor(of: b, budget: budget), budget: budget), budget: budget)
    return common
  }

  /// The polynomial that turns `part`'s denominator into this (common) denominator.
  private func cofactor(of part: RationalForm, budget: Budget) throws(SimplificationStop) -> Polynomial {
    var result = Polynomial(monomial: monomialDenominator.dividing(by: part.monomialDenominator)!)
    for f in factors {
      let have = part.factors.first { $0.polynomial == f.polynomial }?.multiplicity ?? 0
      if f.multiplicity > have {
        result = try result.multiplied(
          by: try f.polynomial.power(f.multiplicity - have, budget: budget), budget: budget)
      }
    }
    return result
  }

  mutating func addFactor(_ p: Polynomial, _ k: Int) {
    if let i = factors.firstIndex(where: { $0.polynomial == p }) {
      factors[i].multiplicity += k
    } else {
      factors.append((p, k))
    }
  }

  /// The denominator expanded into one polynomial.
  func expandedDenominator(budget: Budget) throws(SimplificationStop) -> Polynomial {
    var d = Polynomial(monomial: monomialDenominator)
    for f in factors {
      d = try d.multiplied(by: try f.polynomial.power(f.multiplicity, budget: budget), budget: budget)
    }
    return d
  }
}
