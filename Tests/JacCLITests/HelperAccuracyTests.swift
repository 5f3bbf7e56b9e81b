import Foundation
import Testing

@testable import JacCore

/// The special-function helpers of generated units keep their relative precision: ψ near its
/// positive zero x₀ ≈ 1.4616 (the minimum of Γ, where a Newton solver on log Γ's gradient
/// evaluates it), and B(a, b) past Γ's range. Each point's value is mpmath's, at 50 digits;
/// before the helpers took ψ's Taylor series at x₀, ψ(x₀ + 10⁻¹²) came out 1.8e-4 off,
/// relatively, and before B took log Γ(a) − log Γ(a + b) by Stirling's series, B(10⁷, 1/2) 8e-9.
@Suite struct HelperAccuracyTests {
  static let points: [(x: Double, digamma: Double)] = [
    (1.4616321449683622, -9.2412655217294275168e-17), (1.4616321449693621, 9.6745099301665950831e-13),
    (1.46163214496, -8.0919610908162137446e-12), (1.34, -0.12475462789700386053), (1.586, 0.11395994408856486463),
  ]

  static let betas: [(a: Double, b: Double, beta: Double)] = [
    (1e7, 0.5, 0.00056049912864603193422), (0.6048183506752208, 98803316.50312534, 0.000021595368483743104398),
    (1e6, 3.0, 1.99999400001399997e-18),
  ]

  /// ψ⁽¹⁰⁾ at negative x, where the recurrence's sum cancels: before the helpers reflected,
  /// ψ⁽¹⁰⁾(−10.5) came out 1% off and ψ⁽¹⁰⁾(−20.5) five times too large.
  static let polygammas: [(x: Double, value: Double)] = [
    (-10.5, -0.000013479713180436911991), (-1.5, -156.22959659323299476), (-0.25, 15220204428462.79112),
    (-20.5, -2.1531748492994133e-8),
  ]

  /// The unit of `function` (of x, or x and y) with `--with-value`: f is the function's value
  /// (J, its derivatives, is not checked here).
  private func unit(_ function: String, _ language: String) throws -> String {
    let variables = function.contains(", y") ? "x,y" : "x"
    let result = try ProcessRunner.run([function, "--vars", variables, "--with-value", "--format", language])
    #expect(result.status == 0, "\(language): \(result.stderr)")
    return result.stdout
  }

  /// Each printed value against mpmath's, relatively, or within `ulps` units in the last place
  /// of mpmath's double.
  private func check(
    _ output: String, _ expected: [Double], _ what: String, ulps: Double? = nil, relative: Double = 1e-14
  ) {
    let got = output.split(separator: "\n").compactMap { Double($0) }
    #expect(got.count == expected.count, "\(what): \(output)")
    for (g, e) in zip(got, expected) {
      #expect(Self.agrees(g, e, ulps: ulps, relative: relative), "\(what): \(g), mpmath \(e)")
    }
  }

  static func agrees(_ got: Double, _ expected: Double, ulps: Double?, relative: Double = 1e-14) -> Bool {
    guard let ulps else { return abs(got - expected) <= relative * abs(expected) }
    return got == expected || abs(got - expected) <= ulps * expected.ulp
  }

