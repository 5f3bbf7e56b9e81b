import Testing

@testable import JacCore

/// A pool with helpers to parse and compare expressions in tests.
final class Fixture {
  let engine = Engine()
  var pool: ExpressionPool { engine.pool }

  /// `text` parsed; a constant that is not real (`log(-1)`) is kept, for the evaluator's tests
  /// (the parser's refusal is tested in ``ParserTests``).
  func parse(_ text: String) -> Expr {
    do {
      return try Parser.parseExpression(text, in: pool, functions: [], keepingNonRealConstants: true)
    } catch {
      Issue.record("'\(text)' does not parse: \(error.message.text)")
      return pool.undefined
    }
  }
  func simplify(_ text: String) -> Expr { engine.simplifier.simplify(parse(text)) }
  func text(_ e: Expr) -> String { TextPrinter(pool: pool).string(e) }
  func latex(_ e: Expr) -> String { LatexPrinter(pool: pool).string(e) }
  func d(_ e: Expr, _ x: String) -> Expr { engine.differentiator.derivative(e, pool.symbol(x)) }

  /// y(x) on the curve F(x, y) = 0 of `equation`, by Newton's method in y from `guess`.
  func curve(_ equation: String, guess: Double) throws -> (Double) -> Double {
    let residual = try Parser.parseEquations(equation, in: pool)[0]
    let residualY = d(residual, "y")
    return { [pool] x in
      var y = guess
      for _ in 0..<60 {
        let step = pool.evaluate(residual, ["x": x, "y": y]) / pool.evaluate(residualY, ["x": x, "y": y])
        y -= step
        if abs(step) < 1e-15 { break }
      }
      return y
    }
  }
}

/// The library's seeded generator (SplitMix64), so every property test prints and reuses its seed.
typealias SeededGenerator = SplitMix64

/// Relative closeness for numeric comparisons (swift-numerics' isApproximatelyEqual idea).
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-8) -> Bool {
  if a == b { return true }
  return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Parsing `input` fails with `message`, the caret at `column` (1-based) and `width` columns wide.
func expectParseError(
  _ input: String, _ message: String, column: Int, width: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  do {
    _ = try Parser.parseList(input, in: ExpressionPool())
    Issue.record("'\(input)' parsed but should fail", sourceLocation: sourceLocation)
  } catch {
    #expect(error.message.text == message, "\(input)", sourceLocation: sourceLocation)
    let start = JacCore.SourceLocation.column(of: error.range.start, in: input)
    #expect(start == column, "\(input)", sourceLocation: sourceLocation)
    #expect(
      JacCore.SourceLocation.column(of: error.range.end, in: input) - start == width, "\(input)",
      sourceLocation: sourceLocation)
  }
}
