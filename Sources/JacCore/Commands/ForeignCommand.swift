/// Command words of other calculus tools (Mathematica, Maple, Maxima, SymPy, MATLAB) that jac does
/// not have. Typed where jac expects its command (`jac integrate "x^2"`), such a word would
/// otherwise be read as a variable and answered with the Jacobian of [integrate, x²], an answer to
/// a different question; the scanner reports it instead, with the jac command that comes nearest
/// where one does. Output formats typed as commands (`jac code "x^2"`, `jac latex …`) are
/// reported the same way, with the `--format` to add. docs/cli.md lists the words (a test holds
/// it to this table).
public struct ForeignCommand: Sendable {
  /// The word as typed.
  public let word: String
  /// What jac offers instead.
  public let advice: Advice

  public enum Advice: Sendable, Equatable {
    /// The jac command that does what the word asks (`derivative` → diff).
    case command(Request.Command)
    /// Nothing does: jac does no integration.
    case noIntegration
    /// Nothing does: jac does not solve differential equations.
    case noDifferentialEquations
    /// An output format, not a command: `code` is `--format c` (or another language), `latex`
    /// is `--format latex`; the associated value is the format's name.
    case format(String)
    /// Nothing near it.
    case none

    /// Why nothing does, or the option to write instead, where a sentence says it (`jac does no
    /// integration`).
    public var note: String? {
      switch self {
      case .noIntegration: "jac does no integration"
      case .noDifferentialEquations: "jac does not solve differential equations"
      case .format(let name):
        switch name {
        case "latex": "LaTeX is an output format: add '--format latex'"
        case "json": "JSON is an output format: add '--format json'"
        case "c": "code is an output format: add '--format c' (or python, swift, julia, matlab)"
        default: "code is an output format: add '--format \(name)'"
        }
      case .command, .none: nil
      }
    }
  }

  /// The words, grouped by what jac offers (``advice(ofGroup:)``); group k ends before
  /// `groupEnds[k]`. Arrays of strings and integers, not of tuples: a lookup, which every run with
  /// a bare name first makes, then instantiates no new generic metadata (26k instructions at
  /// start-up, issue 20).
  static let words = [
    "integrate", "integral", "int", "nintegrate", "antiderivative",
    "derivative", "deriv", "differentiate", "d",
    "hess",
    "inv",
    "solve", "nsolve", "fsolve", "roots", "findroot", "fzero",
    "series",
    "minimize", "maximize", "optimize",
    "dsolve",
    "limit", "lim", "expand", "factor", "plot", "laplacian", "divergence", "div", "curl", "eig", "eigenvalues",
    "eigenvectors", "rank", "trace", "tr", "transpose",
    "code", "ccode", "codegen", "lambdify",
    "python", "swift", "julia", "matlab",
    "latex", "tex",
    "json",
  ]
  static let groupEnds = [5, 9, 10, 11, 17, 18, 21, 22, 38, 42, 46, 48, 49]

  static func advice(ofGroup k: Int, word: String) -> Advice {
    switch k {
    case 0: .noIntegration
    case 1: .command(.diff)
    case 2: .command(.hessian)
    case 3: .command(.inverse)
    case 4: .command(.newton)
    case 5: .command(.taylor)
    case 6: .command(.critical)
    case 7: .noDifferentialEquations
    case 8: .none
    case 9: .format("c")
    case 10: .format(word)
    case 11: .format("latex")
    default: .format("json")
    }
  }

  /// Every word, in the table's order.
  public static var all: [ForeignCommand] { words.compactMap(named) }

  /// The entry for `word`, if it is one of the table's.
  public static func named(_ word: String) -> ForeignCommand? {
    guard let i = words.firstIndex(of: word), let group = groupEnds.firstIndex(where: { i < $0 }) else { return nil }
    return ForeignCommand(word: word, advice: advice(ofGroup: group, word: word))
  }

  /// Whether the word alone (`jac integrate`) is an error: a word of one or two letters (`d`,
  /// `tr`) is as likely a variable's name, so it is an error only when a function follows.
  public var isErrorAlone: Bool { word.unicodeScalars.count > 2 }

  /// `jac has no command 'derivative'; did you mean 'diff'?`
  public var message: String {
    let start = "jac has no command '\(word)'"
    if case .command(let command) = advice { return start + EditDistance.didYouMean([command.rawValue]) }
    return advice.note.map { start + "; " + $0 } ?? start
  }
}
