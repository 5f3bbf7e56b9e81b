import Foundation
import JacCore
import Testing

@testable import JacCLI

/// Every usage error of the catalogue (``UsageError/Problem``), each from a command line that
/// causes it, in the words docs/errors.md gives; and the misspelt command, through the binary.
@Suite struct UsageErrorTests {
  typealias Problem = UsageError.Problem

  /// A command line and the problem the scanner reports for it.
  static let examples: [(args: [String], problem: Problem)] = [
    (["x", "--format", "c", "--at", "x=1"], .codeOfValues(.c)),
    (["x^2*y", "grad"], .commandNotFirst("grad")),
    (["x", "--compact", "--latex"], .compactFormat),
    (["x", "--compact", "--steps"], .compactSteps),
    (["x", "--no-cse"], .codeOnly(.noCSE)),
    (["x", "--steps", "--entry", "0"], .entryValue("0")),
    (["x", "--exact"], .exactWithoutPoint),
    (["derivative", "x^2"], .foreignCommand("derivative")),
    (["L(x)", "--funcs", "L", "--vars", "L,x"], .functionAndVariable("L")),
    (["L(x)", "--funcs", "sin"], .functionKnown("sin")),
    (["x", "--format", "c", "--name", "2f"], .functionName("2f")),
    (["det", "x", "--check"], .inapplicable(.onlyFor([.check], commands: [.jacobian, .grad, .hessian, .diff]))),
    (["help", "hesian"], .helpTopic("hesian", suggestions: ["hessian"])),
    (["x", "--inline"], .inlineWithoutDefinitions),
    (["x", "--with-latex"], .jsonOnly),
    (["x", "--lhs"], .latexOnly),
    (["x'*x", "--vector", "x", "--format", "c"], .matrixCode(.c)),
    (["x'*x", "--vector", "x", "--format", "python", "--layout", "col"], .matrixCodeOption(.layout)),
    (["newton", "x", "--from", "1", "--max-iter", "0"], .maxIterValue("0")),
    (["x", "--vars"], .missingValue("--vars")),
    (["sparsity", "x", "--format", "python"], .noCode(.sparsity, .python)),
    (["x", "--vars", "sin"], .notAVariable("sin", option: .vars)),
    (["x", "--latex", "--json"], .optionRepeated(.format)),
    (["x", "--at", "x"], .pointPair("x")),
    (["x", "--at", "x=1,x=2"], .pointRepeated("x")),
    (["x", "--at", "x="], .pointValueMissing("x")),
    (["x", "--steps", "--json"], .stepsFormat),
    (["newton", "x", "--from", "1", "--tol", "-1"], .tolValue("-1")),
    (["hesian", "x^2*y"], .unknownCommand("hesian", suggestions: ["hessian"])),
    (["x", "--latex", "--env", "array"], .unknownEnvironment("array")),
    (["x", "--format", "c", "--layout", "csr"], .unknownLayout("csr")),
    (["x", "--format", "c", "--arguments", "vector"], .unknownArguments("vector")),
    (["linearize", "x", "--state", "x", "--format", "c", "--layout", "csc"], .sparseLayoutOfSeveral),
    (["x", "--format", "yaml"], .unknownFormat("yaml")),
    (["x", "--varz", "x"], .unknownOption("--varz", suggestions: ["--vars"])),
    (["x", "--latex=1"], .valueForFlag("--latex")),
    (["x", "--vars", "2x"], .variableName("2x", option: .vars)),
    (["x", "--vars", "x,x"], .variableRepeated("x", option: .vars)),
    (["x", "--vars", "u5..u1"], .variableRange("u5..u1", option: .vars)),
    (["linearize", "w, -sin(th)", "--state", "th,w", "--input", "th"], .stateAndInput("th")),
    (["taylor", "x", "--at", "x=0", "--order", "31"], .orderValue("31")),
  ]

