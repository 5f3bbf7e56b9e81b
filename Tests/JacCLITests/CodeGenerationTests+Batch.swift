import Foundation
import Testing

/// A batch (one input a line on standard input) in a code format is one unit that compiles and
/// runs: the function of line k is `NAME_k`, the includes or imports and each helper are written
/// once (C: jac_digamma, needed by lines 3 and 5; jac_sigmoid, first needed by line 5), a bad
/// line is reported with its number while the others are answered. Each language runs the
/// batch's functions at a point and must agree with `--at` on each line.
extension CodeGenerationTests {
  /// Line 2 is a comment and line 4 does not parse: the functions are those of lines 1, 3, 5.
  static let batch = "x*y^2, sin(x)*y\n# gamma needs digamma\ngamma(x)*y\nx+\nloggamma(x + y) + sigmoid(x)*y\n"
  static let batchLines = [1, 3, 5]
  static let batchPoint = [("x", 0.7), ("y", 1.3)]
  /// Each function called at the point, separated by commas.
  static let batchCalls = batchLines.map { "jacobian_\($0)(0.7, 1.3)" }.joined(separator: ", ")

  /// The batch in `language`: its output, after checking the status and the error of line 4.
  private func batchUnit(_ language: String, _ options: [String] = []) throws -> String {
    let result = try ProcessRunner.run(["--vars", "x,y", "--format", language] + options, stdin: Self.batch)
    #expect(result.status == 65, "\(language): \(result.stderr)")
    #expect(result.stderr.hasPrefix("error: line 4: expected an expression"), "\(language): \(result.stderr)")
    return result.stdout
  }

  /// jac's values of each answered line at the point.
  private func batchReference() throws -> [[Double]] {
    let lines = Self.batch.split(separator: "\n", omittingEmptySubsequences: false)
    return try Self.batchLines.map { k in
      try reference(Case(arguments: [String(lines[k - 1]), "--vars", "x,y"], point: Self.batchPoint))
    }
  }

  private func compareBatch(_ got: [[Double]], _ what: String) throws {
    let expected = try batchReference()
    #expect(got.count == expected.count, "\(what): \(got)")
    for (k, e) in expected.enumerated() {
      compare(k < got.count ? got[k] : [], e, "\(what) line \(Self.batchLines[k])")
    }
  }

  private func occurrences(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

  /// Standard input with one answered line (around comments and a bad line) is byte for byte
  /// the input given as an argument, in every language: the first unit is held until a second.
  @Test(arguments: ["c", "python", "swift", "julia", "matlab"])
  func oneLineIsTheInputAlone(_ language: String) throws {
    let input = "loggamma(x + y) + sigmoid(x)*y"
    let alone = try ProcessRunner.run([input, "--vars", "x,y", "--format", language, "--name", "f"])
    let piped = try ProcessRunner.run(
      ["--vars", "x,y", "--format", language, "--name", "f"], stdin: "# one\n\(input)\nx+\n")
    #expect(alone.status == 0 && piped.status == 65)
    #expect(piped.stdout == alone.stdout, "\(language)")
  }

  /// C: one `#include <math.h>`, each helper once; the file compiles with the strict warnings and
  /// as C99 and C++, and its functions agree with `--at`. `--name` and `--layout csc` too.
  @Test func cBatchIsOneUnit() throws {
    let unit = try batchUnit("c")
    #expect(occurrences(unit, "#include <math.h>") == 1)
    #expect(occurrences(unit, "static inline double jac_digamma(") == 1)
    #expect(occurrences(unit, "static inline double jac_sigmoid(") == 1)
    // The helper comes before the first function that calls it.
    let helper = unit.range(of: "double jac_sigmoid(")!.lowerBound
    #expect(unit.range(of: "void jacobian_3(")!.lowerBound < helper)
    #expect(helper < unit.range(of: "void jacobian_5(")!.lowerBound)
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try CCompilers.strictComplaints(unit, in: directory) == [])
    let reference = try batchReference()
    var main = "int main(void) {\n"
    for (k, line) in Self.batchLines.enumerated() {
      main += "  { double out[\(reference[k].count)] = {0}; jacobian_\(line)(0.7, 1.3, out);\n"
      main += "    for (int i = 0; i < \(reference[k].count); i++) { printf(\"%.17g \", out[i]); }\n"
      main += "    printf(\"\\n\"); }\n"
    }
    let source = "#include <stdio.h>\n" + unit + main + "  return 0;\n}\n"
    for (compiler, output) in try CCompilers.compileAndRun(source, in: directory) {
      try compareBatch(values(output), "\(compiler) batch")
    }
    let sparse = try batchUnit("c", ["--name", "f", "--layout", "csc"])
    #expect(sparse.contains("const int f_1_colptr[3]") && sparse.contains("void f_5(double x, double y, double *nzval"))
    #expect(try CCompilers.strictComplaints(sparse, in: directory) == [])
  }

