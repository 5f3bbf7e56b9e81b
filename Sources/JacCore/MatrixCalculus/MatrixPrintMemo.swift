/// The text of each matrix node printed so far, for ``MatrixPrinter`` and ``MatrixLatexPrinter``:
/// a subexpression held in many places (the inner layers of a deep network's Jacobian, inside
/// every `diag(…)`) is printed once, and the cost is the length of the output rather than that
/// times the depth. Leaves are printed again (cheaper than a lookup). The key keeps its node
/// alive, so an `ObjectIdentifier` is never reused while the memo holds it.
final class MatrixPrintMemo {
  private var printed: [ObjectIdentifier: (key: MatrixExpr, value: MatrixPrinter.Printed)] = [:]

  /// `m`'s text: remembered, or made by `printNode` and remembered.
  func text(_ m: MatrixExpr, printNode: (MatrixExpr) -> MatrixPrinter.Printed) -> MatrixPrinter.Printed {
    if m.children.isEmpty { return printNode(m) }
    if let known = printed[ObjectIdentifier(m.node)] { return known.value }
    let result = printNode(m)
    printed[ObjectIdentifier(m.node)] = (m, result)
    return result
  }
}
