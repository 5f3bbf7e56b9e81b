import Testing

@testable import JacCore

/// A corpus of matrix-derivative identities, each value-checked by expansion twice: jac's answer
/// against jac's scalar engine on the written-out input (`--check`), and jac's answer against
/// the reference formula (written in jac's syntax) at the same four concrete sizes. The formula
/// is the reference, not the string jac prints, so jac may print an equal form.
///
/// Sources: the Matrix Cookbook (K. B. Petersen, M. S. Pedersen, version of November 15, 2012),
/// equation numbers as cited in SymPy's `sympy/matrices/expressions/tests/test_derivatives.py`
/// ("Cookbook example N"); sections where no number is cited; SymPy's tests for norms and
/// elementwise functions; issue 19 for the machine-learning examples.
@Suite struct MatrixIdentityTests {
  struct Identity: CustomStringConvertible, Sendable {
    var command: Request.Command
    var input: String
    var variable: String
    var reference: String
    var source: String
    var description: String { "\(source): \(command.rawValue) \(input) = \(reference)" }
  }

  static func grad(_ input: String, _ x: String, _ reference: String, _ source: String) -> Identity {
    Identity(command: .grad, input: input, variable: x, reference: reference, source: source)
  }
  static func jacobian(_ input: String, _ x: String, _ reference: String, _ source: String) -> Identity {
    Identity(command: .jacobian, input: input, variable: x, reference: reference, source: source)
  }
  static func hessian(_ input: String, _ x: String, _ reference: String, _ source: String) -> Identity {
    Identity(command: .hessian, input: input, variable: x, reference: reference, source: source)
  }

  static let identities: [Identity] = [
    grad("a'*inv(X)*b", "X", "-inv(X)'*a*b'*inv(X)'", "Cookbook (61)"),
    grad("tr(A*inv(X)*B)", "X", "-(inv(X)*B*A*inv(X))'", "Cookbook (63)"),
    grad("tr(inv(X + A))", "X", "-(inv(X + A)*inv(X + A))'", "Cookbook (64)"),
    grad("x'*a", "x", "a", "Cookbook (69)"),
    grad("a'*x", "x", "a", "Cookbook (69)"),
    grad("a'*X*b", "X", "a*b'", "Cookbook (70)"),
    grad("a'*X'*b", "X", "b*a'", "Cookbook (71)"),
    grad("a'*X*a", "X", "a*a'", "Cookbook (72)"),
    grad("a'*X'*a", "X", "a*a'", "Cookbook (72)"),
    grad("b'*X'*X*c", "X", "X*b*c' + X*c*b'", "Cookbook (77)"),
    grad("(B*x + b)'*C*(D*x + d)", "x", "B'*C*(D*x + d) + D'*C'*(B*x + b)", "Cookbook (78)"),
    grad("x'*B*x", "x", "B*x + B'*x", "Cookbook (81)"),
    grad("b'*X'*D*X*c", "X", "D'*X*b*c' + D*X*c*b'", "Cookbook (82)"),
    grad("(X*b + c)'*D*(X*b + c)", "X", "D*(X*b + c)*b' + D'*(X*b + c)*b'", "Cookbook (83)"),
    grad("tr(X)", "X", "I", "Cookbook (99)"),
    grad("tr(X*A)", "X", "A'", "Cookbook (100)"),
    grad("tr(A*X*B)", "X", "A'*B'", "Cookbook (101)"),
    grad("tr(A*X'*B)", "X", "B*A", "Cookbook (102)"),
    grad("tr(X'*A)", "X", "A", "Cookbook (103)"),
    grad("tr(A*X')", "X", "A", "Cookbook (104)"),
    grad("tr(X*X)", "X", "2*X'", "Cookbook (106)"),
    grad("tr(X*X*B)", "X", "(X*B + B*X)'", "Cookbook (107)"),
    grad("tr(X'*B*X)", "X", "B*X + B'*X", "Cookbook (108)"),
    grad("tr(B*X*X')", "X", "B*X + B'*X", "Cookbook (109)"),
    grad("tr(X*X'*B)", "X", "B*X + B'*X", "Cookbook (110)"),
    grad("tr(X*B*X')", "X", "X*B' + X*B", "Cookbook (111)"),
    grad("tr(B*X'*X)", "X", "X*B' + X*B", "Cookbook (112)"),
    grad("tr(X'*X*B)", "X", "X*B' + X*B", "Cookbook (113)"),
    grad("tr(A*X*B*X)", "X", "A'*X'*B' + B'*X'*A'", "Cookbook (114)"),
    grad("tr(X'*X)", "X", "2*X", "Cookbook (115)"),
    grad("tr(X*X')", "X", "2*X", "Cookbook (115)"),
    grad("tr(B'*X'*C*X*B)", "X", "C'*X*B*B' + C*X*B*B'", "Cookbook (116)"),
    grad("tr(X'*B*X*C)", "X", "B*X*C + B'*X*C'", "Cookbook (117)"),
    grad("tr(A*X*B*X'*C)", "X", "A'*C'*X*B' + C*A*X*B", "Cookbook (118)"),
    grad("tr((A*X*B + C)*(A*X*B + C)')", "X", "2*A'*(A*X*B + C)*B'", "Cookbook (119)"),
    grad("tr(A*inv(X)*B)", "X", "-inv(X)'*A'*B'*inv(X)'", "Cookbook (124)"),
    grad("det(X)", "X", "det(X)*inv(X)'", "Cookbook §2.1.2, d det X = det X tr(X⁻¹dX)"),
    grad("log(det(X))", "X", "inv(X)'", "Cookbook §2.1.2 (ln det X)"),
    // The square case: A*X*A with det forces A and X square (for non-square A, B the formula
    // det(AXB)·X⁻ᵀ is false, and the check finds it at sizes where they are not square).
    grad("det(A*X*A)", "X", "det(A*X*A)*inv(X)'", "Cookbook §2.1.2 (det AXB, A, B square)"),
    grad("det(A*X*B)", "X", "det(A*X*B)*A'*inv(A*X*B)'*B'", "Cookbook §2.1.2 (det AXB, general)"),
    grad("tr(X)^2", "X", "2*tr(X)*I", "SymPy test_mixed_deriv_mixed_expressions"),
    grad("norm(x - a)", "x", "(x - a)/norm(x - a)", "Cookbook §2.6.1 (vector 2-norm)"),
    grad("norm(x)^2", "x", "2*x", "Cookbook §2.6.1; issue 19"),
    grad("norm(X)^2", "X", "2*X", "Cookbook §2.6.2 (Frobenius norm); issue 19"),
    grad("sqrt(x'*x)", "x", "x/sqrt(x'*x)", "SymPy test_derivatives_matrix_norms"),
    grad("sqrt(a'*X*b)", "X", "a*b'/(2*sqrt(a'*X*b))", "SymPy test_derivatives_matrix_norms"),
    grad("a'*sin(X)*b", "X", "diag(a)*cos(X)*diag(b)", "SymPy test_derivatives_elementwise_applyfunc"),
    grad("(a'*X*b).^2", "X", "2*a*a'*X*b*b'", "SymPy test_derivatives_of_hadamard_expressions"),
    grad("norm(W*x - y)^2", "W", "2*(W*x - y)*x'", "issue 19"),
    grad("x'*A*x", "x", "(A + A')*x", "issue 19"),
    grad("sum(log(1 + exp(-y .* (X*w))))", "w", "-X'*(y .* sigmoid(-y .* (X*w)))", "issue 19 (logistic regression)"),
    grad("-y'*log(softmax(x))", "x", "softmax(x)*sum(y) - y", "softmax cross-entropy (issue 19)"),
    jacobian("softmax(x)", "x", "diag(softmax(x)) - softmax(x)*softmax(x)'", "softmax Jacobian"),
    jacobian("A*x", "x", "A", "Cookbook §2.4.1"),
    jacobian("tan(x)", "x", "diag(1 + tan(x).^2)", "SymPy test_derivatives_elementwise_applyfunc"),
    jacobian("a .* x .* b", "x", "diag(b .* a)", "SymPy test_derivatives_of_hadamard_expressions"),
    jacobian("x.^2", "x", "2*diag(x)", "SymPy test_derivatives_of_hadamard_expressions"),
    jacobian("tanh(W*x + b)", "x", "diag(1 - tanh(W*x + b).^2)*W", "issue 19 (one layer)"),
    jacobian("B*tanh(W*x + b)", "x", "B*diag(1 - tanh(W*x + b).^2)*W", "issue 19 (two layers)"),
    hessian("x'*A*x", "x", "A + A'", "Cookbook §2.4.2; issue 19"),
    hessian("norm(A*x - b)^2", "x", "2*A'*A", "Cookbook §2.4.2 (least squares)"),
    hessian("log(sum(exp(x)))", "x", "diag(exp(x))/sum(exp(x)) - exp(x)*exp(x)'/sum(exp(x))^2", "log-sum-exp"),
    hessian(
      "sum(log(1 + exp(-y .* (X*w))))", "w", "X'*diag(y.^2 .* sigmoid(X*w .* y) .* sigmoid(-y .* (X*w)))*X",
      "issue 19 (logistic regression)"),
  ]

