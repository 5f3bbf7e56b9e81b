import Testing

@testable import JacCore

/// The numeric special functions against reference values computed once with mpmath (30
/// digits, `mpmath.digamma`, `polygamma`, `beta`, `loggamma`, and 1/(1 + e^(−x)), log(1 + e^x)),
/// written here as literals; and the exact values the constructors fold.
@Suite struct SpecialFunctionTests {
  static let references: [(String, Double, Double?, Double)] = [
    ("digamma", 0.1, nil, -10.423754940411076232),
    ("digamma", 1.4616321449683622, nil, -9.2412655217294274792e-17),
    ("digamma", 2.5, nil, 0.70315664064524318723),
    ("digamma", 7.3, nil, 1.9178203356379860723),
    ("digamma", 25.0, nil, 3.1987425128519740085),
    ("digamma", -0.5, nil, 0.036489973978576520559),
    ("digamma", -3.7, nil, -0.84507685887041935462),
    ("polygamma", 1, 0.3, 12.245364546107731301),
    ("polygamma", 1, 5.5, 0.19934238698962765913),
    ("polygamma", 2, 1.7, -0.60408908410345902771),
    ("polygamma", 3, -2.4, 283.52473518224107721),
    ("polygamma", 5, 12.0, 0.00011820829051081491729),
    ("polygamma", 10, 0.8, -42250483.714429342301),
    ("beta", 0.5, 0.5, 3.1415926535897932385),
    ("beta", 2.5, 3.5, 0.036815538909255389513),
    ("beta", 200.0, 1.5, 0.00031274256924533206985),
    ("beta", -0.5, 2.25, -4.3700959238201996841),
    ("sigmoid", -40.0, nil, 4.2483542552915889773e-18),
    ("sigmoid", -3.0, nil, 0.047425873177566780879),
    ("sigmoid", 0.0, nil, 0.5),
    ("sigmoid", 2.0, nil, 0.88079707797788244406),
    ("sigmoid", 40.0, nil, 0.99999999999999999575),
    ("sigmoid", 800.0, nil, 1.0),
    ("softplus", -40.0, nil, 4.2483542552915611285e-18),
    ("softplus", -3.0, nil, 0.048587351573742058759),
    ("softplus", 0.0, nil, 0.69314718055994530942),
    ("softplus", 2.0, nil, 2.1269280110429724964),
    ("softplus", 40.0, nil, 40.000000000000000004),
    ("softplus", 800.0, nil, 800.0),
    ("loggamma", 0.5, nil, 0.57236494292470008707),
    ("loggamma", 3.2, nil, 0.88540482715490912338),
    // Γ(−1.5) > 0: the real logarithm (mpmath's log-gamma branch adds −2πi here).
    ("loggamma", -1.5, nil, 0.86004701537648101451),
  ]

