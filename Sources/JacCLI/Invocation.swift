import JacCore

/// A scanned command line: the command, its inputs, the request every input is asked with
/// (options parsed once), how answers are printed, and the options given.
public struct Invocation {
  public var command: Request.Command = .jacobian
  /// Whether the command was named (so `jac det --help` shows det's help).
  public var commandNamed = false
  public var inputs: [String] = []
  /// The options given, each once (``Option/canonical`` for `--latex` and the like).
  public var given = Options()
  /// The request each input is answered with: everything but the inputs.
  public var template = Request(command: .jacobian, inputs: [])
  /// How answers are printed.
  public var style = OutputStyle()
  public var help = false
  public var version = false
  /// `--stats`: compute time by phase on standard error, after the answers.
  public var stats = false

  /// The most bytes of arguments, all together, that a run on an ordinary stack may have.
  static let ordinaryStackArgumentBytes = 256

  /// Whether answering fits an ordinary 8 MiB stack (``DeepStack/ordinarySize``), so that no
  /// ``DeepStack`` thread need be started for it (starting one cost about a tenth of a short run's
  /// time, issue 20). It does when the inputs are on the command line (a batch's lines are not
  /// read yet), all arguments together are at most ``ordinaryStackArgumentBytes`` long (nothing
  /// parsed from them nests deeper than that), and the answer differentiates at most twice and
  /// expands no matrix calculus into entries: each derivative can double an expression's depth,
  /// so taylor (up to order 30), diff along more than two names (or along every variable) and
  /// `--expand` keep the deep thread. A test answers the deepest runs this admits on a 1 MiB stack.
  func fitsOrdinaryStack(argumentBytes: Int) -> Bool {
    guard !inputs.isEmpty, argumentBytes <= Self.ordinaryStackArgumentBytes, !given.contains(.expand) else {
      return false
    }
    switch command {
    case .taylor: return false
    case .diff: return (template.along ?? template.variables).map { $0.count <= 2 } ?? false
    case .jacobian, .det, .grad, .hessian, .simplify, .inverse, .newton, .sparsity, .logdet, .linearize, .implicit,
      .critical:
      return true
    }
  }

  /// The library request for one input.
  func request(_ inputs: [String]) -> Request {
    var request = template
    request.command = command
    request.inputs = inputs
    return request
  }
}

/// How answers are printed: the format and the options that shape it. The formatter reads this
/// and the ``Answer``, nothing else.
public struct OutputStyle {
  public enum Format: String, CaseIterable, Sendable {
    case text, unicode, latex, json, c, python, swift, julia, matlab
    /// The language of a code format. A `switch`, not `CodeLanguage(rawValue:)`, which builds an
    /// array of the names and compares strings on every call (issue 20).
    public var language: CodeLanguage? {
      switch self {
      case .text, .unicode, .latex, .json: return nil
      case .c: return .c
      case .python: return .python
      case .swift: return .swift
      case .julia: return .julia
      case .matlab: return .matlab
      }
    }

    /// The formats to suggest for an unknown `--format` name: other names for one (`octave` runs
    /// MATLAB's function files, `numpy` is Python's, `tex`, `cpp`), else the nearest spellings.
    static func suggestions(for name: String) -> [String] {
      let other: [String: Format] = [
        "octave": .matlab, "m": .matlab, "numpy": .python, "py": .python, "python3": .python, "tex": .latex,
        "cpp": .c, "c++": .c, "cxx": .c, "jl": .julia, "txt": .text, "plain": .text, "utf8": .unicode,
        "utf-8": .unicode,
      ]
      if let format = other[name.lowercased()] { return [format.rawValue] }
      return EditDistance.suggestions(for: name, among: allCases.map(\.rawValue))
    }

    /// What a document format prints: text (plain or unicode), LaTeX or JSON; nil for code.
    var document: Document? {
      switch self {
      case .text, .unicode: return .text
      case .latex: return .latex
      case .json: return .json
      case .c, .python, .swift, .julia, .matlab: return nil
      }
    }
  }

  enum Document { case text, latex, json }

  public var format: Format = .text
  /// Whether `--format` (or `--latex`, `--json`, `--text`) was given; if not, a terminal gets
  /// `unicode`.
  public var formatGiven = false
  /// `--exact`: with `--at`, keep exact closed forms (`sqrt(3)/2`) instead of decimals.
  public var exact = false
  /// `--lhs`: LaTeX states each result with its left-hand side.
  public var lhs = false
  /// `--env`: the LaTeX matrix environment.
  public var environment = "pmatrix"
  /// `--standalone`: a whole LaTeX document.
  public var standalone = false
  /// `--with-latex`: JSON carries LaTeX beside the text.
  public var withLatex = false
  /// `--no-cse` turns this off: generated code computes every entry in full.
  public var sharedTemporaries = true
  /// `--name`: the generated function's name (nil: the command's).
  public var functionName: String?
  /// `--layout`: a matrix by rows or by columns in generated code's flat array.
  public var layout = CodeLayout.row
  /// `--arguments`: the variables as scalar parameters or as one array in generated code.
  public var arguments = CodeArguments.scalars
  /// `--dense`: text prints every matrix aligned, even a big sparse one.
  public var dense = false
  /// `--compact`: text and JSON entries without the spaces around `+` and `-`; text matrices
  /// one row a line, cells between commas, no padding.
  public var compact = false

  /// The matrix environments `--env` accepts (amsmath's).
  public static let environments = ["pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix"]
}
