/// One command of jac, described once. The scanner reads its names and the options it accepts,
/// `--help` its summary, overview and usage, the engine its computation, and the formatter the
/// shape of its answer, its LaTeX left-hand side and its generated code. Tests hold the man page,
/// docs/cli.md and the shell completions to these descriptions. Adding a command means one
/// description (``CommandDescription/all``), one engine function, its docs and its tests.
///
/// The descriptions are values in one table rather than one conforming type per command: every
/// command is visible in one file, the help and the checks iterate over them, and nothing in
/// them needs dynamic dispatch (generic metadata costs start-up time, issue 20).
public struct CommandDescription: Sendable {
  public let command: Request.Command
  /// The command's name, as typed and as JSON's `"command"` reports it.
  public var name: String { command.rawValue }
  /// Other names the scanner accepts (`determinant` for `det`).
  public let aliases: [String]
  /// The line in `--help`'s COMMANDS list.
  public let summary: String
  /// The OVERVIEW line of `jac <command> --help`.
  public let overview: String
  /// The USAGE line of `jac <command> --help` and of a usage error about this command: the
  /// synopsis, then the format options every command shares.
  public var usage: String { synopsis + " [--format text|latex|json]" }
  /// The usage line without the format options. A literal, where the usage line was built by
  /// interpolation for every description in the catalogue at start-up (issue 20).
  let synopsis: String
  /// The options that only some commands accept (``Option/scoped``) that this one does.
  public let options: Options
  /// Options given a command-specific reason when refused: newton's `--at` ("the start is '--from'").
  public let refusals: Refusals
  /// An option the command cannot do without, and what it is for the message
  /// (`newton needs a starting point: '--from 1,1'`).
  public let required: (option: Option, what: String)?
  /// What the answer is, entry by entry.
  public let shape: AnswerShape
  /// The left-hand side `--lhs` states.
  public let latexSide: LatexSide
  /// Generated code (`--format c` and the like): the function's name and what it computes, as
  /// its doc comment says (`jacobian_det`, "Jacobian determinant"); nil where there is no code.
  public let code: (function: String, what: String)?
  /// The engine step that computes the answer's value.
  let compute: @Sendable (Engine, Engine.Context) throws(JacError) -> Engine.Computed

  /// Whether the command accepts `option` (every option accepts the options no command scopes).
  public func accepts(_ option: Option) -> Bool {
    (!Option.scoped.contains(option) && refusals[option] == nil) || options.contains(option)
  }

  /// The command named `name`, by its name or an alias. A command's own name reads no
  /// description: the whole catalogue (fourteen descriptions) cost 84k instructions, a tenth of a
  /// whole run's (issue 20), and is made only for an alias. The command, not its description:
  /// the metadata of an optional description (which holds optional tuples) was built at start-up
  /// only to destroy one.
  public static func command(named name: String) -> Request.Command? {
    if let command = Request.Command(rawValue: name) { return command }
    return all.first { $0.aliases.contains(name) }?.command
  }

  /// Every name and alias, in the table's order.
  public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}

/// What each entry of an answer is: this decides the JSON layout, the labels of `--check` and
/// `--steps`, and which derivative `--check` compares an entry with.
public enum AnswerShape: Sendable, Equatable {
  /// One expression (det).
  case scalar
  /// One expression per function: a scalar for one, a list for several (diff, simplify). For
  /// diff, entry k is ∂ᵏfₖ along `--wrt`.
  case perFunction
  /// The m×n Jacobian: entry (i, j) is ∂fᵢ/∂xⱼ (also J·v and uᵀ·J).
  case jacobian
  /// The n×1 gradient: entry i is ∂f/∂xᵢ. JSON gives it as a flat list.
  case gradient
  /// The n×n Hessian: entry (i, j) is ∂²f/∂xᵢ∂xⱼ.
  case hessian
  /// An n×n matrix that is not a matrix of derivatives (the inverse Jacobian).
  case matrix
  /// The pattern of a matrix's structural nonzeros (sparsity).
  case pattern
  /// The iterates of Newton's method.
  case iterates
  /// Named matrices (linearize's A, B, C, D), each entry a partial derivative of its own pair.
  case labelled
}

/// The left-hand side of a result in LaTeX (`--lhs`).
public enum LatexSide: Sendable, Equatable {
  /// `\frac{dy}{dx}`, or `\frac{\partial(u, v)}{\partial(x, y)}` for a system (implicit).
  case implicitDerivative
  /// `\log\left|\det \frac{\partial(x, y)}{\partial(r, t)}\right|`.
  case logDeterminant
  /// `\frac{\partial(x, y)}{\partial(r, t)}` (with `\, v` or `u^T` for J·v and uᵀ·J).
  case jacobian
  /// `\det \frac{\partial(x, y)}{\partial(r, t)}`.
  case determinant
  /// `\left(\frac{\partial(x, y)}{\partial(r, t)}\right)^{-1}`.
  case inverse
  /// `\nabla f`.
  case gradient
  /// `H_{f}`.
  case hessian
  /// `\frac{\partial^{2} f}{\partial x\,\partial y}`, one per function.
  case partial
  /// The component's name, when the one component is named (`q = …`).
  case name
  /// Stated alone.
  case none
}
