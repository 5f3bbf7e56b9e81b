import JacCore
import Testing

@testable import JacCLI

/// Name lists (`--vars r, t`) are cut on bytes when ASCII and by `Character` otherwise, with the
/// same pieces the `Character` split gave (docs/performance.md).
@Suite struct NameListTests {
  @Test(arguments: [
    ("r,t", ["r", "t"]),
    ("  r ,  t  ", ["r", "t"]),
    ("r,,t,", ["r", "", "t", ""]),
    ("", [""]),
    (" ", [""]),
    ("θ, φ ,x", ["θ", "φ", "x"]),
    // A comma or space joined to a combining mark is one Character, not a separator or a space.
    (",\u{301}x, y", [",\u{301}x", "y"]),
    (" \u{301}x", [" \u{301}x"]),
  ])
  func pieces(_ text: String, _ expected: [String]) {
    #expect(ArgumentScanner.commaSeparated(text) == expected)
    let byCharacter = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    #expect(ArgumentScanner.commaSeparated(text) == byCharacter)
  }

  @Test(arguments: [
    ("x", true), ("_a1", true), ("Z9_", true), ("θ1", true), ("1x", false), ("", false), ("a-b", false),
    ("a b", false), ("[", false), ("`", false), ("@", false), ("{", false), ("x²", false),
  ])
  func identifiers(_ name: String, _ expected: Bool) {
    #expect(ArgumentScanner.isIdentifier(name) == expected, "\(name)")
  }

  /// 20,000 names, the largest list one argument holds (Linux caps an argument at 128 KiB).
  @Test func longList() throws {
    let names = (1...20_000).map { "u\($0)" }
    #expect(try ArgumentScanner.variableList(names.joined(separator: ","), .vars) == names)
  }
}
