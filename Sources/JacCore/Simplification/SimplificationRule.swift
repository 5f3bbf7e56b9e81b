/// The named simplification rules, with one example each. The names are the ones in
/// `docs/rules.md`, the rule tests and the `--steps` trace (a test fails if a rule has no row or
/// no entry there). Each case is named by the code that applies it, which records it:
/// - ``Stage/canonicalForm``: the smart constructors (`ExpressionPool+Construction.swift`,
///   `ExpressionPool+KnownValues.swift`), into the ``RuleTrace`` a caller passes them;
/// - ``Stage/rewrite``: the simplifier's normal form (`Simplifier`, `RationalConverter`,
///   `RationalForm`, `Pythagorean`), into the ``RuleSet`` each ``RationalForm`` carries, and from
///   there into the ``Simplifier/Step`` that `--steps` prints.
///
/// The rewrites are listed in the order the simplifier applies them, which is the order a step
/// names them in.
public enum SimplificationRule: String, CaseIterable, Sendable {
  case foldConstants = "fold-constants"
  case collectLikeTerms = "collect-like-terms"
  case collectLikeFactors = "collect-like-factors"
  case identityElements = "identity-elements"
  case powerOfPower = "power-of-power"
  case exactPowers = "exact-powers"
  case knownValues = "known-values"
  case oddEvenSymmetry = "odd-even-symmetry"
  case expLogInverse = "exp-log-inverse"
  case trigOfInverse = "trig-of-inverse"
  case periodicShift = "periodic-shift"
  case absOfNonnegative = "abs-of-nonnegative"
  case absOfProduct = "abs-of-product"
  case rootOfEvenPower = "root-of-even-power"
  case mergeRadicals = "merge-radicals"
  case commonDenominator = "common-denominator"
  case rootPower = "root-power"
  case surdDenominator = "surd-denominator"
  case rationaliseDenominator = "rationalise-denominator"
  case angleSum = "angle-sum"
  case tangentQuotient = "tangent-quotient"
  case quotientForm = "quotient-form"
  case powerReduction = "power-reduction"
  case angleContraction = "angle-contraction"
  case reciprocalForm = "reciprocal-form"
  case pythagorean = "pythagorean"
  case hyperbolicPythagorean = "hyperbolic-pythagorean"
  case absSquare = "abs-square"
  case absEvenPower = "abs-even-power"
  case absMerge = "abs-merge"
  case expMerge = "exp-merge"
  case rootOfSquare = "root-of-square"
  case cancelCommonFactor = "cancel-common-factor"
  case factorCommonMonomial = "factor-common-monomial"
  case pullOutNegative = "pull-out-negative"
  case partialCommonFactor = "partial-common-factor"
  case preferShorter = "prefer-shorter"
  case assumedSign = "assumed-sign"

  /// Where a rule is applied.
  public enum Stage: Sendable {
    /// In the smart constructors, as every expression is built (always on).
    case canonicalForm
    /// In the simplifier's rational normal form (off with `--no-simplify`).
    case rewrite
  }

  public var stage: Stage {
    switch self {
    case .foldConstants, .collectLikeTerms, .collectLikeFactors, .identityElements, .powerOfPower, .exactPowers,
      .knownValues, .oddEvenSymmetry, .expLogInverse, .trigOfInverse, .periodicShift, .absOfNonnegative, .absOfProduct,
      .rootOfEvenPower, .mergeRadicals:
      return .canonicalForm
    case .commonDenominator, .rootPower, .surdDenominator, .rationaliseDenominator, .angleSum, .tangentQuotient,
      .quotientForm, .powerReduction,
      .angleContraction, .reciprocalForm, .pythagorean, .hyperbolicPythagorean, .absSquare,
      .absEvenPower, .absMerge, .expMerge, .rootOfSquare,
      .cancelCommonFactor, .factorCommonMonomial, .pullOutNegative, .partialCommonFactor, .preferShorter, .assumedSign:
      return .rewrite
    }
  }

  /// The `--assume` text the example needs (nil for a rule that needs none).
  public var exampleAssumptions: String? { self == .assumedSign ? "x > y, x > 0" : nil }

