/// `--assume "R > r > 0, 0 < p < pi, x >= 0"`: relations separated by commas (commas inside
/// parentheses do not separate), each a chain of expressions joined by `<`, `<=`, `>`, `>=`.
/// - A link between a symbol and a number or rational multiple of π bounds the symbol
///   (`0 < p < pi`); any other link is a fact about the difference of its sides (`R > r`:
///   R − r > 0). Bounds carry over along facts between symbols (R > r > 0 bounds R below by 0).
/// - Errors point into the text (``JacError/optionParse(_:option:text:)``): a side that does not
///   parse, an item without a relation, a name the input does not use, a name of `declared` (a
///   vector or matrix, named by what it is: `'x' is a vector`), and a relation that contradicts
///   what came before it (`x > 0, x < -1`; a link between numbers that is false).
extension Assumptions {
  public convenience init(
    parsing text: String, pool: ExpressionPool, names: Set<String>, declared: [String: String] = [:]
  ) throws(JacError) {
    self.init(pool: pool)
    self.text = text
    var facts: [(big: String, small: String, strict: Bool)] = []
    for (item, offset) in Self.items(text) {
      do throws(ParseError) {
        let sides = try Self.sides(item, at: offset)
        var parsed: [Expr] = []
        for side in sides {
          // Padded to its place in the text, so positions and columns are the text's.
          let source = String(repeating: " ", count: side.start) + side.text
          parsed.append(try Parser.parseExpression(source, in: pool))
          for name in pool.freeSymbols([parsed.last!]) where !names.contains(name) {
            let range = Definitions.range(of: name, in: source, from: 0) ?? SourceRange(side.start, source.utf8.count)
            if let what = declared[name] { throw ParseError(.assumptionNotScalar(name: name, what: what), range) }
            throw ParseError(.assumptionUnknownName(name: name), range)
          }
        }
        chains.append((parsed, sides.dropFirst().map { ($0.op.greater ? ">" : "<") + ($0.op.strict ? "" : "=") }))
        let first = sides.first!.start + sides.first!.text.utf8.prefix { $0 == 32 }.count
        let trailing = sides.last!.text.utf8.reversed().prefix { $0 == 32 }.count
        let last = sides.last!.start + sides.last!.text.utf8.count - trailing
        let whole = SourceRange(first, max(first, last))
        for (k, op) in sides.dropFirst().map(\.op).enumerated() {
          let (a, b) = (parsed[k], parsed[k + 1])
          let (big, small) = op.greater ? (a, b) : (b, a)
          guard add(big, small, strict: op.strict) else { throw ParseError(.assumptionContradiction, whole) }
          if let x = pool.symbolName(big), let y = pool.symbolName(small) { facts.append((x, y, op.strict)) }
        }
      } catch {
        throw .optionParse(error, option: "--assume", text: text)
      }
    }
    propagate(facts)
  }

  /// The items between commas at parenthesis depth 0, each with its UTF-8 offset.
  static func items(_ text: String) -> [(text: String, offset: Int)] {
    var result: [(text: String, offset: Int)] = []
    var depth = 0
    var start = 0
    let bytes = Array(text.utf8)
    for (i, b) in bytes.enumerated() {
      if b == UInt8(ascii: "(") { depth += 1 }
      if b == UInt8(ascii: ")") { depth -= 1 }
      if b == UInt8(ascii: ","), depth <= 0 {
        result.append((String(decoding: bytes[start..<i], as: UTF8.self), start))
        start = i + 1
      }
    }
    result.append((String(decoding: bytes[start...], as: UTF8.self), start))
    return result
  }

  struct Relation {
    var greater: Bool
    var strict: Bool
  }

