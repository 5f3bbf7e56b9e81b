import Foundation
import Testing

/// Generated code computes complements that cancel in forms that keep their digits
/// (`AccurateForms`): each case's unit, run in C (three compilers), Python, Swift and MATLAB
/// (Octave), is within 1e-15, relatively, of mpmath's value (50 digits). Before, σ'(40) came out
/// 0 (σ(40) rounds to 1 in σ(1 − σ)), tanh'(20) and coth'(20) 0, tanh'(10) 1.1e-8 off, and
/// log(1 + x), exp(x) − 1 at x = 1e-10 8.3e-8 off; 1 − x² (d/dx asin x = 1/√(1 − x²), …) at
/// x = 1 − 2⁻³⁰ 2.3e-10 to 7.1e-9 off, and so was c − u² with u a sum (`atanh(x + y)`,
/// `4 - (2*x + 1)^2`), and log(1 + exp(x)) infinite (Python: an OverflowError) past x = 709.78.
/// Julia is not installed here: its unit is read.
@Suite struct CodePrecisionTests {
  struct Case {
    var input: String
    var x: String
    var value: Double
  }

  /// Derivatives along x (`diff --wrt x`), a batch: line k is `d_k`.
  static let derivatives = [
    Case(input: "sigmoid(x)", x: "40", value: 4.2483542552915889592e-18),
    Case(input: "sigmoid(x)", x: "-40", value: 4.2483542552915889592e-18),
    Case(input: "sigmoid(x)", x: "0.5", value: 0.23500371220159448907),
    Case(input: "log(sigmoid(x))", x: "40", value: 4.2483542552915889773e-18),
    Case(input: "tanh(x)", x: "20", value: 1.6993417021166355837e-17),
    Case(input: "tanh(x)", x: "10", value: 8.2446144557673973746e-9),
    Case(input: "-0.9*tanh(x)", x: "-20", value: -1.5294075319049720631e-17),
    Case(input: "coth(x)", x: "20", value: -1.6993417021166356126e-17),
    Case(input: "coth(x)", x: "0.5", value: -3.6826943768311692758),
    Case(input: "x*log(1 + x)", x: "1e-10", value: 1.99999999985e-10),
    // 1 − x² at x = 1 − 2⁻³⁰ (and its kin): before, 2.3e-10 to 7.1e-9 off, relatively.
    Case(input: "asin(x)", x: "0.9999999990686774", value: 23170.475011315585891),
    Case(input: "acos(x)", x: "-0.9999999990686774", value: -23170.475011315585891),
    Case(input: "atanh(x)", x: "0.9999999990686774", value: 536870912.25000000012),
    Case(input: "acosh(x)", x: "1.0000000018626451", value: 16383.999992370605474),
    Case(input: "asin(2*x)", x: "0.4999999990686774", value: 32768.000015258789073),
    Case(input: "asin(x/3)", x: "2.9999999962747097", value: 6688.7399930363898442),
    Case(input: "atanh(x/2)", x: "1.9999999962747097", value: 134217728.12500000012),
    Case(input: "atanh(x^2)", x: "0.9999999990686774", value: 536870912.24999999988),
    // c − u² with u a sum, at u = 1 − 2⁻³⁰: before, 2.3e-10 to 4.7e-10 off, relatively.
    Case(input: "atanh(x + y)", x: "0.5, 0.4999999990686774", value: 536870912.25000000012),
    Case(input: "asin(x + y)", x: "0.5, 0.4999999990686774", value: 23170.475011315585891),
    Case(input: "acos(3 - x)", x: "2.0000000009313226", value: 23170.475011315585891),
    Case(input: "atanh(x + y + 1)", x: "-1.5, -0.5000000009313226", value: -536870911.75000000012),
    // 1 − cos(x) and cosh(x) − 1 as 2 sin²(x/2), 2 sinh²(x/2): before, 8.3e-8 off at x = 1e-5.
    Case(input: "x - sin(x)", x: "1e-5", value: 4.9999999999583341514e-11),
    Case(input: "sinh(x) - x", x: "1e-5", value: 5.0000000000416674847e-11),
    Case(input: "x - sin(x)", x: "3", value: 1.9899924966004454573),
    // d/dx log(1 + exp(x)) = exp(x)/(exp(x) + 1): before, NaN past x = 709.78 (inf/inf).
    Case(input: "log(1 + exp(x))", x: "800", value: 1),
    Case(input: "log(1 + exp(x))", x: "-700", value: 9.8596765437597708567e-305),
    Case(input: "3*log(1 + exp(x))", x: "2", value: 2.6423912339336473322),
  ]

