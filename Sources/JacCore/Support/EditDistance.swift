/// Levenshtein distance, for "did you mean" suggestions.
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The closest candidate within distance 2 (1 for names of up to three letters), ties broken by
  /// the candidates' order.
  public static func suggestion(for name: String, among candidates: [String]) -> String? {
    let limit = name.unicodeScalars.count <= 3 ? 1 : 2
    var best: (String, Int)?
    for c in candidates {
      let d = between(name.lowercased(), c)
      if d <= limit, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }

  /// ``suggestion(for:among:)`` for variable names: two different one-letter names are always one
  /// edit apart, which is no evidence of a typo, so they are not suggested for each other.
  public static func variableSuggestion(for name: String, among candidates: [String]) -> String? {
    guard let s = suggestion(for: name, among: candidates) else { return nil }
    return name.unicodeScalars.count > 1 || s.unicodeScalars.count > 1 ? s : nil
  }
}
