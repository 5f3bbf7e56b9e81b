import Foundation
import Testing

@testable import JacCore

/// ``Parser/maxNesting`` is exact: that many levels of each nesting construct are answered, one
/// more is the limit error, pointing at the construct that opens the extra level.
@Suite struct NestingTests {
  /// The constructs that open a level of nesting, each written `levels` deep.
  enum Shape: CaseIterable, CustomStringConvertible {
    case parentheses, calls, signs, exponents

    func text(_ levels: Int) -> String {
      switch self {
      case .parentheses: return String(repeating: "(", count: levels) + "x" + String(repeating: ")", count: levels)
      case .calls: return String(repeating: "sin(", count: levels) + "x" + String(repeating: ")", count: levels)
      case .signs: return String(repeating: "-", count: levels) + "x"
      case .exponents: return String(repeating: "x^", count: levels) + "x"
      }
    }

    /// Where the construct opening level `level` starts, and its width (`sin` for a call).
    func opening(_ level: Int) -> SourceRange {
      switch self {
      case .parentheses, .signs: return SourceRange(level - 1, level)
      case .calls: return SourceRange(4 * (level - 1), 4 * (level - 1) + 3)
      case .exponents: return SourceRange(2 * level - 1, 2 * level)
      }
    }

    /// The simplified answer at an even number of levels, in jac syntax.
    func answer(_ levels: Int) -> String {
      switch self {
      case .parentheses, .signs: return "x"
      case .calls, .exponents: return text(levels)
      }
    }

    var description: String {
      switch self {
      case .parentheses: return "(…)"
      case .calls: return "sin(…)"
      case .signs: return "-…"
      case .exponents: return "x^…"
      }
    }
  }

  /// Runs `request` on a deep stack, as the command does.
  private func run(_ engine: Engine, _ request: Request) -> Result<Answer, JacError> {
    DeepStack.run { () -> Result<Answer, JacError> in Result { () throws(JacError) in try engine.run(request) } }
  }

  /// The power chain is not simplified here: that takes 15 s in a debug build (0.2 s in
  /// release, where `jac simplify` answers it).
  @Test(arguments: Shape.allCases)
  func exactlyTheLimitIsAnswered(_ shape: Shape) throws {
    #expect(Parser.maxNesting == 10_000)
    let engine = Engine()
    let simplify = shape != .exponents
    let input = shape.text(Parser.maxNesting)
    let answer = try run(engine, Request(command: .simplify, inputs: [input], simplify: simplify)).get()
    let expected = try run(
      engine, Request(command: .simplify, inputs: [shape.answer(Parser.maxNesting)], simplify: simplify)
    ).get()
    #expect(answer.value.entries == expected.value.entries)
    #expect(engine.pool.depth(answer.value.entries[0]) == (shape == .calls || shape == .exponents ? 10_001 : 1))
  }

  @Test(arguments: Shape.allCases)
  func oneLevelMoreIsRefused(_ shape: Shape) {
    let levels = Parser.maxNesting + 1
    let result = run(Engine(), Request(command: .simplify, inputs: [shape.text(levels)]))
    let error = ParseError(.nestingTooDeep(limit: Parser.maxNesting), shape.opening(levels))
    #expect(throws: JacError.parse(error, input: 0)) { try result.get() }
    #expect(error.message.text == "nesting deeper than 10000 levels" && error.message.isLimit)
  }

  /// Levels of different constructs add up: 5,000 `-(` pairs are 10,000 levels, and a `^`
  /// inside 9,999 parentheses is the 10,000th.
  @Test func constructsAddUp() throws {
    let pairs = String(repeating: "-(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
    let power = String(repeating: "(", count: 9_999) + "x^2" + String(repeating: ")", count: 9_999)
    let engine = Engine()
    #expect(
      try run(engine, Request(command: .simplify, inputs: [pairs])).get().value.entries == [engine.pool.symbol("x")])
    #expect(throws: Never.self) { try run(engine, Request(command: .simplify, inputs: [power])).get() }
    let over = run(engine, Request(command: .simplify, inputs: ["-" + pairs]))
    let error = ParseError(.nestingTooDeep(limit: Parser.maxNesting), SourceRange(10_000, 10_001))
    #expect(throws: JacError.parse(error, input: 0)) { try over.get() }
  }

  /// The derivative of 10,000 nested parentheses, through the engine.
  @Test func derivativeInsideTheLimit() throws {
    let inner = "x*x*x + 2*x"
    let input =
      String(repeating: "(", count: Parser.maxNesting) + inner + String(repeating: ")", count: Parser.maxNesting)
    let engine = Engine()
    let answer = try run(engine, Request(command: .diff, inputs: [input])).get()
    let expected = try run(engine, Request(command: .simplify, inputs: ["3*x^2 + 2"])).get()
    #expect(answer.value.entries == expected.value.entries)
  }

  /// 10,000 nested calls differentiate, within ``Engine/maxDepth``, to the right value. The
  /// chain is sin(x + sin(x + …)), whose derivative has a node per level; the derivative of
  /// sin(sin(…)) itself is a product of 10,000 cosines, 50 million nodes when printed (past
  /// ``Limits/resultNodes``) and minutes of work in a debug build (docs/errors.md).
  @Test func derivativeOfTenThousandCalls() {
    let levels = Parser.maxNesting
    let input = String(repeating: "sin(x+", count: levels) + "x" + String(repeating: ")", count: levels)
    let (depth, value) = DeepStack.run { () -> (Int, Double) in
      let pool = ExpressionPool()
      guard let e = try? Parser.parseExpression(input, in: pool) else { return (0, .nan) }
      let d = Differentiator(pool: pool).derivative(e, pool.symbol("x"))
      return (pool.depth(d), pool.evaluate(d, ["x": 0.5]))
    }
    // Forward mode by hand: u₀ = x, uₖ = sin(x + uₖ₋₁), u'ₖ = cos(x + uₖ₋₁)·(1 + u'ₖ₋₁).
    var (u, du) = (0.5, 1.0)
    for _ in 0..<levels { (u, du) = (sin(0.5 + u), cos(0.5 + u) * (1 + du)) }
    #expect(depth > 2 * levels && depth <= Engine.maxDepth)
    #expect(isClose(value, du), "\(value) vs \(du)")
  }
}
