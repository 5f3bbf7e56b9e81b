import Foundation
import Testing

/// The compilers every generated C unit must pass, warnings as errors: C99 (`cc`), C++ (`g++`,
/// as C++ projects such as ROS compile it) and `clang++` where one is on PATH (the Swift
/// toolchain has one). `make test-deps` installs g++; a missing g++ fails the test that needs it.
enum CCompilers {
  struct Compiler {
    var name: String
    var path: String
    var flags: [String]
  }

  static let c = Compiler(
    name: "cc -std=c99", path: "/usr/bin/cc", flags: ["-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror"])
  static let cxxFlags = ["-x", "c++", "-std=c++11", "-Wall", "-Wextra", "-pedantic", "-Werror"]

  /// Warnings beyond `-Wall -Wextra` that projects with strict builds turn on (embedded code
  /// with `-Wdouble-promotion`, numerical code with `-Wconversion`); generated units pass them too.
  static let strictFlags = [
    "-std=c99", "-fsyntax-only", "-Wall", "-Wextra", "-pedantic", "-Werror", "-Wdouble-promotion", "-Wconversion",
    "-Wsign-conversion", "-Wshadow", "-Wcast-qual", "-Wstrict-prototypes", "-Wundef", "-Wredundant-decls",
  ]

  /// cc and clang (C) with ``strictFlags``: each compiler's complaint, empty when the unit passes.
  /// clang is looked up on PATH (the Swift toolchain has one); cc must be installed.
  static func strictComplaints(_ source: String, in directory: URL) throws -> [String] {
    try source.write(to: directory.appendingPathComponent("strict.c"), atomically: true, encoding: .utf8)
    var compilers = [c.path]
    if let clang = onPath("clang") { compilers.append(clang) }
    return try compilers.compactMap { path in
      let (code, log) = try ProcessRunner.tool(path, strictFlags + ["strict.c"], in: directory)
      return code == 0 ? nil : "\(path): \(log.prefix(3000))"
    }
  }

  static func onPath(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// cc, g++, then clang++ if installed.
  static var all: [Compiler] {
    var compilers = [c, Compiler(name: "g++ -std=c++11", path: "/usr/bin/g++", flags: cxxFlags)]
    if let clang = onPath("clang++") {
      compilers.append(Compiler(name: "clang++ -std=c++11", path: clang, flags: cxxFlags))
    }
    return compilers
  }

  /// Compiles `source` (a whole program) with each compiler in `directory` and runs it: each
  /// compiler's name and the program's output. A compiler that is missing or rejects the source
  /// is a recorded issue (with its log), and has no output.
  static func compileAndRun(_ source: String, in directory: URL) throws -> [(compiler: String, output: String)] {
    try source.write(to: directory.appendingPathComponent("unit.c"), atomically: true, encoding: .utf8)
    var outputs: [(compiler: String, output: String)] = []
    for (k, compiler) in all.enumerated() {
      guard FileManager.default.isExecutableFile(atPath: compiler.path) else {
        Issue.record("\(compiler.path) is not installed: run make test-deps")
        continue
      }
      let binary = "unit\(k)"
      let (code, log) = try ProcessRunner.tool(
        compiler.path, compiler.flags + ["-o", binary, "unit.c", "-lm"], in: directory)
      #expect(code == 0, "\(compiler.name): \(log.prefix(3000))")
      guard code == 0 else { continue }
      let run = try ProcessRunner.tool(directory.appendingPathComponent(binary).path, [], in: directory)
      #expect(run.code == 0, "\(compiler.name): the program failed: \(run.log)")
      outputs.append((compiler.name, run.log))
    }
    return outputs
  }
}
