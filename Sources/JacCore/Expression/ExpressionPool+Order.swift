/// The total orders that sort operands, and so decide how terms print.
///
/// - Products: the number first, then factors by base (`x` and `x^2` sort by `x`), so
///   `2*r^2*sin(t)`.
/// - Sums: the number first (printers move it last), then terms by their non-numeric part,
///   larger first, so `x^2 + 2*x + 1`.
/// - Otherwise (`compare`): kind, then size, then depth, then structure. Size and depth come
///   before recursion so that comparing two deep, different chains is cheap.
///
/// None of these looks at ids or hashes: the order of the same expressions is the same in every
/// run and whatever else the pool holds.
extension ExpressionPool {
  private func rank(_ k: Kind) -> Int {
    switch k {
    case .number: return 0
    case .symbol: return 1
    case .constant: return 2
    case .call: return 3
    case .apply: return 4
    case .power: return 5
    case .product: return 6
    case .sum: return 7
    case .undefined: return 8
    }
  }

  /// Structural total order: negative, zero (identical) or positive.
  public func compare(_ a: Expr, _ b: Expr) -> Int {
    if a == b { return 0 }
    let ra = records[a.index]
    let rb = records[b.index]
    if ra.kind != rb.kind { return rank(ra.kind) < rank(rb.kind) ? -1 : 1 }
    switch ra.kind {
    case .number:
      return numbers[Int(ra.payload)] < numbers[Int(rb.payload)] ? -1 : 1
    case .symbol:
      return Self.compareNames(symbols[Int(ra.payload)], symbols[Int(rb.payload)])
    case .constant, .undefined:
      return ra.payload < rb.payload ? -1 : (ra.payload == rb.payload ? 0 : 1)
    case .call, .apply, .power, .product, .sum:
      if ra.treeSize != rb.treeSize { return ra.treeSize < rb.treeSize ? -1 : 1 }
      if ra.depth != rb.depth { return ra.depth < rb.depth ? -1 : 1 }
      if ra.kind == .call, ra.payload != rb.payload {
        let fa = Function(rawValue: UInt8(ra.payload))!.name
        let fb = Function(rawValue: UInt8(rb.payload))!.name
        return Self.compareNames(fa, fb)
      }
      if ra.kind == .apply, ra.payload != rb.payload {
        return Self.compareNames(operators[Int(ra.payload)].sortKey, operators[Int(rb.payload)].sortKey)
      }
      return compareOperands(a, b)
    }
  }

  private func compareOperands(_ a: Expr, _ b: Expr) -> Int {
    let na = operandCount(a)
    let nb = operandCount(b)
    for i in 0..<min(na, nb) {
      let c = compare(operand(a, i), operand(b, i))
      if c != 0 { return c }
    }
    return na == nb ? 0 : (na < nb ? -1 : 1)
  }

  /// Names in natural order, locale-free: a run of digits compares by its value, so
  /// x1 < x2 < x10 < x11 (indexed variables print and sort as people count them), and
  /// everything else by Unicode scalar (UTF-8 bytes compare in the same order). Names equal
  /// that way (`x01`, `x1`) fall back to plain order, so distinct names never compare equal.
  static func compareNames(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    // Native strings lend their bytes without a copy; others are made contiguous first.
    if let c = a.utf8.withContiguousStorageIfAvailable({ x in
      b.utf8.withContiguousStorageIfAvailable { y in compareNames(x, y) }
    }), let c {
      return c
    }
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in compareNames(x, y) } }
  }

  private static func compareNames(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    var i = 0
    var j = 0
    while i < x.count && j < y.count {
      guard isDigit(x[i]) && isDigit(y[j]) else {
        if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
        i += 1
        j += 1
        continue
      }
      // Two digit runs: without leading zeros, the shorter is smaller, else the first digit
      // that differs decides.
      var endX = i
      while endX < x.count && isDigit(x[endX]) { endX += 1 }
      var endY = j
      while endY < y.count && isDigit(y[endY]) { endY += 1 }
      while i < endX - 1 && x[i] == 48 { i += 1 }
      while j < endY - 1 && y[j] == 48 { j += 1 }
      if endX - i != endY - j { return endX - i < endY - j ? -1 : 1 }
      while i < endX {
        if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
        i += 1
        j += 1
      }
    }
    if i < x.count || j < y.count { return i < x.count ? 1 : -1 }
    for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
    return x.count < y.count ? -1 : 1
  }

  /// `e` as `base^exponent` (a non-power is `e^1`).
  func baseAndExponent(_ e: Expr) -> (base: Expr, exponent: Expr) {
    kind(e) == .power ? (operand(e, 0), operand(e, 1)) : (e, one)
  }

  /// Order of factors in a product.
  func compareFactors(_ a: Expr, _ b: Expr) -> Int {
    if a == b { return 0 }
    let na = kind(a) == .number
    let nb = kind(b) == .number
    if na != nb { return na ? -1 : 1 }
    if na { return compare(a, b) }
    let (ba, ea) = baseAndExponent(a)
    let (bb, eb) = baseAndExponent(b)
    let c = compare(ba, bb)
    return c != 0 ? c : compare(ea, eb)
  }

  /// `e` as `coefficient·rest` with a rational coefficient.
  func coefficientAndRest(_ e: Expr) -> (Rational, Expr) {
    let r = records[e.index]
    if r.kind == .number { return (numbers[Int(r.payload)], one) }
    if r.kind == .product, let c = rational(operand(e, 0)) {
      if r.count == 2 { return (c, operand(e, 1)) }
      return (c, intern(.product, payload: 0, operands: operands(e).dropFirst()))
    }
    return (.one, e)
  }

  /// Order of terms in a sum.
  func compareTerms(_ a: Expr, _ b: Expr) -> Int {
    if a == b { return 0 }
    return compareTerms(a, rest: coefficientAndRest(a).1, b, rest: coefficientAndRest(b).1)
  }

  /// ``compareTerms(_:_:)`` with each term's coefficient-free part already known (`add` knows
  /// it: it is the key it collected the term under), so a sort does not intern it again at
  /// every comparison (that was 40% of the time of `diff "x^x"` to order 18).
  func compareTerms(_ a: Expr, rest ra: Expr, _ b: Expr, rest rb: Expr) -> Int {
    if a == b { return 0 }
    let na = kind(a) == .number
    let nb = kind(b) == .number
    if na != nb { return na ? -1 : 1 }
    if na { return compare(a, b) }
    if ra == rb { return compare(a, b) }
    let sa = records[ra.index].treeSize
    let sb = records[rb.index].treeSize
    if sa != sb { return sa > sb ? -1 : 1 }
    return compare(ra, rb)
  }
}
