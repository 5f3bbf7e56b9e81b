/// C: a parameter or `--where` definition that the body never reads is named once, `(void)y;`,
/// so the unit compiles without a warning under `-Wall -Wextra` (`-Wunused-parameter`,
/// `-Wunused-variable`), as C and as C++. `jac "x" --vars x,y --format c`:
///
///   void jacobian(double x, double y, double *out /* [2] */) {
///       (void)x;
///       (void)y;
///       out[0] = 1.0;
///
/// With `--arguments array` the array is named only when no variable is read (a variable that is
/// not read is never loaded: ``CodeSchedule``). An output array no statement writes (an all-zero
/// result, linearize's D = 0) is named the same way.
extension CodeGenerator {
  /// The names of the symbols the body reads: those of the definitions and of `roots` (`free`),
  /// or, where sums equal as polynomials are written as one (``EqualPolynomials``), those left
  /// once each aliased sum is replaced by the sum it is written as (a symbol that cancels in one
  /// sum's expansion may be absent from the other).
  func readSymbols(roots: [Expr], printer: CodeExpressionPrinter, free: [String]) -> Set<String> {
    if printer.aliases.isEmpty { return Set(free) }
    var read = Set(pool.freeSymbols(definitions.map(\.value)))
    var seen = Set<Expr>()
    var stack = roots
    while let e = stack.popLast() {
      let e = printer.aliases[e] ?? e
      guard seen.insert(e).inserted else { continue }
      if let name = pool.symbolName(e) { read.insert(name) }
      stack += pool.operands(e)
    }
    return read
  }

  /// The identifiers of the variables (or of their array) and of the definitions that are not
  /// `read`, in order: the variables first, then the definitions.
  func unread(_ body: UnitBody, variables: [String], read: Set<String>) -> [String] {
    func identifier(_ name: String) -> String { body.printer.symbols[pool.symbol(name)] ?? name }
    let idle = variables.filter { !read.contains($0) }
    let parameters =
      arguments == .array && !variables.isEmpty
      ? (idle.count == variables.count ? [body.parameters[0].name] : []) : idle.map(identifier)
    return parameters + definitions.map(\.name).filter { !read.contains($0) }.map(identifier)
  }

  /// C: the output arrays of `shape` that no statement writes, `(void)out;` each; none in the
  /// other languages. `outputs` are `.matrices`' arrays, in order.
  func unwritten(_ shape: Shape, outputs: [(name: String, size: Int)]) -> [String] {
    guard language == .c else { return [] }
    let zero = pool.zero
    let names: [String]
    switch shape {
    case .scalar: names = []
    case .list(let es): names = es.contains { $0 != zero } ? [] : [resultName]
    case .matrix(let m): names = m.values.contains { $0 != zero } ? [] : [layout == .csc ? "nzval" : resultName]
    case .matrices(let ms):
      names = zip(ms, outputs).filter { m, _ in !m.matrix.values.contains { $0 != zero } }.map { $1.name }
    }
    return names.map { "    (void)\($0);" }
  }
}
