import Foundation
import Testing

/// A Jacobian past 4,000,000 entries (zeros included) is answered through its nonzeros in every
/// form that can carry them (text listing, JSON coordinates, `sparsity`, `--layout csc`), and the
/// forms that print it whole are refused with status 3 before anything is printed.
@Suite struct SparseOutputTests {
  /// The 1-D Bratu system with n = 2,001: 4,004,001 entries, 6,001 nonzeros.
  static let n = 2001
  static let bratu: String = {
    let h = "1/\((n + 1) * (n + 1))"
    return (1...n).map { i in
      (i > 1 ? "u\(i - 1)" : "0") + " - 2*u\(i) + " + (i < n ? "u\(i + 1)" : "0") + " + \(h)*exp(u\(i))"
    }.joined(separator: ", ") + "\n"
  }()
  static let diagonal = "exp(u1)/\((n + 1) * (n + 1)) - 2"

  @Test func textListsTheNonzeros() throws {
    let result = try ProcessRunner.run([], stdin: Self.bratu)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 1 + 3 * Self.n - 2)
    #expect(
      lines.prefix(3) == ["2001x2001, 6001 nonzero entries (all others 0):", "[1,1] = \(Self.diagonal)", "[1,2] = 1"])
    #expect(lines.last == "[2001,2001] = exp(u2001)/4008004 - 2")
    // A range of names in --vars gives the same answer as the default, the free names in order.
    let ranged = try ProcessRunner.run(["--vars", "u1..u2001"], stdin: Self.bratu)
    #expect(ranged.stdout == result.stdout)
  }

  @Test func jsonGivesCoordinates() throws {
    let result = try ProcessRunner.run(["--format", "json"], stdin: Self.bratu)
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["shape"] as? [Int] == [Self.n, Self.n])
    #expect(object["layout"] as? String == "coordinates")
    #expect(object["nonzeros"] as? Int == 3 * Self.n - 2)
    let entries = try #require(object["result"] as? [[Any]])
    #expect(entries.count == 3 * Self.n - 2)
    #expect(entries[0][0] as? Int == 1 && entries[0][1] as? Int == 1 && entries[0][2] as? String == Self.diagonal)
    #expect(entries[1][0] as? Int == 1 && entries[1][1] as? Int == 2 && entries[1][2] as? String == "1")
  }

  @Test func sparsityListsCoordinates() throws {
    let result = try ProcessRunner.run(["sparsity"], stdin: Self.bratu)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("2001x2001, nonzeros: 6001 of 4004001\n[1,1]\n[1,2]\n[2,1]\n[2,2]\n"))
    let json = try ProcessRunner.run(["sparsity", "--format", "json"], stdin: Self.bratu)
    #expect(json.stdout.contains("\"shape\":[2001,2001],\"nonzeros\":6001,\"result\":[[1,1],[1,2],[2,1],"))
  }

  @Test func cscCodeHasThePattern() throws {
    let result = try ProcessRunner.run(["--format", "c", "--layout", "csc"], stdin: Self.bratu)
    #expect(result.status == 0)
    // The only line of standard input: as the input given as an argument (docs/cli.md, Code,
    // "Batches").
    #expect(result.stdout.contains("const int jacobian_colptr[2002] = {0, 2, 5, 8,"))
    #expect(result.stdout.contains("double *nzval /* [6001] */"))
  }

  /// Printed whole, the matrix is refused (status 3) and nothing is written.
  @Test(arguments: [
    ["--format", "latex"], ["--dense"], ["--format", "c"], ["--format", "python", "--layout", "col"],
  ])
  func wholeFormsAreRefused(_ options: [String]) throws {
    let result = try ProcessRunner.run(options, stdin: Self.bratu)
    #expect(result.status == 3)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix("error: line 1: the result would be 2001×2001 = 4004001 entries; the limit is 4000000"))
  }
}
