/// What a function computes before its result: the parameters (the variables, then the other
/// free symbols), the variables read out of their array (`--arguments array`), the `--where`
/// definitions, the temporaries of the shared subexpressions, and in C `(void)y;` for each
/// parameter or definition the body never reads (``unread(_:variables:read:)``). In C:
///
///   void f(const double *x /* [2] */, double *restrict out /* [4] */) {
///       const double r = x[0];             (a load)
///       const double t0 = cos(t);          (a temporary)
///       out[0] = t0;                       (the result, ``CodeGenerator/results(_:into:)``)
///
/// C places each load and temporary just before its first use (``CodeSchedule``); the other
/// languages write them first, in order.
extension CodeGenerator {
  /// A function's body as it is built: the names taken, the parameters, the printer (which knows
  /// the parameters', definitions' and temporaries' names) and the statements so far.
  struct UnitBody {
    var printer: CodeExpressionPrinter
    var used = Set<String>()
    var parameters: [Parameter] = []
    var lines: [String] = []
    /// C: the loads and temporaries ``CodeSchedule`` places before their first use.
    var loadLines: [(name: String, line: String)] = []
    var temporaryLines: [(name: String, line: String)] = []
    let scheduled: Bool

    /// `id`, or the first of `id_`, `id__`, … not taken; taken from now on.
    mutating func unique(_ id: String) -> String {
      var id = id
      while used.contains(id) { id += "_" }
      used.insert(id)
      return id
    }

    /// The function's statements: `lines`, with C's loads and temporaries scheduled among them.
    func statements(_ lines: [String]) -> [String] {
      scheduled ? CodeSchedule.ordered(statements: lines, temporaries: temporaryLines, loads: loadLines) : lines
    }
  }

  /// The body up to the result, for `roots` computed from `variables`.
  func prologue(roots: [Expr], variables: [String]) -> UnitBody {
    let defined = definitions.map(\.name)
    let free = pool.freeSymbols(roots + definitions.map(\.value))
    let others = free.filter { !variables.contains($0) && !defined.contains($0) }
    var body = UnitBody(printer: CodeExpressionPrinter(pool: pool, language: language), scheduled: language == .c)
    for name in variables + others {
      let id = body.unique(language.identifier(name))
      body.parameters.append(Parameter(name: id))
      body.printer.symbols[pool.symbol(name)] = id
    }
    if arguments == .array && !variables.isEmpty {
      let array = body.unique("x")
      let locals = body.parameters.prefix(variables.count).map(\.name)
      if body.scheduled {
        body.loadLines = Array(zip(locals, loads(locals, from: array)))
      } else {
        body.lines += loads(locals, from: array)
      }
      body.parameters = [Parameter(name: array, count: variables.count)] + body.parameters.dropFirst(variables.count)
    }
    for (name, value) in definitions {
      let id = body.unique(language.identifier(name))
      body.lines.append(declaration(id, body.printer.code(value)))
      body.printer.symbols[pool.symbol(name)] = id
    }
    if eliminateCommonSubexpressions {
      for (k, e) in sharedSubexpressions(roots, printer: &body.printer).enumerated() {
        let t = body.unique("t\(k)")
        let line = declaration(t, body.printer.code(e, top: e))
        body.printer.names[e] = t
        if body.scheduled { body.temporaryLines.append((t, line)) } else { body.lines.append(line) }
      }
    }
    if language == .c {
      let read = readSymbols(roots: roots, printer: body.printer, free: free)
      body.lines += unread(body, variables: variables, read: read).map { "    (void)\($0);" }
    }
    return body
  }

  /// The subexpressions computed once into temporaries, operands first (``CommonSubexpressions``),
  /// after setting up how `printer` writes sums, powers and signs: sums as a shorter written sum
  /// plus one term (``SumChains``), b² and b³ as products, negative terms written elsewhere as
  /// `+ t` (sign folding), sums written both ways written one way (``TurnedSums``). Each step
  /// reads the shapes the steps before it settled.
  private func sharedSubexpressions(_ roots: [Expr], printer: inout CodeExpressionPrinter) -> [Expr] {
    let shapes = printer.shapes
    let plain = CommonSubexpressions.written(pool: pool, roots: roots) { shapes.shape($0, complements: true) }
    printer.aliases = EqualPolynomials.aliases(pool: pool, written: plain.order)
    let roots = roots.map { printer.aliases[$0] ?? $0 }
    printer.sumChains = SumChains.chains(written: plain.order) { shapes.shape($0, complements: true) }
    printer.repeatsPowers = true
    let first = CommonSubexpressions.written(pool: pool, roots: roots) { [printer] in printer.shape($0) }
    printer.foldedNegatives = CommonSubexpressions.negativesWrittenElsewhere(
      pool: pool, order: first.order, uses: first.uses
    ) { [printer] in printer.shape($0) }
    printer.turnedSums = TurnedSums.turned(pool: pool, order: first.order, uses: first.uses) { [printer] in
      printer.shape($0)
    }
    let settled = printer
    return CommonSubexpressions(pool: pool, roots: roots) { settled.shape($0) }.shared
  }
}
