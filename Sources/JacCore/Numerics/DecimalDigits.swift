/// jac's digit policy for a value at a point: which decimal a ``Ball`` prints as, decided only
/// when the ball proves it (see docs/architecture.md, "Values at a point").
///
/// The decimal is the shortest that reads back as D, the 53-bit binary number nearest the
/// exact value x (the `Double` nearest x when x is in a double's normal range, which is
/// Swift's `description` of it: what jac printed before, when its double was right); printed
/// only when
/// 1. the ball lies inside D's rounding interval (so D is the nearest, whatever x is in it), and
/// 2. the ball lies within one unit of the decimal's last digit (so every digit is correct:
///    |decimal − x| < 1 unit in the last place). With 15 digits or fewer this follows from 1;
///    with 16 or 17 it is checked.
/// When 2 fails for certain (rare: x near the edge of D's interval), the decimal is x rounded
/// correctly to 17 significant digits, trailing zeros dropped. An exact ball whose midpoint is an
/// integer (floor, sign, max of such values) prints that integer in full, as jac prints numbers. Values beyond 2^±130000 (about
/// 10^±39000, past which a decimal would not read back: literals stop at 1e40000) are left to
/// the exact form.
public enum DecimalDigits {
  public enum Outcome: Equatable, Sendable {
    case text(String)
    /// The ball does not decide the digits yet: raise the precision.
    case undecided
    /// |x| is beyond 2^±``maxOrder``.
    case beyondRange
  }

  /// Largest binary order printed as a decimal.
  public static let maxOrder = 130_000

  public static func text(_ x: Ball) -> Outcome {
    guard let sign = x.sign else { return .undecided }
    // An exact 0 (0^π): the ball proves it, and it prints as jac prints the number 0.
    if sign == 0 { return .text("0") }
    if Swift.abs(x.mid.order) > maxOrder { return .beyondRange }
    // An exact integer (floor, sign, max of such) prints as jac prints the number.
    if x.isExact {
      let n = x.mid.rounded(up: false)
      if BigFloat.compare(BigFloat(n), x.mid) == 0 { return .text(n.description) }
    }
    let m = x.magnitude
    let (lower, upper) = (m.lower, m.upper)
    // 1. D = RN₅₃(x), certified by the ball lying strictly inside D's rounding interval.
    let d = m.mid.roundedToNearest(53)
    let (M, e) = normalized(d)
    let lowGap = M == BigInt.one.shiftedLeft(52) ? 1 : 2  // the gap below a power of two is half
    let below = BigFloat(M.shiftedLeft(2) - BigInt(lowGap), exponent: e - 2)
    let above = BigFloat(M.shiftedLeft(1) + .one, exponent: e - 1)
    guard BigFloat.compare(lower, below) > 0, BigFloat.compare(upper, above) < 0 else { return .undecided }
    // 2. The shortest decimal of D, and whether every digit is correct.
    let order = e + 53
    let shortest: DecimalNumber
    let text: String
    if order - 1 >= -1022 && order - 1 <= 1023 {
      text = Double(sign: .plus, exponent: e, significand: Double(M.intValue!)).description
      shortest = DecimalNumber(parsing: text)
    } else {
      shortest = DecimalNumber.shortest(M, e)
      text = shortest.text(negative: false)
    }
    switch shortest.contains(lower: lower, upper: upper) {
    case .some(true): return .text((sign < 0 ? "-" : "") + text)
    case .none: return .undecided
    case .some(false):
      guard let rounded = DecimalNumber.correctlyRounded(lower: lower, upper: upper, near: shortest) else {
        return .undecided
      }
      return .text(rounded.text(negative: sign < 0))
    }
  }

  /// (M, e) with d = M·2^e and 2^52 ≤ M < 2^53.
  static func normalized(_ d: BigFloat) -> (BigInt, Int) {
    let shift = d.width - 53
    return shift >= 0
      ? (d.mantissa.magnitude.shiftedTowardZero(shift), d.exponent + shift)
      : (d.mantissa.magnitude.shiftedLeft(-shift), d.exponent + shift)
  }
}
