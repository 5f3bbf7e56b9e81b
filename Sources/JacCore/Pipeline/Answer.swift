/// The explanation of one entry (`--steps`): the function (simplified, as differentiated), the
/// variable, the rule-by-rule derivation, the raw derivative, the simplifier's rewrites, the
/// result.
public struct EntryDerivation {
  /// `[1,2]` for a Jacobian entry, `[2]` for a gradient entry, empty for `diff`.
  public var label: String
  public var function: Expr
  public var variable: String
  public var derivation: Derivation
  public var raw: Expr
  public var simplification: [Simplifier.Step]
  public var result: Expr
}

/// How a determinant was computed (`det --steps`): the matrix, the expansion, the raw
/// determinant, the simplifier's rewrites, the result.
public struct DeterminantSteps {
  /// `J`, or `JᵀJ` for a Gram determinant.
  public var name: String
  /// The matrix, its entries simplified.
  public var matrix: Matrix
  /// Up to 3×3: the first row's cofactors (−1)^(1+j)·det M₁ⱼ, raw; empty above (Berkowitz or
  /// Laplace, whichever is shorter).
  public var cofactors: [Expr]
  /// The determinant as the expansion builds it, before simplification.
  public var raw: Expr
  public var simplification: [Simplifier.Step]
  /// det, simplified (before the Gram determinant's root).
  public var result: Expr
  /// For inverse: each entry of adj(J)/det J, raw, the rewrites, simplified; row by row.
  public var inverseEntries: [(raw: Expr, simplification: [Simplifier.Step], result: Expr)] = []
}

/// `--steps` for implicit and taylor: the quantities the answer is built from, a line each
/// (`∂F/∂y = 3*y^2 - 6*x`), with an optional remark (`at the point: 1`).
public struct ExplanationLine {
  /// The left-hand side in text (`dF/dy`) and in LaTeX (`\frac{\partial F}{\partial y}`).
  public var text: String
  public var latex: String
  public var value: Expr
  /// A second value after the first (`… = 1 at the point`), with its words.
  public var remark: (words: String, value: Expr)?
}

/// jac's answer to a request, and what it says about itself: which command it answers, the
/// variables of a derivative, the point it was evaluated at, the vector it was multiplied by.
/// The formatter needs nothing else of the request.
public struct Answer {
  /// `--assume`: the assumptions the simplifier used, for answers that state them.
  public var assumptions: Assumptions?
  public enum Value {
    /// One expression (det, diff and simplify of one function).
    case scalar(Expr)
    /// A list of expressions (diff and simplify of several functions).
    case list([Expr])
    /// A matrix: Jacobian (m×n), gradient (n×1), Hessian (n×n), inverse (n×n), J·v (m×1),
    /// uᵀ·J (1×n).
    case matrix(Matrix)
    /// The iterates of `jac newton`.
    case newton(NewtonRun)
    /// Named matrices, in order: linearize's A, B (C, D).
    case labelled([(name: String, matrix: Matrix)])
    /// A derivative in matrix form (`--vector`, `--matrix`): `(A + A')*x`.
    case matrixForm(MatrixForm)

    /// The expressions of the value that are not known to be 0: a matrix's nonzeros, row by
    /// row; every entry of the other values (none for a Newton run). What walks over a result's
    /// expressions (free symbols, undefined functions, sizes) reads this, never ``entries``.
    public var expressions: [Expr] {
      switch self {
      case .scalar(let e): return [e]
      case .list(let es): return es
      case .matrix(let m): return m.values
      case .labelled(let ms): return ms.flatMap(\.matrix.values)
      case .newton, .matrixForm: return []
      }
    }

    /// Every entry of the value, zeros included, row by row (none for a Newton run): m·n of a
    /// matrix, so only for matrices within ``Limits/denseEntries``.
    public var entries: [Expr] {
      switch self {
      case .scalar(let e): return [e]
      case .list(let es): return es
      case .matrix(let m): return m.entries
      case .labelled(let ms): return ms.flatMap(\.matrix.entries)
      case .newton, .matrixForm: return []
      }
    }
  }
  /// Which determinant a `det` (or `logdet`) answer is.
  public enum DeterminantKind: String, Sendable {
    /// det J of a square Jacobian.
    case jacobian
    /// √det(JᵀJ) of an m×n Jacobian with m > n: the factor by which the map scales n-dimensional
    /// volume onto its image (the length of a curve, the area of a surface).
    case gram
  }
  /// `--jvp v` (J·v) or `--vjp u` (uᵀ·J).
  public enum VectorProduct: Sendable { case jvp, vjp }

