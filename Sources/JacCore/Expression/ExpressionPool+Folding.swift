/// Folding: the inverse of substitution, for `--where` definitions.
extension ExpressionPool {
  /// `roots` with every occurrence of the whole expression `key` replaced by `name`, also where
  /// rebuilding the operands makes `key` appear. Each distinct node is rebuilt once, operands
  /// before users (``distinctNodes(_:)`` is a topological order). A sum or product that holds
  /// `key`'s terms among others (`a + b + c` for `a + b`) is not folded: only whole nodes are.
  ///
  /// A key that is a power B^p with a rational p also folds the other powers of its base:
  /// B^q = (B^p)^n = name^n wherever q = n·p for an integer n (r = sqrt(x² + y²) turns
  /// (x² + y²)^(3/2) into r³ and (x² + y²)^(−1/2) into 1/r), and B itself = name^n when p = 1/n
  /// for an integer n ≥ 2 and B is not a lone symbol (x² + y² into r²; `s = sqrt(x)` leaves
  /// every x alone). Each identity holds wherever `name` is real: for an even root B ≥ 0, and an
  /// odd root is real-valued on all of ℝ.
  public func folding(_ roots: [Expr], _ key: Expr, into name: Expr) -> [Expr] {
    let keyPower = rationalPower(key)
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
      if e == key || new == key {
        new = name
      } else if let (base, p) = keyPower,
        let n = multiple(of: p, base: base, in: e) ?? multiple(of: p, base: base, in: new)
      {
        new = power(name, number(n))
      }
      image[e.id] = new
    }
    return roots.map { image[$0.id]! }
  }

  /// B and p when `e` is B^p with a rational p.
  private func rationalPower(_ e: Expr) -> (base: Expr, exponent: Rational)? {
    guard case .power(let b, let x) = node(e), let p = rational(x), p != .zero else { return nil }
    return (b, p)
  }

  /// The integer n with `e` = (base^p)^n: `e` is base^q with q = n·p, or `e` is `base` itself
  /// when p = 1/n (n ≥ 2) and `base` is not a lone symbol.
  private func multiple(of p: Rational, base: Expr, in e: Expr) -> Int? {
    if e == base {
      let n = Rational(1) / p
      guard symbolName(base) == nil, n.isInteger, let k = n.intValue, k >= 2 else { return nil }
      return k
    }
    guard let (b, q) = rationalPower(e), b == base else { return nil }
    let n = q / p
    return n.isInteger ? n.intValue : nil
  }
}