  /// Values (`simplify`), a batch: line k is `s_k`.
  static let values = [
    Case(input: "log(1 + x)", x: "1e-10", value: 9.9999999995e-11),
    Case(input: "log(1 + x)", x: "3", value: 1.3862943611198906188),
    Case(input: "log(1 - x^2)", x: "1e-6", value: -1.0000000000005e-12),
    Case(input: "exp(x) - 1", x: "1e-10", value: 1.00000000005e-10),
    Case(input: "exp(x) - 1", x: "2", value: 6.3890560989306502272),
    Case(input: "1 - exp(-x)", x: "1e-10", value: 9.9999999995e-11),
    Case(input: "3*exp(x) - 3", x: "1e-12", value: 3.0000000000015e-12),
    Case(input: "x + exp(x) - 1", x: "1e-10", value: 2.00000000005e-10),
    Case(input: "1 - x^2", x: "0.9999999990686774", value: 1.8626451483635952933e-9),
    Case(input: "x^2 - 4", x: "1.9999999962747097", value: -1.4901161179969868442e-8),
    Case(input: "4 - (2*x + 1)^2", x: "0.4999999990686774", value: 7.450580593454381173e-9),
    Case(input: "1 - (x + y)^2", x: "0.5, 0.4999999990686774", value: 1.8626451483635952933e-9),
    Case(input: "1 - (x + y)^4", x: "0.5, 0.4999999990686774", value: 3.7252902932577436378e-9),
    // Before: 1 - cos(x) and cosh(x) - 1 0 at x = 1e-9, cos(x) - 1 2.7e-9 off at 2e-4, and
    // x + cos(x) - 1 1.0e-13 at 1e-3.
    Case(input: "1 - cos(x)", x: "1e-9", value: 5.0000000000000006224e-19),
    Case(input: "cos(x) - 1", x: "2e-4", value: -1.9999999933333335339e-8),
    Case(input: "cosh(x) - 1", x: "1e-9", value: 5.0000000000000006232e-19),
    Case(input: "2 - 2*cosh(x)", x: "-30", value: -10686474581522.462147),
    Case(input: "x + cos(x) - 1", x: "1e-3", value: 0.00099950000004166668607),
    // log(1 + exp(x)): before, infinite past x = 709.78 (Python: OverflowError).
    Case(input: "log(1 + exp(x))", x: "800", value: 800),
    Case(input: "log(1 + exp(x))", x: "-700", value: 9.8596765437597708567e-305),
    Case(input: "log(1 + exp(x))", x: "30", value: 30.000000000000093576),
    Case(input: "2*log(1 + exp(-x))", x: "-710", value: 1420),
  ]

  /// The two batches' calls, in order: `d_1(40)`, …, `s_1(1e-10)`, …
  static let calls =
    derivatives.enumerated().map { "d_\($0.offset + 1)(\($0.element.x))" }
    + values.enumerated().map { "s_\($0.offset + 1)(\($0.element.x))" }
  static let expected = (derivatives + values).map(\.value)

  /// The two batches' units in `language`.
  private func units(_ language: String) throws -> [String] {
    let batches = [
      (["diff", "--wrt", "x", "--name", "d"], Self.derivatives), (["simplify", "--name", "s"], Self.values),
    ]
    return try batches.map { arguments, cases in
      let input = cases.map(\.input).joined(separator: "\n") + "\n"
      let result = try ProcessRunner.run(arguments + ["--format", language], stdin: input)
      #expect(result.status == 0, "\(language): \(result.stderr)")
      return result.stdout
    }
  }

