/// Decimal renderings of `Double`s, for answers at a point and for error reports.
public enum DecimalText {
  /// The shortest decimal that reads back as the same `Double` (Swift's `description`, which
  /// jac's own parser reads: `0.8660254037844386`, `1e-05`, `-2.0`).
  public static func roundTrip(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return x.description
  }

  /// ``roundTrip(_:)`` for LaTeX: `1e-05` becomes `1 \times 10^{-5}`.
  public static func latex(_ x: Double) -> String { latex(roundTrip(x)) }

  /// A decimal in Swift's style for LaTeX: `1.2345678901234568e+954` becomes
  /// `1.2345678901234568 \times 10^{954}`.
  public static func latex(_ text: String) -> String {
    guard let e = text.firstIndex(of: "e") else { return text }
    let mantissa = text[..<e]
    var exponent = String(text[text.index(after: e)...])
    if exponent.hasPrefix("+") { exponent.removeFirst() }
    let negative = exponent.hasPrefix("-")
    if negative { exponent.removeFirst() }
    exponent = String(exponent.drop { $0 == "0" })
    return "\(mantissa) \\times 10^{\(negative ? "-" : "")\(exponent)}"
  }

  /// `x` with two significant digits in scientific notation (`3.1e-12`), for error figures.
  public static func short(_ x: Double) -> String {
    if !x.isFinite { return roundTrip(x) }
    if x == 0 { return "0" }
    let magnitude = Swift.abs(x)
    var exponent = 0
    var m = magnitude
    while m >= 10 {
      m /= 10
      exponent += 1
    }
    while m < 1 {
      m *= 10
      exponent -= 1
    }
    var tenths = Int((m * 10).rounded())
    if tenths >= 100 {
      tenths /= 10
      exponent += 1
    }
    let sign = x < 0 ? "-" : ""
    return
      "\(sign)\(tenths / 10).\(tenths % 10)e\(exponent < 0 ? "-" : "+")\(Swift.abs(exponent) < 10 ? "0" : "")\(Swift.abs(exponent))"
  }
}
