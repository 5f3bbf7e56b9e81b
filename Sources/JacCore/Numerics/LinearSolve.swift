/// Dense linear algebra in `Double` for Newton's method.
public enum LinearSolve {
  /// Solves A·x = b (A n×n, row-major) by Gaussian elimination with partial pivoting; nil when
  /// a pivot is below `n·ε·max|A|` (A singular to working precision) or A is not finite.
  public static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
    let n = b.count
    precondition(a.count == n * n)
    var m = a
    var x = b
    let scale = m.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
    guard scale.isFinite, scale > 0 else { return nil }
    let tiny = Double(n) * Double.ulpOfOne * scale
    for k in 0..<n {
      var pivot = k
      for i in k + 1..<n where Swift.abs(m[i * n + k]) > Swift.abs(m[pivot * n + k]) { pivot = i }
      guard Swift.abs(m[pivot * n + k]) > tiny else { return nil }
      if pivot != k {
        for j in 0..<n { m.swapAt(k * n + j, pivot * n + j) }
        x.swapAt(k, pivot)
      }
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

  /// The Euclidean norm, scaled so that it does not overflow; NaN when an entry is NaN.
  public static func norm(_ v: [Double]) -> Double {
    if v.contains(where: \.isNaN) { return .nan }
    let scale = v.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
    guard scale > 0, scale.isFinite else { return scale }
    return scale * v.reduce(0.0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
  }
}