  private func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-helper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The C unit of `function` called at each argument list, f printed.
  private func runC(
    _ function: String, _ arguments: [String], expected: [Double], ulps: Double? = nil, relative: Double = 1e-14
  ) throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let calls = arguments.map { "  jacobian(\($0), f, J);\n  printf(\"%.17g\\n\", f[0]);\n" }.joined()
    let main = "#include <stdio.h>\nint main(void) {\n  double f[1], J[2];\n\(calls)  return 0;\n}\n"
    let source = try unit(function, "c") + main
    for (compiler, output) in try CCompilers.compileAndRun(source, in: directory) {
      check(output, expected, "\(compiler) \(function)", ulps: ulps, relative: relative)
    }
  }

  /// The Python unit of `function` called at each argument list, f printed.
  private func runPython(
    _ function: String, _ arguments: [String], expected: [Double], ulps: Double? = nil, relative: Double = 1e-14
  ) throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let calls = arguments.map { "print(repr(float(jacobian(\($0))[0][0])))\n" }.joined()
    try (try unit(function, "python") + "\n" + calls).write(
      to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let (code, output) = try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory)
    #expect(code == 0, "python: \(output)")
    check(output, expected, "python \(function)", ulps: ulps, relative: relative)
  }

  @Test func digammaNearItsZero() throws {
    let arguments = Self.points.map { "\($0.x)" }
    try runC("digamma(x)", arguments, expected: Self.points.map(\.digamma))
    try runPython("digamma(x)", arguments, expected: Self.points.map(\.digamma))
  }

  @Test func polygammaAtNegativeArguments() throws {
    let arguments = Self.polygammas.map { "\($0.x)" }
    try runC("polygamma(10, x)", arguments, expected: Self.polygammas.map(\.value))
    try runPython("polygamma(10, x)", arguments, expected: Self.polygammas.map(\.value))
    // The evaluation `--check` and `newton` use.
    for (x, value) in Self.polygammas {
      let got = SpecialFunctions.polygamma(10, x)
      #expect(abs(got - value) <= 1e-14 * abs(value), "\(x): \(got)")
    }
  }

  /// W₀ over [−1/e, 1.8·10³⁰⁸], most points near the branch point, where 1 + W₀ ≈ √(2(1 + e·x))
  /// is flat and a naive iteration on w·e^w = x loses half the digits: the C and Python helpers
  /// and jac's own double evaluation within 4 ulps of mpmath (x and W₀(x) as doubles; the first
  /// x is the least double above −1/e, and the double nearest −1/e, below it, is not real).
  static let lambertws: [(x: Double, w: Double)] = [
    (-0.3678794411714423, -0.9999999846957459), (-0.3678794411714422, -0.9999999768481082),
    (-0.36787944117144, -0.9999998877164061), (-0.367879441, -0.9999694706982086),
    (-0.3678794, -0.9995269666077006), (-0.36787, -0.9928527298215277), (-0.3678, -0.9793607149578305),
    (-0.36, -0.8060843159708176), (-0.3, -0.4894022271802149), (-0.2500000000000001, -0.3574029561813892),
    (-0.25, -0.3574029561813889), (-0.1, -0.11183255915896297), (-1e-10, -1.0000000001000001e-10),
    (-1e-300, -1e-300), (-.leastNonzeroMagnitude, -.leastNonzeroMagnitude),
    (.leastNonzeroMagnitude, .leastNonzeroMagnitude), (1e-300, 1e-300), (1e-10, 9.999999999e-11),
    (0.1, 0.09127652716086226), (0.5, 0.35173371124919584), (1.0, 0.5671432904097838),
    (2.718281828459045, 1.0), (2.7182818284590455, 1.0), (3.0, 1.04990889496404), (10.0, 1.7455280027406994),
    (1000.0, 5.249602852401596), (1e10, 20.028685413304952), (1e100, 224.8431064451185),
    (1e300, 684.2472086297608), (1.7976931348623157e308, 703.2270331047702),
  ]

  @Test func lambertwWithinFourUlps() throws {
    let arguments = Self.lambertws.map { "\($0.x)" }
    try runC("lambertw(x)", arguments, expected: Self.lambertws.map(\.w), ulps: 4)
    try runPython("lambertw(x)", arguments, expected: Self.lambertws.map(\.w), ulps: 4)
    for (x, w) in Self.lambertws {
      #expect(Self.agrees(SpecialFunctions.lambertw(x), w, ulps: 4), "\(x): \(SpecialFunctions.lambertw(x))")
    }
    // Below −1/e (the double nearest it is below), NaN; 0 and −0 are themselves.
    #expect(SpecialFunctions.lambertw(-0.36787944117144233).isNaN && SpecialFunctions.lambertw(-1).isNaN)
    #expect(SpecialFunctions.lambertw(-0.0).sign == .minus && SpecialFunctions.lambertw(0) == 0)
  }

  @Test func betaPastGammasRange() throws {
    let arguments = Self.betas.map { "\($0.a), \($0.b)" }
    try runC("beta(x, y)", arguments, expected: Self.betas.map(\.beta))
    try runPython("beta(x, y)", arguments, expected: Self.betas.map(\.beta))
  }

  /// The integrals' C and Python helpers against mpmath 1.3.0 (`mp.dps = 30`: `mpmath.erfi`,
  /// `ei`, `si`, `ci`, `shi`, `chi`, `li`, `fresnels`, `fresnelc` at the doubles written), on
  /// both sides of each method's switch and at negative and large arguments, to 1e-13.
  static let integrals: [(function: String, points: [(Double, Double)])] = [
    (
      "erfi",
      [
        (0.5, 0.61495209469651098084), (6.0, 411275145582823.87097), (7.0, 1.5534862534605039939e+20),
        (26.0, 8.3146371647309876553e+291), (-3.0, -1629.9946226015656511),
      ]
    ),
    (
      "Ei",
      [
        (0.2, -0.82176058790240024785), (39.0, 2280446200301902.5953), (41.0, 16006649143245041.111),
        (700.0, 1.4509787360525608526e+301), (-0.5, -0.55977359477616081175), (-30.0, -3.0215520106888125448e-15),
      ]
    ),
    (
      "Si",
      [
        (0.5, 0.49310741804306668916), (2.1, 1.6486986362444188167), (1000.0, 1.5702331219687712181),
        (-7.5, -1.5106815309433858782),
      ]
    ),
    (
      "Ci",
      [
        (0.3, -0.64917293297116178031), (2.1, 0.40051198784439636911), (30.0, -0.033032417282071143779),
        (1000000.0, -3.4999443892272049264e-7),
      ]
    ),
    (
      "Shi",
      [
        (0.5, 0.50699674981966719583), (2.1, 2.6879248505822086352), (700.0, 7.2548936802628042631e+300),
        (-4.0, -9.8173269112330344646),
      ]
    ),
    ("Chi", [(0.3, -0.60417259547083633713), (2.1, 2.6453105090736935715), (50.0, 52928184485658454815.0)]),
    ("li", [(0.5, -0.37867104306108797673), (1.001, -6.3300396557334987519), (1e100, 4.3619719871407032282e+97)]),
    (
      "fresnels",
      [
        (0.5, 0.064732432859999277611), (1.6, 0.63888768350938083462), (10000.3, 0.4999684875134770963),
        (-2.2, -0.4557046121246570649),
      ]
    ),
    (
      "fresnelc",
      [
        (0.5, 0.49234422587144639288), (1.6, 0.36546168344048765296), (100.3, 0.50044706165349900194),
        (-2.2, -0.63628604490331950198),
      ]
    ),
  ]

  @Test(arguments: integrals.indices)
  func integralHelpersAgreeWithMpmath(_ k: Int) throws {
    let (name, points) = Self.integrals[k]
    let arguments = points.map { "\($0.0)" }
    let expected = points.map(\.1)
    try runC("\(name)(x)", arguments, expected: expected, relative: 1e-13)
    try runPython("\(name)(x)", arguments, expected: expected, relative: 1e-13)
  }
}
