import Foundation
import Testing

@testable import JacCore

/// Inverses of constant linear maps with one irrational coefficient, generated from a fixed
/// seed: n from 4 to 6, coefficients small integers (from −3 to 3) and one entry sqrt(2) or
/// sqrt(3), times −2, −1, 1, 2 or 3. Each `jac inverse` must keep the pool's invariants (a debug
/// build checks them after every request, and the sweep checks them again, for release builds)
/// and give J⁻¹ with J·J⁻¹ = I numerically. A debug build once failed "term … is a sum (not
/// flattened)" on such a 6×6 system: collecting 2·(a + b) − (a + b) left the sum a + b as a term
/// of another sum (``ExpressionPool/collectTerms(_:trace:)``).
///
/// The suite runs a few systems of each size (a second or two in a debug build); `make
/// inverse-sweep` runs `N` of them (`JAC_INVERSE_SWEEP=N`, default 300), `SEED` choosing the seed.
@Suite struct ConstantInverseSweepTests {
  struct System: CustomStringConvertible {
    var coefficients: [[Double]]
    var text: String
    var variables: [String]
    var description: String { text }
  }

  /// The systems of `seed`, `count` of them, sizes 4, 5, 6 in turn.
  static func systems(seed: UInt64, count: Int) -> [System] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { k in
      let n = 4 + k % 3
      let radicand = Bool.random(using: &rng) ? 2 : 3
      let scale = [-2, -1, 1, 1, 2, 3][Int.random(in: 0..<6, using: &rng)]
      let place = (Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng))
      var coefficients: [[Double]] = []
      var rows: [String] = []
      for i in 0..<n {
        var row: [Double] = []
        var terms: [String] = []
        for j in 0..<n {
          if (i, j) == place {
            row.append(Double(scale) * Double(radicand).squareRoot())
            terms.append("\(scale)*sqrt(\(radicand))*x\(j + 1)")
          } else {
            let c = Int.random(in: -3...3, using: &rng)
            row.append(Double(c))
            if c != 0 { terms.append("\(c)*x\(j + 1)") }
          }
        }
        coefficients.append(row)
        rows.append(terms.isEmpty ? "0" : terms.joined(separator: " + "))
      }
      return System(
        coefficients: coefficients, text: rows.joined(separator: ", "), variables: (1...n).map { "x\($0)" })
    }
  }

  /// Inverts `system` (a singular J is passed over) and records what fails.
  static func sweep(_ system: System, _ engine: Engine) throws {
    let request = Request(command: .inverse, inputs: [system.text], variables: system.variables)
    let checked = engine.pool.count
    let answer: Answer
    do throws(JacError) {
      answer = try engine.run(request)
    } catch {
      if error == .singular { return }
      throw error
    }
    // The nodes this system made (from 0 each time, the sweep was quadratic in the pool).
    #expect(throws: Never.self, "invariants after \(system)") { try engine.pool.checkInvariants(from: checked) }
    guard case .matrix(let inverse) = answer.value else {
      Issue.record("not a matrix: \(system)")
      return
    }
    let n = system.variables.count
    let values = inverse.entries.map { engine.pool.evaluate($0, [:]) }
    let scale = values.map(abs).max() ?? 1
    for i in 0..<n {
      for j in 0..<n {
        let product = (0..<n).reduce(0.0) { $0 + system.coefficients[i][$1] * values[$1 * n + j] }
        let expected = i == j ? 1.0 : 0.0
        #expect(abs(product - expected) <= 1e-9 * max(1, scale), "(J·J⁻¹)[\(i + 1),\(j + 1)] = \(product): \(system)")
      }
    }
  }

  static let seed: UInt64 = {
    ProcessInfo.processInfo.environment["JAC_INVERSE_SEED"].flatMap { UInt64($0) } ?? 20_261_130
  }()
  static let count: Int = {
    ProcessInfo.processInfo.environment["JAC_INVERSE_SWEEP"].flatMap { Int($0) } ?? 9
  }()

  @Test func inversesOfConstantMapsWithARadical() throws {
    print("inverse sweep: seed \(Self.seed), \(Self.count) systems")
    // One engine for all, as a batch runs them: each request's nodes are checked once.
    let engine = Engine()
    for system in Self.systems(seed: Self.seed, count: Self.count) { try Self.sweep(system, engine) }
  }

  /// The smallest form of the failure: like terms over a sum whose coefficients add up to 1.
  @Test(arguments: [
    ("y + 2*(x + 1) - (x + 1)", "x + y + 1"), ("3 + 2*(x + 1) - (x + 1)", "x + 4"),
    ("-(6 - 8*sqrt(2)) + 2*(6 - 8*sqrt(2)) - 25", "-19 - 8*sqrt(2)"),
  ])
  func likeTermsOverASumAreFlattened(_ input: String, _ expected: String) throws {
    let f = Fixture()
    var request = Request(command: .simplify, inputs: [input])
    request.simplify = false
    let answer = try f.engine.run(request)
    #expect(throws: Never.self) { try f.pool.checkInvariants() }
    #expect(answer.value.expressions == [f.parse(expected)])
  }
}
