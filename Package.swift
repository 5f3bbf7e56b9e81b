// swift-tools-version:6.0
// jac: a command-line symbolic calculus tool. No third-party packages: only the toolchain.
import PackageDescription

let package = Package(
  name: "jac",
  products: [
    .executable(name: "jac", targets: ["jac"]),
    .library(name: "JacCore", targets: ["JacCore"]),
  ],
  targets: [
    // Pure library: parsing, expressions, calculus, simplification, printing. No I/O.
    // Release builds skip dynamic exclusivity checks: the pool and simplifier are classes with
    // hot mutable arrays, and the checks cost 12% of a batch run (docs/performance.md).
    // Static checks still apply; debug builds (the tests) keep the dynamic ones.
    .target(
      name: "JacCore",
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
    // Command layer: arguments, commands, diagnostics rendering, exit codes, stdin/stdout.
    .target(name: "JacCLI", dependencies: ["JacCore"]),
    // The executable: a few lines that hand CommandLine.arguments to JacCLI.
    .executableTarget(name: "jac", dependencies: ["JacCLI"]),
    .testTarget(name: "JacCoreTests", dependencies: ["JacCore"], exclude: ["Golden"]),
    .testTarget(name: "JacCLITests", dependencies: ["JacCLI", "JacCore"]),
  ]
)

// The libFuzzer target (`make fuzz`). It has no `main` (libFuzzer supplies one), so it is only
// declared when JAC_FUZZ is set: a plain `swift build` would fail to link it.
if Context.environment["JAC_FUZZ"] != nil {
  package.targets.append(.executableTarget(name: "JacFuzz", dependencies: ["JacCLI", "JacCore"]))
  package.products.append(.executable(name: "JacFuzz", targets: ["JacFuzz"]))
}
