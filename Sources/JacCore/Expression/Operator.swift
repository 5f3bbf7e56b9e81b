/// What a ``Node/apply(_:_:)`` node applies: a function of several arguments, or a function
/// nobody defined and its partial derivatives. Functions of one argument are ``Function``s in
/// ``Node/call(_:_:)`` nodes; this is for the rest, each interned once per pool.
public enum Operator: Hashable, Sendable {
  /// `atan2(y, x)`: the angle of the point (x, y) from the positive x axis, in (−π, π].
  case atan2
  /// `max(a₁, …, aₙ)` and `min(a₁, …, aₙ)`, n ≥ 2: arguments sorted, duplicates and all but the
  /// extreme number dropped, nested calls flattened.
  case max, min
  /// `polygamma(n, x)` = ψ⁽ⁿ⁾(x), the n-th derivative of the digamma function, for an integer
  /// n ≥ 0 (polygamma(0, x) is digamma(x)).
  case polygamma
  /// `beta(a, b)` = Γ(a)Γ(b)/Γ(a + b).
  case beta
  /// A function nobody defined (`f(x)`, `L(u, v, w)`), differentiated along the argument
  /// positions in `partials` (1-based, ascending, repeats for higher orders): `f` itself,
  /// `D[1](f)` = ∂f/∂(first argument), `D[1,2](f)`.
  case undefined(name: String, partials: [Int])

  /// The name as typed and printed (`atan2`, `f`).
  public var name: String {
    switch self {
    case .atan2: return "atan2"
    case .max: return "max"
    case .min: return "min"
    case .polygamma: return "polygamma"
    case .beta: return "beta"
    case .undefined(let name, _): return name
    }
  }

  /// How many arguments it takes; nil for any number (an undefined function takes what it is
  /// given, the same number everywhere in one input).
  public var arity: ClosedRange<Int>? {
    switch self {
    case .atan2, .polygamma, .beta: return 2...2
    case .max, .min: return 2...Int.max
    case .undefined: return nil
    }
  }

  /// The same function differentiated once more, along argument `position` (1-based); nil for a
  /// built-in operator, whose partials are expressions (``ExpressionPool/partial(_:_:_:)``).
  func differentiated(along position: Int) -> Operator? {
    switch self {
    case .atan2, .max, .min, .polygamma, .beta: return nil
    case .undefined(let name, let partials): return .undefined(name: name, partials: (partials + [position]).sorted())
    }
  }

  /// A key that orders operators the same way in every run: name, then partials.
  var sortKey: String {
    switch self {
    case .atan2, .max, .min, .polygamma, .beta: return name
    case .undefined(let name, let partials): return name + "\u{1}" + partials.map(String.init).joined(separator: ",")
    }
  }

  /// The value at real arguments (NaN outside the real domain, or for an undefined function).
  func evaluate(_ x: [Double]) -> Double {
    switch self {
    case .atan2: return x.count == 2 ? ExpressionPool.angle(x[0], x[1]) : .nan
    case .max: return x.contains { $0.isNaN } ? .nan : x.max() ?? .nan
    case .min: return x.contains { $0.isNaN } ? .nan : x.min() ?? .nan
    case .polygamma: return x.count == 2 ? SpecialFunctions.polygamma(x[0], x[1]) : .nan
    case .beta: return x.count == 2 ? SpecialFunctions.beta(x[0], x[1]) : .nan
    case .undefined: return .nan
    }
  }
}
