import Testing

@testable import JacCore

/// Issue 17's identity corpus: random expressions that are 0 on their domain, built from the
/// angle-sum, multiple-angle and Pythagorean identities with random angles and coefficients, all
/// simplify to 0; the same expressions with one term changed never do.
@Suite struct TrigIdentityTests {
  /// An angle: a sum of one or two of x, y, z with coefficients 1 or 2 (`2*x + y`).
  static func angle(_ rng: inout SeededGenerator) -> String {
    let names = ["x", "y", "z"].shuffled(using: &rng)
    let count = Int.random(in: 1...2, using: &rng)
    return names.prefix(count).map { Bool.random(using: &rng) ? "2*\($0)" : $0 }.joined(separator: " + ")
  }

  /// One identity `lhs - rhs`, times a random coefficient, plus a random term on both sides.
  static func identity(_ rng: inout SeededGenerator) -> (zero: String, nonZero: String) {
    let a = "(\(angle(&rng)))"
    let b = "(\(angle(&rng)))"
    let templates: [(String, String, String)] = [
      ("sin(\(a) + \(b))", "sin\(a)*cos\(b) + cos\(a)*sin\(b)", "sin\(a)*cos\(b) - cos\(a)*sin\(b)"),
      ("cos(\(a) + \(b))", "cos\(a)*cos\(b) - sin\(a)*sin\(b)", "cos\(a)*cos\(b) + sin\(a)*sin\(b)"),
      ("sin(\(a) - \(b))", "sin\(a)*cos\(b) - cos\(a)*sin\(b)", "sin\(a)*cos\(b) + cos\(a)*sin\(b)"),
      ("sin(2*\(a))", "2*sin\(a)*cos\(a)", "sin\(a)*cos\(a)"),
      ("cos(2*\(a))", "cos\(a)^2 - sin\(a)^2", "cos\(a)^2 + sin\(a)^2"),
      ("cos(2*\(a))", "1 - 2*sin\(a)^2", "1 - sin\(a)^2"),
      ("sin(3*\(a))", "3*sin\(a) - 4*sin\(a)^3", "3*sin\(a) - 3*sin\(a)^3"),
      ("sin\(a)^2 + cos\(a)^2", "1", "2"),
    ]
    let (lhs, rhs, wrong) = templates[Int.random(in: 0..<templates.count, using: &rng)]
    let c = Int.random(in: 1...5, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)
    let extra = ["x", "y*z", "exp(x)", "1"][Int.random(in: 0..<4, using: &rng)]
    return ("\(c)*(\(lhs)) + \(extra) - \(c)*(\(rhs)) - \(extra)", "\(c)*(\(lhs)) - \(c)*(\(wrong))")
  }

  @Test func identitiesAreZeroAndNonIdentitiesAreNot() throws {
    var rng = SeededGenerator(seed: 20261129)
    let f = Fixture()
    var failures: [String] = []
    for _ in 0..<220 {
      let (zero, nonZero) = Self.identity(&rng)
      if f.simplify(zero) != f.pool.zero { failures.append("\(zero) gave \(f.text(f.simplify(zero)))") }
      let other = f.simplify(nonZero)
      if other == f.pool.zero { failures.append("\(nonZero) gave 0") }
    }
    #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(5))")
  }

  @Test func twoLinkArm() throws {
    let engine = Engine()
    let arm = "l1*cos(q1) + l2*cos(q1 + q2), l1*sin(q1) + l2*sin(q1 + q2)"
    let det = try engine.run(Request(command: .det, inputs: [arm], variables: ["q1", "q2"]))
    #expect(det.value.entries.map(TextPrinter(pool: engine.pool).string) == ["l1*l2*sin(q2)"])
  }
}
