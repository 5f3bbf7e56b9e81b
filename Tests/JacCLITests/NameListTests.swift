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

  /// A range `u1..u100000` is the names in order; pieces around it stay in place.
  @Test func ranges() throws {
    #expect(try ArgumentScanner.variableList("a, x8..x11, b", .vars) == ["a", "x8", "x9", "x10", "x11", "b"])
    #expect(try ArgumentScanner.variableList("q0..q0", .vars) == ["q0"])
    let many = try ArgumentScanner.variableList("u1..u100000", .vars)
    #expect(many.count == 100_000 && many.first == "u1" && many.last == "u100000" && many[41] == "u42")
  }

  /// Pieces with `..` that are not ranges, and a name a range repeats.
  @Test(arguments: ["u5..u1", "u1..v5", "u1...u5", "u01..u5", "1..5", "u1..", "..u5", "u1..u10000000"])
  func notRanges(_ piece: String) {
    #expect(throws: UsageError(.variableRange(piece, option: .vars))) {
      try ArgumentScanner.variableList("x, " + piece, .vars)
    }
  }

  @Test func rangesRepeatingANameAreRefused() {
    #expect(throws: UsageError(.variableRepeated("u2", option: .vars))) {
      try ArgumentScanner.variableList("u1..u3,u2", .vars)
    }
  }

  /// 20,000 names, the largest list one argument holds (Linux caps an argument at 128 KiB).
  @Test func longList() throws {
    let names = (1...20_000).map { "u\($0)" }
    #expect(try ArgumentScanner.variableList(names.joined(separator: ","), .vars) == names)
  }
}
