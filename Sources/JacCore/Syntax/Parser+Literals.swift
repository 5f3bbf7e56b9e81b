/// Number literals as the parser reads them: the integers 0…127 kept in an array, other
/// integers and quotients of two numbers (`1/40401`) found again in a ``LiteralCache`` once a
/// text is long enough to repay it.
extension Parser {
  /// `a/b` of two small numbers (``ExpressionPool/numberQuotient(_:_:)``), found again when
  /// the same two are divided again; nil for any other pair.
  mutating func numberQuotient(_ a: Expr, _ b: Expr) -> Expr? {
    guard pool.isNumber(a) && pool.isNumber(b) else { return nil }
    guard cachesLiterals else { return pool.numberQuotient(a, b) }
    let key = UInt64(UInt32(bitPattern: a.id)) << 32 | UInt64(UInt32(bitPattern: b.id))
    if let q = quotients[key] { return q }
    guard let q = pool.numberQuotient(a, b) else { return nil }
    quotients.insert(q, for: key)
    return q
  }

  /// The number `value`; the integers read most (below ``smallIntegerCount``) are kept, others
  /// found again in ``integers``.
  mutating func integer(_ value: Int) -> Expr {
    guard value >= 0 && value < Self.smallIntegerCount else {
      guard cachesLiterals else { return pool.number(Rational(value)) }
      let key = UInt64(bitPattern: Int64(value))
      if let e = integers[key] { return e }
      let e = pool.number(Rational(value))
      integers.insert(e, for: key)
      return e
    }
    if smallIntegers.isEmpty { smallIntegers = Array(repeating: nil, count: Self.smallIntegerCount) }
    if let e = smallIntegers[value] { return e }
    let e = pool.number(Rational(value))
    smallIntegers[value] = e
    return e
  }
  static let smallIntegerCount = 128
}
