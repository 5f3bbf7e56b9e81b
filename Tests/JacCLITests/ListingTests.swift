import Foundation
import JacCore
import Testing

@testable import JacCLI

/// A big sparse matrix listed by its nonzeros (`AnswerFormatter+Listing.swift`): its lines are
/// written as bytes, its numbers printed once; what it prints is what each entry prints alone.
@Suite struct ListingTests {
  /// 30 functions of 30 variables (900 entries, a listing) whose nonzeros take many shapes:
  /// numbers (1, -2, 1/3, -1/3 recurring), sums with a negative number or fraction last,
  /// products, quotients, Greek names, a repeated long subexpression.
  static let system: String = (1...30).map { i in
    let (x, y) = ("x\(i)", "x\(i % 30 + 1)")
    let long = "sin(theta*x1 + x2*x3 + x4*x5 + x6*x7 + x8*x9 + x10)"
    switch i % 5 {
    case 0: return "\(x) - 2*\(y) + 1/3*\(x)^3/(\(y) + 1)"
    case 1: return "-1/3*\(x) + exp(\(y)) + \(x)*\(y) - 7*\(x)/2"
    case 2: return "theta*\(x)^2 - \(y)/2 + \(long)*\(x)"
    case 3: return "\(x) + \(y) + \(long)"
    default: return "atan(\(x)*\(y)) - 5/7*\(y)"
    }
  }.joined(separator: ", ")

  /// Runs jac in-process on one line of standard input.
  static func run(_ arguments: [String], _ input: String) -> String {
    var lines = [InputLine.text(input)]
    var out = ""
    let status = JacCommand.run(
      arguments, nextLine: { lines.isEmpty ? nil : lines.removeFirst() }, out: { out += $0 }, err: { _ in })
    #expect(status == .success)
    return out
  }

  /// 30 functions of 30 variables whose nonzeros are numbers: 1, 2 and -1 in turn (each line
  /// made whole in the listing's small buffer), and integers and fractions too long for it.
  static let numbers: String = (1...30).map { i in
    let (x, y) = ("x\(i)", "x\(i % 30 + 1)")
    let long = String(repeating: "9", count: 20 + 2 * i)
    switch i % 3 {
    case 0: return "\(x) + 2*\(y)"
    case 1: return "\(long)*\(x) - \(y)"
    default: return "\(x)/\(long) + \(y)"
    }
  }.joined(separator: ", ")

  /// The listing's lines are the header, then `[i,j] = entry` for each entry other than 0 of
  /// JSON's rows (printed alone, entry by entry); `--compact` the same with `=`.
  @Test(arguments: [[], ["--compact"]])
  func linesAreTheEntries(_ style: [String]) throws {
    let lines = try Self.expectListingIsTheEntries(of: Self.system, style)
    #expect(lines.count == 172)
    #expect(lines.filter { $0.hasSuffix("= 1") || $0.hasSuffix("=1") }.count == 8)
  }

  /// The same for entries that are numbers, short and long.
  @Test(arguments: [[], ["--compact"]])
  func numbersAreTheEntries(_ style: [String]) throws {
    let lines = try Self.expectListingIsTheEntries(of: Self.numbers, style)
    #expect(lines.count == 60)
    #expect(lines.contains { $0.utf8.count > 64 })
  }

  /// Expects the listing of `system` to be JSON's nonzero entries, line by line; returns the lines.
  static func expectListingIsTheEntries(of system: String, _ style: [String]) throws -> [String] {
    let vars = ["--vars", (1...30).map { "x\($0)" }.joined(separator: ",")]
    let listing = Self.run(vars + style, system)
    let json = Self.run(vars + ["--format", "json"] + style, system)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["result"] as? [[String]])
    let equals = style.isEmpty ? " = " : "="
    var lines: [String] = []
    for (i, row) in rows.enumerated() {
      for (j, e) in row.enumerated() where e != "0" { lines.append("[\(i + 1),\(j + 1)]\(equals)\(e)") }
    }
    #expect(listing == "30x30, \(lines.count) nonzero entries (all others 0):\n" + lines.joined(separator: "\n") + "\n")
    return lines
  }

  /// In the unicode style the bytes are those of `TextPrinter`'s unicode strings.
  @Test func unicodeListing() {
    let vars = ["--vars", (1...30).map { "x\($0)" }.joined(separator: ",")]
    let listing = Self.run(["--format", "unicode"] + vars, Self.system)
    #expect(listing.hasPrefix("30×30, 172 nonzero entries (all others 0):\n[1,1] = x2 − 23/6\n[1,2] = exp(x2) + x1\n"))
    #expect(listing.contains("\n[2,1] = θ·x2·cos(θ·x1 + x2·x3 + x4·x5 + x6·x7 + x8·x9 + x10)\n"))
  }

  /// The listing's quick bound (``AnswerFormatter/listingBound(_:)``) is at least what it
  /// prints, so a listing it lets through without counting is within the output limit.
  @Test(arguments: [[], ["--compact"], ["--format", "unicode"]])
  func boundCoversTheListing(_ style: [String]) throws {
    let arguments = ["--vars", (1...30).map { "x\($0)" }.joined(separator: ",")] + style
    let invocation = try ArgumentScanner.scan(arguments)
    let engine = Engine()
    let answer = try engine.run(invocation.request([Self.system]))
    let formatter = AnswerFormatter(pool: engine.pool, style: invocation.style)
    #expect(formatter.listsNonzeros(answer))
    let bound = try #require(formatter.quickBound(answer, input: Self.system))
    let printed = Self.run(arguments, Self.system).utf8.count - 1
    #expect(bound >= printed)
    #expect(bound < 40 * printed)
  }

  /// Digits written without a string are `String(n)`'s.
  @Test func decimalDigits() {
    var rng = SplitMix64(seed: 9)
    let numbers =
      [0, 1, 9, 10, 11, 99, 100, 101, 999_999, 1_000_000, Int.max]
      + (0..<200).map { _ in
        Int.random(in: 0...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)
      }
    for n in numbers {
      var text = TextBytes()
      text.append(decimal: n)
      #expect(String(decoding: text.bytes, as: UTF8.self) == String(n))
    }
    for n in [UInt64.max, UInt64.max / 10, 10_000_000_000_000_000_000, 9_999_999_999_999_999_999] {
      var text = TextBytes()
      text.append(decimal: n)
      #expect(String(decoding: text.bytes, as: UTF8.self) == String(n))
    }
  }
}
