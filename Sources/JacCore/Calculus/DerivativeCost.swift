/// An upper bound on the work of differentiating some functions along each of some variables,
/// computed before differentiating (``Limits/derivativeWork``), in one pass over the DAG.
///
/// The work is counted as the operands (terms and factors) of the nodes the rules build, the
/// size of a derivative's DAG. A derivative can be far larger than its function: the chain
/// rule copies du into f'(u)·du at every level (d sin⁹⁹⁹⁹(x) holds Σ k = 5·10⁷ factors), the
/// product rule copies k − 1 factors into each of its terms (the third derivative of `sqrt`
/// nested 300 deep holds about 300³). For each distinct node e, with V(e) the variables it
/// contains (at most Σ V over its operands, and at most n) and A(e) a bound on the operands of
/// the top node of ∂e/∂x summed over x:
///
///   sum of k terms:      A = Σ A(tᵢ)                     work = A + k·V(e)/4
///                                                        (k > 64: A + k + Σ V(tᵢ)/4)
///   product of k:        A = Σ (k·V(fᵢ) + A(fᵢ))         work = A + k·V(e)/4
///   call f(u):           A = c_f·V(u) + A(u)             work = A + 10·V(u)
///   power u^v:           A = 10·V(e) + A(u) + A(v)       work = A + 10·V(e)
///
/// (a symbol that is a variable has V = 1 and A = 1; numbers and other symbols 0; c_f is the
/// factors f'(u) brings, 1 for cos u, 2 for −sin u or sec u·tan u), and the bound is Σ work
/// over the distinct nodes: the differentiator builds each node's derivative once per variable
/// (it memoises), and a parent copies its operands' top nodes. It holds for every rule of
/// ``Differentiator``; merging factors and terms only makes the real work smaller. Looking at an
/// operand (k·V: the rules ask every term for its derivative, mostly 0 or known) costs about a
/// quarter of building one, and counts so (without the index below, arm400's angle sums were
/// looked at 21 million times and bound 12 million units in all). A sum of more than 64 terms
/// is not asked term by term:
/// its terms are indexed by symbol once (k), and along each variable only the terms holding it
/// are looked at (Σ V(tᵢ) over all variables), so the gradient of a sum of 100,000 squares
/// bounds 3.4 million, not 2.5·10⁹.
struct DerivativeCost {
  let pool: ExpressionPool
  /// A few variables (a batch's small Jacobians, in a pool that grows along the stream) are
  /// looked up in a list; more in an array by symbol (``ExpressionPool/symbolNumber(_:)``; Bratu
  /// with n = 100,000 asks for 400,000 symbols). A symbol that is not a variable is a constant.
  /// Both are made on the first walk (``prepare()``): when the Jacobian's pattern has bounded
  /// every row already, none is needed (the table was 1.0M instructions at n = 20,000).
  private let variables: [Expr]
  private var fewVariables: [Expr] = []
  private var isVariable: [Bool] = []
  /// The number of distinct variables.
  private var variableCount = 0
  private var prepared = false
  private var known: [Expr: (v: Int, a: Int)] = [:]

  init(pool: ExpressionPool, variables: [Expr]) {
    self.pool = pool
    self.variables = variables
  }

  /// The list or the table of the variables, and their number.
  private mutating func prepare() {
    if prepared { return }
    prepared = true
    if variables.count <= 16 {
      fewVariables = variables
      variableCount = Set(variables).count
      return
    }
    var isVariable = Array(repeating: false, count: pool.symbolCount)
    var count = 0
    for x in variables {
      if let s = pool.symbolNumber(x) {
        if isVariable[s] { continue }
        isVariable[s] = true
      }
      count += 1
    }
    self.isVariable = isVariable
    variableCount = count
  }

  /// Whether the symbol `e`, the pool's symbol number `symbol`, is a variable.
  private func isVariable(_ e: Expr, symbol: Int32) -> Bool {
    isVariable.withUnsafeBufferPointer { Self.isVariable(e, symbol: symbol, fewVariables, $0) }
  }

  /// ``isVariable(_:symbol:)`` from the list or the table by symbol, read in place.
  private static func isVariable(
    _ e: Expr, symbol: Int32, _ fewVariables: [Expr], _ isVariable: UnsafeBufferPointer<Bool>
  ) -> Bool {
    isVariable.isEmpty ? fewVariables.contains(e) : Int(symbol) < isVariable.count && isVariable[Int(symbol)]
  }

