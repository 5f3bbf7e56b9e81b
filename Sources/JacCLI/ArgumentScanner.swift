import JacCore

/// Reads `CommandLine.arguments` (without the program name) into an ``Invocation``, following
/// swift-argument-parser's conventions: `--flag value` and `--flag=value`, `--` ends options,
/// a misspelt option gets "did you mean", a repeated option is an error.
public enum ArgumentScanner {
  static let commandAliases: [String: Request.Command] = [
    "jacobian": .jacobian, "det": .det, "determinant": .det, "grad": .grad, "gradient": .grad,
    "hessian": .hessian, "diff": .diff, "simplify": .simplify,
  ]
  static let valueOptions = ["--vars", "--wrt", "--format"]
  static let flagOptions = ["--latex", "--json", "--text", "--no-simplify", "--help", "-h", "--version"]

  public static func scan(_ arguments: [String]) throws(UsageError) -> Invocation {
    var invocation = Invocation()
    var seen = Set<String>()
    var index = 0
    var optionsEnded = false
    func value(for option: String, inline: String?) throws(UsageError) -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.count, !arguments[index].hasPrefix("--") else {
        throw UsageError(message: "missing value for '\(option)'", command: nil)
      }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      if optionsEnded || !argument.hasPrefix("-") || argument == "-" || isNegativeExpression(argument) {
        if !invocation.commandNamed && invocation.inputs.isEmpty && !optionsEnded,
          let command = commandAliases[argument]
        {
          invocation.command = command
          invocation.commandNamed = true
        } else {
          invocation.inputs.append(argument)
        }
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inline) = split(argument)
      guard valueOptions.contains(name) || flagOptions.contains(name) else {
        let suggestion = closest(name)
        throw UsageError(
          message: "unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), command: nil)
      }
      let key = ["--latex", "--json", "--text"].contains(name) ? "--format" : (name == "-h" ? "--help" : name)
      guard seen.insert(key).inserted else {
        throw UsageError(message: "option '\(key)' given more than once", command: nil)
      }
      if inline != nil && !valueOptions.contains(name) {
        throw UsageError(message: "option '\(name)' takes no value", command: nil)
      }
      switch name {
      case "--vars": invocation.variables = try variableList(try value(for: name, inline: inline), option: name)
      case "--wrt": invocation.along = try variableList(try value(for: name, inline: inline), option: name)
      case "--format":
        let text = try value(for: name, inline: inline)
        guard let format = Invocation.Format(rawValue: text) else {
          throw UsageError(message: "unknown format '\(text)'; expected text, latex or json", command: nil)
        }
        invocation.format = format
      case "--latex": invocation.format = .latex
      case "--json": invocation.format = .json
      case "--text": invocation.format = .text
      case "--no-simplify": invocation.simplify = false
      case "--help", "-h": invocation.help = true
      case "--version": invocation.version = true
      default: break
      }
    }
    if invocation.along != nil && invocation.command != .diff {
      throw UsageError(message: "'--wrt' applies to diff only; use '--vars'", command: invocation.command)
    }
    return invocation
  }

  /// `-x^2` and `-1` are expressions, not options.
  private static func isNegativeExpression(_ argument: String) -> Bool {
    guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument != "-h" else { return false }
    return true
  }

  private static func split(_ argument: String) -> (String, String?) {
    guard let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
  }

  private static func closest(_ name: String) -> String? {
    var best: (String, Int)?
    for candidate in valueOptions + flagOptions where candidate.hasPrefix("--") {
      let d = EditDistance.between(name, candidate)
      if d <= 3, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }

  /// `x,y,theta` → names; each must be a valid variable name, no duplicates.
  static func variableList(_ text: String, option: String) throws(UsageError) -> [String] {
    let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
    var seen = Set<String>()
    for name in names {
      guard isIdentifier(name) else {
        throw UsageError(message: "invalid variable name '\(name)' in '\(option)'", command: nil)
      }
      guard Parser.isVariableName(name) else {
        throw UsageError(message: "'\(name)' in '\(option)' is a function or constant, not a variable", command: nil)
      }
      if option == "--vars" {
        guard seen.insert(name).inserted else {
          throw UsageError(message: "variable '\(name)' listed twice in '\(option)'", command: nil)
        }
      }
    }
    return names
  }

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, Lexer.isIdentifierStart(first) else { return false }
    return name.unicodeScalars.allSatisfy(Lexer.isIdentifierContinue)
  }
}
