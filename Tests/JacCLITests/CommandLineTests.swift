import Foundation
import JacCore
import Testing

/// The command-line contract, tested by running the real binary.
@Suite struct CommandLineTests {
  /// Transcripts: arguments, standard input, expected standard output and exit status.
  static let transcripts: [(args: [String], stdin: String?, stdout: String, status: Int32)] = [
    (["r*cos(t), r*sin(t)", "--vars", "r,t"], nil, "[ cos(t)  -r*sin(t) ]\n[ sin(t)  r*cos(t)  ]\n", 0),
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], nil, "r\n", 0),
    (["det", "r*cos(t)", "r*sin(t)", "--vars=r,t"], nil, "r\n", 0),
    (["grad", "x^2*sin(y)", "--vars", "x,y"], nil, "[ 2*x*sin(y) ]\n[ x^2*cos(y) ]\n", 0),
    (["hessian", "x^2*sin(y)", "--vars", "x,y"], nil, "[ 2*sin(y)    2*x*cos(y)  ]\n[ 2*x*cos(y)  -x^2*sin(y) ]\n", 0),
    (["diff", "x^2*sin(y)", "--wrt", "x,x,y"], nil, "2*cos(y)\n", 0),
    (["simplify", "x*x + 2*x - x"], nil, "x^2 + x\n", 0),
    (["simplify", "2^100"], nil, "1267650600228229401496703205376\n", 0),
    (["--vars", "x,y"], "x^2*y, x+y\n", "[ 2*x*y  x^2 ]\n[ 1      1   ]\n", 0),
    (["x^2*y"], nil, "[ 2*x*y  x^2 ]\n", 0),
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--latex"], nil, "r\n", 0),
    (
      ["r*cos(θ), r*sin(θ)", "--vars", "r,θ", "--format", "latex"], nil,
      "\\begin{pmatrix} \\cos(\\theta) & -r \\sin(\\theta) \\\\ \\sin(\\theta) & r \\cos(\\theta) \\end{pmatrix}\n", 0
    ),
    (["diff", "x/(x^2 + 1)", "--no-simplify"], nil, "1/(x^2 + 1) - 2*x^2/(x^2 + 1)^2\n", 0),
    (["diff", "x/(x^2 + 1)"], nil, "(1 - x^2)/(x^2 + 1)^2\n", 0),
    (["simplify", "--", "-x^2"], nil, "-x^2\n", 0),
    (["simplify", "-x + x"], nil, "0\n", 0),
    (["det", "x, y", "--vars", "x"], nil, "", 1),
    (["grad", "x, y"], nil, "", 1),
    (["simplify", "sin(x"], nil, "", 65),
    (["--varz", "x"], nil, "", 64),
    (["--vars", "x,x", "x"], nil, "", 64),
    (["--vars", "x", "--vars", "y", "x"], nil, "", 64),
    (["--format", "yaml", "x"], nil, "", 64),
    (["--vars", "sin", "x"], nil, "", 64),
    (["--vars", "2x", "x"], nil, "", 64),
    (["grad", "x", "--wrt", "x"], nil, "", 64),
    (["--version"], nil, "jac 0.1.0\n", 0),
    (["simplify"], "", "", 0),
    (["simplify"], "\n# a comment\n   \nx+x\r\n", "2*x\n", 0),
  ]

  @Test(arguments: transcripts.indices)
  func transcript(_ index: Int) throws {
    let t = Self.transcripts[index]
    let result = try ProcessRunner.run(t.args, stdin: t.stdin)
    #expect(result.status == t.status, "jac \(t.args): \(result.stderr)")
    #expect(result.stdout == t.stdout, "jac \(t.args)")
    if t.status != 0 { #expect(result.stderr.hasPrefix("error: ")) }
  }

  /// A bad line in the middle of a batch is reported with its line number; the others are answered.
  @Test func batchWithABadLine() throws {
    let result = try ProcessRunner.run(["diff", "--json"], stdin: "x^2\nsin(x\n\nexp(2*x)\n")
    #expect(result.status == 65)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == #"{"input":"x^2","command":"diff","vars":["x"],"result":"2*x"}"#)
    #expect(lines[1] == #"{"error":"expected ')' to close '(' at column 4","line":2,"column":6}"#)
    #expect(lines[2] == #"{"input":"exp(2*x)","command":"diff","vars":["x"],"result":"2*exp(2*x)"}"#)
    #expect(result.stderr == "error: line 2: expected ')' to close '(' at column 4\n  sin(x\n       ^\n")
    let text = try ProcessRunner.run(["diff"], stdin: "x^2\nsin(x\nexp(2*x)\n")
    #expect(text.stdout == "2*x\n2*exp(2*x)\n")
  }

  /// JSON results are in jac syntax: each string parses back to the same expression.
  @Test func jsonShapesAndRoundTrip() throws {
    let jacobian = try ProcessRunner.run(["r*cos(t), r*sin(t)", "--vars", "r,t", "--json"])
    #expect(
      jacobian.stdout
        == #"{"input":"r*cos(t), r*sin(t)","command":"jacobian","vars":["r","t"],"shape":[2,2],"result":[["cos(t)","-r*sin(t)"],["sin(t)","r*cos(t)"]]}"#
        + "\n")
    let grad = try ProcessRunner.run(["grad", "x^2*sin(y)", "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(grad.stdout.utf8)) as? [String: Any]
    let entries = object?["result"] as? [String] ?? []
    #expect(entries == ["2*x*sin(y)", "x^2*cos(y)"])
    let pool = ExpressionPool()
    for text in entries {
      let e = try Parser.parseExpression(text, in: pool)
      #expect(TextPrinter(pool: pool).string(e) == text)
    }
  }

  @Test func errorsPointAtTheColumn() throws {
    let result = try ProcessRunner.run(["simplify", "x(y)"])
    #expect(result.stderr == "error: 'x' is not a function\n  x(y)\n  ^\nhint: write 'x*(...)' to multiply\n")
    let unknown = try ProcessRunner.run(["sinn(x)"])
    #expect(unknown.stderr.hasPrefix("error: unknown function 'sinn'; did you mean 'sin'?\n  sinn(x)\n  ^^^^\n"))
    let option = try ProcessRunner.run(["--varz", "x"])
    #expect(option.stderr.hasPrefix("error: unknown option '--varz'; did you mean '--vars'?\n"))
  }

  /// A variable that does not occur but is close to one that does gets a warning; the answer
  /// (a zero column) is still given.
  @Test func misspeltVariableWarns() throws {
    let result = try ProcessRunner.run(["x*y", "--vars", "x,yy"])
    #expect(result.status == 0)
    #expect(result.stdout == "[ y  0 ]\n")
    #expect(result.stderr == "warning: variable 'yy' does not occur in the input; did you mean 'y'?\n")
  }

  @Test func helpForEveryCommand() throws {
    let top = try ProcessRunner.run(["--help"])
    #expect(top.status == 0)
    for section in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "COMMANDS:"] {
      #expect(top.stdout.contains(section))
    }
    for command in Request.Command.allCases {
      let help = try ProcessRunner.run([command.rawValue, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE: jac"))
    }
  }

  /// Adversarial input: 100,000 nested parentheses, NUL bytes, invalid UTF-8, CRLF: errors with
  /// line numbers, never a crash; every good line still answered.
  @Test func hostileInputNeverCrashes() throws {
    let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
    var data = Data("x+1\n".utf8)
    data.append(Data(deep.utf8))
    data.append(Data("\nx\u{0}y\n".utf8))
    data.append(Data([0x78, 0xFF, 0x0A]))
    data.append(Data("2*x\r\n".utf8))
    let result = try ProcessRunner.run(["simplify"], stdinData: data)
    #expect(result.status == 65)
    #expect(result.stdout == "x + 1\n2*x\n")
    #expect(result.stderr.contains("error: line 2: nesting deeper than 10000 levels"))
    #expect(result.stderr.contains("error: line 3: unexpected character 'U+0000'"))
    #expect(result.stderr.contains("error: line 4: invalid UTF-8"))
  }

  /// 10,000 levels deep through every stage, including printing the derivative.
  @Test func deepInputThroughTheCommand() throws {
    let minus = String(repeating: "-(", count: 4_999) + "x" + String(repeating: ")", count: 4_999)
    let sum = String(repeating: "(x+", count: 9_999) + "x" + String(repeating: ")", count: 9_999)
    let result = try ProcessRunner.run(["diff"], stdin: minus + "\n" + sum + "\n")
    #expect(result.status == 0)
    #expect(result.stdout == "-1\n10000\n")
  }
}
