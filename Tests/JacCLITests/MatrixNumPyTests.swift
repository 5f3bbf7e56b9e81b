import Foundation
import Testing

/// `--format python` of matrix-calculus answers (issue 19): NumPy code for the examples,
/// run with NumPy on random inputs (seeded) and compared with central differences of the
/// function written by hand in NumPy here, an independent reference: the gradient entry by
/// entry, the Jacobian column by column, the Hessian as differences of differences, J·v along
/// v, and uᵀ·J as the gradient of ⟨u, f⟩.
@Suite struct MatrixNumPyTests {
  struct Case: Sendable, CustomStringConvertible {
    /// jac's arguments (before `--format python`).
    var arguments: [String]
    /// The function in NumPy, of the parameters by name (`x`, `A`, …).
    var function: String
    /// grad, jacobian, hessian, jvp or vjp; the variable; the direction or cotangent's name.
    var kind: String
    var variable: String
    var seed: String = ""
    /// Each parameter's shape in sizes n = 3, m = 4: "n", "m", "n,n", "m,n", or "" (a scalar).
    var shapes: [String: String]
    var description: String { arguments.joined(separator: " ") }
  }

  static let network = ["W2*tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1,W2"]
  static let logistic = ["sum(log(1 + exp(-y .* (X*w))))", "--vector", "w,y", "--matrix", "X", "--vars", "w"]
  static let networkShapes = ["x": "n", "b1": "m", "W1": "m,n", "W2": "n,m"]

