import JacCore

/// A batch's code (`--format c|python|swift|julia|matlab` on standard input): every answered
/// line's unit goes into one file (``CodeFile``: each import and helper once), so the output
/// compiles or runs as a whole. The function of line k is `NAME_k` (`jacobian_3`; `--name F`:
/// `F_3`), k the line number the batch reports in its errors; MATLAB's functions are the static
/// methods of the class `NAME`. A class because the session feeds it a line at a time and the
/// formatter writes the unit; the generator knows nothing of lines.
final class CodeBatch {
  let language: CodeLanguage
  /// The line being answered.
  var line = 0
  private var file: CodeFile?

  init(language: CodeLanguage) {
    self.language = language
  }

  /// The function name of the line being answered, from the name it would have alone.
  func name(_ base: String) -> String { "\(base)_\(line)" }

  /// The text that adds `unit` (whose function would be named `base` alone) to the batch's file.
  func append(_ unit: CodeUnit, base: String) -> String {
    var file = self.file ?? CodeFile(language: language, container: base)
    defer { self.file = file }
    return file.append(unit)
  }

  /// What closes the file after the last line (MATLAB's `end`s and helpers), or "".
  func end() -> String { file?.end() ?? "" }
}
