/// Command words of other calculus tools (Mathematica, Maple, Maxima, SymPy, MATLAB) that jac does
/// not have. Typed where jac expects its command (`jac integrate "x^2"`), such a word would
/// otherwise be read as a variable and answered with the Jacobian of [integrate, x²], an answer to
/// a different question; the scanner reports it instead, with the jac command that comes nearest
/// where one does. docs/cli.md lists the words (a test holds it to this table).
public struct ForeignCommand: Sendable {
  /// The word as typed.
  public let word: String
  /// What jac offers instead.
  public let advice: Advice

  public enum Advice: Sendable, Equatable {
    /// The jac command that does what the word asks (`derivative` → diff).
    case command(Request.Command)
    /// A sentence on why nothing does (`jac does no integration`).
    case note(String)
    /// Nothing near it.
    case none
  }

  /// The table, grouped by what jac offers.
  public static let all: [ForeignCommand] =
    words(["integrate", "integral", "int", "nintegrate", "antiderivative"], .note("jac does no integration"))
    + words(["derivative", "deriv", "differentiate", "d"], .command(.diff))
    + words(["hess"], .command(.hessian))
    + words(["inv"], .command(.inverse))
    + words(["solve", "nsolve", "fsolve", "roots", "findroot", "fzero"], .command(.newton))
    + words(["series"], .command(.taylor))
    + words(["minimize", "maximize", "optimize"], .command(.critical))
    + words(["dsolve"], .note("jac does not solve differential equations"))
    + words(
      [
        "limit", "lim", "expand", "factor", "plot", "laplacian", "divergence", "div", "curl", "eig", "eigenvalues",
        "eigenvectors", "rank", "trace", "tr", "transpose",
      ], .none)

  private static func words(_ words: [String], _ advice: Advice) -> [ForeignCommand] {
    words.map { ForeignCommand(word: $0, advice: advice) }
  }

  /// The entry for `word`, if it is one of the table's.
  public static func named(_ word: String) -> ForeignCommand? { all.first { $0.word == word } }

  /// Whether the word alone (`jac integrate`) is an error: a word of one or two letters (`d`,
  /// `tr`) is as likely a variable's name, so it is an error only when a function follows.
  public var isErrorAlone: Bool { word.unicodeScalars.count > 2 }

  /// `jac has no command 'derivative'; did you mean 'diff'?`
  public var message: String {
    let start = "jac has no command '\(word)'"
    switch advice {
    case .command(let command): return start + EditDistance.didYouMean([command.rawValue])
    case .note(let note): return start + "; " + note
    case .none: return start
    }
  }
}