  static let cases: [Case] = [
    // The integrals entry by entry through scipy.special, and sinc as np.sinc(x/π); the reference
    // writes sinc as sin(x)/x (NumPy's np.sinc is normalised).
    Case(
      arguments: [
        "grad",
        "sum(x .* Si(x) + fresnels(x) + erfi(x) .* Shi(x) + x .* fresnelc(x) + sinc(x) + x .* Ei(x + 2)"
          + " + x .* Ci(x + 2) + x .* li(x + 3) + x .* Chi(x + 2))",
        "--vector", "x",
      ],
      function: "np.sum(x * scipy.special.sici(x)[0] + scipy.special.fresnel(x)[0]"
        + " + scipy.special.erfi(x) * scipy.special.shichi(x)[0] + x * scipy.special.fresnel(x)[1] + np.sin(x) / x"
        + " + x * scipy.special.expi(x + 2) + x * scipy.special.sici(x + 2)[1] + x * scipy.special.expi(np.log(x + 3))"
        + " + x * scipy.special.shichi(x + 2)[1])",
      kind: "grad", variable: "x", shapes: ["x": "n"]),
    Case(
      arguments: ["grad", "x'*A*x", "--vector", "x", "--matrix", "A"], function: "x @ A @ x", kind: "grad",
      variable: "x", shapes: ["x": "n", "A": "n,n"]),
    Case(
      arguments: ["hessian", "x'*A*x", "--vector", "x", "--matrix", "A"], function: "x @ A @ x", kind: "hessian",
      variable: "x", shapes: ["x": "n", "A": "n,n"]),
    Case(
      arguments: ["grad", "norm(x)^2", "--vector", "x"], function: "np.linalg.norm(x) ** 2", kind: "grad",
      variable: "x", shapes: ["x": "n"]),
    Case(
      arguments: ["grad", "log(det(X))", "--matrix", "X", "--vars", "X"], function: "np.log(np.linalg.det(X))",
      kind: "grad", variable: "X", shapes: ["X": "n,n"]),
    Case(
      arguments: ["grad", "tr(A*X*B)", "--matrix", "A,X,B", "--vars", "X"], function: "np.trace(A @ X @ B)",
      kind: "grad", variable: "X", shapes: ["A": "n,m", "X": "m,n", "B": "n,n"]),
    Case(
      arguments: ["grad", "norm(W*x - y)^2", "--matrix", "W", "--vector", "x,y", "--vars", "W"],
      function: "np.linalg.norm(W @ x - y) ** 2", kind: "grad", variable: "W",
      shapes: ["W": "m,n", "x": "n", "y": "m"]),
    Case(
      arguments: network + ["--vars", "x"], function: "W2 @ np.tanh(W1 @ x + b1)", kind: "jacobian", variable: "x",
      shapes: networkShapes),
    Case(
      arguments: ["W2*tanh(W1*x + b1)", "--vector", "x,b1,g", "--matrix", "W1,W2", "--vars", "W1", "--vjp", "g"],
      function: "W2 @ np.tanh(W1 @ x + b1)", kind: "vjp", variable: "W1", seed: "g",
      shapes: networkShapes.merging(["g": "n"]) { a, _ in a }),
    Case(
      arguments: ["W2*tanh(W1*x + b1)", "--vector", "x,b1,v", "--matrix", "W1,W2", "--vars", "x", "--jvp", "v"],
      function: "W2 @ np.tanh(W1 @ x + b1)", kind: "jvp", variable: "x", seed: "v",
      shapes: networkShapes.merging(["v": "n"]) { a, _ in a }),
    Case(
      arguments: ["grad"] + logistic, function: "np.sum(np.log(1 + np.exp(-y * (X @ w))))", kind: "grad",
      variable: "w", shapes: ["w": "n", "y": "m", "X": "m,n"]),
    Case(
      arguments: ["hessian"] + logistic, function: "np.sum(np.log(1 + np.exp(-y * (X @ w))))", kind: "hessian",
      variable: "w", shapes: ["w": "n", "y": "m", "X": "m,n"]),
    // Softmax with cross-entropy: softmax(z)*sum(y) - y, written with the stable softmax.
    Case(
      arguments: ["grad", "-y'*log(softmax(z))", "--vector", "y,z", "--vars", "z"],
      function: "-y @ np.log(np.exp(z) / np.sum(np.exp(z)))", kind: "grad", variable: "z",
      shapes: ["y": "n", "z": "n"]),
    Case(
      arguments: ["hessian", "logsumexp(z)", "--vector", "z"], function: "np.log(np.sum(np.exp(z)))",
      kind: "hessian", variable: "z", shapes: ["z": "n"]),
    Case(
      arguments: ["grad", "c*sum(sigmoid(z)) + dot(z, z)", "--vector", "z"],
      function: "c * np.sum(1 / (1 + np.exp(-z))) + z @ z", kind: "grad", variable: "z", shapes: ["z": "n", "c": ""]),
    Case(
      arguments: ["jacobian", "x/norm(x)", "--vector", "x"], function: "x / np.linalg.norm(x)", kind: "jacobian",
      variable: "x", shapes: ["x": "n"]),
    Case(
      arguments: ["grad", "tr(inv(X)*A) + sum(diag(X))", "--matrix", "X,A", "--vars", "X"],
      function: "np.trace(np.linalg.inv(X) @ A) + np.sum(np.diag(X))", kind: "grad", variable: "X",
      shapes: ["X": "n,n", "A": "n,n"]),
    // diag(v) in a product broadcasts (v[:, None] * A, M * v); a 1×1 product scales.
    Case(
      arguments: ["jacobian", "diag(a)*A*x", "--vector", "x,a", "--matrix", "A", "--vars", "x"],
      function: "a * (A @ x)", kind: "jacobian", variable: "x", shapes: ["x": "n", "a": "m", "A": "m,n"]),
    Case(
      arguments: ["grad", "x'*diag(a)*A*x", "--vector", "x,a", "--matrix", "A", "--vars", "x"],
      function: "x @ (a * (A @ x))", kind: "grad", variable: "x", shapes: ["x": "n", "a": "n", "A": "n,n"]),
    Case(
      arguments: ["jacobian", "W3*tanh(W2*tanh(W1*x))", "--vector", "x", "--matrix", "W1,W2,W3", "--vars", "x"],
      function: "W3 @ np.tanh(W2 @ np.tanh(W1 @ x))", kind: "jacobian", variable: "x",
      shapes: ["x": "n", "W1": "m,n", "W2": "n,m", "W3": "m,n"]),
    Case(
      arguments: ["jacobian", "x*(x'*x)", "--vector", "x"], function: "x * (x @ x)", kind: "jacobian", variable: "x",
      shapes: ["x": "n"]),
  ]

