/// A set of named rules, one bit each, so that code on a hot path can note what it applied at
/// the cost of an `or`. Listed in the order of ``SimplificationRule/allCases``.
public struct RuleSet: Equatable, Sendable {
  private var bits: UInt64 = 0

  public init() {}
  public init(_ rules: [SimplificationRule]) {
    for rule in rules { insert(rule) }
  }

  private static func bit(_ rule: SimplificationRule) -> UInt64 {
    1 << UInt64(SimplificationRule.allCases.firstIndex(of: rule)!)
  }

  public mutating func insert(_ rule: SimplificationRule) { bits |= Self.bit(rule) }
  public mutating func formUnion(_ other: RuleSet) { bits |= other.bits }
  public func union(_ other: RuleSet) -> RuleSet {
    var both = self
    both.formUnion(other)
    return both
  }
  public func contains(_ rule: SimplificationRule) -> Bool { bits & Self.bit(rule) != 0 }
  public var isEmpty: Bool { bits == 0 }
  public var rules: [SimplificationRule] { SimplificationRule.allCases.filter(contains) }
}

/// The rules the smart constructors applied while building an expression: pass one to `add`,
/// `multiply`, `power`, `call` (or the helpers built on them), and each rule the constructor
/// applies, or a constructor it calls in turn, is noted here. Without one (the default) nothing
/// is noted and nothing is paid.
public final class RuleTrace {
  public private(set) var applied = RuleSet()
  public init() {}
  public func note(_ rule: SimplificationRule) { applied.insert(rule) }
}
