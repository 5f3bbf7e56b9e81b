/// Substitution: replace symbols by expressions everywhere, without recursion.
extension ExpressionPool {
  /// `roots` with every symbol in `bindings` replaced by its value, rebuilt through the smart
  /// constructors (so `cos(t)` with t = pi/3 becomes `1/2`). Each distinct node is rebuilt once,
  /// operands before users (``distinctNodes(_:)`` is a topological order).
  public func substitute(_ roots: [Expr], _ bindings: [Expr: Expr]) -> [Expr] {
    var image: [Int32: Expr] = [:]
    for e in distinctNodes(roots) {
      let new: Expr
      switch node(e) {
      case .number, .constant, .undefined: new = e
      case .symbol: new = bindings[e] ?? e
      case .sum(let ts): new = add(ts.map { image[$0.id]! })
      case .product(let fs): new = multiply(fs.map { image[$0.id]! })
      case .power(let b, let x): new = power(image[b.id]!, image[x.id]!)
      case .call(let f, let u): new = call(f, image[u.id]!)
      case .apply(let op, let args): new = apply(op, args.map { image[$0.id]! })
      }
      image[e.id] = new
    }
    return roots.map { image[$0.id]! }
  }
}
