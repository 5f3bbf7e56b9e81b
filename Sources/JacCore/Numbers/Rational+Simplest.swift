/// The simplest rational in an interval, for recognising an exact point behind a double.
extension Rational {
  /// The rational with the smallest denominator (and, among those, the smallest magnitude) in
  /// [lo, hi]: 0 when the interval holds 0, else by continued fractions (the Stern–Brocot
  /// descent): with a = ⌊lo⌋, it is a when lo = a, a + 1 when a + 1 ≤ hi, and otherwise
  /// a + 1/s with s the simplest rational in [1/(hi − a), 1/(lo − a)].
  public static func simplest(in lo: Rational, _ hi: Rational) -> Rational {
    precondition(lo <= hi)
    if lo.signum <= 0 && hi.signum >= 0 { return .zero }
    if hi.isNegative { return -simplest(in: -hi, -lo) }
    let a = Rational(lo.numerator / lo.denominator)
    if a == lo { return a }
    if a + .one <= hi { return a + .one }
    return a + simplest(in: (hi - a).reciprocal, (lo - a).reciprocal).reciprocal
  }
}
