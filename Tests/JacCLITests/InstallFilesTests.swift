import Foundation
import Testing

@testable import JacCLI

/// The man page, the shell completions and the command-line reference name every option and
/// command the scanner accepts, so they cannot fall behind the binary.
@Suite struct InstallFilesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  @Test(arguments: ["docs/jac.1", "completions/jac.bash", "completions/_jac", "completions/jac.fish", "docs/cli.md"])
  func namesEveryOption(_ path: String) throws {
    let text = try Self.read(path)
    // roff escapes '-' as '\-'.
    let plain = text.replacingOccurrences(of: "\\-", with: "-")
    for option in ArgumentScanner.valueOptions + ArgumentScanner.flagOptions {
      let name = option.hasPrefix("--") ? String(option.dropFirst(2)) : option
      let found =
        path.hasSuffix(".fish") ? plain.contains("-l \(name)") || plain.contains("-s h") : plain.contains(option)
      #expect(found, "\(path) does not mention \(option)")
    }
    for command in ArgumentScanner.commandAliases.keys where !["determinant", "gradient"].contains(command) {
      #expect(plain.contains(command), "\(path) does not mention the command \(command)")
    }
  }
}
