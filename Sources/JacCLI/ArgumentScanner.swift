import JacCore

/// Reads `CommandLine.arguments` (without the program name) into an ``Invocation``, following
/// swift-argument-parser's conventions: `--flag value` and `--flag=value`, `--` ends options,
/// a misspelt option gets "did you mean", a repeated option is an error.
public enum ArgumentScanner {
  public static func scan(_ arguments: [String]) throws(UsageError) -> Invocation {
    var invocation = Invocation()
    var index = 0
    var optionsEnded = false
    var misspeltCommand: (name: String, suggestions: [String])?
    // The inputs from this index on came after `--`: expressions, never command words.
    var guardedFrom = Int.max
    var newton = (from: String?.none, tolerance: Double?.none, maxIterations: Int?.none)
    var linearization = (state: [String]?.none, input: [String](), output: String?.none)
    func value(for spelling: String, inline: String?) throws(UsageError) -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.count, !arguments[index].hasPrefix("--") else {
        throw UsageError(.missingValue(spelling))
      }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      if optionsEnded || !argument.hasPrefix("-") || argument == "-" || isNegativeExpression(argument) {
        // Command names are identifiers: an expression (`x*y`) is not looked up in the catalogue.
        if !invocation.commandNamed && invocation.inputs.isEmpty && !optionsEnded && isIdentifier(argument) {
          if let command = CommandDescription.command(named: argument) {
            invocation.command = command
            invocation.commandNamed = true
            continue
          }
          let suggestions = EditDistance.suggestions(for: argument, among: CommandDescription.allNames)
          if !suggestions.isEmpty { misspeltCommand = (argument, suggestions) }
        }
        invocation.inputs.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        guardedFrom = min(guardedFrom, invocation.inputs.count)
        continue
      }
      let (spelling, inline) = split(argument)
      guard let option = Option(spelling: spelling) else {
        let long = Option.allCases.map(\.name)
        throw UsageError(
          .unknownOption(spelling, suggestions: EditDistance.suggestions(for: spelling, among: long, limit: 3)))
      }
      guard invocation.given.insert(option.canonical).inserted || option == .definitions else {
        throw UsageError(.optionRepeated(option.canonical))
      }
      if inline != nil && !option.takesValue { throw UsageError(.valueForFlag(spelling)) }
      switch option {
      case .vars: invocation.template.variables = try variableList(try value(for: spelling, inline: inline), option)
      case .wrt: invocation.template.along = try variableList(try value(for: spelling, inline: inline), option)
      case .definitions: invocation.template.definitions.append(try value(for: spelling, inline: inline))
      case .inline: invocation.template.inline = true
      case .vector: invocation.template.vectors += try variableList(try value(for: spelling, inline: inline), option)
      case .matrix: invocation.template.matrices += try variableList(try value(for: spelling, inline: inline), option)
      case .expand: invocation.template.expand = try value(for: spelling, inline: inline)
      case .symmetric:
        invocation.template.symmetric += try variableList(try value(for: spelling, inline: inline), option)
      case .funcs: invocation.template.functions = try functionList(try value(for: spelling, inline: inline))
      case .format:
        let text = try value(for: spelling, inline: inline)
        guard let format = OutputStyle.Format(rawValue: text) else { throw UsageError(.unknownFormat(text)) }
        invocation.style.format = format
      case .latex: invocation.style.format = .latex
      case .json: invocation.style.format = .json
      case .text: invocation.style.format = .text
      case .at: invocation.template.at = try bindings(try value(for: spelling, inline: inline))
      case .jvp: invocation.template.jvp = try value(for: spelling, inline: inline)
      case .vjp: invocation.template.vjp = try value(for: spelling, inline: inline)
      case .from: newton.from = try value(for: spelling, inline: inline)
      case .state: linearization.state = try variableList(try value(for: spelling, inline: inline), option)
      case .input: linearization.input = try variableList(try value(for: spelling, inline: inline), option)
      case .output: linearization.output = try value(for: spelling, inline: inline)
      case .dep: invocation.template.dependent = try variableList(try value(for: spelling, inline: inline), option)
      case .order:
        let text = try value(for: spelling, inline: inline)
        guard let k = Int(text), (0...30).contains(k) else {
          throw UsageError(.orderValue(text), command: invocation.command)
        }
        invocation.template.order = k
      case .tol:
        let text = try value(for: spelling, inline: inline)
        // Read exactly, as jac reads numbers (1e-400 is not a double's 0), then the largest
        // double at most it, so that comparing a double residual with it stays exact.
        let pool = ExpressionPool()
        guard let e = try? Parser.parseExpression(text, in: pool), let t = pool.rational(e), t.signum > 0 else {
          throw UsageError(.tolValue(text), command: .newton)
        }
        newton.tolerance = t.roundedDown
      case .maxIter:
        let text = try value(for: spelling, inline: inline)
        guard let n = Int(text), (1...100_000).contains(n) else {
          throw UsageError(.maxIterValue(text), command: .newton)
        }
        newton.maxIterations = n
      case .env:
        let text = try value(for: spelling, inline: inline)
        guard OutputStyle.environments.contains(text) else { throw UsageError(.unknownEnvironment(text)) }
        invocation.style.environment = text
      case .entry: invocation.template.entry = try entry(try value(for: spelling, inline: inline))
      case .lhs: invocation.style.lhs = true
      case .standalone: invocation.style.standalone = true
      case .withLatex: invocation.style.withLatex = true
      case .noCSE: invocation.style.sharedTemporaries = false
      case .functionName:
        let text = try value(for: spelling, inline: inline)
        guard Self.isASCIIIdentifier(text) else { throw UsageError(.functionName(text)) }
        invocation.style.functionName = text
      case .layout:
        let text = try value(for: spelling, inline: inline)
        guard let layout = CodeLayout(rawValue: text) else { throw UsageError(.unknownLayout(text)) }
        invocation.style.layout = layout
      case .arguments:
        let text = try value(for: spelling, inline: inline)
        guard let form = CodeArguments(rawValue: text) else { throw UsageError(.unknownArguments(text)) }
        invocation.style.arguments = form
      case .dense: invocation.style.dense = true
      case .compact: invocation.style.compact = true
      case .steps: invocation.template.steps = true
      case .exact:
        invocation.style.exact = true
        invocation.template.decimals = false
      case .check: invocation.template.check = true
      case .classify: invocation.template.classify = true
      case .withValue: invocation.template.withValue = true
      case .stats: invocation.stats = true
      case .volumeElement: invocation.template.volumeElement = true
      case .noSimplify: invocation.template.simplify = false
      case .assume: invocation.template.assumptions = try value(for: spelling, inline: inline)
      case .help: invocation.help = true
      case .version: invocation.version = true
      }
    }
    invocation.style.formatGiven = invocation.given.contains(.format)
    if let from = newton.from {
      invocation.template.newton = Request.NewtonSettings(
        from: from, tolerance: newton.tolerance ?? Request.NewtonSettings.defaultTolerance,
        maxIterations: newton.maxIterations ?? Request.NewtonSettings.defaultMaxIterations)
    }
    if let state = linearization.state {
      invocation.template.linearization = Request.Linearization(
        state: state, input: linearization.input, output: linearization.output)
      if let both = linearization.input.first(where: state.contains) {
        throw UsageError(.stateAndInput(both), command: invocation.command)
      }
    }
    if !invocation.help { try readHelpWord(&invocation, guardedFrom: guardedFrom) }
    if invocation.help || invocation.version { return invocation }
    try checkCommandWords(invocation, guardedFrom: guardedFrom)
    if let (name, suggestions) = misspeltCommand, invocation.inputs.count > 1 {
      throw UsageError(.unknownCommand(name, suggestions: suggestions))
    }
    try checkCombinations(invocation)
    let variables = (invocation.template.variables ?? []) + (invocation.template.along ?? [])
    if let both = invocation.template.functions.first(where: variables.contains) {
      throw UsageError(.functionAndVariable(both))
    }
    return invocation
  }

  /// `--funcs L,phi` → names of undefined functions: new names, each once.
  static func functionList(_ text: String) throws(UsageError) -> [String] {
    let names = commaSeparated(text)
    var seen = Set<String>()
    for name in names {
      guard isIdentifier(name), name != "D" else { throw UsageError(.variableName(name, option: .funcs)) }
      guard Parser.isVariableName(name) else { throw UsageError(.functionKnown(name)) }
      guard seen.insert(name).inserted else { throw UsageError(.variableRepeated(name, option: .funcs)) }
    }
    return names
  }

  /// Options that apply only to some commands (the check the engine makes too, ``Inapplicable``),
  /// then those that apply only to some formats.
  /// `[A-Za-z_][A-Za-z0-9_]*`: a name every target language accepts (one it reserves still
  /// gets its trailing `_`, ``CodeLanguage/identifier(_:)``).
  static func isASCIIIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 200 else { return false }
    func letter(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || s == "_") }
    return letter(first) && text.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
  }

  private static func checkCombinations(_ i: Invocation) throws(UsageError) {
    func fail(_ problem: UsageError.Problem) throws(UsageError) { throw UsageError(problem, command: i.command) }
    if let problem = Inapplicable.check(i.given, for: i.command) { try fail(.inapplicable(problem)) }
    let style = i.style
    let given = i.given
    if given.contains(.exact) && !given.contains(.at) { try fail(.exactWithoutPoint) }
    if given.contains(.inline) && !given.contains(.definitions) { try fail(.inlineWithoutDefinitions) }
    if !given.isDisjoint(with: [.lhs, .env, .standalone]) && style.format != .latex { try fail(.latexOnly) }
    if style.withLatex && style.format != .json { try fail(.jsonOnly) }
    if given.contains(.steps) && ![.text, .unicode, .latex].contains(style.format) { try fail(.stepsFormat) }
    if style.compact && ![.text, .json].contains(style.format) { try fail(.compactFormat) }
    if style.compact && given.contains(.steps) { try fail(.compactSteps) }
    if style.format.language == nil {
      if !style.sharedTemporaries { try fail(.codeOnly(.noCSE)) }
      if style.functionName != nil { try fail(.codeOnly(.functionName)) }
      if given.contains(.layout) { try fail(.codeOnly(.layout)) }
      if given.contains(.arguments) { try fail(.codeOnly(.arguments)) }
      if given.contains(.withValue) { try fail(.codeOnly(.withValue)) }
    }
    if style.layout == .csc && (i.command == .linearize || given.contains(.withValue)) {
      try fail(.sparseLayoutOfSeveral)
    }
    if let language = style.format.language {
      if i.command.description.code == nil { try fail(.noCode(i.command, language)) }
      if i.template.isMatrixCalculus && language != .python { try fail(.matrixCode(language)) }
      if i.template.isMatrixCalculus {
        for option in [Option.layout, .arguments, .withValue] where given.contains(option) {
          try fail(.matrixCodeOption(option))
        }
      }
      if !given.isDisjoint(with: [.at, .check, .volumeElement]) { try fail(.codeOfValues(language)) }
    }
  }

  /// `2,1` (row, column) or `2` (row of a gradient), from 1.
  static func entry(_ text: String) throws(UsageError) -> (row: Int, column: Int) {
    let parts = commaSeparated(text).map { Int($0) }
    guard (1...2).contains(parts.count), parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
      throw UsageError(.entryValue(text))
    }
    return (parts[0]!, parts.count == 2 ? parts[1]! : 1)
  }

  /// `r=2,t=pi/3` → bindings. Values are expressions, or vectors and matrices in brackets
  /// (`x=[1, 2], A=[1, 2; 3, 4]`); commas inside parentheses or brackets do not split.
  static func bindings(_ text: String) throws(UsageError) -> [Request.Binding] {
    var pieces: [String] = []
    var current = ""
    var depth = 0
    for c in text {
      if c == "(" || c == "[" { depth += 1 }
      if c == ")" || c == "]" { depth -= 1 }
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
        throw UsageError(.pointPair(piece))
      }
      let name = String(piece[..<eq]).trimmingSpaces
      let value = String(piece[piece.index(after: eq)...])
      guard isIdentifier(name), Parser.isVariableName(name) else {
        throw UsageError(.variableName(name, option: .at))
      }
      guard !result.contains(where: { $0.name == name }) else {
        throw UsageError(.pointRepeated(name))
      }
      guard !value.allSatisfy({ $0 == " " }) else {
        throw UsageError(.pointValueMissing(name))
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

  /// `x,y,theta` → names; each must be a valid variable name, no duplicates. A piece
  /// `u1..u100000` is the range u1, u2, …, u100000 (``nameRange(_:_:)``).
  static func variableList(_ text: String, _ option: Option) throws(UsageError) -> [String] {
    var names: [String] = []
    for piece in commaSeparated(text) {
      if piece.utf8.count > 2, piece.contains("..") {
        names += try nameRange(piece, option)
      } else {
        names.append(piece)
      }
    }
    // A short list is checked for repeats by comparing names: a `Set<String>` costs a hashed
    // table's generic metadata at start-up (issue 20); a long list (20,000 names) needs one.
    var seen = names.count > 16 ? Set<String>() : nil
    for (i, name) in names.enumerated() {
      guard isIdentifier(name) else {
        throw UsageError(.variableName(name, option: option))
      }
      guard Parser.isVariableName(name) else {
        throw UsageError(.notAVariable(name, option: option))
      }
      if option == .vars || option == .state || option == .input || option == .dep {
        let repeated = seen != nil ? !seen!.insert(name).inserted : names[..<i].contains(name)
        guard !repeated else { throw UsageError(.variableRepeated(name, option: option)) }
      }
    }
    return names
  }

  /// `u1..u100000` → u1, u2, …, u100000: the same name before the digits on both sides, the
  /// first number at most the last, numbers written without leading zeros, at most
  /// ``Limits/variables`` names. A system of 100,000 equations has more variable names than one
  /// command-line argument holds (Linux caps it at 128 KiB, about 20,000 names).
  static func nameRange(_ piece: String, _ option: Option) throws(UsageError) -> [String] {
    let bad = UsageError(.variableRange(piece, option: option))
    let parts = piece.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[1].isEmpty else { throw bad }
    func split(_ name: Substring) -> (prefix: Substring, number: Int)? {
      let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }.count
      guard digits > 0, digits < name.count, digits <= 7 else { return nil }
      let number = name.suffix(digits)
      guard number == "0" || number.first != "0" else { return nil }
      return (name.dropLast(digits), Int(number)!)
    }
    guard let first = split(parts[0]), let last = split(parts[2]), first.prefix == last.prefix,
      first.number <= last.number, last.number - first.number < Limits.variables
    else { throw bad }
    return (first.number...last.number).map { "\(first.prefix)\($0)" }
  }

  static func isIdentifier(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      guard let first = bytes.first else { return false }
      if bytes.allSatisfy({ $0 < 0x80 }) {
        // ASCII: a letter or `_`, then letters, digits and `_` (Lexer.isIdentifierStart).
        func letter(_ b: UInt8) -> Bool { b == 95 || ((b | 0x20) >= 97 && (b | 0x20) <= 122) }
        return letter(first) && bytes.allSatisfy { letter($0) || ($0 >= 48 && $0 <= 57) }
      }
      let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
      guard let first = scalars.first, Lexer.isIdentifierStart(first) else { return false }
      return scalars.allSatisfy(Lexer.isIdentifierContinue)
    }
  }

  /// The pieces of `text` between commas, each without leading and trailing spaces (`"r, t"` →
  /// `["r", "t"]`; empty pieces kept). ASCII text is cut on its bytes, one pass and one string
  /// a piece (a `--vars` list of 20,000 names went from 650M to a few million instructions);
  /// other text by `Character`, so a comma or space joined to a combining mark stays whole.
  static func commaSeparated(_ text: String) -> [String] {
    var text = text
    let ascii: [String]? = text.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var pieces: [String] = []
      var start = 0
      for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
        var a = start
        var b = i
        while a < b && bytes[a] == UInt8(ascii: " ") { a += 1 }
        while b > a && bytes[b - 1] == UInt8(ascii: " ") { b -= 1 }
        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
        start = i + 1
      }
      return pieces
    }
    return ascii ?? text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
  }
}

extension String {
  /// Without leading and trailing spaces.
  var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
