import JacCore

/// A big sparse matrix in text, listed by its nonzero entries: `[i,j] = entry` a line.
extension AnswerFormatter {
  /// The number of nonzero entries when text lists a matrix by them, else nil: more than
  /// ``sparseMinimumEntries`` entries, at most a quarter of them nonzero. Aligned, a 200×200
  /// tridiagonal Jacobian is 40,000 padded cells, 819 KB that no one reads; listed, it is its
  /// 598 entries.
  static func listedNonzeros(_ m: Matrix) -> Int? {
    let total = m.entryCount
    guard total > sparseMinimumEntries else { return nil }
    let count = m.nonzeroCount
    return 4 * count <= total ? count : nil
  }
  static let sparseMinimumEntries = 400

  /// Whether the answer is only a matrix listed by its nonzeros (`[i,j] = entry` lines, nothing
  /// after them), which needs no measured column widths.
  func listsNonzeros(_ answer: Answer) -> Bool {
    guard case .matrix(let m) = answer.value, format.document == .text, !style.dense, answer.check == nil,
      answer.description.shape != .pattern, answer.derivations.isEmpty, answer.explanation.isEmpty,
      answer.determinantSteps == nil, answer.classification == nil
    else { return false }
    return Self.listedNonzeros(m) != nil
  }

  /// A quick upper bound on a listing's bytes (``quickBound(_:input:)`` for any other answer):
  /// the header line, each nonzero's `\n[i,j] = ` (at most as many digits as the sizes have),
  /// and its entry, bounded as ``quickBound(_:input:)`` bounds an expression: at most
  /// 16 + (the pool's longest leaf) bytes a node of its tree, and two nodes more. Nothing else
  /// is printed: not the input, nor the variables, which the general bound allows for (the
  /// general bound called Bratu's listing with n = 333,334 over 400 MB, near the output limit,
  /// so it was counted first, entry by entry, before being written: 4.8 s of printing where
  /// n = 200,000 took 1.2 s).
  func listingBound(_ m: Matrix) -> Int {
    let node = 16 + pool.longestLeaf
    let line = 8 + String(m.rows).utf8.count + String(m.columns).utf8.count
    var total = 128 + m.nonzeroCount * line
    m.forEachNonzero { _, _, e in total = min(total + (pool.treeSize(e) + 2) * node, TextLength.cap) }
    return total
  }

  /// `200x200, 598 nonzero entries (all others 0):`, then `[i,j] = entry` row by row (1-based,
  /// as `jac sparsity` and the error messages count; `[i,j]=entry` with `--compact`).
  ///
  /// Written as UTF-8 bytes into one buffer of about 64 KiB at a time (no string per line or per
  /// entry; a `String` checks grapheme boundaries at every append). A line's `\n[i,j] = ` and,
  /// when its entry is a short number (most often 1, printed once and copied after that), the
  /// entry too are made in a small buffer and appended at once (an append is a call and a copy:
  /// five a line were a third of the listing's instructions). While the
  /// answer is being counted, and when entries print as decimals (`--at`) or as ordered terms
  /// (taylor), each entry goes through ``writeText(_:_:to:)`` instead.
  func writeSparseListing(_ m: Matrix, nonzero count: Int, _ answer: Answer, to o: AnswerOutput) {
    let times = format == .unicode ? "×" : "x"
    o.write("\(m.rows)\(times)\(m.columns), \(count) nonzero \(count == 1 ? "entry" : "entries") (all others 0):")
    let equals = style.compact ? "=" : " = "
    let equalsBytes = Array(equals.utf8)
    guard !o.counting, answer.orderedTerms.isEmpty, style.exact || answer.decimals.isEmpty else {
      m.forEachNonzero { i, j, e in
        o.write("\n[\(i + 1),\(j + 1)]\(equals)")
        writeText(e, answer, to: o)
      }
      return
    }
    var chunk = TextBytes()
    chunk.bytes.reserveCapacity(Self.listingChunk + 1024)
    // A number's text (most often `1`) is printed once; the last one is kept at hand.
    var numbers: [Expr: [UInt8]] = [:]
    var last: (number: Expr, text: [UInt8])? = nil
    // `\n[i,j] = ` and an entry that is a short number, made in place and appended at once.
    var line = [UInt8](repeating: 0, count: 64)
    for i in 0..<m.rows where m.rowStarts[i] < m.rowStarts[i + 1] {
      // `\n[i,` once a row, at the start of the buffer.
      let rowEnd = line.withUnsafeMutableBufferPointer { b in
        b[0] = UInt8(ascii: "\n")
        b[1] = UInt8(ascii: "[")
        let n = TextBytes.put(decimal: UInt64(i + 1), into: b, at: 2)
        b[n] = UInt8(ascii: ",")
        return n + 1
      }
      for k in m.rowStarts[i]..<m.rowStarts[i + 1] {
        let e = m.values[k]
        var number: [UInt8]? = nil
        if pool.isNumber(e) {
          if let last, last.number == e {
            number = last.text
          } else {
            let text =
              numbers[e]
              ?? {
                var t = TextBytes()
                textPrinter.write(e, into: &t)
                return t.bytes
              }()
            numbers[e] = text
            last = (e, text)
            number = text
          }
        }
        let whole = line.withUnsafeMutableBufferPointer { b in
          var n = TextBytes.put(decimal: UInt64(m.columnIndices[k]) + 1, into: b, at: rowEnd)
          b[n] = UInt8(ascii: "]")
          n = TextBytes.put(equalsBytes, into: b, at: n + 1)
          let fits = number.map { n + $0.count <= b.count } ?? false
          if fits { n = TextBytes.put(number!, into: b, at: n) }
          chunk.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<n]))
          return fits
        }
        if !whole {
          if let number { chunk.bytes += number } else { textPrinter.write(e, into: &chunk) }
        }
        if chunk.bytes.count >= Self.listingChunk {
          o.writeVerbatim(chunk)
          chunk.bytes.removeAll(keepingCapacity: true)
        }
      }
    }
    o.writeVerbatim(chunk)
  }

  /// Bytes of a listing written at once (the standard output's buffer writes pieces this long
  /// straight from their storage).
  static let listingChunk = 1 << 16
}
