/// jac's exit statuses (docs/errors.md). Values follow BSD `sysexits.h` where one fits.
public enum ExitCode: Int32, Sendable {
  /// Every input was answered.
  case success = 0
  /// A mathematical failure: det of a non-square Jacobian, grad of a system, an undefined result,
  /// no variables.
  case mathError = 1
  /// An input goes past one of jac's limits (`Limits`): input length, nesting depth, number
  /// size, components, variables, matrix size, result size.
  case limit = 3
  /// The command line is wrong: unknown option, missing value, bad variable name (EX_USAGE).
  case usage = 64
  /// An input does not parse: syntax, unknown function (EX_DATAERR). Nesting too deep is a
  /// limit (``limit``), not a syntax error.
  case dataError = 65
  /// Standard input could not be read or standard output could not be written (a full disk, a
  /// closed descriptor, a directory as input) (EX_IOERR). A closed pipe is not this: jac stops
  /// quietly with 141, as a process killed by SIGPIPE does.
  case ioError = 74
}
