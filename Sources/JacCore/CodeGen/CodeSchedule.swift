/// C: the order of a function's statements. Each temporary is defined, and each variable read
/// from `x[k]` (``CodeArguments/array``), just before the first statement that uses it, instead
/// of all of them at the top:
/// - few values are live at once, so gcc keeps them in registers; written at the top, the 99
///   temporaries of rosen100's Hessian were all live across the function and spilled;
/// - a read written at the top has to happen there: all the inputs were loaded, and spilled,
///   before any work. (The output is `restrict` when the function reads `x`, so gcc may move a
///   read across the stores: ``CodeGenerator/outputArrays(_:after:)``.)
/// The statements that write the result keep their order: row by row for a dense result, in
/// nzval's order (column by column) for CSC (``CodeGenerator/sparseAssignments(_:_:)``). Before
/// a statement come exactly the temporaries it needs that are not yet written (those it names,
/// and theirs), in their order (each one's operands come first). Measured with callgrind,
/// instructions per evaluation in the function (libm apart), all at the top → scheduled:
/// rosen100's Hessian 1,564 → 1,095, nn30 3,293 → 3,181, the EKF 193 → 172, the DH arm
/// 224 → 211, bratu200 2,201 → 1,806. Writing every pending temporary up to the last one a
/// statement names (session 9) computed all of nn30's rows before its first column in CSC:
/// 5,757 instructions an evaluation against 5,598 now. Names are found by scanning each line's
/// identifiers once: O(length of the code).
enum CodeSchedule {
  /// `statements` in order, each preceded by the `temporaries` (in their order) and `loads` it is
  /// the first to need; `temporaries` no statement names (there are none) come last.
  static func ordered(
    statements: [String], temporaries: [(name: String, line: String)], loads: [(name: String, line: String)]
  ) -> [String] {
    var temporaryIndex: [Substring: Int] = [:]
    for (k, t) in temporaries.enumerated() { temporaryIndex[Substring(t.name)] = k }
    var pendingLoads: [Substring: String] = [:]
    for l in loads { pendingLoads[Substring(l.name)] = l.line }
    var out: [String] = []
    out.reserveCapacity(statements.count + temporaries.count + loads.count)
    var written = [Bool](repeating: false, count: temporaries.count)
    /// Writes `line` after the temporaries it needs that are not yet written (those it names
    /// and theirs, in their order: a temporary names only earlier ones) and the loads it is the
    /// first to need. Iterative: temporaries nest 10,000 deep.
    func write(_ line: String) {
      var needed: [Int] = []
      var names = identifiers(line)
      while let name = names.popLast() {
        guard let k = temporaryIndex[name], !written[k] else { continue }
        written[k] = true
        needed.append(k)
        names += identifiers(temporaries[k].line)
      }
      for k in needed.sorted() { emit(temporaries[k].line) }
      emit(line)
    }
    func emit(_ line: String) {
      for name in identifiers(line) {
        if let load = pendingLoads.removeValue(forKey: name) { out.append(load) }
      }
      out.append(line)
    }
    for statement in statements { write(statement) }
    for k in temporaries.indices where !written[k] {
      written[k] = true
      write(temporaries[k].line)
    }
    return out
  }

  /// The identifiers in a line of C, in order: runs of letters, digits and `_` that start with
  /// a letter or `_` and do not continue a number (`e` in `2.5e-05`).
  static func identifiers(_ line: String) -> [Substring] {
    var names: [Substring] = []
    let bytes = line.utf8
    var i = bytes.startIndex
    var previous: UInt8 = 0
    while i != bytes.endIndex {
      let c = bytes[i]
      let startsName = isLetter(c) && !isDigit(previous) && previous != UInt8(ascii: ".") && !isLetter(previous)
      if startsName {
        var j = bytes.index(after: i)
        while j != bytes.endIndex, isLetter(bytes[j]) || isDigit(bytes[j]) { j = bytes.index(after: j) }
        names.append(line[i..<j])
        previous = bytes[bytes.index(before: j)]
        i = j
        continue
      }
      previous = c
      i = bytes.index(after: i)
    }
    return names
  }

  private static func isLetter(_ c: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
      || c == UInt8(ascii: "_")
  }

  private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
}
