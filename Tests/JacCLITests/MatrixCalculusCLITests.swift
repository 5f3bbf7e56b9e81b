import Foundation
import Testing

/// Matrix calculus (issue 19) through the built binary: the issue's examples as a person types
/// them, with `--check`, JSON and LaTeX, and the errors with their caret and exit status.
@Suite struct MatrixCalculusCLITests {
  static let jacobianUsage =
    "usage: jac [jacobian] <functions>... [--vars <names>] [--at <point>] [--jvp <v> | --vjp <u>] [--check] "
    + "[--format text|latex|json]\n  See 'jac --help' for more information.\n"
  static let check = "check: agrees with jac's scalar engine on the expansion at 4 sizes\n"

  static let transcripts: [(args: [String], stdout: String, stderr: String, status: Int32)] = [
    (["grad", "x'*A*x", "--vector", "x", "--matrix", "A"], "(A + A')*x\n", "", 0),
    (["grad", "x'*A*x", "--vector", "x", "--symmetric", "A"], "2*A*x\n", "", 0),
    (["hessian", "x'*A*x", "--vector", "x", "--matrix", "A"], "A + A'\n", "", 0),
    (["grad", "norm(x)^2", "--vector", "x"], "2*x\n", "", 0),
    (["grad", "norm(X)^2", "--matrix", "X", "--vars", "X"], "2*X\n", "", 0),
    (["grad", "log(det(X))", "--matrix", "X", "--vars", "X"], "inv(X)'\n", "", 0),
    (["grad", "tr(A*X*B)", "--matrix", "A,X,B", "--vars", "X"], "A'*B'\n", "", 0),
    (["grad", "norm(W*x - y)^2", "--matrix", "W", "--vector", "x,y", "--vars", "W"], "2*(W*x - y)*x'\n", "", 0),
    (
      ["W2*tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1,W2", "--vars", "x"],
      "W2*diag(1 - tanh(W1*x + b1).^2)*W1\n", "", 0
    ),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--check"],
      "(A + A')*x\n" + check
        + "  sizes  entries  skipped  max rel error\n  n=2    2        0        0\n  n=3    3        0        0\n"
        + "  n=3    3        0        0\n  n=5    5        0        0\n", "", 0
    ),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--json"],
      #"{"input":"x'*A*x","command":"grad","vars":["x"],"shape":["n","1"],"result":"(A + A')*x"}"# + "\n", "", 0
    ),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--json", "--with-latex"],
      #"{"input":"x'*A*x","command":"grad","vars":["x"],"shape":["n","1"],"result":"(A + A')*x","#
        + #""latex":"\\left(A + A^\\top\\right) \\mathbf{x}","#
        + #""latex_display":"\\nabla f = \\left(A + A^\\top\\right) \\mathbf{x}"}"# + "\n", "", 0
    ),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--latex"], "\\left(A + A^\\top\\right) \\mathbf{x}\n", "", 0
    ),
    (["simplify", "H*x", "--matrix", "H", "--vector", "x"], "H*x\n", "", 0),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--expand", "n=2"],
      "[ x2*(A1_2 + A2_1) + 2*A1_1*x1 ]\n[ x1*(A1_2 + A2_1) + 2*A2_2*x2 ]\n", "", 0
    ),
    (
      ["tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1", "--vars", "x", "--expand", "n=1,m=1"],
      "[ W1_1_1*(1 - tanh(W1_1_1*x1 + b1_1)^2) ]\n", "", 0
    ),
    (
      ["A*x", "--vector", "x", "--matrix", "A", "--expand", "n=2"], "", "error: '--expand' gives no size for 'm'\n", 64
    ),
    (
      ["W2*tanh(W1*x + b1)", "--vector", "x,b1,g", "--matrix", "W1,W2", "--vars", "W1", "--vjp", "g"],
      "(W2'*g .* (1 - tanh(W1*x + b1).^2))*x'\n", "", 0
    ),
    (
      ["W2*tanh(W1*x + b1)", "--vector", "x,b1,v", "--matrix", "W1,W2", "--vars", "x", "--jvp", "v"],
      "W2*((1 - tanh(W1*x + b1).^2) .* (W1*v))\n", "", 0
    ),
    (["A*x", "--vector", "x,u", "--matrix", "A", "--vars", "x", "--vjp", "u"], "u'*A\n", "", 0),
    (
      ["A*x", "--vector", "x,u", "--matrix", "A", "--vars", "A", "--jvp", "u"], "",
      "error: '--jvp' needs a n×m value (the variable's shape), found n×1\n", 64
    ),
    // A cotangent nobody declared is a scalar: the message says how to declare it.
    (
      ["W2*tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1,W2", "--vars", "W1", "--vjp", "g"], "",
      "error: '--vjp' needs a n×1 value (the function's shape), found 1×1; declare 'g' with '--vector g'\n", 64
    ),
    (
      ["A*x", "--vector", "x", "--matrix", "A", "--vars", "A", "--jvp", "u"], "",
      "error: '--jvp' needs a n×m value (the variable's shape), found 1×1; declare 'u' with '--matrix u'\n", 64
    ),
    (["x*y", "--vector", "x,y"], "", "error: sizes do not agree for '*': n×1 and m×1\n  x*y\n   ^\n", 65),
    (
      ["grad", "x'*x", "--vector", "x", "--steps"], "",
      "error: '--steps' is not supported with vectors and matrices yet\n", 64
    ),
    (
      ["grad", "A*x", "--vector", "x", "--matrix", "A"], "",
      "error: grad needs a scalar function; this one is n×1 (use 'jacobian')\n", 1
    ),
    // Options of scalar code have no meaning here: an error, not a silent no-op.
    (
      ["tanh(W*x)", "--vector", "x", "--matrix", "W", "--format", "python", "--with-value"], "",
      "error: '--with-value' does not apply with vectors and matrices: their NumPy code takes and returns arrays as "
        + "they are\n" + jacobianUsage, 64
    ),
    (
      ["x'*x", "--vector", "x", "--format", "python", "--arguments", "array"], "",
      "error: '--arguments' does not apply with vectors and matrices: their NumPy code takes and returns arrays as "
        + "they are\n" + jacobianUsage, 64
    ),
  ]

  @Test(arguments: transcripts.indices)
  func transcript(_ index: Int) throws {
    let t = Self.transcripts[index]
    let result = try ProcessRunner.run(t.args)
    #expect(result.status == t.status, "jac \(t.args): \(result.stderr)")
    #expect(result.stdout == t.stdout, "jac \(t.args)")
    #expect(result.stderr == t.stderr, "jac \(t.args)")
  }

  /// Declaring a vector is refused by the commands that have no matrix form, by the table.
  @Test func onlySomeCommands() throws {
    let result = try ProcessRunner.run(["det", "x", "--vector", "x"])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "error: '--vector', '--matrix', '--symmetric' and '--expand' apply to jacobian, grad, hessian and simplify\n"))
  }

  /// Without a declaration nothing changes: the prime is still the derivative of f.
  @Test func scalarInputUnchanged() throws {
    let result = try ProcessRunner.run(["diff", "f'(x)*x", "--wrt", "x"])
    #expect(result.stdout == "x*f''(x) + f'(x)\n")
  }
}
