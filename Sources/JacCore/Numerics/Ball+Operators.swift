/// jac's functions of several arguments (``Operator``) on balls.
extension Ball {
  /// op(arguments) to `bits` bits. An undefined function has no value: `--at` refuses it before
  /// evaluating, and here it is never certified.
  static func apply(_ op: Operator, _ x: [Ball], bits p: Int, _ c: BallConstants) throws(BallFailure) -> Ball {
    switch op {
    case .max, .min: return extreme(x, largest: op == .max)
    case .atan2: return try angle(x[0], x[1], bits: p, c)
    case .polygamma: return try polygamma(x[0], x[1], bits: p, c)
    case .beta: return try beta(x[0], x[1], bits: p, c)
    case .undefined: throw .imprecise
    }
  }
}
