import JacCore

/// Positional arguments that are words of a command line rather than functions: `help`, other
/// tools' commands (``ForeignCommand``) and jac's own commands out of place. Each is an error or
/// help, never the Jacobian of a variable that happens to be spelt like a command. Inputs from
/// `guardedFrom` on came after `--` and are always expressions.
extension ArgumentScanner {
  /// `jac help` is `jac --help`; `jac help diff` is `jac diff --help`; help of a word that is no
  /// command is an error with a suggestion.
  static func readHelpWord(_ invocation: inout Invocation, guardedFrom: Int) throws(UsageError) {
    let inputs = invocation.inputs
    guard !invocation.commandNamed, guardedFrom > 0, inputs.first == "help" else { return }
    if inputs.count > 1 && guardedFrom > 1 {
      let topic = inputs[1]
      guard let command = CommandDescription.command(named: topic) else {
        let suggestions = EditDistance.suggestions(for: topic, among: CommandDescription.allNames)
        throw UsageError(.helpTopic(topic, suggestions: suggestions))
      }
      invocation.command = command
      invocation.commandNamed = true
    }
    invocation.help = true
    invocation.inputs = []
  }

  /// A first argument that is another tool's command (`jac integrate "x^2"`), and a jac command
  /// after the functions (`jac "x^2*y" grad`). A word is taken for a variable, not a command, when
  /// `--vars` or `--wrt` lists it or another argument uses it (`jac rank "rank*x"`); a word of
  /// one or two letters (`d`, `tr`) alone is a variable too.
  static func checkCommandWords(_ invocation: Invocation, guardedFrom: Int) throws(UsageError) {
    let inputs = invocation.inputs
    func isVariable(_ word: String, besides k: Int) -> Bool {
      let template = invocation.template
      return (template.variables ?? []).contains(word) || (template.along ?? []).contains(word)
        || inputs.indices.contains { $0 != k && names(in: inputs[$0]).contains(word) }
    }
    // Most first arguments are expressions: the table is read only for a bare name.
    if !invocation.commandNamed, guardedFrom > 0, let first = inputs.first, isIdentifier(first),
      let foreign = ForeignCommand.named(first),
      inputs.count > 1 || foreign.isErrorAlone, !isVariable(first, besides: 0)
    {
      throw UsageError(.foreignCommand(first))
    }
    // `jac simplify det` simplifies the variable det: the first function after a command.
    let start = invocation.commandNamed ? 1 : 0
    for k in inputs.indices.dropFirst(start) where k < guardedFrom && isIdentifier(inputs[k]) {
      if CommandDescription.command(named: inputs[k]) != nil && !isVariable(inputs[k], besides: k) {
        throw UsageError(.commandNotFirst(inputs[k]))
      }
    }
  }

  /// The names `text` uses, as the lexer reads them (none past a lexical error).
  private static func names(in text: String) -> [String] {
    var lexer = Lexer(text)
    var found: [String] = []
    while let token = try? lexer.next(), token.kind != .end {
      if case .identifier(let name) = token.kind { found.append(name) }
    }
    return found
  }
}
