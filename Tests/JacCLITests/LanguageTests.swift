import Foundation
import JacCore
import Testing

/// The language issue 16 adds, through the built binary: undefined functions (`f(x)`,
/// `--funcs`), and the notation people type (`√x`, `x²`, `÷`, …), answers and errors alike.
@Suite struct LanguageTests {
  /// Arguments, expected standard output, standard error and exit status.
  static let transcripts: [(args: [String], stdout: String, stderr: String, status: Int32)] = [
    (["diff", "f(g(x))", "--wrt", "x"], "f'(g(x))*g'(x)\n", "", 0),
    (["grad", "f(x*y)", "--vars", "x,y"], "[ y*f'(x*y) ]\n[ x*f'(x*y) ]\n", "", 0),
    (["diff", "f(x)*g(x)", "--wrt", "x"], "f(x)*g'(x) + f'(x)*g(x)\n", "", 0),
    (
      ["grad", "L(u, v, w)", "--funcs", "L"], "[ D[1](L)(u, v, w) ]\n[ D[2](L)(u, v, w) ]\n[ D[3](L)(u, v, w) ]\n", "",
      0
    ),
    (["diff", "f'(x)", "--wrt", "x", "--latex"], "f''(x)\n", "", 0),
    (["diff", "g(x, y)", "--wrt", "x,y", "--latex"], "\\partial_{1,2} g(x, y)\n", "", 0),
    (
      ["diff", "f(g(x))", "--wrt", "x", "--json"],
      #"{"input":"f(g(x))","command":"diff","vars":["x"],"wrt":["x"],"result":"f'(g(x))*g'(x)"}"# + "\n", "", 0
    ),
    (["diff", "f(x)", "--at", "x=1"], "", "error: '--at' cannot evaluate 'f', a function nobody defined\n", 1),
    (["grad", "f(x*y)", "--check"], "", "error: '--check' cannot evaluate 'f', a function nobody defined\n", 1),
    (
      ["grad", "f(x*y)", "--format", "python"], "",
      "error: '--format python' cannot evaluate 'f', a function nobody defined\n", 1
    ),
    (
      ["diff", "f(x) + f", "--wrt", "x"], "",
      "error: 'f' is used both as a function and as a variable\n  f(x) + f\n         ^\n", 65
    ),
    (
      ["diff", "f(x) + f(x, y)", "--wrt", "x"], "",
      "error: 'f' takes 1 argument, found 2\n  f(x) + f(x, y)\n         ^^^^^^^\n", 65
    ),
    (
      ["diff", "q(x)"], "",
      "error: 'q' is not a function\n  q(x)\n  ^\nhint: write 'q*(...)' to multiply, or '--funcs q' for a function nobody defined\n",
      65
    ),
    (
      ["diff", "f'(x, y)", "--wrt", "x"], "",
      "error: a prime differentiates a function of one argument; 'f' takes 2\n  f'(x, y)\n  ^^\nhint: write 'D[1](f)(…)' for the partial along the first argument\n",
      65
    ),
    (
      ["diff", "f(x)", "f(x, y)", "--wrt", "x"], "", "error: 'f' takes 1 argument, found 2\n  f(x, y)\n  ^^^^^^^\n", 65
    ),
    (["diff", "x'"], "", "error: unexpected character '''\n  x'\n   ^\n", 65),
    // Definitions.
    (["diff", "c^2", "--wrt", "x", "--where", "b = x^2; c = sin(b)"], "4*c*x*cos(b)\n", "", 0),
    (
      ["diff", "c^2", "--wrt", "x", "--where", "b = x^2", "--where", "c = sin(b)", "--inline"],
      "4*x*cos(x^2)*sin(x^2)\n", "", 0
    ),
    (
      ["diff", "c^2", "--wrt", "x", "--where", "b = x^2; c = sin(b)", "--json"],
      #"{"input":"c^2","command":"diff","vars":["x"],"wrt":["x"],"where":{"b":"x^2","c":"sin(b)"},"result":"4*c*x*cos(b)"}"#
        + "\n",
      "", 0
    ),
    (
      ["diff", "c", "--where", "b = c; c = 1"], "",
      "error: in '--where': 'c' is used before its definition\n  b = c; c = 1\n      ^\n", 64
    ),
    (
      ["diff", "x*c", "--vars", "x", "--where", "c = 2; x = 1"], "",
      "error: in '--where': 'x' is a variable; it cannot be defined\n  c = 2; x = 1\n         ^\n", 64
    ),
    // The notation people type.
    (["diff", "√x", "--wrt", "x"], "1/(2*sqrt(x))\n", "", 0),
    (["simplify", "∛x + 2√x"], "x^(1/3) + 2*sqrt(x)\n", "", 0),
    (["simplify", "x² + x³ - x⁻¹"], "x^2 - 1/x + x^3\n", "", 0),
    (["simplify", "e^(−x)·π × y ÷ 2"], "y*pi*exp(-x)/2\n", "", 0),
    (["simplify", "√x^2"], "abs(x)\n", "", 0),
    (["simplify", "-x² + 2^x²"], "2^(x^2) - x^2\n", "", 0),
    (
      ["simplify", "x²y"], "", "error: expected an operator before 'y'\n  x²y\n    ^\nhint: write '*' to multiply\n", 65
    ),
    (["simplify", "x⁻ + 1"], "", "error: a superscript sign needs superscript digits after it\n  x⁻ + 1\n   ^\n", 65),
    (["simplify", "x ÷ (y − y)"], "", "error: division by zero\n  x ÷ (y − y)\n  ^^^^^^^^^^^\n", 65),
    (["simplify", "√"], "", "error: expected an expression, found end of input\n  √\n   ^\n", 65),
  ]

  @Test(arguments: transcripts.indices)
  func transcript(_ index: Int) throws {
    let t = Self.transcripts[index]
    let result = try ProcessRunner.run(t.args)
    #expect(result.status == t.status, "jac \(t.args): \(result.stderr)")
    #expect(result.stdout == t.stdout, "jac \(t.args)")
    #expect(result.stderr == t.stderr, "jac \(t.args)")
  }

  /// The unicode style prints `x²`, `√x`, `·`: text typed that way reads back.
  @Test func unicodeAnswersReadBack() throws {
    for input in ["x^2*sqrt(y) - 3*x/y", "sqrt(x^2 + 1)^3", "f(x^2)*pi"] {
      let result = try ProcessRunner.run(["simplify", input, "--format", "unicode"])
      let back = try ProcessRunner.run(["simplify", String(result.stdout.dropLast())])
      let plain = try ProcessRunner.run(["simplify", input])
      #expect(back.stdout == plain.stdout, "\(input) → \(result.stdout)")
    }
  }

  /// Generated code computes each definition once, before the entries, and compiles.
  @Test func codeComputesDefinitionsOnce() throws {
    let args = [
      "v*cos(psi + beta), v*sin(psi + beta)", "--vars", "psi,v,d", "--where", "beta = atan(lr*tan(d)/(lf + lr))",
    ]
    let python = try ProcessRunner.run(args + ["--format", "python"])
    #expect(python.status == 0)
    #expect(python.stdout.components(separatedBy: "math.atan(").count == 2, "\(python.stdout)")
    #expect(python.stdout.contains("def jacobian(psi, v, d, lf, lr):"))
    #expect(python.stdout.contains("    beta = math.atan(lr*math.tan(d)/(lf + lr))\n"))
  }
}
