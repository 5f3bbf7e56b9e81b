/// What a person asks jac: a command, its input, and options.
public struct Request: Sendable {
  public enum Command: String, Sendable, CaseIterable {
    case jacobian, det, grad, hessian, diff, simplify
  }
  public var command: Command
  /// The component functions, as typed (each may itself be a comma-separated list).
  public var inputs: [String]
  /// Variables in order; nil: the free variables sorted by name.
  public var variables: [String]?
  /// For `diff`: differentiate along these variables, left to right.
  public var along: [String]?
  public var simplify: Bool

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

/// jac's answer to a request.
public struct Answer {
  public enum Value {
    /// One expression (det, diff and simplify of one function).
    case scalar(Expr)
    /// A list of expressions (diff and simplify of several functions).
    case list([Expr])
    /// A matrix: Jacobian (m×n), gradient (n×1), Hessian (n×n).
    case matrix(Matrix)
  }
  public var command: Request.Command
  public var variables: [String]
  public var value: Value
  /// Variables asked for that do not occur in the input but are close to one that does
  /// (`--vars x,yy` for `x*y`): (asked, suggestion). The answer is still given.
  public var suspiciousVariables: [(name: String, suggestion: String)] = []
}

/// Why a request failed.
public enum JacError: Error, Equatable {
  /// The input text did not parse; `input` says which of the request's inputs.
  case parse(ParseError, input: Int)
  /// det needs a square Jacobian.
  case notSquare(rows: Int, columns: Int)
  /// grad and hessian need one function.
  case notScalar(command: String, count: Int)
  /// No variables given and none found.
  case noVariables
  /// A result is undefined (for example a simplification revealed a division by zero).
  case undefinedResult
  /// The expression is deeper than ``Engine/maxDepth``.
  case tooDeep(limit: Int)

  public var message: String {
    switch self {
    case .parse(let e, _): return e.message.text
    case .notSquare(let r, let c): return "det needs a square Jacobian; this one is \(r)×\(c)"
    case .notScalar(let cmd, let n): return "\(cmd) takes one function, found \(n)"
    case .noVariables: return "no variables to differentiate with respect to; give --vars"
    case .undefinedResult: return "the result is undefined (division by zero)"
    case .tooDeep(let limit): return "expression nested deeper than \(limit) levels"
    }
  }
}