  /// An input and what jac makes of it, both in jac syntax.
  public var example: (input: String, output: String) {
    switch self {
    case .foldConstants: return ("1/3 + 1/6 + 2*3", "13/2")
    case .collectLikeTerms: return ("2*x + 3*x - y + 2*y", "5*x + y")
    case .collectLikeFactors: return ("x*x*y/x", "x*y")
    case .identityElements: return ("0 + 1*x^1 + y^0", "x + 1")
    case .powerOfPower: return ("(x^2)^3", "x^6")
    case .exactPowers: return ("2^10 + 8^(2/3) + 4^(-1/2)", "2057/2")
    case .knownValues: return ("sin(0) + cos(pi) + log(1) + exp(0) + sin(pi/6)", "1/2")
    case .oddEvenSymmetry: return ("sin(-x) + cos(-x)", "cos(x) - sin(x)")
    case .expLogInverse: return ("exp(log(x)) + log(exp(y))", "x + y")
    case .trigOfInverse: return ("sin(asin(x)) + cot(atan(y)) + cos(atan(z))", "1/sqrt(z^2 + 1) + 1/y + x")
    case .periodicShift: return ("sin(x + pi) + cos(pi/2 - y)", "sin(y) - sin(x)")
    case .absOfNonnegative: return ("abs(x^2 + 1)", "x^2 + 1")
    case .absOfProduct: return ("abs(-3*r^2*sin(p))", "3*r^2*abs(sin(p))")
    case .absEvenPower: return ("abs(x)^2 + 1/abs(y)^4", "x^2 + 1/y^4")
    case .commonDenominator: return ("1/x - 1/(x + 1)", "1/(x*(x + 1))")
    case .rootPower: return ("sqrt(x + 1)*sqrt(x + 1)*y + (sqrt(x) + 1)*(sqrt(x) - 1)", "x*y + x + y - 1")
    case .surdDenominator: return ("2^(1/3)/((2^(1/3) + x)*(2^(1/3)*x^2 - 2^(2/3)*x + 2))", "1/(x^3 + 2)")
    case .rationaliseDenominator: return ("1/(sqrt(2) + 1) + 6/(-2*sqrt(3) - 4)", "sqrt(2) + 3*sqrt(3) - 7")
    case .pythagorean: return ("a*sin(t)^2 + a*cos(t)^2", "a")
    case .hyperbolicPythagorean: return ("cosh(u)^2 - sinh(u)^2", "1")
    case .rootOfSquare: return ("sqrt(x^2 + 2*x*y + y^2) + (4*z^2 - 4*z + 1)^(-1/2)", "1/abs(2*z - 1) + abs(x + y)")
    case .absMerge: return ("abs(x)*abs(y)/abs(z)", "abs(x*y/z)")
    case .expMerge: return ("exp(x + 1)/exp(x) + exp(y)*exp(z)", "exp(y + z) + e")
    case .absSquare: return ("x^2/abs(x) + abs(x)", "2*abs(x)")
    case .tangentQuotient: return ("sin(x)/cos(x) + cos(y)^2/sin(y)^2", "cot(y)^2 + tan(x)")
    case .quotientForm: return ("tan(x)*cos(x) + (tanh(y)^2 - 1)/tanh(y)^2", "sin(x) - 1/sinh(y)^2")
    case .powerReduction: return ("cos(x)^4 - sin(x)^4", "cos(2*x)")
    case .angleContraction:
      return ("cos(a)*cos(b) - sin(a)*sin(b) + sinh(u)*cosh(v) - cosh(u)*sinh(v)", "sinh(u - v) + cos(a + b)")
    case .reciprocalForm: return ("-1/sin(x) + 1/cos(y)^2", "sec(y)^2 - csc(x)")
    case .angleSum: return ("cos(a)*sin(a + b) - sin(a)*cos(a + b) + sin(2*x) - 2*sin(x)*cos(x)", "sin(b)")
    case .rootOfEvenPower: return ("sqrt(x^2) + (y^2)^(1/3) + sqrt(4*z^2)", "y^(2/3) + abs(x) + 2*abs(z)")
    case .mergeRadicals:
      return ("sqrt(2)*sqrt(3) + sqrt(2)*sqrt(6) + 2^(1/3)*18^(1/3)", "2*sqrt(3) + sqrt(6) + 6^(2/3)")
    case .cancelCommonFactor: return ("(x^2 - 1)/(x + 1)", "x - 1")
    case .factorCommonMonomial: return ("2*a*x + 4*a*y", "2*a*(x + 2*y)")
    case .pullOutNegative: return ("-(a - b)", "b - a")
    case .partialCommonFactor: return ("x*y*exp(x*y) + exp(x*y) + 2*x", "exp(x*y)*(x*y + 1) + 2*x")
    case .preferShorter: return ("(x + 1)^2 - x^2", "2*x + 1")
    case .assumedSign: return ("abs(x - y) + sign(x)", "x - y + 1")
    }
  }
}
