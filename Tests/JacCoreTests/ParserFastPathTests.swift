import Testing

@testable import JacCore

/// The parser's fast paths (docs/performance.md) give what the general paths give: integers
/// read without `BigInt` text parsing, ASCII identifiers without decoding, function names
/// screened by first byte and length, number·factor products built without `collectFactors`.
@Suite struct ParserFastPathTests {
  /// Integers of up to 18 digits take the fast path; longer ones, decimals and exponents the
  /// general one. Both give the exact value.
  @Test(arguments: [
    ("007", BigInt(7)),
    ("0", BigInt(0)),
    ("123456789012345678", BigInt(123_456_789_012_345_678)),
    ("999999999999999999", BigInt(999_999_999_999_999_999)),
    ("9223372036854775807", BigInt(Int64.max)),
    ("12345678901234567890", BigInt(decimalDigits: Array("12345678901234567890".utf8))!),
    ("2e3", BigInt(2000)),
    ("20.0", BigInt(20)),
  ])
  func integerLiterals(_ text: String, _ value: BigInt) throws {
    var lexer = Lexer(text)
    let token = try lexer.next()
    #expect(token.kind == .number(Rational(value)))
    #expect(token.range == SourceRange(0, text.utf8.count))
    #expect(try lexer.next().kind == .end)
  }

  /// An integer followed by `e` or `E` without a digit is a product with e; `.` makes a decimal.
  @Test func integerThenLetter() throws {
    var lexer = Lexer("12e 3E x4 5.")
    #expect(try lexer.next().kind == .number(Rational(12)))
    #expect(try lexer.next().kind == .identifier("e"))
    #expect(try lexer.next().kind == .number(Rational(3)))
    #expect(try lexer.next().kind == .identifier("E"))
    #expect(try lexer.next() == Token(kind: .identifier("x4"), range: SourceRange(7, 9)))
    #expect(try lexer.next().kind == .number(Rational(5)))
  }

  /// ASCII and non-ASCII letters mix in one identifier; `D[` is still the partials token.
  @Test func identifiers() throws {
    var lexer = Lexer("a_θ1 Dx D[1](f)")
    #expect(try lexer.next() == Token(kind: .identifier("a_θ1"), range: SourceRange(0, 5)))
    #expect(try lexer.next().kind == .identifier("Dx"))
    #expect(try lexer.next().kind == .partials([1]))
  }

  /// Every function name is still found (the first-byte and length screen lets each through),
  /// and names that only look like one are variables.
  @Test func everyFunctionNameIsACallee() {
    for name in Parser.functionNames + ["log"] {
      #expect(Parser.callee(named: name) != nil, "\(name)")
    }
    for name in ["u123", "x", "r", "t", "sinx", "logg", "sii", "expp", "θ", "e", "pi", "π"] {
      #expect(Parser.callee(named: name) == nil, "\(name)")
    }
    #expect(!Parser.isVariableName("e") && !Parser.isVariableName("π") && !Parser.isVariableName("pi"))
    #expect(Parser.isVariableName("ep") && Parser.isVariableName("p") && Parser.isVariableName("gamma"))
  }

  /// number·factor in either order, and number·number: the product the general path builds (a
  /// trace turns the fast path off).
  @Test(arguments: [
    ("2", "x"), ("x", "2"), ("0", "x"), ("1", "sin(x)"), ("1/4", "exp(u)"), ("3", "pi"), ("f(x)", "-2"),
    ("2", "3"), ("1/2", "2/3"), ("0", "1/2"), ("2", "x^2"), ("2", "x + 1"), ("2", "3*x"),
    ("-1", "atan2(y, x)"), ("12345678901234567890123", "x"), ("1/12345678901234567890123", "exp(u)"),
  ])
  func numberTimesFactor(_ a: String, _ b: String) {
    let f = Fixture()
    let (x, y) = (f.parse(a), f.parse(b))
    #expect(f.pool.multiply(x, y) == f.pool.multiply([x, y], trace: RuleTrace()), "\(a) * \(b)")
  }

  /// A repeated component name is found with a set, still pointing at the second use.
  @Test func duplicateComponentName() {
    do {
      _ = try Parser.parseComponents("x = a, y = b, x = c", in: ExpressionPool())
      Issue.record("parsed")
    } catch {
      #expect(error.message.text == "component 'x' is named twice")
      #expect(error.range == SourceRange(14, 15))
    }
  }
}