  /// The case's name; the switch fails to compile when a case is added, so it gets an example.
  static func name(_ problem: Problem) -> String {
    switch problem {
    case .codeOfValues: "codeOfValues"
    case .commandNotFirst: "commandNotFirst"
    case .compactFormat: "compactFormat"
    case .compactSteps: "compactSteps"
    case .codeOnly: "codeOnly"
    case .entryValue: "entryValue"
    case .exactWithoutPoint: "exactWithoutPoint"
    case .foreignCommand: "foreignCommand"
    case .functionAndVariable: "functionAndVariable"
    case .functionKnown: "functionKnown"
    case .functionName: "functionName"
    case .helpTopic: "helpTopic"
    case .inapplicable: "inapplicable"
    case .inlineWithoutDefinitions: "inlineWithoutDefinitions"
    case .jsonOnly: "jsonOnly"
    case .latexOnly: "latexOnly"
    case .matrixCode: "matrixCode"
    case .matrixCodeOption: "matrixCodeOption"
    case .maxIterValue: "maxIterValue"
    case .missingValue: "missingValue"
    case .noCode: "noCode"
    case .notAVariable: "notAVariable"
    case .optionRepeated: "optionRepeated"
    case .pointPair: "pointPair"
    case .pointRepeated: "pointRepeated"
    case .pointValueMissing: "pointValueMissing"
    case .stepsFormat: "stepsFormat"
    case .tolValue: "tolValue"
    case .unknownCommand: "unknownCommand"
    case .unknownEnvironment: "unknownEnvironment"
    case .unknownLayout: "unknownLayout"
    case .unknownArguments: "unknownArguments"
    case .sparseLayoutOfSeveral: "sparseLayoutOfSeveral"
    case .unknownFormat: "unknownFormat"
    case .unknownOption: "unknownOption"
    case .valueForFlag: "valueForFlag"
    case .variableName: "variableName"
    case .variableRepeated: "variableRepeated"
    case .variableRange: "variableRange"
    case .stateAndInput: "stateAndInput"
    case .orderValue: "orderValue"
    }
  }

  @Test(arguments: examples.indices)
  func example(_ index: Int) throws {
    let (args, problem) = Self.examples[index]
    do {
      _ = try ArgumentScanner.scan(args)
      Issue.record("\(args) scans without an error")
    } catch {
      #expect(error.problem == problem)
    }
  }

  @Test func everyProblemHasAnExampleAndIsDocumented() throws {
    #expect(Set(Self.examples.map { Self.name($0.problem) }).count == Self.examples.count)
    let errors = try InstallFilesTests.read("docs/errors.md")
    for (_, problem) in Self.examples {
      #expect(errors.contains("`\(problem.message)`"), "docs/errors.md does not give '\(problem.message)'")
    }
  }

