/// The named simplification rules, with one example each. The names are the ones in
/// `docs/rules.md` and the rule tests (a test fails if a rule has no row or no entry there).
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
  case absOfNonnegative = "abs-of-nonnegative"
  case absOfProduct = "abs-of-product"
  case commonDenominator = "common-denominator"
  case pythagorean = "pythagorean"
  case hyperbolicPythagorean = "hyperbolic-pythagorean"
  case absSquare = "abs-square"
  case rootPower = "root-power"
  case cancelCommonFactor = "cancel-common-factor"
  case factorCommonMonomial = "factor-common-monomial"
  case pullOutNegative = "pull-out-negative"
  case preferShorter = "prefer-shorter"

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
    case .absOfNonnegative: return ("abs(x^2 + 1)", "x^2 + 1")
    case .absOfProduct: return ("abs(-3*r^2*sin(p))", "3*r^2*abs(sin(p))")
    case .commonDenominator: return ("1/x - 1/(x + 1)", "1/(x*(x + 1))")
    case .pythagorean: return ("a*sin(t)^2 + a*cos(t)^2", "a")
    case .hyperbolicPythagorean: return ("cosh(u)^2 - sinh(u)^2", "1")
    case .absSquare: return ("x^2/abs(x) + abs(x)", "2*abs(x)")
    case .rootPower: return ("sqrt(x + 1)*sqrt(x + 1)*y + (sqrt(x) + 1)*(sqrt(x) - 1)", "x*y + x + y - 1")
    case .cancelCommonFactor: return ("(x^2 - 1)/(x + 1)", "x - 1")
    case .factorCommonMonomial: return ("r^2*sin(p)*cos(t)^2 + r^2*sin(p)*sin(t)^2", "r^2*sin(p)")
    case .pullOutNegative: return ("-(a - b)", "b - a")
    case .preferShorter: return ("(x + 1)^2", "(x + 1)^2")
    }
  }
}
