/// A generated unit in its parts: the imports (C's includes, Python's and Swift's imports, Julia's
/// `using`), the helper functions its calls need (``CodeLanguage/helpers(for:)``), and the rest
/// (the function, with CSC's pattern). ``text`` is the unit on its own; ``CodeFile`` writes
/// several units as one file, each import and helper once.
public struct CodeUnit {
  public let language: CodeLanguage
  /// One line each, in the unit's order (`#include <math.h>`, `import numpy as np`).
  public let imports: [String]
  /// Each helper's name and definition, every helper after those it calls.
  public let helpers: [(name: String, source: String)]
  /// The function, with its comment and any data written beside it; no imports, no helpers.
  public let function: String
  /// The complete unit as it is written alone: the imports, the helpers, then the function
  /// (MATLAB: the helpers after it, as local functions).
  public let text: String

  public init(
    language: CodeLanguage, imports: [String], helpers: [(name: String, source: String)], function: String,
    text: String
  ) {
    self.language = language
    self.imports = imports
    self.helpers = helpers
    self.function = function
    self.text = text
  }

  /// The unit alone, laid out as jac has always written it:
  ///
  ///   C       #include <math.h> ␤␤ helpers ␤ function
  ///   Python  import math ␤ [␤ import numpy as np ␤ …] ␤␤ helpers function
  ///   Swift   import Foundation ␤␤ helpers function
  ///   Julia   helpers [using SparseArrays ␤␤] function
  ///   MATLAB  function helpers
  init(language: CodeLanguage, imports: [String], helpers: [(name: String, source: String)], function: String) {
    let defined = helpers.map(\.source).joined()
    let text: String
    switch language {
    case .c: text = imports.map { $0 + "\n" }.joined() + "\n" + (defined.isEmpty ? "" : defined + "\n") + function
    case .python:
      let more = imports.dropFirst().map { $0 + "\n" }.joined()
      text = (imports.first ?? "") + "\n" + (more.isEmpty ? "" : "\n" + more) + "\n\n" + defined + function
    case .swift: text = imports.map { $0 + "\n" }.joined() + "\n" + defined + function
    case .julia: text = defined + imports.map { $0 + "\n\n" }.joined() + function
    case .matlab: text = function + defined
    }
    self.init(language: language, imports: imports, helpers: helpers, function: function, text: text)
  }
}
