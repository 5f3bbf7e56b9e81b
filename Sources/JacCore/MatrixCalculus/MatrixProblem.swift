/// Why a matrix-calculus request has no answer: the catalogue of its messages (docs/errors.md).
public enum MatrixProblem: Equatable, Sendable {
  /// A name given to two of `--vector`, `--matrix`, `--symmetric`.
  case declaredTwice(String)
  /// `--vars c` of a name that is not a declared vector or matrix.
  case scalarVariable(String)
  /// `--vars` names a declared variable that the function does not mention.
  case absentVariable(String)
  /// grad or hessian of a function that is not 1×1.
  case notScalar(command: Request.Command, shape: String)
  /// jacobian of a function that is not a column (or 1×1).
  case notColumn(shape: String)
  /// jacobian or hessian with respect to a matrix: a tensor.
  case tensor(command: Request.Command, variable: String)
  /// More than one variable where one is needed.
  case oneVariable(command: Request.Command, names: [String])
  /// More than one expression.
  case oneExpression(count: Int)
  /// An option the matrix layer does not support yet.
  case unsupportedOption(Option)
  /// `--jvp V` not of the variable's shape, `--vjp U` not of the function's; `declare` is the
  /// declaration to add when V or U is a name nobody declared (`--vector g`).
  case productShape(option: String, needed: String, found: String, declare: String?)
  /// `--expand` without a declared vector or matrix.
  case expandWithoutMatrices
  /// `--expand` text that is not `name=size` pairs of the answer's sizes.
  case expandValue(String)
  /// `--expand` naming a size the input does not have, with the sizes it has.
  case unknownSize(String, sizes: [String])
  /// `--expand` leaving sizes without a value.
  case missingSizes([String])
  /// The differential could not be brought to the form the derivative is read off.
  case notIdentified
  /// A `--at` value of the wrong kind for its name: a scalar for a vector or matrix (`found`
  /// nil), or a literal for a scalar (`declared` nil), or a vector's value neither a row nor a
  /// column, or a symmetric matrix's not square.
  case pointShape(name: String, declared: MatrixContext.Kind?, found: String?)
  /// `--at` values whose sizes disagree where the expression makes them one size: each side
  /// as `'x' has 2 entries`, or `the expression needs 1`.
  case pointSizes(size: String, first: String, second: String)
  /// A `--at` value of a symmetric matrix that is not symmetric, at entry (row, column).
  case pointNotSymmetric(name: String, row: Int, column: Int)
  /// `--at` with `--expand` (the values give the sizes) or `--check` (which draws its own).
  case pointWith(Option)
  /// `--check` with `--assume`: the check draws its scalars at random, not inside the assumptions.
  case checkWithAssumptions
  /// A `--at` value larger than ``maxExpandedSize`` (as `'x' has 13 entries`).
  case pointSizeLimit(String)

  /// The largest size `--expand` writes out.
  public static let maxExpandedSize = 12

  public var message: String {
    switch self {
    case .declaredTwice(let name): return "'\(name)' is declared twice"
    case .scalarVariable(let name):
      return "'\(name)' is not a declared vector or matrix; declare it with '--vector' or '--matrix'"
    case .absentVariable(let name): return "'\(name)' does not occur in the function"
    case .notScalar(let command, let shape):
      return "\(command.rawValue) needs a scalar function; this one is \(shape)"
        + (command == .grad ? " (use 'jacobian')" : "")
    case .notColumn(let shape): return "jacobian needs a vector or scalar function; this one is \(shape)"
    case .tensor(let command, let variable):
      return
        "the \(command == .hessian ? "Hessian" : "Jacobian") with respect to the matrix '\(variable)' is a tensor; "
        + (command == .hessian
          ? "take 'grad' of a scalar function of it"
          : "ask for its product with a direction ('--vjp g' with '--vector g', or '--jvp V') or take 'grad' "
            + "of a scalar function of it")
    case .oneVariable(let command, let names):
      let found = names.isEmpty ? "found none" : "found \(names.count) (\(names.joined(separator: ", ")))"
      let example = names.first.map { ", e.g. '--vars \($0)'" } ?? ""
      let choose = "choose it with '--vars'\(example)"
      return "\(command.rawValue) of vectors and matrices takes one variable, \(found); \(choose)"
    case .oneExpression(let count): return "matrix calculus takes one expression, found \(count)"
    case .unsupportedOption(let option): return "'\(option.name)' is not supported with vectors and matrices yet"
    case .productShape(let option, let needed, let found, let declare):
      let what = option == "--jvp" ? "the variable's shape" : "the function's shape"
      let hint = declare.map { d in "; declare '\(d.split(separator: " ").last!)' with '\(d)'" } ?? ""
      return "'\(option)' needs a \(needed) value (\(what)), found \(found)\(hint)"
    case .expandWithoutMatrices:
      return "'--expand' writes out an answer about vectors and matrices; declare them with '--vector' or '--matrix'"
    case .expandValue(let text):
      return "'--expand' takes sizes from 1 to \(MatrixProblem.maxExpandedSize) such as n=3,m=2, found '\(text)'"
    case .unknownSize(let name, let sizes):
      return "'--expand' gives a size for '\(name)'; the sizes are " + sizes.map { "'\($0)'" }.joined(separator: ", ")
    case .missingSizes(let names):
      return "'--expand' gives no size for " + names.map { "'\($0)'" }.joined(separator: ", ")
    case .notIdentified: return "the derivative could not be written in matrix form"
    case .pointShape(let name, let declared, let found):
      guard let declared else {
        return "'--at' gives the scalar '\(name)' a \(found ?? "") value; declare it with '--vector' or '--matrix'"
      }
      let (what, example) =
        switch declared {
        case .vector: (declared.noun, "[1, 2]")
        case .matrix: (declared.noun, "[1, 2; 3, 4]")
        case .symmetric: (declared.noun, "[1, 2; 2, 3]")
        }
      guard let found else {
        return "'--at' gives the \(what) '\(name)' a scalar value; write it in brackets, such as \(name)=\(example)"
      }
      let needed = declared == .vector ? "one row or one column" : "a square one"
      return "'--at' gives the \(what) '\(name)' a \(found) value; it needs \(needed), such as \(name)=\(example)"
    case .pointSizes(let size, let first, let second):
      return "'--at' values disagree on size \(size): \(first), \(second)"
    case .pointNotSymmetric(let name, let row, let column):
      return "'--at' gives the symmetric matrix '\(name)' a value that is not symmetric: "
        + "entries [\(row),\(column)] and [\(column),\(row)] differ"
    case .pointWith(let option):
      return option == .check
        ? "'--check' with vectors and matrices compares at random sizes, not at the '--at' point; drop one"
        : "'--at' takes the sizes from its values; drop '--expand'"
    case .checkWithAssumptions:
      return "'--check' with vectors and matrices draws its scalars at random, not inside '--assume'; drop one"
    case .pointSizeLimit(let found):
      return "'--at' gives \(found); at a point, sizes go up to \(Self.maxExpandedSize)"
    }
  }

  /// A mistake on the command line (exit 64) rather than a mathematical failure (exit 1).
  public var isUsage: Bool {
    switch self {
    case .declaredTwice, .scalarVariable, .absentVariable, .oneVariable, .oneExpression, .unsupportedOption,
      .productShape, .expandWithoutMatrices, .expandValue, .unknownSize, .missingSizes, .pointShape, .pointSizes,
      .pointNotSymmetric, .pointSizeLimit, .pointWith, .checkWithAssumptions:
      return true
    case .notScalar, .notColumn, .tensor, .notIdentified: return false
    }
  }
}