  /// Every option that only some commands take, refused by a command that does not, in the
  /// words of the shared check, by the scanner and by the engine alike.
  @Test func scannerAndEngineRefuseAlike() throws {
    for option in Option.scoped.sorted() {
      for command in Request.Command.allCases where !command.description.accepts(option) {
        let problem = Inapplicable.check([option], for: command)
        #expect(problem != nil, "\(option.name) with \(command.rawValue) passes")
        var request = Request(command: command, inputs: ["x"])
        switch option {
        case .wrt: request.along = ["x"]
        case .at: request.at = [Request.Binding(name: "x", value: "1")]
        case .jvp: request.jvp = "1"
        case .vjp: request.vjp = "1"
        case .check: request.check = true
        case .volumeElement: request.volumeElement = true
        case .from, .tol, .maxIter: request.newton = Request.NewtonSettings(from: "1")
        case .steps: request.steps = true
        case .assume: request.assumptions = "x > 0"
        case .state, .input, .output:
          request.linearization = Request.Linearization(
            state: ["x"], input: option == .input ? ["u"] : [], output: option == .output ? "x" : nil)
        case .order: request.order = 2
        case .dep: request.dependent = ["x"]
        case .vector: request.vectors = ["x"]
        case .matrix: request.matrices = ["x"]
        case .symmetric: request.symmetric = ["x"]
        case .classify:
          request.classify = true
          request.at = [Request.Binding(name: "x", value: "1")]
        case .expand: request.expand = "n=2"
        case .withValue: request.withValue = true
        default:
          Issue.record("no request gives the scoped option \(option.name)")
          continue
        }
        if command == .newton { request.newton = request.newton ?? Request.NewtonSettings(from: "1") }
        #expect(throws: JacError.notApplicable(Inapplicable.check(request.givenOptions, for: command)!)) {
          try Engine().run(request)
        }
      }
    }
  }

  @Test func misspeltCommandIsAnErrorNotAnAnswer() throws {
    let misspelt = try ProcessRunner.run(["hesian", "x^2*y"])
    #expect(misspelt.status == 64 && misspelt.stdout.isEmpty)
    #expect(misspelt.stderr.hasPrefix("error: unknown command 'hesian'; did you mean 'hessian'?\n"))
    #expect(misspelt.stderr.contains("hint: if 'hesian' is a function to differentiate, write 'jac -- hesian …'"))
    let transposed = try ProcessRunner.run(["jacobain", "x*y", "x+y"])
    #expect(
      transposed.status == 64
        && transposed.stderr.hasPrefix("error: unknown command 'jacobain'; did you mean 'jacobian'?"))
    // A variable with such a name: after '--', or quoted with the next component.
    #expect(try ProcessRunner.run(["--", "hesian", "x^2*y"]).stdout == "[ 1  0      0   ]\n[ 0  2*x*y  x^2 ]\n")
    #expect(try ProcessRunner.run(["hesian, x^2*y"]).stdout == "[ 1  0      0   ]\n[ 0  2*x*y  x^2 ]\n")
    // Alone, the name is an expression (the Jacobian of one function).
    #expect(try ProcessRunner.run(["hesian"]).stdout == "[ 1 ]\n")
  }

  /// Another tool's command word is an error naming jac's nearest command, never the Jacobian
  /// of [word, f]; a jac command after the functions is an error too (the reviewer's cases).
  @Test(arguments: [
    (["derivative", "x^2"], "jac has no command 'derivative'; did you mean 'diff'?"),
    (["integrate", "x^2"], "jac has no command 'integrate'; jac does no integration"),
    (["integrate"], "jac has no command 'integrate'; jac does no integration"),
    (["solve", "x^2 - 2"], "jac has no command 'solve'; did you mean 'newton'?"),
    (["limit", "sin(x)/x"], "jac has no command 'limit'"),
    (["inv", "x*y, x+y"], "jac has no command 'inv'; did you mean 'inverse'?"),
    (["series", "exp(x)"], "jac has no command 'series'; did you mean 'taylor'?"),
    (["d", "x^2"], "jac has no command 'd'; did you mean 'diff'?"),
    (
      ["code", "sigmoid(x)"],
      "jac has no command 'code'; code is an output format: add '--format c' (or python, swift, julia, matlab)"
    ),
    (["matlab", "x*y"], "jac has no command 'matlab'; code is an output format: add '--format matlab'"),
    (["latex", "x^2"], "jac has no command 'latex'; LaTeX is an output format: add '--format latex'"),
    (["json"], "jac has no command 'json'; JSON is an output format: add '--format json'"),
    (["x^2*y", "grad"], "'grad' is a command, and the command comes first: 'jac grad <functions>'"),
    (["simplify", "det", "hessian"], "'hessian' is a command, and the command comes first: 'jac hessian <functions>'"),
    (["help", "integrate"], "jac has no command 'integrate'; jac does no integration"),
    (["help", "hesian"], "jac has no command 'hesian'; did you mean 'hessian'?"),
  ])
  func commandWordOfAnotherToolIsAnError(_ arguments: [String], _ message: String) throws {
    let run = try ProcessRunner.run(arguments)
    #expect(run.status == 64 && run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(message)\n"), "\(arguments): \(run.stderr)")
  }

  /// An unknown `--format` names the formats and suggests one: another name for it (Octave runs
  /// the MATLAB function file) or the nearest spelling; nothing when nothing is near.
  @Test(arguments: [
    ("octave", "; did you mean 'matlab'?"), ("numpy", "; did you mean 'python'?"), ("tex", "; did you mean 'latex'?"),
    ("C++", "; did you mean 'c'?"), ("laetx", "; did you mean 'latex'?"), ("jsn", "; did you mean 'json'?"),
    ("yaml", ""),
  ])
  func unknownFormatSuggestsOne(_ name: String, _ suggestion: String) throws {
    let run = try ProcessRunner.run(["x", "--format", name])
    let expected = "unknown format '\(name)'; expected text, unicode, latex, json, c, python, swift, julia, matlab"
    #expect(run.status == 64 && run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(expected)\(suggestion)\n"), "\(name): \(run.stderr)")
  }

  /// An unknown `--layout` likewise; `csr` gets a hint instead (CSC read as CSR is the transpose).
  @Test(arguments: [
    ("column", "; did you mean 'col'?", nil), ("row-major", "; did you mean 'row'?", nil),
    ("rwo", "; did you mean 'row'?", nil), ("sparse", "; did you mean 'csc'?", nil),
    (
      "csr", "",
      "hint: jac writes compressed sparse columns ('--layout csc'); read as CSR, its three arrays hold the transpose"
    ),
  ])
  func unknownLayoutSuggestsOne(_ name: String, _ suggestion: String, _ hint: String?) throws {
    let run = try ProcessRunner.run(["x", "--format", "c", "--layout", name])
    #expect(run.status == 64 && run.stdout.isEmpty)
    let message = "error: unknown layout '\(name)'; expected row, col, csc\(suggestion)\n"
    #expect(run.stderr.hasPrefix(message + (hint.map { $0 + "\n" } ?? "")), "\(name): \(run.stderr)")
  }

  /// Where such a word is a variable: listed in `--vars`, used by another argument, after `--`,
  /// or a one- or two-letter word alone; and jac's own command as the function of a command.
  @Test(arguments: [
    (["x", "y", "--vars", "x,y"], "[ 1  0 ]\n[ 0  1 ]\n"),
    (["rank", "x", "--vars", "rank,x"], "[ 1  0 ]\n[ 0  1 ]\n"),
    (["d", "d^2*x"], "[ 1      0   ]\n[ 2*d*x  d^2 ]\n"),
    (["--", "integrate", "x"], "[ 1  0 ]\n[ 0  1 ]\n"),
    (["d"], "[ 1 ]\n"),
    (["tr"], "[ 1 ]\n"),
    (["simplify", "det"], "det\n"),
    (["--", "x^2*y", "grad"], "[ 0  2*x*y  x^2 ]\n[ 1  0      0   ]\n"),
  ])
  func commandLikeVariableStillWorks(_ arguments: [String], _ output: String) throws {
    let run = try ProcessRunner.run(arguments)
    #expect(run.status == 0 && run.stdout == output, "\(arguments): \(run.stdout)\(run.stderr)")
  }

  /// `jac help` and `jac help COMMAND` are `jac --help` and `jac COMMAND --help`.
  @Test func helpWordShowsHelp() throws {
    let general = try ProcessRunner.run(["--help"]).stdout
    let help = try ProcessRunner.run(["help"])
    #expect(general.hasPrefix("OVERVIEW: ") && help.status == 0 && help.stdout == general)
    let diff = try ProcessRunner.run(["help", "diff"])
    let diffHelp = try ProcessRunner.run(["diff", "--help"]).stdout
    #expect(
      diff.status == 0 && diff.stdout == diffHelp && diffHelp.hasPrefix("OVERVIEW: The (mixed) partial derivative"))
    let gradHelp = try ProcessRunner.run(["grad", "--help"]).stdout
    let gradient = try ProcessRunner.run(["help", "gradient"]).stdout
    #expect(gradient == gradHelp)
    let variable = try ProcessRunner.run(["--", "help"]).stdout
    #expect(variable == "[ 1 ]\n")
  }

  @Test func didYouMeanCountsATranspositionAndListsTies() throws {
    let swapped = try ProcessRunner.run(["cso(x)"])
    #expect(swapped.status == 65)
    #expect(swapped.stderr.hasPrefix("error: unknown function 'cso'; did you mean 'cos' or 'csc'?\n  cso(x)\n  ^^^\n"))
    #expect(EditDistance.between("cso", "cos") == 1)
    #expect(EditDistance.between("ab", "ba") == 1)
    #expect(EditDistance.between("abc", "ca") == 3)
    #expect(EditDistance.suggestions(for: "tnah", among: Parser.functionNames) == ["tanh"])
    #expect(EditDistance.didYouMean(["a", "b", "c"]) == "; did you mean 'a', 'b' or 'c'?")
  }
}
