import Testing

@testable import JacCore

/// ``TextLength`` and ``LatexLength`` give the printers' lengths exactly, without printing: the
/// output limit is decided on them, and the aligned layout streams its cells with the column
/// widths they give.
@Suite struct PrintedLengthTests {
  /// Inputs with every kind of node and every special case of the layouts: names that print as
  /// Greek letters or subscripts, π, e, roots, negative and fractional numbers, big numbers, |u|,
  /// powers on function names, fractions with several factors below the bar.
  static let inputs = [
    "theta*θ + phi^2 - x1*x_1", "pi*e^x/2", "-3*x/(2*y^2*z)", "sqrt(x^2 + 1)^3", "x^(1/3) + x^(-2/5)",
    "abs(x - 1)*abs(y)", "sin(x)^2 + cos(x)^(-3)", "10^40*x/7^30", "-(a + b)/(c - d)", "2^x*(1/2)^y*(-2)^z",
    "exp(-x^2/2)*log(x)/x", "x^y^z + (x^y)^z", "1/(1 + exp(-x))", "-x - y + 2", "x^(12345) - x^(-1)",
    "asinh(x) + acosh(2 + x^2) + atanh(x/2)", "sec(x)*csc(y)*cot(z)", "e", "-1/2", "3*pi", "(x + 1)^(2/3)",
    "2*x*(3*y + 4)", "x*(-y)", "x_ab*alpha*rate", "sqrt(2)*x/sqrt(3)", "(x - y)^(-1/2)",
  ]

  /// Random expressions (seed 31), their derivatives and the inputs above, in every text style
  /// and in LaTeX, measured and printed.
  @Test func lengthsAreThePrintersOwn() {
    let f = Fixture()
    var rng = SeededGenerator(seed: 31)
    let random = (0..<400).map { _ in RandomExpression.make(f.pool, depth: 5, using: &rng) }
    let given = Self.inputs.map(f.parse)
    let all = (given + random + random.map { f.d($0, "x") } + given.map { f.d($0, "x") })
      .filter { !f.pool.isUndefined($0) }
    let names = f.pool.freeSymbols(all)
    for style in [TextPrinter.Style.plain, .compact, .unicode] {
      var printer = TextPrinter(pool: f.pool, style: style)
      printer.spelledNames = TextPrinter.spelledGreekNames(names)
      var length = TextLength(printer)
      for e in all {
        let text = printer.string(e)
        let size = length.of(e)
        #expect(size.bytes == text.utf8.count, "seed 31, \(style): '\(text)'")
        #expect(size.scalars == text.unicodeScalars.count, "seed 31, \(style): '\(text)'")
      }
    }
    var latex = LatexPrinter(pool: f.pool)
    latex.symbolNames = LatexPrinter.distinctSymbols(names)
    var length = LatexLength(latex)
    for e in all {
      let text = latex.string(e)
      let measure = length.measure(e)
      #expect(measure.length == text.utf8.count, "seed 31, LaTeX: '\(text)'")
      #expect(measure.escaped == JSONText.string(text).utf8.count - 2, "seed 31, LaTeX in JSON: '\(text)'")
    }
  }

  /// A chain whose printed tree doubles at every level is measured in linear time, and the sum
  /// saturates instead of overflowing.
  @Test func lengthsSaturate() {
    let f = Fixture()
    var e = f.pool.symbol("x")
    for _ in 0..<200 { e = f.pool.add([f.pool.call(.sin, e), f.pool.call(.cos, e)]) }
    var length = TextLength(TextPrinter(pool: f.pool))
    #expect(length.of(e).bytes == TextLength.cap)
    var latex = LatexLength(LatexPrinter(pool: f.pool))
    #expect(latex.of(e) == TextLength.cap)
  }
}
