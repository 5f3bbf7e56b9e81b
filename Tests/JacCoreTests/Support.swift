import Testing

@testable import JacCore

/// A pool with helpers to parse and compare expressions in tests.
final class Fixture {
  let engine = Engine()
  var pool: ExpressionPool { engine.pool }

  func parse(_ text: String) -> Expr {
    do {
      return try Parser.parseExpression(text, in: pool)
    } catch {
      Issue.record("'\(text)' does not parse: \(error.message.text)")
      return pool.undefined
    }
  }
  func simplify(_ text: String) -> Expr { engine.simplifier.simplify(parse(text)) }
  func text(_ e: Expr) -> String { TextPrinter(pool: pool).string(e) }
  func latex(_ e: Expr) -> String { LatexPrinter(pool: pool).string(e) }
  func d(_ e: Expr, _ x: String) -> Expr { engine.differentiator.derivative(e, pool.symbol(x)) }
}

/// A small deterministic generator (SplitMix64), so every property test prints and reuses its seed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Relative closeness for numeric comparisons (swift-numerics' isApproximatelyEqual idea).
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-8) -> Bool {
  if a == b { return true }
  return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
