/// The value of a constant expression, decided rigorously (`--at`): with ball arithmetic
/// (``Ball``) at a working precision that doubles, from 80 bits up to ``maxCertifiedBits``,
/// until the balls decide what is asked (Ziv's strategy, as Arb and SymPy's `evalf` use it).
public enum CertifiedValue: Equatable, Sendable {
  /// The decimal of ``DecimalDigits``: every digit correct.
  case decimal(String)
  /// Real, and (digits not asked for) nothing more was needed.
  case real
  /// Real, with a magnitude beyond what prints as a decimal (past 2^±130000, or an exponent no
  /// ball holds): the exact form prints.
  case beyondDecimals
  /// Proved undefined or not real (log of a negative number, 1/0, asin 2).
  case notReal
  /// Not decided because an intermediate value is past 2^±(2^48) (``Ball/maxOrder``) and
  /// reaches a function that needs its sign or size (log, a quotient, an even root).
  case outOfRange
  /// Not decided within the work limit. `nearZero`: the last ball held 0 (the value may be
  /// exactly 0 without the simplifier proving it: sin(π) written oddly).
  case uncertain(nearZero: Bool)
  /// Not decided because a function is evaluated with certified digits only within limits
  /// (``BallFailure/unsupported``).
  case unsupported
}

extension ExpressionPool {
  /// The work limit: the largest working precision, in bits (about 4,900 digits). Reducing the
  /// argument of a periodic function uses as many more bits as the argument has before its
  /// binary point (at most the 131,072 of the largest exact number).
  public static let maxCertifiedBits = 16_384
  /// The first working precision: 53 bits and 27 to spare, enough for most values at once.
  static let firstCertifiedBits = 80

  /// The certified value of each constant root: its decimal when `digits`, else whether it is
  /// real. Roots are evaluated together, each distinct node once per precision; a root leaves
  /// the loop when decided. `maxBits` is the work limit (lower in tests).
  public func certifiedValues(
    _ roots: [Expr], digits: Bool, maxBits: Int = maxCertifiedBits
  ) -> [CertifiedValue] {
    let constants = BallConstants()
    var results = [CertifiedValue?](repeating: nil, count: roots.count)
    var bits = Self.firstCertifiedBits
    while true {
      let pending = roots.indices.filter { results[$0] == nil }
      if pending.isEmpty { break }
      let values = ballValues(pending.map { roots[$0] }, bits: bits, constants)
      let last = bits >= maxBits
      for (i, value) in zip(pending, values) {
        switch value {
        case .failure(.notReal): results[i] = .notReal
        case .failure(.overflow): results[i] = .beyondDecimals
        case .failure(.imprecise): if last { results[i] = .uncertain(nearZero: false) }
        case .failure(.undecidable): results[i] = .outOfRange
        case .failure(.unsupported): results[i] = .unsupported
        case .success(let ball):
          if !digits {
            results[i] = .real
            continue
          }
          switch DecimalDigits.text(ball) {
          case .text(let s): results[i] = .decimal(s)
          case .beyondRange: results[i] = .beyondDecimals
          case .undecided: if last { results[i] = .uncertain(nearZero: ball.containsZero) }
          }
        }
      }
      if last { break }
      bits = min(2 * bits, maxBits)
    }
    return results.map { $0! }
  }

