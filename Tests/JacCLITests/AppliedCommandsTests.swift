import Foundation
import Testing

/// Issue 18, the Jacobian at work: every example of the issue run as a person runs it, in text,
/// LaTeX and JSON. The expected answers were computed independently with SymPy (the script's
/// lines are quoted beside each group).
@Suite struct AppliedCommandsTests {
  struct Transcript: CustomStringConvertible {
    var args: [String]
    var stdout: String
    /// What standard error must contain ("" for nothing in particular).
    var note: String = ""
    var status: Int32 = 0
    var description: String { args.joined(separator: " ") }
  }

  static let sphere = "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)"
  static let gramNote = "note: this is sqrt(det(JᵀJ)), the Gram determinant of the 3×2 Jacobian: the area element"

  /// The Gram determinant. SymPy: `sqrt(simplify((J.T*J).det()))` with real symbols gives
  /// R**2*Abs(sin(p)), sqrt(c**2 + u**2), sqrt(4*x**2 + 4*y**2 + 1), sqrt(2).
  static let gram: [Transcript] = [
    Transcript(args: ["det", sphere, "--vars", "p,t"], stdout: "R^2*abs(sin(p))\n", note: gramNote),
    Transcript(args: ["det", "u*cos(v), u*sin(v), c*v", "--vars", "u,v"], stdout: "sqrt(c^2 + u^2)\n", note: gramNote),
    Transcript(args: ["det", "x, y, x^2 + y^2", "--vars", "x,y"], stdout: "sqrt(4*x^2 + 4*y^2 + 1)\n", note: gramNote),
    Transcript(
      args: ["det", "cos(t), sin(t), t", "--vars", "t"], stdout: "sqrt(2)\n", note: "3×1 Jacobian: the length element"),
    Transcript(args: ["det", sphere, "--vars", "p,t", "--volume-element"], stdout: "dS = R^2*abs(sin(p)) dp dt\n"),
    Transcript(args: ["det", "cos(t), sin(t), t", "--vars", "t", "--volume-element"], stdout: "ds = sqrt(2) dt\n"),
    // A solid in 4-space: (r, p, t) ↦ spherical coordinates and a fourth coordinate 0.
    Transcript(
      args: ["det", "r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p), 0", "--vars", "r,p,t", "--volume-element"],
      stdout: "dV = r^2*abs(sin(p)) dr dp dt\n", note: "4×3 Jacobian: the 3-volume element"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--latex", "--lhs"],
      stdout: "\\sqrt{\\det(J^\\top J)} = R^{2} \\left|\\sin(p)\\right|\n"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--volume-element", "--latex"],
      stdout: "dS = R^{2} \\left|\\sin(p)\\right| \\, dp\\,dt\n"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--json"],
      stdout: "{\"input\":\"\(sphere)\",\"command\":\"det\",\"vars\":[\"p\",\"t\"],\"result\":\"R^2*abs(sin(p))\","
        + "\"kind\":\"gram\"}\n"),
    Transcript(args: ["det", sphere, "--vars", "p,t", "--at", "R=2,p=pi/2"], stdout: "4\n", note: gramNote),
    // A square det is not a Gram determinant: no note, no kind.
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--json"],
      stdout: "{\"input\":\"r*cos(t), r*sin(t)\",\"command\":\"det\",\"vars\":[\"r\",\"t\"],\"result\":\"r\"}\n"),
    Transcript(
      args: ["det", "x*y, x + y", "--vars", "x,y,z"], stdout: "",
      note: "error: det of a 2×3 Jacobian: a map of 3 variables to 2 functions scales no 3-dimensional volume",
      status: 1),
  ]

  static let all = gram

  @Test(arguments: all)
  func transcript(_ t: Transcript) throws {
    let result = try ProcessRunner.run(t.args)
    #expect(result.stdout == t.stdout, "\(t)")
    #expect(result.status == t.status, "\(t): \(result.stderr)")
    if !t.note.isEmpty { #expect(result.stderr.contains(t.note), "\(t): \(result.stderr)") }
    if t.args.contains("--json") || t.args.contains("--volume-element") || t.args.contains("--lhs") { return }
    if t.status == 0 && !t.note.isEmpty { #expect(result.stderr.hasPrefix("note: ")) }
  }

  /// The square case has no Gram note on standard error.
  @Test func squareDeterminantHasNoNote() throws {
    let result = try ProcessRunner.run(["det", "r*cos(t), r*sin(t)", "--vars", "r,t"])
    #expect(result.stderr == "")
  }
}
