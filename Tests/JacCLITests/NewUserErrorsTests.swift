import Testing

/// Answers a new user met that were silently wrong or misleading (session 14): each is now an
/// answer to the question asked or an error at the spot. Standard error is compared whole, so
/// the caret and the hint are checked with the message.
@Suite struct NewUserErrorsTests {
  struct Transcript: CustomStringConvertible {
    var args: [String]
    var stdout: String = ""
    /// Standard error, whole.
    var stderr: String = ""
    var status: Int32 = 0
    var description: String { args.joined(separator: " ") }
  }

  static let transposeHint =
    "hint: a transpose applies to vectors and matrices: declare them with '--vector' or '--matrix'\n"
  static let nonFinite = "is a name to jac, not a number: values at a point are finite, and jac has no infinity or NaN"
  static let definitionHint = "hint: write 'f' for the quantity; a function nobody defined needs a name of its own\n"

  /// `ᵀ`, which the unicode output writes for a transpose, was swallowed into the name `xᵀ`
  /// (`xᵀ*A*x` simplified to `A*x*xᵀ`). Scalar input has no transpose: an error at the mark;
  /// with declarations it is the transpose, as `'` is.
  static let transpose: [Transcript] = [
    Transcript(
      args: ["simplify", "xᵀ*A*x"], stderr: "error: unexpected character 'ᵀ'\n  xᵀ*A*x\n   ^\n" + transposeHint,
      status: 65),
    Transcript(args: ["aᵀb"], stderr: "error: unexpected character 'ᵀ'\n  aᵀb\n   ^\n" + transposeHint, status: 65),
    Transcript(args: ["grad", "xᵀ*A*x", "--vector", "x", "--matrix", "A"], stdout: "(A + A')*x\n"),
    Transcript(args: ["simplify", "xᵀᵀ*x", "--vector", "x"], stdout: "", status: 65),
  ]

  /// The matrix-calculus functions without declarations: not "did you mean 'cot'?".
  static let matrixFunctions: [Transcript] = [
    Transcript(
      args: ["dot(x,y)"],
      stderr: "error: 'dot' is a function of vectors and matrices; declare them with '--vector' or '--matrix'\n"
        + "  dot(x,y)\n  ^^^\nhint: for example 'jac \"dot(x, y)\" --vector x,y'\n", status: 65),
    Transcript(
      args: ["grad", "x^2 + norm(x)"],
      stderr: "error: 'norm' is a function of vectors and matrices; declare them with '--vector' or '--matrix'\n"
        + "  x^2 + norm(x)\n        ^^^^\nhint: for example 'jac \"norm(x)\" --vector x'\n", status: 65),
    Transcript(
      args: ["tr(A)"],
      stderr: "error: 'tr' is a function of vectors and matrices; declare them with '--vector' or '--matrix'\n"
        + "  tr(A)\n  ^^\nhint: for example 'jac \"tr(A)\" --matrix A'\n", status: 65),
    Transcript(args: ["grad", "dot(x, y)", "--vector", "x,y", "--vars", "x"], stdout: "y\n"),
    Transcript(args: ["diff", "dot(x)", "--funcs", "dot", "--wrt", "x"], stdout: "dot'(x)\n"),
    // Other tools' names: `trace` is tr (the same function); the others say how jac writes them.
    Transcript(args: ["grad", "trace(A*X*B)", "--matrix", "A,X,B", "--vars", "X"], stdout: "A'*B'\n"),
    Transcript(
      args: ["grad", "sum(transpose(A)*x)", "--matrix", "A", "--vector", "x", "--vars", "x"],
      stderr: "error: jac has no function 'transpose'; write A' for the transpose of A\n"
        + "  sum(transpose(A)*x)\n      ^^^^^^^^^^^^\n", status: 65),
    Transcript(
      args: ["grad", "logdet(X)", "--matrix", "X"],
      stderr: "error: jac has no function 'logdet'; write log(det(A))\n  logdet(X)\n  ^^^^^^^^^\n", status: 65),
  ]

