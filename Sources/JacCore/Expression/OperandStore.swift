/// The operands of every node of a pool, one list after another, in blocks that never move, so
/// that a node's operands can be handed out in place (``Operands``) instead of each sum and
/// product keeping an array of its own (session 8 gave each one: a heap allocation of about 240
/// instructions and 48 bytes or more a node, three a Bratu row).
///
/// A list is found by its place `g` in the store (a node's `start`): it lies in the block of
/// slot `g >> 16`, at `slots[g >> 16] + (g & 0xFFFF)`, and never crosses into the next slot, so it
/// is contiguous. A list that does not fit in what is left of its block starts a new block at
/// the next slot (the store skips the rest of that slot's places; they stay unused); a list of
/// more than 65,536 operands gets a block of several slots, whose pointers are the block's
/// successive 64 Ki stretches. Places are `Int32`: 32,768 slots.
final class OperandStore {
  static let slotShift = 16
  static let slotSize = 1 << slotShift

  /// The memory of place `s << 16`, for each slot `s` that has a block (``slotCount`` of them,
  /// in a table the store owns: read without a bounds check or an array's indirection, and
  /// grown by doubling; no one keeps it across a new block).
  private(set) var slots: UnsafeMutablePointer<UnsafeMutablePointer<Expr>>
  private(set) var slotCount = 0
  private var slotCapacity = 16
  /// Each block once, to free.
  private var blocks: [UnsafeMutablePointer<Expr>] = []
  /// The next free place.
  private(set) var end = 0
  /// Where the block holding `end` ends (a multiple of ``slotSize``).
  private var limit = 0
  /// The number of operands stored (places skipped at the end of a block not counted).
  private(set) var stored = 0

  init() { slots = .allocate(capacity: slotCapacity) }

  deinit {
    for b in blocks { b.deallocate() }
    slots.deallocate()
  }

  /// The memory of the list that starts at place `start` (valid while the store lives).
  @inline(__always) func pointer(_ start: Int) -> UnsafeMutablePointer<Expr> {
    assert(start >= 0 && start >> Self.slotShift < slotCount, "no operand list starts there")
    return slots[start >> Self.slotShift] + (start & (Self.slotSize - 1))
  }

  /// Whether the `count` places from `start` were handed out by ``reserve(_:)``: inside the
  /// places reserved, and in one stretch of memory (a list never runs from one block into the
  /// next, or into the unused tail of a slot).
  func contains(_ start: Int, _ count: Int) -> Bool {
    guard start >= 0, count >= 0, start + count <= end else { return false }
    guard count > 0 else { return true }
    guard (start + count - 1) >> Self.slotShift < slotCount else { return false }
    return pointer(start) + (count - 1) == pointer(start + count - 1)
  }

  /// Room for a list of `count` operands: its place, and its memory to write the operands to.
  @inline(__always) func reserve(_ count: Int) -> (start: Int, memory: UnsafeMutablePointer<Expr>) {
    if end + count > limit { newBlock(for: count) }
    let start = end
    end += count
    stored += count
    return (start, pointer(start))
  }

  /// A new block from the next slot on, of as many slots as `count` operands need (at least one).
  private func newBlock(for count: Int) {
    let first = (end + Self.slotSize - 1) >> Self.slotShift
    let n = max(1, (count + Self.slotSize - 1) >> Self.slotShift)
    precondition(first + n <= Int(Int32.max) >> Self.slotShift, "more operands than a pool can hold")
    let block = UnsafeMutablePointer<Expr>.allocate(capacity: n << Self.slotShift)
    blocks.append(block)
    if slotCount + n > slotCapacity {
      let capacity = max(2 * slotCapacity, slotCount + n)
      let bigger = UnsafeMutablePointer<UnsafeMutablePointer<Expr>>.allocate(capacity: capacity)
      bigger.moveInitialize(from: slots, count: slotCount)
      slots.deallocate()
      (slots, slotCapacity) = (bigger, capacity)
    }
    for k in 0..<n { (slots + slotCount + k).initialize(to: block + (k << Self.slotShift)) }
    slotCount += n
    end = first << Self.slotShift
    limit = (first + n) << Self.slotShift
  }
}

/// The operands of a node, read in place from its pool's ``OperandStore`` (which it keeps
/// alive), or one expression held inline (``init(single:)``: a non-product as the one factor of
/// itself): indices from 0, like the array each sum and product used to hold.
public struct Operands: RandomAccessCollection {
  /// Keeps the memory `base` points into alive; nil for a single expression held inline.
  let store: OperandStore?
  let base: UnsafePointer<Expr>?
  let single: Expr
  public let count: Int

  init(_ store: OperandStore, start: Int, count: Int) {
    self.store = store
    // A leaf has no list: nothing is read.
    self.base = count == 0 ? nil : UnsafePointer(store.pointer(start))
    self.single = Expr(0)
    self.count = count
  }

  /// `e` alone, held inline.
  init(single e: Expr) {
    (store, base, single, count) = (nil, nil, e, 1)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }
  @inline(__always) public subscript(i: Int) -> Expr {
    precondition(i >= 0 && i < count, "operand index out of range")
    guard let base else { return single }
    return base[i]
  }

  /// The operands as an unsafe buffer, valid while this value lives (empty for a single
  /// expression held inline: ``withContiguousStorageIfAvailable(_:)`` says which).
  var buffer: UnsafeBufferPointer<Expr> { UnsafeBufferPointer(start: base, count: base == nil ? 0 : count) }

  /// The operands in place (nil for a single expression held inline), so that generic code
  /// (`Array(_:)`, `append(contentsOf:)`, interning) copies them in one piece.
  public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Expr>) throws -> R) rethrows -> R? {
    guard base != nil else { return nil }
    return try withExtendedLifetime(store) { try body(buffer) }
  }

  /// Whether an array holds these operands, in order (a pass that rebuilt a node's operands
  /// asks whether anything changed).
  public static func == (a: [Expr], b: Operands) -> Bool { a.elementsEqual(b) }
  public static func != (a: [Expr], b: Operands) -> Bool { !a.elementsEqual(b) }
}

extension ExpressionPool {
  /// The factors of `e`: a product's operands, else `e` alone.
  func factors(_ e: Expr) -> Operands { kind(e) == .product ? operands(e) : Operands(single: e) }
  /// The terms of `e`: a sum's operands, else `e` alone.
  func terms(_ e: Expr) -> Operands { kind(e) == .sum ? operands(e) : Operands(single: e) }
}
