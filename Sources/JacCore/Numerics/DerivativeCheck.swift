/// Checks symbolic derivatives against finite differences of the function itself (`--check`).
///
/// For an entry ∂ᵏfᵢ/∂x_{v₁}…∂x_{vₖ} at a point p, nested central differences
///
///     D_h[g](p) = (g(p + h·e_v) − g(p − h·e_v)) / 2h,   applied along v₁, …, vₖ,
///
/// have error c₂h² + c₄h⁴ + …, so Richardson's extrapolation R = D_{h/2} + (D_{h/2} − D_h)/3
/// cancels the h² term. A point is skipped when f or the symbolic entry is not finite on the
/// stencil, or when D_h and D_{h/2} differ by more than 10⁻³·(1 + |R|) (the difference is not
/// resolving the derivative there: a singularity or a kink is near). Otherwise the entry agrees
/// when |S − R| ≤ tolₖ·(1 + |S|) + 10³·ε·max|f|/hᵏ, the second term being the rounding noise of
/// the difference quotient.
public struct DerivativeCheck: Sendable {
  /// One entry to check: the k-th derivative of function `function` along `along`.
  public struct Entry: Sendable {
    public var function: Int
    public var along: [String]
    public var symbolic: Expr
    public init(function: Int, along: [String], symbolic: Expr) {
      self.function = function
      self.along = along
      self.symbolic = symbolic
    }
  }

  public struct EntryReport: Sendable {
    public var worstAbsoluteError = 0.0
    /// |S − R| / |S| over points where S ≠ 0; nil when S was 0 at every checked point.
    public var worstRelativeError: Double?
    public var checkedPoints = 0
    public var skippedPoints = 0
    public var agrees = true
    /// The derivative order is above ``maxOrder``: not checked.
    public var orderTooHigh = false
  }

  public var entries: [EntryReport] = []
  /// True when no checked point of any entry disagreed.
  public var passed: Bool { entries.allSatisfy(\.agrees) }
  public var pointCount = 0

  /// Highest derivative order that finite differences resolve in `Double`.
  public static let maxOrder = 4
  /// Random points drawn when no point is given: half in [−2.5, 2.5]ⁿ, half in (0, 2.5]ⁿ (so
  /// functions defined for positive arguments only are checked too).
  public static let randomPoints = 8
  /// Further points, each coordinate of either sign with magnitude log-uniform in [10⁻², 10³],
  /// tried for an entry checked at fewer than ``wantedPoints`` of the first ones (for domains
  /// such as `sqrt(y - 10)`).
  public static let widePoints = 8
  public static let wantedPoints = 3

  /// Checks `entries` of the derivatives of `functions`. Symbols in `fixed` keep their given
  /// value (one point when every symbol is fixed); the others are drawn from a fixed seed.
  public static func run(
    _ pool: ExpressionPool, functions: [Expr], entries: [Entry], fixed: [String: Double] = [:]
  ) -> DerivativeCheck {
    let names = pool.freeSymbols(functions + entries.map(\.symbolic))
    let points = samplePoints(names, fixed: fixed)
    let functionTapes = functions.map { Tape(pool, roots: [$0], inputs: names) }
    let symbolicTape = Tape(pool, roots: entries.map(\.symbolic), inputs: names)
    let symbolicValues = points.map(symbolicTape.evaluate)
    var check = DerivativeCheck(pointCount: points.count)
    for (k, entry) in entries.enumerated() {
      var report = EntryReport()
      let order = entry.along.count
      guard order <= maxOrder else {
        report.orderTooHigh = true
        check.entries.append(report)
        continue
      }
      let axes = entry.along.map { names.firstIndex(of: $0) }
      let tape = functionTapes[entry.function]
      for (p, point) in points.enumerated() {
        if p >= randomPoints && report.checkedPoints >= wantedPoints { break }
        let s = symbolicValues[p][k]
        guard s.isFinite, let outcome = difference(tape, at: point, axes: axes) else {
          report.skippedPoints += 1
          continue
        }
        report.checkedPoints += 1
        let error = Swift.abs(s - outcome.estimate)
        let tolerance = [1e-6, 1e-6, 1e-6, 1e-4, 1e-3][order] * (1 + Swift.abs(s)) + outcome.noise
        report.worstAbsoluteError = Swift.max(report.worstAbsoluteError, error)
        if s != 0 { report.worstRelativeError = Swift.max(report.worstRelativeError ?? 0, error / Swift.abs(s)) }
        if !(error <= tolerance) { report.agrees = false }
      }
      check.entries.append(report)
    }
    return check
  }

  static func samplePoints(_ names: [String], fixed: [String: Double]) -> [[Double]] {
    let free = names.filter { fixed[$0] == nil }
    if free.isEmpty { return [names.map { fixed[$0]! }] }
    var rng = SplitMix64(seed: 0x6A61_635F_6368_6B21)
    func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
    return (0..<randomPoints + widePoints).map { i in
      names.map { name in
        if let v = fixed[name] { return v }
        let u = uniform()
        if i >= randomPoints {
          let magnitude = Self.power10(-2 + 5 * u)
          return uniform() < 0.5 ? -magnitude : magnitude
        }
        return i % 2 == 0 ? -2.5 + 5 * u : 0.05 + 2.45 * u
      }
    }
  }

  /// 10ˣ without Foundation (`exp` of Glibc is not imported here).
  static func power10(_ x: Double) -> Double { ExpressionPool.power(10, x, exact: nil) }

  /// The extrapolated difference quotient and its rounding noise, or nil when a value on the
  /// stencil is not finite or the estimate does not settle.
  static func difference(_ tape: Tape, at point: [Double], axes: [Int?]) -> (estimate: Double, noise: Double)? {
    let order = axes.count
    let base = order <= 2 ? 1e-3 : (order == 3 ? 1e-2 : 3e-2)
    var largest = 0.0
    func quotient(_ h: Double) -> Double? {
      var x = point
      func along(_ k: Int) -> Double? {
        if k == axes.count {
          let v = tape.evaluate(x)[0]
          guard v.isFinite else { return nil }
          largest = Swift.max(largest, Swift.abs(v))
          return v
        }
        // Differentiating along a symbol the function does not contain gives 0.
        guard let axis = axes[k] else { return 0 }
        let step = h * Swift.max(1, Swift.abs(point[axis]))
        let saved = x[axis]
        x[axis] = saved + step
        guard let plus = along(k + 1) else { return nil }
        x[axis] = saved - step
        guard let minus = along(k + 1) else { return nil }
        x[axis] = saved
        return (plus - minus) / (2 * step)
      }
      return along(0)
    }
    guard let coarse = quotient(base), let fine = quotient(base / 2) else { return nil }
    let estimate = fine + (fine - coarse) / 3
    guard estimate.isFinite, Swift.abs(fine - coarse) <= 1e-3 * (1 + Swift.abs(estimate)) else { return nil }
    let scale = axes.compactMap { $0 }.reduce(1.0) { $0 * Swift.max(1, Swift.abs(point[$1])) }
    var h = 1.0
    for _ in 0..<order { h *= base / 2 }
    return (estimate, 1e3 * Double.ulpOfOne * Swift.max(largest, 1e-300) / (h * scale))
  }
}
