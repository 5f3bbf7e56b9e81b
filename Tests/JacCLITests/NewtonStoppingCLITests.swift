import Testing

/// What `newton` prints when a small residual is not a root, and when its root is the limit of
/// a linear approach (NewtonStoppingTests has the library's side).
@Suite struct NewtonStoppingCLITests {
  /// e⁻ˣ has no root: main printed `root: x = 28.0` with status 0.
  @Test func runsOff() throws {
    let result = try ProcessRunner.run(["newton", "exp(-x)", "--from", "0"])
    #expect(result.status == 1)
    #expect(!result.stdout.contains("root:"), "\(result.stdout)")
    #expect(
      result.stderr
        == "error: newton found no root from this start: the iterates grow without bound "
        + "(|x| = 2.8e+01 at iterate 28, |F| = 6.9e-13); try another --from\n")
    let json = try ProcessRunner.run(["newton", "exp(-x)", "--from", "0", "--json"])
    #expect(json.stdout.contains("\"outcome\":\"unbounded\",\"iterations\":28,"), "\(json.stdout)")
  }

  /// x² + 10⁻²⁰ has no real root: main printed `root: x = 9.536743129109967e-07`.
  @Test func noRealRoot() throws {
    let result = try ProcessRunner.run(["newton", "x^2 + 1e-20", "--from", "1"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: newton did not converge in 50 iterations"), "\(result.stderr)")
  }

  /// x²'s halving steps extrapolate to 0 (main: the iterate 9.5367431640625e-07).
  @Test func doubleRoot() throws {
    let text = try ProcessRunner.run(["newton", "x^2", "--from", "1"])
    #expect(text.status == 0)
    #expect(text.stdout.hasSuffix("\n20  9.5367431640625e-07  9.094947017729282e-13\nroot: x = 0.0 (extrapolated)\n"))
    let json = try ProcessRunner.run(["newton", "x^2", "--from", "1", "--json"])
    #expect(json.stdout.hasSuffix("\"root\":[0.0],\"extrapolated\":true}\n"), "\(json.stdout)")
  }
}