  @Test(arguments: references.indices)
  func agreesWithMpmath(_ k: Int) {
    let (name, a, b, expected) = Self.references[k]
    let got: Double
    switch name {
    case "digamma": got = SpecialFunctions.digamma(a)
    case "polygamma": got = SpecialFunctions.polygamma(a, b!)
    case "beta": got = SpecialFunctions.beta(a, b!)
    case "sigmoid": got = SpecialFunctions.sigmoid(a)
    case "softplus": got = SpecialFunctions.softplus(a)
    default: got = SpecialFunctions.loggamma(a)
    }
    #expect(
      abs(got - expected) <= 4e-15 * max(1, abs(expected)),
      "\(name)(\(a), \(String(describing: b))) = \(got), mpmath \(expected)")
  }

  /// Near ψ's positive zero x₀ ≈ 1.4616 the value keeps its relative precision (mpmath, 50
  /// digits): the recurrence and series summed terms of size 1 to it, so ψ(x₀ + 10⁻¹²) was
  /// 1.8e-4 off and ψ at the double nearest x₀ (−9.24e-17) came out −2.42e-17.
  @Test(arguments: [
    (1.4616321449683622, -9.2412655217294275168e-17), (1.4616321449693621, 9.6745099301665950831e-13),
    (1.46163214496, -8.0919610908162137446e-12), (1.34, -0.12475462789700386053), (1.586, 0.11395994408856486463),
  ])
  func digammaNearItsZero(_ x: Double, _ expected: Double) {
    let got = SpecialFunctions.digamma(x)
    #expect(abs(got - expected) <= 1e-15 * abs(expected), "digamma(\(x)) = \(got), mpmath \(expected)")
  }

  /// B(a, b) past Γ's range with one argument small (mpmath, 50 digits): through
  /// exp(log Γ(a) + log Γ(b) − log Γ(a + b)) it kept a·log a·2⁻⁵³ absolute in the exponent
  /// (B(10⁷, 1/2) was 8e-9 off, relatively; B(0.6048…, 9.88e7) 4e-7).
  @Test(arguments: [
    (1e7, 0.5, 0.00056049912864603193422), (0.6048183506752208, 98803316.50312534, 0.000021595368483743104398),
    (100000.0, 0.3333333333333333, 0.057716045245314727283), (1e6, 3.0, 1.99999400001399997e-18),
    (250.0, 2.5, 1.3351732505273887525e-6),
  ])
  func betaPastGammasRange(_ a: Double, _ b: Double, _ expected: Double) {
    let got = SpecialFunctions.beta(a, b)
    #expect(abs(got - expected) <= 1e-14 * abs(expected), "beta(\(a), \(b)) = \(got), mpmath \(expected)")
  }

  /// Outside the real domain and at poles: NaN.
  @Test func polesAndDomains() {
    #expect(SpecialFunctions.gamma(-2).isNaN && SpecialFunctions.gamma(0).isNaN)
    #expect(SpecialFunctions.loggamma(-0.5).isNaN)  // Γ(−0.5) < 0
    #expect(SpecialFunctions.digamma(-3).isNaN && SpecialFunctions.polygamma(1, 0).isNaN)
    #expect(SpecialFunctions.polygamma(1.5, 2).isNaN && SpecialFunctions.polygamma(-1, 2).isNaN)
    #expect(SpecialFunctions.beta(-1, 2).isNaN && SpecialFunctions.beta(0.5, -0.5) == 0)
  }

  /// polygamma's order is a whole number: a derivative along a variable it depends on is an error
  /// that says so (it was "the result is undefined (division by zero)"), from every command that
  /// differentiates; along x alone it raises the order; a real division by zero keeps its message.
  @Test func derivativeAlongTheOrder() throws {
    let engine = Engine()
    for command in [Request.Command.jacobian, .sparsity, .taylor] {
      var request = Request(command: command, inputs: ["x*polygamma(n^2, x)"], variables: ["n", "x"])
      if command == .taylor { request.at = [Request.Binding(name: "n", value: "1"), .init(name: "x", value: "1")] }
      #expect(throws: JacError.orderDerivative(variable: "n")) { try engine.run(request) }
    }
    #expect(throws: JacError.orderDerivative(variable: "n")) {
      try engine.run(Request(command: .diff, inputs: ["polygamma(n, x)"], along: ["n"]))
    }
    let along = try engine.run(Request(command: .diff, inputs: ["polygamma(n, x)"], along: ["x"]))
    #expect(along.value.entries.map(TextPrinter(pool: engine.pool).string) == ["polygamma(n + 1, x)"])
    let zeroBelow = Request(command: .jacobian, inputs: ["polygamma(n, x)/(sin(x)^2 + cos(x)^2 - 1)"], variables: ["x"])
    #expect(throws: JacError.undefinedResult) { try engine.run(zeroBelow) }
  }

  /// Exact values (the examples and the tables in `ExpressionPool+SpecialValues.swift`).
  @Test(arguments: [
    ("atan2(1, 1)", "pi/4"), ("atan2(-1, -1)", "-3*pi/4"), ("atan2(0, -2)", "pi"), ("log(8, 2)", "3"),
    ("log(2, 8)", "1/3"), ("log10(1/1000)", "-3"), ("log2(x)", "log(x)/log(2)"), ("gamma(5)", "24"),
    ("gamma(1/2)", "sqrt(pi)"), ("gamma(-1/2)", "-2*sqrt(pi)"), ("erf(0)", "0"), ("erfc(0)", "1"),
    ("sigmoid(0)", "1/2"), ("softplus(0)", "log(2)"), ("loggamma(4)", "log(6)"), ("beta(2, 3)", "1/12"),
    ("floor(-7/2)", "-4"), ("ceil(-7/2)", "-3"), ("sign(-3)", "-1"), ("heaviside(0)", "0"), ("relu(-2)", "0"),
    ("max(1, x, 3, x)", "max(3, x)"), ("min(max(x, y), 2, -1)", "min(-1, max(x, y))"), ("acot(0)", "pi/2"),
    ("asec(-1)", "pi"), ("acsc(1)", "pi/2"), ("polygamma(0, x)", "digamma(x)"), ("cbrt(27)", "3"),
    ("root(x, 5)", "x^(1/5)"), ("hypot(3, 4)", "5"), ("arcsin(x) + arctanh(x)", "asin(x) + atanh(x)"),
    ("exp(loggamma(x))", "gamma(x)"), ("coth(acoth(x))", "x"), ("relu(x^2)", "x^2"), ("floor(ceil(x))", "ceil(x)"),
    ("sech(-x) + erf(-x)", "sech(x) - erf(x)"),
    // exp(c·log u) = u^c for rational c (SymPy evaluates exp(2*log(x)) to x**2 on construction).
    ("exp(2*log(x))", "x^2"), ("exp(-log(x))", "1/x"), ("exp(log(x)/2)", "sqrt(x)"),
    ("exp(-3*log(x + 1)/2)", "1/(x + 1)^(3/2)"), ("exp(y*log(x))", "exp(y*log(x))"),
    // C's and NumPy's names, read as the forms they stand for.
    ("log1p(x)", "log(x + 1)"), ("expm1(x)", "exp(x) - 1"), ("pow(x, y)", "x^y"), ("cosec(x)", "csc(x)"),
    ("arccosec(x)", "acsc(x)"), ("ceiling(x/2)", "ceil(x/2)"),
    // SymPy's printed names (`Abs(x)`), so that its output pastes in.
    ("Abs(x - 1)", "abs(x - 1)"), ("Heaviside(x)*x", "x*heaviside(x)"), ("LambertW(x)", "lambertw(x)"),
    // W₀(c·e^c) = c for c ≥ −1 only: −2·e^(−2) is W₋₁'s value; e^(−1/3)/3 is no c·e^c.
    ("lambertw(0)", "0"), ("lambertw(exp(1))", "1"), ("lambertw(-exp(-1))", "-1"), ("lambertw(2*exp(2))", "2"),
    ("lambertw(exp(1/3)/3)", "1/3"), ("lambertw(-exp(-1/2)/2)", "-1/2"),
    ("lambertw(-2*exp(-2))", "lambertw(-2*exp(-2))"),
    ("lambertw(exp(-1/3)/3)", "lambertw(exp(-1/3)/3)"), ("productlog(x)", "lambertw(x)"),
    // W₀(u·e^u) = u for u that cannot be negative, without --assume; x may be below −1.
    ("lambertw(x^2*exp(x^2))", "x^2"), ("lambertw(exp(y)*exp(exp(y)))", "exp(y)"),
    ("lambertw(x*exp(x))", "lambertw(x*exp(x))"),
  ])
  func exactValues(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected)
  }
}
