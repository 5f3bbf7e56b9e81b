/// An error in the input text, with the range it points at.
public struct ParseError: Error, Equatable, Sendable {
  public var message: Message
  public var range: SourceRange
  public init(_ message: Message, _ range: SourceRange) {
    self.message = message
    self.range = range
  }

  /// The catalogue of parse messages, alphabetical by case. Lowercase, no final period, tokens in
  /// single quotes. `docs/errors.md` lists every one; a test keeps the two in step.
  public enum Message: Equatable, Sendable {
    /// `0^-1`.
    case divisionByZero
    /// Two components with the same name (`x = t, x = t^2`).
    case duplicateComponentName(String)
    case emptyInput
    /// A function name with no `(` after it (`sin x`).
    case expectedArgumentList(function: String)
    case expectedCloseParen(openColumn: Int)
    case expectedExpression(found: String)
    /// Two operands with no operator between them where implicit multiplication does not apply.
    case expectedOperator(found: String)
    case malformedNumber(String)
    case nestingTooDeep(limit: Int)
    /// A variable or constant followed by `(`.
    case notAFunction(name: String)
    case numberTooLarge
    case undefinedFunctionValue(function: String, at: String)
    case unexpectedCharacter(String)
    case unexpectedCloseParen
    /// With every equally close known name (`cso` → `cos`; `csn` → `cos`, `csc`).
    case unknownFunction(name: String, suggestions: [String])
    case wrongArgumentCount(function: String, expected: ClosedRange<Int>, count: Int)

    public var text: String {
      switch self {
      case .divisionByZero: return "division by zero"
      case .duplicateComponentName(let name): return "component '\(name)' is named twice"
      case .emptyInput: return "empty input"
      case .expectedArgumentList(let f): return "expected '(' after function '\(f)'"
      case .expectedCloseParen(let c): return "expected ')' to close '(' at column \(c)"
      case .expectedExpression(let found): return "expected an expression, found \(found)"
      case .expectedOperator(let found): return "expected an operator before \(found)"
      case .malformedNumber(let s): return "malformed number '\(s)'"
      case .nestingTooDeep(let limit): return "nesting deeper than \(limit) levels"
      case .notAFunction(let name): return "'\(name)' is not a function"
      case .numberTooLarge: return "number too large"
      case .undefinedFunctionValue(let f, let at): return "'\(f)' is undefined at \(at)"
      case .unexpectedCharacter(let c): return "unexpected character '\(c)'"
      case .unexpectedCloseParen: return "unexpected ')'"
      case .unknownFunction(let name, let s): return "unknown function '\(name)'" + EditDistance.didYouMean(s)
      case .wrongArgumentCount(let f, let expected, let n):
        let count: String
        if expected.count == 1 {
          count = "\(expected.lowerBound)"
        } else if expected.upperBound == Int.max {
          count = "at least \(expected.lowerBound)"
        } else {
          count = "\(expected.lowerBound) or \(expected.upperBound)"
        }
        return "'\(f)' takes \(count) \(expected == 1...1 ? "argument" : "arguments"), found \(n)"
      }
    }

    /// A second line of help, where one helps.
    /// A limit on the input's size (exit status 3), not a syntax error.
    public var isLimit: Bool {
      switch self {
      case .nestingTooDeep, .numberTooLarge: return true
      case .divisionByZero, .duplicateComponentName, .emptyInput, .expectedArgumentList, .expectedCloseParen,
        .expectedExpression, .expectedOperator, .malformedNumber, .notAFunction, .undefinedFunctionValue,
        .unexpectedCharacter, .unexpectedCloseParen, .unknownFunction, .wrongArgumentCount:
        return false
      }
    }

    public var hint: String? {
      switch self {
      case .notAFunction(let name): return "write '\(name)*(...)' to multiply"
      case .expectedArgumentList(let f): return "write '\(f)(x)^2', not '\(f)^2(x)'"
      case .expectedOperator: return "write '*' to multiply"
      default: return nil
      }
    }
  }
}
