/// The names the parser knows: functions (as typed, with `ln` and `sqrt`) and constants; every
/// other identifier is a variable.
extension Parser {
  /// Function names, as typed, and what they mean. `sqrt(u)` is `u^(1/2)`; `ln` is `log`.
  public static let functionNames: [String] = Function.allCases.map(\.name) + ["ln", "sqrt"] + operators.map(\.name)

  /// The functions of several arguments.
  static let operators: [Operator] = [.atan2]

  /// What a function name calls.
  enum Callee {
    /// A function of one argument; nil is `sqrt`, a power.
    case unary(Function?)
    /// A function of several arguments.
    case several(Operator)
  }

  /// The callee a name denotes, if it is a function name.
  static func callee(named name: String) -> Callee? {
    if let f = function(named: name) { return .unary(f) }
    return operators.first { $0.name == name }.map(Callee.several)
  }
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
    callee(named: name) == nil && !constantNames.contains(name)
  }
}
