/// Every option of the command line, described once: its spelling, whether it takes a value, its
/// line in `--help`. The scanner, the help text and the tests that hold the man page, cli.md and
/// the shell completions to the binary all read this table. Which commands accept an option is
/// said by the commands (``CommandDescription/options``); an option no command lists applies to
/// every command.
public enum Option: String, CaseIterable, Sendable, Comparable {
  case vars = "--vars"
  case wrt = "--wrt"
  case funcs = "--funcs"
  case vector = "--vector"
  case matrix = "--matrix"
  case symmetric = "--symmetric"
  case expand = "--expand"
  case definitions = "--where"
  case inline = "--inline"
  case format = "--format"
  case noCSE = "--no-cse"
  case functionName = "--name"
  case layout = "--layout"
  case arguments = "--arguments"
  case dense = "--dense"
  case compact = "--compact"
  case latex = "--latex"
  case json = "--json"
  case text = "--text"
  case noSimplify = "--no-simplify"
  case assume = "--assume"
  case at = "--at"
  case exact = "--exact"
  case jvp = "--jvp"
  case vjp = "--vjp"
  case check = "--check"
  case volumeElement = "--volume-element"
  case from = "--from"
  case tol = "--tol"
  case maxIter = "--max-iter"
  case state = "--state"
  case input = "--input"
  case output = "--output"
  case order = "--order"
  case dep = "--dep"
  case classify = "--classify"
  case withValue = "--with-value"
  case lhs = "--lhs"
  case env = "--env"
  case standalone = "--standalone"
  case withLatex = "--with-latex"
  case steps = "--steps"
  case entry = "--entry"
  case stats = "--stats"
  case version = "--version"
  case help = "--help"

  /// The long spelling, `--vars`.
  public var name: String { rawValue }

  /// The one-letter spelling: `-h` for `--help`.
  public var shortName: String? { self == .help ? "-h" : nil }

  /// The placeholder of the option's value in help (`--vars <names>`); nil for a flag.
  public var valueName: String? {
    switch self {
    case .vars, .wrt, .funcs, .vector, .matrix, .symmetric: return "names"
    case .format: return "format"
    case .expand: return "sizes"
    case .definitions: return "definitions"
    case .assume: return "relations"
    case .at: return "point"
    case .jvp: return "v"
    case .vjp: return "u"
    case .from: return "start"
    case .tol: return "t"
    case .maxIter: return "n"
    case .state, .input: return "names"
    case .output: return "functions"
    case .order: return "k"
    case .dep: return "names"
    case .env, .functionName: return "name"
    case .layout: return "layout"
    case .arguments: return "form"
    case .entry: return "i,j"
    case .inline, .noCSE, .dense, .compact, .latex, .json, .text, .noSimplify, .exact, .check, .volumeElement,
      .classify, .withValue,
      .lhs, .standalone, .withLatex, .steps, .stats, .version, .help:
      return nil
    }
  }

  public var takesValue: Bool { valueName != nil }

  /// What to use instead where the option does not apply (`--wrt`: `use '--vars'`).
  public var instead: String? { self == .wrt ? "use '--vars'" : nil }

  /// Options that say the same thing and may be given only once between them: `--latex`,
  /// `--json` and `--text` are spellings of `--format`.
  public var canonical: Option {
    switch self {
    case .latex, .json, .text: return .format
    case .vars, .wrt, .funcs, .vector, .matrix, .symmetric, .expand, .definitions, .inline, .format, .noCSE,
      .functionName, .layout, .arguments, .dense, .compact, .noSimplify, .assume, .at, .exact, .jvp, .vjp, .check,
      .volumeElement,
      .from, .tol, .maxIter, .state, .input, .output, .order, .dep, .classify, .withValue, .lhs, .env, .standalone,
      .withLatex,
      .steps, .entry, .stats, .version, .help:
      return self
    }
  }

