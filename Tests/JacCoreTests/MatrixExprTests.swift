import Testing

@testable import JacCore

/// The records a matrix node keeps (hash, shape, whether it holds a differential) against what
/// a walk of the tree finds, and a deep network's Jacobian against its formula.
@Suite struct MatrixExprTests {
  static let kinds: [String: MatrixContext.Kind] = [
    "x": .vector, "y": .vector, "b1": .vector, "A": .matrix, "B": .matrix, "W1": .matrix, "W2": .matrix,
    "S": .symmetric, "X": .matrix,
  ]

  static let inputs = [
    "x'*A*x", "W2*tanh(W1*x + b1)", "A + B'", "(A*B)'*x", "diag(x)*A'*y", "norm(W1*x - y)^2",
    "inv(X)*S*X'", "sum(exp(A*x)) + tr(S*X)", "x .* (A*x) ./ y", "log(det(X))*A",
  ]

  /// The shape by walking, as the layer found it before nodes recorded theirs.
  static func walkedShape(_ m: MatrixExpr, _ context: MatrixContext) -> Shape {
    switch m.kind {
    case .variable(let name), .differential(let name): return context.declaredShape(name)
    case .scalar, .trace, .det, .norm, .total: return .scalar
    case .identity(let d): return context.resolved(Shape(rows: d, columns: d))
    case .ones(let d): return context.resolved(Shape(rows: d, columns: .one))
    case .sum(let terms), .hadamard(let terms):
      return terms.lazy.map { walkedShape($0, context) }.first { !$0.isScalar } ?? .scalar
    case .product(let factors):
      let shapes = factors.map { walkedShape($0, context) }.filter { !$0.isScalar }
      guard let first = shapes.first, let last = shapes.last else { return .scalar }
      return Shape(rows: first.rows, columns: last.columns)
    case .transpose(let a): return walkedShape(a, context).transposed
    case .inverse(let a), .map(_, let a): return walkedShape(a, context)
    case .diag(let a):
      let s = walkedShape(a, context)
      return s.columns == .one ? Shape(rows: s.rows, columns: s.rows) : Shape(rows: s.rows, columns: .one)
    }
  }

  static func subexpressions(_ m: MatrixExpr) -> [MatrixExpr] { [m] + m.children.flatMap(subexpressions) }

  /// Every subexpression's recorded shape is the walked one, sizes unified after the node was
  /// made included (`x'*A*x` makes A square after `x'*A` exists).
  @Test(arguments: inputs)
  func recordedShapes(_ input: String) throws {
    let context = MatrixContext(pool: ExpressionPool(), kinds: Self.kinds)
    let m = try MatrixParser.parse(input, in: context)
    for s in Self.subexpressions(m) {
      #expect(context.shape(s) == Self.walkedShape(s, context), "\(MatrixPrinter(context: context).string(s))")
    }
  }

  /// Two parses of one text are two sets of nodes, equal and hashed alike; different texts differ.
  @Test func equalityAndHash() throws {
    let context = MatrixContext(pool: ExpressionPool(), kinds: Self.kinds)
    let first = try Self.inputs.map { try MatrixParser.parse($0, in: context) }
    let second = try Self.inputs.map { try MatrixParser.parse($0, in: context) }
    for (a, b) in zip(first, second) {
      #expect(a.node !== b.node)
      #expect(a == b)
      #expect(a.hashValue == b.hashValue)
    }
    for i in first.indices {
      for j in first.indices where j != i { #expect(first[i] != second[j]) }
    }
    #expect(Set(first + second).count == Self.inputs.count)
  }

  /// The recorded "holds a differential" against a walk that stops where the rules never put one.
  @Test func recordedDifferentials() throws {
    let context = MatrixContext(pool: ExpressionPool(), kinds: Self.kinds)
    func walked(_ m: MatrixExpr) -> Bool {
      switch m.kind {
      case .differential: return true
      case .variable, .scalar, .identity, .ones, .map, .inverse, .det, .norm: return false
      default: return m.children.contains(where: walked)
      }
    }
    let dx = context.differential("x")
    let a = try MatrixParser.parse("A", in: context)
    let samples: [MatrixExpr] = [
      dx, .product([a, dx]), .transpose(.product([a, dx])), .inverse(a), .sum([a, .product([a, dx, .transpose(a)])]),
      .hadamard([.map(context.placeholder, a), dx]), .trace(.product([.inverse(a), dx])), .norm(a),
    ]
    for s in samples { #expect(s.containsDifferential() == walked(s)) }
    #expect(dx.replacingDifferentials(with: a) == a)
  }

  /// The input Jacobian of a 120-layer tanh network is W120*diag(1 - tanh(z119).^2)*W119*…*W1
  /// with z_k = W_k*tanh(z_{k-1}), z_1 = W1*x; at this depth a pass that walks each layer's
  /// operand again (n² or worse) would take seconds in a debug build.
  @Test func deepNetworkJacobian() throws {
    let layers = 120
    var z = ["x", "W1*x"]
    for k in 2..<layers { z.append("W\(k)*tanh(\(z[k - 1]))") }
    let input = "W\(layers)*tanh(\(z[layers - 1]))"
    var kinds: [String: MatrixContext.Kind] = ["x": .vector]
    for k in 1...layers { kinds["W\(k)"] = .matrix }
    let engine = Engine()
    let context = MatrixContext(pool: engine.pool, kinds: kinds)
    let f = try MatrixParser.parse(input, in: context)
    let calculus = MatrixCalculus(context: context, differentiator: engine.differentiator) {
      engine.simplifier.simplify($0)
    }
    let j = try calculus.jacobian(f, "x")
    let expected =
      (1..<layers).reversed().map { "W\($0 + 1)*diag(1 - tanh(\(z[$0])).^2)" }.joined(separator: "*") + "*W1"
    #expect(MatrixPrinter(context: context).string(j) == expected)
  }

  /// LazyText (the matrix printer's text) reads as the strings it was made of, in order, short
  /// pieces merged into one leaf and long texts shared: appended, prepended, wrapped, doubled.
  @Test func lazyTextKeepsOrder() {
    var lazy: LazyText = ""
    var plain = ""
    for k in 0..<400 {
      let piece = String(repeating: Character(Unicode.Scalar(UInt8(97 + k % 26))), count: (k * 37) % 700) + "é"
      switch k % 4 {
      case 0:
        lazy += LazyText(piece)
        plain += piece
      case 1:
        lazy = LazyText(piece) + lazy
        plain = piece + plain
      case 2:
        lazy = "(" + lazy + ")"
        plain = "(" + plain + ")"
      default:
        if plain.utf8.count < 20_000 {
          lazy = lazy + lazy
          plain = plain + plain
        }
      }
      #expect(lazy.utf8Count == plain.utf8.count)
    }
    #expect(lazy.string == plain)
    // A leading minus, seen and dropped as LaTeX sums do: the rest shared, the count kept.
    let negative = "-" + lazy
    #expect(negative.startsWithMinus && !lazy.startsWithMinus)
    #expect(negative.droppingFirst().string == plain)
    #expect(negative.droppingFirst().utf8Count == plain.utf8.count)
    #expect(("-" + LazyText("x") + lazy).droppingFirst().string == "x" + plain)
    let parts = ["a", String(repeating: "b", count: 5000), "", "c"].map { LazyText($0) }
    #expect(
      parts.joined(separator: " * ").string
        == ["a", String(repeating: "b", count: 5000), "", "c"].joined(separator: " * "))
  }
}
