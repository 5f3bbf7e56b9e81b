/// What a person asks jac: a command, its input, and options.
public struct Request: Sendable {
  public enum Command: String, Sendable, CaseIterable {
    case jacobian, det, grad, hessian, diff, simplify, inverse, newton, sparsity, logdet, linearize, taylor, implicit
    case critical

    /// Whether each input is a list of equations `lhs = rhs`, each read as lhs − rhs = 0 (the
    /// grammar's `equations` rule): implicit and newton, whose rows are equations, never named
    /// components (`x = cos(x)` is x − cos(x) = 0).
    public var readsEquations: Bool { self == .implicit || self == .newton }
  }
  /// Newton's method settings (`jac newton`).
  public struct NewtonSettings: Sendable, Equatable {
    /// The starting point, as typed: one value (an expression) per variable.
    public var from: String
    public var tolerance: Double
    public var maxIterations: Int
    public static let defaultTolerance = 1e-12
    public static let defaultMaxIterations = 50
    public init(from: String, tolerance: Double = defaultTolerance, maxIterations: Int = defaultMaxIterations) {
      self.from = from
      self.tolerance = tolerance
      self.maxIterations = maxIterations
    }
  }
  /// `jac linearize`: x' = f(x, u), y = h(x, u).
  public struct Linearization: Sendable, Equatable {
    /// `--state`: the names of x, one per function.
    public var state: [String]
    /// `--input`: the names of u (none for an autonomous system).
    public var input: [String]
    /// `--output`: h as typed, a comma-separated list of functions; nil without outputs.
    public var output: String?
    public init(state: [String], input: [String] = [], output: String? = nil) {
      self.state = state
      self.input = input
      self.output = output
    }
  }
  /// A `name=value` pair of `--at`; the value is an expression, as typed.
  public struct Binding: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  public var command: Command
  /// The component functions, as typed (each may itself be a comma-separated list).
  public var inputs: [String]
  /// Variables in order; nil: the free variables in natural order (x2 before x10).
  public var variables: [String]?
  /// `--funcs`: names of undefined functions beyond the conventional `f`, `g`, `h`, `F`, `G`, `H`.
  public var functions: [String] = []
  /// `--vector`, `--matrix`, `--symmetric`: declared names; any of them sends the request to the
  /// matrix-calculus layer (`Sources/JacCore/MatrixCalculus`).
  public var vectors: [String] = []
  public var matrices: [String] = []
  public var symmetric: [String] = []
  /// `--expand n=3,m=2`: write the matrix answer out at these sizes, as typed.
  public var expand: String?
  /// Whether any vector or matrix is declared.
  public var isMatrixCalculus: Bool { !vectors.isEmpty || !matrices.isEmpty || !symmetric.isEmpty }
  /// `--where`: definitions `name = expression`, separated by `;`, one text per `--where`, in order.
  public var definitions: [String] = []
  /// `--inline`: print answers expanded, without the definitions' names.
  public var inline = false
  /// For `diff`: differentiate along these variables, left to right.
  public var along: [String]?
  public var simplify: Bool
  /// `--assume`: relations such as `R > r > 0, 0 < p < pi`, as typed (``Assumptions``).
  public var assumptions: String?
  /// `--at`: substitute these values into the result.
  public var at: [Binding]?
  /// With `--at`: certify the decimal digits of each constant entry (``Answer/decimals``);
  /// false for `--exact`, which only needs each value decided real.
  public var decimals = true
  /// `--jvp v`: answer J·v (a column). The vector as typed, comma-separated.
  public var jvp: String?
  /// `--vjp u`: answer uᵀ·J (a row).
  public var vjp: String?
  /// `--check`: compare every entry with finite differences.
  public var check = false
  public var newton: NewtonSettings?
  /// `--dep`: the dependent variables of `jac implicit`, one per equation.
  public var dependent: [String]?
  /// `--classify`: the second-derivative test at the `--at` point (hessian).
  public var classify = false
  /// `--with-value`: generated code computes the functions' values beside the Jacobian.
  public var withValue = false
  /// `--order k`: the order of `jac taylor`'s polynomial (nil: 2), of `implicit`'s derivative (nil: 1),
  /// or how often `diff` differentiates along its one variable (nil: once).
  public var order: Int?
  /// `jac linearize`: `--state`, `--input`, `--output`.
  public var linearization: Linearization?
  /// For `det`: also give |det J|, the change-of-variables factor.
  public var volumeElement = false
  /// `--steps`: explain each entry's derivation (jacobian, grad, diff).
  public var steps = false
  /// `--entry i,j` (1-based): explain only this entry.
  public var entry: (row: Int, column: Int)?

  /// The options this request gives, for ``Inapplicable/check(_:for:)``.
  public var givenOptions: Options {
    var given = Options()
    func add(_ isGiven: Bool, _ option: Option) { if isGiven { given.insert(option) } }
    add(variables != nil, .vars)
    add(along != nil, .wrt)
    add(!simplify, .noSimplify)
    add(at != nil, .at)
    add(jvp != nil, .jvp)
    add(vjp != nil, .vjp)
    add(check, .check)
    add(newton != nil, .from)
    add(volumeElement, .volumeElement)
    add(steps, .steps)
    add(entry != nil, .entry)
    add(assumptions != nil, .assume)
    add(linearization != nil, .state)
    add(!(linearization?.input.isEmpty ?? true), .input)
    add(linearization?.output != nil, .output)
    add(order != nil, .order)
    add(dependent != nil, .dep)
    add(classify, .classify)
    add(withValue, .withValue)
    add(!vectors.isEmpty, .vector)
    add(!matrices.isEmpty, .matrix)
    add(!symmetric.isEmpty, .symmetric)
    add(expand != nil, .expand)
    return given
  }

  /// Whether the options fit the command: the scanner's check (``Inapplicable``), for callers
  /// that build a request themselves.
  public func validate() throws(JacError) {
    if let problem = Inapplicable.check(givenOptions, for: command) { throw .notApplicable(problem) }
  }

  public init(
    command: Command, inputs: [String], variables: [String]? = nil, along: [String]? = nil, simplify: Bool = true
  ) {
    self.command = command
    self.inputs = inputs
    self.variables = variables
    self.along = along
    self.simplify = simplify
  }
}
