import Testing

@testable import JacCore

/// The shortcuts of session 10's differentiation and printing give what the general paths give.
@Suite struct DiffPrintTests {
  /// Expressions that reach every shortcut of the printer: sums whose number moves last and
  /// whose first term is negative, negative products after a minus (coefficient −1 and not,
  /// small and large), products with factors below the bar, several applications of undefined
  /// functions, big numbers; and random ones (seed 29).
  private func samples(_ f: Fixture) -> [Expr] {
    let texts = [
      "1 - x", "-2 - x - y", "-x - 2*y + 3", "x - 2*y*z + 1/3", "-3*x/2 - y", "-x*y - 1", "-(x + y)*z - 1",
      "a - 10^30*x*y - 7", "-10^30 - x", "x - y/z^2 - 2", "f(x)*g(x) - 1", "-2*f(x)*g(y)*h(z) + x",
      "exp(u1)/400040001 - 2", "-exp(x)/3 + y", "x^(-2)*y - 1", "-sqrt(x)*y + 1", "2*x*(y + 1)^(-1) - z",
      "-x^2*y^(1/2)/7 - 1", "-1/2 - x/3", "theta - 2*phi*θ", "-(10^20)/(3*10^25)*x - y", "x*y*z*w - 5*x*y*z*w^2",
    ]
    var rng = SeededGenerator(seed: 29)
    return texts.map(f.parse) + (0..<300).map { _ in RandomExpression.make(f.pool, depth: 4, using: &rng) }
  }

  /// The printer's in-place readings (a sum's order, a product's factors, a negative term's
  /// magnitude, a number's digits) print what the layout's arrays and the built nodes print,
  /// in every style, with and without the memo of repeated text.
  @Test func printingInPlaceChangesNothing() {
    let f = Fixture()
    let expressions = samples(f)
    for style in [TextPrinter.Style.plain, .compact, .unicode] {
      for remembers in [false, true] {
        let fast = TextPrinter(pool: f.pool, style: style, remembersRepeats: remembers)
        var general = TextPrinter(pool: f.pool, style: style, remembersRepeats: remembers)
        general.readsInPlace = false
        for e in expressions { #expect(fast.string(e) == general.string(e)) }
      }
    }
  }

  /// Digits through the stack buffer, and into a listing's buffer at a position, as `String(n)`
  /// writes them (odd and even counts of digits, up to `UInt64.max`'s twenty).
  @Test(arguments: [0, 7, 9, 10, 99, 100, 12_345, 400_040_001, UInt64(Int64.max), UInt64.max])
  func decimalDigits(_ n: UInt64) {
    var bytes = TextBytes()
    bytes.append(decimal: n)
    #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(n))
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
      buffer.initialize(repeating: 0)
      let end = TextBytes.put(decimal: n, into: buffer, at: 3)
      #expect(String(decoding: buffer[3..<end], as: UTF8.self) == String(n))
      #expect(buffer[2] == 0 && (end == 24 || buffer[end] == 0))
    }
  }

  /// c·exp(u) along u is its own derivative, the same node; a sum's and a product's parts
  /// (one, two, three and more) add up as `add` adds them.
  @Test func derivativeShortcuts() {
    let f = Fixture()
    let u = f.pool.symbol("u")
    let e = f.parse("exp(u)/400040001")
    #expect(f.engine.differentiator.derivative(e, u) == e)
    let cases = [
      ("u^2 + 3*u + exp(u) + sin(u) + 1", "2*u + 3 + exp(u) + cos(u)"),
      ("u*sin(u)*exp(u)", "sin(u)*exp(u) + u*cos(u)*exp(u) + u*sin(u)*exp(u)"),
      ("-2*u + v", "-2"), ("v*w", "0"), ("2^40*exp(u)", "2^40*exp(u)"),
    ]
    for (text, expected) in cases {
      #expect(f.engine.differentiator.derivative(f.parse(text), u) == f.parse(expected), "d/du \(text)")
    }
  }

  /// A matrix from compressed sparse columns is the one its dense entries give, its zeros
  /// dropped; a pattern from rows lists each column's rows in order (seed 31).
  @Test func compressedColumns() {
    let pool = ExpressionPool()
    var rng = SeededGenerator(seed: 31)
    for _ in 0..<40 {
      let (m, n) = (Int.random(in: 0...6, using: &rng), Int.random(in: 0...6, using: &rng))
      var dense = Array(repeating: pool.zero, count: m * n)
      var starts = [0]
      var rows: [Int32] = []
      var values: [Expr] = []
      for j in 0..<n {
        for i in 0..<m where Bool.random(using: &rng) {
          // Some stored entries are 0: dropped.
          let v = Int.random(in: 0..<4, using: &rng) == 0 ? pool.zero : pool.number(Rational(BigInt(i * n + j + 1)))
          dense[i * n + j] = v
          rows.append(Int32(i))
          values.append(v)
        }
        starts.append(rows.count)
      }
      let a = Matrix(rows: m, columns: n, columnStarts: starts, rowIndices: rows, values: values)
      #expect(a == Matrix(rows: m, columns: n, entries: dense))
      #expect(!a.values.contains(pool.zero))
      let t = CompressedTranspose(lines: n, crossLines: m, starts: starts, indices: rows)
      let pattern = SparsityPattern(rows: m, columns: n, rowStarts: t.starts, rowColumns: t.lines)
      #expect(pattern.columnStarts == starts && pattern.rowIndices == rows)
    }
  }

  /// A Jacobian of more than ``Differentiator/keptColumns`` columns shares one memo, cleared
  /// after each column; its entries are the derivatives one by one, and a second request
  /// gives the same matrix.
  @Test func jacobianWithoutKeptMemos() {
    let f = Fixture()
    let n = Differentiator.keptColumns + 4
    let xs = (1...n).map { f.pool.symbol("x\($0)") }
    let functions = (1...n).map { i in f.parse("x\(i)^2*sin(x\(i % n + 1)) + exp(x\((i + 1) % n + 1))/3") }
    let d = f.engine.differentiator
    let j = d.jacobian(functions, xs)
    for (i, fi) in functions.enumerated() {
      for (k, x) in xs.enumerated() { #expect(j[i, k] == Differentiator(pool: f.pool).derivative(fi, x)) }
    }
    #expect(d.jacobian(functions, xs) == j)
  }
}
