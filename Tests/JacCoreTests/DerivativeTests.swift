import Testing

@testable import JacCore

@Suite struct DerivativeTests {
  /// One row per differentiation rule and per entry of the elementary-function table:
  /// d/dx of the input equals the expectation (both simplified, compared as expressions).
  static let rules: [(rule: String, input: String, expected: String)] = [
    ("constant", "7 + pi + y", "0"),
    ("variable", "x", "1"),
    ("sum", "x^2 + x", "2*x + 1"),
    ("product", "x*sin(x)", "sin(x) + x*cos(x)"),
    ("quotient", "x/(x^2 + 1)", "(1 - x^2)/(x^2 + 1)^2"),
    ("chain", "sin(x^2)", "2*x*cos(x^2)"),
    ("power-constant-exponent", "x^n", "n*x^(n - 1)"),
    ("power-constant-base", "2^x", "2^x*log(2)"),
    ("power-general", "x^x", "x^x*(log(x) + 1)"),
    ("sin", "sin(x)", "cos(x)"),
    ("cos", "cos(x)", "-sin(x)"),
    ("tan", "tan(x)", "1 + tan(x)^2"),
    ("cot", "cot(x)", "-(1 + cot(x)^2)"),
    ("sec", "sec(x)", "sec(x)*tan(x)"),
    ("csc", "csc(x)", "-csc(x)*cot(x)"),
    ("asin", "asin(x)", "1/sqrt(1 - x^2)"),
    ("acos", "acos(x)", "-1/sqrt(1 - x^2)"),
    ("atan", "atan(x)", "1/(1 + x^2)"),
    ("sinh", "sinh(x)", "cosh(x)"),
    ("cosh", "cosh(x)", "sinh(x)"),
    ("tanh", "tanh(x)", "1 - tanh(x)^2"),
    ("asinh", "asinh(x)", "1/sqrt(x^2 + 1)"),
    ("acosh", "acosh(x)", "1/sqrt(x^2 - 1)"),
    ("atanh", "atanh(x)", "1/(1 - x^2)"),
    ("exp", "exp(x)", "exp(x)"),
    ("log", "log(x)", "1/x"),
    ("abs", "abs(x)", "x/abs(x)"),
    ("sqrt", "sqrt(x)", "1/(2*sqrt(x))"),
    ("sech", "sech(x)", "-sech(x)*tanh(x)"),
    ("csch", "csch(x)", "-csch(x)*coth(x)"),
    ("coth", "coth(x)", "1 - coth(x)^2"),
    ("acot", "acot(x)", "-1/(x^2 + 1)"),
    ("asec", "asec(x)", "1/(abs(x)*sqrt(x^2 - 1))"),
    ("acsc", "acsc(x)", "-1/(abs(x)*sqrt(x^2 - 1))"),
    ("asech", "asech(x)", "-1/(x*sqrt(1 - x^2))"),
    ("acsch", "acsch(x)", "-1/(abs(x)*sqrt(x^2 + 1))"),
    ("acoth", "acoth(x)", "1/(1 - x^2)"),
    ("sign", "sign(x)", "0"),
    ("heaviside", "heaviside(x)", "0"),
    ("floor", "floor(x)", "0"),
    ("ceil", "ceil(x)", "0"),
    ("relu", "relu(x)", "heaviside(x)"),
    ("sigmoid", "sigmoid(x)", "sigmoid(x)*(1 - sigmoid(x))"),
    ("softplus", "softplus(x)", "sigmoid(x)"),
    ("erf", "erf(x)", "2*exp(-x^2)/sqrt(pi)"),
    ("erfc", "erfc(x)", "-2*exp(-x^2)/sqrt(pi)"),
    ("gamma", "gamma(x)", "gamma(x)*digamma(x)"),
    ("loggamma", "loggamma(x)", "digamma(x)"),
    ("digamma", "digamma(x)", "polygamma(1, x)"),
    ("lambertw", "lambertw(x)", "exp(-lambertw(x))/(1 + lambertw(x))"),
    // SymPy 1.14's diff, in jac's syntax; Si' = sin(x)/x is written sinc(x) (defined at 0).
    ("erfi", "erfi(x)", "2*exp(x^2)/sqrt(pi)"),
    ("Ei", "Ei(x)", "exp(x)/x"),
    ("Si", "Si(x)", "sinc(x)"),
    ("Ci", "Ci(x)", "cos(x)/x"),
    ("Shi", "Shi(x)", "sinh(x)/x"),
    ("Chi", "Chi(x)", "cosh(x)/x"),
    ("li", "li(x)", "1/log(x)"),
    ("fresnels", "fresnels(x)", "sin(pi*x^2/2)"),
    ("fresnelc", "fresnelc(x)", "cos(pi*x^2/2)"),
    ("sinc", "sinc(x)", "cos(x)/x - sin(x)/x^2"),
    ("Si-chain", "Si(x^2)", "2*x*sinc(x^2)"),
    ("max", "max(x, y)", "(sign(x - y) + 1)/2"),
    ("min", "min(x, 2)", "(1 - sign(x - 2))/2"),
    ("polygamma", "polygamma(2, x)", "polygamma(3, x)"),
    ("beta", "beta(x, y)", "beta(x, y)*(digamma(x) - digamma(x + y))"),
    ("atan2", "atan2(y, x)", "-y/(x^2 + y^2)"),
    ("log-base", "log(x, 2)", "1/(x*log(2))"),
    ("cbrt", "cbrt(x)", "1/(3*x^(2/3))"),
    ("hypot", "hypot(x, y)", "x/sqrt(x^2 + y^2)"),
  ]

