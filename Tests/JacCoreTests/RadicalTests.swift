import Foundation
import Testing

@testable import JacCore

/// Numeric radicals in canonical form (`exact-powers`, `merge-radicals`), exponentials merged
/// (`exp-merge`) and square roots of squares inside products (`root-of-square`). Every expected
/// form is SymPy 1.14's (`sqrt(2)*sqrt(6)` is `2*sqrt(3)`, `Integer(12)**Rational(2, 3)` is
/// `2*18**(1/3)`, `powsimp(exp(x + 1)/exp(x))` is `E`), except where jac merges radicals of one
/// index that SymPy's `Mul` leaves apart (`2^(1/3)*3^(2/3)`, SymPy keeps it; jac 18^(1/3), the
/// same value, checked numerically below).
@Suite struct RadicalTests {
  /// As read, with no simplification: the constructors' canonical form.
  @Test(arguments: [
    ("sqrt(2)*sqrt(3)", "sqrt(6)"),
    ("sqrt(2)*sqrt(6)", "2*sqrt(3)"),
    ("sqrt(8)", "2*sqrt(2)"),
    ("sqrt(12)", "2*sqrt(3)"),
    ("sqrt(2/3)", "sqrt(6)/3"),
    ("sqrt(2)/sqrt(3)", "sqrt(6)/3"),
    ("sqrt(4/3)", "2*sqrt(3)/3"),
    ("1/sqrt(2)", "sqrt(2)/2"),
    ("4^(1/6)", "2^(1/3)"),
    ("12^(2/3)", "2*18^(1/3)"),
    ("72^(1/6)", "sqrt(2)*3^(1/3)"),
    ("2^(1/3)*3^(2/3)", "18^(1/3)"),
    ("2^(1/3)*18^(1/3)", "6^(2/3)"),
    ("sqrt(2)*3^(1/3)", "sqrt(2)*3^(1/3)"),
    ("sqrt(2)*6^(1/3)", "2^(5/6)*3^(1/3)"),
    ("(-12)^(1/3)", "-12^(1/3)"),
    ("(-54)^(1/3)", "-3*2^(1/3)"),
    ("sqrt(1031^2*2)", "1031*sqrt(2)"),
    ("sqrt(2^80*3)", "1099511627776*sqrt(3)"),
    ("sqrt(1031*1033^2)", "1033*sqrt(1031)"),
    ("sqrt(12*1031*1033^2)", "2066*sqrt(3093)"),
    ("cbrt(1031*1033^3)", "1033*1031^(1/3)"),
    ("(1031^2*1033^4)^(1/3)", "1033*1098038713^(1/3)"),
    ("sqrt(1031/1033^3)", "sqrt(1065023)/1067089"),
    ("sqrt(65521^2*4294967291)", "65521*sqrt(4294967291)"),
    ("sqrt(4294967279*4294967291)", "sqrt(18446743979220271189)"),
    ("sqrt(2147483647^2*4294967291)", "sqrt(19807040587060910258309300219)"),
    ("x*sqrt(3)*sqrt(6)*y", "3*sqrt(2)*x*y"),
    ("sqrt(2)*sqrt(3)*sqrt(6)", "6"),
  ])
  func canonicalRadicals(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected, "\(input)")
  }

  /// Equal values meet in one node, so a difference of two spellings is 0 as it is read.
  @Test(arguments: [
    "sqrt(2)*sqrt(3) - sqrt(6)", "sqrt(12) - 2*sqrt(3)", "sqrt(2/3) - sqrt(6)/3", "12^(2/3) - 2*18^(1/3)",
    "2^(1/3)*3^(2/3) - 18^(1/3)", "4^(1/6) - 2^(1/3)", "72^(1/6) - sqrt(2)*3^(1/3)",
    "sqrt(1100168759) - 1033*sqrt(1031)", "sqrt(1031)*sqrt(1067089) - 1033*sqrt(1031)",
  ])
  func equalSpellingsCancel(_ difference: String) {
    let f = Fixture()
    #expect(f.parse(difference) == f.pool.zero, "\(difference) is \(f.text(f.parse(difference)))")
  }

  /// A denominator that is 0 by the canonical form is the parser's division by zero.
  @Test func zeroDenominatorOfRadicalsIsDivisionByZero() {
    do {
      _ = try Parser.parseExpression("x/(sqrt(2)*sqrt(3) - sqrt(6))", in: ExpressionPool(), functions: [])
      Issue.record("parsed")
    } catch {
      #expect(error.message.text == "division by zero")
    }
  }

  /// Random products of radicals b^(p/n) keep their value (against the product of the values in
  /// Double) and are one node whatever the order of the factors.
  @Test func randomProductsKeepTheirValueAndMeet() {
    let f = Fixture()
    var rng = SeededGenerator(seed: 14)
    for _ in 0..<300 {
      let count = Int.random(in: 1...4, using: &rng)
      var factors: [Expr] = []
      var value = 1.0
      for _ in 0..<count {
        let b = Rational(BigInt(Int.random(in: 1...60, using: &rng)), BigInt(Int.random(in: 1...6, using: &rng)))
        let n = Int.random(in: 2...6, using: &rng)
        let p = Int.random(in: -7...7, using: &rng)
        factors.append(f.pool.power(f.pool.number(b), f.pool.number(Rational(BigInt(p), BigInt(n)))))
        value *= Foundation.pow(b.doubleValue, Double(p) / Double(n))
      }
      let forward = f.pool.multiply(factors)
      let backward = factors.reversed().reduce(f.pool.one) { f.pool.multiply($0, $1) }
      #expect(forward == backward, "\(f.text(forward)) vs \(f.text(backward))")
      #expect(isClose(f.pool.evaluate(forward, [:]), value, relative: 1e-12), "\(f.text(forward))")
      #expect((try? f.pool.checkInvariants(from: 0)) != nil)
    }
  }

  /// `exp-merge` in the simplifier, kept only when shorter.
  @Test(arguments: [
    ("exp(x + 1)/exp(x)", "e"),
    ("exp(a)*exp(b)", "exp(a + b)"),
    ("x*exp(a)*exp(-a + y)", "x*exp(y)"),
    ("exp(x)*exp(exp(x))", "exp(exp(x) + x)"),
    ("exp(x)*sin(y)", "exp(x)*sin(y)"),
  ])
  func exponentialsMerge(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.simplify(input)) == expected, "\(input)")
  }

  /// `root-of-square` under a product: √(r²·(R + r·cos v)²) multiplied out, and the torus' area
  /// element (the Gram determinant of its parametrisation), with and without `--assume`.
  @Test(
    arguments: [
      ("sqrt(r^2*R^2 + 2*R*r^3*cos(v) + r^4*cos(v)^2)", nil, "abs(r*(r*cos(v) + R))"),
      ("sqrt(r^2*R^2 + 2*R*r^3*cos(v) + r^4*cos(v)^2)", "r > 0, R > r", "r*(r*cos(v) + R)"),
      ("sqrt(x^2*y^4)", nil, "y^2*abs(x)"),
      ("sqrt(x^2*y^4)", "x > 0", "x*y^2"),
      ("sqrt((x^2 + 2*x + 1)/y^2)", nil, "abs((x + 1)/y)"),
    ] as [(String, String?, String)])
  func squareRootsOfSquaredProducts(_ input: String, _ assumptions: String?, _ expected: String) throws {
    let f = Fixture()
    let e = f.parse(input)
    if let assumptions {
      f.engine.simplifier.assumptions = try Assumptions(parsing: assumptions, pool: f.pool, names: ["r", "R", "x"])
    }
    #expect(f.text(f.engine.simplifier.simplify(e)) == expected, "\(input)")
  }

  @Test func torusAreaElement() throws {
    let f = Fixture()
    var request = Request(
      command: .det, inputs: ["(R + r*cos(v))*cos(u), (R + r*cos(v))*sin(u), r*sin(v)"], variables: ["u", "v"])
    #expect(try f.engine.run(request).value.scalarText(f) == "abs(r*(r*cos(v) + R))")
    request.assumptions = "r > 0, R > r"
    #expect(try f.engine.run(request).value.scalarText(f) == "r*(r*cos(v) + R)")
  }
}

extension Answer.Value {
  fileprivate func scalarText(_ f: Fixture) -> String {
    guard case .scalar(let e) = self else { return "not a scalar" }
    return f.text(e)
  }
}