  /// `--at x=-inf` was the symbol inf (`-2*inf`). Symbolic values stay (docs/cli.md: "even a+1").
  static let point: [Transcript] = [
    Transcript(
      args: ["x^2", "--at", "x=-inf"], stderr: "error: in '--at': 'inf' \(nonFinite)\n  -inf\n   ^^^\n", status: 64),
    Transcript(
      args: ["diff", "sin(x)", "--at", "x=2*NaN"], stderr: "error: in '--at': 'NaN' \(nonFinite)\n  2*NaN\n    ^^^\n",
      status: 64),
    Transcript(args: ["x^2", "--at", "x=oo"], stderr: "error: in '--at': 'oo' \(nonFinite)\n  oo\n  ^^\n", status: 64),
    Transcript(args: ["x^2", "--at", "x=y"], stdout: "[ 2*y ]\n"),
    // A name of the input is a name, whatever it spells.
    Transcript(args: ["x*inf", "--vars", "x", "--at", "x=2,inf=3"], stdout: "[ 3 ]\n"),
  ]

  /// `f(x)` with `--where "f = x^2"` stayed an undefined function (`f'(x)`), the definition unused.
  static let definitions: [Transcript] = [
    Transcript(
      args: ["f(x)", "--where", "f = x^2"],
      stderr: "error: 'f' is defined by '--where' as a quantity; it cannot be applied as a function\n"
        + "  f(x)\n  ^\n" + definitionHint, status: 65),
    Transcript(
      args: ["diff", "x + D[1](f)(x)", "--where", "f = x^2", "--wrt", "x"],
      stderr: "error: 'f' is defined by '--where' as a quantity; it cannot be applied as a function\n"
        + "  x + D[1](f)(x)\n           ^\n" + definitionHint, status: 65),
    Transcript(args: ["f + x", "--where", "f = x^2", "--inline"], stdout: "[ 2*x + 1 ]\n"),
  ]

  /// State equations as engineers write them, `x' = v` (SymPy: the Jacobian of (v, -x) along
  /// (x, v) is [[0, 1], [-1, 0]]); in any order; the naming errors of `x = v` apply.
  static let stateEquations: [Transcript] = [
    Transcript(args: ["linearize", "x' = v, v' = -x", "--state", "x,v"], stdout: "A =\n[ 0   1 ]\n[ -1  0 ]\n"),
    Transcript(args: ["linearize", "v' = -x, x' = v", "--state", "x,v"], stdout: "A =\n[ 0   1 ]\n[ -1  0 ]\n"),
    Transcript(
      args: ["linearize", "th'=w, w'=-g/l*sin(th) + u/(m*l^2)", "--state", "th,w", "--input", "u", "--at", "th=0"],
      stdout: "A =\n[ 0     1 ]\n[ -g/l  0 ]\n\nB =\n[ 0         ]\n[ 1/(l^2*m) ]\n"),
    // Names after a state equation are still read: c (simplified away) takes a value, f is applied.
    Transcript(
      args: ["linearize", "x' = v, v' = -x + 0*c", "--state", "x,v", "--at", "c=1"],
      stdout: "A =\n[ 0   1 ]\n[ -1  0 ]\n"),
    Transcript(
      args: ["linearize", "x' = v, v' = -f(x)", "--state", "x,v", "--where", "f = 2"],
      stderr: "error: 'f' is defined by '--where' as a quantity; it cannot be applied as a function\n"
        + "  x' = v, v' = -f(x)\n                ^\n" + definitionHint, status: 65),
    Transcript(
      args: ["linearize", "q' = v, v' = -x", "--state", "x,v"],
      stderr: "error: component 'q' is not named after a state variable (x, v)\n  q' = v, v' = -x\n  ^\n"
        + "hint: linearize reads x' = f (or x = f) as the equation of a state x of '--state'\n", status: 65),
    Transcript(
      args: ["x' = v"],
      stderr: "error: a state equation x' = … is read by linearize only\n  x' = v\n   ^\n"
        + "hint: write 'jac linearize \"x' = …, …\" --state x,…'\n", status: 65),
    Transcript(
      args: ["linearize", "x' = v, v' = -x", "--state", "x,v", "--output", "y' = x"],
      stderr: "error: in '--output': unexpected character '''\n  y' = x\n   ^\n", status: 64),
  ]

