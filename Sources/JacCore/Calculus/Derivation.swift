/// The derivation of ∂e/∂x as a teacher writes it (`--steps`): top-down, the rule that applies
/// at each node with the node's derivative, then its parts. The derivatives are the
/// ``Differentiator``'s own (memoised), so the steps and the answer cannot disagree.
public struct Derivation: Sendable {
  /// The differentiation rules, by the names docs/rules.md uses.
  public enum Rule: String, CaseIterable, Sendable {
    case constant, variable, sum, product, quotient, power, exponential
    case generalPower = "general-power"
    case table
    case multivariateChain = "multivariate-chain"

    /// The rule as a formula, for the step's annotation.
    public var formula: String {
      switch self {
      case .constant: return "constant: d c = 0"
      case .variable: return "d x/dx = 1"
      case .sum: return "sum rule: (f + g)' = f' + g'"
      case .product: return "product rule: (f·g)' = f'·g + f·g'"
      case .quotient: return "quotient rule: (f/g)' = (f'·g - f·g')/g^2"
      case .power: return "power rule: (u^n)' = n·u^(n-1)·u'"
      case .exponential: return "exponential rule: (a^v)' = a^v·log(a)·v'"
      case .generalPower: return "general power rule: (u^v)' = u^v·(v'·log(u) + v·u'/u)"
      case .table: return "chain rule: f(u)' = f'(u)·u'"
      case .multivariateChain: return "chain rule: f(u, v)' = ∂₁f(u, v)·u' + ∂₂f(u, v)·v'"
      }
    }

    /// The rule for LaTeX: its name (text mode) and its formula in math mode, as a textbook
    /// sets it: `quotient rule` and `\left(\frac{f}{g}\right)' = \frac{f'g - fg'}{g^{2}}`.
    public var latex: (name: String, formula: String) {
      switch self {
      case .constant: return ("constant", "c' = 0")
      case .variable: return ("", "\\frac{dx}{dx} = 1")
      case .sum: return ("sum rule", "(f + g)' = f' + g'")
      case .product: return ("product rule", "(fg)' = f'g + fg'")
      case .quotient: return ("quotient rule", "\\left(\\frac{f}{g}\\right)' = \\frac{f'g - fg'}{g^{2}}")
      case .power: return ("power rule", "(u^{n})' = n u^{n - 1} u'")
      case .exponential: return ("exponential rule", "(a^{v})' = a^{v} \\ln(a)\\, v'")
      case .generalPower:
        return ("general power rule", "(u^{v})' = u^{v} \\left(v' \\ln(u) + \\frac{v u'}{u}\\right)")
      case .table: return ("chain rule", "f(u)' = f'(u)\\, u'")
      case .multivariateChain:
        return ("chain rule", "f(u, v)' = \\partial_{1} f(u, v)\\, u' + \\partial_{2} f(u, v)\\, v'")
      }
    }
  }

  public struct Step: Sendable {
    /// Nesting: 0 for the whole expression, 1 for its parts, and so on.
    public var depth: Int
    public var expression: Expr
    public var rule: Rule
    /// For ``Rule/table``: the function whose table entry is used.
    public var function: Function?
    /// ∂(expression)/∂x, unsimplified (the rule's direct output).
    public var derivative: Expr
    /// Shown before: its parts are not repeated.
    public var repeated = false
  }

  public private(set) var steps: [Step] = []
  /// The walk stopped at ``maxSteps``.
  public private(set) var truncated = false
  public static let maxSteps = 300

  /// The steps of ∂e/∂x.
  public init(_ e: Expr, _ x: Expr, differentiator: Differentiator) {
    var seen = Set<Expr>()
    visit(e, x, depth: 0, differentiator, &seen)
  }

  private mutating func visit(_ e: Expr, _ x: Expr, depth: Int, _ d: Differentiator, _ seen: inout Set<Expr>) {
    guard steps.count < Self.maxSteps else {
      truncated = true
      return
    }
    let pool = d.pool
    let derivative = d.derivative(e, x)
    func step(_ rule: Rule, _ function: Function? = nil) {
      steps.append(Step(depth: depth, expression: e, rule: rule, function: function, derivative: derivative))
    }
    if e == x {
      step(.variable)
      return
    }
    if !pool.freeSymbols([e]).contains(pool.symbolName(x) ?? "") {
      step(.constant)
      return
    }
    if !seen.insert(e).inserted {
      step(rule(of: e, x, pool))
      steps[steps.count - 1].repeated = true
      return
    }
    let parts: [Expr]
    switch pool.node(e) {
    case .sum(let terms):
      step(.sum)
      parts = Array(terms)
    case .product(let factors):
      let (numerator, denominator) = split(factors, pool)
      if denominator == pool.one {
        step(.product)
        parts = Array(factors)
      } else {
        step(.quotient)
        parts = [numerator, denominator]
      }
    case .power(let u, let v):
      let r = rule(of: e, x, pool)
      step(r)
      parts = r == .power ? [u] : r == .exponential ? [v] : [u, v]
    case .call(let f, let u):
      step(.table, f)
      parts = u == x ? [] : [u]
    case .apply(_, let args):
      step(.multivariateChain)
      parts = args.filter { $0 != x }
    case .number, .constant, .symbol, .undefined:
      parts = []
    }
    for p in parts { visit(p, x, depth: depth + 1, d, &seen) }
  }

  private func rule(of e: Expr, _ x: Expr, _ pool: ExpressionPool) -> Rule {
    let name = pool.symbolName(x) ?? ""
    switch pool.node(e) {
    case .sum: return .sum
    case .product(let factors): return split(factors, pool).1 == pool.one ? .product : .quotient
    case .power(let u, let v):
      let inBase = pool.freeSymbols([u]).contains(name)
      let inExponent = pool.freeSymbols([v]).contains(name)
      return inExponent ? (inBase ? .generalPower : .exponential) : .power
    case .call: return .table
    case .apply: return .multivariateChain
    case .number, .constant, .symbol, .undefined: return .constant
    }
  }

  /// A product as numerator and denominator, split where it prints as a fraction
  /// (``PrintLayout/belowTheBar(_:)``): f·g^(−q) is f over g^q. The coefficient stays in the
  /// numerator: a number below the bar is a constant factor, d(u/2) = du/2, not a quotient.
  private func split(_ factors: Operands, _ pool: ExpressionPool) -> (Expr, Expr) {
    let layout = PrintLayout(pool: pool)
    var top: [Expr] = []
    var bottom: [Expr] = []
    for f in factors {
      if let below = layout.belowTheBar(f) {
        bottom.append(below)
      } else {
        top.append(f)
      }
    }
    return (pool.multiply(top), pool.multiply(bottom))
  }
}
