/// C, `--arguments array`: each variable is read from `x[k]` just before the first statement
/// that uses it, not all at the top. C must assume the output array may alias `x`, so a read
/// written before the first store has to happen there: all the inputs were loaded before any
/// work and, more than fit in registers, spilled to the stack and reloaded (bratu200's 200
/// inputs, rosen100's 100). Read where they are used, they stay in registers. Measured with
/// callgrind, instructions per evaluation of the CSC unit: bratu200 2,201 → 1,806 in the
/// function (plus 200 calls of exp), rosen100's Hessian 1,565 → 1,414, nn30 3,217 → 3,189.
///
/// Temporaries stay where they are, in order before the statements that write the result:
/// moving each one down to just before its first use as well cut rosen100 further (1,193) but
/// cost nn30 700 instructions (its temporaries are used all over the function, and with the
/// stores in between, gcc spilled what it had reloaded from `x`).
///
/// Names are found by scanning each line's identifiers once: O(length of the code).
enum CodeSchedule {
  /// `lines` in order, each preceded by the `loads` of the variables it is the first to name.
  static func ordered(_ lines: [String], loads: [(name: String, line: String)]) -> [String] {
    var pending: [Substring: String] = [:]
    for l in loads { pending[Substring(l.name)] = l.line }
    var out: [String] = []
    out.reserveCapacity(lines.count + loads.count)
    for line in lines {
      for name in identifiers(line) {
        if let load = pending.removeValue(forKey: name) { out.append(load) }
      }
      out.append(line)
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
