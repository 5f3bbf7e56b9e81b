import Foundation
import Testing

/// W₀ (`lambertw`) from the command line: its derivative agrees with SymPy's
/// (`sympy.LambertW(x).diff(x)` = W/(x·(1 + W)) and the second derivative, evaluated with mpmath at
/// 1,000 digits and printed by jac's digit policy) at ordinary points, near the branch point, at
/// 0 (where SymPy's form is 0/0 and jac's 1/(e^W·(1 + W)) is 1) and far out; at the branch point
/// itself W' is infinite, and jac says the entry is undefined.
@Suite struct LambertWTests {
  static let derivatives: [(point: String, first: String, second: String)] = [
    ("1", "0.3618962566348892", "-0.2145406462821437"),
    ("-1/4", "2.2247407430170172", "-12.651765402613097"),
    ("exp(1)", "0.18393972058572117", "-0.050750731213729759"),
    ("10^6", "9.192464602053913e-07", "-9.132519306852983e-13"),
    ("-exp(-1) + 10^-20", "11658219906.173433", "-5.829109953992811e+29"),
    ("10^-30", "1.0", "-2.0"),
    ("0", "1", "-2"),
    ("-3/10", "3.194962540197298", "-30.1996190815207"),
    ("-10^-30", "1.0", "-2.0"),
    ("10^300", "9.98540672639879e-301", "-9.985385461113715e-601"),
  ]

  @Test(arguments: derivatives.indices)
  func derivativeAgreesWithSymPy(_ k: Int) throws {
    let (point, first, second) = Self.derivatives[k]
    let d1 = try ProcessRunner.run(["diff", "lambertw(x)", "--wrt", "x", "--at", "x=" + point])
    #expect(d1.status == 0 && d1.stdout == first + "\n", "\(point): \(d1.stdout)\(d1.stderr)")
    let d2 = try ProcessRunner.run(["diff", "lambertw(x)", "--wrt", "x,x", "--at", "x=" + point])
    #expect(d2.status == 0 && d2.stdout == second + "\n", "\(point): \(d2.stdout)\(d2.stderr)")
  }

  /// W₀(−1/e) = −1 exactly; W′ there is infinite: undefined (status 1), never a number.
  @Test(arguments: ["-exp(-1)", "-1/e", "-e^(-1)"])
  func branchPoint(_ point: String) throws {
    let value = try ProcessRunner.run(["simplify", "lambertw(x)", "--at", "x=" + point])
    #expect(value.status == 0 && value.stdout == "-1\n", "\(value.stdout)\(value.stderr)")
    for wrt in ["x", "x,x"] {
      let slope = try ProcessRunner.run(["diff", "lambertw(x)", "--wrt", wrt, "--at", "x=" + point])
      #expect(slope.status == 1 && slope.stdout.isEmpty, "\(slope.stdout)")
      #expect(slope.stderr.contains("the result is undefined or not real at this point"))
    }
  }

  /// The printed forms and the names: SymPy's printed `LambertW` is read, Mathematica's
  /// `ProductLog` suggested; a second argument (a branch) is an error.
  @Test func formsAndNames() throws {
    let text = try ProcessRunner.run(["diff", "productlog(x^2)", "--wrt", "x"])
    #expect(text.stdout == "2*x*exp(-lambertw(x^2))/(lambertw(x^2) + 1)\n")
    let latex = try ProcessRunner.run(["diff", "lambertw(x)^2", "--wrt", "x", "--format", "latex"])
    #expect(
      latex.stdout == "\\frac{2 \\operatorname{W}_{0}(x) e^{-\\operatorname{W}_{0}(x)}}{\\operatorname{W}_{0}(x) + 1}\n"
    )
    let sympy = try ProcessRunner.run(["diff", "LambertW(x)"])
    #expect(sympy.status == 0 && sympy.stdout == "exp(-lambertw(x))/(lambertw(x) + 1)\n", "\(sympy.stderr)")
    for (typed, suggested) in [("ProductLog(x)", "productlog")] {
      let r = try ProcessRunner.run(["diff", typed])
      #expect(r.status == 65 && r.stderr.contains("did you mean '\(suggested)'?"), "\(r.stderr)")
    }
    let branch = try ProcessRunner.run(["diff", "lambertw(x, -1)"])
    #expect(branch.status == 65 && branch.stderr.contains("'lambertw' takes 1 argument, found 2"))
    #expect(branch.stderr.contains("hint: 'lambertw(x)' is the principal branch W0, the only one jac has"))
    let below = try ProcessRunner.run(["simplify", "lambertw(x)", "--at", "x=-1"])
    #expect(below.status == 1 && below.stderr.contains("undefined or not real"))
  }

  /// NumPy code (matrix answers) applies the scalar helper entry by entry.
  @Test func numpyEntryByEntry() throws {
    let unit = try ProcessRunner.run(["grad", "sum(lambertw(x))", "--vector", "x", "--format", "python"])
    #expect(unit.status == 0 && unit.stdout.hasPrefix("import math\nimport numpy as np\n"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-lambertw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = "for v in gradient(np.array([0.0, 1.0, -0.25])):\n    print(repr(float(v)))\n"
    try (unit.stdout + "\n" + call).write(
      to: directory.appendingPathComponent("u.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "u.py"], in: directory)
    #expect(code == 0, "\(output)")
    // W₀'(0) = 1, W₀'(1) and W₀'(−1/4) as above, to double rounding.
    let got = output.split(separator: "\n").compactMap { Double($0) }
    let expected = [1.0, 0.3618962566348892, 2.2247407430170172]
    #expect(got.count == 3 && zip(got, expected).allSatisfy { abs($0 - $1) <= 4e-16 * abs($1) }, "\(output)")
  }
}
