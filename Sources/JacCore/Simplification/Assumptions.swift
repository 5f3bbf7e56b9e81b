/// The sign of a real expression, as far as it is known.
public enum Sign: Sendable, Equatable {
  case positive, negative, zero, nonnegative, nonpositive

  public var isNonnegative: Bool { self == .positive || self == .zero || self == .nonnegative }
  public var isNonpositive: Bool { self == .negative || self == .zero || self == .nonpositive }
  /// Known not to be zero.
  var isStrict: Bool { self == .positive || self == .negative }

  var negated: Sign {
    switch self {
    case .positive: return .negative
    case .negative: return .positive
    case .zero: return .zero
    case .nonnegative: return .nonpositive
    case .nonpositive: return .nonnegative
    }
  }

  /// The sign of a product of two factors of these signs; nil when unknown.
  func times(_ other: Sign) -> Sign? {
    if self == .zero || other == .zero { return .zero }
    let flip = isNonpositive != other.isNonpositive
    let strict = isStrict && other.isStrict
    return flip ? (strict ? .negative : .nonpositive) : (strict ? .positive : .nonnegative)
  }
}

/// What `--assume` says about the symbols, and what follows for the sign of an expression:
/// ``sign(of:)``. Built by ``init(parsing:pool:names:)`` (`Assumptions+Parsing.swift`); the
/// simplifier reads it to drop `abs` (so `sqrt(u^2)`, which is `abs(u)`), `sign`, `heaviside`
/// and `relu` where the sign of the argument is implied.
///
/// Facts: bounds on single symbols (`r > 0`, `0 < p < pi`: numbers and rational multiples of π),
/// and expressions known positive or non-negative (`R > r` gives R − r > 0). A sign is derived,
/// never guessed:
/// - symbols from their bounds; R > r > 0 also bounds R below by 0;
/// - products and powers from their factors (u^(2k) ≥ 0, u^q > 0 for u > 0);
/// - sums whose terms agree in sign; else a sum with terms c·M·sin u or c·M·cos u, where
///   c·M has a known sign, is bounded by replacing sin u, cos u by ∓1: R + r·cos p ≥ R − r > 0;
/// - exp, cosh > 0; abs, acos ≥ 0; sinh, tanh, asinh, atan, erf, erfi, Shi have their argument's
///   sign, and so have Si, fresnels and fresnelc (positive on (0, ∞): their minima there are
///   Si(2π) ≈ 1.418, fresnels(2) ≈ 0.343, fresnelc(√3) ≈ 0.321);
///   sin u > 0 for u in (2kπ, (2k + 1)π), cos u > 0 for u in (−π/2, π/2) + 2kπ, where u is
///   affine in symbols bounded by multiples of π (`0 < p < pi`: sin(p) > 0, cos(p/2) > 0).
/// What cannot be used (`x^2 + y^2 < 1`) is kept as a fact about that expression only; an
/// assumption never changes a value, only which of two equal forms prints.
public final class Assumptions {
  /// A bound on a symbol: `value` (times π when `pi`), reached or not (`strict`).
  public struct Bound: Sendable, Equatable {
    public var value: Rational
    public var pi: Bool
    public var strict: Bool
  }
  let pool: ExpressionPool
  public internal(set) var lower: [String: Bound] = [:]
  public internal(set) var upper: [String: Bound] = [:]
  /// Expressions known > 0, and known ≥ 0 (canonical, so a lookup is an identity test).
  var positive: [Expr] = []
  var nonnegative: [Expr] = []
  /// Relations between two symbols, big > small (or ≥ when not strict): a cycle through a strict
  /// one is a contradiction (`x > y, y > z, z > x`).
  var order: [(big: String, small: String, strict: Bool)] = []
  /// The text as given.
  public internal(set) var text: String = ""
  /// The relations as parsed, for answers that state their assumptions (`--volume-element`):
  /// each chain's sides and the operators between them (`<`, `<=`, `>`, `>=`).
  public internal(set) var chains: [(sides: [Expr], operators: [String])] = []
  var memo: [Expr: Sign?] = [:]

  init(pool: ExpressionPool) { self.pool = pool }

