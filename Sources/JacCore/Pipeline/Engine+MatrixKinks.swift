/// Matrix `--at` on a kink or jump, noted as scalar `--at` notes it (``kinks(_:branchCuts:)``):
/// the calls of the function to abs, sign, heaviside, relu, acot (at 0), floor, ceil (at the
/// integers), max and min (at a tie) whose arguments, written out at the point
/// (``MatrixExpansion``, exactly), are not proved off the kink. A call on a scalar
/// (`abs(x'*y)`) is on it or not; an entry-by-entry call (`sum(abs(x))`, the map abs(□) over x)
/// is on it at some entries, which the note names: `abs(x) at entry 2` at x = [1, 0],
/// `relu(W*x) at entries 1, 3`, `abs(A) at entry [1,2]`.
extension Engine {
  /// The calls of `f` on a kink or jump at the point `expansion` holds, in matrix syntax, in
  /// the order of a walk of `f` (each shared node once); an argument that keeps a scalar
  /// without a value is not decided, and not noted.
  func matrixKinks(_ f: MatrixExpr, _ expansion: MatrixExpansion, _ context: MatrixContext) -> [String] {
    let printer = MatrixPrinter(context: context)
    var seen: Set<ObjectIdentifier> = []
    var found: [String] = []
    /// Whether the kink call's arguments, valued by `value`, are on the kink.
    func on(_ call: (kind: ExpressionPool.KinkKind, arguments: [Expr]), _ value: (Expr) -> Expr) -> Bool {
      let a = call.arguments.map(value)
      return pool.freeSymbols(a).isEmpty && !pool.provedOffKinks(a, call.kind)
    }
    func walk(_ m: MatrixExpr) {
      guard seen.insert(ObjectIdentifier(m.node)).inserted else { return }
      switch m.kind {
      case .scalar(let e):
        for atom in context.atoms(in: e) { walk(atom.value) }
        for k in pool.distinctNodes([e]) {
          guard let call = pool.kinkCall(k), on(call, { expansion.scalar($0) }) else { continue }
          found.append(printer.string(.scalar(k)))
        }
      case .map(let body, let a):
        walk(a)
        walk(.scalar(body))
        let calls = pool.distinctNodes([body]).compactMap { k in
          context.mentionsPlaceholder(k) ? pool.kinkCall(k).map { (k, $0) } : nil
        }
        // Written out only for a body with a kink (not each layer of a deep network).
        if calls.isEmpty { break }
        let values = expansion.expand(a)
        for (k, call) in calls {
          let entries = values.entries.indices.filter { i in
            on(call) { expansion.scalar($0, placeholder: values.entries[i]) }
          }
          if entries.isEmpty { continue }
          found.append(printer.string(.map(k, a)) + " at " + Self.entryList(entries, values))
        }
      case .variable, .differential, .identity, .ones, .sum, .product, .hadamard, .transpose, .inverse, .diag, .trace,
        .det, .norm, .total:
        m.children.forEach(walk)
      }
    }
    walk(f)
    return found
  }

  /// `entry 2`, `entries 1, 3`, `entry [1,2]` (of a matrix), the first three and how many more.
  private static func entryList(_ indices: [Int], _ m: Matrix) -> String {
    let names = indices.map { k in
      m.rows == 1 || m.columns == 1 ? "\(k + 1)" : "[\(k / m.columns + 1),\(k % m.columns + 1)]"
    }
    let more = names.count > 3 ? " and \(names.count - 3) more" : ""
    return (names.count == 1 ? "entry " : "entries ") + names.prefix(3).joined(separator: ", ") + more
  }
}
