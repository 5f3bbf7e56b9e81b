#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension ExpressionPool {
  /// log_b(x) = log(x)/log(b), what `log(x, b)`, `log10(x)` and `log2(x)` parse to; exact when
  /// x and b are positive rationals with x = b^(p/q), q ≤ 12 (log(8, 2) = 3, log(2, 8) = 1/3,
  /// log10(1/100) = −2); undefined for b = 1.
  public func logarithm(_ x: Expr, base b: Expr, trace: RuleTrace? = nil) -> Expr {
    if let p = rational(x), let q = rational(b), let k = exactLogarithm(p, base: q) {
      trace?.note(.knownValues)
      return number(k)
    }
    return divide(call(.log, x, trace: trace), call(.log, b, trace: trace), trace: trace)
  }

  /// k with x = b^k, for rational k = p/q with q ≤ 12 and |p| ≤ 64, or nil.
  private func exactLogarithm(_ x: Rational, base b: Rational) -> Rational? {
    guard x.signum > 0, b.signum > 0, !b.isOne else { return nil }
    let (lx, lb) = (log(x.doubleValue), log(b.doubleValue))
    guard lx.isFinite, lb.isFinite, lb != 0 else { return nil }
    let k = lx / lb
    for q in 1...12 {
      let p = (k * Double(q)).rounded()
      guard Swift.abs(p) <= 64, Swift.abs(k * Double(q) - p) < 1e-9 else { continue }
      // x^q = b^p exactly.
      if x.power(q) == b.power(Int(p)) { return Rational(BigInt(Int(p)), BigInt(q)) }
    }
    return nil
  }
}
