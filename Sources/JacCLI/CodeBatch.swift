import JacCore

/// A batch's code (`--format c|python|swift|julia|matlab` on standard input): every answered
/// line's unit goes into one file (``CodeFile``: each import and helper once), so the output
/// compiles or runs as a whole. The function of line k is `NAME_k` (`jacobian_3`; `--name F`:
/// `F_3`), k the line number the batch reports in its errors; MATLAB's functions are the static
/// methods of the class `NAME`. A class because the session feeds it a line at a time and the
/// formatter writes the unit; the generator knows nothing of lines.
///
/// Standard input with one answered line gives what that input as an argument gives (`echo
/// "x*y" | jac --format c` is `jac "x*y" --format c`): the first unit is held, in both forms,
/// until a second one comes (then it is written as `NAME_k`) or the input ends (then alone).
final class CodeBatch {
  let language: CodeLanguage
  /// The line being answered: its function is `NAME_line`.
  var line = 0
  private var file: CodeFile?
  private var held: (alone: CodeUnit, numbered: CodeUnit, base: String)?

  init(language: CodeLanguage) {
    self.language = language
  }

  /// Whether the next unit is the first: its form alone is wanted too.
  var isEmpty: Bool { file == nil && held == nil }
  /// Whether the first unit is held (nothing of the batch written yet).
  var isHolding: Bool { held != nil }

  /// The text that adds a unit (whose function would be named `base` alone) to the batch's
  /// file: nothing for the first (held), the held one and this one for the second.
  func add(_ unit: CodeUnit, alone: CodeUnit?, base: String) -> String {
    if isEmpty, let alone {
      held = (alone, unit, base)
      return ""
    }
    var text = ""
    if let first = held {
      text = append(first.numbered, base: first.base) + "\n"
      held = nil
    }
    return text + append(unit, base: base)
  }

  private func append(_ unit: CodeUnit, base: String) -> String {
    var file = self.file ?? CodeFile(language: language, container: base)
    defer { self.file = file }
    return file.append(unit)
  }

  /// What ends the output after the last line: the held unit alone, when it was the only one;
  /// else what closes the file (MATLAB's `end`s and helpers), or "".
  func end() -> String { held.map { $0.alone.text + "\n" } ?? file?.end() ?? "" }
}
