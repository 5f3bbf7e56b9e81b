/// Units written one after another as one file (a batch: one unit per input), so that the whole
/// compiles or runs: each import and each helper is written once, the first time a unit needs
/// it, before that unit's function. The first unit is written as it is alone (``CodeUnit/text``);
/// later ones bring only the imports and helpers not yet written, then their function. The units'
/// functions must have different names (the caller names them).
///
/// MATLAB has no file of several public functions: a function file's first function is the only
/// one callable from outside. So the functions are the static methods of one class, in a class
/// file `classdef NAME … methods (Static) … end end` (saved as `NAME.m`, called `NAME.f(x)`),
/// and the helpers are local functions after the class, written by ``end()``.
public struct CodeFile {
  public let language: CodeLanguage
  /// MATLAB's class; an identifier.
  public let container: String
  private var written = Set<String>()
  private var helpers: [String] = []
  private var units = 0

  public init(language: CodeLanguage, container: String) {
    self.language = language
    self.container = language.identifier(container)
  }

  /// The text that adds `unit` to the file.
  public mutating func append(_ unit: CodeUnit) -> String {
    defer { units += 1 }
    let imports = unit.imports.filter { written.insert("import " + $0).inserted }
    let helpers = unit.helpers.filter { written.insert("helper " + $0.name).inserted }.map(\.source)
    if language == .matlab {
      self.helpers += helpers
      let methods = unit.function.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "" : "    " + $0
      }.joined(separator: "\n")
      return (units == 0 ? "classdef \(container)\n  methods (Static)\n" : "") + methods
    }
    if units == 0 { return unit.text }
    // Spaced as in a unit alone: Python leaves two blank lines after its imports, C one after
    // its helpers.
    let imported = imports.map { $0 + "\n" }.joined()
    let blank = language == .python ? "\n\n" : "\n"
    let defined = helpers.joined() + (language == .c && !helpers.isEmpty ? "\n" : "")
    return (imported.isEmpty ? "" : imported + blank) + defined + unit.function
  }

  /// What closes the file after the last unit: MATLAB's class and its helpers; nothing elsewhere.
  public func end() -> String {
    guard language == .matlab, units > 0 else { return "" }
    return "  end\nend\n" + helpers.joined()
  }
}
