/// C: the order of a function's statements. Each temporary is defined, and each variable read
/// from `x[k]` (``CodeArguments/array``), just before the first statement that uses it, instead
/// of all of them at the top:
/// - few values are live at once, so gcc keeps them in registers; written at the top, the 99
///   temporaries of rosen100's Hessian were all live across the function and spilled;
/// - C must assume the output array may alias `x`, so a read written before the first store
///   has to happen there: all the inputs were loaded, and spilled, before any work.
/// The statements that write the result keep their order, which is row by row even for CSC
/// (``CodeGenerator/sparseAssignments(_:_:)``: a row's entries share its temporaries; column by
/// column, nn30's 30 rows were all live at once and scheduling cost it 700 instructions).
/// Temporaries keep their order too (each one's operands come first): before a statement that
/// names temporary k, every pending temporary up to k is written. Measured with callgrind,
/// instructions per evaluation in the function (libm apart), all at the top → scheduled:
/// rosen100's Hessian 1,564 → 1,095, nn30 3,293 → 3,181, the EKF 193 → 172, the DH arm
/// 224 → 211, bratu200 2,201 → 1,806. Names are found by scanning each line's identifiers
/// once: O(length of the code).
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
    var next = 0
    func loadsOf(_ line: String) {
      for name in identifiers(line) {
        if let load = pendingLoads.removeValue(forKey: name) { out.append(load) }
      }
    }
    for statement in statements {
      var last = -1
      for name in identifiers(statement) { if let k = temporaryIndex[name] { last = max(last, k) } }
      while next <= last {
        loadsOf(temporaries[next].line)
        out.append(temporaries[next].line)
        next += 1
      }
      loadsOf(statement)
      out.append(statement)
    }
    for t in temporaries[next...] {
      loadsOf(t.line)
      out.append(t.line)
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
