/// What a person asks jac: a command, its input, and options.
public struct Request: Sendable {
  public enum Command: String, Sendable, CaseIterable {
    case jacobian, det, grad, hessian, diff, simplify, inverse, newton, sparsity
  }
  /// Newton's method settings (`jac newton`).
  public struct NewtonSettings: Sendable, Equatable {
    /// The starting point, as typed: one value (an expression) per variable.
    public var from: String
    public var tolerance: Double
    public var maxIterations: Int
    public static let defaultTolerance = 1e-12
    public static let defaultMaxIterations = 50
    public init(from: String, tolerance: Double = defaultTolerance, maxIterations: Int = defaultMaxIterations) {
      self.from = from
      self.tolerance = tolerance
      self.maxIterations = maxIterations
    }
  }
  /// A `name=value` pair of `--at`; the value is an expression, as typed.
  public struct Binding: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  public var command: Command
  /// The component functions, as typed (each may itself be a comma-separated list).
  public var inputs: [String]
  /// Variables in order; nil: the free variables in natural order (x2 before x10).
  public var variables: [String]?
  /// For `diff`: differentiate along these variables, left to right.
  public var along: [String]?
  public var simplify: Bool
  /// `--at`: substitute these values into the result.
  public var at: [Binding]?
  /// `--jvp v`: answer J·v (a column). The vector as typed, comma-separated.
  public var jvp: String?
  /// `--vjp u`: answer uᵀ·J (a row).
  public var vjp: String?
  /// `--check`: compare every entry with finite differences.
  public var check = false
  public var newton: NewtonSettings?
  /// For `det`: also give |det J|, the change-of-variables factor.
  public var volumeElement = false
  /// `--steps`: explain each entry's derivation (jacobian, grad, diff).
  public var steps = false
  /// `--entry i,j` (1-based): explain only this entry.
  public var entry: (row: Int, column: Int)?

  public init(
    command: Command, inputs: [String], variables: [String]? = nil, along: [String]? = nil, simplify: Bool = true
  ) {
    self.command = command
    self.inputs = inputs
    self.variables = variables
    self.along = along
    self.simplify = simplify
  }
}

/// The explanation of one entry (`--steps`): the function (simplified, as differentiated), the
/// variable, the rule-by-rule derivation, the raw derivative, the simplifier's rewrites, the
/// result.
public struct EntryDerivation {
  /// `[1,2]` for a Jacobian entry, `[2]` for a gradient entry, empty for `diff`.
  public var label: String
  public var function: Expr
  public var variable: String
  public var derivation: Derivation
  public var raw: Expr
  public var simplification: [Simplifier.Step]
  public var result: Expr
}

/// jac's answer to a request.
public struct Answer {
  public enum Value {
    /// One expression (det, diff and simplify of one function).
    case scalar(Expr)
    /// A list of expressions (diff and simplify of several functions).
    case list([Expr])
    /// A matrix: Jacobian (m×n), gradient (n×1), Hessian (n×n), inverse (n×n), J·v (m×1),
    /// uᵀ·J (1×n).
    case matrix(Matrix)
    /// The iterates of `jac newton`.
    case newton(NewtonRun)

    /// Every expression of the value, row by row (none for a Newton run).
    public var entries: [Expr] {
      switch self {
      case .scalar(let e): return [e]
      case .list(let es): return es
      case .matrix(let m): return m.entries
      case .newton: return []
      }
    }
  }
  public var command: Request.Command
  public var variables: [String]
  public var value: Value
  /// Variables asked for that do not occur in the input but are close to one that does
  /// (`--vars x,yy` for `x*y`): (asked, suggestion). The answer is still given.
  public var suspiciousVariables: [(name: String, suggestion: String)] = []
  /// The values were substituted at a point (`--at`).
  public var atPoint = false
  /// For `inverse`: det J, simplified (the inverse exists where it is not zero).
  public var determinant: Expr?
  /// The finite-difference check, entry by entry in the order of the result (`--check`).
  public var check: DerivativeCheck?
  /// For `det --volume-element`: |det J|, simplified.
  public var volumeFactor: Expr?
  /// The simplifier ran out of its work budget: the result is exact but may not be shortest.
  public var simplificationCut = false
  /// The derivations asked for with `--steps`, entry by entry.
  public var derivations: [EntryDerivation] = []
  /// The names given to components (`x = r*cos(t)`), nil for unnamed ones.
  public var componentNames: [String?] = []
}
