import Testing

/// Matrix calculus and the notes and options of scalar answers, through the built binary:
/// `--at` on a kink or jump is noted as scalar `--at` notes it (with the entries on it), and
/// `--assume` is about the function's scalars (a vector or matrix in it is an error), in one
/// run and in a batch. Values checked with SymPy: ∇ₓ Σ relu(xᵢ) = (1, 0) at x = (1, 0) with
/// relu'(0) = 0 (docs/rules.md); ∇ₓ t·xᵀx = 2tx, so (6, 12) at t = 3, x = (1, 2).
@Suite struct MatrixNotesCLITests {
  static let kinkNote = "; the derivative there is a convention (docs/rules.md)\n"

  static let transcripts: [(args: [String], stdin: String?, stdout: String, stderr: String, status: Int32)] = [
    (
      ["grad", "sum(relu(x))", "--vector", "x", "--at", "x=[1, 0]"], nil, "[ 1 ]\n[ 0 ]\n",
      "note: the point is on a kink or jump of relu(x) at entry 2" + kinkNote, 0
    ),
    // Off the kink at every entry: no note.
    (["grad", "sum(relu(x))", "--vector", "x", "--at", "x=[1, -1]"], nil, "[ 1 ]\n[ 0 ]\n", "", 0),
    // W*x + b = (0, 1): on relu's kink at entry 1.
    (
      [
        "jacobian", "relu(W*x + b)", "--vector", "x,b", "--matrix", "W", "--vars", "x", "--at",
        "x=[1, 2], b=[1, -1], W=[1, -1; 0, 1]",
      ], nil, "[ 0  0 ]\n[ 0  1 ]\n", "note: the point is on a kink or jump of relu(W*x + b) at entry 1" + kinkNote, 0
    ),
    (
      ["grad", "sum(heaviside(x).*x)", "--vector", "x", "--at", "x=[0, 1, 0, 0, 0]"], nil,
      "[ 0 ]\n[ 1 ]\n[ 0 ]\n[ 0 ]\n[ 0 ]\n",
      "note: the point is on a kink or jump of heaviside(x) at entries 1, 3, 4 and 1 more" + kinkNote, 0
    ),
    (
      ["grad", "sum(floor(A))", "--matrix", "A", "--at", "A=[1/2, 2; 1/3, 1/4]"], nil, "[ 0  0 ]\n[ 0  0 ]\n",
      "note: the point is on a kink or jump of floor(A) at entry [1,2]" + kinkNote, 0
    ),
    // A scalar of the function (x'*y = 2 ties with 2; t = 0 is abs's kink).
    (
      ["grad", "max(x'*y, 2)", "--vector", "x,y", "--vars", "x", "--at", "x=[1, 1], y=[1, 1]"], nil,
      "[ 1/2 ]\n[ 1/2 ]\n", "note: the point is on a kink or jump of max(2, x'*y)" + kinkNote, 0
    ),
    (
      ["grad", "abs(t)*x'*x", "--vector", "x", "--at", "x=[1, 2], t=0"], nil, "[ 0 ]\n[ 0 ]\n",
      "note: the point is on a kink or jump of abs(t)" + kinkNote, 0
    ),
    // A scalar without a value: not decided, no note.
    (["grad", "abs(t)*x'*x", "--vector", "x", "--at", "x=[1, 2]"], nil, "[ 2*abs(t) ]\n[ 4*abs(t) ]\n", "", 0),
    // --assume about the function's scalars.
    (["grad", "sqrt(t^2)*x'*x", "--vector", "x"], nil, "2*abs(t)*x\n", "", 0),
    (["grad", "sqrt(t^2)*x'*x", "--vector", "x", "--assume", "t > 0"], nil, "2*t*x\n", "", 0),
    (
      ["grad", "abs(t)*x'*x", "--vector", "x", "--assume", "t < 0", "--expand", "n=2"], nil,
      "[ -2*t*x1 ]\n[ -2*t*x2 ]\n", "", 0
    ),
    (
      ["grad", "sqrt(t^2)*x'*x", "--vector", "x", "--assume", "t > 0", "--at", "x=[1, 2], t=3", "--json"], nil,
      #"{"input":"sqrt(t^2)*x'*x","command":"grad","vars":["x"],"assume":"t > 0","shape":[2,1],"result":["6","12"]}"#
        + "\n", "", 0
    ),
    (
      ["grad", "sqrt(t^2)*x'*x", "--vector", "x", "--assume", "t > 0", "--at", "x=[1, 2], t=-1"], nil, "",
      "error: the '--at' point contradicts the assumption 't > 0'\n", 64
    ),
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--assume", "A > 0"], nil, "",
      "error: in '--assume': 'A' is a matrix; an assumption must be about a scalar\n  A > 0\n  ^\n", 64
    ),
    (
      ["grad", "sqrt(t^2)*x'*x", "--vector", "x", "--assume", "t > 0", "--check"], nil, "",
      "error: '--check' with vectors and matrices draws its scalars at random, not inside '--assume'; drop one\n", 64
    ),
    // A batch: each line under the assumption; line 2 has no t, and is the only one refused.
    (
      ["grad", "--vector", "x", "--assume", "t < 0"], "sqrt(t^2)*x'*x\nx'*x\nsqrt(t^2)*norm(x)\n",
      "-2*t*x\n-t*x/norm(x)\n",
      "error: line 2: in '--assume': 't' is not in the input; an assumption must be about it\n  t < 0\n  ^\n", 64
    ),
    (
      ["grad", "--vector", "x", "--assume", "x > 0"], "t*x'*x\nx'*x\n", "",
      "error: line 1: in '--assume': 'x' is a vector; an assumption must be about a scalar\n  x > 0\n  ^\n"
        + "error: line 2: in '--assume': 'x' is a vector; an assumption must be about a scalar\n  x > 0\n  ^\n", 64
    ),
  ]

  @Test(arguments: transcripts.indices)
  func transcript(_ index: Int) throws {
    let t = Self.transcripts[index]
    let result = try ProcessRunner.run(t.args, stdin: t.stdin)
    #expect(result.status == t.status, "jac \(t.args): \(result.stderr)")
    #expect(result.stdout == t.stdout, "jac \(t.args)")
    #expect(result.stderr == t.stderr, "jac \(t.args)")
  }
}
