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
      return compareSymbols(Int(ra.payload), Int(rb.payload))
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

  /// ``compareNames(_:_:)`` of the i-th and j-th symbols' names (distinct), read from
  /// ``symbolBytes`` without their `String`s.
  func compareSymbols(_ i: Int, _ j: Int) -> Int {
    // The same stem and two integers: the integers decide (they differ: the names do).
    let (a, b) = (symbolSuffixes[i], symbolSuffixes[j])
    if a >> 56 == b >> 56 && a & Self.suffixValue != 0 && b & Self.suffixValue != 0 && a != b {
      let stem = Int(a >> 56)
      let (x, y) = (i == 0 ? 0 : symbolEnds[i - 1], j == 0 ? 0 : symbolEnds[j - 1])
      let sameStem =
        stem == 1 ? symbolBytes[x] == symbolBytes[y] : symbolBytes[x..<x + stem] == symbolBytes[y..<y + stem]
      if sameStem { return a < b ? -1 : 1 }
    }
    return symbolBytes.withUnsafeBufferPointer { bytes in
      let x = UnsafeBufferPointer(rebasing: bytes[(i == 0 ? 0 : symbolEnds[i - 1])..<symbolEnds[i]])
      let y = UnsafeBufferPointer(rebasing: bytes[(j == 0 ? 0 : symbolEnds[j - 1])..<symbolEnds[j]])
      return Self.compareNames(x, y)
    }
  }

  /// The low 56 bits of a ``numericSuffix(_:)``: the integer + 1, or 0.
  static let suffixValue: UInt64 = (1 << 56) - 1

  /// A name as a stem (its bytes before a trailing run of digits) and that run's integer: the
  /// stem's length in the top 8 bits, the integer + 1 in the low 56; 0 when the name ends in no
  /// digit, its run starts with 0 (`x01`: compared in full), has more than 16 digits, or its stem
  /// has more than 255 bytes. Two names with equal stems and nonzero suffixes are in the order
  /// of their integers (``compareNames(_:_:)``: a run of digits compares by value).
  static func numericSuffix(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let bytes = name.baseAddress else { return 0 }
    // The digits at the end, then their value read forwards.
    var s = name.count
    while s > 0 && bytes[s - 1] &- 48 <= 9 { s -= 1 }
    let digits = name.count - s
    guard digits > 0, digits <= 16, bytes[s] != 48, s <= 255 else { return 0 }
    var value: UInt64 = 0
    for k in s..<name.count { value = value &* 10 &+ UInt64(bytes[k] &- 48) }
    return UInt64(s) << 56 | (value + 1)
  }

  /// ``compareNames(_:_:)`` on bytes. The first byte that differs decides, unless it is in a run
  /// of digits (then the lengths of the two runs, then that byte), and unless that run starts
  /// with a zero (then ``compareNamesInFull(_:_:)``): `u123` against `u124` reads each byte once.
  private static func compareNames(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    let n = min(x.count, y.count)
    var k = 0
    while k < n && x[k] == y[k] { k += 1 }
    if k == n && x.count == y.count { return compareNamesInFull(x, y) }
    // The run of digits that k is in or ends, from s (the same in both: the bytes before k are).
    var s = k
    while s > 0 && isDigit(x[s - 1]) { s -= 1 }
    let digits = k < n && isDigit(x[k]) && isDigit(y[k])
    if s == k && !digits { return k == n ? (x.count < y.count ? -1 : 1) : (x[k] < y[k] ? -1 : 1) }
    if x[s] == 48 || y[s] == 48 { return compareNamesInFull(x, y) }
    var endX = k
    while endX < x.count && isDigit(x[endX]) { endX += 1 }
    var endY = k
    while endY < y.count && isDigit(y[endY]) { endY += 1 }
    if endX != endY { return endX < endY ? -1 : 1 }
    if k < endX { return x[k] < y[k] ? -1 : 1 }
    return k == n ? (x.count < y.count ? -1 : 1) : (x[k] < y[k] ? -1 : 1)
  }

  /// ``compareNames(_:_:)`` on bytes, run by run.
  static func compareNamesInFull(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
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
      // The factors after the coefficient, interned from the store in place.
      let factors = operands(e)
      return (c, intern(.product, payload: 0, UnsafeBufferPointer(rebasing: factors.buffer[1...])))
    }
    return (.one, e)
  }

  /// `coefficientAndRest(e).1`, without reading the coefficient for the commonest terms.
  func coefficientFreePart(_ e: Expr) -> Expr {
    let r = records[e.index]
    guard r.kind == .product else { return e }
    if r.count == 2 {
      let p = operandStore.pointer(Int(r.start))
      return kind(p[0]) == .number ? p[1] : e
    }
    return coefficientAndRest(e).1
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
    let (x, y) = (records[ra.index], records[rb.index])
    if x.treeSize != y.treeSize { return x.treeSize > y.treeSize ? -1 : 1 }
    // Two variables (`u1`, `u2`): their names, as `compare` orders them.
    if x.kind == .symbol && y.kind == .symbol { return compareSymbols(Int(x.payload), Int(y.payload)) }
    return compare(ra, rb)
  }
}
