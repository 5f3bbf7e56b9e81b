import JacCore

/// Reads `CommandLine.arguments` (without the program name) into an ``Invocation``, following
/// swift-argument-parser's conventions: `--flag value` and `--flag=value`, `--` ends options,
/// a misspelt option gets "did you mean", a repeated option is an error.
public enum ArgumentScanner {
  static let commandAliases: [String: Request.Command] = [
    "jacobian": .jacobian, "det": .det, "determinant": .det, "grad": .grad, "gradient": .grad,
    "hessian": .hessian, "diff": .diff, "simplify": .simplify, "inverse": .inverse, "newton": .newton,
    "sparsity": .sparsity,
  ]
  static let valueOptions = [
    "--vars", "--wrt", "--format", "--at", "--jvp", "--vjp", "--from", "--tol", "--max-iter", "--env", "--entry",
  ]
  static let flagOptions = [
    "--latex", "--json", "--text", "--no-simplify", "--exact", "--check", "--volume-element", "--stats", "--help", "-h",
    "--version", "--lhs", "--standalone", "--with-latex", "--no-cse", "--dense", "--compact", "--steps",
  ]

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
      if key == "--format" { invocation.formatGiven = true }
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
          throw UsageError(
            message: "unknown format '\(text)'; expected "
              + Invocation.Format.allCases.map(\.rawValue).joined(separator: ", "), command: nil)
        }
        invocation.format = format
      case "--at": invocation.at = try bindings(try value(for: name, inline: inline))
      case "--jvp": invocation.jvp = try value(for: name, inline: inline)
      case "--vjp": invocation.vjp = try value(for: name, inline: inline)
      case "--from": invocation.newtonFrom = try value(for: name, inline: inline)
      case "--tol":
        let text = try value(for: name, inline: inline)
        guard let t = Double(text), t.isFinite, t > 0 else {
          throw UsageError(message: "'--tol' needs a positive number, found '\(text)'", command: .newton)
        }
        invocation.tolerance = t
      case "--max-iter":
        let text = try value(for: name, inline: inline)
        guard let n = Int(text), (1...100_000).contains(n) else {
          throw UsageError(
            message: "'--max-iter' needs a whole number from 1 to 100000, found '\(text)'", command: .newton)
        }
        invocation.maxIterations = n
      case "--env":
        let text = try value(for: name, inline: inline)
        guard Invocation.environments.contains(text) else {
          throw UsageError(
            message: "unknown matrix environment '\(text)'; expected "
              + Invocation.environments.joined(separator: ", "), command: nil)
        }
        invocation.environment = text
      case "--lhs": invocation.lhs = true
      case "--standalone": invocation.standalone = true
      case "--with-latex": invocation.withLatex = true
      case "--no-cse": invocation.noCSE = true
      case "--dense": invocation.dense = true
      case "--compact": invocation.compact = true
      case "--steps": invocation.steps = true
      case "--entry":
        let text = try value(for: name, inline: inline)
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
          throw UsageError(
            message: "'--entry' takes a row and a column from 1, e.g. 2,1; found '\(text)'", command: nil)
        }
        invocation.entry = (parts[0]!, parts.count == 2 ? parts[1]! : 1)
      case "--exact": invocation.exact = true
      case "--check": invocation.check = true
      case "--stats": invocation.stats = true
      case "--volume-element": invocation.volumeElement = true
      case "--latex": invocation.format = .latex
      case "--json": invocation.format = .json
      case "--text": invocation.format = .text
      case "--no-simplify": invocation.simplify = false
      case "--help", "-h": invocation.help = true
      case "--version": invocation.version = true
      default: break
      }
    }
    if !invocation.help && !invocation.version { try checkCombinations(invocation) }
    return invocation
  }

  /// Options that apply only to some commands, or not together.
  private static func checkCombinations(_ i: Invocation) throws(UsageError) {
    func fail(_ message: String) throws(UsageError) { throw UsageError(message: message, command: i.command) }
    let command = i.command
    if i.along != nil && command != .diff { try fail("'--wrt' applies to diff only; use '--vars'") }
    if (i.jvp != nil || i.vjp != nil) && command != .jacobian { try fail("'--jvp' and '--vjp' apply to jacobian only") }
    if i.jvp != nil && i.vjp != nil { try fail("give '--jvp' or '--vjp', not both") }
    if i.check && ![.jacobian, .grad, .hessian, .diff].contains(command) {
      try fail("'--check' applies to jacobian, grad, hessian and diff")
    }
    if i.check && (i.jvp != nil || i.vjp != nil) { try fail("'--check' checks the Jacobian; drop '--jvp'/'--vjp'") }
    if command == .newton {
      if i.newtonFrom == nil { try fail("newton needs a starting point: '--from 1,1'") }
      if i.at != nil { try fail("'--at' does not apply to newton; the start is '--from'") }
    } else if i.newtonFrom != nil || i.tolerance != nil || i.maxIterations != nil {
      try fail("'--from', '--tol' and '--max-iter' apply to newton only")
    }
    if i.exact && i.at == nil { try fail("'--exact' applies with '--at'") }
    if i.volumeElement && command != .det { try fail("'--volume-element' applies to det only") }
    if (i.lhs || i.environment != nil || i.standalone) && i.format != .latex {
      try fail("'--lhs', '--env' and '--standalone' apply to LaTeX output; add '--latex'")
    }
    if i.withLatex && i.format != .json { try fail("'--with-latex' applies to JSON output; add '--json'") }
    if i.entry != nil && !i.steps { try fail("'--entry' chooses the entry '--steps' explains; add '--steps'") }
    if i.steps {
      if ![.jacobian, .grad, .diff].contains(command) { try fail("'--steps' applies to jacobian, grad and diff") }
      if ![.text, .unicode, .latex].contains(i.format) { try fail("'--steps' prints text, unicode or LaTeX") }
      if i.at != nil || i.jvp != nil || i.vjp != nil || i.check {
        try fail("'--steps' explains the symbolic result; drop '--at', '--jvp', '--vjp' and '--check'")
      }
    }
    if i.compact && ![.text, .json].contains(i.format) { try fail("'--compact' applies to text and JSON output") }
    if i.compact && i.steps { try fail("'--steps' explains in full; drop '--compact'") }
    if i.noCSE && i.format.language == nil { try fail("'--no-cse' applies to code output ('--format c' and the like)") }
    if let language = i.format.language {
      if [.newton, .sparsity].contains(command) {
        try fail("\(command.rawValue) has no '--format \(language.rawValue)'")
      }
      if i.at != nil || i.check || i.volumeElement {
        try fail(
          "'--format \(language.rawValue)' generates code for the symbolic result; drop '--at', '--check' and '--volume-element'"
        )
      }
    }
    if command == .sparsity && (i.at != nil || i.check || i.jvp != nil || i.vjp != nil) {
      try fail("sparsity is the symbolic pattern; '--at', '--check', '--jvp' and '--vjp' do not apply")
    }
  }

  /// `r=2,t=pi/3` → bindings. Values are expressions; commas inside parentheses do not split.
  static func bindings(_ text: String) throws(UsageError) -> [Request.Binding] {
    var pieces: [String] = []
    var current = ""
    var depth = 0
    for c in text {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if c == "," && depth <= 0 {
        pieces.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    pieces.append(current)
    var result: [Request.Binding] = []
    for piece in pieces {
      guard let eq = piece.firstIndex(of: "=") else {
        throw UsageError(message: "'--at' takes name=value pairs, found '\(piece)'", command: nil)
      }
      let name = String(piece[..<eq]).trimmingSpaces
      let value = String(piece[piece.index(after: eq)...])
      guard isIdentifier(name), Parser.isVariableName(name) else {
        throw UsageError(message: "invalid variable name '\(name)' in '--at'", command: nil)
      }
      guard !result.contains(where: { $0.name == name }) else {
        throw UsageError(message: "variable '\(name)' given twice in '--at'", command: nil)
      }
      guard !value.allSatisfy({ $0 == " " }) else {
        throw UsageError(message: "no value for '\(name)' in '--at'", command: nil)
      }
      result.append(Request.Binding(name: name, value: value))
    }
    return result
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
    let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
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

extension String {
  /// Without leading and trailing spaces.
  var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
