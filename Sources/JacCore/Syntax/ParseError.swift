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
    /// An `--assume` relation that contradicts the others (`x > 0, x < -1`).
    case assumptionContradiction
    /// An `--assume` relation on a declared vector or matrix (`what`: "vector", "matrix",
    /// "symmetric matrix"): assumptions are about scalars.
    case assumptionNotScalar(name: String, what: String)
    /// An `--assume` relation on a name the input does not use.
    case assumptionUnknownName(name: String)
    /// linearize: a component named, not after a state variable (`q = v` with `--state x,v`).
    case componentNotAState(String, states: [String])
    /// linearize: some components named after states, others not.
    case componentsPartlyNamed(String)
    /// A name `--where` defines, applied as a function in the input (`f(x)` with `f = x^2`).
    case definitionApplied(name: String)
    /// A `--where` definition that uses itself (`b = 2*b`).
    case definitionCycle(name: String)
    /// A `--where` definition that uses a later one (`a = b; b = x`).
    case definitionLater(name: String)
    /// A `--where` name that is a variable of `--vars` or `--wrt`.
    case definitionOfVariable(name: String)
    /// A `--where` name defined twice.
    case definitionRepeated(name: String)
    /// `0^-1`.
    case divisionByZero
    /// Two components with the same name (`x = t, x = t^2`).
    case duplicateComponentName(String)
    case emptyInput
    /// A function name with no `(` after it (`sin x`).
    case expectedArgumentList(function: String)
    /// A `--at` vector or matrix value without its closing `]` (`x=[1, 2`).
    case expectedCloseBracket(openColumn: Int)
    case expectedCloseParen(openColumn: Int)
    /// A `--where` piece that is not `name = expression`.
    case expectedDefinition
    /// `D[1]` not followed by `(NAME)`.
    case expectedDifferentiatedFunction(found: String)
    case expectedExpression(found: String)
    /// Two operands with no operator between them where implicit multiplication does not apply.
    case expectedOperator(found: String)
    /// An `--assume` item that is not a chain of `<`, `<=`, `>`, `>=`.
    case expectedRelation
    /// A name applied as a function and used as a variable in one input (`f(x) + f`).
    case functionAndVariable(name: String)
    case malformedNumber(String)
    /// A matrix function given an argument of the wrong kind (`diag(A)` of a non-square matrix).
    case matrixArgument(function: String, expected: String, found: String)
    /// `/` by a vector or matrix.
    case matrixDivisor(found: String)
    /// A scalar function of several arguments given a vector or matrix (`atan2(x, y)`).
    case matrixFunction(name: String)
    /// A matrix-calculus function (`dot`, `norm`, …) in input that declares no vector or matrix.
    case matrixFunctionWithoutMatrices(name: String)
    /// Another tool's name for a matrix operation jac writes otherwise (`transpose(A)`: `A'`).
    case foreignMatrixFunction(name: String, advice: String)
    /// `det(x)` of a vector, `x^-1`.
    /// A `--at` matrix value whose rows differ in length (`[1, 2; 3]`).
    case matrixValueRowLength(row: Int, count: Int, expected: Int)
    case matrixNotSquare(function: String, found: String)
    /// A vector or matrix raised to a power other than -1 (inverse) or T (transpose).
    case matrixPower(found: String)
    /// Two operands whose sizes cannot agree (`x*y` of two column vectors).
    case matrixSizes(operator: String, left: String, right: String)
    /// `⁻` or `⁺` with no superscript digit after it.
    case malformedSuperscript
    /// `D[` not followed by positions from 1 and `]` (`D[0]`, `D[x]`).
    case malformedPartials
    case nestingTooDeep(limit: Int)
    /// `--at x=inf`: a name other tools read as infinity or NaN, not in the input.
    case nonFiniteValue(name: String)
    /// A variable or constant followed by `(`.
    case notAFunction(name: String)
    /// A prime or `D[…]` on a name that is not an undefined function (`sin'(x)`, `x'(t)`).
    case notAnUndefinedFunction(name: String)
    /// A constant proved not real (`log(-1)`, `sqrt(-1)`, `asin(2)`): jac's values are real.
    case notReal(String)
    case numberTooLarge
    /// `D[3](f)(x, y)`: a position beyond the function's arguments.
    case partialOutOfRange(function: String, position: Int, count: Int)
    /// `f'(x, y)`: a prime on a function of several arguments.
    case primeWithSeveralArguments(function: String, count: Int)
    /// A state equation `x' = v` outside linearize.
    case stateEquation(name: String)
    /// Text after the `]` of a `--at` vector or matrix value (`x=[1, 2]3`).
    case textAfterMatrixValue(found: String)
    case undefinedFunctionValue(function: String, at: String)
    case unexpectedCharacter(String)
    case unexpectedCloseParen
    /// With every equally close known name (`cso` → `cos`; `csn` → `cos`, `csc`).
    case unknownFunction(name: String, suggestions: [String])
    case wrongArgumentCount(function: String, expected: ClosedRange<Int>, count: Int)

    public var text: String {
      switch self {
      case .assumptionContradiction: return "this assumption contradicts the others"
      case .assumptionNotScalar(let name, let what):
        return "'\(name)' is a \(what); an assumption must be about a scalar"
      case .assumptionUnknownName(let name): return "'\(name)' is not in the input; an assumption must be about it"
      case .expectedRelation: return "expected a relation such as 'x > 0' or '0 < p < pi'"
      case .componentNotAState(let name, let states):
        return "component '\(name)' is not named after a state variable (\(states.joined(separator: ", ")))"
      case .componentsPartlyNamed(let name):
        return "component '\(name)' is named but not every component is; name each after its state, or none"
      case .definitionApplied(let name):
        return "'\(name)' is defined by '--where' as a quantity; it cannot be applied as a function"
      case .definitionCycle(let name): return "'\(name)' is defined in terms of itself"
      case .definitionLater(let name): return "'\(name)' is used before its definition"
      case .definitionOfVariable(let name): return "'\(name)' is a variable; it cannot be defined"
      case .definitionRepeated(let name): return "'\(name)' is defined twice"
      case .divisionByZero: return "division by zero"
      case .duplicateComponentName(let name): return "component '\(name)' is named twice"
      case .emptyInput: return "empty input"
      case .expectedArgumentList(let f): return "expected '(' after function '\(f)'"
      case .expectedCloseBracket(let c): return "expected ']' to close '[' at column \(c)"
      case .expectedCloseParen(let c): return "expected ')' to close '(' at column \(c)"
      case .expectedDefinition: return "expected a definition 'name = expression'"
      case .expectedDifferentiatedFunction(let found):
        return "expected a function name in parentheses after 'D[…]', found \(found)"
      case .expectedExpression(let found): return "expected an expression, found \(found)"
      case .expectedOperator(let found): return "expected an operator before \(found)"
      case .functionAndVariable(let name): return "'\(name)' is used both as a function and as a variable"
      case .malformedNumber(let s): return "malformed number '\(s)'"
      case .matrixArgument(let f, let expected, let found): return "'\(f)' takes \(expected), found \(found)"
      case .matrixDivisor(let found): return "'/' divides by a scalar, found \(found)"
      case .matrixFunction(let name): return "'\(name)' does not apply to a vector or matrix"
      case .matrixFunctionWithoutMatrices(let name):
        return "'\(name)' is a function of vectors and matrices; declare them with '--vector' or '--matrix'"
      case .foreignMatrixFunction(let name, let advice): return "jac has no function '\(name)'; \(advice)"
      case .matrixValueRowLength(let row, let count, let expected):
        return "row \(row) has \(count) \(count == 1 ? "entry" : "entries"); row 1 has \(expected)"
      case .matrixNotSquare(let f, let found): return "'\(f)' needs a square matrix, found \(found)"
      case .matrixPower(let found): return "a power of a \(found) matrix other than '^-1' or '^T'"
      case .matrixSizes(let op, let l, let r): return "sizes do not agree for '\(op)': \(l) and \(r)"
      case .malformedSuperscript: return "a superscript sign needs superscript digits after it"
      case .malformedPartials: return "malformed 'D[…]': argument positions are whole numbers from 1"
      case .nestingTooDeep(let limit): return "nesting deeper than \(limit) levels"
      case .notAFunction(let name): return "'\(name)' is not a function"
      case .notAnUndefinedFunction(let name): return "'\(name)' is not an undefined function"
      case .nonFiniteValue(let name):
        return "'\(name)' is a name to jac, not a number: values at a point are finite, and jac has no infinity or NaN"
      case .notReal(let written): return "'\(written)' is not real; jac's values are real"
      case .numberTooLarge: return "number too large"
      case .partialOutOfRange(let f, let position, let count):
        return "'\(f)' takes \(count) \(count == 1 ? "argument" : "arguments"); there is no argument \(position)"
      case .primeWithSeveralArguments(let f, let count):
        return "a prime differentiates a function of one argument; '\(f)' takes \(count)"
      case .stateEquation(let name): return "a state equation \(name)' = … is read by linearize only"
      case .textAfterMatrixValue(let found): return "expected the end of the value after ']', found \(found)"
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
      case .assumptionContradiction, .assumptionNotScalar, .assumptionUnknownName, .componentNotAState,
        .componentsPartlyNamed, .expectedRelation,
        .definitionApplied, .definitionCycle, .definitionLater, .definitionOfVariable, .definitionRepeated,
        .expectedDefinition,
        .divisionByZero, .duplicateComponentName, .emptyInput, .expectedArgumentList, .expectedCloseParen,
        .expectedDifferentiatedFunction, .expectedExpression, .expectedOperator, .functionAndVariable,
        .malformedNumber, .matrixArgument, .matrixDivisor, .matrixFunction, .matrixFunctionWithoutMatrices,
        .foreignMatrixFunction,
        .matrixNotSquare, .matrixPower, .expectedCloseBracket, .matrixValueRowLength, .textAfterMatrixValue,
        .matrixSizes, .malformedPartials, .malformedSuperscript, .nonFiniteValue, .notAFunction,
        .notAnUndefinedFunction,
        .notReal,
        .partialOutOfRange, .primeWithSeveralArguments, .stateEquation, .undefinedFunctionValue, .unexpectedCharacter,
        .unexpectedCloseParen, .unknownFunction, .wrongArgumentCount:
        return false
      }
    }

    public var hint: String? {
      switch self {
      case .notAFunction(let name):
        return "write '\(name)*(...)' to multiply, or '--funcs \(name)' for a function nobody defined"
      case .unknownFunction(let name, _) where name == "expint":
        // MATLAB's and SciPy's expint(x) (expn) is E₁(x); jac has Ei, and E₁(x) = −Ei(−x) for x > 0.
        return "MATLAB's expint(x) is E1(x) = -Ei(-x) for x > 0; jac has 'Ei(x)'"
      case .unknownFunction(let name, _) where name.lowercased() == "sinc":
        return "'sinc' is lower-case: sinc(x) = sin(x)/x"
      case .unknownFunction(let name, _): return "'--funcs \(name)' declares a function nobody defined"
      case .matrixFunctionWithoutMatrices(let name):
        if name == "dot" { return "for example 'jac \"dot(x, y)\" --vector x,y'" }
        let matrix = ["det", "inv", "tr", "trace"].contains(name)
        return "for example 'jac \"\(name)(\(matrix ? "A" : "x"))\" \(matrix ? "--matrix A" : "--vector x")'"
      case .unexpectedCharacter(let c) where c == "\u{1D40}":
        return "a transpose applies to vectors and matrices: declare them with '--vector' or '--matrix'"
      case .unexpectedCharacter(let c) where c == "|": return "write 'abs(x)' for |x|"
      case .notAnUndefinedFunction(let name):
        return Parser.callee(named: name) == nil
          ? "'--funcs \(name)' declares a function nobody defined" : "'jac diff' differentiates '\(name)'"
      case .primeWithSeveralArguments(let f, _): return "write 'D[1](\(f))(…)' for the partial along the first argument"
      case .expectedDifferentiatedFunction: return "write 'D[1,2](f)(x, y)'"
      case .malformedPartials: return "write 'D[1,2](f)(x, y)'"
      case .expectedArgumentList(let f):
        return "write '\(f)(x)', and '\(f)(x)^2' for its square ('\(f)^2(x)' is not read)"
      case .expectedOperator: return "write '*' to multiply"
      case .wrongArgumentCount(let f, _, _) where f == "lambertw" || f == "productlog":
        // SymPy's LambertW(x, k), MATLAB's lambertw(k, x): a branch, of which jac has W₀ only.
        return "'\(f)(x)' is the principal branch W0, the only one jac has"
      case .stateEquation(let name): return "write 'jac linearize \"\(name)' = …, …\" --state \(name),…'"
      case .definitionApplied(let name):
        return "write '\(name)' for the quantity; a function nobody defined needs a name of its own"
      case .matrixDivisor: return "write './' to divide each entry, or 'inv(…)'"
      case .matrixPower: return "write '.^' to raise each entry"
      case .componentNotAState, .componentsPartlyNamed:
        return "linearize reads x' = f (or x = f) as the equation of a state x of '--state'"
      default: return nil
      }
    }
  }
}
