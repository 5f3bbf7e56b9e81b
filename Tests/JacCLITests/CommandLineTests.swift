import Foundation
import JacCLI
import JacCore
import Testing

/// The command-line contract, tested by running the real binary.
@Suite struct CommandLineTests {
  /// Transcripts: arguments, standard input, expected standard output and exit status.
  static let transcripts: [(args: [String], stdin: String?, stdout: String, status: Int32)] = [
    (["r*cos(t), r*sin(t)", "--vars", "r,t"], nil, "[ cos(t)  -r*sin(t) ]\n[ sin(t)  r*cos(t)  ]\n", 0),
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], nil, "r\n", 0),
    (["det", "r*cos(t)", "r*sin(t)", "--vars=r,t"], nil, "r\n", 0),
    (["grad", "x^2*sin(y)", "--vars", "x,y"], nil, "[ 2*x*sin(y) ]\n[ x^2*cos(y) ]\n", 0),
    (["hessian", "x^2*sin(y)", "--vars", "x,y"], nil, "[ 2*sin(y)    2*x*cos(y)  ]\n[ 2*x*cos(y)  -x^2*sin(y) ]\n", 0),
    (["diff", "x^2*sin(y)", "--wrt", "x,x,y"], nil, "2*cos(y)\n", 0),
    (["simplify", "x*x + 2*x - x"], nil, "x^2 + x\n", 0),
    (["simplify", "2^100"], nil, "1267650600228229401496703205376\n", 0),
    (["--vars", "x,y"], "x^2*y, x+y\n", "[ 2*x*y  x^2 ]\n[ 1      1   ]\n", 0),
    (["x^2*y"], nil, "[ 2*x*y  x^2 ]\n", 0),
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--latex"], nil, "r\n", 0),
    (
      ["r*cos(θ), r*sin(θ)", "--vars", "r,θ", "--format", "latex"], nil,
      "\\begin{pmatrix} \\cos(\\theta) & -r \\sin(\\theta) \\\\ \\sin(\\theta) & r \\cos(\\theta) \\end{pmatrix}\n", 0
    ),
    (["diff", "x/(x^2 + 1)", "--no-simplify"], nil, "1/(x^2 + 1) - 2*x^2/(x^2 + 1)^2\n", 0),
    (["diff", "x/(x^2 + 1)"], nil, "(1 - x^2)/(x^2 + 1)^2\n", 0),
    (["simplify", "--", "-x^2"], nil, "-x^2\n", 0),
    (["simplify", "-x + x"], nil, "0\n", 0),
    // abs-square: d²|x|/dx² = 1/|x| - x²/|x|³ = 0 (x ≠ 0), and the Hessian of π|x| + y|x|.
    (["diff", "abs(x)", "--wrt", "x,x"], nil, "0\n", 0),
    (["hessian", "pi*abs(x) + y*abs(x)"], nil, "[ 0         x/abs(x) ]\n[ x/abs(x)  0        ]\n", 0),
    (["det", "x*y", "--vars", "x,y"], nil, "", 1),
    (["grad", "x, y"], nil, "", 1),
    (["simplify", "sin(x"], nil, "", 65),
    (["--varz", "x"], nil, "", 64),
    (["--vars", "x,x", "x"], nil, "", 64),
    (["--vars", "x", "--vars", "y", "x"], nil, "", 64),
    (["--format", "yaml", "x"], nil, "", 64),
    (["--vars", "sin", "x"], nil, "", 64),
    (["--vars", "2x", "x"], nil, "", 64),
    (["grad", "x", "--wrt", "x"], nil, "", 64),
    (["--version"], nil, "jac 0.1.0\n", 0),
    (["simplify"], "", "", 0),
    (["simplify"], "\n# a comment\n   \nx+x\r\n", "2*x\n", 0),
    // Issue 5: values at a point, J·v, uᵀ·J, inverse, Newton, check, volume element.
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2"], nil, "2\n", 0),
    (
      ["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,t=pi/3"], nil,
      "[ 1/2                 -1.7320508075688772 ]\n[ 0.8660254037844386  1                   ]\n", 0
    ),
    (
      ["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,t=pi/3", "--exact"], nil,
      "[ 1/2        -sqrt(3) ]\n[ sqrt(3)/2  1        ]\n", 0
    ),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2"], nil, "", 64),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,s=1"], nil, "", 64),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,r=1"], nil, "", 64),
    (["diff", "log(x)", "--at", "x=0"], nil, "", 1),
    // Issue 7: division by zero, 0^0, log(0), sqrt(-1) and tan(pi/2) at a point.
    (["simplify", "1/x", "--at", "x=0"], nil, "", 1),
    (["simplify", "x^y", "--at", "x=0,y=0"], nil, "1\n", 0),
    (["simplify", "x^y", "--at", "x=0,y=-1"], nil, "", 1),
    (["simplify", "log(x) + sqrt(y)", "--at", "x=1,y=-1"], nil, "", 1),
    (["simplify", "tan(x)", "--at", "x=pi/2"], nil, "", 1),
    (["diff", "sqrt(x)", "--at", "x=-1"], nil, "", 1),
    // Issue 15 §3: every digit printed at a point is correct. Exact values of any size stay exact.
    (["simplify", "x", "--at", "x=3^2000"], nil, BigInt(3).power(2000).description + "\n", 0),
    (["simplify", "x^2", "--at", "x=1e308"], nil, BigInt(10).power(616).description + "\n", 0),
    (["simplify", "x*y", "--at", "x=1e308,y=1e308"], nil, BigInt(10).power(616).description + "\n", 0),
    (["simplify", "x^y", "--at", "x=2,y=10000"], nil, BigInt(2).power(10000).description + "\n", 0),
    (["simplify", "x^(2/3)", "--at", "x=-8"], nil, "4\n", 0),
    (["simplify", "x^(1/3)", "--at", "x=8"], nil, "2\n", 0),
    (["simplify", "sqrt(x)", "--at", "x=2", "--exact"], nil, "sqrt(2)\n", 0),
    (["simplify", "sqrt(x)", "--at", "x=2"], nil, "1.4142135623730951\n", 0),
    // Doubles overflowed along the way.
    (["simplify", "exp(x)/exp(y)", "--at", "x=1000,y=999"], nil, "2.718281828459045\n", 0),
    (["simplify", "sinh(x)/cosh(x)", "--at", "x=1000"], nil, "1.0\n", 0),
    (["simplify", "exp(x)-exp(y)", "--at", "x=800,y=800.5"], nil, "-1.7686571768253824e+347\n", 0),
    (["simplify", "sin(x)", "--at", "x=10^600"], nil, "0.9825744561104065\n", 0),
    (["simplify", "sqrt(x)", "--at", "x=3^4001"], nil, "3.027401813072643e+954\n", 0),
    (["simplify", "sqrt(x)", "--at", "x=3^4001", "--latex"], nil, "3.027401813072643 \\times 10^{954}\n", 0),
    // Precision that a double loses.
    (["simplify", "(exp(x)-1)/x", "--at", "x=1e-20"], nil, "1.0\n", 0),
    (["simplify", "log(1+x)", "--at", "x=1e-20"], nil, "1e-20\n", 0),
    (["simplify", "sin(x)", "--at", "x=1e308"], nil, "-0.7876066562047354\n", 0),
    (
      ["simplify", "sin(x)-sin(y)", "--at", "x=100000000000000001,y=100000000000000000"], nil, "-0.5316273790988049\n",
      0
    ),
    (["simplify", "tan(x)", "--at", "x=pi/2 - 1e-30"], nil, "1e+30\n", 0),
    (["simplify", "csc(x)*log(y)/7", "--at", "x=1e-15,y=1e30"], nil, "9.868221827117338e+15\n", 0),
    // An exact 0 the simplifier does not find is not guessed (status 3, a work limit)…
    (["simplify", "x + log(2) + log(3) - log(6)", "--at", "x=0"], nil, "", 3),
    // …but --exact needs only that it is real; beyond 10^±39000 the exact form prints.
    (["simplify", "x + log(2) + log(3) - log(6)", "--at", "x=0", "--exact"], nil, "log(2) + log(3) - log(6)\n", 0),
    (["simplify", "exp(x)", "--at", "x=10^6"], nil, "exp(1000000)\n", 0),
    (["simplify", "log(x)", "--at", "x=-exp(10^30)"], nil, "", 3),
    (["simplify", "asin(x)", "--at", "x=1 + 1e-30"], nil, "", 1),
    (
      ["det", "x*y, x+y", "--vars", "x,y", "--at", "x=pi,y=1", "--volume-element"], nil,
      "dV = 2.141592653589793 dx dy\n", 0
    ),
    // Big exact numbers within the 131,072-bit limit: 2^5000 as a product of 5,000 twos.
    (
      ["simplify", Array(repeating: "2", count: 5000).joined(separator: "*")], nil,
      BigInt(2).power(5000).description + "\n", 0
    ),
    (
      ["r*cos(t), r*sin(t)", "--vars", "r,t", "--jvp", "dr,dt"], nil,
      "[ dr*cos(t) - dt*r*sin(t) ]\n[ dt*r*cos(t) + dr*sin(t) ]\n", 0
    ),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--jvp", "1,0", "--at", "r=2,t=0"], nil, "[ 1 ]\n[ 0 ]\n", 0),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--vjp", "1,0"], nil, "[ cos(t)  -r*sin(t) ]\n", 0),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--jvp", "1,0,0"], nil, "", 64),
    (["det", "x*y", "--jvp", "1"], nil, "", 64),
    (["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t"], nil, "[ cos(t)     sin(t)   ]\n[ -sin(t)/r  cos(t)/r ]\n", 0),
    (["inverse", "x + y, 2*x + 2*y"], nil, "", 1),
    (["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=0,t=1"], nil, "", 1),
    (
      ["newton", "x^2 + y^2 - 4, x - y", "--vars", "x,y", "--from", "1,1"], nil,
      """
      k  x                   y                   |F|
      0  1.0                 1.0                 2.0
      1  1.5                 1.5                 0.5
      2  1.4166666666666667  1.4166666666666667  0.013888888888889284
      3  1.4142156862745099  1.4142156862745099  1.2014609765742534e-05
      4  1.4142135623746899  1.4142135623746899  9.021228208894172e-12
      5  1.4142135623730951  1.4142135623730951  8.881784197001252e-16
      root: x = 1.4142135623730951, y = 1.4142135623730951

      """, 0
    ),
    (["newton", "x^2 + 1", "--vars", "x", "--from", "0"], nil, "k  x    |F|\n0  0.0  1.0\n", 1),
    (["newton", "x^2 - 2", "--vars", "x"], nil, "", 64),
    (["newton", "x^2 - 2", "--vars", "x", "--from", "1", "--tol", "-1"], nil, "", 64),
    (["det", "x", "--from", "1"], nil, "", 64),
    (["det", "x = r*cos(t), y = r*sin(t)", "--vars", "r,t", "--volume-element"], nil, "dx dy = abs(r) dr dt\n", 0),
    (
      ["det", "x = r*cos(t), y = r*sin(t)", "--vars", "r,t", "--volume-element", "--latex"], nil,
      "dx\\,dy = \\left|r\\right| \\, dr\\,dt\n", 0
    ),
    (["grad", "x", "--volume-element"], nil, "", 64),
    (["x = t, x = t^2"], nil, "", 65),
    // Issue 6: the sparsity pattern.
    (
      ["sparsity", "u0 - 2*u1 + exp(u1), u1 - 2*u2 + u3, u3^2"], nil,
      "* * . .\n. * * *\n. . . *\nnonzeros: 6 of 12\n", 0
    ),
    (
      ["sparsity", "r*cos(t), r*sin(t), 5", "--vars", "r,t", "--json"], nil,
      "{\"input\":\"r*cos(t), r*sin(t), 5\",\"command\":\"sparsity\",\"vars\":[\"r\",\"t\"],\"shape\":[3,2],"
        + "\"nonzeros\":4,\"result\":[[1,1],[1,2],[2,1],[2,2]]}\n", 0
    ),
    (["sparsity", "x*y", "--at", "x=1"], nil, "", 64),
    // Issue 6: unicode for terminals (asked for explicitly here; the tests' stdout is a pipe).
    (
      ["r*cos(θ), r*sin(θ)", "--vars", "r,θ", "--format", "unicode"], nil,
      "⎡ cos(θ)  −r·sin(θ) ⎤\n⎣ sin(θ)  r·cos(θ)  ⎦\n", 0
    ),
    (["grad", "x^2*y", "--format", "unicode"], nil, "⎡ 2·x·y ⎤\n⎣ x²    ⎦\n", 0),
    (["simplify", "sqrt(x^2 + 1) - abs(phi)*pi/2", "--format", "unicode"], nil, "√(x² + 1) − π·|φ|/2\n", 0),
    (["x^3*y", "--format", "unicode"], nil, "[ 3·x²·y  x³ ]\n", 0),
    // Issue 6: --steps.
    (
      ["r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--entry", "1,2"], nil,
      """
      entry [1,2]: d/dt of r*cos(t)
        d/dt r*cos(t) = -r*sin(t)    product rule: (f·g)' = f'·g + f·g'
          d/dt r = 0                 constant: d c = 0
          d/dt cos(t) = -sin(t)      chain rule: f(u)' = f'(u)·u'; table: cos'(u) = -sin(u)
        simplify: nothing to do
        = -r*sin(t)

      [ cos(t)  -r*sin(t) ]
      [ sin(t)  r*cos(t)  ]

      """, 0
    ),
    (
      ["diff", "x/(x^2 + 1)", "--steps"], nil,
      """
      d/dx of x/(x^2 + 1)
        d/dx x/(x^2 + 1) = 1/(x^2 + 1) - 2*x^2/(x^2 + 1)^2    quotient rule: (f/g)' = (f'·g - f·g')/g^2
          d/dx x = 1                                          d x/dx = 1
          d/dx (x^2 + 1) = 2*x                                sum rule: (f + g)' = f' + g'
            d/dx 1 = 0                                        constant: d c = 0
            d/dx x^2 = 2*x                                    power rule: (u^n)' = n·u^(n-1)·u'
              d/dx x = 1                                      d x/dx = 1
        simplify:
          1/(x^2 + 1) - 2*x^2/(x^2 + 1)^2 → (1 - x^2)/(x^2 + 1)^2    common-denominator, prefer-shorter
        = (1 - x^2)/(x^2 + 1)^2

      (1 - x^2)/(x^2 + 1)^2

      """, 0
    ),
    // --compact: no spaces around + and -, one row a line as [a,b], unpadded.
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--compact"], nil, "[cos(t),-r*sin(t)]\n[sin(t),r*cos(t)]\n", 0),
    (["grad", "x^2 - x*y + 1", "--compact"], nil, "[2*x-y]\n[-x]\n", 0),
    (
      ["grad", "x^2 - x*y", "--compact", "--json"], nil,
      #"{"input":"x^2 - x*y","command":"grad","vars":["x","y"],"shape":[2,1],"result":["2*x-y","-x"]}"# + "\n", 0
    ),
    (["simplify", "(x - y)^2/(x + 1)", "--compact"], nil, "(x-y)^2/(x+1)\n", 0),
    (["x^2 - y, x*y", "--compact", "--jvp", "1,0"], nil, "[2*x]\n[y]\n", 0),
    (["x - y", "--compact", "--latex"], nil, "", 64),
    (["x - y", "--compact", "--steps"], nil, "", 64),
    // Distinct names never print alike: theta beside θ, x1 beside x_1 are set literally.
    (
      ["simplify", "x1*x_1 + theta*θ + x2", "--latex"], nil,
      "\\mathit{theta} \\mathit{{\\theta}} + \\mathit{x1} \\mathit{x\\_1} + x_{2}\n", 0
    ),
    (
      ["diff", "theta*θ", "--wrt", "θ", "--latex", "--lhs"], nil,
      "\\frac{\\partial f}{\\partial \\mathit{{\\theta}}} = \\mathit{theta}\n", 0
    ),
    (["simplify", "theta*θ + phi", "--format", "unicode"], nil, "theta·θ + φ\n", 0),
    (["sparsity", "x*y, x", "--steps"], nil, "", 64),
    (["x*y", "--entry", "1,1"], nil, "", 64),
    (["x*y", "--steps", "--entry", "2,1"], nil, "", 64),
    (["x*y", "--steps", "--json"], nil, "", 64),
    ([(0..<5).map { "x\($0)*y" }.joined(separator: ", "), "--vars", "x0,x1,x2,x3,y", "--steps"], nil, "", 64),
  ]

  @Test(arguments: transcripts.indices)
  func transcript(_ index: Int) throws {
    let t = Self.transcripts[index]
    let result = try ProcessRunner.run(t.args, stdin: t.stdin)
    #expect(result.status == t.status, "jac \(t.args): \(result.stderr)")
    #expect(result.stdout == t.stdout, "jac \(t.args)")
    if t.status != 0 { #expect(result.stderr.hasPrefix("error: ")) }
  }

  /// Issue 16's functions: a kink under `--at` is noted on standard error, arity errors name the
  /// range, `--check` works through the special functions, and `beta` stays a variable.
  @Test func functionsAtKinksAndArity() throws {
    let kink = try ProcessRunner.run(["diff", "relu(x - 1) + floor(y)*x", "--wrt", "x", "--at", "x=1,y=2"], stdin: nil)
    #expect(kink.status == 0 && kink.stdout == "2\n")
    #expect(
      kink.stderr
        == "note: the point is on a kink or jump of relu(x - 1), floor(y); the derivative there is a convention (docs/rules.md)\n"
    )
    let smooth = try ProcessRunner.run(["diff", "relu(x - 1)", "--wrt", "x", "--at", "x=2"], stdin: nil)
    #expect(smooth.stdout == "1\n" && smooth.stderr.isEmpty)
    // Decided exactly, not in doubles: 10^20·π is no integer, 10^-400 is not 0, log 2 + log 3 is log 6.
    let nearJump = try ProcessRunner.run(
      ["simplify", "floor(x*pi) + relu(y)", "--at", "x=10^20,y=10^-400"], stdin: nil)
    #expect(nearJump.stdout == "3.1415926535897933e+20\n")
    #expect(nearJump.stderr.isEmpty, "\(nearJump.stderr)")
    let hidden = try ProcessRunner.run(["simplify", "max(x, y)", "--at", "x=log(2) + log(3),y=log(6)"], stdin: nil)
    #expect(hidden.stdout == "1.791759469228055\n")
    #expect(hidden.stderr.hasPrefix("note: the point is on a kink or jump of max(x, y)"), "\(hidden.stderr)")
    let arity = try ProcessRunner.run(["max(x)"], stdin: nil)
    #expect(arity.status == 65 && arity.stderr.hasPrefix("error: 'max' takes at least 2 arguments, found 1"))
    let check = try ProcessRunner.run(
      ["grad", "loggamma(a)*sigmoid(b) + beta(a, b) + erf(a*b) + polygamma(1, a + b)", "--vars", "a,b", "--check"],
      stdin: nil)
    #expect(check.status == 0, "\(check.stderr)")
    let variable = try ProcessRunner.run(["diff", "beta*gamma(x)", "--wrt", "beta"], stdin: nil)
    #expect(variable.stdout == "gamma(x)\n")
  }

  /// Issue 16's functions at a point print certified digits (checked against mpmath), also
  /// inside derivatives (polygamma, erf's Gaussian, atan2's partials); a pole is undefined, and
  /// polygamma past its certified limits says so.
  /// The integrals and sinc as a person types them: SymPy's names and the aliases, derivatives,
  /// certified values (mpmath 1.3.0: si(1000) = 1.57023312196877121…, ei(-30) =
  /// -3.02155201068881254…e-15, li(2) = 1.04516378011749278…), the real domain, the short names as
  /// variables, and sinc at 0.
  @Test func integralsAndSinc() throws {
    let derivatives = try ProcessRunner.run(["Si(x), Ci(x), erfi(x), li(x), fresnelc(x), sinc(x)"], stdin: nil)
    #expect(
      derivatives.stdout
        == "[ sinc(x)                 ]\n"
        + "[ cos(x)/x                ]\n"
        + "[ 2*exp(x^2)/sqrt(pi)     ]\n"
        + "[ 1/log(x)                ]\n"
        + "[ cos(x^2*pi/2)           ]\n"
        + "[ (x*cos(x) - sin(x))/x^2 ]\n", "\(derivatives.stderr)")
    let values = try ProcessRunner.run(
      ["simplify", "sinint(1000*x), ei(-30*x), logint(2*x), sinc(x - 1)", "--at", "x=1"], stdin: nil)
    #expect(values.stdout == "1.5702331219687713, -3.0215520106888125e-15, 1.045163780117493, 1\n", "\(values.stderr)")
    let names = try ProcessRunner.run(["simplify", "chi*Ci + li*x + Si(chi)"], stdin: nil)
    #expect(names.stdout == "Ci*chi + li*x + Si(chi)\n", "\(names.stderr)")
    let complex = try ProcessRunner.run(["simplify", "Ci(x)", "--at", "x=-1"], stdin: nil)
    #expect(complex.status == 1 && complex.stderr == "error: the result is undefined or not real at this point\n")
    let constant = try ProcessRunner.run(["simplify", "li(-2)"], stdin: nil)
    #expect(constant.status == 65 && constant.stderr.hasPrefix("error: 'li(-2)' is not real; jac's values are real\n"))
  }

  @Test func specialFunctionsAtAPoint() throws {
    let values = try ProcessRunner.run(
      [
        "simplify",
        "erf(x), erfc(10*x), gamma(x/3), loggamma(-x - 1/2), sech(x), acoth(x + 1), sigmoid(-x), floor(x*pi)",
        "--at", "x=1",
      ],
      stdin: nil)
    #expect(values.status == 0, "\(values.stderr)")
    #expect(
      values.stdout
        == "0.8427007929497149, 2.088487583762545e-45, 2.6789385347077476, 0.860047015376481, 0.6480542736638853, "
        + "0.5493061443340549, 0.2689414213699951, 3\n")
    let gradient = try ProcessRunner.run(
      ["grad", "loggamma(a) + erf(a*b) + atan2(b, a)", "--vars", "a,b", "--at", "a=3/2,b=-2"], stdin: nil)
    #expect(gradient.stdout == "[ 0.35621146787468302 ]\n[ 0.24020887957792012 ]\n", "\(gradient.stderr)")
    let pole = try ProcessRunner.run(["simplify", "digamma(x)", "--at", "x=floor(-pi)"], stdin: nil)
    #expect(pole.status == 1 && pole.stderr == "error: the result is undefined or not real at this point\n")
    let limit = try ProcessRunner.run(["simplify", "polygamma(2, x)", "--at", "x=-10^7 + 1/3"], stdin: nil)
    #expect(
      limit.status == 3
        && limit.stderr
          == "error: the result could not be certified at this point: it needs a special function past the precision "
          + "or range where jac evaluates it with certified digits (erf, erfc, the gamma family, Si, fresnels and the "
          + "other integrals: docs/errors.md)\n"
    )
  }

  /// 1/3^1000 + 1/5^1000 + … over 45 odd primes.
  static var oddPrimeReciprocals: String {
    let primes = (3..<400).filter { p in (2..<p).allSatisfy { p % $0 != 0 } }.prefix(45)
    return primes.map { "1/\($0)^1000" }.joined(separator: "+")
  }

  /// The messages of values at a point that cannot be certified, and of the big-number budget.
  @Test(arguments: [
    (
      ["simplify", "x + log(2) + log(3) - log(6)", "--at", "x=0"],
      "error: the result could not be certified at this point within the work limit (16384 bits of precision); "
        + "it is indistinguishable from 0 there and may be exactly 0 ('--exact' prints it exactly)\n"
    ),
    (
      [
        "x*y + log(2) + log(3) - log(6), 1/(x - y + sqrt(2) + sqrt(3) - sqrt(5 + 2*sqrt(6)))", "--at", "x=1,y=1",
        "--exact",
      ],
      "error: whether entry [2,1] is real at this point could not be decided within the work limit (16384 bits of "
        + "precision)\n"
    ),
    (
      ["simplify", "log(x)", "--at", "x=-exp(10^30)"],
      "error: the result could not be evaluated at this point: an intermediate value is beyond 2^±(2^48)\n"
    ),
    (["simplify", "asin(x)", "--at", "x=1 + 1e-30"], "error: the result is undefined or not real at this point\n"),
    (
      ["newton", "x^2 - 2", "--from", "1e400"],
      "error: '--from': '1e400' is outside the range of a double (magnitudes from 4.9e-324 to 1.8e308); newton "
        + "iterates in double precision\n"
    ),
    (
      // 1/3^1000 + 1/5^1000 + … over 45 odd primes: each sum's gcd is quadratic in its size.
      ["simplify", "oddPrimeReciprocals"],
      "error: exact arithmetic on large numbers went past its work budget for one input (50000000 squared limbs); "
        + "no number passed the 131072-bit size limit\n"
    ),
  ])
  func pointMessages(_ args: [String], _ expected: String) throws {
    let args = args.map { $0 == "oddPrimeReciprocals" ? Self.oddPrimeReciprocals : $0 }
    let result = try ProcessRunner.run(args, stdin: nil)
    #expect(result.stderr.hasPrefix(expected), "jac \(args)")
  }

  /// `--check` prints a report after the answer; the figures are the finite differences' own.
  @Test func checkReport() throws {
    let result = try ProcessRunner.run(["r*cos(t), r*sin(t)", "--vars", "r,t", "--check"], stdin: nil)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines[2] == "check: 4 entries agree with central finite differences at up to 16 points")
    #expect(lines[3].hasPrefix("  entry  checked  skipped  max abs error  max rel error"))
    #expect(lines.count == 8)
    for line in lines[4...] {
      let cells = line.split(separator: " ")
      #expect(cells[1] == "8" && cells[2] == "0", "\(line)")
      #expect((Double(cells[3]) ?? 1) < 1e-9, "\(line)")
    }
    let json = try ProcessRunner.run(["hessian", "x^2*y^3", "--check", "--json", "--at", "x=1,y=2"], stdin: nil)
    #expect(json.status == 0)
    #expect(json.stdout.contains(#""check":{"passed":true,"points":1,"entries":[{"entry":"[1,1]","agrees":true"#))
    #expect(json.stdout.contains(#""result":[["16","24"],["24","12"]]"#))
  }

  /// A parse error inside an option's value points into that value.
  @Test func optionValueErrorsPointAtTheSpot() throws {
    let result = try ProcessRunner.run(["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2*(1+"], stdin: nil)
    #expect(result.status == 64)
    #expect(result.stderr == "error: in '--at': expected an expression, found end of input\n  2*(1+\n       ^\n")
  }

  /// A bad line in the middle of a batch is reported with its line number; the others are answered.
  @Test func batchWithABadLine() throws {
    let result = try ProcessRunner.run(["diff", "--json"], stdin: "x^2\nsin(x\n\nexp(2*x)\n")
    #expect(result.status == 65)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == #"{"input":"x^2","command":"diff","vars":["x"],"wrt":["x"],"result":"2*x"}"#)
    #expect(lines[1] == #"{"error":"expected ')' to close '(' at column 4","line":2,"column":6}"#)
    #expect(lines[2] == #"{"input":"exp(2*x)","command":"diff","vars":["x"],"wrt":["x"],"result":"2*exp(2*x)"}"#)
    #expect(result.stderr == "error: line 2: expected ')' to close '(' at column 4\n  sin(x\n       ^\n")
    let text = try ProcessRunner.run(["diff"], stdin: "x^2\nsin(x\nexp(2*x)\n")
    #expect(text.stdout == "2*x\n2*exp(2*x)\n")
  }

  /// JSON results are in jac syntax: each string parses back to the same expression.
  @Test func jsonShapesAndRoundTrip() throws {
    let jacobian = try ProcessRunner.run(["r*cos(t), r*sin(t)", "--vars", "r,t", "--json"])
    #expect(
      jacobian.stdout
        == #"{"input":"r*cos(t), r*sin(t)","command":"jacobian","vars":["r","t"],"shape":[2,2],"result":[["cos(t)","-r*sin(t)"],["sin(t)","r*cos(t)"]]}"#
        + "\n")
    let grad = try ProcessRunner.run(["grad", "x^2*sin(y)", "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(grad.stdout.utf8)) as? [String: Any]
    let entries = object?["result"] as? [String] ?? []
    #expect(entries == ["2*x*sin(y)", "x^2*cos(y)"])
    let pool = ExpressionPool()
    for text in entries {
      let e = try Parser.parseExpression(text, in: pool)
      #expect(TextPrinter(pool: pool).string(e) == text)
    }
  }

  /// A big sparse matrix prints as its nonzero entries, 1-based; `--dense` keeps the aligned
  /// layout; 400 entries or fewer, or more than a quarter nonzero, stay aligned.
  @Test func bigSparseMatricesListTheirNonzeros() throws {
    func tridiagonal(_ n: Int) -> (String, String) {
      let u = (1...n).map { "u\($0)" }
      let f = (0..<n).map { i in
        (i > 0 ? u[i - 1] + " + " : "") + "exp(\(u[i])) - 2*\(u[i])" + (i < n - 1 ? " + " + u[i + 1] : "")
      }
      return (f.joined(separator: ", "), u.joined(separator: ","))
    }
    let (f21, u21) = tridiagonal(21)
    let listed = try ProcessRunner.run([f21, "--vars", u21])
    let lines = listed.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "21x21, 61 nonzero entries (all others 0):")
    #expect(lines.count == 62)
    #expect(Array(lines.dropFirst().prefix(3)) == ["[1,1] = exp(u1) - 2", "[1,2] = 1", "[2,1] = 1"])
    #expect(lines.last == "[21,21] = exp(u21) - 2")
    let unicode = try ProcessRunner.run([f21, "--vars", u21, "--format", "unicode"])
    #expect(unicode.stdout.hasPrefix("21×21, 61 nonzero entries (all others 0):\n[1,1] = exp(u1) − 2\n"))
    let dense = try ProcessRunner.run([f21, "--vars", u21, "--dense"])
    #expect(dense.stdout.split(separator: "\n").count == 21)
    #expect(dense.stdout.hasPrefix("[ exp(u1) - 2  1            0 "))
    let compact = try ProcessRunner.run([f21, "--vars", u21, "--compact"])
    #expect(compact.stdout.hasPrefix("21x21, 61 nonzero entries (all others 0):\n[1,1]=exp(u1)-2\n[1,2]=1\n"))
    let compactDense = try ProcessRunner.run([f21, "--vars", u21, "--compact", "--dense"])
    #expect(compactDense.stdout.hasPrefix("[exp(u1)-2,1,0,0,"))
    let (f20, u20) = tridiagonal(20)
    #expect(try ProcessRunner.run([f20, "--vars", u20]).stdout.hasPrefix("[ exp(u1) - 2  1 "))
    let hessian = try ProcessRunner.run(["hessian", (1...21).map { "x\($0)^3" }.joined(separator: " + ")])
    #expect(hessian.stdout.hasPrefix("21x21, 21 nonzero entries (all others 0):\n[1,1] = 6*x1\n[2,2] = 6*x2\n"))
  }

  /// `--compact` prints the same expressions as the default layout, only without the optional
  /// spaces: every compact entry parses back to the default entry (each pair of 18 pieces joined
  /// by each of + - * /: 1,296 inputs).
  @Test func compactIsTheSameAnswer() throws {
    let pool = ExpressionPool()
    let pieces = [
      "x", "-y", "x*y - 1", "sin(x - y)", "exp(-x*z)", "(x + 1)^2", "sqrt(x^2 + y^2)", "log(1 + z)", "1/(x - y)",
      "atan(y/x)", "x^(2/3)", "tanh(x + y - z)", "-(x - 2*y)", "2/3", "cos(x)^2 - sin(y)^2", "abs(x - z)",
      "x^y", "asin(z/2)",
    ]
    let inputs = pieces.flatMap { a in pieces.flatMap { b in ["+", "-", "*", "/"].map { "(\(a)) \($0) (\(b))" } } }
    let stdin = inputs.joined(separator: "\n") + "\n"
    let spaced = try ProcessRunner.run(["grad", "--vars", "x,y,z", "--json"], stdin: stdin)
    let compact = try ProcessRunner.run(["grad", "--vars", "x,y,z", "--json", "--compact"], stdin: stdin)
    #expect(spaced.status == compact.status)
    let a = spaced.stdout.split(separator: "\n")
    let b = compact.stdout.split(separator: "\n")
    #expect(a.count == b.count && a.count == inputs.count)
    var compared = 0
    for (x, y) in zip(a, b) {
      let ex = try JSONSerialization.jsonObject(with: Data(x.utf8)) as? [String: Any]
      let ey = try JSONSerialization.jsonObject(with: Data(y.utf8)) as? [String: Any]
      let rx = ex?["result"] as? [String] ?? []
      let ry = ey?["result"] as? [String] ?? []
      #expect(rx.count == ry.count, "\(x) / \(y)")
      for (p, q) in zip(rx, ry) {
        #expect(!q.contains(" "), "\(q)")
        #expect(try Parser.parseExpression(p, in: pool) == Parser.parseExpression(q, in: pool), "\(p) / \(q)")
        compared += 1
      }
    }
    #expect(compared > 3000)
  }

  @Test func errorsPointAtTheColumn() throws {
    let result = try ProcessRunner.run(["simplify", "x(y)"])
    let hint = "hint: write 'x*(...)' to multiply, or '--funcs x' for a function nobody defined\n"
    #expect(result.stderr == "error: 'x' is not a function\n  x(y)\n  ^\n" + hint)
    let unknown = try ProcessRunner.run(["sinn(x)"])
    let suggestion = "error: unknown function 'sinn'; did you mean 'sin' or 'sinh'?\n  sinn(x)\n  ^^^^\n"
    #expect(unknown.stderr.hasPrefix(suggestion))
    let option = try ProcessRunner.run(["--varz", "x"])
    #expect(option.stderr.hasPrefix("error: unknown option '--varz'; did you mean '--vars'?\n"))
  }

  /// A variable that does not occur but is close to one that does gets a warning; the answer
  /// (a zero column) is still given.
  @Test func misspeltVariableWarns() throws {
    let result = try ProcessRunner.run(["x*y", "--vars", "x,yy"])
    #expect(result.status == 0)
    #expect(result.stdout == "[ y  0 ]\n")
    #expect(result.stderr == "warning: variable 'yy' does not occur in the input; did you mean 'y'?\n")
  }

  /// `e` written alone is Euler's number, not a variable: a general matrix's `e` gets a note (the
  /// answer is still given, for the constant); `e^x`, `e²` and `exp(1)` need none. A batch's note
  /// names its line.
  @Test func eulerNumberAloneGetsANote() throws {
    let note = "note: 'e' is Euler's number (2.71828…), a constant; a variable needs another name, e.g. 'e1'\n"
    let matrix = try ProcessRunner.run(["det", "a*x + b*y, d*x + e*y", "--vars", "x,y"])
    #expect(matrix.status == 0 && matrix.stdout == "a*e - b*d\n")
    #expect(matrix.stderr == note)
    for input in ["x*e^x", "e²*x", "exp(1)*x", "e1*x"] {
      let run = try ProcessRunner.run([input, "--vars", "x"])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(input): \(run.stderr)")
    }
    let equation = try ProcessRunner.run(["newton", "x = e", "--from", "1"])
    #expect(equation.status == 0 && equation.stderr == note)
    let batch = try ProcessRunner.run(["--vars", "x"], stdin: "x^2\ne*x\n")
    #expect(batch.stdout == "[ 2*x ]\n\n[ e ]\n" && batch.stderr == "note: line 2: " + note.dropFirst(6))
  }

  /// The same note for a lone `e` in a `--where` definition (once a run: the definitions apply to
  /// every line of a batch, whose own lone `e` still gets its line's note) and in a matrix
  /// expression (`--vector`, `--matrix`); `e^…`, `e.^…`, `e²` and `exp(1)` need none.
  @Test func eulerNumberAloneInDefinitionsAndMatricesGetsANote() throws {
    let note = "note: 'e' is Euler's number (2.71828…), a constant; a variable needs another name, e.g. 'e1'\n"
    let defined = try ProcessRunner.run(["diff", "y", "--wrt", "x", "--where", "y = e*x"])
    #expect(defined.status == 0 && defined.stdout == "e\n" && defined.stderr == note)
    for definition in ["y = e^x", "y = exp(1)*x", "y = e1*x; z = e²"] {
      let run = try ProcessRunner.run(["diff", "y", "--wrt", "x", "--where", definition])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(definition): \(run.stderr)")
    }
    let batch = try ProcessRunner.run(["diff", "--wrt", "x", "--where", "y = e*x"], stdin: "y\ny^2\ne*y\n")
    #expect(batch.stdout == "e\n2*x*exp(2)\nexp(2)\n")
    #expect(batch.stderr == note + "note: line 3: " + note.dropFirst(6))
    let matrix = try ProcessRunner.run(["grad", "e*x'*x", "--vector", "x"])
    #expect(matrix.status == 0 && matrix.stdout == "2*e*x\n" && matrix.stderr == note)
    let expanded = try ProcessRunner.run(["simplify", "e*A", "--matrix", "A", "--expand", "n=1,m=1"])
    #expect(expanded.status == 0 && expanded.stderr == note, "\(expanded.stderr)")
    for input in ["e^(x'*x)", "exp(1)*x'*x", "e²*x'*x", "sum(exp(x))"] {
      let run = try ProcessRunner.run(["grad", input, "--vector", "x"])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(input): \(run.stderr)")
    }
  }

  /// `E` is a variable to jac (energy, Young's modulus), but SymPy and Mathematica read `E` as
  /// Euler's number: `E^x` with a symbolic exponent gets a note (the answer is still given, for
  /// the variable E); `E^2`, `E*x` and `e^x` need none. A batch's note names its line.
  @Test func capitalEAsABaseGetsANote() throws {
    let note = "note: 'E' is a variable to jac, not Euler's number; for e^x write 'e^x' or 'exp(x)'\n"
    let power = try ProcessRunner.run(["diff", "E^x", "--wrt", "x"])
    #expect(power.status == 0 && power.stdout == "E^x*log(E)\n" && power.stderr == note)
    for input in ["E^2 - p^2", "E*x", "e^x", "E1^x"] {
      let run = try ProcessRunner.run(["diff", input, "--wrt", "x"])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(input): \(run.stderr)")
    }
    let batch = try ProcessRunner.run(["diff", "--wrt", "x"], stdin: "x^2\nE^(-x^2)\n")
    #expect(batch.stderr == "note: line 2: " + note.dropFirst(6))
  }

  @Test func helpForEveryCommand() throws {
    let top = try ProcessRunner.run(["--help"])
    #expect(top.status == 0)
    for section in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "COMMANDS:"] {
      #expect(top.stdout.contains(section))
    }
    for command in Request.Command.allCases {
      let help = try ProcessRunner.run([command.rawValue, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE: jac"))
    }
  }

  /// Adversarial input: 100,000 nested parentheses, NUL bytes, invalid UTF-8, CRLF: errors with
  /// line numbers, never a crash; every good line still answered.
  @Test func hostileInputNeverCrashes() throws {
    let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
    var data = Data("x+1\n".utf8)
    data.append(Data(deep.utf8))
    data.append(Data("\nx\u{0}y\n".utf8))
    data.append(Data([0x78, 0xFF, 0x0A]))
    data.append(Data("2*x\r\n".utf8))
    let result = try ProcessRunner.run(["simplify"], stdinData: data)
    #expect(result.status == 65)
    #expect(result.stdout == "x + 1\n2*x\n")
    #expect(result.stderr.contains("error: line 2: nesting deeper than 10000 levels"))
    #expect(result.stderr.contains("error: line 3: unexpected character 'U+0000'"))
    #expect(result.stderr.contains("error: line 4: invalid UTF-8"))
  }

  /// Exactly 10,000 levels of nesting (`-(` pairs, parentheses, calls) are answered through
  /// every stage, including printing the derivative; 10,001 are refused with the limit (status 3).
  @Test func deepInputThroughTheCommand() throws {
    let minus = String(repeating: "-(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
    let sum = String(repeating: "(x+", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    let result = try ProcessRunner.run(["diff"], stdin: minus + "\n" + sum + "\n")
    #expect(result.status == 0, "\(result.stderr.prefix(200))")
    #expect(result.stdout == "1\n10001\n")
    let calls = String(repeating: "sin(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    let chain = try ProcessRunner.run(["simplify", calls])
    #expect(chain.status == 0, "\(chain.stderr.prefix(200))")
    #expect(chain.stdout == calls + "\n")
    for deeper in ["(" + sum + ")", "sin(" + calls + ")", "-" + minus] {
      let refused = try ProcessRunner.run(["diff", "--", deeper])
      #expect(refused.status == 3)
      #expect(refused.stdout.isEmpty)
      let message = "error: nesting deeper than 10000 levels\n  ..."
      #expect(refused.stderr.hasPrefix(message), "\(refused.stderr.prefix(200))")
    }
  }
}

/// The format default follows the terminal: unicode when standard output is one, plain text
/// when asked (`--format text`) or piped (every process test above runs with a pipe).
@Suite struct TerminalDefaultTests {
  private func run(_ arguments: [String], terminal: Bool) -> String {
    var output = ""
    _ = JacCommand.run(arguments, nextLine: { nil }, out: { output += $0 }, err: { _ in }, terminal: terminal)
    return output
  }

  @Test func unicodeOnATerminal() {
    #expect(run(["x^2*y"], terminal: true) == "[ 2·x·y  x² ]\n")
    #expect(run(["x^2*y", "--format", "text"], terminal: true) == "[ 2*x*y  x^2 ]\n")
    #expect(run(["x^2*y", "--json"], terminal: true).hasPrefix("{"))
    #expect(run(["x^2*y"], terminal: false) == "[ 2*x*y  x^2 ]\n")
  }
}

/// Issue 17's examples that jac now prints in the short form a mathematician writes.
@Suite struct ShortFormTests {
  @Test(arguments: [
    (["det", "l1*cos(q1) + l2*cos(q1 + q2), l1*sin(q1) + l2*sin(q1 + q2)", "--vars", "q1,q2"], "l1*l2*sin(q2)\n"),
    (["simplify", "sin(2*x) - 2*sin(x)*cos(x)"], "0\n"),
    (["simplify", "sin(x + y) - sin(x)*cos(y) - cos(x)*sin(y)"], "0\n"),
    (["simplify", "sqrt(x^2)"], "abs(x)\n"),
    (["simplify", "sqrt(4*x^2) + (y^2)^(1/3)"], "y^(2/3) + 2*abs(x)\n"),
    (["simplify", "cos(a)*cos(b) - sin(a)*sin(b)"], "cos(a + b)\n"),
    (["simplify", "cos(a)*cos(b) + sin(a)*sin(b)"], "cos(a - b)\n"),
    (["simplify", "sin(a)*cos(b) + cos(a)*sin(b)"], "sin(a + b)\n"),
    (["simplify", "sin(a)*cos(b) - cos(a)*sin(b)"], "sin(a - b)\n"),
    (["simplify", "tan(x)*cos(x)"], "sin(x)\n"),
    (["simplify", "sqrt(x^2 + 2*x + 1)"], "abs(x + 1)\n"),
    (["simplify", "abs(x)*abs(y)"], "abs(x*y)\n"),
    (["simplify", "abs(x)^2"], "x^2\n"),
    (["simplify", "cos(x)^4 - sin(x)^4"], "cos(2*x)\n"),
    (["diff", "1/tanh(x)", "--wrt", "x"], "-1/sinh(x)^2\n"),
    (["simplify", "(tan(a) + tan(b))/(1 - tan(a)*tan(b))"], "tan(a + b)\n"),
    (["simplify", "(tan(a) - tan(b))/(1 + tan(a)*tan(b))"], "tan(a - b)\n"),
    (["simplify", "tan(a + b) - (tan(a) + tan(b))/(1 - tan(a)*tan(b))"], "0\n"),
    (["simplify", "2*tan(x)/(1 - tan(x)^2)"], "tan(2*x)\n"),
    (["simplify", "2*sin(x)*cos(x)"], "2*cos(x)*sin(x)\n"),
    (["simplify", "-1/sin(5/2) + 1/cos(x)^2"], "sec(x)^2 - csc(5/2)\n"),
    (["hessian", "log(tan(x))"], "[ sec(x)^2 - csc(x)^2 ]\n"),
    (
      ["inverse", "y/csc(-5/2), asin(x)", "--vars", "x,y"],
      "[ 0          sqrt(1 - x^2) ]\n[ -csc(5/2)  0             ]\n"
    ),
    (["diff", "log(abs(x))", "--wrt", "x"], "1/x\n"),
    (
      [
        "det", "(R + r*cos(p))*cos(t), (R + r*cos(p))*sin(t), r*sin(p)", "--vars", "r,p,t", "--volume-element",
        "--assume", "R > r > 0",
      ], "dV = r*(r*cos(p) + R) dr dp dt for R > r > 0\n"
    ),
    (["simplify", "abs(sin(p)) + sqrt(r^2)", "--assume=0 < p < pi, r > 0"], "sin(p) + r\n"),
    (
      [
        "diff",
        "2^(1/3)*log(x + 2^(1/3))/6 - 2^(1/3)*log(x^2 - 2^(1/3)*x + 2^(2/3))/12"
          + " + 2^(1/3)*sqrt(3)*atan(2^(2/3)*sqrt(3)*x/3 - sqrt(3)/3)/6", "--wrt", "x",
      ], "1/(x^3 + 2)\n"
    ),
  ])
  func shortForm(_ arguments: [String], _ expected: String) throws {
    let result = try ProcessRunner.run(arguments)
    #expect(result.status == 0 && result.stdout == expected, "\(arguments): \(result.stdout) \(result.stderr)")
  }

  @Test func twoLinkArmInverseUsesTheShortDeterminant() throws {
    let result = try ProcessRunner.run(
      ["inverse", "l1*cos(q1) + l2*cos(q1 + q2), l1*sin(q1) + l2*sin(q1 + q2)", "--vars", "q1,q2"])
    #expect(result.stderr == "note: the inverse does not exist where det J = l1*l2*sin(q2) = 0\n")
    #expect(result.stdout.contains("cos(q1 + q2)/(l1*sin(q2))"))
  }

  /// A constant det J (−√2 − 1) is zero nowhere: no note that the inverse fails "where" it is 0.
  @Test func constantDeterminantHasNoNote() throws {
    let result = try ProcessRunner.run(["inverse", "sqrt(2)*x + y, x - y"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
  }
}

extension ShortFormTests {
  /// `--assume` errors point into its text; it does not apply to newton.
  @Test func assumptionErrors() throws {
    let contradiction = try ProcessRunner.run(["simplify", "abs(x)", "--assume", "x > 0, x < -1"])
    #expect(contradiction.status == 64)
    #expect(
      contradiction.stderr
        == "error: in '--assume': this assumption contradicts the others\n  x > 0, x < -1\n         ^^^^^^\n")
    let unknown = try ProcessRunner.run(["simplify", "abs(x)", "--assume", "q > 0"])
    #expect(unknown.stderr.hasPrefix("error: in '--assume': 'q' is not in the input"))
    let newton = try ProcessRunner.run(["newton", "x^2 - 2", "--from", "1", "--assume", "x > 0"])
    #expect(newton.status == 64 && newton.stderr.hasPrefix("error: '--assume' does not apply to newton"))
  }

  /// The assumptions in use are stated: in LaTeX after any answer, in JSON as `"assume"`.
  @Test func assumptionsAreStated() throws {
    let latex = try ProcessRunner.run(["simplify", "sqrt(x^2)*abs(y)", "--assume", "x > 0, y >= 0", "--latex"])
    #expect(latex.stdout == "x y \\quad (x > 0,\\ y \\geq 0)\n")
    let json = try ProcessRunner.run(["simplify", "sqrt(x^2)", "--assume", "x > 0", "--json"])
    #expect(
      json.stdout
        == "{\"input\":\"sqrt(x^2)\",\"command\":\"simplify\",\"vars\":[\"x\"],\"assume\":\"x > 0\",\"result\":\"x\"}\n"
    )
    let plain = try ProcessRunner.run(["simplify", "sqrt(x^2)", "--latex"])
    #expect(plain.stdout == "\\left|x\\right|\n")
  }

  @Test func logarithmicDerivativesOfSineAndCosine() throws {
    #expect(try ProcessRunner.run(["diff", "log(sin(c))", "--wrt", "c"]).stdout == "cot(c)\n")
    #expect(try ProcessRunner.run(["diff", "log(cos(x))"]).stdout == "-tan(x)\n")
  }
}
