/// Why options do not fit a command: the one check of which options apply, read off the command
/// descriptions, and the catalogue of its messages. The scanner runs it on the options a command
/// line gives (a usage error, exit 64) and the engine on a ``Request`` (for library callers), so
/// both say the same thing in the same words.
public enum Inapplicable: Error, Equatable, Sendable {
  /// `'--check' applies to jacobian, grad, hessian and diff`: the options that the same commands
  /// accept are named together (`'--jvp' and '--vjp' apply to jacobian only`).
  case onlyFor([Option], commands: [Request.Command])
  /// `'--at' does not apply to newton; the start is '--from'`.
  case notFor(Option, command: Request.Command)
  /// `newton needs a starting point: '--from 1,1'`.
  case missing(Option, command: Request.Command)
  /// `give '--jvp' or '--vjp', not both`.
  case eitherOr(Option, Option)
  /// `'--check' checks the Jacobian; drop '--jvp'/'--vjp'`.
  case checkOfProduct
  /// `'--classify' tests the point given with '--at'; add '--at'`.
  case classifyWithoutPoint
  /// `'--entry' chooses the entry '--steps' explains; add '--steps'`.
  case entryWithoutSteps
  /// `'--steps' explains the symbolic result; drop '--at', '--jvp', '--vjp' and '--check'`.
  case stepsOfValues

  public var message: String {
    switch self {
    case .onlyFor(let options, let commands):
      let names = commands.map(\.rawValue)
      let verb = options.count == 1 ? "applies" : "apply"
      let hint = options.compactMap(\.instead).first.map { "; " + $0 } ?? ""
      return "\(Self.list(options.map { "'\($0.name)'" })) \(verb) to \(Self.list(names))"
        + (names.count == 1 ? " only" : "") + hint
    case .notFor(let option, let command):
      let reason = command.description.refusals[option].map { "; " + $0 } ?? ""
      return "'\(option.name)' does not apply to \(command.rawValue)\(reason)"
    case .missing(let option, let command):
      return "\(command.rawValue) needs " + (command.description.required?.what ?? "'\(option.name)'")
    case .eitherOr(let a, let b): return "give '\(a.name)' or '\(b.name)', not both"
    case .checkOfProduct: return "'--check' checks the Jacobian; drop '--jvp'/'--vjp'"
    case .classifyWithoutPoint: return "'--classify' tests the point given with '--at'; add '--at'"
    case .entryWithoutSteps: return "'--entry' chooses the entry '--steps' explains; add '--steps'"
    case .stepsOfValues: return "'--steps' explains the symbolic result; drop '--at', '--jvp', '--vjp' and '--check'"
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// The first problem with giving `options` to `command`, in a fixed order; nil if they fit.
  public static func check(_ options: Options, for command: Request.Command) -> Inapplicable? {
    let description = command.description
    func refused(_ option: Option) -> Inapplicable? {
      guard options.contains(option), !description.accepts(option) else { return nil }
      let accepting = CommandDescription.all.filter { $0.accepts(option) }
      // An option most commands accept is refused by name; one few accept lists them.
      if accepting.count * 2 > CommandDescription.all.count { return .notFor(option, command: command) }
      let together = Option.ordered.filter { other in
        Option.scoped.contains(other) && CommandDescription.all.allSatisfy { $0.accepts(other) == $0.accepts(option) }
      }
      return .onlyFor(together, commands: accepting.map(\.command))
    }
    if let problem = refused(.wrt) ?? refused(.jvp) ?? refused(.vjp) { return problem }
    if options.contains(.jvp) && options.contains(.vjp) { return .eitherOr(.jvp, .vjp) }
    if let problem = refused(.check) { return problem }
    if options.contains(.check) && (options.contains(.jvp) || options.contains(.vjp)) { return .checkOfProduct }
    if let required = description.required, !options.contains(required.option) {
      return .missing(required.option, command: command)
    }
    if let problem = refused(.at) ?? refused(.from) ?? refused(.tol) ?? refused(.maxIter) ?? refused(.volumeElement) {
      return problem
    }
    if options.contains(.entry) && !options.contains(.steps) { return .entryWithoutSteps }
    if let problem = refused(.classify) { return problem }
    if options.contains(.classify) && !options.contains(.at) { return .classifyWithoutPoint }
    if let problem = refused(.steps) { return problem }
    // taylor's '--at' is where it expands, part of the symbolic question.
    let values: Options = description.required?.option == .at ? [.jvp, .vjp, .check] : [.at, .jvp, .vjp, .check]
    if options.contains(.steps) && !options.isDisjoint(with: values) { return .stepsOfValues }
    // A scoped option not checked above would pass silently: every scoped option must be listed.
    for option in Option.scoped where refused(option) != nil { return refused(option) }
    // An option every command accepts, that this one refuses with a reason (linearize's '--vars').
    for option in description.refusals.options where options.contains(option) && !Option.scoped.contains(option) {
      return .notFor(option, command: command)
    }
    return nil
  }
}

extension Option {
  /// The options that only some commands accept: those some command lists.
  public static let scoped: Options = CommandDescription.all.reduce(Options()) { $0.union($1.options) }
}
