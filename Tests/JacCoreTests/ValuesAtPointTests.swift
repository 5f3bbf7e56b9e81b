import Testing

@testable import JacCore

/// Values at a point (`--at`): exact where exact, certified decimals otherwise, and the options
/// read exactly (`--tol`, `--from`).
@Suite struct ValuesAtPointTests {
  /// Rational powers of exact numbers fold exactly; an odd root of a negative number is real
  /// (as the `Double` evaluation has always had it); an even one is not real, an error
  /// (``ParserTests``).
  @Test(arguments: [
    ("(-8)^(2/3)", "4"), ("8^(1/3)", "2"), ("(-8)^(1/3)", "-2"), ("(-8)^(4/3)", "16"), ("(-27/8)^(-2/3)", "4/9"),
    ("(-2)^(1/3)", "-2^(1/3)"), ("(-2)^(2/3)", "2^(2/3)"), ("sqrt(2)", "sqrt(2)"),
  ])
  func exactRationalPowers(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected, "\(input)")
  }

  /// The engine keeps each constant entry's certified decimal beside the exact entry; with
  /// `--exact` (decimals off) it only decides that each is real.
  @Test func decimalsInTheAnswer() throws {
    var request = Request(command: .jacobian, inputs: ["r*cos(t), r*sin(t)"], variables: ["r", "t"])
    request.at = [Request.Binding(name: "r", value: "2"), Request.Binding(name: "t", value: "pi/3")]
    let engine = Engine()
    let answer = try engine.run(request)
    let texts = answer.value.entries.map { answer.decimals[$0] }
    #expect(texts == [nil, "-1.7320508075688772", "0.8660254037844386", nil])
    request.decimals = false
    #expect(try engine.run(request).decimals.isEmpty)
  }

  /// `--at` notes a point on a jump of floor only when not proved off it: a ball of e^(10^12) is
  /// not (and its integers are not formed: that crashed allocating 180 GB), so the entry is
  /// then not certified, a limit error; e^(−10^12) is off, floor of it 0.
  @Test func floorOfAHugeValue() throws {
    var request = Request(command: .simplify, inputs: ["floor(exp(x))"])
    request.at = [Request.Binding(name: "x", value: "10^12")]
    let engine = Engine()
    #expect(throws: JacError.limit(.certification(entry: "the result", nearZero: false, digits: true))) {
      try engine.run(request)
    }
    request.at = [Request.Binding(name: "x", value: "-10^12")]
    let answer = try engine.run(request)
    #expect(answer.value.entries.map { answer.decimals[$0] } == ["0"])
  }

  /// An input function that is not real at the point is the error, though its derivative's
  /// formula has a value there (1/x = −1/2 for log(x) at x = −2); a function that overflows a
  /// double but is real (exp(x) at 10⁴) and one with a parameter the point does not give pass.
  @Test func functionNotRealAtThePoint() throws {
    let engine = Engine()
    func run(_ command: Request.Command, _ inputs: [String], _ vars: [String], _ at: [(String, String)]) throws
      -> Answer
    {
      var request = Request(command: command, inputs: inputs, variables: vars.isEmpty ? nil : vars)
      request.at = at.map { Request.Binding(name: $0.0, value: $0.1) }
      return try engine.run(request)
    }
    #expect(throws: JacError.undefinedAtPoint(entry: "the function")) {
      try run(.diff, ["log(x)"], ["x"], [("x", "-2")])
    }
    #expect(throws: JacError.undefinedAtPoint(entry: "the function")) {
      try run(.diff, ["acosh(x)"], ["x"], [("x", "-2")])
    }
    #expect(throws: JacError.undefinedAtPoint(entry: "function 2")) {
      try run(.jacobian, ["x*y", "log(x*y)"], ["x", "y"], [("x", "-2"), ("y", "1")])
    }
    let real = try run(.jacobian, ["x*y", "log(x*y)"], ["x", "y"], [("x", "-2"), ("y", "-1")])
    #expect(real.value.entries.count == 4)
    #expect(throws: Never.self) { try run(.diff, ["exp(x)"], ["x"], [("x", "10000")]) }
    #expect(throws: Never.self) { try run(.diff, ["a*log(x)"], ["x"], [("x", "-2")]) }
    #expect(throws: JacError.undefinedAtPoint(entry: "the result")) {
      try run(.simplify, ["log(x)"], [], [("x", "-2")])
    }
  }

  /// An undecidable entry is a limit error with the entry's label; with `--exact` the same value
  /// passes (it is real). A value outside the domain is still "undefined or not real".
  @Test func certificationErrors() {
    var request = Request(command: .simplify, inputs: ["x + log(2) + log(3) - log(6)"])
    request.at = [Request.Binding(name: "x", value: "0")]
    let engine = Engine()
    let limit = JacError.limit(.certification(entry: "the result", nearZero: true, digits: true))
    #expect(throws: limit) { try engine.run(request) }
    request.decimals = false
    #expect(throws: Never.self) { try engine.run(request) }
    request.inputs = ["asin(x + 2)"]
    #expect(throws: JacError.undefinedAtPoint(entry: "the result")) { try engine.run(request) }
  }

  /// Rationals past a double's range convert to ±infinity or 0, never NaN (3^2000 was NaN, and
  /// read as "undefined or not real"); the largest double below a rational is exact.
  @Test func rationalsAndDoubles() {
    let big = Rational(BigInt(3).power(2000))
    #expect(big.doubleValue == .infinity)
    #expect((-big).doubleValue == -.infinity)
    #expect(big.reciprocal.doubleValue == 0)
    #expect(Rational(BigInt(3).power(2000), BigInt(3).power(1999)).doubleValue == 3)
    #expect(Rational(BigInt(10).power(400), BigInt(10).power(399) * BigInt(7)).doubleValue == 10.0 / 7)
    let tiny = Rational(BigInt(1), BigInt(10).power(400))
    #expect(tiny.roundedDown == 0)
    #expect(
      Rational(BigInt(1), BigInt(3)).roundedDown == (1.0 / 3).nextDown
        || Rational(exactly: 1.0 / 3) <= Rational(BigInt(1), BigInt(3)))
    #expect(Rational(BigInt(1), BigInt(10)).roundedDown == 0.1.nextDown)
    #expect(Rational(exactly: 0.1.nextDown) < Rational(BigInt(1), BigInt(10)))
    for x in [0.1, -2.5e-300, 1e308, Double.leastNonzeroMagnitude, 123.456] {
      #expect(Rational(exactly: x).doubleValue == x)
      #expect(Rational(exactly: x).roundedDown == x)
    }
  }

  /// The big-number budget and the size limit are told apart: 2·2·…·2 (5,000 factors) is within
  /// both, the sum of 1/p^1000 over 45 odd primes passes the budget, 2^49999·3^49999·5^33333·… the size.
  @Test func numberWorkAndSize() {
    let engine = Engine()
    let twos = Array(repeating: "2", count: 5000).joined(separator: "*")
    #expect(throws: Never.self) { try engine.run(Request(command: .simplify, inputs: [twos])) }
    let primes = (3..<400).filter { p in (2..<p).allSatisfy { p % $0 != 0 } }.prefix(45)
    let sum = primes.map { "1/\($0)^1000" }.joined(separator: "+")
    do {
      _ = try engine.run(Request(command: .simplify, inputs: [sum]))
      Issue.record("expected the work budget")
    } catch {
      guard case .limitInInput(.numberWork, _, input: 0) = error else {
        Issue.record("\(error)")
        return
      }
    }
    let powers = "2^49999*3^49999*5^33333*7^33333*11^24999*13^24999"
    do {
      _ = try engine.run(Request(command: .simplify, inputs: [powers]))
      Issue.record("expected the size limit")
    } catch {
      guard case .parse(let p, input: 0) = error, p.message == .numberTooLarge else {
        Issue.record("\(error)")
        return
      }
    }
  }
}