  /// The ball of each root at working precision `bits`, or why there is none, with each symbol
  /// the ball `inputs` gives it (by the symbol's id; another symbol is `.imprecise`). Distinct
  /// nodes in order, operands first (no recursion: results can be 40,000 levels deep).
  ///
  /// Failures combine so that the answer stays rigorous: an undefined operand makes its user
  /// undefined (`.notReal` first); an undecided one makes it undecided; an operand past the
  /// exponent range (`.overflow`: real, of unknown size) passes through the functions defined on
  /// all of ℝ (sums, products, powers with natural or odd-root exponents, sin, cos, atan, sinh,
  /// cosh, tanh, asinh, exp, abs) and makes every other user `.undecidable`, since its sign and
  /// size are unknown at any precision.
  func ballValues(
    _ roots: [Expr], bits: Int, _ constants: BallConstants, inputs: [Int32: Ball] = [:]
  ) -> [Result<Ball, BallFailure>] {
    let nodes = distinctNodes(roots)
    var slot: [Int32: Int] = [:]
    var values: [Result<Ball, BallFailure>] = []
    values.reserveCapacity(nodes.count)
    func failure<C: Collection<Expr>>(_ operands: C, total: Bool) -> BallFailure? {
      var worst: BallFailure?
      for o in operands {
        guard case .failure(let f) = values[slot[o.id]!] else { continue }
        if f == .notReal { return .notReal }
        worst = Self.rank(f) > Self.rank(worst) ? f : worst
      }
      if worst == .overflow && !total { return .undecidable }
      return worst
    }
    func ball(_ e: Expr) -> Ball {
      guard case .success(let b) = values[slot[e.id]!] else { preconditionFailure("failure checked first") }
      return b
    }
    for e in nodes {
      let value: Result<Ball, BallFailure>
      switch node(e) {
      case .number(let q):
        let (v, error) = BigFloat.from(q, bits: bits + 8)
        value = .success(Ball(v, error))
      case .constant(.pi): value = .success(constants.pi(bits: bits + 8))
      case .symbol: value = inputs[e.id].map { .success($0) } ?? .failure(.imprecise)
      case .undefined: value = .failure(.notReal)
      case .sum(let ts):
        if let f = failure(ts, total: true) {
          value = .failure(f)
          break
        }
        value = attempt { () throws(BallFailure) in
          var s = ball(ts[0])
          for t in ts.dropFirst() { s = try .sum(s, ball(t), bits: bits) }
          return s
        }
      case .product(let fs):
        if let f = failure(fs, total: true) {
          value = .failure(f)
          break
        }
        value = attempt { () throws(BallFailure) in
          var p = ball(fs[0])
          for f in fs.dropFirst() { p = try .product(p, ball(f), bits: bits) }
          return p
        }
      case .power(let b, let x):
        let q = rational(x)
        let total = q.map { !$0.isNegative && !$0.denominator.isEven } ?? false
        if let f = failure([b, x], total: total) {
          value = .failure(f)
          break
        }
        value = attempt { () throws(BallFailure) in
          if let q { return try ball(b).power(q, bits: bits, constants) }
          return try ball(b).power(real: ball(x), bits: bits, constants)
        }
      case .call(let fn, let u):
        if let f = failure([u], total: fn.isTotal) {
          value = .failure(f)
          break
        }
        value = attempt { () throws(BallFailure) in try ball(u).apply(fn, bits: bits, constants) }
      case .apply(let op, let arguments):
        if let f = failure(arguments, total: op.isTotal) {
          value = .failure(f)
          break
        }
        value = attempt { () throws(BallFailure) in try Ball.apply(op, arguments.map(ball), bits: bits, constants) }
      }
      slot[e.id] = values.count
      values.append(value)
    }
    return roots.map { values[slot[$0.id]!] }
  }
}

/// The ball `body` computes, or its failure.
private func attempt(_ body: () throws(BallFailure) -> Ball) -> Result<Ball, BallFailure> {
  do {
    return .success(try body())
  } catch {
    return .failure(error)
  }
}

extension ExpressionPool {
  /// Which failure of an operand its user inherits: undefined, then undecided at this
  /// precision, then past the certified functions' limits, then undecidable at any, then out of
  /// range.
  static func rank(_ f: BallFailure?) -> Int {
    switch f {
    case .none: return 0
    case .overflow: return 1
    case .undecidable: return 2
    case .unsupported: return 3
    case .imprecise: return 4
    case .notReal: return 5
    }
  }
}

extension Function {
  /// Defined and real on all of ℝ.
  var isTotal: Bool {
    switch self {
    case .sin, .cos, .atan, .sinh, .cosh, .tanh, .asinh, .exp, .abs, .sech, .acot, .sign, .heaviside,
      .floor, .ceil, .relu, .sigmoid, .softplus, .erf, .erfc, .erfi, .si, .shi, .fresnels, .fresnelc, .sinc:
      return true
    case .tan, .cot, .sec, .csc, .asin, .acos, .acosh, .atanh, .log, .csch, .coth, .asec, .acsc, .asech, .acsch, .acoth,
      .gamma, .loggamma, .digamma, .lambertw, .ei, .ci, .chi, .li:
      return false
    }
  }
}

extension Operator {
  /// Defined and real for all real arguments.
  var isTotal: Bool {
    switch self {
    case .max, .min: return true
    case .atan2, .polygamma, .beta, .undefined: return false
    }
  }
}
