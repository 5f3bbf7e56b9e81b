/// Python: the `math` functions a body calls twice or more, bound to local names at its start,
///
///   cos, sin = math.cos, math.sin
///   t0 = cos(q1)
///
/// so that each call reads a local instead of the global `math` and then its attribute: arm50's
/// Jacobian (100 calls of cos and sin) ran in 9.7 µs an evaluation instead of 10.5 (CPython
/// 3.11, timeit, best of 9; the workloads with fewer calls did not move). A function called
/// once keeps `math.` (binding it costs what it saves), and so does a name the function
/// already uses (a variable called `copysign`).
extension CodeGenerator {
  /// `lines` with the aliases bound first and their calls written bare; the names taken.
  func withMathAliases(_ lines: [String], used: inout Set<String>) -> [String] {
    guard language == .python else { return lines }
    var counts: [Substring: Int] = [:]
    for line in lines {
      for name in Self.mathCalls(line) { counts[name, default: 0] += 1 }
    }
    let names = counts.filter { $0.value >= 2 && !used.contains(String($0.key)) }.keys.map(String.init).sorted()
    guard !names.isEmpty else { return lines }
    used.formUnion(names)
    let bound = "    " + names.joined(separator: ", ") + " = " + names.map { "math." + $0 }.joined(separator: ", ")
    return [bound]
      + lines.map { line in names.reduce(line) { $0.replacing("math.\($1)(", with: "\($1)(") } }
  }

  /// The names `f` of the calls `math.f(` in a line of Python.
  static func mathCalls(_ line: String) -> [Substring] {
    line.ranges(of: "math.").compactMap { r in
      let rest = line[r.upperBound...]
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      return !name.isEmpty && rest.dropFirst(name.count).first == "(" ? name : nil
    }
  }
}