  public var command: Request.Command
  /// The command's description (shape, LaTeX side, code).
  public var description: CommandDescription { command.description }
  public var variables: [String]
  public var value: Value
  /// The variables a `diff` differentiated along, left to right (else the variables).
  public var along: [String] = []
  /// The answer is J·v or uᵀ·J rather than J.
  public var vectorProduct: VectorProduct?
  /// The `--at` point the values were substituted at, as parsed; empty when none was given.
  public var point: [(name: String, value: Expr)] = []
  /// At a point: the certified decimal (``DecimalDigits``) of each entry that is a constant
  /// but not a rational number, keyed by the entry. An entry without one prints exactly (a
  /// rational number, a value beyond 10^±39000, or every entry with `--exact`).
  public var decimals: [Expr: String] = [:]
  /// Variables asked for that do not occur in the input but are close to one that does
  /// (`--vars x,yy` for `x*y`): (asked, suggestion). The answer is still given.
  public var suspiciousVariables: [(name: String, suggestion: String)] = []
  /// Matrix calculus at a point: the vectors' and matrices' values (a vector as a column), in
  /// `--at` order; ``point`` holds the scalars'.
  public var matrixPoint: [(name: String, value: Matrix, isVector: Bool)] = []
  /// The values were substituted at a point (`--at`).
  public var atPoint: Bool { !point.isEmpty || !matrixPoint.isEmpty }
  /// For `inverse`: det J, simplified (the inverse exists where it is not zero).
  public var determinant: Expr?
  /// The finite-difference check, entry by entry in the order of the result (`--check`).
  public var check: DerivativeCheck?
  /// For `implicit`: the names, and the determinant the implicit function theorem needs nonzero.
  public struct Implicit {
    public var dependent: [String]
    public var independent: [String]
    /// det ∂F/∂u, simplified (∂F/∂y for one equation): the derivatives hold where it is not 0.
    public var condition: Expr
    /// `--at` a point off the curve: the first equation (from 0) whose F is a number other than
    /// 0 there, and that number. The answer is a derivative only on the curve.
    public var offCurve: (equation: Int, value: Expr)?
  }
  public var implicit: Implicit?
  /// `--with-value`: the functions, simplified, that generated code computes beside J.
  public var functionValues: [Expr]?
  /// Entries printed term by term in this order instead of the sum's canonical order, each term
  /// with its sign apart (taylor: by total degree, in powers of x − a, where the constructors
  /// would merge 1 + (x − 1) into x).
  public var orderedTerms: [Expr: [(negative: Bool, magnitude: Expr)]] = [:]
  /// `hessian --classify` (and `critical`): the second-derivative test at the point.
  public var classification: CriticalPoint?
  /// `implicit --steps`, `taylor --steps`: the quantities the answer is built from.
  public var explanation: [ExplanationLine] = []
  /// `det --steps`: how the determinant was computed.
  public var determinantSteps: DeterminantSteps?
  /// For `taylor`: the order of the polynomial, and the point it expands about.
  public var order: Int?
  public var expansionPoint: [(name: String, value: Expr)] = []
  /// For `linearize`: the state and input names (the variables are both, state first).
  public var linearization: Request.Linearization?
  /// For `det` and `logdet`: which determinant it is (nil for other commands).
  public var determinantKind: DeterminantKind?
  /// The rows and columns of the Jacobian a determinant was taken of (m×n; m > n for Gram's).
  public var jacobianSize: (rows: Int, columns: Int)?
  /// For `det --volume-element`: |det J|, simplified.
  public var volumeFactor: Expr?
  /// The simplifier ran out of its work budget: the result is exact but may not be shortest.
  public var simplificationCut = false
  /// The input wrote `e` alone (`d*x + e*y`), which jac reads as Euler's number, not a variable.
  public var eulerAlone = false
  /// A `--where` definition wrote `e` alone (`y = e*x`): the same note, once a run.
  public var eulerAloneInDefinitions = false
  /// The input raised a variable `E` to a symbolic power (`E^x`), Euler's number to SymPy and
  /// Mathematica: a note says jac's `E` is a variable.
  public var capitalEBase = false
  /// The derivations asked for with `--steps`, entry by entry.
  public var derivations: [EntryDerivation] = []
  /// The calls of the input that are at a kink or jump at the `--at` point (relu(x) at x = 0,
  /// floor at an integer, max at a tie), where the derivative is a convention (docs/rules.md).
  public var kinks: [Expr] = []
  /// Matrix `--at`: the same, each call in matrix syntax with the entries on its kink
  /// (`abs(x) at entry 2`; ``Engine/matrixKinks(_:_:_:)``).
  public var matrixKinks: [String] = []
  /// The names given to components (`x = r*cos(t)`), nil for unnamed ones.
  public var componentNames: [String?] = []
  /// `--where`: each definition's name and right-hand side (simplified, in terms of the earlier
  /// names), in order; empty with `--inline` or without `--where`.
  public var definitions: [(name: String, value: Expr)] = []
}
