/// Greatest common divisors of large integers by Lehmer's algorithm (Knuth, TAOCP vol. 2,
/// §4.5.2, Algorithm L).
///
/// Euclid's algorithm divides the full numbers at every step, and a 3,000-limb gcd takes
/// about 58,000 steps: over a second. Lehmer's algorithm runs the steps on the leading 62 bits
/// of x and y, collecting them in a matrix
///     [x']   [A B] [x]
///     [y'] = [C D] [y],
/// for as long as the quotients of the leading bits are sure to be those of the full numbers
/// (q is the same for (xₕ + A)/(yₕ + C) and (xₕ + B)/(yₕ + D)); then it applies the matrix to the
/// full numbers once, about 30 steps for one pass over the limbs.
extension BigInt {
  static func lehmerGCD(_ a: BigInt, _ b: BigInt) -> BigInt {
    var x = a.magnitude
    var y = b.magnitude
    if x < y { swap(&x, &y) }
    while case .large = y.storage {
      let shift = Swift.max(x.bitWidth - 62, 0)
      let (A, B, C, D) = Self.leadingSteps(Int64(x.bits(from: shift)), Int64(y.bits(from: shift)))
      if B == 0 {
        (x, y) = (y, x % y)
      } else {
        (x, y) = (BigInt(A) * x + BigInt(B) * y, BigInt(C) * x + BigInt(D) * y)
      }
    }
    guard case .small(let small) = y.storage, small != 0 else { return x }
    guard case .small(let r) = (x % y).storage else { return x % y }
    return BigInt(Int64(binaryGCD(UInt64(small), r.magnitude)))
  }

  /// The matrix [[A, B], [C, D]] of the Euclid steps the leading bits xₕ ≥ yₕ decide (B = 0
  /// when they decide none). Every product is overflow-checked; an overflow ends the steps.
  static func leadingSteps(_ xh: Int64, _ yh: Int64) -> (Int64, Int64, Int64, Int64) {
    var (xh, yh) = (xh, yh)
    var (A, B, C, D): (Int64, Int64, Int64, Int64) = (1, 0, 0, 1)
    while yh + C != 0 && yh + D != 0 {
      let q = (xh + A) / (yh + C)
      guard q == (xh + B) / (yh + D) else { break }
      let qC = q.multipliedReportingOverflow(by: C)
      let qD = q.multipliedReportingOverflow(by: D)
      let qy = q.multipliedReportingOverflow(by: yh)
      guard !qC.overflow, !qD.overflow, !qy.overflow else { break }
      let nC = A.subtractingReportingOverflow(qC.partialValue)
      let nD = B.subtractingReportingOverflow(qD.partialValue)
      guard !nC.overflow, !nD.overflow, nC.partialValue.magnitude < 1 << 62, nD.partialValue.magnitude < 1 << 62
      else { break }
      (A, C) = (C, nC.partialValue)
      (B, D) = (D, nD.partialValue)
      (xh, yh) = (yh, xh - qy.partialValue)
    }
    return (A, B, C, D)
  }

  /// Bits `shift ..< shift + 62` of the magnitude.
  func bits(from shift: Int) -> UInt64 {
    let m = signAndMagnitude.magnitude
    let w = shift / 32
    let s = UInt64(shift % 32)
    func limb(_ i: Int) -> UInt64 { i < m.count ? UInt64(m[i]) : 0 }
    let low = (limb(w + 1) << 32 | limb(w)) >> s
    let high = s == 0 ? 0 : limb(w + 2) << (64 - s)
    return (low | high) & (1 << 62 - 1)
  }
}