  /// The bound for differentiating every one of `roots` along every variable, saturating. A
  /// small root (at most ``smallTree`` nodes as a tree) is bounded as a tree, without a memo:
  /// its nodes as a tree give the same V and A and at least the same sum, and a batch of small
  /// Jacobians spent more on the memo than on differentiating.
  ///
  /// `smallRootsWork`, when the caller has it, is the small roots' part already summed (the
  /// Jacobian's pattern walks the same small rows as trees: ``Differentiator/pattern(_:_:)``);
  /// then only the large roots are walked here.
  mutating func work(_ roots: [Expr], smallRootsWork: Int? = nil) -> Int {
    var total = smallRootsWork ?? 0
    let large = pool.withView { view in roots.filter { view.records[$0.index].treeSize > Self.smallTree } }
    if smallRootsWork == nil, large.count < roots.count {
      prepare()
      pool.withView { view in
        isVariable.withUnsafeBufferPointer { isVariable in
          let walk = TreeWalk(view: view, variableCount: variableCount)
          var leaves = Variables(fewVariables: fewVariables, isVariable: isVariable)
          for e in roots where view.records[e.index].treeSize <= Self.smallTree {
            total = Self.add(total, walk.tree(e, &leaves).work)
          }
        }
      }
    }
    guard !large.isEmpty else { return total }
    prepare()
    for e in pool.distinctNodes(large) {
      total = Self.add(total, local(e))
      if total >= TextLength.cap { break }
    }
    return total
  }

  static let smallTree = 64

  typealias View = ExpressionPool.View

  /// What a tree walk (``TreeWalk``) asks of the leaves it meets: whether a symbol is a
  /// variable, and that there is an `undefined` (the pattern's walk takes columns as it goes).
  protocol Leaves {
    mutating func isVariable(_ e: Expr, symbol: Int32) -> Bool
    mutating func undefined()
  }

  /// The variables as ``DerivativeCost`` holds them, the table read in place.
  private struct Variables: Leaves {
    let fewVariables: [Expr]
    let isVariable: UnsafeBufferPointer<Bool>
    func isVariable(_ e: Expr, symbol: Int32) -> Bool {
      DerivativeCost.isVariable(e, symbol: symbol, fewVariables, isVariable)
    }
    func undefined() {}
  }

  /// V, A and the work of a small root as a tree, read through the pool's records
  /// (``ExpressionPool/View``; through the pool's accessors a Bratu row of ten nodes cost about
  /// 990 instructions) and the leaves in place (through the struct's arrays, with their bounds
  /// checks, about 75 instructions a node). The whole tree is walked, also past an `undefined`.
  struct TreeWalk {
    let view: View
    /// The number of distinct variables.
    let variableCount: Int

    func tree<L: Leaves>(_ e: Expr, _ leaves: inout L) -> (v: Int, a: Int, work: Int) {
      var (v, a, work) = (0, 0, 0)
      let r = view.records[e.index]
      switch r.kind {
      case .number, .constant: return (0, 0, 0)
      case .undefined:
        leaves.undefined()
        return (0, 0, 0)
      case .symbol: return leaves.isVariable(e, symbol: r.payload) ? (1, 1, 0) : (0, 0, 0)
      case .sum, .product:
        let k = Int(r.count)
        let perVariable = r.kind == .product ? k : 0
        for i in 0..<k {
          let m = tree(view.operand(r, i), &leaves)
          v += m.v
          a += m.a + perVariable * m.v
          work += m.work
        }
        v = min(v, variableCount)
        return (v, a, work + a + k * v / 4)
      case .call:
        let u = view.operand(r, 0)
        let m = tree(u, &leaves)
        let a = DerivativeCost.factors(Function(rawValue: UInt8(r.payload))!, view.records[u.index]) * m.v + m.a
        return (m.v, a, m.work + a + 10 * m.v)
      case .power:
        let (mb, mx) = (tree(view.operand(r, 0), &leaves), tree(view.operand(r, 1), &leaves))
        v = min(mb.v + mx.v, variableCount)
        a = 10 * v + mb.a + mx.a
        return (v, a, mb.work + mx.work + a + 10 * v)
      case .apply:
        for i in 0..<Int(r.count) {
          let m = tree(view.operand(r, i), &leaves)
          v += m.v
          a += m.a + 6 * m.v
          work += m.work
        }
        v = min(v, variableCount)
        return (v, a, work + a + 10 * v)
      }
    }
  }

