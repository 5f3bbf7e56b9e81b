/// A product of atoms with positive integer exponents: sorted `(atom, exponent)` pairs.
struct Monomial: Hashable {
  /// Pairs packed as `atom << 32 | exponent`, sorted by atom.
  private(set) var packed: [UInt64]

  static let one = Monomial(packed: [])

  init(packed: [UInt64]) { self.packed = packed }

  static func == (a: Monomial, b: Monomial) -> Bool { a.packed == b.packed }
  func hash(into hasher: inout Hasher) { hasher.combine(packed) }
  /// The pairs folded by splitmix64's finaliser, not SipHash (as for ``Expr``).
  func _rawHashValue(seed: Int) -> Int {
    var h = UInt64(bitPattern: Int64(seed)) &+ UInt64(packed.count)
    for p in packed { h = Expr.mix(h ^ p) }
    return Int(truncatingIfNeeded: Expr.mix(h))
  }
  init(atom: Int, exponent: Int) { packed = exponent == 0 ? [] : [UInt64(atom) << 32 | UInt64(exponent)] }

  var isOne: Bool { packed.isEmpty }
  var pairs: [(atom: Int, exponent: Int)] { packed.map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) } }
  var degree: Int { packed.reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) } }

  func exponent(of atom: Int) -> Int {
    for p in packed where Int(p >> 32) == atom { return Int(p & 0xFFFF_FFFF) }
    return 0
  }

  static func * (a: Monomial, b: Monomial) -> Monomial { a.combined(b, sign: 1) }

  /// `a / b` when `b` divides `a`.
  func dividing(by b: Monomial) -> Monomial? {
    for (atom, e) in b.pairs where exponent(of: atom) < e { return nil }
    return combined(b, sign: -1)
  }

  /// The greatest common divisor (smaller exponent of each shared atom).
  func gcd(_ b: Monomial) -> Monomial {
    Monomial(
      packed: pairs.compactMap { atom, e in
        let f = min(e, b.exponent(of: atom))
        return f > 0 ? UInt64(atom) << 32 | UInt64(f) : nil
      })
  }

  /// The least common multiple.
  func lcm(_ b: Monomial) -> Monomial { (self * b).dividing(by: gcd(b))! }

  /// Removes `atom` and returns its exponent.
  func removing(_ atom: Int) -> (Monomial, Int) {
    (Monomial(packed: packed.filter { Int($0 >> 32) != atom }), exponent(of: atom))
  }

  private func combined(_ b: Monomial, sign: Int) -> Monomial {
    var result: [UInt64] = []
    result.reserveCapacity(packed.count + b.packed.count)
    var i = 0
    var j = 0
    let x = packed
    let y = b.packed
    while i < x.count || j < y.count {
      let ai = i < x.count ? Int(x[i] >> 32) : Int.max
      let bj = j < y.count ? Int(y[j] >> 32) : Int.max
      if ai < bj {
        result.append(x[i])
        i += 1
      } else if bj < ai {
        result.append(y[j])
        j += 1
      } else {
        let e = Int(x[i] & 0xFFFF_FFFF) + sign * Int(y[j] & 0xFFFF_FFFF)
        if e > 0 { result.append(UInt64(ai) << 32 | UInt64(e)) }
        i += 1
        j += 1
      }
    }
    return Monomial(packed: result)
  }

  /// Lexicographic order: the first atom (smallest index) where the exponents differ decides;
  /// a larger exponent is larger. Positive when `a > b`.
  static func lexCompare(_ a: Monomial, _ b: Monomial) -> Int {
    var i = 0
    var j = 0
    while i < a.packed.count || j < b.packed.count {
      let ai = i < a.packed.count ? Int(a.packed[i] >> 32) : Int.max
      let bj = j < b.packed.count ? Int(b.packed[j] >> 32) : Int.max
      if ai < bj { return 1 }
      if bj < ai { return -1 }
      let ea = a.packed[i] & 0xFFFF_FFFF
      let eb = b.packed[j] & 0xFFFF_FFFF
      if ea != eb { return ea > eb ? 1 : -1 }
      i += 1
      j += 1
    }
    return 0
  }
}

/// Why a rewrite stopped: the work budget ran out (the simplifier keeps the canonical form it
/// already has), or a denominator turned out to be zero (the result is undefined).
enum SimplificationStop: Error {
  case budget
  case divisionByZero
}

/// A work budget shared by one simplification.
final class Budget {
  private(set) var remaining: Int
  init(_ amount: Int) { remaining = amount }
  func spend(_ amount: Int) throws(SimplificationStop) {
    remaining -= amount
    if remaining < 0 { throw SimplificationStop.budget }
  }
}

