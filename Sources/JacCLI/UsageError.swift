import JacCore

/// A command-line mistake (exit 64): what went wrong, and the command whose usage line follows
/// the message (nil: jac's general usage).
public struct UsageError: Error, Equatable {
  public var problem: Problem
  public var command: Request.Command?

  init(_ problem: Problem, command: Request.Command? = nil) {
    self.problem = problem
    self.command = command
  }

  public var message: String { problem.message }

  /// The catalogue of usage errors, alphabetical by case. Lowercase, no final period, options and
  /// values in single quotes; docs/errors.md lists them.
  public enum Problem: Equatable, Sendable {
    /// `--format c` with `--at`, `--check` or `--volume-element`.
    case codeOfValues(CodeLanguage)
    /// A jac command after the functions (`jac "x^2*y" grad`).
    case commandNotFirst(String)
    /// `--compact` with a format other than text and JSON.
    case compactFormat
    /// `--compact` with `--steps`.
    case compactSteps
    /// `--no-cse`, `--name` or `--layout` without a code format.
    case codeOnly(Option)
    /// `--entry` that is not `i` or `i,j` from 1.
    case entryValue(String)
    /// `--exact` without `--at`.
    case exactWithoutPoint
    /// Another tool's command word first (`jac integrate "x^2"`, ``ForeignCommand``).
    case foreignCommand(String)
    /// A name both in `--funcs` and in `--vars` or `--wrt`.
    case functionAndVariable(String)
    /// A name in `--funcs` that is already a function or a constant (`sin`, `pi`).
    case functionKnown(String)
    /// `jac help X` with X no command of jac's.
    case helpTopic(String, suggestions: [String])
    /// `--inline` without `--where`.
    case inlineWithoutDefinitions
    /// An option that does not fit the command (the shared check, ``Inapplicable``).
    case inapplicable(Inapplicable)
    /// `--with-latex` without `--json`.
    case jsonOnly
    /// `--lhs`, `--env` or `--standalone` without `--latex`.
    case latexOnly
    /// `--name` that is not an ASCII identifier.
    case functionName(String)
    /// A code format with declared vectors or matrices.
    case matrixCode(CodeLanguage)
    /// `--layout`, `--arguments` or `--with-value` with declared vectors or matrices.
    case matrixCodeOption(Option)
    /// `--max-iter` outside 1…100000.
    case maxIterValue(String)
    /// An option that takes a value, last on the line or followed by another option.
    case missingValue(String)
    /// A command without generated code (`newton`, `sparsity`) and a code format.
    case noCode(Request.Command, CodeLanguage)
    /// A name in `--vars`, `--wrt` or `--at` that is a function or constant.
    case notAVariable(String, option: Option)
    /// An option given twice (`--latex`, `--json`, `--text` count as `--format`).
    case optionRepeated(Option)
    /// A `--at` piece without `=`.
    case pointPair(String)
    /// A name given twice in `--at`.
    case pointRepeated(String)
    /// `x=` in `--at`.
    case pointValueMissing(String)
    /// `--steps` with a format other than text, unicode and LaTeX.
    case stepsFormat
    /// `--tol` that is not a positive number.
    case tolValue(String)
    /// `--arguments` other than scalars and array.
    case unknownArguments(String)
    /// A first positional argument within two edits of a command, followed by more arguments.
    case unknownCommand(String, suggestions: [String])
    /// `--env` that is not one of amsmath's matrix environments.
    case unknownEnvironment(String)
    /// `--layout csc` for linearize or `--with-value`, which fill several matrices.
    case sparseLayoutOfSeveral
    /// `--layout` other than row, col and csc.
    case unknownLayout(String)
    case unknownFormat(String)
    case unknownOption(String, suggestions: [String])
    /// A flag given a value with `=` (`--latex=1`), as typed.
    case valueForFlag(String)
    /// A name in `--vars`, `--wrt` or `--at` that is not an identifier.
    case variableName(String, option: Option)
    /// A name listed twice in `--vars`.
    case variableRepeated(String, option: Option)
    /// A piece with `..` in a name list that is not a range like `u1..u100`.
    case variableRange(String, option: Option)
    /// `--order` that is not a whole number from 0 to 30.
    case orderValue(String)
    /// A name in both `--state` and `--input` (linearize).
    case stateAndInput(String)