  static func add(_ a: Int, _ b: Int) -> Int { min(a + b, TextLength.cap) }
  private static func times(_ a: Int, _ b: Int) -> Int {
    let (p, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? TextLength.cap : min(p, TextLength.cap)
  }

  /// The work at `e` itself.
  private mutating func local(_ e: Expr) -> Int {
    let (v, a) = measure(e)
    switch pool.kind(e) {
    case .number, .constant, .undefined, .symbol: return 0
    case .sum where pool.operandCount(e) > Differentiator.indexedSum:
      var looks = pool.operandCount(e)
      for i in 0..<pool.operandCount(e) { looks = Self.add(looks, measure(pool.operand(e, i)).v / 4 + 1) }
      return Self.add(a, looks)
    case .sum, .product: return Self.add(a, Self.times(pool.operandCount(e), v) / 4)
    case .call, .apply, .power: return Self.add(a, Self.times(10, v))
    }
  }

  /// V(e) and A(e).
  private mutating func measure(_ e: Expr) -> (v: Int, a: Int) {
    if let m = known[e] { return m }
    let m = compute(e)
    known[e] = m
    return m
  }

  /// The factors f'(u) brings into f'(u)·du (``ExpressionPool/derivativeOf(_:at:)``): a
  /// coefficient and up to two calls, or for |u| the factors of u and |u|⁻¹.
  private static func factors(_ f: Function, _ u: ExpressionPool.Record) -> Int {
    switch f {
    case .sin, .tan, .asin, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .log: return 1
    case .cos, .cot, .sec, .acos: return 2
    case .csc: return 3
    case .abs: return 2 + (u.kind == .product ? Int(u.count) : 0)
    case .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil, .relu,
      .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw, .erfi, .ei, .si, .ci, .shi, .chi, .li,
      .fresnels, .fresnelc, .sinc:
      // At most a coefficient, two calls and a power (the table's longest entries).
      return 4
    }
  }

  /// Read from the pool's records (no operand arrays), the way ``ExpressionPool/node(_:)``
  /// would give them.
  private mutating func compute(_ e: Expr) -> (v: Int, a: Int) {
    switch pool.kind(e) {
    case .number, .constant, .undefined: return (0, 0)
    case .symbol: return isVariable(e, symbol: Int32(pool.symbolNumber(e)!)) ? (1, 1) : (0, 0)
    case .sum:
      var (v, a) = (0, 0)
      for i in 0..<pool.operandCount(e) {
        let m = measure(pool.operand(e, i))
        (v, a) = (Self.add(v, m.v), Self.add(a, m.a))
      }
      return (min(v, variableCount), a)
    case .product:
      let k = pool.operandCount(e)
      var (v, a) = (0, 0)
      for i in 0..<k {
        let m = measure(pool.operand(e, i))
        (v, a) = (Self.add(v, m.v), Self.add(a, Self.add(Self.times(k, m.v), m.a)))
      }
      return (min(v, variableCount), a)
    case .call:
      let u = pool.operand(e, 0)
      let m = measure(u)
      return (m.v, Self.add(Self.times(Self.factors(pool.function(e)!, pool.records[u.index]), m.v), m.a))
    case .power:
      let (mb, mx) = (measure(pool.operand(e, 0)), measure(pool.operand(e, 1)))
      let v = min(Self.add(mb.v, mx.v), variableCount)
      return (v, Self.add(Self.times(10, v), Self.add(mb.a, mx.a)))
    case .apply:
      // One term per argument, each a partial (up to a few factors) times the argument's derivative.
      var (v, a) = (0, 0)
      for i in 0..<pool.operandCount(e) {
        let m = measure(pool.operand(e, i))
        (v, a) = (Self.add(v, m.v), Self.add(a, Self.add(Self.times(6, m.v), m.a)))
      }
      return (min(v, variableCount), a)
    }
  }
}