  /// Python: the imports and each helper once; run, each function agrees with `--at`.
  @Test func pythonBatchRuns() throws {
    let unit = try batchUnit("python")
    #expect(occurrences(unit, "import numpy as np\n") == 1 && occurrences(unit, "def jac_digamma(") == 1)
    let script = unit + "\nfor v in (\(Self.batchCalls)):\n    print(' '.join(repr(float(e)) for e in np.ravel(v)))\n"
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try script.write(to: directory.appendingPathComponent("batch.py"), atomically: true, encoding: .utf8)
    try compareBatch(values(try run("/usr/bin/env", ["python3", "batch.py"], in: directory)), "Python batch")
  }

  /// Swift: a helper defined twice would not compile (invalid redeclaration).
  @Test func swiftBatchCompiles() throws {
    let unit = try batchUnit("swift")
    #expect(occurrences(unit, "import Foundation") == 1 && occurrences(unit, "func jac_digamma(") == 1)
    let source = unit + "\nfor v in [\(Self.batchCalls)] { print(v.map { String($0) }.joined(separator: \" \")) }\n"
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try compareBatch(values(try compileAndRunSwift(source, in: directory)), "Swift batch")
  }

  /// MATLAB: the functions are static methods of the class `jacobian` (a file of one class;
  /// a function file exports only its first function), the helpers local functions after it.
  @Test func matlabBatchIsOneClass() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/octave-cli") else {
      Issue.record("octave-cli is not installed: run make test-deps")
      return
    }
    let unit = try batchUnit("matlab")
    #expect(unit.hasPrefix("classdef jacobian\n  methods (Static)\n    function J = jacobian_1(x, y)\n"))
    #expect(occurrences(unit, "function y = jac_sigmoid(") == 1)
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try unit.write(to: directory.appendingPathComponent("jacobian.m"), atomically: true, encoding: .utf8)
    let script = Self.batchLines.map {
      "v = jacobian.jacobian_\($0)(0.7, 1.3).'; printf('value'); printf(' %.17g', v(:)); printf('\\n');\n"
    }.joined()
    try script.write(to: directory.appendingPathComponent("batch.m"), atomically: true, encoding: .utf8)
    let log = try run("/usr/bin/octave-cli", ["--no-gui", "--norc", "batch.m"], in: directory)
    let lines = log.split(separator: "\n").filter { $0.hasPrefix("value") }.map { $0.dropFirst(5) }
    try compareBatch(values(lines.joined(separator: "\n")), "MATLAB batch")
  }

  /// Julia is not installed here (read, not run): each function and helper is defined once,
  /// `jac_lanczos` too (a `const` redefined with another value is an error).
  @Test func juliaBatchDefinesEachOnce() throws {
    let unit = try batchUnit("julia", ["--name", "f"])
    for definition in ["function f_1!(J, x, y)", "function f_3!(J, x, y)", "function f_5!(J, x, y)"] {
      #expect(occurrences(unit, definition) == 1, "\(definition)")
    }
    for helper in ["const jac_lanczos =", "function jac_gamma(", "function jac_digamma(", "jac_sigmoid(x) ="] {
      #expect(occurrences(unit, helper) == 1, "\(helper)")
    }
    #expect(!unit.contains("function f!(") && unit.contains("f_5(x, y) = f_5!(zeros(1, 2), x, y)\n"))
  }

  /// A matrix-calculus batch in Python imports NumPy once; a single input is unchanged (its
  /// function keeps its plain name).
  @Test func matrixCalculusBatchImportsOnce() throws {
    let result = try ProcessRunner.run(
      ["--vector", "x", "--matrix", "A", "--format", "python"], stdin: "x'*A*x\nsum(sigmoid(A*x))\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(occurrences(result.stdout, "import numpy as np") == 1)
    #expect(result.stdout.contains("def jacobian_1(x, A):") && result.stdout.contains("def jacobian_2(x, A):"))
    let single = try ProcessRunner.run(["--vector", "x", "--matrix", "A", "--format", "python", "x'*A*x"])
    #expect(single.stdout.hasPrefix("import numpy as np\n\n\ndef jacobian(x, A):"))
  }
}
