/// Text joined once, at the end: `a + b` shares both sides instead of copying them, and
/// ``string`` writes the whole in one pass. ``MatrixPrinter`` prints each level of a deep
/// network's gradient around the text of the levels below; with `String` every level copied
/// that text again (n³ bytes copied for an n²-byte answer).
struct LazyText: ExpressibleByStringLiteral {
  private indirect enum Tree {
    case leaf(String)
    case pair(Tree, Tree)
  }

  private var tree: Tree
  /// The length in UTF-8 bytes.
  private(set) var utf8Count: Int

  init(_ s: String) {
    tree = .leaf(s)
    utf8Count = s.utf8.count
  }

  init(stringLiteral s: String) { self.init(s) }

  private init(_ tree: Tree, count: Int) {
    self.tree = tree
    utf8Count = count
  }

  var isEmpty: Bool { utf8Count == 0 }

  /// Whether the text starts with a minus sign.
  var startsWithMinus: Bool { hasPrefix("-") }

  /// Whether the text starts with `prefix`, read from its first piece (a piece is never cut
  /// inside a LaTeX command or group opening such as `e^{`, which is written as one piece).
  func hasPrefix(_ prefix: String) -> Bool {
    var t = tree
    while case .pair(let left, _) = t { t = left }
    guard case .leaf(let s) = t else { return false }
    return s.hasPrefix(prefix)
  }

  /// The text without its first character (a leading minus: the left edge of the tree is
  /// rebuilt, the rest shared).
  func droppingFirst() -> LazyText {
    func drop(_ t: Tree) -> Tree {
      switch t {
      case .leaf(let s): return .leaf(String(s.dropFirst()))
      case .pair(let left, let right):
        let rest = drop(left)
        if case .leaf(let s) = rest, s.isEmpty { return right }
        return .pair(rest, right)
      }
    }
    var t = tree
    while case .pair(let left, _) = t { t = left }
    guard case .leaf(let s) = t, let first = s.first else { return self }
    return LazyText(drop(tree), count: utf8Count - String(first).utf8.count)
  }

  /// Pieces shorter than this are copied into one string: a tree of tiny pieces would cost
  /// more to walk than the bytes cost to copy. Invariant: a text of at most this many bytes is
  /// one leaf.
  static let shortText = 4096

  static func + (a: LazyText, b: LazyText) -> LazyText {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    let count = a.utf8Count + b.utf8Count
    switch (a.tree, b.tree) {
    case (.leaf(let x), .leaf(let y)) where count <= shortText: return LazyText(.leaf(x + y), count: count)
    case (.pair(let left, .leaf(let x)), .leaf(let y)) where x.utf8.count + y.utf8.count <= shortText:
      // Appending to a long text: the short piece joins its last leaf.
      return LazyText(.pair(left, .leaf(x + y)), count: count)
    default: return LazyText(.pair(a.tree, b.tree), count: count)
    }
  }

  static func += (a: inout LazyText, b: LazyText) { a = a + b }

  /// The text, written left to right without recursion (a tree as deep as the expression).
  var string: String {
    var out = ""
    out.reserveCapacity(utf8Count)
    var stack = [tree]
    while let t = stack.popLast() {
      switch t {
      case .leaf(let s): out += s
      case .pair(let left, let right):
        stack.append(right)
        stack.append(left)
      }
    }
    return out
  }
}

extension [LazyText] {
  func joined(separator: LazyText) -> LazyText {
    var text: LazyText = ""
    for (k, piece) in enumerated() { text += k == 0 ? piece : separator + piece }
    return text
  }
}
