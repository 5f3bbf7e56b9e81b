/// The names the parser knows: functions (as typed, with `ln` and `sqrt`) and constants; every
/// other identifier is a variable.
extension Parser {
  /// Function names, as typed, and what they mean. `sqrt(u)` is `u^(1/2)`; `ln` is `log`.
  public static let functionNames: [String] = Function.allCases.map(\.name) + ["ln", "sqrt"]
  /// Names that are neither variables nor functions.
  public static let constantNames: [String] = ["pi", "π", "e"]

  /// The function a name denotes: `.some(nil)` is `sqrt`.
  static func function(named name: String) -> Function?? {
    functionsByName[name]
  }

  /// Every function name: `sqrt` (a power, so no ``Function``), `ln` for `log`, and the rest.
  private static let functionsByName: [String: Function?] = {
    var names: [String: Function?] = ["sqrt": Function?.none, "ln": Function.log]
    for f in Function.allCases { names[f.name] = f }
    return names
  }()

  public static func isVariableName(_ name: String) -> Bool {
    function(named: name) == nil && !constantNames.contains(name)
  }
}
