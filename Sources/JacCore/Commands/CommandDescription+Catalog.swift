/// The commands of jac, in the order `--help` lists them. Each engine step is a method of
/// ``Engine`` (Engine+Commands.swift).
extension CommandDescription {
  public static let all: [CommandDescription] = [
    jacobian, det, grad, hessian, diff, simplify, inverse, newton, sparsity, logdet, linearize, taylor, implicit,
    critical,
  ]

  static let jacobian = CommandDescription(
    command: .jacobian, aliases: [], summary: "Jacobian matrix",
    overview: "The Jacobian matrix J[i][j] = dfi/dxj (m×n; a single function gives a 1×n row).",
    synopsis: "jac [jacobian] <functions>... [--vars <names>] [--at <point>] [--jvp <v> | --vjp <u>] [--check]",
    options: [.at, .jvp, .vjp, .check, .steps, .assume, .vector, .matrix, .symmetric, .expand, .withValue],
    refusals: [:], required: nil,
    shape: .jacobian, latexSide: .jacobian, code: ("jacobian", "Jacobian"),
    compute: { engine, c throws(JacError) in try engine.jacobianValue(c) })

  static let det = CommandDescription(
    command: .det, aliases: ["determinant"], summary: "Jacobian determinant",
    overview: "The Jacobian determinant of a square system; with m > n functions, the Gram determinant sqrt(det(JᵀJ)).",
    synopsis: "jac det <functions>... [--vars <names>] [--at <point>] [--volume-element]",
    options: [.at, .volumeElement, .steps, .assume], refusals: [:], required: nil,
    shape: .scalar, latexSide: .determinant, code: ("jacobian_det", "Jacobian determinant"),
    compute: { engine, c throws(JacError) in try engine.determinantValue(c) })

  static let grad = CommandDescription(
    command: .grad, aliases: ["gradient"], summary: "gradient (column)",
    overview: "The gradient of one function, as an n×1 column.",
    synopsis: "jac grad <function> [--vars <names>] [--at <point>] [--check]",
    options: [.at, .check, .steps, .assume, .vector, .matrix, .symmetric, .expand], refusals: [:], required: nil,
    shape: .gradient, latexSide: .gradient, code: ("gradient", "gradient"),
    compute: { engine, c throws(JacError) in try engine.gradientValue(c) })

  static let hessian = CommandDescription(
    command: .hessian, aliases: [], summary: "Hessian matrix",
    overview: "The Hessian matrix H[i][j] = d²f/dxi dxj (symmetric).",
    synopsis: "jac hessian <function> [--vars <names>] [--at <point> [--classify]] [--check]",
    options: [.at, .check, .classify, .steps, .assume, .vector, .matrix, .symmetric, .expand], refusals: [:],
    required: nil,
    shape: .hessian, latexSide: .hessian, code: ("hessian", "Hessian"),
    compute: { engine, c throws(JacError) in try engine.hessianValue(c) })

  static let diff = CommandDescription(
    command: .diff, aliases: [], summary: "partial derivative along --wrt",
    overview:
      "The (mixed) partial derivative along --wrt, left to right: --wrt x,x,y is d³f/dx²dy; --wrt x --order 3 is d³f/dx³.",
    synopsis: "jac diff <functions>... [--wrt <names>] [--order <k>] [--at <point>] [--check]",
    options: [.wrt, .order, .at, .check, .steps, .assume], refusals: [:], required: nil,
    shape: .perFunction, latexSide: .partial, code: ("derivative", "derivative"),
    compute: { engine, c throws(JacError) in try engine.derivativeValue(c) })

  static let simplify = CommandDescription(
    command: .simplify, aliases: [], summary: "simplify expressions",
    overview: "Parse, simplify and print expressions.",
    synopsis: "jac simplify <expressions>... [--at <point>]",
    options: [.at, .assume, .vector, .matrix, .symmetric, .expand], refusals: [:], required: nil,
    shape: .perFunction, latexSide: .name, code: ("expression", "value"),
    compute: { engine, c throws(JacError) in try engine.simplifiedValue(c) })

  static let inverse = CommandDescription(
    command: .inverse, aliases: [], summary: "inverse Jacobian",
    overview: "The inverse Jacobian adj(J)/det(J), simplified.",
    synopsis: "jac inverse <functions>... [--vars <names>] [--at <point>] [--steps]",
    options: [.at, .steps, .assume], refusals: [:], required: nil,
    shape: .matrix, latexSide: .inverse, code: ("jacobian_inverse", "inverse Jacobian"),
    compute: { engine, c throws(JacError) in try engine.inverseValue(c) })

