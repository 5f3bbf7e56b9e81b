/// Binding strength of printed forms, shared by every printer. A subexpression is wrapped in
/// parentheses exactly when it binds more loosely than its context requires. The precedence of
/// an expression as printed is ``PrintLayout/precedence(_:)``, read by the text, LaTeX and code
/// printers alike (code adjusts it for what the languages spell otherwise:
/// ``CodeExpressionPrinter/precedence(_:top:)``).
///
/// | level    | forms                                  |
/// |----------|----------------------------------------|
/// | sum      | `a + b`, `a - b`                       |
/// | product  | `a*b`, `a/b`                           |
/// | unary    | `-a`                                   |
/// | power    | `a^b` (right-associative)              |
/// | atom     | numbers ≥ 0 (integers), names, calls   |
public enum Precedence: Int, Comparable, Sendable {
  case sum = 1
  case product = 2
  case unary = 3
  case power = 4
  case atom = 5

  public static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}
