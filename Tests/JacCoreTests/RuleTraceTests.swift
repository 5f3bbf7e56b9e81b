import Testing

@testable import JacCore

/// Every named rule is noted by the code that applies it: a rewrite in the simplifier's `--steps`
/// trace, a canonical-form rule in the ``RuleTrace`` of the smart constructor that applies it.
@Suite struct RuleTraceTests {
  /// One smart-constructor call on parsed operands, in jac syntax.
  enum Construction: CustomStringConvertible, Sendable {
    case add([String])
    case multiply([String])
    case power(String, String)
    case call(Function, String)

    var description: String {
      switch self {
      case .add(let terms): return terms.map { "(\($0))" }.joined(separator: " + ")
      case .multiply(let factors): return factors.map { "(\($0))" }.joined(separator: "*")
      case .power(let base, let exponent): return "(\(base))^(\(exponent))"
      case .call(let f, let argument): return "\(f.name)(\(argument))"
      }
    }

    func build(_ f: Fixture, trace: RuleTrace?) -> Expr {
      switch self {
      case .add(let terms): return f.pool.add(terms.map(f.parse), trace: trace)
      case .multiply(let factors): return f.pool.multiply(factors.map(f.parse), trace: trace)
      case .power(let base, let exponent): return f.pool.power(f.parse(base), f.parse(exponent), trace: trace)
      case .call(let fn, let argument): return f.pool.call(fn, f.parse(argument), trace: trace)
      }
    }
  }

  /// Where each canonical-form rule applies: the outermost call of its example, or of a piece
  /// of it when the rule applies inside (`sin(pi/6)` of the known values). Nil for a rewrite.
  static func construction(_ rule: SimplificationRule) -> Construction? {
    switch rule {
    case .foldConstants: return .add(["1/3", "1/6", "2*3"])
    case .collectLikeTerms: return .add(["2*x", "3*x", "-y", "2*y"])
    case .collectLikeFactors: return .multiply(["x", "x", "y", "1/x"])
    case .identityElements: return .add(["0", "1*x^1", "y^0"])
    case .powerOfPower: return .power("x^2", "3")
    case .exactPowers: return .power("8", "2/3")
    case .knownValues: return .call(.sin, "pi/6")
    case .oddEvenSymmetry: return .call(.sin, "-x")
    case .expLogInverse: return .call(.exp, "log(x)")
    case .trigOfInverse: return .call(.cos, "atan(z)")
    case .periodicShift: return .call(.sin, "x + pi")
    case .absOfNonnegative: return .call(.abs, "x^2 + 1")
    case .absOfProduct: return .call(.abs, "-3*r^2*sin(p)")
    case .rootOfEvenPower: return .power("x^2", "1/2")
    case .mergeRadicals: return .multiply(["sqrt(2)", "sqrt(6)"])
    case .commonDenominator, .rootPower, .surdDenominator, .rationaliseDenominator, .angleSum, .tangentQuotient,
      .quotientForm, .powerReduction,
      .angleContraction, .reciprocalForm, .pythagorean, .hyperbolicPythagorean, .absSquare,
      .absEvenPower, .absMerge, .expMerge, .rootOfSquare, .cancelCommonFactor,
      .factorCommonMonomial, .pullOutNegative, .partialCommonFactor, .preferShorter, .assumedSign:
      return nil
    }
  }

  /// The rules named for `input` by the simplifier's trace, over all its steps.
  static func simplifierTrace(_ f: Fixture, _ input: String, assuming: String? = nil) -> (result: Expr, named: RuleSet)
  {
    let simplifier = Simplifier(pool: f.pool)
    if let assuming { simplifier.assumptions = try? Assumptions(parsing: assuming, pool: f.pool, names: ["x", "y"]) }
    simplifier.trace = []
    let result = simplifier.simplify(f.parse(input))
    return (result, RuleSet(simplifier.trace!.flatMap(\.rules)))
  }

