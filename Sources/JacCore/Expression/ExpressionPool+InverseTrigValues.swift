/// `known-values` of the inverse circular functions at the table's sines and tangents, the
/// values of sin and tan at π/6, π/4 and π/3:
///
///     asin(1/2) = π/6    asin(√2/2) = π/4    asin(√3/2) = π/3
///     atan(√3/3) = π/6                       atan(√3) = π/3
///
/// and from them acos u = π/2 − asin u, acot u = π/2 − atan u (u > 0), asec u = acos(1/u),
/// acsc u = asin(1/u). A negative argument: acos(−u) = π − acos u and asec(−u) = π − asec u here;
/// asin, atan, acot and acsc are odd, which `odd-even-symmetry` applies (asin(−1/2) = −π/6).
/// The values 0 and ±1 are in ``knownValue(_:_:trace:)``'s own table.
extension ExpressionPool {
  func inverseTrigValue(_ f: Function, _ u: Expr) -> Expr? {
    guard Self.inverseCircular.contains(f) else { return nil }
    let (c, rest) = coefficientAndRest(u)
    if c.isNegative {
      guard f == .acos || f == .asec, let v = inverseTrigValue(f, scaled(rest, by: -c)) else { return nil }
      return subtract(pi, v)
    }
    let quarter = Rational.half
    let angle: Rational?
    if f == .asin || f == .acsc {
      angle = sineAngle(f == .asin ? u : reciprocal(u))
    } else if f == .acos || f == .asec {
      angle = sineAngle(f == .acos ? u : reciprocal(u)).map { quarter - $0 }
    } else if f == .atan {
      angle = tangentAngle(u)
    } else if f == .acot {
      angle = tangentAngle(u).map { quarter - $0 }
    } else {
      angle = nil
    }
    return angle.map { scaled(pi, by: $0) }
  }

  /// q for u = sin(qπ), q ∈ {1/6, 1/4, 1/3}.
  private func sineAngle(_ u: Expr) -> Rational? {
    if u == number(.half) { return Rational(BigInt(1), BigInt(6)) }
    if u == scaled(sqrt(number(Rational(2))), by: .half) { return Rational(BigInt(1), BigInt(4)) }
    if u == scaled(sqrt(number(Rational(3))), by: .half) { return Rational(BigInt(1), BigInt(3)) }
    return nil
  }

  /// q for u = tan(qπ), q ∈ {1/6, 1/3} (tan(π/4) = 1 is in the number table).
  private func tangentAngle(_ u: Expr) -> Rational? {
    let root3 = sqrt(number(Rational(3)))
    if u == scaled(root3, by: Rational(BigInt(1), BigInt(3))) { return Rational(BigInt(1), BigInt(6)) }
    if u == root3 { return Rational(BigInt(1), BigInt(3)) }
    return nil
  }

  /// The inverse circular functions, which have values here.
  static let inverseCircular: Set<Function> = [.asin, .acos, .atan, .acot, .asec, .acsc]
}
