import Testing

@testable import JacCore

/// erfi, Ei, Si, Ci, Shi, Chi, li, the Fresnel integrals and sinc in `Double` against mpmath 1.3.0
/// (`mp.dps = 30`; `mpmath.erfi`, `ei`, `si`, `ci`, `shi`, `chi`, `li`, `fresnels`, `fresnelc`,
/// and sin(x)/x; the certified decimals at exact rationals, e.g. `mp.fresnelc(mpf(-11)/5)`), each argument the double written, on both sides of each method's switch
/// (erfi at 6.5, Ei at 40, Si/Ci/Shi/Chi at 2, Fresnel at 1.5), for negative and large arguments.
@Suite struct IntegralFunctionTests {
  static let references: [(String, Double, Double)] = [
    ("erfi", 0.001, 0.0011283795432220144672),
    ("erfi", 0.5, 0.61495209469651098084),
    ("erfi", 2.0, 18.564802414575552599),
    ("erfi", 6.0, 411275145582823.87097),
    ("erfi", 7.0, 1.5534862534605039939e+20),
    ("erfi", 15.0, 1.9613845638673806035e+96),
    ("erfi", 26.0, 8.3146371647309876553e+291),
    ("erfi", -3.0, -1629.9946226015656511),
    ("Ei", 1e-05, -10.935699800043695422),
    ("Ei", 0.2, -0.82176058790240024785),
    ("Ei", 1.0, 1.8951178163559367555),
    ("Ei", 10.0, 2492.2289762418777591),
    ("Ei", 39.0, 2280446200301902.5953),
    ("Ei", 41.0, 16006649143245041.111),
    ("Ei", 100.0, 2.7155527448538798219e+41),
    ("Ei", 700.0, 1.4509787360525608526e+301),
    ("Ei", -0.5, -0.55977359477616081175),
    ("Ei", -1.0, -0.21938393439552027368),
    ("Ei", -3.0, -0.013048381094197037413),
    ("Ei", -30.0, -3.0215520106888125448e-15),
    ("Ei", -700.0, -1.4065187662340329228e-307),
    ("Si", 0.0001, 9.9999999944444449253e-5),
    ("Si", 0.5, 0.49310741804306668916),
    ("Si", 1.9, 1.5577753137488184759),
    ("Si", 2.1, 1.6486986362444188167),
    ("Si", 5.0, 1.5499312449446741373),
    ("Si", 30.0, 1.566756540030351111),
    ("Si", 1000.0, 1.5702331219687712181),
    ("Si", 1000000.0, 1.5707953900431190815),
    ("Si", -7.5, -1.5106815309433858782),
    ("Ci", 0.0001, -8.6331247095746498265),
    ("Ci", 0.3, -0.64917293297116178031),
    ("Ci", 1.9, 0.44194034968159886103),
    ("Ci", 2.1, 0.40051198784439636911),
    ("Ci", 5.0, -0.19002974965664387862),
    ("Ci", 30.0, -0.033032417282071143779),
    ("Ci", 1000.0, 0.000826315511090682282),
    ("Ci", 1000000.0, -3.4999443892272049264e-7),
    ("Shi", 0.0001, 0.00010000000005555556036),
    ("Shi", 0.5, 0.50699674981966719583),
    ("Shi", 1.9, 2.3249590325640599562),
    ("Shi", 2.1, 2.6879248505822086352),
    ("Shi", 10.0, 1246.1144901994233444),
    ("Shi", 50.0, 52928184485658454815.0),
    ("Shi", 700.0, 7.2548936802628042631e+300),
    ("Shi", -4.0, -9.8173269112330344646),
    ("Chi", 0.0001, -8.6331247045746498265),
    ("Chi", 0.3, -0.60417259547083633713),
    ("Chi", 1.9, 2.2687546543895251006),
    ("Chi", 2.1, 2.6453105090736935715),
    ("Chi", 10.0, 1246.1144860424544147),
    ("Chi", 50.0, 52928184485658454815.0),
    ("Chi", 700.0, 7.2548936802628042631e+300),
    ("li", 0.0, 0.0),
    ("li", 0.5, -0.37867104306108797673),
    ("li", 0.999, -6.3310396557611654602),
    ("li", 1.001, -6.3300396557334987519),
    ("li", 2.0, 1.0451637801174927848),
    ("li", 10.0, 6.1655995047872979375),
    ("li", 1000000.0, 78627.54915946218192),
    ("li", 1e+100, 4.3619719871407032282e+97),
    ("fresnels", 0.001, 5.2359877559820662519e-10),
    ("fresnels", 0.5, 0.064732432859999277611),
    ("fresnels", 1.4, 0.71352507736341210738),
    ("fresnels", 1.6, 0.63888768350938083462),
    ("fresnels", 3.0, 0.4963129989673750361),
    ("fresnels", 10.5, 0.52804040799812976056),
    ("fresnels", 100.3, 0.49685806843508338712),
    ("fresnels", 10000.3, 0.4999684875134770963),
    ("fresnels", -2.2, -0.4557046121246570649),
    ("fresnelc", 0.001, 0.00099999999999975328071),
    ("fresnelc", 0.5, 0.49234422587144639288),
    ("fresnelc", 1.4, 0.54309578354625647721),
    ("fresnelc", 1.6, 0.36546168344048765296),
    ("fresnelc", 3.0, 0.60572078929768562956),
    ("fresnelc", 10.5, 0.48848000730270921218),
    ("fresnelc", 100.3, 0.50044706165349900194),
    ("fresnelc", 10000.3, 0.50000448489014275352),
    ("fresnelc", -2.2, -0.63628604490331950198),
    ("sinc", 0.0, 1.0),
    ("sinc", 1e-09, 0.99999999999999999983),
    ("sinc", 0.5, 0.95885107720840600055),
    ("sinc", -3.0, 0.047040002686622407367),
    ("sinc", 100.0, -0.0050636564110975879366),
  ]