  static let kinds: [String: MatrixContext.Kind] = [
    "a": .vector, "b": .vector, "c": .vector, "d": .vector, "x": .vector, "y": .vector, "w": .vector,
    "A": .matrix, "B": .matrix, "C": .matrix, "D": .matrix, "X": .matrix, "W": .matrix,
  ]

  @Test func corpusIsLarge() { #expect(Self.identities.count >= 40) }

  @Test(arguments: identities)
  func identityHolds(_ row: Identity) throws {
    let engine = Engine()
    let context = MatrixContext(pool: engine.pool, kinds: Self.kinds)
    let f = try MatrixParser.parse(row.input, in: context)
    let calculus = MatrixCalculus(context: context, differentiator: engine.differentiator) {
      engine.simplifier.simplify($0)
    }
    let answer = try calculus.compute(row.command, f, variables: [row.variable])
    let own = MatrixCheck.run(
      function: f, result: answer, command: row.command, variables: [row.variable], context: context,
      differentiator: engine.differentiator)
    #expect(own.passed, "jac's answer \(MatrixPrinter(context: context).string(answer)) against the scalar engine")
    let reference = try MatrixParser.parse(row.reference, in: context)
    let agreement = MatrixCheck.run(
      function: reference, result: answer, command: .simplify, variables: [], context: context,
      differentiator: engine.differentiator)
    #expect(
      agreement.passed, "jac's answer \(MatrixPrinter(context: context).string(answer)) against \(row.reference)")
    // Compared somewhere (det(A*X*B) with A*X*B singular at some sizes is undefined on both sides there).
    #expect(agreement.trials.contains { $0.compared > 0 })
  }
}
