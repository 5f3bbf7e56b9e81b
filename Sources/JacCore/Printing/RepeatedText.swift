/// The printed text of subexpressions that come up more than once in one answer, so that each
/// is printed once and copied after that: the rows of a layer's Jacobian all print the same
/// `tanh(…)` argument, and a Hessian repeats its first derivatives.
///
/// A subexpression of at least ``minimumSize`` nodes is remembered on its second occurrence.
/// Nothing inside a remembered one is remembered, so the strings are disjoint parts of the
/// output and take at most its memory. One memo serves one printer of one answer.
final class RepeatedText {
  static let minimumSize = 16
  private var seen: Set<Expr> = []
  private var text: [Expr: String] = [:]
  private var writingOne = false

  /// Appends `e`'s text to `out`: a copy if it is remembered; else what `writeNode` writes, or,
  /// on its second occurrence (when no other is being remembered), what `writeAlone` writes
  /// into a string of its own, which is remembered.
  func write<Out: TextSink>(
    _ e: Expr, size: Int, into out: inout Out, _ writeNode: (Expr, inout Out) -> Void,
    alone writeAlone: (Expr, inout String) -> Void
  ) {
    guard size >= Self.minimumSize else { return writeNode(e, &out) }
    if let known = text[e] {
      out.append(known)
    } else if !writingOne && !seen.insert(e).inserted {
      writingOne = true
      var fresh = ""
      writeAlone(e, &fresh)
      writingOne = false
      text[e] = fresh
      out.append(fresh)
    } else {
      writeNode(e, &out)
    }
  }
}