  @Test(arguments: rules.map(\.rule))
  func rule(_ name: String) {
    let row = Self.rules.first { $0.rule == name }!
    let f = Fixture()
    let got = f.engine.simplifier.simplify(f.d(f.parse(row.input), "x"))
    #expect(got == f.simplify(row.expected), "d/dx \(row.input) = \(f.text(got)), expected \(row.expected)")
  }

  /// Every function and operator has a row in the rule table.
  @Test func everyFunctionHasARow() {
    for function in Function.allCases {
      #expect(Self.rules.contains { $0.rule == function.name }, "no derivative row for \(function.name)")
    }
    for op in Parser.operators {
      #expect(Self.rules.contains { $0.rule == op.name }, "no derivative row for \(op.name)")
    }
  }

  /// Each table entry against a central finite difference at points inside its domain: an
  /// independent check of the table (d/dx asin x is 1/sqrt(1 - x^2), not 1/sqrt(1 + x^2)).
  @Test(arguments: Function.allCases)
  func tableAgreesWithFiniteDifferences(_ function: Function) {
    let f = Fixture()
    let x = f.pool.symbol("x")
    let e = f.pool.call(function, x)
    let derivative = f.d(e, "x")
    let points: [Double]
    switch function {
    case .asin, .acos, .atanh: points = [-0.7, -0.2, 0.3, 0.8]
    case .acosh: points = [1.3, 2.0, 5.5]
    case .log: points = [0.2, 1.0, 3.7]
    case .asec, .acsc, .acoth: points = [-2.5, -1.3, 1.3, 2.5]
    case .asech: points = [0.2, 0.5, 0.9]
    case .gamma, .loggamma: points = [0.35, 1.1, 2.5, 4.0, -1.3]
    case .lambertw: points = [-0.35, -0.2, 0, 0.35, 1.1, 30]
    case .ci, .chi: points = [0.35, 1.1, 2.5, 7.0]
    case .li: points = [0.3, 0.8, 2.0, 9.0]
    case .erfi, .ei, .si, .shi, .fresnels, .fresnelc, .sinc: points = [-3.1, -1.3, -0.4, 0.35, 1.1, 2.5, 7.0]
    default: points = [-1.3, -0.4, 0.35, 1.1]
    }
    for p in points {
      let h = 1e-5
      let numeric = (f.pool.evaluate(e, ["x": p + h]) - f.pool.evaluate(e, ["x": p - h])) / (2 * h)
      let symbolic = f.pool.evaluate(derivative, ["x": p])
      #expect(isClose(numeric, symbolic, relative: 1e-6), "\(function.name)' at \(p): \(symbolic) vs \(numeric)")
    }
  }