  static let newton = CommandDescription(
    command: .newton, aliases: [], summary: "solve F(x) = 0 by Newton's method",
    overview: "Solve F(x) = 0 by Newton's method with the symbolic Jacobian.",
    synopsis: "jac newton <equations>... --vars <names> --from <start> [--tol <t>] [--max-iter <n>]",
    options: [.from, .tol, .maxIter], refusals: [.at: "the start is '--from'"],
    required: (.from, "a starting point: '--from 1,1'"),
    shape: .iterates, latexSide: .none, code: nil,
    compute: { engine, c throws(JacError) in try engine.newtonValue(c) })

  static let sparsity = CommandDescription(
    command: .sparsity, aliases: [], summary: "pattern of the Jacobian's nonzeros",
    overview: "The Jacobian's pattern of structural nonzeros (* and .) and their count.",
    synopsis: "jac sparsity <functions>... [--vars <names>]",
    options: [], refusals: [.at: "it is the symbolic pattern"], required: nil,
    shape: .pattern, latexSide: .none, code: nil,
    compute: { engine, c throws(JacError) in try engine.jacobianValue(c) })

  static let logdet = CommandDescription(
    command: .logdet, aliases: [], summary: "log of the Jacobian determinant",
    overview: "log|det J| (normalizing flows); with m > n functions, log(det(JᵀJ))/2.",
    synopsis: "jac logdet <functions>... [--vars <names>] [--at <point>]",
    options: [.at, .steps, .assume], refusals: [:], required: nil,
    shape: .scalar, latexSide: .logDeterminant, code: ("jacobian_logdet", "log-determinant"),
    compute: { engine, c throws(JacError) in try engine.logDeterminantValue(c) })

  static let linearize = CommandDescription(
    command: .linearize, aliases: [], summary: "state-space matrices A, B (C, D) of x' = f(x, u)",
    overview: "Linearize x' = f(x, u), y = h(x, u): A = df/dx, B = df/du, C = dh/dx, D = dh/du.",
    synopsis:
      "jac linearize <functions>... --state <names> [--input <names>] [--output <functions>] [--at <point>]",
    options: [.state, .input, .output, .at, .steps, .assume],
    refusals: [.vars: "name the variables with '--state' and '--input'"],
    required: (.state, "the state variables: '--state x,v'"),
    shape: .labelled, latexSide: .none, code: ("linearization", "state-space matrices"),
    compute: { engine, c throws(JacError) in try engine.linearizationValue(c) })

  static let taylor = CommandDescription(
    command: .taylor, aliases: [], summary: "Taylor polynomial about a point",
    overview: "The Taylor polynomial of order k (default 2) about the --at point, in powers of (x - x0).",
    synopsis: "jac taylor <functions>... --at <point> [--order <k>] [--vars <names>]",
    options: [.at, .order, .steps, .assume], refusals: [:],
    required: (.at, "the point to expand about: '--at x=0,y=0'"),
    shape: .perFunction, latexSide: .none, code: nil,
    compute: { engine, c throws(JacError) in try engine.taylorValue(c) })

  static let implicit = CommandDescription(
    command: .implicit, aliases: [], summary: "implicit derivatives of F(x, y) = 0",
    overview:
      "dy/dx of F(x, y) = 0, -F_y^-1 F_x (--order k: d^k y/dx^k); for a system d(u, v)/d(x, y) = -F_(u,v)^-1 F_(x,y).",
    synopsis: "jac implicit <equations>... --dep <names> [--wrt <names>] [--order <k>] [--at <point>]",
    options: [.dep, .wrt, .order, .at, .steps, .assume],
    refusals: [.vars: "name the variables with '--dep' and '--wrt'"],
    required: (.dep, "the dependent variables: '--dep y'"),
    shape: .jacobian, latexSide: .implicitDerivative, code: ("implicit_derivative", "implicit derivative"),
    compute: { engine, c throws(JacError) in try engine.implicitValue(c) })

  static let critical = CommandDescription(
    command: .critical, aliases: [], summary: "critical point of f by Newton's method, classified",
    overview: "A critical point of f (grad f = 0) by Newton's method with the Hessian, then the 2nd-derivative test.",
    synopsis: "jac critical <function> --vars <names> --from <start> [--tol <t>] [--max-iter <n>]",
    options: [.from, .tol, .maxIter, .steps], refusals: [.at: "the start is '--from'"],
    required: (.from, "a starting point: '--from 1,1'"),
    shape: .iterates, latexSide: .none, code: nil,
    compute: { engine, c throws(JacError) in try engine.criticalPointValue(c) })
}

extension Request.Command {
  /// This command's description. A new command does not compile until it has one.
  public var description: CommandDescription {
    switch self {
    case .jacobian: return .jacobian
    case .det: return .det
    case .grad: return .grad
    case .hessian: return .hessian
    case .diff: return .diff
    case .simplify: return .simplify
    case .inverse: return .inverse
    case .newton: return .newton
    case .sparsity: return .sparsity
    case .logdet: return .logdet
    case .linearize: return .linearize
    case .taylor: return .taylor
    case .implicit: return .implicit
    case .critical: return .critical
    }
  }
}
