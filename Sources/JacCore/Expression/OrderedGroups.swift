/// Values grouped by expression key, in first-seen order: what `add` (coefficients by term) and
/// `multiply` (exponents by base) collect. Most sums and products have a handful of operands,
/// where a linear scan beats hashing (a `Dictionary` allocates and runs SipHash per insert);
/// past ``linearLimit`` keys an index takes over, so large sums stay linear.
struct OrderedGroups<Value> {
  private(set) var keys: [Expr] = []
  private(set) var values: [Value] = []
  private var index: [Expr: Int]?
  static var linearLimit: Int { 16 }

  init(capacity: Int) {
    keys.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  /// Combines `value` into the group of `key` (or starts the group); the group's position.
  @discardableResult
  mutating func add(_ key: Expr, _ value: Value, combine: (inout Value, Value) -> Void) -> Int {
    if let i = position(of: key) {
      combine(&values[i], value)
      return i
    }
    keys.append(key)
    values.append(value)
    if index != nil {
      index![key] = keys.count - 1
    } else if keys.count > Self.linearLimit {
      index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }
    return keys.count - 1
  }

  private func position(of key: Expr) -> Int? {
    if let index { return index[key] }
    for i in keys.indices where keys[i] == key { return i }
    return nil
  }
}
