import Foundation
import Testing

/// The special-function helpers of generated units keep their relative precision where the
/// function is near zero: ψ near its positive zero x₀ ≈ 1.4616 (the minimum of Γ, where a Newton
/// solver on log Γ's gradient evaluates it). Each point's value is mpmath's, at 50 digits; before
/// the helpers took ψ's Taylor series at x₀, ψ(x₀ + 10⁻¹²) came out 1.8e-4 off, relatively.
@Suite struct HelperAccuracyTests {
  static let points: [(x: Double, digamma: Double)] = [
    (1.4616321449683622, -9.2412655217294275168e-17), (1.4616321449693621, 9.6745099301665950831e-13),
    (1.46163214496, -8.0919610908162137446e-12), (1.34, -0.12475462789700386053), (1.586, 0.11395994408856486463),
  ]

  /// `digamma(x)`'s unit with `--with-value`: f = ψ(x) (J = ψ'(x), not checked here).
  private func unit(_ language: String) throws -> String {
    let result = try ProcessRunner.run(["digamma(x)", "--vars", "x", "--with-value", "--format", language])
    #expect(result.status == 0, "\(language): \(result.stderr)")
    return result.stdout
  }

  private func check(_ output: String, _ what: String) {
    let got = output.split(separator: "\n").compactMap { Double($0) }
    #expect(got.count == Self.points.count, "\(what): \(output)")
    for (g, p) in zip(got, Self.points) {
      #expect(abs(g - p.digamma) <= 1e-14 * abs(p.digamma), "\(what): digamma(\(p.x)) = \(g), mpmath \(p.digamma)")
    }
  }

  private func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-helper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func digammaNearItsZeroInC() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let calls = Self.points.map { "  jacobian(\($0.x), f, J);\n  printf(\"%.17g\\n\", f[0]);\n" }.joined()
    let source = try unit("c") + "#include <stdio.h>\nint main(void) {\n  double f[1], J[1];\n\(calls)  return 0;\n}\n"
    for (compiler, output) in try CCompilers.compileAndRun(source, in: directory) { check(output, compiler) }
  }

  @Test func digammaNearItsZeroInPython() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let calls = Self.points.map { "print(repr(float(jacobian(\($0.x))[0][0])))\n" }.joined()
    try (try unit("python") + "\n" + calls).write(
      to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory)
    #expect(code == 0, "python: \(output)")
    check(output, "python")
  }
}
