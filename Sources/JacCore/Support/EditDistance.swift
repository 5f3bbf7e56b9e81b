/// Edit distance for "did you mean" suggestions: the optimal-string-alignment form of
/// Damerau–Levenshtein, where inserting, deleting or replacing a character, or swapping two
/// adjacent ones, is one edit (`cso` is one edit from `cos`, not two).
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    // Three rows: d[i-2], d[i-1], d[i]; a transposition looks two rows back.
    var beforePrevious = Array(0...y.count)
    var previous = beforePrevious
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, beforePrevious[j - 2] + 1) }
        current[j] = d
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[y.count]
  }

  /// Every candidate at the smallest distance from `name`, if that distance is within `limit`
  /// (default: 2, or 1 for names of up to three letters), in the candidates' order; duplicates
  /// are listed once.
  public static func suggestions(for name: String, among candidates: [String], limit: Int? = nil) -> [String] {
    let limit = limit ?? (name.unicodeScalars.count <= 3 ? 1 : 2)
    let lowered = name.lowercased()
    let length = lowered.unicodeScalars.count
    var best: [String] = []
    var bestDistance = Int.max
    for c in candidates {
      // Each edit changes the length by at most one: a long input (a whole expression read as
      // a misspelt command) is not aligned against every name.
      guard abs(length - c.unicodeScalars.count) <= limit else { continue }
      let d = between(lowered, c)
      guard d <= limit, d <= bestDistance else { continue }
      if d < bestDistance {
        best = []
        bestDistance = d
      }
      if !best.contains(c) { best.append(c) }
    }
    return best
  }

  /// The closest candidate (the first of equally close ones), as ``suggestions(for:among:limit:)``.
  public static func suggestion(for name: String, among candidates: [String]) -> String? {
    suggestions(for: name, among: candidates).first
  }

  /// ``suggestions(for:among:limit:)`` for variable names: two different one-letter names are
  /// always one edit apart, which is no evidence of a typo, so they are not suggested for each other.
  public static func variableSuggestion(for name: String, among candidates: [String]) -> String? {
    guard let s = suggestion(for: name, among: candidates) else { return nil }
    return name.unicodeScalars.count > 1 || s.unicodeScalars.count > 1 ? s : nil
  }

  /// `; did you mean 'cos'?`, `; did you mean 'cos' or 'csc'?`, `; did you mean 'a', 'b' or 'c'?`;
  /// empty when there is nothing to suggest.
  public static func didYouMean(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    let quoted = names.dropLast().map { "'\($0)'" }
    return "; did you mean " + (quoted.isEmpty ? "" : quoted.joined(separator: ", ") + " or ") + "'\(last)'?"
  }
}
