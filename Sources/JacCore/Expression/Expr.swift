/// A handle to an expression interned in an ``ExpressionPool``.
///
/// Two handles from the same pool are equal exactly when the expressions are structurally equal
/// (hash-consing): equality is a comparison of ids. A handle means nothing without its pool.
public struct Expr: Hashable, Sendable {
  public let id: Int32
  init(_ id: Int32) { self.id = id }
  var index: Int { Int(id) }
  /// The number 0 of every pool: the first node each pool interns (``ExpressionPool/init()``),
  /// so a ``Matrix`` can leave its zeros out without holding its pool.
  public static let zero = Expr(0)

  public static func == (a: Expr, b: Expr) -> Bool { a.id == b.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
  /// What `Dictionary` and `Set` hash: the id mixed with the table's seed by splitmix64's
  /// finaliser instead of SipHash (which was 4% of a batch's instructions). Ids are dense small
  /// integers, so the mix matters: the tables mask the low bits.
  public func _rawHashValue(seed: Int) -> Int {
    Int(truncatingIfNeeded: Self.mix(UInt64(UInt32(bitPattern: id)) &+ UInt64(bitPattern: Int64(seed))))
  }

  /// splitmix64's finaliser.
  @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
    x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
    return x ^ (x >> 31)
  }
}

/// Named constants. Euler's number is not here: `e` is `exp(1)`, so `e^x` and `exp(x)` are one
/// expression.
public enum Constant: UInt8, Sendable, CaseIterable {
  case pi
}

/// The functions of one argument. `sqrt(u)` is not here: it is `u^(1/2)`; nor are `cbrt`,
/// `root`, `log10`, `log2` and `log(x, b)`, which the parser writes as powers and quotients of
/// logarithms. Names, symmetry and domains are in `Function+Properties.swift`. New cases go at
/// the end (ids are hashed; the order of output is by name).
public enum Function: UInt8, Sendable, CaseIterable {
  case sin, cos, tan, cot, sec, csc
  case asin, acos, atan
  case sinh, cosh, tanh
  case asinh, acosh, atanh
  case exp, log, abs
  /// Reciprocal hyperbolics and the inverse reciprocals (principal values of DLMF §4.23, §4.37
  /// and SymPy: acot u = atan(1/u), asec u = acos(1/u), acsc u = asin(1/u), asech u = acosh(1/u),
  /// acsch u = asinh(1/u), acoth u = atanh(1/u)).
  case sech, csch, coth
  case acot, asec, acsc, asech, acsch, acoth
  /// Piecewise: sign (sign 0 = 0), heaviside (H(0) = 0), floor, ceil, relu (max(u, 0)).
  case sign, heaviside, floor, ceil, relu
  /// Machine learning and statistics: sigmoid 1/(1 + e^(−u)), softplus log(1 + e^u), the error
  /// functions, Γ, log Γ (real where Γ > 0) and ψ = Γ'/Γ.
  case sigmoid, softplus, erf, erfc, gamma, loggamma, digamma
  /// The principal branch W₀ of the Lambert W function: the w ≥ −1 with w·e^w = u, real for
  /// u ≥ −1/e (W₀(−1/e) = −1, W₀(0) = 0, W₀(e) = 1).
  case lambertw
  /// The exponential, trigonometric and logarithmic integrals and their kin (DLMF §6.2, §7.2;
  /// SymPy's names): erfi u = −i·erf(iu) = (2/√π)∫₀ᵘ e^(t²) dt, Ei u = −∫₋ᵤ^∞ e^(−t)/t dt
  /// (principal value; real for u ≠ 0), Si u = ∫₀ᵘ sin t/t dt, Ci u = γ + log u + ∫₀ᵘ (cos t − 1)/t dt
  /// (real for u > 0), Shi u = ∫₀ᵘ sinh t/t dt, Chi u = γ + log u + ∫₀ᵘ (cosh t − 1)/t dt (real
  /// for u > 0), li u = Ei(log u) (real for u > 0, u ≠ 1), the Fresnel integrals
  /// fresnels u = ∫₀ᵘ sin(πt²/2) dt and fresnelc u = ∫₀ᵘ cos(πt²/2) dt, and the unnormalised
  /// sinc u = sin(u)/u with sinc 0 = 1 (SymPy's; NumPy's `np.sinc` is sin(πu)/(πu)).
  case erfi, ei, si, ci, shi, chi, li, fresnels, fresnelc, sinc
}

extension Function {
  /// Hashed without SipHash, as ``Expr`` is: the simplifier tests sets of functions at every
  /// call node.
  public func _rawHashValue(seed: Int) -> Int {
    Int(truncatingIfNeeded: Expr.mix(UInt64(rawValue) &+ UInt64(bitPattern: Int64(seed))))
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
  case sum(Operands)
  /// `c·f₁·f₂·…`: at least two factors, flattened, like bases collected, sorted; at most one
  /// number (the coefficient, never 0 or 1), first; at most one numeric radical m^(g/n) per
  /// index n (`merge-radicals`: √2·√3 is √6).
  case product(Operands)
  /// `base^exponent`, never with exponent 0 or 1, nor base 1.
  case power(Expr, Expr)
  /// `f(argument)`.
  case call(Function, Expr)
  /// `op(a₁, …, aₙ)`: a function of several arguments (`atan2(y, x)`), or a function nobody
  /// defined (`f(x*y)`) or its partial derivative (`D[1](f)(u, v)`); see ``Operator``. max and min have
  /// at least two arguments, sorted, distinct, none of them a max (min), at most one a number
  /// (first); beta's two arguments are sorted; polygamma's order is never the number 0.
  case apply(Operator, Operands)
  /// The value of a division by zero or `log(0)`; absorbs every operation.
  case undefined
}
