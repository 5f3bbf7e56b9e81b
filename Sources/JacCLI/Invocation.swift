import JacCore

/// A parsed command line.
public struct Invocation: Equatable {
  public enum Format: String, CaseIterable, Sendable { case text, latex, json }

  public var command: Request.Command = .jacobian
  /// Whether the command was named (so `jac det --help` shows det's help).
  public var commandNamed = false
  public var inputs: [String] = []
  public var variables: [String]?
  public var along: [String]?
  public var format: Format = .text
  public var simplify = true
  public var help = false
  public var version = false
}

/// A command-line mistake: exit 64, with a hint.
public struct UsageError: Error, Equatable {
  public var message: String
  public var command: Request.Command?
}
