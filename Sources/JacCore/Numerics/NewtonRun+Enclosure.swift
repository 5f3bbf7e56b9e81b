/// F in ball arithmetic (``ExpressionPool/ballValues(_:bits:_:inputs:)``), for the two questions of
/// ``NewtonRun``'s stopping rule that double precision cannot answer: a ball's exponent does not
/// underflow, and a far point's sign is proved.
extension NewtonRun {
  public struct Enclosure {
    let pool: ExpressionPool
    let roots: [Expr]
    let inputs: [Expr]
    /// The working precision, in bits: the point is a double, and only signs are asked.
    static let bits = 128

    /// F's components `roots`, in the variables named `inputs` (the tape's order).
    public init(_ pool: ExpressionPool, roots: [Expr], inputs: [String]) {
      self.pool = pool
      self.roots = roots
      self.inputs = inputs.map(pool.symbol)
    }

    /// The ball of each Fᵢ over the box xⱼ ± rⱼ, nil where it fails (undefined, undecided).
    func balls(at x: [Double], radius r: [Double]) -> [Ball?] {
      var bound: [Int32: Ball] = [:]
      for (k, symbol) in inputs.enumerated() {
        bound[symbol.id] = Ball(BigFloat.from(Rational(exactly: x[k]), bits: 64).value, Mag(r[k]))
      }
      return pool.ballValues(roots, bits: Self.bits, BallConstants(), inputs: bound).map { try? $0.get() }
    }

    /// Whether some Fᵢ, i among `components`, is proved nonzero over x ± u·|x|, the box whose
    /// points all round to x (u = 2⁻⁵³): no point the double x stands for is a root, however
    /// small F is in double precision. (x − 10)²⁰⁰ at 9.976 is 0 in double precision, and about
    /// 1.1·10⁻³²⁴ all over the box.
    func provedNonzero(at x: [Double], _ components: [Int]) -> Bool {
      let f = balls(at: x, radius: x.map { Tape.unitRoundoff * Swift.abs($0) })
      return components.contains { f[$0]?.containsZero == false }
    }

    /// The sign of F at the point x (one component), nil when undecided.
    func sign(at x: [Double]) -> Int? {
      balls(at: x, radius: x.map { _ in 0 })[0]?.sign
    }
  }
}
