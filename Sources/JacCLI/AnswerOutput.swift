import JacCore

/// Where a formatted answer goes. The formatter lays an answer out once, through this, in one of
/// two modes:
/// - counting: each expression is measured (``TextLength``, ``LatexLength``, ``CodeLength``)
///   instead of printed, so the size of the answer is known before anything is printed, in time
///   linear in its DAG (the output limit, ``Limits/outputBytes``);
/// - writing: each piece (a cell, a separator, a line) is written as soon as it is made, so no
///   whole answer is held: a matrix holds one cell at a time, and the aligned layout takes its
///   column widths from the same measures.
/// Inside a JSON string (``escaping``) every piece is escaped as it goes.
final class AnswerOutput {
  private var sink: ((String) -> Void)?
  /// Bytes written, or counted, so far (saturating at ``TextLength/cap``).
  private(set) var bytes = 0
  /// Pieces are escaped for a JSON string (LaTeX inside JSON).
  var escaping = false
  /// The answer was counted, so its expressions are measured: the aligned layout takes its
  /// widths from the measures and streams its cells. A small answer that was not counted
  /// prints its cells first and measures the strings (cheaper than measuring the DAG).
  var measured = false
  /// Text and LaTeX lengths of this answer's expressions, kept from counting to writing.
  var text: TextLength
  var latex: LatexLength

  /// Counts until ``startWriting(to:)``.
  init(text: TextPrinter, latex: LatexPrinter) {
    self.text = TextLength(text)
    self.latex = LatexLength(latex)
  }

  var counting: Bool { sink == nil }

  /// Writes from now on, counting again from 0.
  func startWriting(to sink: @escaping (String) -> Void) {
    self.sink = sink
    bytes = 0
  }

  /// Writes (or counts) `s`, escaped inside a JSON string.
  func write(_ s: String) {
    let piece = escaping ? JSONText.escaped(s) : s
    count(piece.utf8.count)
    sink?(piece)
  }

  /// Writes (or counts) text that needs no JSON escaping: jac's text of an expression (names are
  /// letters, digits and `_`; no quote, backslash or control character).
  func writeVerbatim(_ s: String) {
    count(s.utf8.count)
    sink?(s)
  }

  /// Writes (or counts) UTF-8 text that needs no JSON escaping (a listing's lines, a block at a
  /// time).
  func writeVerbatim(_ text: TextBytes) {
    count(text.bytes.count)
    sink?(String(decoding: text.bytes, as: UTF8.self))
  }

  /// Writes (or counts) `n` spaces, a block at a time: a derivation's rule column can be
  /// megabytes to the right.
  func writeSpaces(_ n: Int) {
    guard !counting else { return count(n) }
    // A cell's padding is a few spaces: one of a table of strings, not a new string of them
    // (`String(repeating:count:)` was 3,300 instructions a call, 1% of a batch of small Jacobians).
    if n < Self.spaces.count { return write(Self.spaces[n]) }
    var left = n
    while left > 0 {
      let block = min(left, 1 << 16)
      write(Self.spaces(block))
      left -= block
    }
  }

  /// `spaces[n]` is n spaces.
  private static let spaces = (0..<64).map(spaces)

  /// `n` spaces, written as bytes: `String(repeating:count:)` appends one character at a time,
  /// and the table above made that way was 580k instructions, half of a whole `jac "x*y"`
  /// (issue 20).
  private static func spaces(_ n: Int) -> String {
    String(unsafeUninitializedCapacity: n) { bytes in
      bytes.initialize(repeating: UInt8(ascii: " "))
      return n
    }
  }

  /// Counts `n` bytes that are not written (a measured expression).
  func count(_ n: Int) { bytes = min(bytes + n, TextLength.cap) }

  /// Counts the text of `e` (text never needs JSON escaping: names are letters and digits).
  func countText(_ e: Expr) { count(text.of(e).bytes) }

  /// Counts the LaTeX of `e`, escaped inside a JSON string.
  func countLatex(_ e: Expr) {
    let m = latex.measure(e)
    count(escaping ? m.escaped : m.length)
  }
}
