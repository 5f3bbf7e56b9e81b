/// Determinants of square matrices of expressions, without division.
///
/// - n ≤ 3: cofactor expansion along the first row (the familiar formula, fewest operations);
/// - n > 3: the shortest (as a printed tree) of Berkowitz's algorithm, O(n⁴) ring operations
///   and no division, so no symbolic division ever has to be exact; and Laplace expansion by
///   rows and by columns with shared minors, where the matrix is sparse enough for few minors
///   (a banded or cyclic Jacobian: the nested form Maxima prints, a fraction of Berkowitz's).
///
/// Berkowitz: For the leading r×r block with last row (R, a) and
///   last column (S, a) over the block M, the characteristic polynomial coefficients are
///   C_r = T·C_{r−1}, where T is the lower-triangular Toeplitz matrix with first column
///   (1, −a, −R·S, −R·M·S, …, −R·M^{r−2}·S). Then det A = (−1)ⁿ·C_n[n].
///   (S. J. Berkowitz, "On computing the determinant in small parallel time using a small
///   number of processors", Inf. Process. Lett. 18 (1984).)
extension ExpressionPool {
  public func determinant(_ a: Matrix) -> Expr {
    precondition(a.isSquare)
    switch a.rows {
    case 0: return one
    case 1: return a[0, 0]
    case 2: return subtract(multiply(a[0, 0], a[1, 1]), multiply(a[0, 1], a[1, 0]))
    case 3:
      let m0 = subtract(multiply(a[1, 1], a[2, 2]), multiply(a[1, 2], a[2, 1]))
      let m1 = subtract(multiply(a[1, 0], a[2, 2]), multiply(a[1, 2], a[2, 0]))
      let m2 = subtract(multiply(a[1, 0], a[2, 1]), multiply(a[1, 1], a[2, 0]))
      return add([multiply(a[0, 0], m0), negate(multiply(a[0, 1], m1)), multiply(a[0, 2], m2)])
    default:
      var best = berkowitz(a)
      for candidate in [laplace(a), laplace(a.transposed)] {
        if let c = candidate, treeSize(c) < treeSize(best) { best = c }
      }
      return best
    }
  }

  /// Laplace expansion along the rows in order, each minor built once and shared:
  ///
  ///   det A[k…, C] = Σ_{j ∈ C, a_kj ≠ 0} (−1)^{#{c ∈ C : c < j}} · a_kj · det A[k+1…, C ∖ {j}]
  ///
  /// for the rows from k on and a set C of columns (a bit mask; n ≤ 64). Nil when more than
  /// 16·n² minors would be needed (a dense matrix needs 2ⁿ).
  func laplace(_ a: Matrix) -> Expr? {
    let n = a.rows
    guard n <= 64 else { return nil }
    // The column sets reached at each row, level by level, to count them before building.
    var levels: [[UInt64]] = [[n == 64 ? ~0 : (1 << UInt64(n)) - 1]]
    var count = 1
    for k in 0..<n {
      var next = Set<UInt64>()
      for columns in levels[k] {
        for j in 0..<n where columns & (1 << UInt64(j)) != 0 && a[k, j] != zero {
          next.insert(columns & ~(1 << UInt64(j)))
        }
      }
      count += next.count
      if count > 16 * n * n { return nil }
      if next.isEmpty { return zero }
      levels.append(next.sorted())
    }
    var minors: [UInt64: Expr] = [0: one]
    for k in stride(from: n - 1, through: 0, by: -1) {
      for columns in levels[k] {
        var terms: [Expr] = []
        var position = 0
        for j in 0..<n where columns & (1 << UInt64(j)) != 0 {
          defer { position += 1 }
          guard a[k, j] != zero, let minor = minors[columns & ~(1 << UInt64(j))] else { continue }
          let term = multiply(a[k, j], minor)
          terms.append(position % 2 == 0 ? term : negate(term))
        }
        minors[columns] = add(terms)
      }
    }
    return minors[levels[0][0]]
  }

  func berkowitz(_ a: Matrix) -> Expr {
    let n = a.rows
    var c: [Expr] = [one, negate(a[0, 0])]
    for r in 1..<n {
      // The block is rows/columns 0..<r; R = a[r, 0..<r], S = a[0..<r, r].
      let diagonal = a[r, r]
      let rowR = (0..<r).map { a[r, $0] }
      var vector = (0..<r).map { a[$0, r] }  // M^k · S, starting at k = 0
      var t: [Expr] = [one, negate(diagonal)]
      for k in 0..<r {
        t.append(negate(dot(rowR, vector)))
        if k < r - 1 {
          vector = (0..<r).map { i in dot((0..<r).map { a[i, $0] }, vector) }
        }
      }
      // C_new[i] = Σ_{j ≤ min(i, r)} t[i − j]·C_old[j], for i in 0...r+1.
      var next: [Expr] = []
      for i in 0...(r + 1) {
        var terms: [Expr] = []
        for j in 0...min(i, r) where i - j < t.count { terms.append(multiply(t[i - j], c[j])) }
        next.append(add(terms))
      }
      c = next
    }
    return n % 2 == 0 ? c[n] : negate(c[n])
  }

  private func dot(_ x: [Expr], _ y: [Expr]) -> Expr {
    add(zip(x, y).map { multiply($0, $1) })
  }
}
