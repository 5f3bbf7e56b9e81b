import Foundation
import Testing

@testable import JacCore

@Suite struct PrinterTests {
  static let goldenPath = "Tests/JacCoreTests/Golden/printers.tsv"

  /// Inputs whose text and LaTeX are kept in the golden file.
  static let inputs = [
    "-r*sin(t)", "x^2", "(x + 1)/(x - 1)", "x/2", "-3*x/2", "1/(x*y)", "2^x", "(-2)^x", "(1/2)^x", "x^(1/3)",
    "x^(-1/3)", "sqrt(x^2 + y^2)", "1/sqrt(1 - x^2)", "x^(y^z)", "(x^y)^z", "e", "e^x", "exp(-x^2/2)", "pi/2",
    "sin(x)^2", "sin(x^2)", "abs(x - 1)", "log(x)/x", "a - b - c", "1 - x^2", "theta + θ + phi", "x1 + x_1 + x_ab",
    "alpha*beta_2", "asinh(x) + acosh(y) + atanh(z)", "asin(x) + acos(x) + atan(x)", "rate*lat", "2*sin(x/2)",
    "x^(-y)", "sqrt(2)/2", "10^100", "-x", "-(x + y)", "(x + y)^2*(x - y)", "sec(x) + csc(x) + cot(x)",
    "cosh(x)^2/sinh(x)", "x*y^2*z^3/(u*v^2)", "exp(x)/(exp(x) + 1)^2",
  ]

  /// The golden file: `input <TAB> text <TAB> latex`. Set JAC_RECORD_GOLDEN=1 (`make golden`) to
  /// rewrite it; a re-record still fails, so every change is reviewed in the diff.
  /// A printer that remembers repeated subexpressions prints the same bytes as one that does
  /// not, entry after entry of one answer (seed 11).
  @Test func rememberingRepeatsChangesNothing() {
    var rng = SeededGenerator(seed: 11)
    let f = Fixture()
    for style in [TextPrinter.Style.plain, .unicode] {
      let remembering = TextPrinter(pool: f.pool, style: style, remembersRepeats: true)
      let plain = TextPrinter(pool: f.pool, style: style)
      for _ in 0..<60 {
        let shared = RandomExpression.make(f.pool, depth: 4, using: &rng)
        for _ in 0..<4 {
          let other = RandomExpression.make(f.pool, depth: 2, using: &rng)
          let entry = f.pool.multiply(other, f.pool.add(shared, f.pool.square(shared)))
          #expect(remembering.string(entry) == plain.string(entry))
        }
      }
    }
  }

  @Test func goldenText() throws {
    let f = Fixture()
    let lines = Self.inputs.map { input -> String in
      let e = f.parse(input)
      return "\(input)\t\(f.text(e))\t\(f.latex(e))"
    }
    let actual = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["JAC_RECORD_GOLDEN"] == "1" {
      try actual.write(to: TestFiles.url(Self.goldenPath), atomically: true, encoding: .utf8)
      Issue.record("re-recorded \(Self.goldenPath); review the diff and run the tests again")
      return
    }
    let expected = try TestFiles.read(Self.goldenPath)
    for (a, e) in zip(actual.split(separator: "\n"), expected.split(separator: "\n")) {
      #expect(a == e)
    }
    #expect(actual.split(separator: "\n").count == expected.split(separator: "\n").count)
  }

  /// Printed text parses back to the same expression: the golden inputs and random ones (seed 5).
  @Test func textRoundTrips() {
    let f = Fixture()
    var rng = SeededGenerator(seed: 5)
    let random = (0..<500).map { _ in RandomExpression.make(f.pool, depth: 5, using: &rng) }
    for e in Self.inputs.map(f.parse) + random + random.map({ f.d($0, "x") }) where !f.pool.isUndefined(e) {
      let text = f.text(e)
      #expect(f.parse(text) == e, "seed 5: '\(text)' does not parse back to itself")
    }
  }

  @Test func matrixLayoutAlignsColumns() {
    #expect(
      MatrixLayout.text([["cos(t)", "-r*sin(t)"], ["sin(t)", "r*cos(t)"]])
        == "[ cos(t)  -r*sin(t) ]\n[ sin(t)  r*cos(t)  ]")
  }

  /// The pieces a big matrix is written in make up the same text; the compact layout has one
  /// row a line, no padding.
  @Test func matrixLayoutPieces() {
    let cells = [["cos(θ)", "−r·sin(θ)", "1"], ["sin(θ)", "r·cos(θ)", "x + 1"], ["0", "0", "1"]]
    #expect(MatrixLayout.joined(MatrixLayout.textPieces(cells)) == MatrixLayout.text(cells))
    #expect(MatrixLayout.joined(MatrixLayout.unicodePieces(cells)) == MatrixLayout.unicode(cells))
    #expect(MatrixLayout.unicode(cells).hasPrefix("⎡ cos(θ)  −r·sin(θ)  1     ⎤\n⎢ sin(θ)  r·cos(θ)   x + 1 ⎥\n"))
    #expect(MatrixLayout.joined(MatrixLayout.compactPieces([["a", "-b"], ["c", "d"]])) == "[a,-b]\n[c,d]")
    #expect(MatrixLayout.joined(MatrixLayout.compactPieces([["a"]])) == "[a]")
    #expect(MatrixLayout.text([]) == "[ ]")
  }

  /// Names that would print alike in LaTeX are set literally; the others keep their usual form.
  @Test func distinctSymbolsInLatex() {
    let names = LatexPrinter.distinctSymbols(["theta", "θ", "x1", "x_1", "r", "phi2", "alpha"])
    #expect(
      names == ["theta": "\\mathit{theta}", "θ": "\\mathit{{\\theta}}", "x1": "\\mathit{x1}", "x_1": "\\mathit{x\\_1}"])
    #expect(LatexPrinter.distinctSymbols(["theta", "x1", "y_2", "θ1"]).isEmpty)
    #expect(TextPrinter.spelledGreekNames(["theta", "θ", "phi", "x"]) == ["theta"])
  }

  @Test func jsonEscapes() {
    #expect(JSONText.string("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
  }
}