  /// taylor of abs(x - a) at x = 0 answered abs(a) - a*x/abs(a), silently assuming a ≠ 0. SymPy
  /// with a positive: series(Abs(x - a), x, 0, 3) = a - x; with a negative, x - a.
  static let kinks: [Transcript] = [
    Transcript(
      args: ["taylor", "abs(x - a)", "--at", "x=0"],
      stderr: "error: cannot tell whether the point is on a kink or jump of abs(x - a): it is where -a = 0; "
        + "decide it with '--assume'\n", status: 1),
    Transcript(args: ["taylor", "abs(x - a)", "--at", "x=0", "--assume", "a > 0"], stdout: "a - x\n"),
    Transcript(args: ["taylor", "abs(x - a)", "--at", "x=0", "--assume", "a < 0"], stdout: "-a + x\n"),
    Transcript(
      args: ["taylor", "floor(x - a)", "--at", "x=0"],
      stderr: "error: cannot tell whether the point is on a kink or jump of floor(x - a): it is where -a is an "
        + "integer; give the parameters values with '--at'\n", status: 1),
    Transcript(
      args: ["taylor", "max(x, a)", "--at", "x=0"],
      stderr: "error: cannot tell whether the point is on a kink or jump of max(a, x): it is where two of a, 0 tie "
        + "for the largest value; decide it with '--assume'\n", status: 1),
    Transcript(
      args: ["taylor", "atan2(x, a)", "--at", "x=0"],
      stderr: "error: cannot tell whether the point is on a kink or jump of atan2(x, a): it is where a ≤ 0; "
        + "decide it with '--assume'\n", status: 1),
    // Off the cut whatever a is (x > 0), and a kink of the parameter alone is none along x.
    Transcript(args: ["taylor", "atan2(a, x)", "--at", "x=1", "--order", "0"], stdout: "atan2(a, 1)\n"),
    Transcript(args: ["taylor", "x*abs(a)", "--at", "x=1", "--order", "1"], stdout: "abs(a) + abs(a)*(x - 1)\n"),
  ]

  /// Other notations' names (tg, sh, lg) are suggested, not read; C's and NumPy's log1p, expm1
  /// and pow are read (SymPy: d/dx log(1 + x) = 1/(x + 1), d/dx (exp(2x) − 1) = 2·exp(2x)).
  static let otherNotations: [Transcript] = [
    Transcript(
      args: ["tg(x)"],
      stderr: "error: unknown function 'tg'; did you mean 'tan'?\n  tg(x)\n  ^^\n"
        + "hint: '--funcs tg' declares a function nobody defined\n", status: 65),
    Transcript(
      args: ["lg(x)"],
      stderr: "error: unknown function 'lg'; did you mean 'log10'?\n  lg(x)\n  ^^\n"
        + "hint: '--funcs lg' declares a function nobody defined\n", status: 65),
    Transcript(args: ["diff", "log1p(x)"], stdout: "1/(x + 1)\n"),
    Transcript(args: ["diff", "expm1(2*x)"], stdout: "2*exp(2*x)\n"),
    Transcript(args: ["diff", "pow(x, 3)"], stdout: "3*x^2\n"),
    Transcript(args: ["diff", "cosec(x)"], stdout: "-cot(x)*csc(x)\n"),
    // pow is a variable where no '(' follows, as beta and gamma are.
    Transcript(args: ["diff", "pow*x", "--wrt", "x"], stdout: "pow\n"),
  ]

  static let all =
    transpose + matrixFunctions + point + definitions + stateEquations + kinks + otherNotations

  @Test(arguments: all)
  func transcript(_ t: Transcript) throws {
    let result = try ProcessRunner.run(t.args)
    #expect(result.stdout == t.stdout, "\(t)")
    #expect(result.status == t.status, "\(t): \(result.stderr)")
    if t.status == 0 || !t.stderr.isEmpty { #expect(result.stderr == t.stderr, "\(t)") }
  }
}
