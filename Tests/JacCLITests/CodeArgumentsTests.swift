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
    #expect(c.contains("void jacobian(const double *x /* [2] */, double k, double *restrict out /* [4] */) {"))
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
    #expect(c.contains("void jacobian(const double *x_ /* [2] */, double *restrict nzval /* [2] */) {"))
    #expect(c.contains("    const double x = x_[0];"))
  }

  /// C's output arrays are `restrict` exactly where the signature holds another array (the
  /// variables' array, or a second output), so the compiler may move reads of `x` and stores to
  /// the other arrays across their stores; the only array of a function of scalars stays plain.
  /// Arrays are pointers with their size in a comment (C++ takes no qualifier inside `[]`), and
  /// only a unit with `restrict` has the guard that defines it in C++.
  @Test func cOutputsAreRestrictBesideAnotherArray() throws {
    let scalars = try code(["x*y", "--vars", "x,y", "--format", "c"])
    #expect(scalars.contains("void jacobian(double x, double y, double *out /* [2] */) {"))
    #expect(!scalars.contains("restrict"))
    let sparse = try code(["x*y", "--vars", "x,y", "--format", "c", "--layout", "csc"])
    #expect(sparse.contains("void jacobian(double x, double y, double *nzval /* [2] */) {"))
    let array = try code(["x*y", "--vars", "x,y", "--format", "c", "--arguments", "array", "--layout", "csc"])
    #expect(array.contains("void jacobian(const double *x_ /* [2] */, double *restrict nzval /* [2] */) {"))
    #expect(
      array.contains(
        "#if !defined(restrict) && (defined(__cplusplus) || !defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L)\n"
          + "#define restrict __restrict\n"))
    #expect(
      array.hasSuffix("}\n\n#ifdef JAC_RESTRICT_DEFINED\n#undef restrict\n#undef JAC_RESTRICT_DEFINED\n#endif\n\n"))
    let value = try code(["x*y", "--vars", "x,y", "--format", "c", "--with-value"])
    #expect(
      value.contains("void jacobian(double x, double y, double *restrict f /* [1] */, double *restrict J /* [2] */) {"))
    let state = try code(["linearize", "x2, u - sin(x1)", "--state", "x1,x2", "--input", "u", "--format", "c"])
    #expect(state.contains("double u, double *restrict A /* [4] */, double *restrict B /* [2] */) {"))
    // A scalar result returns its value: no array at all.
    let scalar = try code(["diff", "x*y", "--wrt", "x", "--format", "c", "--arguments", "array"])
    #expect(scalar.contains("double derivative(const double *x_ /* [2] */) {"))
  }

  /// The guard of ``cOutputsAreRestrictBesideAnotherArray()`` in a file that includes two units:
  /// in C++ `restrict` is defined for each unit and undefined after it, unless the including
  /// file defined it first, whose definition is then used and kept; in C it is the keyword. The
  /// file compiles and runs as C99 and as C++ (``CCompilers``); in C++ the first unit (`g`) is
  /// included inside `extern "C" { }`, for C linkage.
  @Test func cRestrictGuardLeavesNothingBehind() throws {
    let first = try code(["x*y, x + y", "--vars", "x,y", "--format", "c", "--arguments", "array", "--name", "f"])
    let second = try code(["x - y", "--vars", "x,y", "--format", "c", "--with-value", "--name", "g"])
    let source = """
      #include <stdio.h>
      #ifdef __cplusplus
      extern "C" {
      #endif
      \(second)
      #ifdef __cplusplus
      }
      #endif
      \(first)
      #if defined(__cplusplus) && defined(restrict)
      #error "restrict is still defined after the units"
      #endif
      #if defined(__cplusplus)
      #define restrict __restrict__
      #endif
      \(first.replacingOccurrences(of: "void f(", with: "void f2("))
      #if defined(__cplusplus) && !defined(restrict)
      #error "the includer's restrict was undefined"
      #endif
      int main(void) {
        const double x[2] = {2.0, 3.0};
        double J[4] = {0}, J2[4] = {0}, v[1] = {0}, G[2] = {0};
        f(x, J);
        f2(x, J2);
        g(2.0, 3.0, v, G);
        printf("%g %g %g %g %g %g %g %g\\n", J[0], J[1], J[2], J[3], J2[3], v[0], G[0], G[1]);
        return 0;
      }

      """
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-guard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputs = try CCompilers.compileAndRun(source, in: directory)
    #expect(outputs.count >= 2)
    for (compiler, output) in outputs { #expect(output == "3 2 1 1 1 -1 1 -1\n", "\(compiler)") }
  }

  /// Before C99 `restrict` is no keyword either (MSVC's C without `/std:c11` leaves
  /// `__STDC_VERSION__` undefined): the guard defines it there too. gcc in `-std=gnu89` stands in
  /// for such a compiler (it fails on the unit without the guard's C branch), and the units run.
  @Test func cRestrictGuardServesCompilersBeforeC99() throws {
    let first = try code(["x*y, x + y", "--vars", "x,y", "--format", "c", "--arguments", "array", "--name", "f"])
    let second = try code(["x - y", "--vars", "x,y", "--format", "c", "--with-value", "--name", "g"])
    let source =
      first + second + """
        #include <stdio.h>
        int main(void) {
          const double x[2] = {2.0, 3.0};
          double J[4] = {0}, v[1] = {0}, G[2] = {0};
          f(x, J);
          g(2.0, 3.0, v, G);
          printf("%g %g %g %g %g %g %g\\n", J[0], J[1], J[2], J[3], v[0], G[0], G[1]);
          return 0;
        }

        """
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-c89-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try source.write(to: directory.appendingPathComponent("unit.c"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool(
      CCompilers.c.path, ["-std=gnu89", "-Wall", "-Wextra", "-Wundef", "-Werror", "-o", "unit", "unit.c", "-lm"],
      in: directory)
    #expect(code == 0, "cc -std=gnu89: \(log)")
    guard code == 0 else { return }
    let run = try ProcessRunner.tool(directory.appendingPathComponent("unit").path, [], in: directory)
    #expect(run.log == "3 2 1 1 -1 1 -1\n")
  }

  /// A parameter, a `--where` definition or an output array that the body never reads or writes
  /// is named once, `(void)y;`, so the unit compiles under `-Wall -Wextra -Werror` as C and C++.
  @Test func cNamesWhatItNeverUses() throws {
    let scalars = try code(["x^2, 3", "--vars", "x,y,z", "--format", "c"])
    #expect(scalars.contains(") {\n    (void)y;\n    (void)z;\n    out[0] = 2.0*x;\n"))
    let array = try code(["3, 4", "--vars", "x,y", "--format", "c", "--arguments", "array"])
    #expect(array.contains("double *restrict out /* [4] */) {\n    (void)out;\n    (void)x_;\n}\n"))
    // An array a variable is read from is used; a variable never read is never loaded.
    let read = try code(["x^2", "--vars", "x,y", "--format", "c", "--arguments", "array"])
    #expect(!read.contains("(void)") && !read.contains("x_[1]"))
    let definition = try code([
      "v*cos(psi), v", "--vars", "psi,v,d", "--where", "beta = atan(lr*tan(d)/(lf + lr))", "--format", "c",
    ])
    #expect(definition.contains("    const double beta = atan(lr*tan(d)/(lf + lr));\n    (void)beta;\n"))
    let sparse = try code(["0*x", "--vars", "x", "--format", "c", "--layout", "csc"])
    #expect(sparse.contains("    (void)nzval;\n    (void)x;\n"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-unused-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for unit in [scalars, array, read, definition, sparse] {
      let outputs = try CCompilers.compileAndRun(unit + "int main(void) { return 0; }\n", in: directory)
      #expect(outputs.count >= 2, "\(unit)")
    }
  }

  /// C reads each variable just before the first statement that uses it (``CodeSchedule``).
  @Test func cReadsEachVariableWhereItIsFirstUsed() throws {
    let c = try code(["u1^2 + u2, u2*u3, exp(u3)", "--vars", "u1,u2,u3", "--format", "c", "--arguments", "array"])
    let body = c.split(separator: "\n").map(String.init).drop { !$0.hasPrefix("void") }.dropFirst().prefix { $0 != "}" }
    #expect(
      Array(body) == [
        "    const double u1 = x[0];", "    out[0] = 2.0*u1;", "    out[1] = 1.0;", "    const double u3 = x[2];",
        "    out[4] = u3;", "    const double u2 = x[1];", "    out[5] = u2;", "    out[8] = exp(u3);",
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
