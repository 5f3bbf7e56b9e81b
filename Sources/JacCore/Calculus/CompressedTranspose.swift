/// Compressed sparse rows turned into compressed sparse columns, or columns into rows: a
/// counting sort, O(lines + cross lines + entries).
///
/// The input has `lines` lines (rows, say); line i's entries are at positions
/// `starts[i] ..< starts[i + 1]`, in the cross lines (columns) `indices[k]`. The result lists the
/// same entries cross line by cross line, and within one by line, increasing.
struct CompressedTranspose {
  /// Where each cross line's entries start (`crossLines + 1` of them).
  let starts: [Int]
  /// The line of each entry, cross line by cross line.
  let lines: [Int32]
  /// The position in the input of each entry, in the same order.
  let order: [Int]

  init(lines lineCount: Int, crossLines: Int, starts lineStarts: [Int], indices: [Int32]) {
    var starts = Array(repeating: 0, count: crossLines + 1)
    for j in indices { starts[Int(j) + 1] += 1 }
    for j in 0..<crossLines { starts[j + 1] += starts[j] }
    var next = starts
    var lines = Array(repeating: Int32(0), count: indices.count)
    var order = Array(repeating: 0, count: indices.count)
    for i in 0..<lineCount {
      for k in lineStarts[i]..<lineStarts[i + 1] {
        let j = Int(indices[k])
        lines[next[j]] = Int32(i)
        order[next[j]] = k
        next[j] += 1
      }
    }
    self.starts = starts
    self.lines = lines
    self.order = order
  }
}
