/// Checks symbolic derivatives against finite differences of the function itself (`--check`).
///
/// For an entry ∂ᵏfᵢ/∂x_{v₁}…∂x_{vₖ} at a point p, nested central differences
///
///     D_h[g](p) = (g(p + h·e_v) − g(p − h·e_v)) / 2h,   applied along v₁, …, vₖ,
///
/// have error c₂h² + c₄h⁴ + …, so Richardson's extrapolation R = D_{h/2} + (D_{h/2} − D_h)/3
/// cancels the h² term. A point is skipped when f or the symbolic entry is not finite on the
/// stencil. The entry agrees at once when D_h and D_{h/2} are within 10⁻³·(1 + |R|) of each
/// other and |S − R| ≤ tolₖ·(1 + |S|) + 10³·ε·max|f|/hᵏ, the second term being the rounding
/// noise of the difference quotient: the fast path, which most points take.
///
/// Otherwise (the steps were too coarse for the function, as for |sin(100x)|, or they disagree)
/// a second opinion decides: Ridders' extrapolation over steps 0.05, 0.025, … with an error
/// estimate E (``extrapolated(_:at:axes:)``). If E > 10⁻³·(1 + |R|) the derivative is not
/// resolved there (a kink or a singularity is near) and the point is skipped; else the entry
/// agrees when |S − R| ≤ max(tolₖ·(1 + |S|), 4E). So only a difference the finite differences
/// resolve is reported as a disagreement.
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
  ///
  /// `inside` (from `--assume`) are differences d with d > 0 (`strict`) or d ≥ 0 that a drawn
  /// point must satisfy (those in names beyond the check's are dropped): draws outside are
  /// rejected and more are drawn from the same sequence, up to ``drawsPerPoint`` per point
  /// wanted; with no point inside, the check has no points (`pointCount` 0). `bounds` (a
  /// symbol's assumed lower and upper bounds) place the draws that are still missing after
  /// that inside them (``boundedDraw(_:bounds:uniform:)``), so `x > 10^6` is checked too.
  public static func run(
    _ pool: ExpressionPool, functions: [Expr], entries: [Entry], fixed: [String: Double] = [:],
    inside: [(difference: Expr, strict: Bool)] = [], bounds: [String: (lower: Double?, upper: Double?)] = [:]
  ) -> DerivativeCheck {
    let names = pool.freeSymbols(functions + entries.map(\.symbolic))
    let known = Set(names)
    let links = inside.filter { pool.freeSymbols([$0.difference]).allSatisfy(known.contains) }
    let linkTape = links.isEmpty ? nil : Tape(pool, roots: links.map(\.difference), inputs: names)
    let points = samplePoints(names, fixed: fixed, bounds: links.isEmpty ? [:] : bounds) { point in
      guard let linkTape else { return true }
      return zip(linkTape.evaluate(point), links).allSatisfy { d, link in link.strict ? d > 0 : d >= 0 }
    }
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
        guard s.isFinite, let first = difference(tape, at: point, axes: axes) else {
          report.skippedPoints += 1
          continue
        }
        let relative = [1e-6, 1e-6, 1e-6, 1e-4, 1e-3][order] * (1 + Swift.abs(s))
        var error = first.settled ? Swift.abs(s - first.estimate) : .infinity
        var agrees = error <= relative + first.noise
        if !agrees {
          // A second opinion with an error estimate: Ridders' extrapolation over shrinking steps.
          guard let second = extrapolated(tape, at: point, axes: axes),
            second.error <= 1e-3 * (1 + Swift.abs(second.estimate))
          else {
            report.skippedPoints += 1
            continue
          }
          error = Swift.abs(s - second.estimate)
          agrees = error <= Swift.max(relative, 4 * second.error)
        }
        report.checkedPoints += 1
        report.worstAbsoluteError = Swift.max(report.worstAbsoluteError, error)
        if s != 0 { report.worstRelativeError = Swift.max(report.worstRelativeError ?? 0, error / Swift.abs(s)) }
        if !agrees { report.agrees = false }
      }
      check.entries.append(report)
    }
    return check
  }

  /// Draws tried per point wanted when points must lie inside the assumptions.
  public static let drawsPerPoint = 64

  static func samplePoints(
    _ names: [String], fixed: [String: Double], bounds: [String: (lower: Double?, upper: Double?)] = [:],
    accepts: ([Double]) -> Bool = { _ in true }
  ) -> [[Double]] {
    let free = names.filter { fixed[$0] == nil }
    if free.isEmpty { return [names.map { fixed[$0]! }] }
    var rng = SplitMix64(seed: 0x6A61_635F_6368_6B21)
    func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
    let wanted = randomPoints + widePoints
    var points: [[Double]] = []
    // Draw i has the layout of point i mod `wanted`: without assumptions, points 0..<wanted.
    var i = 0
    while points.count < wanted && i < wanted * drawsPerPoint {
      let point = draw(i % wanted)
      if accepts(point) { points.append(point) }
      i += 1
    }
    // Points still missing: each bounded symbol drawn inside its bounds, the others as before.
    i = 0
    while !bounds.isEmpty && points.count < wanted && i < wanted * drawsPerPoint {
      let point = names.map { name in
        fixed[name] ?? bounds[name].map { boundedDraw($0, uniform: uniform) } ?? coordinate(i % wanted)
      }
      if accepts(point) { points.append(point) }
      i += 1
    }
    return points
    func draw(_ i: Int) -> [Double] { names.map { fixed[$0] ?? coordinate(i) } }
    func coordinate(_ i: Int) -> Double {
      let u = uniform()
      if i >= randomPoints {
        let magnitude = Self.power10(-2 + 5 * u)
        return uniform() < 0.5 ? -magnitude : magnitude
      }
      return i % 2 == 0 ? -2.5 + 5 * u : 0.05 + 2.45 * u
    }
  }

  /// A value inside `bounds`: uniform over the middle 96% of [lower, upper]; with one bound b,
  /// b moved inward by s·m, s = max(1, |b|) and m log-uniform in [10⁻², 10] (x > 10⁶ draws
  /// from about 1.00001·10⁶ to 1.1·10⁷).
  static func boundedDraw(_ bounds: (lower: Double?, upper: Double?), uniform: () -> Double) -> Double {
    let u = uniform()
    switch bounds {
    case (let lower?, let upper?): return lower + (upper - lower) * (0.02 + 0.96 * u)
    case (let lower?, nil): return lower + Swift.max(1, Swift.abs(lower)) * power10(-2 + 3 * u)
    case (nil, let upper?): return upper - Swift.max(1, Swift.abs(upper)) * power10(-2 + 3 * u)
    case (nil, nil): return -2.5 + 5 * u
    }
  }

  /// 10ˣ without Foundation (`exp` of Glibc is not imported here).
  static func power10(_ x: Double) -> Double { ExpressionPool.power(10, x, exact: nil) }

  /// The extrapolated difference quotient R = D_{h/2} + (D_{h/2} − D_h)/3 and its rounding
  /// noise; `settled` is false when D_h and D_{h/2} differ by more than 10⁻³·(1 + |R|) (a
  /// singularity, a kink or fast oscillation is near). Nil when a value on the stencil is not
  /// finite.
  static func difference(_ tape: Tape, at point: [Double], axes: [Int?]) -> (
    estimate: Double, noise: Double, settled: Bool
  )? {
    let order = axes.count
    let base = order <= 2 ? 1e-3 : (order == 3 ? 1e-2 : 3e-2)
    guard let coarse = nestedQuotient(tape, at: point, axes: axes, step: base),
      let fine = nestedQuotient(tape, at: point, axes: axes, step: base / 2)
    else { return nil }
    let estimate = fine.value + (fine.value - coarse.value) / 3
    guard estimate.isFinite else { return nil }
    let settled = Swift.abs(fine.value - coarse.value) <= 1e-3 * (1 + Swift.abs(estimate))
    let largest = Swift.max(coarse.largest, fine.largest)
    return (estimate, noise((fine.value, largest), point: point, axes: axes, step: base / 2), settled)
  }

  /// The nested central difference D_h along `axes` (each step h·max(1, |xᵥ|)), and the
  /// largest |f| on its stencil; nil when a value is not finite.
  static func nestedQuotient(_ tape: Tape, at point: [Double], axes: [Int?], step h: Double) -> (
    value: Double, largest: Double
  )? {
    var x = point
    var largest = 0.0
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
    return along(0).map { ($0, largest) }
  }

  /// The rounding noise of a difference quotient of order k at step h: 10³·ε·max|f|/(h·s)ᵏ.
  static func noise(_ q: (value: Double, largest: Double), point: [Double], axes: [Int?], step h: Double) -> Double {
    var scaled = 1.0
    for axis in axes.compactMap({ $0 }) { scaled *= h * Swift.max(1, Swift.abs(point[axis])) }
    return 1e3 * Double.ulpOfOne * Swift.max(q.largest, 1e-300) / scaled
  }

  /// Ridders' method (Numerical Recipes §5.7, `dfridr`): the difference quotient at steps
  /// h₀, h₀/2, h₀/4, … (h₀ = 0.05, up to 16 steps), extrapolated by Neville's tableau
  ///
  ///     T[k][j] = (4ʲ·T[k][j−1] − T[k−1][j−1]) / (4ʲ − 1),
  ///
  /// each column cancelling the next even power of h. An entry's error estimate is its larger
  /// distance to the two entries it came from, plus the rounding noise of its row; the answer
  /// is the entry with the smallest estimate. It stops when the tableau's newest diagonal entry
  /// is twice as far from the last as the best estimate (rounding has taken over), once that
  /// estimate is small. So a function that needs small steps (sin(100x)) gets them, and the
  /// estimate says how far the answer can be trusted. Nil when a value is not finite.
  static func extrapolated(_ tape: Tape, at point: [Double], axes: [Int?]) -> (estimate: Double, error: Double)? {
    var h = 0.05
    var previous: [Double] = []
    var best = (estimate: Double.nan, error: Double.infinity)
    for k in 0..<16 {
      guard let q = nestedQuotient(tape, at: point, axes: axes, step: h) else { return nil }
      let rowNoise = 4 * noise(q, point: point, axes: axes, step: h)
      var row = [q.value]
      var factor = 1.0
      for j in stride(from: 1, through: k, by: 1) {
        factor *= 4
        row.append((factor * row[j - 1] - previous[j - 1]) / (factor - 1))
        let estimate = Swift.max(Swift.abs(row[j] - row[j - 1]), Swift.abs(row[j] - previous[j - 1])) + rowNoise
        if estimate <= best.error { best = (row[j], estimate) }
      }
      if k > 0, Swift.abs(row[k] - previous[k - 1]) >= 2 * best.error,
        best.error <= 1e-6 * (1 + Swift.abs(best.estimate))
      {
        break
      }
      previous = row
      h /= 2
    }
    return best.estimate.isFinite ? best : nil
  }
}