  /// Each rule, run where it applies with a trace on, is named by that trace, and the trace
  /// names only rules of the same stage.
  @Test(arguments: SimplificationRule.allCases)
  func ruleIsNamedWhereApplied(_ rule: SimplificationRule) {
    let f = Fixture()
    let named: RuleSet
    switch rule.stage {
    case .canonicalForm:
      guard let construction = Self.construction(rule) else {
        Issue.record("\(rule.rawValue) has no construction")
        return
      }
      let trace = RuleTrace()
      let built = construction.build(f, trace: trace)
      // The call builds what the parser builds from the same text (through the same constructors).
      #expect(built == f.parse(construction.description), "\(construction) built \(f.text(built))")
      named = trace.applied
    case .rewrite:
      #expect(Self.construction(rule) == nil)
      let (result, rules) = Self.simplifierTrace(f, rule.example.input, assuming: rule.exampleAssumptions)
      #expect(f.text(result) == rule.example.output)
      named = rules
    }
    #expect(named.contains(rule), "\(rule.rawValue) not named: \(named.rules.map(\.rawValue))")
    #expect(named.rules.allSatisfy { $0.stage == rule.stage }, "\(named.rules.map(\.rawValue))")
  }

  /// A constructor given canonical parts that no rule changes notes nothing.
  @Test(arguments: [
    Construction.add(["x", "y"]), .multiply(["2", "x", "y^2"]), .power("x + 1", "2"), .call(.sin, "x"),
    .call(.abs, "x - 1"),
  ])
  func nothingAppliedNothingNoted(_ construction: Construction) {
    let f = Fixture()
    let trace = RuleTrace()
    _ = construction.build(f, trace: trace)
    #expect(trace.applied.isEmpty, "\(construction): \(trace.applied.rules.map(\.rawValue))")
  }

  /// Whole traces, rule by rule: each step names exactly the rules that made it. The first row
  /// is the one rewrite of the corpus' `grad x^2*sin(y)/(1+x) --steps`.
  @Test(arguments: [
    (
      "2*x*sin(y)/(x + 1) - x^2*sin(y)/(x + 1)^2",
      [["common-denominator", "factor-common-monomial", "prefer-shorter"]]
    ),
    ("-(a - b)", [["pull-out-negative", "prefer-shorter"]]),
    ("(-x - y)/z", [["pull-out-negative", "prefer-shorter"]]),
    // The sum inside is combined over z on the way (alone, x/z + z is shorter than its normal form).
    ("1/(z*(x/z + z)^2)", [["common-denominator", "cancel-common-factor", "prefer-shorter"]]),
    // The tangent addition formula right to left: quotient-form's normal form, contracted.
    (
      "(tan(a) + tan(b))/(1 - tan(a)*tan(b))",
      [
        [
          "common-denominator", "tangent-quotient", "quotient-form", "angle-contraction", "cancel-common-factor",
          "prefer-shorter",
        ]
      ]
    ),
    ("-1/sin(5/2)", [["reciprocal-form", "prefer-shorter"]]),
    ("1/(sqrt(2) + 1)", [["rationalise-denominator"]]),
    // Bottom-up: 1/(-5*sqrt(2) - 18) alone, then the product with 9.
    ("9/(-5*sqrt(2) - 18)", [["rationalise-denominator"], ["rationalise-denominator"]]),
    ("(x + 1)^2", []),
    ("r*cos(t)", []),
  ])
  func wholeTraces(_ input: String, _ steps: [[String]]) {
    let f = Fixture()
    let simplifier = Simplifier(pool: f.pool)
    simplifier.trace = []
    _ = simplifier.simplify(f.parse(input))
    #expect(simplifier.trace!.map { $0.rules.map(\.rawValue) } == steps)
  }

  /// docs/rules.md has each rule's example as the enum gives it: `| name | input | output`.
  @Test(arguments: SimplificationRule.allCases)
  func documentedWithItsExample(_ rule: SimplificationRule) throws {
    let doc = try TestFiles.read("docs/rules.md")
    let (input, output) = rule.example
    #expect(doc.contains("| `\(rule.rawValue)` | `\(input)` | `\(output)`"), "docs/rules.md row of \(rule.rawValue)")
  }
}
