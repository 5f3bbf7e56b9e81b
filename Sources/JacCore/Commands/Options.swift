/// A set of ``Option``s: one bit per option, in the table's order (``Option/allCases``).
///
/// Not `Set<Option>`: a `Set` of a new element type makes the Swift runtime build its generic
/// metadata on first use and hash every lookup, which cost the scanner's option checks about
/// 0.2M instructions at start-up (issue 20, docs/performance.md). The table has fewer than 64
/// options; a test holds it to that.
public struct Options: Sendable, Equatable, ExpressibleByArrayLiteral, Sequence {
  private var bits: UInt64 = 0

  public init() {}

  public init(arrayLiteral options: Option...) {
    for option in options { insert(option) }
  }

  public init<S: Sequence>(_ options: S) where S.Element == Option {
    for option in options { insert(option) }
  }

  public var isEmpty: Bool { bits == 0 }
  public var count: Int { bits.nonzeroBitCount }

  public func contains(_ option: Option) -> Bool { bits & Self.bit(option) != 0 }

  /// Adds `option`; `inserted` is false if it was there already (as `Set.insert` says).
  @discardableResult
  public mutating func insert(_ option: Option) -> (inserted: Bool, memberAfterInsert: Option) {
    let inserted = !contains(option)
    bits |= Self.bit(option)
    return (inserted, option)
  }

  public func union(_ other: Options) -> Options {
    var union = self
    union.bits |= other.bits
    return union
  }

  public func isDisjoint(with other: Options) -> Bool { bits & other.bits == 0 }

  /// The options in the table's order (which is also their `<` order).
  public func makeIterator() -> IndexingIterator<[Option]> {
    var members: [Option] = []
    var rest = bits
    while rest != 0 {
      members.append(Option.ordered[rest.trailingZeroBitCount])
      rest &= rest - 1
    }
    return members.makeIterator()
  }

  private static func bit(_ option: Option) -> UInt64 { 1 << UInt64(option.ordinal) }
}

extension Option {
  /// The options in the table's order, built once.
  static let ordered: [Option] = allCases

  /// The option's place in the table (``allCases``): a case without a payload is stored as its
  /// place in the declaration (the Swift ABI numbers such cases in order), so this is a load,
  /// not a search; a test holds it to `allCases`.
  public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// The options a command refuses with a reason of its own (``CommandDescription/refusals``),
/// written as a dictionary literal (`[.at: "the start is '--from'"]`) but kept as two short
/// arrays: a lookup is a scan of one or two entries, with no hashed table to build.
public struct Refusals: Sendable, ExpressibleByDictionaryLiteral {
  /// The refused options, in the table's order.
  public let options: Options
  private let listed: [Option]
  private let reasons: [String]

  public init(dictionaryLiteral elements: (Option, String)...) {
    listed = elements.map(\.0)
    reasons = elements.map(\.1)
    options = Options(listed)
  }

  /// The reason `option` is refused; nil if it is not.
  public subscript(option: Option) -> String? {
    guard options.contains(option), let i = listed.firstIndex(of: option) else { return nil }
    return reasons[i]
  }
}