  private func check(_ output: String, _ what: String) {
    let got = output.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    #expect(got.count == Self.expected.count, "\(what): \(output)")
    for (k, (g, e)) in zip(got, Self.expected).enumerated() {
      #expect(abs(g - e) <= 1e-15 * abs(e), "\(what) \(Self.calls[k]): \(g), mpmath \(e)")
    }
  }

  private func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-precision-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func cKeepsTheDigits() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let prints = Self.calls.map { "  printf(\"%.17g\\n\", \($0));\n" }.joined()
    let source = try units("c").joined() + "#include <stdio.h>\nint main(void) {\n\(prints)  return 0;\n}\n"
    for (compiler, output) in try CCompilers.compileAndRun(source, in: directory) { check(output, compiler) }
  }

  @Test func pythonKeepsTheDigits() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = try units("python").joined(separator: "\n") + Self.calls.map { "print(repr(\($0)))\n" }.joined()
    try script.write(to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory)
    #expect(code == 0, "python: \(output)")
    check(output, "python")
  }

  @Test func swiftKeepsTheDigits() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try units("swift").joined() + Self.calls.map { "print(\($0))\n" }.joined()
    check(try CodeGenerationTests().compileAndRunSwift(source, in: directory), "swift")
  }

  @Test func matlabKeepsTheDigits() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/octave-cli") else {
      Issue.record("octave-cli is not installed: run make test-deps")
      return
    }
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, unit) in zip(["d", "s"], try units("matlab")) {
      try unit.write(to: directory.appendingPathComponent("\(name).m"), atomically: true, encoding: .utf8)
    }
    let script = Self.calls.map { "printf('%.17g\\n', \($0.first!).\($0));\n" }.joined()
    try script.write(to: directory.appendingPathComponent("run.m"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/octave-cli", ["--no-gui", "--norc", "run.m"], in: directory)
    #expect(code == 0, "octave: \(output)")
    check(output, "octave")
  }

  /// Matrix calculus's NumPy: entry by entry, `np.log1p`, `np.expm1` and, for log(1 + exp(x)),
  /// `np.logaddexp` (mpmath: the sums over x = (1e-10, 2e-10), 3e-10 ∓ 2.5e-20, and over
  /// x = (800, -700), 800; `np.log1p(np.exp(x))` was infinite).
  @Test func numpyKeepsTheDigits() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    var script = ""
    let points = ["1e-10, 2e-10", "1e-10, 2e-10", "800.0, -700.0"]
    for (input, point) in zip(["sum(log(1 + x))", "sum(exp(x) - 1)", "sum(log(1 + exp(x)))"], points) {
      let unit = try ProcessRunner.run(["simplify", input, "--vector", "x", "--format", "python"])
      #expect(unit.status == 0, "\(input): \(unit.stderr)")
      script += unit.stdout + "\nprint(repr(float(expression(np.array([\(point)])))))\n"
    }
    try script.write(to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory)
    #expect(code == 0, "python: \(output)")
    #expect(script.contains("np.log1p(x)") && script.contains("np.expm1(x)"), "\(script)")
    #expect(script.contains("np.logaddexp(0.0, x)"), "\(script)")
    let got = output.split(separator: "\n").compactMap { Double($0) }
    #expect(got.count == 3, "\(output)")
    for (g, e) in zip(got, [2.99999999975e-10, 3.00000000025e-10, 800]) {
      #expect(abs(g - e) <= 1e-15 * e, "numpy: \(g), mpmath \(e)")
    }
  }

  /// Matrix calculus's NumPy: 1 − x² entry by entry as (1 − x)(x + 1), A @ x computed once
  /// (mpmath at 1 − 2⁻³⁰ and 1/2 − 2⁻³⁰; `1.0 - x ** 2` was 4.7e-10 off, relatively).
  @Test func numpyDifferencesOfSquaresKeepTheDigits() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let g = 536870912.25000000012
    let cases: [(input: String, point: String, expected: [Double])] = [
      ("sum(atanh(x))", "x=np.array([0.9999999990686774, -0.9999999990686774, 0.5])", [g, g, 4.0 / 3.0]),
      (
        "sum(acos(2*x))", "x=np.array([0.4999999990686774, -0.4999999990686774])",
        [-32768.000015258789073, -32768.000015258789073]
      ),
      (
        "sum(atanh(A*x))", "x=np.array([0.9999999990686774, 1.9999999981373549]), A=np.array([[1.0, 0.0], [0.0, 0.5]])",
        [g, g / 2]
      ),
    ]
    var script = ""
    for (k, c) in cases.enumerated() {
      let unit = try ProcessRunner.run([
        "grad", c.input, "--vector", "x", "--matrix", "A", "--format", "python", "--name", "g\(k)",
      ])
      #expect(unit.status == 0, "\(c.input): \(unit.stderr)")
      script += unit.stdout + "\nprint(*[repr(float(v)) for v in g\(k)(\(c.point))])\n"
    }
    try script.write(to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory)
    #expect(code == 0, "python: \(output)")
    #expect(script.contains("(1.0 - x)") && script.contains("t0 = A @ x"), "\(script)")
    let got = output.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
    #expect(got.count == cases.count, "\(output)")
    for (row, c) in zip(got, cases) {
      #expect(row.count == c.expected.count, "\(c.input): \(row)")
      for (v, e) in zip(row, c.expected) { #expect(abs(v - e) <= 1e-15 * abs(e), "\(c.input): \(v), mpmath \(e)") }
    }
  }

  /// Julia (read): Base's log1p and expm1, the helper at −u, sech as 1/cosh.
  @Test func juliaWritesTheSameForms() throws {
    let units = try units("julia")
    for part in ["jac_sigmoid(x)*jac_sigmoid(-x)", "(1.0/cosh(x))^2", "(1.0/sinh(x))^2"] {
      #expect(units[0].contains(part), "\(part)")
    }
    for part in ["(x + 1.0)*(1.0 - x)", "4.0*(x + 0.5)*(0.5 - x)", "(x^2 + 1.0)*(x + 1.0)*(1.0 - x)"] {
      #expect(units[0].contains(part), "\(part)")
    }
    for part in [
      "log1p(x)", "expm1(x)", "-expm1(-x)", "3.0*expm1(x)", "x + expm1(x)", "log1p(-x^2)", "(x - 2.0)*(x + 2.0)",
      "jac_softplus(x)", "2.0*jac_softplus(-x)", "jac_softplus(x) = ",
    ] {
      #expect(units[1].contains(part), "\(part)")
    }
  }

  /// The forms are the code's only: the text answers keep jac's form.
  @Test func answersKeepTheirForm() throws {
    let sigmoid = try ProcessRunner.run(["diff", "sigmoid(x)", "--wrt", "x"])
    #expect(sigmoid.stdout == "sigmoid(x)*(1 - sigmoid(x))\n")
    let tanh = try ProcessRunner.run(["diff", "tanh(x)", "--wrt", "x"])
    #expect(tanh.stdout == "1 - tanh(x)^2\n")
    let logarithm = try ProcessRunner.run(["simplify", "log(1 + x) + exp(x) - 1"])
    #expect(logarithm.stdout == "log(x + 1) + exp(x) - 1\n")
    let asin = try ProcessRunner.run(["diff", "asin(x)", "--wrt", "x"])
    #expect(asin.stdout == "1/sqrt(1 - x^2)\n")
    let softplus = try ProcessRunner.run(["simplify", "log(1 + exp(x))"])
    #expect(softplus.stdout == "log(exp(x) + 1)\n")
  }
}