  /// The sign of `e` that the assumptions imply, for real values of its symbols; nil when
  /// they do not decide it.
  public func sign(of e: Expr) -> Sign? {
    if let known = memo[e] { return known }
    let s = derivedSign(e)
    memo[e] = s
    return s
  }

  private func derivedSign(_ e: Expr) -> Sign? {
    if positive.contains(e) { return .positive }
    if nonnegative.contains(e) { return .nonnegative }
    switch pool.node(e) {
    case .number(let q): return q.isZero ? .zero : q.isNegative ? .negative : .positive
    case .constant: return .positive
    case .symbol(let name): return symbolSign(name)
    case .undefined, .apply: return nil
    case .product(let factors):
      var s = Sign.positive
      for f in factors {
        guard let t = sign(of: f), let p = s.times(t) else { return nil }
        s = p
      }
      return s
    case .power(let b, let x): return powerSign(b, x)
    case .call(let f, let u): return callSign(f, u)
    case .sum(let terms):
      // −(a − b) is a product until it is distributed: b − a.
      let negated = pool.add(terms.map { pool.negate($0) })
      if positive.contains(negated) { return .negative }
      if nonnegative.contains(negated) { return .nonpositive }
      let list = Array(terms)
      return termSign(list) ?? linearSign(list) ?? boundedSign(list)
    }
  }

  private func symbolSign(_ name: String) -> Sign? {
    if let l = lower[name], l.value.signum >= 0 { return l.value.signum > 0 || l.strict ? .positive : .nonnegative }
    if let u = upper[name], u.value.signum <= 0 { return u.value.signum < 0 || u.strict ? .negative : .nonpositive }
    return nil
  }

  private func powerSign(_ b: Expr, _ x: Expr) -> Sign? {
    guard let q = pool.rational(x) else { return sign(of: b) == .positive ? .positive : nil }
    let base = sign(of: b)
    if q.isInteger && q.numerator.isEven { return base?.isStrict == true ? .positive : .nonnegative }
    guard let base else { return nil }
    // An odd integer or an odd root keeps the sign; an even root needs b ≥ 0 and is ≥ 0.
    if !q.denominator.isEven { return q.isNegative && base == .nonnegative ? .positive : base }
    return base == .positive ? .positive : .nonnegative
  }

  private func callSign(_ f: Function, _ u: Expr) -> Sign? {
    switch f {
    case .exp, .cosh: return .positive
    case .abs: return sign(of: u)?.isStrict == true ? .positive : .nonnegative
    case .acos, .heaviside, .relu: return .nonnegative
    case .sinh, .tanh, .asinh, .atan, .atanh, .asin, .erf, .sign, .lambertw: return sign(of: u)
    case .erfi, .si, .shi, .fresnels, .fresnelc: return sign(of: u)
    case .sin: return periodicSign(u, shift: .zero)
    case .cos: return periodicSign(u, shift: .half)
    case .log: return sign(of: pool.subtract(u, pool.one))
    default: return nil
    }
  }

  /// The sign of sin(u + shift·π) from the interval of u in units of π: positive on
  /// (2k, 2k + 1), negative on (2k + 1, 2k + 2), with ≥/≤ where an end touches a zero.
  private func periodicSign(_ u: Expr, shift: Rational) -> Sign? {
    guard let (lo, hi) = piInterval(u) else { return nil }
    let (a, b) = (lo.value + shift, hi.value + shift)
    let two = Rational(BigInt(2))
    // k with 2k ≤ a < 2k + 2.
    let half = a / two
    var k = half.numerator / half.denominator  // truncated; floor below
    if Rational(k) > half { k = k - BigInt(1) }
    let start = Rational(k) * two
    for (from, sign) in [(start, Sign.positive), (start + Rational.one, Sign.negative)] {
      let to = from + Rational.one
      guard from <= a, b <= to else { continue }
      let open = (from < a || lo.open) && (b < to || hi.open)
      return open ? sign : (sign == .positive ? .nonnegative : .nonpositive)
    }
    return nil
  }