  /// The option's entry in `--help`: its label and its text, one string a line; nil for an
  /// option listed under another one's label (`--json` beside `--latex`).
  public var help: (label: String, lines: [String])? {
    let label = name + (valueName.map { " <\($0)>" } ?? "")
    switch self {
    case .vars:
      return (label, ["Variables in order, e.g. r,t or u1..u100 (default: the free variables by name, x2 before x10)."])
    case .wrt:
      return (
        label, ["diff: differentiate along these, left to right (default: --vars); implicit: the independent ones."]
      )
    case .vector: return (label, ["Names of column vectors, e.g. x,b1: matrix calculus (sizes inferred from use)."])
    case .matrix: return (label, ["Names of matrices, e.g. A,W1 (H too: a declaration wins over f, g, h, F, G, H)."])
    case .symmetric: return (label, ["Names of symmetric matrices (S' = S), e.g. S."])
    case .expand:
      return (label, ["With vectors and matrices: write the answer out entry by entry at sizes n=3,m=2 (x1, A1_2)."])
    case .definitions:
      return (label, ["Name intermediate quantities, e.g. \"b = atan(k*tan(d)); c = cos(p + b)\"; repeatable."])
    case .inline: return (label, ["With --where: print the answer expanded, without the definitions' names."])
    case .funcs: return (label, ["Functions nobody defined, e.g. L,phi: L(u, v) (f, g, h, F, G, H need no declaring)."])
    case .format:
      return (
        label,
        [
          "text (default; unicode on a terminal), unicode, latex, json (one JSON object",
          "per line), or code:",
          "c, python (NumPy), swift, julia, matlab (a function computing the result).",
        ]
      )
    case .noCSE: return (label, ["Code: compute every entry in full, without shared temporaries."])
    case .functionName:
      return (
        label,
        [
          "Code: the function's name (default: the command's, e.g. jacobian); line k of",
          "a batch on standard input names it NAME_k.",
        ]
      )
    case .layout:
      return (
        label,
        [
          "Code: a matrix by rows (row, the default), by columns (col: Fortran, LAPACK),",
          "or compressed sparse column (csc: nonzeros and their pattern).",
        ]
      )
    case .arguments:
      return (
        label,
        [
          "Code: the variables as one parameter each (scalars, the default) or as one array",
          "in --vars order (array: C const double *x, Python a sequence, Julia x[1] first).",
        ]
      )
    case .dense: return (label, ["Text: print a big sparse matrix aligned, zeros and all, not as its nonzero entries."])
    case .compact: return (label, ["Text and JSON: no spaces around + and -; a matrix row a line as [a,b], unpadded."])
    case .latex: return ("--latex, --json, --text", ["Short for --format latex, --format json, --format text."])
    case .json, .text: return nil
    case .noSimplify: return (label, ["Print the raw result of the differentiation rules."])
    case .assume:
      return (label, ["Signs and ranges for the simplifier, e.g. \"R > r > 0, 0 < p < pi\": drops abs where implied."])
    case .at:
      return (
        label,
        [
          "Values at a point, e.g. r=2,t=pi/3 (exact where exact, else decimals);",
          "vectors and matrices in brackets: x=[1, 2], A=[1, 2; 3, 4].",
        ]
      )
    case .exact: return (label, ["With --at: keep exact closed forms such as sqrt(3)/2."])
    case .jvp: return (label, ["Jacobian only: print J·v (a column), e.g. --jvp 1,0 or --jvp dx,dy."])
    case .vjp: return (label, ["Jacobian only: print uᵀ·J (a row)."])
    case .check: return (label, ["Compare every entry with central finite differences; exit 1 on a mismatch."])
    case .volumeElement: return (label, ["det only: state the change of variables, dx dy = |det J| dr dt."])
    case .from: return (label, ["newton, critical: the starting point, one value per variable."])
    case .tol:
      return (
        label, ["newton, critical: done when |F| <= t and the steps settle, or |F| is within rounding (default 1e-12)."]
      )
    case .maxIter: return (label, ["newton, critical: at most n steps (default 50)."])
    case .state: return (label, ["linearize: the state variables x of x' = f(x, u), e.g. th,w."])
    case .input: return (label, ["linearize: the input variables u, e.g. F."])
    case .withValue: return (label, ["jacobian, code: one function computes f and J (for Newton and ODE solvers)."])
    case .classify:
      return (label, ["hessian --at: classify the point (local minimum, maximum, saddle point, degenerate)."])
    case .dep: return (label, ["implicit: the dependent variables the equations define, e.g. y (one per equation)."])
    case .order:
      return (
        label,
        [
          "taylor: the order of the polynomial, 0 to 30 (default 2); implicit: of the derivative (default 1);",
          "diff: of the derivative along one --wrt variable (--wrt x --order 3 is d³f/dx³).",
        ]
      )
    case .output: return (label, ["linearize: the outputs y = h(x, u), e.g. \"th\" (adds C and D)."])
    case .lhs:
      return (label, ["LaTeX: state the left-hand side, e.g. \\det \\frac{\\partial(x, y)}{\\partial(r, t)} = r."])
    case .env:
      return (label, ["LaTeX matrix environment: pmatrix (default), bmatrix, Bmatrix, vmatrix, Vmatrix, matrix."])
    case .standalone: return (label, ["LaTeX: a whole document that pdflatex compiles, one display per answer."])
    case .withLatex: return (label, ["JSON: add \"latex\" (each result as LaTeX) and \"latex_display\"."])
    case .steps:
      return (
        label,
        [
          "jacobian, grad, hessian, diff: the derivation rule by rule, then the simplification;",
          "det, logdet, inverse: the expansion, then the simplification; implicit, taylor: the parts;",
          "linearize: each entry of A, B (C, D); critical: the gradient.",
        ]
      )
    case .entry: return (label, ["With --steps: only entry (i, j) (grad: entry i)."])
    case .stats: return (label, ["After the answers, print compute time by phase on standard error."])
    case .version: return (label, ["Show the version."])
    case .help: return ("-h, --help", ["Show help information (also per command: jac det --help)."])
    }
  }

  /// The option spelt `spelling` (`--vars`, `-h`), if any.
  public init?(spelling: String) {
    if spelling == "-h" {
      self = .help
    } else if let option = Option.ordered.first(where: { $0.rawValue == spelling }) {
      // A search rather than `init(rawValue:)`, which builds a hashed table of the names on
      // first use (issue 20).
      self = option
    } else {
      return nil
    }
  }

  /// Every spelling the scanner accepts, long ones first (for "did you mean").
  public static var spellings: [String] { allCases.map(\.name) + allCases.compactMap(\.shortName) }

  public static func < (a: Option, b: Option) -> Bool { a.ordinal < b.ordinal }
}
