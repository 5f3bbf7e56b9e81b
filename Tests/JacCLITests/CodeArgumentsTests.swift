import Foundation
import Testing

/// `--arguments array` and the shapes generated code takes for speed: the values themselves are
/// checked against `--at` in every language by ``CodeGenerationTests`` (both forms); here, what
/// the units look like.
@Suite struct CodeArgumentsTests {
  private func code(_ arguments: [String]) throws -> String {
    let result = try ProcessRunner.run(arguments)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result.stdout
  }

  /// The variables in one array, in `--vars` order; other symbols stay scalars after it; the
  /// index base is each language's own.
  @Test func theVariablesAsOneArray() throws {
    let input = ["k*r*cos(t), r*sin(t)", "--vars", "r,t", "--arguments", "array", "--format"]
    let c = try code(input + ["c"])
    #expect(c.contains("void jacobian(const double x[2], double k, double out[restrict 4]) {"))
    #expect(c.contains("    const double r = x[0];") && c.contains("    const double t = x[1];"))
    let python = try code(input + ["python"])
    #expect(python.contains("def jacobian(x, k):\n") && python.contains("    r, t = map(float, x)\n"))
    let swift = try code(input + ["swift"])
    #expect(swift.contains("func jacobian(_ x: [Double], _ k: Double) -> [Double] {") && swift.contains("let t = x[1]"))
    let julia = try code(input + ["julia"])
    #expect(julia.contains("function jacobian!(J, x::AbstractVector, k)\n    r = x[1]\n    t = x[2]\n"))
    #expect(julia.contains("jacobian(x::AbstractVector, k) = jacobian!(zeros(2, 2), x, k)"))
    let matlab = try code(input + ["matlab"])
    #expect(matlab.hasPrefix("function J = jacobian(x, k)") && matlab.contains("  t = x(2);"))
    // One variable: Python's unpacking of one value.
    #expect(try code(["sin(r)", "--arguments", "array", "--format", "python"]).contains("    r, = map(float, x)\n"))
  }

  /// A variable called `x` keeps its name; the array takes another. CSC takes the array too.
  @Test func anArrayBesideAVariableCalledX() throws {
    let c = try code(["x*y", "--vars", "x,y", "--format", "c", "--layout", "csc", "--arguments", "array"])
    #expect(c.contains("void jacobian(const double x_[2], double nzval[restrict 2]) {"))
    #expect(c.contains("    const double x = x_[0];"))
  }

  /// C's output arrays are `restrict` exactly where the signature holds another array (the
  /// variables' array, or a second output), so the compiler may move reads of `x` and stores to
  /// the other arrays across their stores; the only array of a function of scalars stays plain.
  @Test func cOutputsAreRestrictBesideAnotherArray() throws {
    let scalars = try code(["x*y", "--vars", "x,y", "--format", "c"])
    #expect(scalars.contains("void jacobian(double x, double y, double out[2]) {"))
    let sparse = try code(["x*y", "--vars", "x,y", "--format", "c", "--layout", "csc"])
    #expect(sparse.contains("void jacobian(double x, double y, double nzval[2]) {"))
    let array = try code(["x*y", "--vars", "x,y", "--format", "c", "--arguments", "array", "--layout", "csc"])
    #expect(array.contains("void jacobian(const double x_[2], double nzval[restrict 2]) {"))
    let value = try code(["x*y", "--vars", "x,y", "--format", "c", "--with-value"])
    #expect(value.contains("void jacobian(double x, double y, double f[restrict 1], double J[restrict 2]) {"))
    let state = try code(["linearize", "x2, u - sin(x1)", "--state", "x1,x2", "--input", "u", "--format", "c"])
    #expect(state.contains("double u, double A[restrict 4], double B[restrict 2]) {"))
    // A scalar result returns its value: no array at all.
    let scalar = try code(["diff", "x*y", "--wrt", "x", "--format", "c", "--arguments", "array"])
    #expect(scalar.contains("double derivative(const double x_[2]) {"))
  }

  /// C reads each variable just before the first statement that uses it (``CodeSchedule``).
  @Test func cReadsEachVariableWhereItIsFirstUsed() throws {
    let c = try code(["u1^2 + u2, u2*u3, exp(u3)", "--vars", "u1,u2,u3", "--format", "c", "--arguments", "array"])
    let body = c.split(separator: "\n").map(String.init).drop { !$0.hasPrefix("void") }.dropFirst()
    #expect(
      Array(body) == [
        "    const double u1 = x[0];", "    out[0] = 2.0*u1;", "    out[1] = 1.0;", "    const double u3 = x[2];",
        "    out[4] = u3;", "    const double u2 = x[1];", "    out[5] = u2;", "    out[8] = exp(u3);", "}",
      ])
  }

  /// Python builds a mostly nonzero result from the list of its entries in one call, and fills a
  /// sparse one at its nonzeros.
  @Test func pythonBuildsDenseResultsInOneCall() throws {
    let dense = try code(["x*y, x + y", "--vars", "x,y", "--format", "python", "--layout", "col"])
    #expect(
      dense.contains(
        "    out = np.fromiter([\n        y,\n        1.0,\n        x,\n        1.0,\n    ], np.float64, 4)\n"))
    #expect(dense.contains("return out.reshape((2, 2), order=\"F\")"))
    let sparse = try code(["x, y, z", "--vars", "x,y,z", "--format", "python"])
    #expect(sparse.contains("    out = np.zeros(9)\n") && sparse.contains("    out[4] = 1.0\n"))
  }

  /// Squares and cubes are products in C, Swift and Python (a sum base through a temporary);
  /// Julia keeps `^`.
  @Test func smallPowersAreProducts() throws {
    let input = ["(x + y)^3 + x^2*y", "--vars", "x,y", "--format"]
    let c = try code(input + ["c"])
    #expect(c.contains("const double t0 = x + y;") && c.contains("t0*t0") && c.contains("x*x") && !c.contains("pow("))
    #expect(try code(input + ["python"]).contains("x*x") && !(try code(input + ["python"])).contains("**"))
    #expect(try code(input + ["julia"]).contains("^2"))
    // Without shared temporaries, only a leaf is repeated.
    let plain = try code(["(x + y)^3 + x^2*y", "--vars", "x,y", "--format", "c", "--no-cse"])
    #expect(plain.contains("pow((x + y), 2)") && plain.contains("x*x"))
  }
}
