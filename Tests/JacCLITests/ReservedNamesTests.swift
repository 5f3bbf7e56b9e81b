import Foundation
import Testing

@testable import JacCLI
@testable import JacCore

/// Every reserved name of every target language, as a variable: one unit per language whose
/// parameters are all of them compiles (cc, swiftc) or runs (python3, Octave for MATLAB) and
/// agrees with jac's own value. Julia cannot be run here; its list is checked for what it must
/// contain.
@Suite struct ReservedNamesTests {
  /// Every name of every list that jac reads as a variable, and names that must start differently.
  static let names: [String] = {
    var all = CodeLanguage.common.union(CodeLanguage.cKeywords).union(CodeLanguage.mathLibrary)
      .union(CodeLanguage.pythonKeywords).union(CodeLanguage.swiftKeywords).union(CodeLanguage.juliaKeywords)
      .union(CodeLanguage.matlabKeywords)
    all.formUnion(["_", "__", "__x", "_Bool2", "_x", "x_", "e_", "t0", "t1", "J_", "out_"])
    return all.filter { ArgumentScanner.isIdentifier($0) && Parser.isVariableName($0) }.sorted()
  }()

  /// d/dx of x^(1/3)·(sum of the names) + sin(x)·|x|: the body calls pow or cbrt-like roots,
  /// copysign, sin, fabs/abs, and names every parameter.
  static let arguments = ["grad", "x^(1/3)*(" + names.joined(separator: " + ") + ") + sin(x)*abs(x)", "--vars", "x"]
  static let x = 0.7
  static let others = 0.25

  /// jac's own value: x' = (n/4)/(3·x^(2/3)) + cos(x)·|x| + sin(x)·sign(x).
  static var expected: Double {
    Double(names.count) * others / (3 * pow(x, 2.0 / 3)) + cos(x) * x + sin(x)
  }

  static func unit(_ language: String) throws -> String {
    let result = try ProcessRunner.run(arguments + ["--format", language])
    #expect(result.status == 0, "\(language): \(result.stderr)")
    return result.stdout
  }

  static var callArguments: String {
    ([String(x)] + Array(repeating: String(others), count: names.count)).joined(separator: ", ")
  }

  static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-names-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  static func check(_ output: String, _ language: String) {
    let value = Double(output.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "[" || $0 == "]" }).first ?? "")
    #expect(value.map { abs($0 - expected) <= 1e-12 * abs(expected) } == true, "\(language): \(output)")
  }

  @Test func listsHaveWhatEachLanguageNeeds() {
    // The cases issue 15 found, each renamed, and C++'s keywords (generated C compiles as C++).
    for (language, name) in [
      (CodeLanguage.c, "fabs"), (.c, "copysign"), (.c, "NAN"), (.c, "INFINITY"), (.c, "_Bool"), (.c, "restrict"),
      (.c, "inline"), (.c, "volatile"), (.c, "class"), (.c, "new"), (.c, "this"), (.c, "xor"), (.python, "None"),
      (.python, "nonlocal"), (.python, "await"),
      (.swift, "_"), (.swift, "nil"), (.swift, "inout"), (.swift, "where"), (.swift, "Double"), (.swift, "copysign"),
      (.julia, "end"), (.julia, "_"), (.julia, "copysign"), (.matlab, "_x"), (.matlab, "end"), (.matlab, "eps"),
    ] {
      #expect(language.identifier(name) != name, "\(language) keeps \(name)")
    }
    #expect(CodeLanguage.c.identifier("__x") == "v__x" && CodeLanguage.matlab.identifier("_x") == "v_x")
    #expect(CodeLanguage.julia.identifier("__") == "v__" && CodeLanguage.swift.identifier("_") == "__")
    #expect(Self.names.count > 400)
  }

  @Test func cCompilesAndAgrees() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source =
      try Self.unit("c") + """
        #include <stdio.h>
        int main(void) { double out[1] = {0}; gradient(\(Self.callArguments), out); printf("%.17g\\n", out[0]); return 0; }

        """
    // C99 and C++ (``CCompilers``: C++'s keywords are reserved too), then GNU C11.
    for (compiler, output) in try CCompilers.compileAndRun(source, in: directory) { Self.check(output, compiler) }
    let (code, log) = try ProcessRunner.tool(
      "/usr/bin/cc", ["-std=gnu11", "-Wall", "-Werror", "-o", "names", "unit.c", "-lm"], in: directory)
    #expect(code == 0, "cc -std=gnu11: \(log.prefix(2000))")
  }

  @Test func pythonRunsAndAgrees() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = try Self.unit("python") + "\nprint(repr(float(gradient(\(Self.callArguments))[0])))\n"
    try script.write(to: directory.appendingPathComponent("names.py"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool("/usr/bin/env", ["python3", "names.py"], in: directory)
    #expect(code == 0, "python3: \(log.prefix(2000))")
    Self.check(log, "Python")
  }

  @Test func swiftCompilesAndAgrees() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try Self.unit("swift") + "\nprint(gradient(\(Self.callArguments))[0])\n"
    try source.write(to: directory.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool("/usr/bin/env", ["swiftc", "-o", "names", "main.swift"], in: directory)
    #expect(code == 0, "swiftc: \(log.prefix(2000))")
    Self.check(try ProcessRunner.tool(directory.appendingPathComponent("names").path, [], in: directory).log, "Swift")
  }

  /// MATLAB through Octave (installed by `make test-deps`).
  @Test func matlabRunsInOctaveAndAgrees() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/octave-cli") else {
      Issue.record("octave-cli is not installed: run make test-deps")
      return
    }
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.unit("matlab").write(to: directory.appendingPathComponent("gradient.m"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool(
      "/usr/bin/octave-cli",
      ["--no-gui", "--norc", "--eval", "printf('value %.17g\\n', gradient(\(Self.callArguments)))"], in: directory)
    #expect(code == 0, "octave: \(log.prefix(2000))")
    // Octave warns that gradient.m shadows its own gradient; the value is on its own line.
    let line = log.split(separator: "\n").first { $0.hasPrefix("value ") }
    Self.check(String(line?.dropFirst(6) ?? ""), "MATLAB")
  }
}