  /// The Python that runs one case: the unit, random inputs, the reference by differences, the
  /// largest relative disagreement printed.
  static func script(_ c: Case, unit: String) -> String {
    let shapes = c.shapes.sorted { $0.key < $1.key }.map { "'\($0.key)': '\($0.value)'" }.joined(separator: ", ")
    return unit + """

      import inspect
      rng = np.random.default_rng(20261129)
      sizes = {'n': 3, 'm': 4}
      shapes = {\(shapes)}
      values = {}
      for name, shape in shapes.items():
          dims = tuple(sizes[d] for d in shape.split(',')) if shape else ()
          values[name] = rng.uniform(-1, 1, dims) if dims else float(rng.uniform(0.5, 1.5))
      if 'X' in values and values['X'].shape[0] == values['X'].shape[-1]:
          values['X'] = values['X'] + 3 * np.eye(values['X'].shape[0])  # det(X) > 0
      generated = [f for name, f in list(globals().items()) if inspect.isfunction(f) and not name.startswith('jac_')][0]
      parameters = list(inspect.signature(generated).parameters)
      got = generated(*[values[p] for p in parameters])

      def f(**v):
          globals().update(v)
          return \(c.function)

      def d(fun, name, h=1e-5):
          # Central differences of fun along each entry of the variable: shape var + shape fun.
          base = values[name]
          out = []
          for index in np.ndindex(base.shape):
              e = np.zeros_like(base)
              e[index] = h
              plus, minus = dict(values), dict(values)
              plus[name], minus[name] = base + e, base - e
              out.append((np.asarray(fun(plus)) - np.asarray(fun(minus))) / (2 * h))
          return np.array(out).reshape(base.shape + np.shape(out[0]))

      kind, var, seed = '\(c.kind)', '\(c.variable)', '\(c.seed)'
      if kind == 'grad':
          expected = d(lambda v: f(**v), var)
      elif kind == 'jacobian':
          expected = np.moveaxis(d(lambda v: f(**v), var), 0, -1)
      elif kind == 'hessian':
          h = 1e-4
          base = values[var]
          expected = np.zeros((base.size, base.size))
          for j in range(base.size):
              e = np.zeros_like(base)
              e[j] = h
              saved = values[var]
              values[var] = base + e
              plus = d(lambda v: f(**v), var, 1e-4)
              values[var] = base - e
              minus = d(lambda v: f(**v), var, 1e-4)
              values[var] = saved
              expected[:, j] = (plus - minus) / (2 * h)
      elif kind == 'jvp':
          t = 1e-5
          plus, minus = dict(values), dict(values)
          plus[var], minus[var] = values[var] + t * values[seed], values[var] - t * values[seed]
          expected = (f(**plus) - f(**minus)) / (2 * t)
      else:
          expected = d(lambda v: values[seed] @ f(**v), var)
      got = np.asarray(got, dtype=float)
      assert got.shape == np.shape(expected), (got.shape, np.shape(expected))
      print(float(np.max(np.abs(got - expected)) / max(1.0, float(np.max(np.abs(expected))))))

      """
  }

