import JacCore

/// A parsed command line.
public struct Invocation {
  public enum Format: String, CaseIterable, Sendable {
    case text, unicode, latex, json, c, python, swift, julia, matlab
    /// The language of a code format.
    public var language: CodeLanguage? { CodeLanguage(rawValue: rawValue) }
  }

  public var command: Request.Command = .jacobian
  /// Whether the command was named (so `jac det --help` shows det's help).
  public var commandNamed = false
  public var inputs: [String] = []
  public var variables: [String]?
  public var along: [String]?
  public var format: Format = .text
  /// Whether `--format` (or `--latex`, `--json`, `--text`) was given; if not, a terminal gets
  /// `unicode`.
  public var formatGiven = false
  public var simplify = true
  public var help = false
  public var version = false
  /// `--at r=2,t=pi/3`.
  public var at: [Request.Binding]?
  /// `--exact`: with `--at`, keep exact closed forms (`sqrt(3)/2`) instead of decimals.
  public var exact = false
  public var jvp: String?
  public var vjp: String?
  public var check = false
  /// `--volume-element`: det states the change-of-variables factor, `dx dy = |det J| dr dt`.
  public var volumeElement = false
  public var newtonFrom: String?
  public var tolerance: Double?
  public var maxIterations: Int?
  /// `--stats`: compute time by phase on standard error, after the answers.
  public var stats = false
  /// `--lhs`: LaTeX states each result with its left-hand side.
  public var lhs = false
  /// `--env`: the LaTeX matrix environment (default `pmatrix`).
  public var environment: String?
  /// `--standalone`: a whole LaTeX document.
  public var standalone = false
  /// `--with-latex`: JSON carries LaTeX beside the text.
  public var withLatex = false
  /// `--no-cse`: generated code computes every entry in full.
  public var noCSE = false
  /// `--dense`: text prints every matrix aligned, even a big sparse one.
  public var dense = false
  /// `--compact`: text and JSON entries without the spaces around `+` and `-`; text matrices
  /// one row a line, cells between commas, no padding.
  public var compact = false
  /// `--steps`: explain the derivation of each entry.
  public var steps = false
  /// `--entry i,j`: explain only this entry (1-based).
  public var entry: (row: Int, column: Int)?
  /// The matrix environments `--env` accepts (amsmath's).
  public static let environments = ["pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix"]

  /// The library request for one input.
  func request(_ inputs: [String]) -> Request {
    var request = Request(command: command, inputs: inputs, variables: variables, along: along, simplify: simplify)
    request.at = at
    request.jvp = jvp
    request.vjp = vjp
    request.check = check
    request.volumeElement = volumeElement
    request.steps = steps
    request.entry = entry
    if let from = newtonFrom {
      request.newton = Request.NewtonSettings(
        from: from, tolerance: tolerance ?? Request.NewtonSettings.defaultTolerance,
        maxIterations: maxIterations ?? Request.NewtonSettings.defaultMaxIterations)
    }
    return request
  }
}

/// A command-line mistake: exit 64, with a hint.
public struct UsageError: Error, Equatable {
  public var message: String
  public var command: Request.Command?
}
