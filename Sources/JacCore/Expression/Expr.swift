/// A handle to an expression interned in an ``ExpressionPool``.
///
/// Two handles from the same pool are equal exactly when the expressions are structurally equal
/// (hash-consing): equality is a comparison of ids. A handle means nothing without its pool.
public struct Expr: Hashable, Sendable {
  public let id: Int32
  init(_ id: Int32) { self.id = id }
  var index: Int { Int(id) }
}

/// Named constants. Euler's number is not here: `e` is `exp(1)`, so `e^x` and `exp(x)` are one
/// expression.
public enum Constant: UInt8, Sendable, CaseIterable {
  case pi
}

/// The elementary functions of one argument. `sqrt(u)` is not here: it is `u^(1/2)`.
public enum Function: UInt8, Sendable, CaseIterable {
  case sin, cos, tan, cot, sec, csc
  case asin, acos, atan
  case sinh, cosh, tanh
  case asinh, acosh, atanh
  case exp, log, abs

  /// The name as typed and printed.
  public var name: String { Self.names[Int(rawValue)] }
  private static let names = [
    "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
    "atanh", "exp", "log", "abs",
  ]

  /// `f(-u) = -f(u)`.
  var isOdd: Bool {
    switch self {
    case .sin, .tan, .cot, .csc, .asin, .atan, .sinh, .tanh, .asinh, .atanh: return true
    case .cos, .sec, .acos, .cosh, .acosh, .exp, .log, .abs: return false
    }
  }
  /// `f(-u) = f(u)`.
  var isEven: Bool {
    switch self {
    case .cos, .sec, .cosh, .abs: return true
    case .sin, .tan, .cot, .csc, .asin, .acos, .atan, .sinh, .tanh, .asinh, .acosh, .atanh, .exp, .log:
      return false
    }
  }
}

/// One level of an expression, for `switch`. Every pass switches over this without `default:`,
/// so a new kind does not compile until each derivative rule and printer handles it.
public enum Node {
  /// An exact rational number.
  case number(Rational)
  /// A variable.
  case symbol(String)
  case constant(Constant)
  /// `t₁ + t₂ + …`: at least two terms, flattened, like terms collected, sorted; at most one
  /// number (never 0), first.
  case sum([Expr])
  /// `c·f₁·f₂·…`: at least two factors, flattened, like bases collected, sorted; at most one
  /// number (the coefficient, never 0 or 1), first.
  case product([Expr])
  /// `base^exponent`, never with exponent 0 or 1, nor base 1.
  case power(Expr, Expr)
  /// `f(argument)`.
  case call(Function, Expr)
  /// `op(a₁, …, aₙ)`: a function of several arguments (`atan2(y, x)`), or a function nobody
  /// defined (`f(x*y)`) or its partial derivative (`D[1](f)(u, v)`); see ``Operator``.
  case apply(Operator, [Expr])
  /// The value of a division by zero or `log(0)`; absorbs every operation.
  case undefined
}
