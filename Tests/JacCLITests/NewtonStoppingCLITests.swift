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

  /// x²'s halving steps extrapolate to 0, exactly a root (main: the iterate 9.5367431640625e-07);
  /// (x − π)²'s to π, where F is 0 only to rounding.
  @Test func doubleRoot() throws {
    let text = try ProcessRunner.run(["newton", "x^2", "--from", "1"])
    #expect(text.status == 0)
    #expect(text.stdout.hasSuffix("\n20  9.5367431640625e-07  9.094947017729282e-13\nroot: x = 0 (exact)\n"))
    let json = try ProcessRunner.run(["newton", "x^2", "--from", "1", "--json"])
    #expect(json.stdout.hasSuffix("\"root\":[0.0],\"exact_point\":[\"0\"]}\n"), "\(json.stdout)")
    let pi = try ProcessRunner.run(["newton", "(x - pi)^2", "--from", "3", "--json"])
    #expect(pi.stdout.hasSuffix("\"root\":[3.141592653589793],\"extrapolated\":true}\n"), "\(pi.stdout)")
  }

  /// (x − 1)³ from 2: main printed `root: x = 1.0000000000000004 (extrapolated)`; F(1) = 0
  /// exactly. A system's root is exact when every coordinate is.
  @Test func exactRoot() throws {
    let cube = try ProcessRunner.run(["newton", "(x-1)^3", "--from", "2"])
    #expect(cube.status == 0)
    #expect(cube.stdout.hasSuffix("\n23  1.0000891047880953  7.074620124651597e-13\nroot: x = 1 (exact)\n"))
    let json = try ProcessRunner.run(["newton", "(x-1)^3", "--from", "2", "--json"])
    #expect(json.stdout.hasSuffix("\"root\":[1.0],\"exact_point\":[\"1\"]}\n"), "\(json.stdout)")
    let system = try ProcessRunner.run(["newton", "(x - 1/3)^3, y - 2*x", "--from", "1,1"])
    #expect(system.stdout.hasSuffix("\nroot: x = 1/3, y = 2/3 (exact)\n"), "\(system.stdout)")
  }

  /// (x − 10)²⁰⁰ at 9.976 is 1.1e-324 (mpmath) and 0 in double precision: main printed
  /// `root: x = 9.976`. From 9 the run finds the root 10 exactly.
  @Test func underflowIsNoRoot() throws {
    let result = try ProcessRunner.run(["newton", "(x-10)^200", "--from", "9.976"])
    #expect(result.status == 1)
    #expect(!result.stdout.contains("root:"), "\(result.stdout)")
    #expect(
      result.stderr
        == "error: newton: F underflows at iterate 0: |F| = 0 in double precision, but F is not 0 there; "
        + "try another --from\n")
    let json = try ProcessRunner.run(["newton", "(x-10)^200", "--from", "9.976", "--json"])
    #expect(json.stdout.contains("\"outcome\":\"underflow\",\"iterations\":0,"), "\(json.stdout)")
    let ten = try ProcessRunner.run(["newton", "(x-10)^200", "--from", "9", "--max-iter", "1000"])
    #expect(ten.status == 0)
    #expect(ten.stdout.hasSuffix("\nroot: x = 10 (exact)\n"), "\(ten.stdout)")
  }

  /// eˣ − 10⁻³⁰⁰ from 0 crawls by steps of 1 to its root −690.7755278982137 (mpmath); main said
  /// the iterates grow without bound (at iterate 28), as they do for e⁻ˣ.
  @Test func rootAheadIsNotUnbounded() throws {
    let short = try ProcessRunner.run(["newton", "exp(x) - 1e-300", "--from", "0"])
    #expect(short.status == 1)
    #expect(short.stderr.hasPrefix("error: newton did not converge in 50 iterations"), "\(short.stderr)")
    let long = try ProcessRunner.run(["newton", "exp(x) - 1e-300", "--from", "0", "--max-iter", "1000"])
    #expect(long.status == 0)
    #expect(long.stdout.hasSuffix("\nroot: x = -690.7755278982114\n"), "\(long.stdout)")
  }
}
