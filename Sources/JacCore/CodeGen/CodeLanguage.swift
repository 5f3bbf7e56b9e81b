/// The languages `--format` generates code in, and how each spells the pieces of an expression.
/// Every table here was checked against the language's reference: C99 `<math.h>` (asinh, acosh,
/// atanh, fabs), Python's `math` module, Swift's Foundation (Glibc) functions, Julia's Base and
/// MATLAB's elementary functions, where `log` is the natural logarithm in all five.
public enum CodeLanguage: String, CaseIterable, Sendable {
  case c, python, swift, julia, matlab

  var sqrt: String { self == .python ? "math.sqrt" : "sqrt" }

  /// |u| as a call.
  func absolute(_ u: String) -> String { (self == .c ? "fabs" : "abs") + "(" + u + ")" }

  /// `magnitude` with the sign of `sign` (C99 and Foundation `copysign`, Python's
  /// `math.copysign`, Julia's `copysign`; MATLAB has none, so `sign(u)*…`, exact for u ≠ 0
  /// and 0 at 0, as the magnitude is).
  func copysign(_ magnitude: String, _ sign: String) -> String {
    switch self {
    case .c, .swift, .julia: return "copysign(\(magnitude), \(sign))"
    case .python: return "math.copysign(\(magnitude), \(sign))"
    case .matlab: return "(sign(\(sign))*\(magnitude))"
    }
  }

  var pi: String {
    switch self {
    case .c: return "3.141592653589793"
    case .python: return "math.pi"
    case .swift: return "Double.pi"
    case .julia, .matlab: return "pi"
    }
  }

  /// `b` raised to `x`, both already rendered at atom precedence.
  func power(_ b: String, _ x: String) -> String {
    switch self {
    case .c, .swift: return "pow(\(b), \(x))"
    case .python: return "\(b) ** \(x)"
    case .julia, .matlab: return "\(b)^\(x)"
    }
  }

  /// Whether `power` is a function call (an atom) rather than an operator.
  var powerIsCall: Bool { self == .c || self == .swift }

  /// A number as a floating-point literal: `2.0`, `(1.0/3.0)`.
  func number(_ numerator: BigInt, _ denominator: BigInt) -> String {
    let n = numerator.description + ".0"
    return denominator == .one ? n : "\(n)/\(denominator.description).0"
  }

  /// A name every language accepts: ASCII letters, digits and `_`; Greek letters spelt out
  /// (`θ` → `theta`), anything else as `u` and its code point. A name that must not start as it
  /// does gets a `v` in front (``needsPrefix(_:)``: MATLAB's `_x` → `v_x`, C's `_Bool` → `v_Bool`);
  /// a name the language reserves (``isReserved(_:)``) gets a trailing `_`.
  func identifier(_ name: String) -> String {
    var out = ""
    for s in name.unicodeScalars {
      if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" {
        out.unicodeScalars.append(s)
      } else if let g = LatexPrinter.greekScalars[s] {
        out += g
      } else {
        out += "u\(String(s.value, radix: 16))"
      }
    }
    if needsPrefix(out) { out = "v" + out }
    while isReserved(out) { out += "_" }
    return out
  }
}
