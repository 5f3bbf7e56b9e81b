/// A complete unit of code (includes or imports, then one function) that computes a result:
/// the variables and then the other symbols are the parameters, shared subexpressions become
/// temporaries (``CommonSubexpressions``), and only the nonzero entries are assigned.
///
/// What the function returns, by language (m×n result, k-entry list):
/// - C: `void name(double x, …, double *out /* [m*n] */)`, row-major, `out[i*n + j]` = entry (i, j).
///   Only nonzeros are written: pass a zero-filled array (the pattern never changes, so one
///   array serves every call). A scalar result is the return value.
/// - Python: scalars by the `math` module (fast on floats), the result a NumPy array: shape
///   (m, n) for a matrix (C order, or Fortran order for `--layout col`: `np.zeros(m*n)` filled
///   at the flat index, then `reshape`), shape (n,) for a list or a gradient; a float for a scalar.
/// - Swift (Foundation): a flat `[Double]` in the layout's order.
/// - Julia: `name!(J, x, …)` fills J in place (zeros first, then the nonzeros) and returns it;
///   `name(x, …) = name!(zeros(m, n), x, …)` allocates. A list or gradient is a `Vector`.
/// - MATLAB: a function file `function J = name(x, …)`, an m×n matrix or a column.
public struct CodeGenerator {
  public let pool: ExpressionPool
  public let language: CodeLanguage
  public var eliminateCommonSubexpressions = true
  /// Where entry (i, j) of a matrix goes in a flat array.
  public var layout = CodeLayout.row
  /// The variables as parameters of their own or as one array (``CodeArguments``).
  public var arguments = CodeArguments.scalars
  /// `--where` definitions the result's entries name: each computed once, in order, before the
  /// temporaries (`beta = atan(…)`), and not parameters.
  public var definitions: [(name: String, value: Expr)] = []

  public init(pool: ExpressionPool, language: CodeLanguage) {
    self.pool = pool
    self.language = language
  }

  /// The shape of what is computed.
  public enum Shape {
    case scalar(Expr)
    case list([Expr])
    case matrix(Matrix)
    /// Several named matrices filled by one function (linearize's A, B, C, D): C takes one
    /// array per matrix, the other languages return them together. A matrix named `f` with one
    /// column (`--with-value`'s function values) is a vector in Python and Julia.
    case matrices([(name: String, matrix: Matrix)])

    /// The expressions computed: a matrix's nonzeros row by row (CSC's too: ``CodeSchedule``);
    /// zeros are leaves, which are never shared or written.
    var roots: [Expr] {
      switch self {
      case .scalar(let e): return [e]
      case .list(let es): return es
      case .matrix(let m): return m.values
      case .matrices(let ms): return ms.flatMap(\.matrix.values)
      }
    }
  }

  /// The unit for `shape`, a function `name` of `variables` then every other free symbol
  /// (sorted), with `summary` as its leading comment: the prologue (parameters, loads,
  /// definitions, temporaries: ``prologue(roots:variables:)``), the statements that write the
  /// result (``results(_:into:)``, or ``sparseAssignments(_:_:)`` for CSC), the function around
  /// them (``wrap(_:shape:name:parameters:result:outputs:allocations:summary:)``; Python binds
  /// the `math` functions it calls often first: ``withMathAliases(_:used:)``), its imports
  /// (``imports(_:sparse:)``) and the helpers its calls need (``helpers(roots:)``).
  public func unit(_ shape: Shape, name: String, variables: [String], summary: String) -> CodeUnit {
    let roots = shape.roots
    var body = prologue(roots: roots, variables: variables)
    let name = language.identifier(name)
    if case .matrix(let m) = shape, layout == .csc {
      let pattern = SparsePattern(m)
      let assignments = sparseAssignments(pattern) { [printer = body.printer] in printer.code($0) }
      let statements =
        unwritten(shape, outputs: []) + withMathAliases(body.statements(body.lines + assignments), used: &body.used)
      let function = sparseUnit(
        statements, pattern, rows: m.rows, columns: m.columns, name: name, parameters: body.parameters,
        summary: summary)
      return CodeUnit(
        language: language, imports: imports(shape, sparse: true), helpers: helpers(roots: roots), function: function)
    }
    let (outputs, allocations) = results(shape, into: &body)
    let statements = unwritten(shape, outputs: outputs) + withMathAliases(body.statements(body.lines), used: &body.used)
    let function = wrap(
      statements, shape: shape, name: name, parameters: body.parameters, result: resultName, outputs: outputs,
      allocations: allocations, summary: summary)
    return CodeUnit(
      language: language, imports: imports(shape, sparse: false), helpers: helpers(roots: roots), function: function)
  }

  /// The result's name: `out` in C, Swift and Python (`nzval` for CSC), `J` in Julia and MATLAB.
  var resultName: String { language == .c || language == .swift || language == .python ? "out" : "J" }
}
