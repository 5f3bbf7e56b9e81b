/// The records of a pool's nodes (``ExpressionPool/Record``), one per id, in memory the pool
/// owns: appending a node is a store and a count, where an array's append also asked whether
/// its buffer was uniquely referenced (and the interning table's store asked again), and
/// reading one is a bounds check, without the retain and release a buffer taken from an
/// array for a call costs. Grows by doubling; ``ExpressionPool/reserve(forInputBytes:)``
/// sizes it for a long input.
final class RecordStore: RandomAccessCollection {
  typealias Record = ExpressionPool.Record
  private(set) var base: UnsafeMutablePointer<Record>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 1024) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(i: Int) -> Record {
    get {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "node id out of range")
      return base[i]
    }
    set {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "node id out of range")
      base[i] = newValue
    }
  }

  func append(_ record: Record) {
    if count == capacity { reserveCapacity(2 * capacity) }
    (base + count).initialize(to: record)
    count += 1
  }

  /// Room for `n` records (the ones there are moved once).
  func reserveCapacity(_ n: Int) {
    guard n > capacity else { return }
    let bigger = UnsafeMutablePointer<Record>.allocate(capacity: n)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    (base, capacity) = (bigger, n)
  }

  /// The records as a buffer, valid inside `body`, which must not add records.
  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Record>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }
}
