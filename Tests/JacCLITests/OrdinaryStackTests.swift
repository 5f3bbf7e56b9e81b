import Testing

@testable import JacCLI
@testable import JacCore

/// Small runs are answered on the main thread's own stack, without starting the ``DeepStack``
/// thread (issue 20): which runs the rule admits, and that the deepest of them fit a quarter of the
/// ordinary 8 MiB they are allowed, with the same output, even in a debug build (whose frames are
/// several times a release build's: the release binary answers each within 256 KiB of stack).
@Suite struct OrdinaryStackTests {
  /// `n` copies of `open`, then `middle`, then `n` copies of `close`.
  static func nest(_ open: String, _ middle: String, _ close: String, _ n: Int) -> String {
    String(repeating: open, count: n) + middle + String(repeating: close, count: n)
  }

  static func fits(_ arguments: [String]) throws -> Bool {
    let invocation = try ArgumentScanner.scan(arguments)
    return invocation.fitsOrdinaryStack(argumentBytes: arguments.reduce(0) { $0 + $1.utf8.count })
  }

  @Test(arguments: [
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], true),
    (["r*cos(t), r*sin(t)"], true),
    (["hessian", "x^2*y", "--at", "x=1,y=2", "--classify"], true),
    (["diff", "x^3*y", "--wrt", "x,y"], true),
    (["diff", "x^3*y", "--vars", "x,y"], true),
    // A batch: its lines are not read yet.
    (["--vars", "x,y"], false),
    // Derivatives of higher order, and entries written out.
    (["diff", "x^3*y", "--wrt", "x,x,y"], false),
    (["diff", "x^3*y"], false),
    (["taylor", "exp(x)", "--at", "x=0"], false),
    (["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--expand", "n=2"], false),
    // More than 256 bytes of arguments.
    (["simplify", String(repeating: "x+", count: 127) + "x"], false),
    (["simplify", String(repeating: "x+", count: 123) + "x"], true),
  ])
  func rule(arguments: [String], fits: Bool) throws {
    #expect(try Self.fits(arguments) == fits, "\(arguments.joined(separator: " ").prefix(60))")
  }

  /// The deepest runs within the rule: nesting as deep as 256 bytes allow, differentiated twice,
  /// printed in every kind of format.
  static let deepest: [[String]] = [
    ["hessian", nest("sin(", "x", ")", 49)],
    ["hessian", nest("-(", "x", ")", 82)],
    ["hessian", nest("(", "x", ")", 124)],
    ["hessian", nest("x*(y+", "x", ")", 39), "--vars", "x,y"],
    ["diff", nest("x*(y+", "x", ")", 40), "--wrt", "x,y"],
    ["grad", nest("x^(", "x", ")", 62)],
    ["hessian", nest("exp(", "x*y", ")", 40), "--latex"],
    ["hessian", nest("exp(", "x*y", ")", 40), "--format", "c"],
    ["jacobian", nest("sin(", "x", ")", 40), "--steps"],
    ["simplify", nest("-(", "x", ")", 80), "--json"],
    ["det", "a+b*c, b+c*d, c+d*p, d+p*q, p+q*a, q+a*b", "--vars", "a,b,c,d,p,q"],
  ]

  /// Each run as the process runs it, on the calling thread; what it wrote, and whether it ran on
  /// the deep thread.
  static func answer(_ arguments: [String], mainThread: Bool) -> (text: String, deep: Bool) {
    var text = ""
    var deep = false
    let status = JacCommand.run(
      arguments, nextLine: { nil }, out: { text += $0 }, err: { text += "error output: " + $0 },
      mainThread: mainThread,
      finished: { _ in deep = DeepStack.isDeep })
    return (text + "status \(status)", deep)
  }

  @Test(.enabled(if: DeepStack.mainThreadHasOrdinaryStack), arguments: deepest)
  func deepestRunsFitAQuarterOfTheStack(arguments: [String]) throws {
    #expect(try Self.fits(arguments), "\(arguments.prefix(1))")
    let expected = Self.answer(arguments, mainThread: false)
    #expect(expected.deep)
    var small = (text: "", deep: true)
    DeepStack.perform(stack: 2 << 20) { small = Self.answer(arguments, mainThread: true) }
    #expect(!small.deep)
    #expect(small.text == expected.text)
    #expect(small.text.hasSuffix("status success") || small.text.hasSuffix("status limit"), "\(small.text.suffix(200))")
  }
}
