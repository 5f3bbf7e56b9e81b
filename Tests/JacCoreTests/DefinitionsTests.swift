import Testing

@testable import JacCore

/// `--where` definitions: derivatives go through them by the chain rule, answers name them
/// where their whole right-hand side occurs, `--inline` expands, and mistakes point into the text.
@Suite struct DefinitionsTests {
  static let bicycle = "v*cos(psi + beta), v*sin(psi + beta), v/lr*sin(beta)"
  static let slip = "beta = atan(lr*tan(d)/(lf + lr))"

  func run(_ inputs: [String], vars: [String], where definitions: [String], inline: Bool = false) throws -> (
    Answer, TextPrinter
  ) {
    let engine = Engine()
    var request = Request(command: .jacobian, inputs: inputs, variables: vars)
    request.definitions = definitions
    request.inline = inline
    return (try engine.run(request), TextPrinter(pool: engine.pool))
  }

  /// The kinematic bicycle model: entries mention `beta`, and agree with the expanded answer.
  @Test func bicycleEntriesMentionBeta() throws {
    let (named, text) = try run([Self.bicycle], vars: ["psi", "v", "d"], where: [Self.slip])
    let entries = named.value.entries.map(text.string)
    #expect(entries[0] == "-v*sin(beta + psi)")
    #expect(entries[1] == "cos(beta + psi)")
    #expect(entries[2].hasPrefix("-lr*v*sin(beta + psi)*"))
    #expect(named.definitions.map(\.name) == ["beta"])
    #expect(text.string(named.definitions[0].value) == "atan(lr*tan(d)/(lf + lr))")
    let (expanded, text2) = try run([Self.bicycle], vars: ["psi", "v", "d"], where: [Self.slip], inline: true)
    #expect(text2.string(expanded.value.entries[0]) == "-v*sin(atan(lr*tan(d)/(lf + lr)) + psi)")
    #expect(expanded.definitions.isEmpty)
  }

  /// The chain rule through a definition of a definition, with the answer checked numerically
  /// (the check runs on the expanded answer).
  @Test func chainThroughDefinitions() throws {
    let engine = Engine()
    var request = Request(command: .diff, inputs: ["c^2"])
    request.along = ["x"]
    request.definitions = ["b = x^2", "c = sin(b)"]
    let answer = try engine.run(request)
    let text = TextPrinter(pool: engine.pool)
    #expect(answer.value.entries.map(text.string) == ["4*c*x*cos(b)"])
    #expect(answer.definitions.map { "\($0.name) = \(text.string($0.value))" } == ["b = x^2", "c = sin(b)"])
    #expect(answer.variables == ["x"])
    request.check = true
    #expect(try engine.run(request).check?.passed == true)
  }

  /// A root's other powers fold too: (x² + y² + z²)^(3/2) is r³ for r = sqrt(x² + y² + z²), the
  /// radicand alone is r², and a lone-symbol radicand is left alone (`s = sqrt(x)` keeps every x).
  @Test(arguments: [
    ("-G*M/r", ["x", "y", "z"], "r = sqrt(x^2 + y^2 + z^2)", ["G*M*x/r^3", "G*M*y/r^3", "G*M*z/r^3"]),
    ("r^2", ["x", "y"], "r = sqrt(x^2 + y^2)", ["2*x", "2*y"]),
    ("(x^2 + y^2)*z", ["z"], "r = sqrt(x^2 + y^2)", ["r^2"]),
    ("log(r)", ["x"], "r = sqrt(x^2 + y^2)", ["x/r^2"]),
    ("c", ["x"], "c = (x^3 + 1)^(1/3)", ["x^2/c^2"]),
    ("x*s", ["x"], "s = sqrt(x)", ["3*s/2"]),
    ("x^2*w", ["x"], "w = 1/(x + 1)", ["w^2*x*(x + 2)"]),
  ])
  func powersOfARootFold(_ input: String, _ vars: [String], _ definition: String, _ expected: [String]) throws {
    let (answer, text) = try run([input], vars: vars, where: [definition])
    #expect(answer.value.entries.map(text.string) == expected)
  }

  /// Errors point into the `--where` text (offsets across `;`).
  @Test(arguments: [
    ("c = c + 1", "'c' is defined in terms of itself", 4),
    ("b = c; c = 1", "'c' is used before its definition", 4),
    ("x = 1", "'x' is a variable; it cannot be defined", 0),
    ("c = 1; c = 2", "'c' is defined twice", 7),
    ("c = 1;  c + 1", "expected a definition 'name = expression'", 8),
    ("c = 1; d = sin(", "expected an expression, found end of input", 15),
  ])
  func errorsPointIntoTheText(_ text: String, _ message: String, _ offset: Int) throws {
    let engine = Engine()
    var request = Request(command: .diff, inputs: ["c"], variables: ["x"])
    request.definitions = [text]
    do {
      _ = try engine.run(request)
      Issue.record("\(text) was accepted")
    } catch {
      guard case .optionParse(let parse, let option, let shown) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(parse.message.text == message)
      #expect(parse.range.start == offset, "\(text)")
      #expect(option == "--where" && shown == text)
    }
  }

  /// `--at` gives values to variables, not to definitions; with values for those, the answer is a number.
  @Test func pointValuesGoToVariables() throws {
    let engine = Engine()
    var request = Request(command: .diff, inputs: ["b^2"], variables: ["x"])
    request.definitions = ["b = 2*x"]
    request.at = [Request.Binding(name: "b", value: "1")]
    #expect(throws: JacError.pointForDefinition("b")) { try engine.run(request) }
    request.at = [Request.Binding(name: "x", value: "1")]
    let answer = try engine.run(request)
    #expect(answer.value.entries.map(TextPrinter(pool: engine.pool).string) == ["8"])
  }

  /// Numbers and lone symbols are never folded (every 2 would print as the name).
  @Test func numbersAreNotFolded() throws {
    let (answer, text) = try run(["x^2*k"], vars: ["x"], where: ["k = 2"])
    #expect(answer.value.entries.map(text.string) == ["4*x"])
  }
}