  /// Random expressions (seed 2024): the simplified derivative matches a central finite
  /// difference wherever both are finite.
  @Test func randomExpressionsAgreeWithFiniteDifferences() {
    let seed: UInt64 = 2024
    var rng = SeededGenerator(seed: seed)
    let f = Fixture()
    var checked = 0
    for _ in 0..<300 {
      let e = RandomExpression.make(f.pool, depth: 4, using: &rng)
      let d = f.engine.simplifier.simplify(f.d(e, "x"))
      for _ in 0..<3 {
        let point = [
          "x": Double.random(in: -2...2, using: &rng), "y": Double.random(in: -2...2, using: &rng),
          "z": Double.random(in: -2...2, using: &rng),
        ]
        let h = 1e-6
        var plus = point
        var minus = point
        plus["x"]! += h
        minus["x"]! -= h
        let numeric = (f.pool.evaluate(e, plus) - f.pool.evaluate(e, minus)) / (2 * h)
        let symbolic = f.pool.evaluate(d, point)
        guard numeric.isFinite, symbolic.isFinite, abs(numeric) < 1e6 else { continue }
        checked += 1
        #expect(
          isClose(numeric, symbolic, relative: 1e-4, absolute: 1e-5),
          "seed \(seed): d/dx \(f.text(e)) = \(f.text(d)); at \(point): \(symbolic) vs \(numeric)")
      }
    }
    #expect(checked > 300)
  }

  /// A shared subexpression is differentiated once: 2000 nested squarings stay linear.
  @Test func sharedSubexpressionsStayLinear() {
    let f = Fixture()
    var e = f.pool.symbol("x")
    for _ in 0..<2000 { e = f.pool.add(f.pool.multiply(e, e), f.pool.one) }
    let before = f.pool.count
    _ = f.d(e, "x")
    #expect(f.pool.count - before < 20 * 2000)
  }
}

/// Random expressions over x, y, z for property tests: sums, products, quotients, powers with
/// integer, fractional and symbolic exponents, and every function.
enum RandomExpression {
  static func make(_ pool: ExpressionPool, depth: Int, using rng: inout SeededGenerator) -> Expr {
    let variables = ["x", "y", "z"].map(pool.symbol)
    if depth == 0 || Int.random(in: 0..<5, using: &rng) == 0 {
      return Bool.random(using: &rng)
        ? variables.randomElement(using: &rng)!
        : pool.number(Rational(BigInt(Int.random(in: -4...5, using: &rng)), BigInt(Int.random(in: 1...3, using: &rng))))
    }
    let a = make(pool, depth: depth - 1, using: &rng)
    let b = make(pool, depth: depth - 1, using: &rng)
    switch Int.random(in: 0..<7, using: &rng) {
    case 0: return pool.add(a, b)
    case 1: return pool.subtract(a, b)
    case 2: return pool.multiply(a, b)
    case 3: return pool.divide(a, pool.add(b, pool.number(3)))
    case 4:
      let exponents = [
        pool.number(2), pool.number(3), pool.number(-1), pool.half, pool.number(Rational(BigInt(1), BigInt(3))),
        variables[1],
      ]
      return pool.power(pool.add(pool.multiply(a, a), pool.one), exponents.randomElement(using: &rng)!)
    default:
      // The elementary functions (before sech), so the generated expressions stay as they were.
      let function = Function.allCases.prefix { $0 != .sech }.randomElement(using: &rng)!
      // Keep arguments in a reasonable domain.
      switch function {
      case .asin, .acos, .atanh:
        return pool.call(function, pool.multiply(pool.number(Rational(BigInt(1), BigInt(2))), pool.call(.tanh, a)))
      case .acosh: return pool.call(function, pool.add(pool.number(2), pool.multiply(a, a)))
      case .log: return pool.call(function, pool.add(pool.one, pool.multiply(a, a)))
      case .tan, .cot, .sec, .csc:
        return pool.call(
          function,
          pool.add(
            pool.number(Rational(BigInt(1), BigInt(2))),
            pool.multiply(pool.number(Rational(BigInt(1), BigInt(4))), pool.call(.sin, a))))
      default: return pool.call(function, a)
      }
    }
  }
}
