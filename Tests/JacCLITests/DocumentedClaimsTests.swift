import Foundation
import Testing

/// What docs/cli.md and docs/errors.md say jac prints, in their running text, is what it prints:
/// every claim "`jac …` is `…`" (also "prints", "gives"; the `jac` may be left out before a
/// command) is run, and so is every "is fine: `…`" example, which must succeed.
@Suite struct DocumentedClaimsTests {
  struct Claim: CustomStringConvertible {
    var file: String
    var command: String
    /// The output the text gives, or nil for "is fine" (success, any output).
    var output: String?
    var description: String { "\(file): `\(command)`" }
  }

  static let files = ["docs/cli.md", "docs/errors.md"]

  /// The claims of one document, read with two patterns over its text with line breaks as spaces.
  static func claims(in file: String) -> [Claim] {
    guard let text = try? InstallFilesTests.read(file) else { return [] }
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    var claims: [Claim] = []
    let commands = #"`((?:jac )?[a-z]+ "[^`]*?)`"#
    for (pattern, hasOutput) in [
      (commands + #" (?:is|prints|gives) `([^`]*)`"#, true), ("is fine: " + commands, false),
    ] {
      let regex = try! NSRegularExpression(pattern: pattern)
      for match in regex.matches(in: flat, range: NSRange(flat.startIndex..., in: flat)) {
        let command = String(flat[Range(match.range(at: 1), in: flat)!])
        let output = hasOutput ? String(flat[Range(match.range(at: 2), in: flat)!]) : nil
        claims.append(Claim(file: file, command: command, output: output))
      }
    }
    return claims
  }

  static let all = files.flatMap(claims)

  @Test func documentsMakeClaims() {
    #expect(Self.all.count >= 6, "\(Self.all)")
  }

  @Test(arguments: all.indices)
  func claimHolds(_ index: Int) throws {
    let claim = Self.all[index]
    var words = GuideTests.shellWords(claim.command)
    if words.first == "jac" { words.removeFirst() }
    let result = try ProcessRunner.run(words)
    #expect(result.status == 0, "\(claim): \(result.stderr)")
    if let output = claim.output { #expect(result.stdout == output + "\n", "\(claim): \(result.stdout)") }
  }

  /// cli.md says unicode output is for reading, not parsing back, as its `|x|` shows; the
  /// paragraph on typed notation must not say otherwise.
  @Test func unicodeOutputIsNotClaimedToReadBack() throws {
    let unicode = try ProcessRunner.run(["simplify", "abs(x)", "--format", "unicode"])
    #expect(unicode.stdout == "|x|\n")
    #expect(try ProcessRunner.run(["simplify", "|x|"]).status == 65)
    let reference = try InstallFilesTests.read("docs/cli.md").replacingOccurrences(of: "\n", with: " ")
    let claims = [
      "so its answers read back",
      "The unicode output style prints this way too, but it is for reading, not for parsing back",
    ]
    #expect(!reference.contains(claims[0]) && reference.contains(claims[1]))
  }
}