  /// u's range in units of π, when u is a sum of rational multiples of π and of symbols bounded
  /// on both sides by multiples of π (0 counts as one).
  private func piInterval(_ u: Expr) -> (lo: (value: Rational, open: Bool), hi: (value: Rational, open: Bool))? {
    var lo = (value: Rational.zero, open: false)
    var hi = (value: Rational.zero, open: false)
    for t in pool.terms(u) {
      let (c, rest) = pool.coefficientAndRest(t)
      if case .constant(.pi) = pool.node(rest) {
        lo.value = lo.value + c
        hi.value = hi.value + c
        continue
      }
      guard case .symbol(let name) = pool.node(rest), let l = lower[name], let h = upper[name],
        l.pi || l.value.isZero, h.pi || h.value.isZero
      else { return nil }
      let (from, to) = c.isNegative ? (h, l) : (l, h)
      lo = (lo.value + c * from.value, lo.open || from.strict)
      hi = (hi.value + c * to.value, hi.open || to.strict)
    }
    return (lo, hi)
  }

  /// A sum of numbers and rational multiples of symbols, from the symbols' bounds (not those in
  /// units of π): x − 1 > 0 for x > 1.
  private func linearSign(_ terms: [Expr]) -> Sign? {
    var low: (value: Rational, strict: Bool)? = (.zero, false)
    var high: (value: Rational, strict: Bool)? = (.zero, false)
    for t in terms {
      if let q = pool.rational(t) {
        low = low.map { ($0.value + q, $0.strict) }
        high = high.map { ($0.value + q, $0.strict) }
        continue
      }
      let (c, rest) = pool.coefficientAndRest(t)
      guard case .symbol(let name) = pool.node(rest) else { return nil }
      let (l, h) = c.isNegative ? (upper[name], lower[name]) : (lower[name], upper[name])
      if let l, !l.pi || l.value.isZero, let v = low {
        low = (v.value + c * l.value, v.strict || l.strict)
      } else {
        low = nil
      }
      if let h, !h.pi || h.value.isZero, let v = high {
        high = (v.value + c * h.value, v.strict || h.strict)
      } else {
        high = nil
      }
    }
    if let low, low.value.signum > 0 || (low.value.isZero && low.strict) { return .positive }
    if let low, low.value.signum >= 0 { return .nonnegative }
    if let high, high.value.signum < 0 || (high.value.isZero && high.strict) { return .negative }
    if let high, high.value.signum <= 0 { return .nonpositive }
    return nil
  }

  /// All terms of one sign.
  private func termSign(_ terms: [Expr]) -> Sign? {
    let signs = terms.map { sign(of: $0) }
    if signs.allSatisfy({ $0?.isNonnegative == true }) {
      return signs.contains(.positive) ? .positive : .nonnegative
    }
    if signs.allSatisfy({ $0?.isNonpositive == true }) {
      return signs.contains(.negative) ? .negative : .nonpositive
    }
    return nil
  }

  /// A sum bounded below (or above) by putting ∓1 for each sin u or cos u factor of a term whose
  /// other factors have a known sign: a positive lower bound makes the sum positive.
  private func boundedSign(_ terms: [Expr]) -> Sign? {
    var lowerTerms: [Expr] = []
    var upperTerms: [Expr] = []
    var replaced = false
    for t in terms {
      let factors = pool.factors(t)
      guard let i = factors.firstIndex(where: { [.sin, .cos].contains(pool.function($0)) }) else {
        lowerTerms.append(t)
        upperTerms.append(t)
        continue
      }
      var others = Array(factors)
      others.remove(at: i)
      let m = pool.multiply(others)
      guard let s = sign(of: m) else { return nil }
      replaced = true
      // m·f with −1 ≤ f ≤ 1: m·f ≥ −m and ≤ m when m ≥ 0; the other way when m ≤ 0.
      let (low, high) = s.isNonnegative ? (pool.negate(m), m) : (m, pool.negate(m))
      lowerTerms.append(low)
      upperTerms.append(high)
    }
    guard replaced else { return nil }
    if let l = sign(of: pool.add(lowerTerms)), l.isNonnegative { return l == .positive ? .positive : .nonnegative }
    if let u = sign(of: pool.add(upperTerms)), u.isNonpositive { return u == .negative ? .negative : .nonpositive }
    return nil
  }
}
