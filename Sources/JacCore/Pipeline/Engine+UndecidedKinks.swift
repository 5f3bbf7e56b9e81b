/// taylor about a point where the argument of a kink still holds a parameter: abs(x - a) at
/// x = 0 is on its kink when a = 0, and its polynomial a - x (for a > 0) holds only off it. The
/// assumptions may decide it (`--assume "a > 0"`); otherwise it is an error that names the
/// condition, never an answer that silently assumes it false.
extension Engine {
  /// A call whose arguments at the point hold a symbol (``kinks(_:branchCuts:)``).
  struct UndecidedKink {
    var call: Expr
    var kind: ExpressionPool.KinkKind
    /// The call's arguments at the point.
    var arguments: [Expr]
  }

  /// Whether the signs `--assume` implies (and those of numbers) prove the arguments off the
  /// kink: an argument ≠ 0 (abs, sign, heaviside, relu, acot), one argument of max (min) above
  /// (below) each other one, atan2(y, x) with y ≠ 0 or x > 0. The integers of floor and ceil are
  /// not decided so. An argument undefined at the point counts as off: the function's value
  /// there is the error then.
  func provedOff(_ kink: UndecidedKink, _ c: Context) -> Bool {
    guard let a = try? finish(each: kink.arguments, c) else { return true }
    func sign(_ e: Expr) -> Sign? {
      guard let q = pool.rational(e) else { return simplifier.assumptions?.sign(of: e) }
      return q.isZero ? .zero : q.isNegative ? .negative : .positive
    }
    switch kink.kind {
    case .zero: return sign(a[0])?.isStrict ?? false
    case .integer: return false
    case .branchCut: return sign(a[0])?.isStrict ?? false || sign(a[1]) == .positive
    case .tie(let largest):
      let wanted: Sign = largest ? .positive : .negative
      return a.indices.contains { i in
        a.indices.allSatisfy { j in j == i || sign(pool.subtract(a[i], a[j])) == wanted }
      }
    }
  }

  /// The error for a kink the point may be on: the call and the condition on the parameters.
  func undecided(_ kink: UndecidedKink, _ c: Context) -> JacError {
    let printer = TextPrinter(pool: pool)
    let a = ((try? finish(each: kink.arguments, c)) ?? kink.arguments).map { printer.string($0) }
    let condition: String
    var decidable = true
    switch kink.kind {
    case .zero: condition = "\(a[0]) = 0"
    case .integer:
      condition = "\(a[0]) is an integer"
      decidable = false
    case .tie(let largest):
      condition = "two of \(a.joined(separator: ", ")) tie for the \(largest ? "largest" : "smallest") value"
    case .branchCut:
      // A number among y and x meets its part already (y = 0, x ≤ 0), else the point is off the cut.
      let parts = [(0, "\(a[0]) = 0"), (1, "\(a[1]) ≤ 0")].filter { !pool.isNumber(kink.arguments[$0.0]) }
      condition = parts.map(\.1).joined(separator: " and ")
    }
    return .kinkUndecided(call: printer.string(kink.call), condition: condition, byAssumption: decidable)
  }
}