  /// The sides of a chain, each with its UTF-8 offset in the whole text (the item's plus
  /// `offset`), and the relation before each (the first side's is unused).
  static func sides(_ item: String, at offset: Int) throws(ParseError) -> [(text: String, start: Int, op: Relation)] {
    let bytes = Array(item.utf8)
    var result: [(text: String, start: Int, op: Relation)] = []
    var start = 0
    var op = Relation(greater: true, strict: true)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      guard b == UInt8(ascii: "<") || b == UInt8(ascii: ">") else {
        i += 1
        continue
      }
      result.append((String(decoding: bytes[start..<i], as: UTF8.self), offset + start, op))
      let equal = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "=")
      op = Relation(greater: b == UInt8(ascii: ">"), strict: !equal)
      i += equal ? 2 : 1
      start = i
    }
    result.append((String(decoding: bytes[start...], as: UTF8.self), offset + start, op))
    if result.count < 2 {
      let lead = bytes.prefix { $0 == 32 }.count
      let trail = bytes.reversed().prefix { $0 == 32 }.count
      throw ParseError(.expectedRelation, SourceRange(offset + lead, offset + max(lead, bytes.count - trail)))
    }
    return result
  }

  /// Records big > small (or ≥); false when that contradicts what is known.
  private func add(_ big: Expr, _ small: Expr, strict: Bool) -> Bool {
    let difference = pool.subtract(big, small)
    memo.removeAll()
    if let known = sign(of: difference) {
      if known == .negative || (strict && known.isNonpositive) { return false }
    }
    if let b = pool.symbolName(big), let s = pool.symbolName(small) {
      // small ≥ … ≥ big already known: with any strict link, big > small closes a cycle.
      if let strictPath = path(from: s, to: b), strict || strictPath { return false }
      order.append((b, s, strict))
    }
    if let name = pool.symbolName(small), let bound = bound(big, strict: strict) {
      if let u = upper[name], weaker(bound, than: u, upper: true) { return boundsAgree() }
      upper[name] = bound
    } else if let name = pool.symbolName(big), let bound = bound(small, strict: strict) {
      if let l = lower[name], weaker(bound, than: l, upper: false) { return boundsAgree() }
      lower[name] = bound
    } else if !pool.isNumber(difference) {
      if strict { positive.append(difference) } else { nonnegative.append(difference) }
    }
    memo.removeAll()
    return boundsAgree()
  }

  /// Whether `from` ≥ … ≥ `to` follows from the relations between symbols, and if so whether
  /// some link on the way is strict (nil: no such chain). Depth-first over a few relations.
  private func path(from: String, to: String) -> Bool? {
    var best: Bool?
    var seen: Set<String> = [from]
    var stack: [(String, Bool)] = [(from, false)]
    while let (node, strictSoFar) = stack.popLast() {
      if node == to {
        best = (best ?? false) || strictSoFar
        continue
      }
      for link in order where link.big == node {
        // The target is reached along every chain (to learn whether one is strict); any other
        // symbol is entered once.
        guard link.small == to || seen.insert(link.small).inserted else { continue }
        stack.append((link.small, strictSoFar || link.strict))
      }
    }
    return best
  }

  /// A number or a rational multiple of π as a bound.
  private func bound(_ e: Expr, strict: Bool) -> Bound? {
    if let q = pool.rational(e) { return Bound(value: q, pi: false, strict: strict) }
    let (c, rest) = pool.coefficientAndRest(e)
    if case .constant(.pi) = pool.node(rest) { return Bound(value: c, pi: true, strict: strict) }
    return nil
  }

  /// Whether `a` is tighter than `b` as an upper (or lower) bound; undecided counts as tighter,
  /// which keeps the later one.
  private func weaker(_ a: Bound, than b: Bound, upper: Bool) -> Bool {
    guard let c = Self.compare(a, b) else { return false }
    if c == 0 { return !a.strict || b.strict }
    return upper ? c > 0 : c < 0
  }

  /// Every symbol's lower bound is below its upper bound.
  private func boundsAgree() -> Bool {
    for (name, l) in lower {
      guard let u = upper[name], let c = Self.compare(l, u) else { continue }
      if c > 0 || (c == 0 && (l.strict || u.strict)) { return false }
    }
    return true
  }

  /// Compares two bounds; nil when a multiple of π is too close to a number to tell (π is
  /// bracketed between 3.141592653589793 and 3.141592653589794).
  static func compare(_ a: Bound, _ b: Bound) -> Int? {
    if a.pi == b.pi || (a.value.isZero && b.value.isZero) {
      return a.value < b.value ? -1 : a.value == b.value ? 0 : 1
    }
    let (low, high) = (
      Rational(BigInt(3_141_592_653_589_793), BigInt(1_000_000_000_000_000)),
      Rational(BigInt(3_141_592_653_589_794), BigInt(1_000_000_000_000_000))
    )
    func range(_ x: Bound) -> (Rational, Rational) {
      guard x.pi else { return (x.value, x.value) }
      return x.value.isNegative ? (x.value * high, x.value * low) : (x.value * low, x.value * high)
    }
    let (a0, a1) = range(a)
    let (b0, b1) = range(b)
    if a1 < b0 { return -1 }
    if b1 < a0 { return 1 }
    return nil
  }

  /// Bounds carried along facts between symbols: x > y and y > 0 give x > 0; x > y and x < 1
  /// give y < 1.
  private func propagate(_ facts: [(big: String, small: String, strict: Bool)]) {
    for _ in 0...facts.count {
      var changed = false
      for (x, y, strict) in facts {
        if var l = lower[y] {
          l.strict = l.strict || strict
          if lower[x].map({ !weaker(l, than: $0, upper: false) && l != $0 }) ?? true {
            lower[x] = l
            changed = true
          }
        }
        if var u = upper[x] {
          u.strict = u.strict || strict
          if upper[y].map({ !weaker(u, than: $0, upper: true) && u != $0 }) ?? true {
            upper[y] = u
            changed = true
          }
        }
      }
      if !changed { break }
    }
    memo.removeAll()
  }
}
