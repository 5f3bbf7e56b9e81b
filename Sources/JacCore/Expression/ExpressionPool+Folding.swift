/// Folding: the inverse of substitution, for `--where` definitions.
extension ExpressionPool {
  /// `roots` with every occurrence of the whole expression `key` replaced by `name`, also where
  /// rebuilding the operands makes `key` appear. Each distinct node is rebuilt once, operands
  /// before users (``distinctNodes(_:)`` is a topological order). A sum or product that holds
  /// `key`'s terms among others (`a + b + c` for `a + b`) is not folded: only whole nodes are.
  public func folding(_ roots: [Expr], _ key: Expr, into name: Expr) -> [Expr] {
    var image: [Int32: Expr] = [:]
    for e in distinctNodes(roots) {
      var new: Expr
      switch node(e) {
      case .number, .constant, .undefined, .symbol: new = e
      case .sum(let ts): new = add(ts.map { image[$0.id]! })
      case .product(let fs): new = multiply(fs.map { image[$0.id]! })
      case .power(let b, let x): new = power(image[b.id]!, image[x.id]!)
      case .call(let f, let u): new = call(f, image[u.id]!)
      case .apply(let op, let args): new = apply(op, args.map { image[$0.id]! })
      }
      if e == key || new == key { new = name }
      image[e.id] = new
    }
    return roots.map { image[$0.id]! }
  }
}
