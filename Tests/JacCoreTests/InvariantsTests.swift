import Testing

@testable import JacCore

/// ``ExpressionPool/checkInvariants(from:)``: every invariant listed on ``ExpressionPool`` holds
/// after real work, and each one broken on purpose is reported, on the node that breaks it.
@Suite struct InvariantsTests {
  private func violation(_ pool: ExpressionPool, from first: Int = 0) -> ExpressionPool.InvariantViolation? {
    do {
      try pool.checkInvariants(from: first)
      return nil
    } catch {
      return error
    }
  }

  /// Written expressions and 300 random ones (seed 7), each differentiated along x and y and
  /// simplified, then whole requests; the check reads the pool and interns nothing.
  @Test func holdAfterBuildingDifferentiatingAndSimplifying() throws {
    let f = Fixture()
    let written = [
      "x^2*y - 3*x + 1/2", "(x + 1)/(x - 1)", "sin(x)^2 + cos(x)^2 - 1", "exp(x*y)*log(1 + x^2)", "sqrt(x^2 + y^2)",
      "abs(x - y)^3", "x^y^z", "2^(1/3)*2^(1/2)*x", "atan(y/x)", "tanh(x + y - z)", "(x*y)^(1/2)*(x*y)^(1/2)",
      "1e40*x + 10^-30", "-(x - 2*y)", "asin(z/2) + acos(z/2)", "e^x*exp(-x)", "(2 - z)^2/(z - 2)", "0^x + 1^x",
    ]
    var expressions = written.map(f.parse)
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<300 { expressions.append(RandomExpression.make(f.pool, depth: 4, using: &rng)) }
    for e in expressions {
      _ = f.engine.simplifier.simplify(e)
      for v in ["x", "y"] { _ = f.engine.simplifier.simplify(f.d(e, v)) }
    }
    for (command, input) in [
      (Request.Command.jacobian, "r*cos(t)*sin(p), r*sin(t)*sin(p), r*cos(p)"), (.det, "x*y, x + y^2"),
      (.inverse, "r*cos(t), r*sin(t)"), (.hessian, "x^3*y - exp(x*y)"), (.grad, "x^2*sin(y)/(1 + x)"),
    ] {
      _ = try f.engine.run(Request(command: command, inputs: [input]))
    }
    let count = f.pool.count
    #expect(count > 5_000)
    #expect(violation(f.pool) == nil)
    #expect(f.pool.count == count)
  }

  /// Ways to break an invariant through the pool's internal API (`intern` is raw construction,
  /// for code that already holds a canonical result): each makes one bad node.
  enum Breakage: CaseIterable {
    case unsortedSum, likeTermsApart, nestedProduct, coefficientOne, exponentOne, undefinedArgument
    case restNeverInterned, staleDepth, staleHash, staleSymbolBits, operandFromTheFuture, notInTable

    var invariant: ExpressionPool.InvariantViolation.Invariant {
      switch self {
      case .unsortedSum, .likeTermsApart, .nestedProduct, .coefficientOne, .exponentOne, .restNeverInterned:
        return .canonical
      case .undefinedArgument: return .undefinedAbsorbs
      case .staleDepth, .staleHash, .staleSymbolBits: return .cache
      case .operandFromTheFuture: return .operands
      case .notInTable: return .interning
      }
    }

    /// Breaks the invariant in `pool` (sound before) and returns the bad node.
    func apply(to p: ExpressionPool) -> Expr {
      let (x, y, z) = (p.symbol("x"), p.symbol("y"), p.symbol("z"))
      switch self {
      case .unsortedSum: return p.intern(.sum, payload: 0, operands: [y, x])
      case .likeTermsApart: return p.intern(.sum, payload: 0, operands: [x, p.multiply(p.number(2), x)])
      case .nestedProduct: return p.intern(.product, payload: 0, operands: [x, p.multiply(y, z)])
      case .coefficientOne: return p.intern(.product, payload: 0, operands: [p.one, x])
      case .exponentOne: return p.intern(.power, payload: 0, operands: [x, p.one])
      case .undefinedArgument:
        return p.intern(.call, payload: Int32(Function.sin.rawValue), operands: [p.undefined])
      case .restNeverInterned:
        let term = p.intern(.product, payload: 0, operands: [p.number(2), p.symbol("u"), p.symbol("v")])
        return p.intern(.sum, payload: 0, operands: [p.one, term])
      case .staleDepth:
        let e = p.add(x, y)
        p.records[e.index].depth += 1
        return e
      case .staleSymbolBits:
        let e = p.multiply(x, p.call(.sin, y))
        p.records[e.index].symbolBits = 0
        return e
      case .staleHash:
        let e = p.call(.cos, x)
        p.records[e.index].hash ^= 1
        return e
      case .operandFromTheFuture:
        let e = p.add(x, y)
        p.operandStore.pointer(Int(p.records[e.index].start))[0] = Expr(e.id + 1)
        _ = p.call(.exp, z)
        return e
      case .notInTable:
        p.records.append(p.records[p.call(.tan, x).index])
        return Expr(Int32(p.count - 1))
      }
    }
  }

  @Test(arguments: Breakage.allCases)
  func eachBrokenInvariantIsReported(_ breakage: Breakage) throws {
    let pool = ExpressionPool()
    _ = try Parser.parseExpression("x*y + sin(z)^2 - 2*x/y + z^(1/3)", in: pool)
    #expect(violation(pool) == nil)
    let checked = pool.count
    let bad = breakage.apply(to: pool)
    let found = violation(pool)
    #expect(found?.node == bad, "\(found.map(String.init(describing:)) ?? "nothing found")")
    #expect(found?.invariant == breakage.invariant, "\(found.map(String.init(describing:)) ?? "nothing found")")
    // Checking only the nodes made since the last check finds it too.
    #expect(violation(pool, from: checked)?.node == bad)
  }
}
