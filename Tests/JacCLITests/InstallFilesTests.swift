import Foundation
import JacCore
import Testing

@testable import JacCLI

/// The man page, the shell completions and the command-line reference agree with the command
/// descriptions and the option table, entry by entry, so they cannot fall behind the binary.
@Suite struct InstallFilesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// The lines of `text` between the line `start` and the next line starting with `end`.
  static func section(_ text: String, from start: String, to end: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let first = lines.firstIndex(of: start) else { return [] }
    let rest = lines[(first + 1)...]
    let last = rest.firstIndex { $0.hasPrefix(end) } ?? lines.endIndex
    return Array(lines[(first + 1)..<last])
  }

  /// Options that are spellings of another (`--latex` for `--format latex`): documented inside
  /// that option's entry, not under their own heading.
  static let spellings: [Option] = Option.allCases.filter { $0.canonical != $0 }
  static let headed: [Option] = Option.allCases.filter { $0.canonical == $0 }

  static func roff(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\\-") }

  @Test func manPageCommandsMatchDescriptions() throws {
    let page = try Self.read("docs/jac.1")
    let commands = Self.section(page, from: ".SH COMMANDS", to: ".SH")
    let headings = zip(commands, commands.dropFirst()).filter { $0.0 == ".TP" }.map(\.1)
    let expected = CommandDescription.all.map { d in
      d.aliases.isEmpty ? ".B \(d.name)" : ".BR \(d.name)" + d.aliases.map { " \", \" \($0)" }.joined()
    }
    #expect(headings == expected)
  }

  @Test func manPageOptionsMatchTable() throws {
    let page = try Self.read("docs/jac.1")
    let options = Self.section(page, from: ".SH OPTIONS", to: ".SH")
    let headings = zip(options, options.dropFirst()).filter { $0.0 == ".TP" }.map(\.1)
    for option in Self.headed {
      let heading: String
      if let short = option.shortName {
        heading = ".BR \(Self.roff(short)) \", \" \(Self.roff(option.name))"
      } else if let value = option.valueName {
        // The man page spells out the formats where help has a placeholder.
        let shown = option == .format ? Self.formats.joined(separator: "|") : value
        heading = ".BI \(Self.roff(option.name)) \" \(shown)\""
      } else {
        heading = ".B \(Self.roff(option.name))"
      }
      #expect(headings.contains { $0 == heading || $0.hasPrefix(heading + " ") }, "jac.1 has no entry '\(heading)'")
    }
    #expect(headings.count == Self.headed.count, "jac.1 lists options the scanner does not know: \(headings)")
    for option in Self.spellings {
      #expect(options.joined().contains(Self.roff(option.name)), "jac.1 does not mention \(option.name)")
    }
  }

  @Test func referenceMatchesDescriptions() throws {
    let reference = try Self.read("docs/cli.md")
    // The section's first table (a second lists other tools' command words).
    let commandRows = Self.section(reference, from: "## Commands", to: "## ").drop { !$0.hasPrefix("|") }
      .prefix { $0.hasPrefix("|") }.filter { $0.hasPrefix("| `") }
    let expected = CommandDescription.all.enumerated().map { k, d in
      "| `\(d.name)`" + (k == 0 ? " (default)" : "") + d.aliases.map { " (`\($0)`)" }.joined() + " |"
    }
    #expect(commandRows.count == expected.count)
    for (row, start) in zip(commandRows, expected) { #expect(row.hasPrefix(start), "cli.md: '\(row)'") }
    let optionRows = Self.section(reference, from: "## Options", to: "## ").filter { $0.hasPrefix("| `") }
    for option in Self.headed {
      let cell =
        option.shortName.map { "| `\($0)`, `\(option.name)` |" }
        ?? "| `\(option.name)\(option.valueName.map { " <\($0)>" } ?? "")` |"
      #expect(optionRows.contains { $0.hasPrefix(cell) }, "cli.md has no row '\(cell)'")
    }
    #expect(optionRows.count == Self.headed.count)
    for option in Self.spellings { #expect(reference.contains("`\(option.name)`")) }
  }

  /// The words of a `compgen -W "…"`, `(…)` or `-a '…'` list that follows `marker`.
  static func words(after marker: String, in text: String, closing: Character) -> [String] {
    guard let range = text.range(of: marker) else { return [] }
    return text[range.upperBound...].prefix { $0 != closing }.split(separator: " ").map(String.init)
  }

  @Test func bashCompletionMatchesTable() throws {
    let script = try Self.read("completions/jac.bash")
    let names = Self.firstWords
    #expect(
      Self.words(after: "$COMP_CWORD -eq 1 ]]; then\n    COMPREPLY=($(compgen -W \"", in: script, closing: "\"")
        == names)
    let offered = Self.words(
      after: "if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=($(compgen -W \"", in: script, closing: "\"")
    #expect(Set(offered) == Set(Option.allCases.map(\.name)))
    let valueCase = script.components(separatedBy: "\n").first { $0.contains("--vars|") } ?? ""
    let listed = valueCase.trimmingCharacters(in: .whitespaces).prefix { $0 != ")" }.split(separator: "|").map(
      String.init)
    #expect(
      Set(listed + ["--format", "--env", "--layout", "--arguments"])
        == Set(Option.allCases.filter(\.takesValue).map(\.name)))
    #expect(Self.words(after: "--format) COMPREPLY=($(compgen -W \"", in: script, closing: "\"") == Self.formats)
    #expect(
      Self.words(after: "--env) COMPREPLY=($(compgen -W \"", in: script, closing: "\"") == OutputStyle.environments)
  }

  static let formats = OutputStyle.Format.allCases.map(\.rawValue)
  /// What the completions offer as the first word: the commands, then `help` (`jac help det`).
  static let firstWords = CommandDescription.all.map(\.name) + ["help"]

  /// cli.md's table of other tools' command words lists exactly ``ForeignCommand/all``, in order.
  @Test func referenceListsOtherToolsCommands() throws {
    let reference = try Self.read("docs/cli.md")
    let rows = Self.section(reference, from: "| words | jac offers |", to: "#").prefix { $0.hasPrefix("|") }
      .filter { $0.hasPrefix("| `") }
    let words = rows.flatMap { row in
      row.dropFirst(2).prefix { $0 != "|" }.split(separator: " ").map { String($0.dropFirst().dropLast()) }
    }
    #expect(words == ForeignCommand.all.map(\.word))
    for row in rows {
      let first = String(row.dropFirst(3).prefix { $0 != "`" })
      guard let foreign = ForeignCommand.named(first) else { continue }
      switch foreign.advice {
      case .command(let command): #expect(row.hasSuffix("| `\(command.rawValue)` |"), "cli.md: \(row)")
      case .format(let name): #expect(row.contains("| `--format \(name)`"), "cli.md: \(row)")
      case .noIntegration, .noDifferentialEquations, .none:
        #expect(row.hasSuffix("| nothing" + (foreign.advice.note.map { ": " + $0 } ?? "") + " |"), "cli.md: \(row)")
      }
    }
  }

  @Test func zshCompletionMatchesTable() throws {
    let script = try Self.read("completions/_jac")
    #expect(Self.words(after: "'1::command:(", in: script, closing: ")") == Self.firstWords)
    for option in Option.allCases where option.shortName == nil {
      guard let range = script.range(of: "'\(option.name)[") else {
        Issue.record("_jac does not offer \(option.name)")
        continue
      }
      let entry = script[range.upperBound...].drop { $0 != "]" }.dropFirst().prefix { $0 != "'" }
      #expect(entry.hasPrefix(":") == option.takesValue, "_jac: \(option.name) \(entry)")
    }
    #expect(script.contains("{-h,--help}"))
    #expect(Self.words(after: ":format:(", in: script, closing: ")") == Self.formats)
    #expect(Self.words(after: ":name:(", in: script, closing: ")") == OutputStyle.environments)
  }

  @Test func fishCompletionMatchesTable() throws {
    let script = try Self.read("completions/jac.fish")
    #expect(Self.words(after: "-f -a '", in: script, closing: "'") == Self.firstWords)
    let lines = script.components(separatedBy: "\n")
    for option in Option.allCases {
      let long = String(option.name.dropFirst(2))
      let short = option.shortName.map { "-s \($0.dropFirst()) " } ?? ""
      let line = lines.first { $0.hasPrefix("complete -c jac \(short)-l \(long) ") }
      #expect(line != nil, "jac.fish does not offer \(option.name)")
      #expect(line?.contains(" -x ") == option.takesValue, "jac.fish: \(option.name) -x")
    }
    #expect(lines.filter { $0.contains(" -l ") }.count == Option.allCases.count)
  }

  @Test func helpListsEveryCommandAndOption() {
    let help = HelpText.text(nil)
    for d in CommandDescription.all { #expect(help.contains("  \(d.name)") && help.contains(d.summary)) }
    for option in Option.allCases {
      #expect(help.contains(option.name) || help.contains(option.shortName ?? option.name), "help: \(option.name)")
    }
    for d in CommandDescription.all {
      let text = HelpText.text(d.command)
      #expect(text.contains("OVERVIEW: \(d.overview)") && text.contains("USAGE: \(d.usage)"))
      #expect(d.usage.hasPrefix("jac \(d.name) ") || d.usage.hasPrefix("jac [\(d.name)] "))
    }
  }
}
