import Foundation
import Testing

/// Every variant of generated C compiles as C99 and as C++ (``CCompilers``, warnings as errors):
/// each command that has `--format c`, by `--arguments`, `--layout` and `--with-value`, `--name`,
/// `--no-cse`, including results that leave parameters, definitions or outputs unused. The
/// units go into one file, each under its own `--name`, so the file also includes many units one
/// after another (their `restrict` guards, helpers and `<math.h>` side by side). The values are
/// checked against `--at` by ``CodeGenerationTests``. The units also pass gcc's and clang's
/// stricter warnings (``CCompilers/strictFlags``: `-Wdouble-promotion`, `-Wconversion`, …).
@Suite struct CodeVariantsTests {
  static let inputs: [[String]] = [
    ["x*y, x + y", "--vars", "x,y"],
    ["x^2, 3", "--vars", "x,y,z"],
    ["3, 4", "--vars", "x,y"],
    ["k*r*cos(t), r*sin(t)", "--vars", "r,t"],
    ["det", "r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p)", "--vars", "r,p,t"],
    ["grad", "log(exp(a) + exp(b))"],
    ["hessian", "exp(-(x^2 + y^2)/(2*s^2))", "--vars", "x,y"],
    ["diff", "x/(x^2 + 1), atan(x/y)", "--wrt", "x"],
    ["simplify", "x^2 + y", "--vars", "x,y,z"],
    ["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t"],
    ["logdet", "r*cos(t), r*sin(t)", "--vars", "r,t"],
    ["linearize", "x2, u - sin(x1)", "--state", "x1,x2", "--input", "u", "--output", "x1"],
    ["implicit", "x^2 + y^2 - 1", "--dep", "y", "--wrt", "x"],
    ["v*cos(psi), v", "--vars", "psi,v,d", "--where", "beta = atan(lr*tan(d)/(lf + lr))"],
    ["sign(x)*digamma(y) + beta(x, y) + heaviside(x - y)", "--vars", "x,y"],
    ["class*new + this", "--vars", "class,new,this"],
    ["polygamma(1, x)*sqrt(y) + atan2(y, x) + sigmoid(x)*erf(y) + loggamma(x)*abs(y)", "--vars", "x,y"],
  ]
  static let options: [[String]] = [[], ["--with-value"], ["--no-cse"], ["--layout", "col"], ["--layout", "csc"]]

  @Test func everyVariantCompilesAsCAndCxx() throws {
    var source = ""
    var units = 0
    for input in Self.inputs {
      for form in ["scalars", "array"] {
        for option in Self.options {
          let name = "v\(units)"
          let result = try ProcessRunner.run(
            input + ["--format", "c", "--arguments", form, "--name", name] + option)
          // Options that do not apply to a command are refused (status 64): not a variant.
          guard result.status == 0 else {
            #expect(result.status == 64, "\(input) \(form) \(option): \(result.stderr)")
            continue
          }
          source += result.stdout
          units += 1
        }
      }
    }
    #expect(units > 100)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-variants-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputs = try CCompilers.compileAndRun(source + "int main(void) { return 0; }\n", in: directory)
    #expect(outputs.count >= 2)
    let complaints = try CCompilers.strictComplaints(source, in: directory)
    #expect(complaints.isEmpty, "\(complaints.joined(separator: "\n"))")
  }
}
