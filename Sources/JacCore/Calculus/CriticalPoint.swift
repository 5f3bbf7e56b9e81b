/// The second-derivative test at a point: from the gradient and the Hessian there, a local
/// minimum, a local maximum, a saddle point, or degenerate (the test is inconclusive).
///
/// The signs of H's eigenvalues are its inertia, which any congruence H = L·D·Lᵀ keeps
/// (Sylvester's law of inertia), so they are read off the pivots of a symmetric elimination
/// without computing an eigenvalue. A 1×1 pivot is a nonzero diagonal entry; when every
/// remaining diagonal entry is 0 but an off-diagonal hᵢⱼ is not, the 2×2 block
/// [[0, hᵢⱼ], [hᵢⱼ, 0]] (eigenvalues ±hᵢⱼ) is the pivot (Bunch and Parlett's choice). On exact
/// rationals every sign is decided. On doubles the largest remaining entry is the pivot, and a
/// pivot within τ = u + ``relativeRounding``·max|Hᵢⱼ| of 0 counts as 0: relative to H's own
/// size, so (x² + y²)/10⁷ is as definite as x² + y², plus `u`, how far H may be from the
/// Hessian at the true point (the caller's estimate: at a point Newton's method reached slowly,
/// H changes by as much as it is).
public struct CriticalPoint: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case localMinimum = "local minimum"
    case localMaximum = "local maximum"
    case saddlePoint = "saddle point"
    /// Semidefinite and singular: higher derivatives decide.
    case degenerate = "degenerate"
    /// The gradient is not 0 at the point.
    case notCritical = "not a critical point"
  }
  public var kind: Kind
  /// Decided on exact rationals (else on doubles, with a tolerance).
  public var exact: Bool
  /// How many eigenvalues of H are positive, negative and 0.
  public var positive: Int
  public var negative: Int
  public var zero: Int
  /// The exact point tested, when it is one (`critical`'s verified point).
  public var point: [Rational]?

  /// The test for the Hessian `h` (n×n, row-major), at a point where the gradient vanishes
  /// unless `gradientIsZero` is false.
  init<T>(hessian h: [T], n: Int, gradientIsZero: Bool, exact: Bool, arithmetic: Arithmetic<T>) {
    let (p, m, z) = Self.inertia(h, n: n, arithmetic)
    (positive, negative, zero, self.exact) = (p, m, z, exact)
    if !gradientIsZero {
      kind = .notCritical
    } else if p > 0 && m > 0 {
      kind = .saddlePoint
    } else if z > 0 {
      kind = .degenerate
    } else {
      kind = m == 0 ? .localMinimum : .localMaximum
    }
  }

  /// The exact test: `h` and `gradient` hold rationals.
  public static func exact(hessian h: [Rational], n: Int, gradient: [Rational]) -> CriticalPoint {
    CriticalPoint(
      hessian: h, n: n, gradientIsZero: gradient.allSatisfy(\.isZero), exact: true,
      arithmetic: Arithmetic(add: +, subtract: -, multiply: *, divide: /, sign: \.signum))
  }

  /// How much of H's size rounding may hide: a pivot below 10⁻¹⁰·max|Hᵢⱼ| counts as 0.
  public static let relativeRounding = 1e-10

  /// The numeric test (``relativeRounding``). The gradient counts as 0 within `tolerance`
  /// times the largest entry of H (or 1).
  public static func numeric(hessian h: [Double], n: Int, gradient: [Double], tolerance: Double = 1e-6)
    -> CriticalPoint
  {
    let scale = max(h.map(abs).max() ?? 0, 1)
    let gradientScale = max(gradient.map(abs).max() ?? 0, 0)
    return numeric(hessian: h, n: n, gradientIsZero: gradientScale <= tolerance * scale, uncertainty: 0)
  }

  /// The numeric test at a point taken as critical, with H known to within `uncertainty`.
  public static func numeric(hessian h: [Double], n: Int, gradientIsZero: Bool, uncertainty: Double) -> CriticalPoint {
    let tau = uncertainty + relativeRounding * (h.map(abs).max() ?? 0)
    let sign: (Double) -> Int = { abs($0) <= tau ? 0 : ($0 > 0 ? 1 : -1) }
    return CriticalPoint(
      hessian: h, n: n, gradientIsZero: gradientIsZero, exact: false,
      arithmetic: Arithmetic(add: +, subtract: -, multiply: *, divide: /, sign: sign, size: abs))
  }

  /// Field operations and a sign, so one elimination serves rationals and doubles; `size`, when
  /// given, picks the largest pivot (on doubles, where the order matters), else the first.
  struct Arithmetic<T> {
    var add: (T, T) -> T
    var subtract: (T, T) -> T
    var multiply: (T, T) -> T
    var divide: (T, T) -> T
    var sign: (T) -> Int
    var size: ((T) -> Double)? = nil

    /// The element of `candidates` with a nonzero `value`: the first, or the largest by `size`.
    func pivot<C: Collection>(_ candidates: C, _ value: (C.Element) -> T) -> C.Element? {
      let nonzero = candidates.filter { sign(value($0)) != 0 }
      guard let size else { return nonzero.first }
      return nonzero.max { size(value($0)) < size(value($1)) }
    }
  }

  /// (positive, negative, zero) eigenvalue counts of the symmetric matrix `h`.
  static func inertia<T>(_ h: [T], n: Int, _ a: Arithmetic<T>) -> (Int, Int, Int) {
    var s = h
    var left = Array(0..<n)
    var (positive, negative) = (0, 0)
    func at(_ i: Int, _ j: Int) -> T { s[i * n + j] }
    while !left.isEmpty {
      if let k = a.pivot(left, { at($0, $0) }) {
        // 1×1 pivot d = s[k][k]: s[i][j] −= s[i][k]·s[k][j]/d.
        let d = at(k, k)
        if a.sign(d) > 0 { positive += 1 } else { negative += 1 }
        left.removeAll { $0 == k }
        for i in left {
          let factor = a.divide(at(i, k), d)
          for j in left { s[i * n + j] = a.subtract(at(i, j), a.multiply(factor, at(k, j))) }
        }
        continue
      }
      guard let (i, j) = a.pivot(Self.pairs(left), { at($0.0, $0.1) }) else { break }
      // 2×2 pivot E = [[0, e], [e, 0]], E⁻¹ = [[0, 1/e], [1/e, 0]]: one positive, one negative
      // eigenvalue; s[r][c] −= (s[r][i]·s[j][c] + s[r][j]·s[i][c])/e.
      let e = at(i, j)
      positive += 1
      negative += 1
      left.removeAll { $0 == i || $0 == j }
      for r in left {
        for c in left {
          let cross = a.add(a.multiply(at(r, i), at(j, c)), a.multiply(at(r, j), at(i, c)))
          s[r * n + c] = a.subtract(at(r, c), a.divide(cross, e))
        }
      }
    }
    return (positive, negative, n - positive - negative)
  }

  /// The pairs i < j of `left`, in order.
  static func pairs(_ left: [Int]) -> [(Int, Int)] {
    left.indices.flatMap { p in left[(p + 1)...].map { (left[p], $0) } }
  }

  /// `local minimum (H positive definite)`, `degenerate: the second-derivative test is
  /// inconclusive (H positive semidefinite, singular)`: the kind and why.
  public var description: String {
    let definite: String
    switch (positive, negative, zero) {
    case (0, 0, _): definite = "= 0"
    case (_, 0, 0): definite = "positive definite"
    case (0, _, 0): definite = "negative definite"
    case (_, 0, _): definite = "positive semidefinite, singular"
    case (0, _, _): definite = "negative semidefinite, singular"
    default: definite = "indefinite: \(positive) positive, \(negative) negative eigenvalues"
    }
    let how = exact ? "" : ", decided numerically"
    switch kind {
    case .degenerate: return "degenerate: the second-derivative test is inconclusive (H \(definite)\(how))"
    case .notCritical: return "not a critical point: the gradient is not 0 there"
    case .localMinimum, .localMaximum, .saddlePoint: return "\(kind.rawValue) (H \(definite)\(how))"
    }
  }
}
