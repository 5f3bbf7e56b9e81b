/// How a matrix result is laid out in the flat array of C and Swift, and in memory in Python
/// (Julia and MATLAB return a matrix, whatever the layout).
public enum CodeLayout: String, CaseIterable, Sendable {
  /// Row-major: entry (i, j) of an m×n matrix at i·n + j (C's own arrays, NumPy's default).
  case row
  /// Column-major: entry (i, j) at j·m + i (Fortran, LAPACK, SUNDIALS dense matrices).
  case col
  /// Compressed sparse column: the nonzeros by column and their pattern (``SparsePattern``).
  case csc
}
