import Foundation
import Testing

/// Every `$ jac …` example in docs/guide.md and README.md is run, and its output must be what the
/// document shows, so the docs cannot drift from the binary.
@Suite struct GuideTests {
  struct Example: CustomStringConvertible {
    var file: String
    var command: String
    var expected: String
    var description: String { "\(file): $ \(command)" }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func examples(in file: String) -> [Example] {
    guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { return [] }
    var examples: [Example] = []
    var inBlock = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inBlock = line == "```console"
        continue
      }
      guard inBlock else { continue }
      if line.hasPrefix("$ ") {
        examples.append(Example(file: file, command: String(line.dropFirst(2)), expected: ""))
      } else if !examples.isEmpty {
        examples[examples.count - 1].expected += line + "\n"
      }
    }
    return examples
  }

  static let all =
    examples(in: "docs/guide.md")
    + examples(in: "README.md").filter { $0.command.hasPrefix("jac") || $0.command.hasPrefix("echo") }

  @Test func documentsHaveExamples() {
    #expect(Self.examples(in: "docs/guide.md").count >= 20)
  }

  @Test(arguments: all.indices)
  func example(_ index: Int) throws {
    let example = Self.all[index]
    var words = Self.shellWords(example.command)
    var stdin: String?
    if words.first == "echo", let bar = words.firstIndex(of: "|") {
      stdin = words[1..<bar].joined(separator: " ") + "\n"
      words = Array(words[(bar + 1)...])
    } else if words.first == "printf", words.count > 2, words[2] == "|" {
      // `printf "x*y\nx + y\n" | jac …`: the format's `\n` escapes as line ends.
      stdin = words[1].replacingOccurrences(of: "\\n", with: "\n")
      words = Array(words[3...])
    }
    guard words.first == "jac" else {
      Issue.record("\(example): not a jac command")
      return
    }
    let result = try ProcessRunner.run(Array(words.dropFirst()), stdin: stdin)
    #expect(result.stdout + result.stderr == example.expected, "\(example)")
  }

  /// Splits like a POSIX shell for the simple commands the docs use: double quotes, spaces, `|`.
  static func shellWords(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var inWord = false
    for c in line {
      if c == "\"" {
        quoted.toggle()
        inWord = true
      } else if c == " " && !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(c)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
