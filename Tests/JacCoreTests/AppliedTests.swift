import Foundation
import Testing

@testable import JacCore

/// Issue 18's commands checked numerically, independently of the symbolic path: each answer is
/// evaluated at seeded random points and compared with the same quantity computed from the
/// input functions by central finite differences and Double linear algebra.
@Suite struct AppliedTests {
  /// Evaluates the parsed components of `input` at `point`.
  static func values(_ f: Fixture, _ input: String, _ point: [String: Double]) -> [Double] {
    let components = (try? Parser.parseComponents(input, in: f.pool)) ?? []
    return f.pool.evaluate(components.map(\.expression), point)
  }

  /// The m×n Jacobian of `input` at `point` by central differences (h = 1e-6).
  static func numericJacobian(_ f: Fixture, _ input: String, _ vars: [String], _ point: [String: Double]) -> [[Double]]
  {
    let h = 1e-6
    var columns: [[Double]] = []
    for v in vars {
      var plus = point
      var minus = point
      plus[v]! += h
      minus[v]! -= h
      columns.append(zip(values(f, input, plus), values(f, input, minus)).map { ($0 - $1) / (2 * h) })
    }
    return (0..<columns[0].count).map { i in columns.map { $0[i] } }
  }

  /// det by Gaussian elimination with partial pivoting.
  static func det(_ a: [[Double]]) -> Double {
    var m = a
    var d = 1.0
    for k in 0..<m.count {
      let p = (k..<m.count).max { abs(m[$0][k]) < abs(m[$1][k]) }!
      if p != k {
        m.swapAt(p, k)
        d = -d
      }
      d *= m[k][k]
      if m[k][k] == 0 { return 0 }
      for i in (k + 1)..<m.count {
        let factor = m[i][k] / m[k][k]
        for j in k..<m.count { m[i][j] -= factor * m[k][j] }
      }
    }
    return d
  }

  /// √det(JᵀJ) from a numeric J.
  static func gram(_ j: [[Double]]) -> Double {
    let n = j[0].count
    let g = (0..<n).map { a in (0..<n).map { b in j.indices.reduce(0.0) { $0 + j[$1][a] * j[$1][b] } } }
    return det(g).squareRoot()
  }

