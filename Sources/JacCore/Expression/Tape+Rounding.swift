#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much rounding may be in the tape's values: a running error bound (Wilkinson; Higham,
/// *Accuracy and Stability of Numerical Algorithms*, §3.3), carried to first order beside each
/// value v, with u = 2⁻⁵³ the unit roundoff:
///
///     input x                  e = u·|x| (the point holds the root only to its rounding)
///     constant c               e = 0 for a whole number, else u·|c|
///     Σ vₖ                     e = Σ eₖ + (count − 1)·u·Σ |vₖ|
///     Π vₖ                     e = Σ eₖ·Π_{j≠k} |vⱼ| + (count − 1)·u·|v|
///     b^p                      e = |p·v/b|·e_b + |v·log|b||·e_p + 2u·|v|
///     f(a₁, …), a function     e = Σₖ max± |f(…, aₖ ± eₖ, …) − v| + 2u·|v|
///
/// (2u for `pow` and the library functions: within an ulp, not correctly rounded.)
///
/// The sum's term is the one that matters: x² − 2x + 1 at x ≈ 1 is a difference of numbers
/// near 1 and carries ≈ 10u whatever its value, while x² + 10⁻²⁰ carries 10⁻²⁰·u. The input's
/// term is what a double can do: at the double x nearest a simple root x* of eˣ − 10⁻³⁰⁰,
/// F(x) ≈ F′(x*)·(x − x*) is up to 10⁻³⁰⁰·u·690, however well F is evaluated.
extension Tape {
  /// The unit roundoff of `Double`, 2⁻⁵³.
  static let unitRoundoff = Double.ulpOfOne / 2

  /// For each root, a bound (to first order) on the rounding error of its value at `x`; 0 where
  /// the bound is not finite, so that nothing is excused by it.
  public func roundingErrors(_ x: [Double]) -> [Double] {
    let u = Self.unitRoundoff
    let value = slotValues(x)
    var error = [Double](repeating: 0, count: ops.count)
    for (i, op) in ops.enumerated() {
      let v = Swift.abs(value[i])
      switch op {
      case .constant(let c): error[i] = c.rounded() == c ? 0 : u * v
      case .input: error[i] = u * v
      case .sum(let start, let count):
        let slots = operandSlots[start..<start + count]
        error[i] =
          slots.reduce(0.0) { $0 + error[$1] }
          + Double(count - 1) * u * slots.reduce(0.0) { $0 + Swift.abs(value[$1]) }
      case .product(let start, let count):
        let slots = operandSlots[start..<start + count]
        error[i] = Self.productError(slots.map { value[$0] }, slots.map { error[$0] }) + Double(count - 1) * u * v
      case .power(let b, let e, _):
        let base = error[b] == 0 ? 0 : Swift.abs(value[e] * value[i] / value[b]) * error[b]
        let exponent = error[e] == 0 ? 0 : Swift.abs(value[i] * log(Swift.abs(value[b]))) * error[e]
        error[i] = base + exponent + 2 * u * v
      case .call(let f, let a):
        error[i] = Self.spread({ ExpressionPool.apply(f, $0[0]) }, [value[a]], [error[a]], value[i]) + 2 * u * v
      case .apply(let o, let start, let count):
        let slots = operandSlots[start..<start + count]
        error[i] = Self.spread(o.evaluate, slots.map { value[$0] }, slots.map { error[$0] }, value[i]) + 2 * u * v
      }
    }
    return outputSlots.map { error[$0].isFinite ? error[$0] : 0 }
  }

  /// Whether a value at `x` may have underflowed, which the bound above does not cover (it is
  /// relative; below 2⁻¹⁰²² a double keeps fewer bits, and 0 may stand for a nonzero value):
  /// a product, power or function whose value is 0 or subnormal although no operand is 0
  /// ((x − 10)²⁰⁰ at 9.976 is 10⁻³²⁰, and 0 in double precision). Sums of doubles do not
  /// underflow (a subnormal sum is exact).
  public func mayUnderflow(_ x: [Double]) -> Bool {
    let value = slotValues(x)
    func tiny(_ i: Int, _ operands: [Int]) -> Bool {
      Swift.abs(value[i]) < Double.leastNormalMagnitude && (value[i] != 0 || !operands.contains { value[$0] == 0 })
    }
    for (i, op) in ops.enumerated() {
      switch op {
      case .constant, .input, .sum: continue
      case .product(let start, let count), .apply(_, let start, let count):
        if tiny(i, Array(operandSlots[start..<start + count])) { return true }
      case .power(let b, _, _): if tiny(i, [b]) { return true }
      case .call(_, let a): if tiny(i, [a]) { return true }
      }
    }
    return false
  }

  /// Σₖ eₖ·Π_{j≠k} |vⱼ|, from prefix and suffix products (no division, so a zero factor is fine).
  static func productError(_ v: [Double], _ e: [Double]) -> Double {
    var suffix = [Double](repeating: 1, count: v.count + 1)
    for k in stride(from: v.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] * Swift.abs(v[k]) }
    var prefix = 1.0
    var total = 0.0
    for k in v.indices {
      if e[k] != 0 { total += e[k] * prefix * suffix[k + 1] }
      prefix *= Swift.abs(v[k])
    }
    return total
  }

  /// Σₖ max± |f(…, aₖ ± eₖ, …) − v|: how far f moves when each argument moves by its error (a
  /// perturbation that leaves the domain counts as no movement).
  static func spread(_ f: ([Double]) -> Double, _ a: [Double], _ e: [Double], _ v: Double) -> Double {
    var total = 0.0
    for k in a.indices where e[k] != 0 {
      var moved = a
      var worst = 0.0
      for sign in [-1.0, 1.0] {
        moved[k] = a[k] + sign * e[k]
        let change = Swift.abs(f(moved) - v)
        if change.isFinite { worst = Swift.max(worst, change) }
      }
      total += worst
    }
    return total
  }
}
