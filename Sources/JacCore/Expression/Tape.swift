/// A compiled, allocation-free evaluator for repeated numeric evaluation (Newton's method, the
/// finite-difference check): the distinct nodes of the roots as a straight-line program, one
/// slot per node, operands before users. Evaluating costs one pass over the slots, with the
/// same real-domain semantics as ``ExpressionPool/evaluate(_:_:)`` (NaN outside a domain).
public struct Tape: Sendable {
  enum Op: Sendable {
    case constant(Double)
    case input(Int)
    case sum(start: Int, count: Int)
    case product(start: Int, count: Int)
    case power(base: Int, exponent: Int, exact: Rational?)
    case call(Function, Int)
    case apply(Operator, start: Int, count: Int)
  }
  private(set) var ops: [Op] = []
  private(set) var operandSlots: [Int] = []
  private(set) var outputSlots: [Int] = []
  /// The names bound, in order, by the argument of ``evaluate(_:)``.
  public let inputs: [String]

  /// Compiles `roots`; symbols named in `inputs` read the argument of ``evaluate(_:)``, any
  /// other symbol is NaN.
  public init(_ pool: ExpressionPool, roots: [Expr], inputs: [String]) {
    self.inputs = inputs
    let position = Dictionary(inputs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var slot: [Int32: Int] = [:]
    for e in pool.distinctNodes(roots) {
      let op: Op
      switch pool.node(e) {
      case .number(let q): op = .constant(q.doubleValue)
      case .constant(.pi): op = .constant(Double.pi)
      case .undefined: op = .constant(.nan)
      case .symbol(let name): op = position[name].map(Op.input) ?? .constant(.nan)
      case .sum(let ts):
        op = .sum(start: operandSlots.count, count: ts.count)
        operandSlots += ts.map { slot[$0.id]! }
      case .product(let fs):
        op = .product(start: operandSlots.count, count: fs.count)
        operandSlots += fs.map { slot[$0.id]! }
      case .power(let b, let x): op = .power(base: slot[b.id]!, exponent: slot[x.id]!, exact: pool.rational(x))
      case .call(let f, let u): op = .call(f, slot[u.id]!)
      case .apply(let o, let args):
        op = .apply(o, start: operandSlots.count, count: args.count)
        operandSlots += args.map { slot[$0.id]! }
      }
      slot[e.id] = ops.count
      ops.append(op)
    }
    outputSlots = roots.map { slot[$0.id]! }
  }

  /// The value of every root with `inputs[i]` = `x[i]`.
  public func evaluate(_ x: [Double]) -> [Double] {
    let value = slotValues(x)
    return outputSlots.map { value[$0] }
  }

  /// The value of every slot with `inputs[i]` = `x[i]`.
  func slotValues(_ x: [Double]) -> [Double] {
    var value = [Double](repeating: 0, count: ops.count)
    for (i, op) in ops.enumerated() {
      switch op {
      case .constant(let c): value[i] = c
      case .input(let k): value[i] = x[k]
      case .sum(let start, let count):
        var s = 0.0
        for k in start..<start + count { s += value[operandSlots[k]] }
        value[i] = s
      case .product(let start, let count):
        var p = 1.0
        for k in start..<start + count { p *= value[operandSlots[k]] }
        value[i] = p
      case .power(let b, let e, let exact): value[i] = ExpressionPool.power(value[b], value[e], exact: exact)
      case .call(let f, let u): value[i] = ExpressionPool.apply(f, value[u])
      case .apply(let o, let start, let count):
        value[i] = o.evaluate(operandSlots[start..<start + count].map { value[$0] })
      }
    }
    return value
  }
}
