/// Why a request failed.
public enum JacError: Error, Equatable {
  /// The input text did not parse; `input` says which of the request's inputs.
  case parse(ParseError, input: Int)
  /// The value of an option (`--at`, `--jvp`, `--vjp`, `--from`) did not parse.
  case optionParse(ParseError, option: String, text: String)
  /// det, inverse and newton need as many functions as variables.
  case notSquare(command: Request.Command, rows: Int, columns: Int)
  /// linearize needs one function (x' = f) per state variable.
  case stateCount(functions: Int, states: Int)
  /// implicit needs one equation per dependent variable.
  case equationCount(equations: Int, dependent: Int)
  /// implicit: a name in both `--dep` and `--wrt` (or twice in `--wrt`).
  case implicitName(String, twice: Bool)
  /// implicit: det ∂F/∂u simplifies to 0, so the equations define no u(x).
  case implicitSingular
  /// implicit: every name is dependent.
  case noIndependentVariables
  /// implicit at a point where det ∂F/∂u = 0.
  case implicitSingularAtPoint
  /// implicit `--order k`: 0, or above 1 for a system with several independent variables, or
  /// other than 2 for one equation with several (`several`).
  case implicitOrder(Int, several: Bool)
  /// diff `--order k`: 0, or several variables to repeat (`wrt`: they were given with `--wrt`).
  case derivativeOrder(Int, variables: [String], wrt: Bool)
  /// grad and hessian need one function.
  case notScalar(command: Request.Command, count: Int)
  /// No variables given and none found.
  case noVariables
  /// `--at`, `--check` or code generation (`use`) on an answer that applies a function nobody
  /// defined, which has no value.
  case undefinedFunction(name: String, use: String)
  /// A result is undefined (for example a simplification revealed a division by zero).
  case undefinedResult
  /// A derivative along the order n of polygamma(n, x), which is a whole number: the order
  /// depends on `variable`, a variable of the derivative.
  case orderDerivative(variable: String)
  /// A request went past one of jac's ``Limits``.
  case limit(Limits.Exceeded)
  /// A limit met while reading input `input`, at `range` (the big-number work budget).
  case limitInInput(Limits.Exceeded, SourceRange, input: Int)
  /// `--at` names a symbol that is not in the input; with a close name when there is one.
  case unknownPointVariable(String, suggestion: String?)
  /// `--at` gives a value to a name `--where` defines.
  case pointForDefinition(String)
  /// `--at` leaves variables without a value.
  case missingPointVariables([String])
  /// A vector option has the wrong number of entries.
  case vectorLength(option: String, given: Int, expected: Int)
  /// The Jacobian is singular: its determinant simplifies to 0.
  case singular
  /// logdet of a Jacobian whose determinant simplifies to 0: log 0 is undefined.
  case logOfSingular
  /// The Jacobian is singular at the point given with `--at`.
  case singularAtPoint
  /// A `--at` point that contradicts an assumption of `--assume` (the link, `x > 0`).
  case pointContradictsAssumption(String)
  /// A `--at` point for which balls cannot decide an assumption.
  case pointAssumptionUndecided(String)
  /// `--check` drew no point inside the assumptions.
  case checkOutsideAssumptions
  /// taylor about a point on a kink or jump of a call of the input (relu(x) at x = 0).
  case notSmoothAtPoint(call: String)
  /// taylor about a point that is on a kink or jump of `call` under a `condition` on the
  /// parameters that the assumptions do not decide (abs(x - a) at x = 0: `-a = 0`);
  /// `byAssumption` when `--assume` can decide it.
  case kinkUndecided(call: String, condition: String, byAssumption: Bool)
  /// A result entry is undefined or not real at the point given with `--at`.
  case undefinedAtPoint(entry: String)
  /// A value that must be a real number is not (`--from pi*i`, `--at` for the check).
  case notANumber(option: String, text: String)
  /// A real value a double cannot hold, where jac computes in doubles (`--from 1e400`).
  case outsideDoubleRange(option: String, text: String)
  /// Newton's method needs every symbol to be a variable.
  case unboundSymbols([String])
  /// An option that does not apply to this command or combination.
  case notApplicable(Inapplicable)
  /// `--steps --entry i,j` outside the result.
  case entryOutside(row: Int, column: Int, rows: Int, columns: Int)
  /// `--steps --entry` for a command that explains each function whole (diff).
  case entryOfEachFunction(Request.Command)
  /// A matrix-calculus request without an answer (``MatrixProblem``).
  case matrixCalculus(MatrixProblem)
  /// `--steps` without `--entry` on more than ``Engine/maxExplainedEntries`` entries.
  case tooManyExplainedEntries(Int)