    public var message: String {
      switch self {
      case .codeOfValues(let language):
        return "'--format \(language.rawValue)' generates code for the symbolic result; "
          + "drop '--at', '--check' and '--volume-element'"
      case .commandNotFirst(let name):
        return "'\(name)' is a command, and the command comes first: 'jac \(name) <functions>'"
      case .compactFormat: return "'--compact' applies to text and JSON output"
      case .compactSteps: return "'--steps' explains in full; drop '--compact'"
      case .codeOnly(let option): return "'\(option.name)' applies to code output ('--format c' and the like)"
      case .entryValue(let text): return "'--entry' takes a row and a column from 1, e.g. 2,1; found '\(text)'"
      case .exactWithoutPoint: return "'--exact' applies with '--at'"
      case .foreignCommand(let word): return ForeignCommand.named(word)?.message ?? "jac has no command '\(word)'"
      case .functionAndVariable(let name): return "'\(name)' is in '--funcs', so it cannot be a variable"
      case .functionKnown(let name): return "'\(name)' in '--funcs' is already a function or constant"
      case .helpTopic(let name, let suggestions):
        return ForeignCommand.named(name)?.message ?? "jac has no command '\(name)'"
          + EditDistance.didYouMean(suggestions)
      case .inlineWithoutDefinitions: return "'--inline' applies with '--where'"
      case .inapplicable(let problem): return problem.message
      case .jsonOnly: return "'--with-latex' applies to JSON output; add '--json'"
      case .latexOnly: return "'--lhs', '--env' and '--standalone' apply to LaTeX output; add '--latex'"
      case .matrixCode(let language):
        return
          "'--format \(language.rawValue)' is not available with vectors and matrices yet; '--format python' writes NumPy"
      case .matrixCodeOption(let option):
        return
          "'\(option.name)' does not apply with vectors and matrices: their NumPy code takes and returns arrays as they are"
      case .maxIterValue(let text): return "'--max-iter' needs a whole number from 1 to 100000, found '\(text)'"
      case .missingValue(let option): return "missing value for '\(option)'"
      case .noCode(let command, let language): return "\(command.rawValue) has no '--format \(language.rawValue)'"
      case .notAVariable(let name, let option):
        return "'\(name)' in '\(option.name)' is a function or constant, not a variable"
      case .optionRepeated(let option): return "option '\(option.name)' given more than once"
      case .pointPair(let piece): return "'--at' takes name=value pairs, found '\(piece)'"
      case .pointRepeated(let name): return "variable '\(name)' given twice in '--at'"
      case .pointValueMissing(let name): return "no value for '\(name)' in '--at'"
      case .stepsFormat: return "'--steps' prints text, unicode or LaTeX"
      case .tolValue(let text): return "'--tol' needs a positive number, found '\(text)'"
      case .unknownCommand(let name, let suggestions):
        return "unknown command '\(name)'" + EditDistance.didYouMean(suggestions)
      case .unknownEnvironment(let text):
        return "unknown matrix environment '\(text)'; expected " + OutputStyle.environments.joined(separator: ", ")
      case .sparseLayoutOfSeveral:
        return
          "'--layout csc' writes one sparse matrix; linearize and '--with-value' fill several: use '--layout row' or 'col'"
      case .unknownLayout(let text):
        return "unknown layout '\(text)'; expected " + CodeLayout.allCases.map(\.rawValue).joined(separator: ", ")
          + EditDistance.didYouMean(Self.layoutSuggestions(for: text))
      case .unknownArguments(let text):
        return "unknown arguments '\(text)'; expected " + CodeArguments.allCases.map(\.rawValue).joined(separator: ", ")
      case .unknownFormat(let text):
        return "unknown format '\(text)'; expected "
          + OutputStyle.Format.allCases.map(\.rawValue).joined(separator: ", ")
          + EditDistance.didYouMean(OutputStyle.Format.suggestions(for: text))
      case .unknownOption(let name, let suggestions):
        return "unknown option '\(name)'" + EditDistance.didYouMean(suggestions)
      case .functionName(let text):
        return
          "'--name' needs a name of ASCII letters, digits and '_' that does not start with a digit, found '\(text)'"
      case .valueForFlag(let name): return "option '\(name)' takes no value"
      case .variableName(let name, let option): return "invalid variable name '\(name)' in '\(option.name)'"
      case .variableRepeated(let name, let option): return "variable '\(name)' listed twice in '\(option.name)'"
      case .variableRange(let piece, let option):
        return
          "'\(piece)' in '\(option.name)' is not a range of names; write it as 'u1..u100': one name, a first and a last number"
      case .orderValue(let text): return "'--order' needs a whole number from 0 to 30, found '\(text)'"
      case .stateAndInput(let name): return "'\(name)' is in both '--state' and '--input'"
      }
    }

    /// The layouts to suggest for an unknown `--layout` name: other names for one (`column`,
    /// `row-major`, `fortran`, `sparse`), else the nearest spellings. `csr` is not `csc`'s other
    /// name: the hint says how to get it.
    static func layoutSuggestions(for name: String) -> [String] {
      let other: [String: CodeLayout] = [
        "column": .col, "columns": .col, "col-major": .col, "column-major": .col, "colmajor": .col, "fortran": .col,
        "rows": .row, "row-major": .row, "rowmajor": .row, "sparse": .csc, "ccs": .csc,
      ]
      if let layout = other[name.lowercased()] { return [layout.rawValue] }
      guard name.lowercased() != "csr" else { return [] }
      return EditDistance.suggestions(for: name, among: CodeLayout.allCases.map(\.rawValue))
    }

    /// A second line of help, where one helps.
    public var hint: String? {
      switch self {
      case .unknownCommand(let name, _):
        return "if '\(name)' is a function to differentiate, write 'jac -- \(name) …' or 'jac \"\(name), …\"'"
      case .foreignCommand(let name):
        return "if '\(name)' is a variable, list it in '--vars' or write 'jac -- \(name) …'"
      case .unknownLayout(let text) where text.lowercased() == "csr":
        return "jac writes compressed sparse columns ('--layout csc'); read as CSR, its three arrays hold the transpose"
      case .commandNotFirst(let name):
        return "if '\(name)' is a variable, list it in '--vars' or write the functions after '--'"
      case .codeOfValues, .compactFormat, .helpTopic, .compactSteps, .codeOnly, .entryValue, .exactWithoutPoint,
        .functionAndVariable, .functionKnown, .functionName, .inapplicable, .inlineWithoutDefinitions, .jsonOnly,
        .latexOnly,
        .matrixCode, .matrixCodeOption, .maxIterValue, .missingValue, .noCode, .notAVariable, .optionRepeated,
        .pointPair, .pointRepeated,
        .pointValueMissing, .stepsFormat, .tolValue, .sparseLayoutOfSeveral, .unknownEnvironment, .unknownLayout,
        .unknownArguments, .unknownFormat, .unknownOption, .valueForFlag,
        .variableName, .variableRepeated, .variableRange, .stateAndInput, .orderValue:
        return nil
      }
    }
  }
}