/// One term c·m of a ``Polynomial``.
struct Term: Hashable {
  var monomial: Monomial
  var coefficient: Rational
}

/// A sparse polynomial in atoms with exact rational coefficients: its terms in descending
/// lexicographic order of their monomials (``Monomial/lexCompare(_:_:)``), none zero, no
/// monomial twice. The order makes equal polynomials equal arrays, puts the leading term first
/// (division reads it in O(1)), and lets sums merge in linear time. Multiplying every monomial
/// by one monomial (or dividing by a common one) keeps the order, since lexicographic order
/// is a monomial order.
struct Polynomial: Hashable {
  /// Most terms a polynomial may reach before simplification gives up on the expansion.
  static let maxTerms = 2_000

  private(set) var terms: [Term] = []

  static let zero = Polynomial()
  init() {}
  init(constant: Rational) { if !constant.isZero { terms = [Term(monomial: .one, coefficient: constant)] } }
  init(monomial: Monomial, coefficient: Rational = .one) {
    if !coefficient.isZero { terms = [Term(monomial: monomial, coefficient: coefficient)] }
  }
  /// From terms in any order, possibly repeated: sorts and combines them.
  init(unsorted: [Term]) {
    let sorted = unsorted.sorted { Monomial.lexCompare($0.monomial, $1.monomial) > 0 }
    var combined: [Term] = []
    combined.reserveCapacity(sorted.count)
    for t in sorted {
      if let last = combined.last, last.monomial == t.monomial {
        let sum = last.coefficient + t.coefficient
        if sum.isZero { combined.removeLast() } else { combined[combined.count - 1].coefficient = sum }
      } else if !t.coefficient.isZero {
        combined.append(t)
      }
    }
    terms = combined
  }

  var isZero: Bool { terms.isEmpty }
  var termCount: Int { terms.count }
  /// What writing this polynomial as an expression costs, in budget units: a product of its
  /// atoms and a coefficient for each term, then the sum sorted (one unit per term and per
  /// atom; measured at about the cost of a unit of multiplication).
  var buildingCost: Int { terms.reduce(0) { $0 + 1 + $1.monomial.packed.count } }
  var monomials: [Monomial] { terms.map(\.monomial) }
  /// The single term, when there is one.
  var singleTerm: (Monomial, Rational)? { terms.count == 1 ? (terms[0].monomial, terms[0].coefficient) : nil }

  /// The merge of two sorted term lists.
  /// `a + b` for the simplifier: the merge is charged (one unit per term looked at), and a sum
  /// past ``maxTerms`` stops the expansion as a product past it does (the 7×7 determinant
  /// expands to 5,040 terms, and the 8×8 inverse expanded it again for each of its entries).
  static func sum(_ a: Polynomial, _ b: Polynomial, budget: Budget) throws(SimplificationStop) -> Polynomial {
    try budget.spend((a.terms.count + b.terms.count) / 8)
    let r = a + b
    if r.terms.count > maxTerms { throw SimplificationStop.budget }
    return r
  }

  static func + (a: Polynomial, b: Polynomial) -> Polynomial {
    if a.terms.isEmpty { return b }
    if b.terms.isEmpty { return a }
    var out: [Term] = []
    out.reserveCapacity(a.terms.count + b.terms.count)
    var i = 0
    var j = 0
    let x = a.terms
    let y = b.terms
    while i < x.count && j < y.count {
      let order = Monomial.lexCompare(x[i].monomial, y[j].monomial)
      if order > 0 {
        out.append(x[i])
        i += 1
      } else if order < 0 {
        out.append(y[j])
        j += 1
      } else {
        let sum = x[i].coefficient + y[j].coefficient
        if !sum.isZero { out.append(Term(monomial: x[i].monomial, coefficient: sum)) }
        i += 1
        j += 1
      }
    }
    out.append(contentsOf: x[i...])
    out.append(contentsOf: y[j...])
    var r = Polynomial()
    r.terms = out
    return r
  }

  func scaled(_ c: Rational, _ m: Monomial = .one) -> Polynomial {
    if c.isZero { return .zero }
    var r = Polynomial()
    r.terms = terms.map { Term(monomial: m.isOne ? $0.monomial : $0.monomial * m, coefficient: $0.coefficient * c) }
    return r
  }

  /// The largest coefficient's size in limbs (numerator plus denominator; 4 for small ones).
  var coefficientLimbs: Int {
    terms.reduce(0) { max($0, $1.coefficient.numerator.limbCount + $1.coefficient.denominator.limbCount) }
  }