  public var message: String {
    switch self {
    case .parse(let e, _): return e.message.text
    case .optionParse(let e, let option, _): return "in '\(option)': \(e.message.text)"
    case .notSquare(let cmd, let r, let c) where cmd == .det || cmd == .logdet:
      // m > n is the Gram determinant; m < n flattens: the image of an n-dimensional region has no n-volume.
      return "\(cmd.rawValue) of a \(r)×\(c) Jacobian: a map of \(c) variables to \(r) "
        + "\(r == 1 ? "function" : "functions") scales no \(c)-dimensional volume (its image is at most "
        + "\(r)-dimensional); give at least as many functions as variables"
    case .notSquare(let cmd, let r, let c):
      let what = cmd.description.shape == .iterates ? "as many equations as variables" : "a square Jacobian"
      return "\(cmd.rawValue) needs \(what); this Jacobian is \(r)×\(c)"
    case .stateCount(let functions, let states):
      return "linearize needs one function x' = f per state variable; found \(functions) "
        + "\(functions == 1 ? "function" : "functions") for \(states) in '--state'"
    case .equationCount(let equations, let dependent):
      return "implicit needs one equation per dependent variable; found \(equations) "
        + "\(equations == 1 ? "equation" : "equations") for \(dependent) in '--dep'"
    case .implicitName(let name, let twice):
      return twice ? "variable '\(name)' listed twice in '--wrt'" : "'\(name)' is in both '--dep' and '--wrt'"
    case .implicitSingular:
      return "the equations do not define the '--dep' variables implicitly: det ∂F/∂(dep) = 0 everywhere"
    case .noIndependentVariables: return "implicit has no independent variables: every name is in '--dep'; give '--wrt'"
    case .implicitOrder(let k, let several):
      if k == 0 { return "implicit's '--order' counts derivatives: 1 (the default) or more" }
      return several
        ? "implicit '--order \(k)' with several '--wrt' variables: only order 2 (the matrix of ∂²y/∂xᵢ∂xⱼ)"
        : "implicit '--order \(k)' of a system needs one '--wrt' variable (several need one equation)"
    case .derivativeOrder(let k, let names, let wrt):
      if k == 0 { return "diff's '--order' counts derivatives: 1 or more" }
      let found = "found \(names.count) (\(names.joined(separator: ", ")))"
      return wrt
        ? "diff '--order \(k)' repeats one '--wrt' variable, \(found); for a mixed derivative list each step, "
          + "e.g. '--wrt \(names[0]),\(names[0]),\(names[1])'"
        : "diff '--order \(k)' needs one variable, \(found); e.g. '--wrt \(names[0])'"
    case .implicitSingularAtPoint:
      return "det ∂F/∂(dep) = 0 at this point: the implicit function theorem does not apply there"
    case .notScalar(let cmd, let n): return "\(cmd.rawValue) takes one function, found \(n)"
    case .noVariables: return "no variables to differentiate with respect to; give --vars"
    case .undefinedFunction(let name, let use):
      return "\(use) cannot evaluate '\(name)', a function nobody defined"
    case .undefinedResult: return "the result is undefined (division by zero)"
    case .orderDerivative(let variable):
      return "'polygamma' has no derivative along its order, a whole number: the order depends on '\(variable)'"
    case .limit(let exceeded), .limitInInput(let exceeded, _, _): return exceeded.message
    case .unknownPointVariable(let name, let suggestion):
      return "'--at' gives a value for '\(name)', which is not in the input"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .pointForDefinition(let name):
      return "'--at' gives a value for '\(name)', which '--where' defines; give values to what it depends on"
    case .missingPointVariables(let names):
      return "'--at' gives no value for " + names.map { "'\($0)'" }.joined(separator: ", ")
    case .vectorLength(let option, let given, let expected):
      return "'\(option)' has \(given) \(given == 1 ? "entry" : "entries"); it needs \(expected)"
    case .singular: return "the Jacobian is singular everywhere (det J = 0); it has no inverse"
    case .logOfSingular: return "det J = 0 everywhere (the Jacobian is singular); log|det J| is undefined"
    case .singularAtPoint: return "the Jacobian is singular at this point (det J = 0)"
    case .pointContradictsAssumption(let link): return "the '--at' point contradicts the assumption '\(link)'"
    case .pointAssumptionUndecided(let link):
      return "cannot decide whether the '--at' point satisfies the assumption '\(link)' (too close to tell)"
    case .checkOutsideAssumptions:
      return "'--check' found no point inside the assumptions among its random draws; give one with '--at'"
    case .notSmoothAtPoint(let call):
      return "the point is on a kink or jump of \(call); there is no Taylor polynomial there"
    case .kinkUndecided(let call, let condition, let byAssumption):
      return "cannot tell whether the point is on a kink or jump of \(call): it is where \(condition); "
        + (byAssumption ? "decide it with '--assume'" : "give the parameters values with '--at'")
    case .undefinedAtPoint(let entry): return "\(entry) is undefined or not real at this point"
    case .notANumber(let option, let text): return "'\(option)': '\(text)' is not a real number"
    case .outsideDoubleRange(let option, let text):
      return "'\(option)': '\(text)' is outside the range of a double (magnitudes from 4.9e-324 to 1.8e308); "
        + "newton iterates in double precision"
    case .unboundSymbols(let names):
      return "newton needs a value for every symbol; "
        + names.map { "'\($0)'" }.joined(separator: ", ") + " \(names.count == 1 ? "is" : "are") not in --vars"
    case .notApplicable(let problem): return problem.message
    case .matrixCalculus(let problem): return problem.message
    case .entryOutside(let row, let column, let rows, let columns):
      return "'--entry \(row),\(column)' is outside the \(rows)×\(columns) result"
    case .entryOfEachFunction(let command):
      let commands = Request.Command.allCases.filter {
        // The commands whose steps explain entry by entry (implicit explains its parts).
        $0.description.accepts(.steps) && [.jacobian, .gradient, .hessian].contains($0.description.shape)
          && $0 != .implicit
      }
      return
        "'--entry' applies to \(Inapplicable.list(commands.map(\.rawValue))); \(command.rawValue) explains each function"
    case .tooManyExplainedEntries(let count):
      return "'--steps' would explain \(count) entries; choose one with '--entry i,j' (at most "
        + "\(Engine.maxExplainedEntries) without it)"
    }
  }
}