  @Test(arguments: cases) func numpyAgreesWithDifferences(_ c: Case) throws {
    let result = try ProcessRunner.run(c.arguments + ["--format", "python"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("import numpy as np\n"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-numpy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.script(c, unit: result.stdout).write(
      to: directory.appendingPathComponent("case.py"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool("/usr/bin/env", ["python3", "case.py"], in: directory)
    #expect(code == 0, "\(log)\n\(result.stdout)")
    let error = Double(log.split(separator: "\n").last.map(String.init) ?? "") ?? .infinity
    #expect(error < 1e-6, "relative error \(error)\n\(result.stdout)")
  }

  /// The forms, as NumPy users write them.
  static let transcripts: [(args: [String], body: String)] = [
    (
      ["grad", "x'*A*x", "--vector", "x", "--matrix", "A"],
      "def gradient(x, A):\n    \"\"\"gradient of x'*A*x with respect to x; an array of shape (n,). Generated by jac.\"\"\"\n    return (A + A.T) @ x\n"
    ),
    (["grad", "log(det(X))", "--matrix", "X", "--vars", "X"], "    return np.linalg.inv(X).T\n"),
    (["grad", "tr(A*X*B)", "--matrix", "A,X,B", "--vars", "X"], "def gradient(X, A, B):"),
    (
      ["grad", "norm(W*x - y)^2", "--matrix", "W", "--vector", "x,y", "--vars", "W"],
      "    return 2.0 * np.outer(W @ x - y, x)\n"
    ),
    // diag(s) between two matrices broadcasts: W2 @ diag(s) is W2 * s.
    (network + ["--vars", "x"], "    return (W2 * (1.0 - np.tanh(W1 @ x + b1) ** 2)) @ W1\n"),
    (["jacobian", "diag(a)*A*x", "--vector", "x,a", "--matrix", "A", "--vars", "x"], "    return a[:, None] * A\n"),
    // What is written twice is a temporary.
    (
      ["hessian", "logsumexp(z)", "--vector", "z"],
      "    t0 = jac_softmax(z)\n    return np.diag(t0) - np.outer(t0, t0)\n"
    ),
    (["hessian"] + logistic, "    t0 = np.exp(y * (X @ w))\n    return (X.T * (t0/(t0 + 1.0) ** 2 * y ** 2)) @ X\n"),
    (["jacobian", "x/norm(x)", "--vector", "x"], "    t0 = np.linalg.norm(x)\n"),
    // A layer's output and its derivative share np.tanh(W1 @ x).
    (
      ["jacobian", "W3*tanh(W2*tanh(W1*x))", "--vector", "x", "--matrix", "W1,W2,W3", "--vars", "x"],
      "    t0 = W1 @ x\n    t1 = np.tanh(t0)\n    return ((W3 * (1.0 - np.tanh(W2 @ t1) ** 2)) @ W2 * (1.0 - t1 ** 2)) @ W1\n"
    ),
    (["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--name", "quadratic_form"], "def quadratic_form(x, A):"),
  ]

  @Test func formsAsNumPyUsersWriteThem() throws {
    for (args, body) in Self.transcripts {
      let result = try ProcessRunner.run(args + ["--format", "python"])
      #expect(result.status == 0 && result.stdout.contains(body), "\(args): \(result.stdout)\(result.stderr)")
    }
  }

  /// `--expand n=2 --format python`: the written-out answer's unit, whose parameters are the
  /// variable's entries first (x1, x2), agrees with the matrix form's NumPy at the same values.
  @Test func expandedUnitAgreesWithMatrixForm() throws {
    let args = ["grad", "x'*A*x + c*norm(x)^2", "--vector", "x", "--matrix", "A"]
    let expanded = try ProcessRunner.run(args + ["--expand", "n=2", "--format", "python", "--name", "entries"])
    #expect(expanded.stdout.contains("def entries(x1, x2, A1_1, A1_2, A2_1, A2_2, c):"), "\(expanded.stdout)")
    let matrix = try ProcessRunner.run(args + ["--format", "python", "--name", "whole"]).stdout
    let script =
      expanded.stdout + matrix.replacingOccurrences(of: "import numpy as np\n", with: "") + """

        x, A, c = np.array([0.3, -1.2]), np.array([[1.5, -0.5], [2.0, 0.25]]), 0.75
        got = entries(x[0], x[1], A[0, 0], A[0, 1], A[1, 0], A[1, 1], c)
        assert got.shape == (2,) and np.allclose(got, whole(x, A, c), rtol=1e-14), (got, whole(x, A, c))
        print('ok')

        """
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-expand-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try script.write(to: directory.appendingPathComponent("expand.py"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool("/usr/bin/env", ["python3", "expand.py"], in: directory)
    #expect(code == 0 && log.hasSuffix("ok\n"), "\(log)\n\(script)")
  }

  /// Softmax and logsumexp are written stably: their derivatives at z ≈ 1000 are finite and equal
  /// to those at z − 1000 (the same softmax).
  @Test func softmaxIsStable() throws {
    let unit = try ProcessRunner.run(["hessian", "logsumexp(z)", "--vector", "z", "--format", "python"]).stdout
    let gradient = try ProcessRunner.run(["grad", "logsumexp(z)", "--vector", "z", "--format", "python", "--name", "g"])
      .stdout
    let script =
      unit + gradient.replacingOccurrences(of: "import numpy as np\n", with: "") + """

        z = np.array([0.5, -1.0, 2.0])
        with np.errstate(all='raise'):
            assert np.allclose(hessian(z + 1000), hessian(z)) and np.allclose(g(z + 1000), g(z))
            assert np.allclose(g(z), np.exp(z) / np.sum(np.exp(z)))
        print('ok')

        """
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-softmax-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try script.write(to: directory.appendingPathComponent("softmax.py"), atomically: true, encoding: .utf8)
    let (code, log) = try ProcessRunner.tool("/usr/bin/env", ["python3", "softmax.py"], in: directory)
    #expect(code == 0 && log.hasSuffix("ok\n"), "\(log)\n\(script)")
  }
}