  /// What one coefficient operation between `a` and `b` costs, in budget units: 1 for small
  /// numbers, growing with the product of their sizes, so expanding (x² + c)^15 with a
  /// 39,000-bit c stops at the budget instead of running for seconds (a fuzz finding).
  static func coefficientCost(_ a: Polynomial, _ b: Polynomial) -> Int {
    max(1, a.coefficientLimbs * b.coefficientLimbs / 16)
  }

  func multiplied(by b: Polynomial, budget: Budget) throws(SimplificationStop) -> Polynomial {
    try budget.spend(terms.count * b.terms.count * Self.coefficientCost(self, b))
    if terms.count == 1 { return b.scaled(terms[0].coefficient, terms[0].monomial) }
    if b.terms.count == 1 { return scaled(b.terms[0].coefficient, b.terms[0].monomial) }
    var products: [Term] = []
    products.reserveCapacity(terms.count * b.terms.count)
    for t1 in terms {
      for t2 in b.terms {
        products.append(Term(monomial: t1.monomial * t2.monomial, coefficient: t1.coefficient * t2.coefficient))
      }
    }
    let r = Polynomial(unsorted: products)
    if r.terms.count > Self.maxTerms { throw SimplificationStop.budget }
    return r
  }

  func power(_ n: Int, budget: Budget) throws(SimplificationStop) -> Polynomial {
    var result = Polynomial(constant: .one)
    for _ in 0..<n { result = try result.multiplied(by: self, budget: budget) }
    return result
  }

  /// The leading term in lexicographic order.
  var leadingTerm: (Monomial, Rational)? { terms.first.map { ($0.monomial, $0.coefficient) } }

  /// `self / d` when the division is exact, else nil (multivariate division by leading terms:
  /// if d divides self, every remainder's leading term is divisible by d's).
  func exactQuotient(_ d: Polynomial, budget: Budget) throws(SimplificationStop) -> Polynomial? {
    try divided(by: d, exact: true, budget: budget)?.quotient
  }

  /// r in self = q·d + r where no term of r is divisible by d's leading term: the normal form
  /// modulo d under this lexicographic order, unique since {d} is a Gröbner basis of the ideal
  /// (d) (`x^4 + y^2` modulo `x^2 + y^2 - 1` is `y^4 - y^2 + 1`). `self` when d is 0.
  func remainder(dividingBy d: Polynomial, budget: Budget) throws(SimplificationStop) -> Polynomial {
    try divided(by: d, exact: false, budget: budget)?.remainder ?? self
  }

  /// Multivariate division by d's leading term, self = q·d + r, the leading term of what is left
  /// divided out while it is divisible and moved to r while not (or, when `exact`, nil then).
  private func divided(by d: Polynomial, exact: Bool, budget: Budget) throws(SimplificationStop)
    -> (quotient: Polynomial, remainder: Polynomial)?
  {
    guard let (dm, dc) = d.leadingTerm else { return nil }
    var rest = self
    var quotient = Polynomial()
    var remainder = Polynomial()
    while let (rm, rc) = rest.leadingTerm {
      guard let m = rm.dividing(by: dm) else {
        if exact { return nil }
        // Leading terms leave in descending order: r stays sorted.
        remainder.terms.append(rest.terms.removeFirst())
        continue
      }
      let c = rc / dc
      quotient.terms.append(Term(monomial: m, coefficient: c))
      try budget.spend(d.terms.count * Self.coefficientCost(d, rest))
      rest = rest + d.scaled(-c, m)
    }
    return (quotient, remainder)
  }

  /// Gcd of the coefficients (positive) and of the monomials.
  var content: (Rational, Monomial) {
    var g: Rational?
    var m: Monomial?
    for t in terms {
      g = g.map { Rational.gcd($0, t.coefficient) } ?? t.coefficient.magnitude
      m = m.map { $0.gcd(t.monomial) } ?? t.monomial
    }
    return (g ?? .one, m ?? .one)
  }

  /// Divides every term by `c·m` (which must divide each).
  func divided(by c: Rational, _ m: Monomial) -> Polynomial {
    var r = Polynomial()
    r.terms = terms.map {
      Term(monomial: m.isOne ? $0.monomial : $0.monomial.dividing(by: m)!, coefficient: $0.coefficient / c)
    }
    return r
  }

  /// Atoms that occur.
  var atoms: Set<Int> { Set(terms.flatMap { $0.monomial.pairs.map(\.atom) }) }
}