  @Test(arguments: references.indices)
  func agreesWithMpmath(_ k: Int) {
    let (name, x, expected) = Self.references[k]
    let f = Function.allCases.first { $0.name == name }!
    let got = ExpressionPool.apply(f, x)
    #expect(abs(got - expected) <= 1e-13 * abs(expected), "\(name)(\(x)) = \(got), mpmath \(expected)")
  }

  /// Where the real functions are undefined: Ci, Chi and li below 0 (complex there), Ei, Ci and
  /// Chi at 0 and li at 1 (−∞, as log 0).
  @Test func domains() {
    for f in [Function.ci, .chi, .li] { #expect(ExpressionPool.apply(f, -1).isNaN, "\(f.name)(-1)") }
    for f in [Function.ei, .ci, .chi] { #expect(ExpressionPool.apply(f, 0) == -.infinity, "\(f.name)(0)") }
    #expect(ExpressionPool.apply(.li, 1) == -.infinity)
    #expect(ExpressionPool.apply(.sinc, 0) == 1)
  }

  /// The exact values the constructor folds, and the certified decimals of `--at` (ball
  /// evaluation) against the same mpmath values.
  @Test(arguments: [
    ("erfi(0) + Si(0) + Shi(0) + fresnels(0) + fresnelc(0) + li(0)", "0"),
    ("sinc(0)", "1"),
    ("sinc(pi)", "0"),
    ("sinc(pi/2)", "2/pi"),
    ("sinc(-3*pi/2)", "-2/(3*pi)"),
    (
      "Si(-x) + Shi(-x) + erfi(-x) + fresnels(-x) + fresnelc(-x)",
      "-Si(x) - Shi(x) - erfi(x) - fresnels(x) - fresnelc(x)"
    ),
    ("sinc(-x)", "sinc(x)"),
  ])
  func exactValues(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.simplify(input) == f.simplify(expected), "\(input)")
  }

  @Test(arguments: [
    ("erfi(1/2)", "0.614952094696511"),
    ("Ei(-30)", "-3.0215520106888125e-15"),
    ("Ei(39)", "2280446200301902.5"),
    ("Si(1000)", "1.5702331219687713"),
    ("Ci(1/10000)", "-8.63312470957465"),
    ("Chi(3/10)", "-0.6041725954708363"),
    ("li(2)", "1.045163780117493"),
    ("fresnels(3)", "0.496312998967375"),
    ("fresnelc(-11/5)", "-0.6362860449033194"),
    ("sinc(100)", "-0.005063656411097588"),
  ])
  func certifiedDecimals(_ input: String, _ expected: String) {
    let f = Fixture()
    let e = f.simplify(input)
    #expect(f.pool.certifiedValues([e], digits: true)[0] == .decimal(expected), "\(input)")
  }

  /// Off the real domain the ball says so; past the series' work limit it says it cannot
  /// certify (never a guess).
  @Test func certifiedFailures() {
    let f = Fixture()
    for input in ["Ci(-1)", "Chi(-2)", "li(-1/2)"] {
      #expect(f.pool.certifiedValues([f.simplify(input)], digits: true)[0] == .notReal, "\(input)")
    }
    #expect(f.pool.certifiedValues([f.simplify("fresnels(100)")], digits: true)[0] == .unsupported)
  }
}
