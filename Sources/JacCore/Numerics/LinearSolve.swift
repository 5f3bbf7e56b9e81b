/// Dense linear algebra in `Double` for Newton's method.
public enum LinearSolve {
  /// Solves A·x = b (A n×n, row-major) by Gaussian elimination with partial pivoting; nil when
  /// A is not finite or singular to working precision.
  ///
  /// Singular is judged on the equilibrated matrix B = R⁻¹·A·C⁻¹ (LAPACK's dgeequ): Rᵢ = max_j
  /// |aᵢⱼ| and C_j = max_i |aᵢⱼ|/Rᵢ, so every row and column of B has largest entry 1. With
  /// P·A = L·U, P·B = (D·L·D⁻¹)·(D·U·C⁻¹) for D = P·R⁻¹·Pᵀ, so B's k-th pivot is
  /// u_kk/(R_p·C_k), p the row of A in position k; A is singular when that is ≤ n·ε for some k.
  /// A scale alone is no singularity: diag(10²⁰, 1) and [[1, 0], [0, 10⁻¹⁶]] are regular; a
  /// zero row or column, or [[1, 1], [2, 2]], is not. The elimination itself (pivot order,
  /// rounding) is that of A.
  public static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
    let n = b.count
    precondition(a.count == n * n)
    guard a.allSatisfy(\.isFinite), let (rows, columns) = equilibration(a, n) else { return nil }
    var m = a
    var x = b
    var order = Array(0..<n)
    for k in 0..<n {
      var pivot = k
      for i in k + 1..<n where Swift.abs(m[i * n + k]) > Swift.abs(m[pivot * n + k]) { pivot = i }
      if pivot != k {
        for j in 0..<n { m.swapAt(k * n + j, pivot * n + j) }
        x.swapAt(k, pivot)
        order.swapAt(k, pivot)
      }
      guard Swift.abs(m[k * n + k]) / rows[order[k]] / columns[k] > Double(n) * Double.ulpOfOne else { return nil }
      for i in k + 1..<n {
        let factor = m[i * n + k] / m[k * n + k]
        if factor == 0 { continue }
        for j in k..<n { m[i * n + j] -= factor * m[k * n + j] }
        x[i] -= factor * x[k]
      }
    }
    for k in stride(from: n - 1, through: 0, by: -1) {
      var s = x[k]
      for j in k + 1..<n { s -= m[k * n + j] * x[j] }
      x[k] = s / m[k * n + k]
    }
    return x
  }

  /// dgeequ's scales of the n×n matrix `a`: Rᵢ = max_j |aᵢⱼ|, then C_j = max_i |aᵢⱼ|/Rᵢ; nil
  /// when a row or column is 0.
  static func equilibration(_ a: [Double], _ n: Int) -> (rows: [Double], columns: [Double])? {
    let rows = (0..<n).map { i in (0..<n).reduce(0.0) { Swift.max($0, Swift.abs(a[i * n + $1])) } }
    guard rows.allSatisfy({ $0 > 0 }) else { return nil }
    let columns = (0..<n).map { j in (0..<n).reduce(0.0) { Swift.max($0, Swift.abs(a[$1 * n + j]) / rows[$1]) } }
    guard columns.allSatisfy({ $0 > 0 }) else { return nil }
    return (rows, columns)
  }

  /// The Euclidean norm, scaled so that it does not overflow; NaN when an entry is NaN.
  public static func norm(_ v: [Double]) -> Double {
    if v.contains(where: \.isNaN) { return .nan }
    let scale = v.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
    guard scale > 0, scale.isFinite else { return scale }
    return scale * v.reduce(0.0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
  }
}
