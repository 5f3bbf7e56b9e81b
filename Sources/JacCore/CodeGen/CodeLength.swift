/// An upper bound on the bytes of the code ``CodeGenerator`` writes for some expressions, without
/// writing it, for the output limit. Code is printed as a tree (``CodeExpressionPrinter``), so
/// over the DAG, once per distinct node, saturating:
///
///   bound(e) = 48 + |payload| + Σ bound(operand)   (the base of u^(p/q), q odd, twice:
///                                                    `copysign(pow(fabs(u), p/q), u)`)
///
/// 48 bytes cover the most any node writes around its operands (`copysign(pow(fabs(`, `1.0/`,
/// `.0/` and `.0`, parentheses); a symbol's identifier is at most 8 bytes a scalar (`u3b8`) plus its
/// `v` prefix and the underscores that keep it distinct. Shared temporaries only replace a
/// subtree by a name, and each costs one declaration line: ``unitBound(_:summary:)``.
public struct CodeLength {
  let pool: ExpressionPool
  /// Parameters of the unit: each may take an underscore to stay distinct from the others.
  private let parameters: Int
  private var known: [Expr: Int] = [:]

  public init(pool: ExpressionPool, parameters: Int) {
    self.pool = pool
    self.parameters = parameters
  }

  /// At least the length of `e` as code, in bytes.
  public mutating func bound(_ e: Expr) -> Int {
    if let b = known[e] { return b }
    let b = compute(e)
    known[e] = b
    return b
  }

  private mutating func compute(_ e: Expr) -> Int {
    var total = 48
    switch pool.node(e) {
    case .number(let q): total += q.numerator.description.utf8.count + q.denominator.description.utf8.count
    case .symbol(let name): total += 8 * name.unicodeScalars.count + 2 + parameters
    case .constant, .undefined: break
    case .call(_, let u): total += bound(u)
    case .apply(_, let args):
      // A name of at most 32 bytes, a helper's call; the arguments and their separators.
      total += 32
      for a in args { total = min(total + bound(a) + 2, TextLength.cap) }
    case .sum(let operands), .product(let operands):
      // The layout may print a term's magnitude or a factor below the bar: never longer.
      for o in operands { total = min(total + bound(o), TextLength.cap) }
    case .power(let b, let x):
      let oddRoot = pool.rational(x).map { !$0.isInteger && !$0.denominator.isEven } ?? false
      total = min(total + bound(b) * (oddRoot ? 2 : 1) + bound(x), TextLength.cap)
    }
    return min(total, TextLength.cap)
  }

  /// At least the length of a whole unit whose entries are `roots`: the entries, a declaration
  /// of at most 64 bytes for each shared temporary (at most one per distinct node) and each
  /// assignment, and 4 KiB for the signature, comments and return.
  public mutating func unitBound(_ roots: [Expr], summary: Int) -> Int {
    var total = 4096 + summary + 64 * (roots.count + pool.distinctNodes(roots).count) + 64 * parameters
    for e in roots { total = min(total + bound(e), TextLength.cap) }
    return total
  }
}