  static func randomPoint(_ vars: [String], _ rng: inout SeededGenerator) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: vars.map { ($0, Double.random(in: 0.2...1.8, using: &rng)) })
  }

  static let gramCases: [(input: String, vars: [String])] = [
    ("R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", ["p", "t", "R"]),
    ("u*cos(v), u*sin(v), c*v", ["u", "v", "c"]),
    ("x, y, x^2 + y^2", ["x", "y"]),
    ("cos(t), sin(t), t", ["t"]),
    ("exp(u)*v, u - v, u*v^2, sin(u + v)", ["u", "v"]),
  ]

  @Test(arguments: gramCases.indices)
  func gramDeterminantMatchesNumeric(_ k: Int) throws {
    let (input, vars) = Self.gramCases[k]
    let f = Fixture()
    let parameters = vars.filter { !["R", "c"].contains($0) }
    for command in [Request.Command.det, .logdet] {
      let answer = try f.engine.run(Request(command: command, inputs: [input], variables: parameters))
      #expect(answer.determinantKind == .gram)
      guard case .scalar(let result) = answer.value else {
        Issue.record("not a scalar")
        return
      }
      var rng = SeededGenerator(seed: 18)
      for _ in 0..<6 {
        let point = Self.randomPoint(vars, &rng)
        let expected = Self.gram(Self.numericJacobian(f, input, parameters, point))
        let value = f.pool.evaluate(result, point)
        #expect(isClose(value, command == .det ? expected : log(expected), relative: 1e-6), "\(input) at \(point)")
      }
    }
  }

  /// linearize's A, B, C, D against central differences of f and h at seeded points.
  @Test func linearizationMatchesFiniteDifferences() throws {
    let f = Fixture()
    let model =
      "v, (F + m*sin(th)*(l*w^2 - g*cos(th)))/(M + m*sin(th)^2), w, "
      + "(-F*cos(th) - m*l*w^2*cos(th)*sin(th) + (M + m)*g*sin(th))/(l*(M + m*sin(th)^2))"
    let output = "x + l*sin(th), l*cos(th)*F"
    var request = Request(command: .linearize, inputs: [model])
    request.linearization = Request.Linearization(state: ["x", "v", "th", "w"], input: ["F"], output: output)
    let answer = try f.engine.run(request)
    guard case .labelled(let matrices) = answer.value else {
      Issue.record("not labelled matrices")
      return
    }
    #expect(matrices.map(\.name) == ["A", "B", "C", "D"])
    let names = ["x", "v", "th", "w", "F", "m", "M", "l", "g"]
    var rng = SeededGenerator(seed: 1818)
    for _ in 0..<5 {
      let point = Self.randomPoint(names, &rng)
      let expected = [
        Self.numericJacobian(f, model, ["x", "v", "th", "w"], point), Self.numericJacobian(f, model, ["F"], point),
        Self.numericJacobian(f, output, ["x", "v", "th", "w"], point), Self.numericJacobian(f, output, ["F"], point),
      ]
      for (k, (name, m)) in matrices.enumerated() {
        for i in 0..<m.rows {
          for j in 0..<m.columns {
            let value = f.pool.evaluate(m[i, j], point)
            #expect(isClose(value, expected[k][i][j], relative: 1e-6, absolute: 1e-7), "\(name)[\(i),\(j)] at \(point)")
          }
        }
      }
    }
  }

  /// max and min are on a kink only where arguments tie for the largest (smallest) value: at
  /// x = 5, y = z = 1 max(x, y, z) is x near the point (y and z tie below it); at x = y = 1 it
  /// is not smooth. The `--at` note and taylor's error share this decision.
  @Test func tiesMatterOnlyAtTheExtreme() throws {
    func kinks(_ input: String, _ at: [(String, String)]) throws -> Int {
      var request = Request(command: .diff, inputs: [input], variables: ["x"])
      request.at = at.map { Request.Binding(name: $0.0, value: $0.1) }
      return try Engine().run(request).kinks.count
    }
    #expect(try kinks("max(x, y, z)", [("x", "5"), ("y", "1"), ("z", "1")]) == 0)
    #expect(try kinks("min(x, y, z)", [("x", "-5"), ("y", "1"), ("z", "1")]) == 0)
    #expect(try kinks("max(x, y, z)", [("x", "1"), ("y", "1"), ("z", "0")]) == 1)
    #expect(try kinks("min(x, y)", [("x", "1/2"), ("y", "2/4")]) == 1)
  }

  /// The Taylor polynomial of order k differs from f by O(|h|^(k+1)) near the point: halving
  /// the step divides the error by about 2^(k+1) (or the error is at rounding level).
  static let taylorCases: [(input: String, point: [String: Double], at: String, order: Int)] = [
    ("exp(x)*sin(y)", ["x": 0, "y": 0], "x=0,y=0", 2),
    ("sqrt(x)*cos(y) + x*y^2", ["x": 1, "y": 0.5], "x=1,y=1/2", 3),
    ("log(1 + x^2 + y)", ["x": 0.5, "y": 1], "x=1/2,y=1", 2),
    ("atan(x*y*z)", ["x": 1, "y": 1, "z": 1], "x=1,y=1,z=1", 4),
  ]

  @Test(arguments: taylorCases.indices)
  func taylorApproachesFunction(_ k: Int) throws {
    let (input, center, at, order) = Self.taylorCases[k]
    let f = Fixture()
    var request = Request(command: .taylor, inputs: [input])
    request.at = at.split(separator: ",").map { pair in
      let parts = pair.split(separator: "=").map(String.init)
      return Request.Binding(name: parts[0], value: parts[1])
    }
    request.order = order
    let answer = try f.engine.run(request)
    guard case .scalar(let polynomial) = answer.value else {
      Issue.record("not a scalar")
      return
    }
    let function = f.parse(input)
    var rng = SeededGenerator(seed: 2718)
    for _ in 0..<4 {
      let direction = center.mapValues { _ in Double.random(in: -1...1, using: &rng) }
      func error(_ h: Double) -> Double {
        let point = center.merging(direction.mapValues { $0 * h }, uniquingKeysWith: +)
        return abs(f.pool.evaluate(function, point) - f.pool.evaluate(polynomial, point))
      }
      let (coarse, fine) = (error(0.02), error(0.01))
      if coarse < 1e-13 { continue }
      let ratio = coarse / fine
      let expected = Double(1 << (order + 1))
      #expect(ratio > expected * 0.6 && ratio < expected * 1.7, "\(input): ratio \(ratio), expected about \(expected)")
    }
  }

  /// implicit's dy/dx against a numeric solve: y(x) is found by Newton's method on F(x, y) = 0
  /// at x0 ± h, and the central difference of those roots compared with the answer at (x0, y0).
  static let implicitCases: [(equation: String, x: Double, yGuess: Double)] = [
    ("x^3 + y^3 = 6*x*y", 3, 3.1), ("x^3 + y^3 = 6*x*y", 1, 0.2), ("exp(x*y) + y = 3 + x^2", 0.7, 0.8),
    ("sin(x + y) = x*y^2 - 1/2", 0.4, 1.2),
  ]

  @Test(arguments: implicitCases.indices)
  func implicitDerivativeMatchesNumericSolve(_ k: Int) throws {
    let (equation, x0, guess) = Self.implicitCases[k]
    let f = Fixture()
    var request = Request(command: .implicit, inputs: [equation], along: ["x"])
    request.dependent = ["y"]
    let answer = try f.engine.run(request)
    guard case .scalar(let derivative) = answer.value else {
      Issue.record("not a scalar")
      return
    }
    let residual = try Parser.parseEquations(equation, in: f.pool)[0]
    let solve = try f.curve(equation, guess: guess)
    let y0 = solve(x0)
    #expect(abs(f.pool.evaluate(residual, ["x": x0, "y": y0])) < 1e-12, "\(equation): no root near \(guess)")
    let h = 1e-5
    let numeric = (solve(x0 + h) - solve(x0 - h)) / (2 * h)
    let symbolic = f.pool.evaluate(derivative, ["x": x0, "y": y0])
    #expect(
      isClose(symbolic, numeric, relative: 1e-7, absolute: 1e-8), "\(equation) at x = \(x0): \(symbolic) vs \(numeric)")
  }

  /// The inertia of random symmetric integer matrices (many singular, many with zero
  /// diagonals, so both kinds of pivot run) against two independent facts: the number of
  /// nonzero eigenvalues is the rank (exact Gaussian elimination), and H is positive (negative)
  /// definite exactly when its leading principal minors are all positive (alternate in sign,
  /// starting negative), Sylvester's criterion. The numeric test agrees with the exact one.
  @Test func inertiaMatchesRankAndSylvester() {
    var rng = SeededGenerator(seed: 4242)
    for trial in 0..<300 {
      let n = 1 + trial % 4
      var h = [Rational](repeating: .zero, count: n * n)
      for i in 0..<n {
        for j in i..<n {
          let v = Rational(Int.random(in: -2...2, using: &rng) * (Int.random(in: 0...2, using: &rng) == 0 ? 0 : 1))
          h[i * n + j] = v
          h[j * n + i] = v
        }
      }
      let test = CriticalPoint.exact(hessian: h, n: n, gradient: Array(repeating: .zero, count: n))
      #expect(test.positive + test.negative == Self.rank(h, n), "\(h)")
      let minors = (1...n).map { k in Self.exactDet((0..<k).map { i in (0..<k).map { j in h[i * n + j] } }).signum }
      #expect((test.positive == n) == minors.allSatisfy { $0 > 0 }, "\(h)")
      #expect((test.negative == n) == minors.enumerated().allSatisfy { k, s in s == (k % 2 == 0 ? -1 : 1) }, "\(h)")
      let numeric = CriticalPoint.numeric(hessian: h.map(\.doubleValue), n: n, gradient: Array(repeating: 0, count: n))
      #expect(numeric.kind == test.kind && numeric.positive == test.positive && numeric.zero == test.zero, "\(h)")
    }
  }

  /// det by exact Gaussian elimination.
  static func exactDet(_ a: [[Rational]]) -> Rational {
    var m = a
    var d = Rational(1)
    for k in 0..<m.count {
      guard let p = (k..<m.count).first(where: { !m[$0][k].isZero }) else { return .zero }
      if p != k {
        m.swapAt(p, k)
        d = -d
      }
      d = d * m[k][k]
      for i in (k + 1)..<m.count {
        let factor = m[i][k] / m[k][k]
        for j in k..<m.count { m[i][j] = m[i][j] - factor * m[k][j] }
      }
    }
    return d
  }

  /// Rank by exact Gaussian elimination.
  static func rank(_ h: [Rational], _ n: Int) -> Int {
    var m = (0..<n).map { i in Array(h[i * n..<(i + 1) * n]) }
    var rank = 0
    for column in 0..<n {
      guard let p = (rank..<n).first(where: { !m[$0][column].isZero }) else { continue }
      m.swapAt(p, rank)
      for i in 0..<n where i != rank && !m[i][column].isZero {
        let factor = m[i][column] / m[rank][column]
        for j in 0..<n { m[i][j] = m[i][j] - factor * m[rank][j] }
      }
      rank += 1
    }
    return rank
  }

  @Test func logDeterminantMatchesNumeric() throws {
    let f = Fixture()
    let input = "x + 2*tanh(x + y), y + tanh(x + y)"
    let answer = try f.engine.run(Request(command: .logdet, inputs: [input]))
    guard case .scalar(let result) = answer.value else {
      Issue.record("not a scalar")
      return
    }
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<6 {
      let point = Self.randomPoint(["x", "y"], &rng)
      let expected = log(abs(Self.det(Self.numericJacobian(f, input, ["x", "y"], point))))
      #expect(isClose(f.pool.evaluate(result, point), expected, relative: 1e-7))
    }
  }
}
