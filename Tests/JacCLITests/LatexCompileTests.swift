import Foundation
import Testing

/// LaTeX output is compiled by a real engine (pdflatex, from Debian's texlive-latex-base, which
/// `make check` and `.ci/run` install when it is missing).
@Suite struct LatexCompileTests {
  static let requests: [[String]] = [
    ["r*cos(t), r*sin(t)", "--vars", "r,t"],
    ["det", "r*sin(theta)*cos(phi), r*sin(theta)*sin(phi), r*cos(theta)", "--vars", "r,theta,phi"],
    ["grad", "log(exp(x) + exp(y))"],
    ["hessian", "exp(-(x^2 + y^2)/2)", "--vars", "x,y"],
    ["diff", "x/(x^2 + 1)"],
    ["diff", "1/(1 + exp(-x))"],
    ["simplify", "asinh(x1) + acosh(x_2) + atanh(z)/abs(w - 1) + sqrt(a)/b^(1/3) + pi*sec(u)*csc(u)*cot(u)"],
    ["simplify", "θ*φ + alpha_beta + rate*lat + 2^x*3^(-y) + (1/2)^n + e^(x^2)"],
    ["det", "a*sinh(v)/(cosh(v) - cos(u)), a*sin(u)/(cosh(v) - cos(u))", "--vars", "u,v"],
    ["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t"],
    ["det", "x = r*cos(θ), y = r*sin(θ)", "--vars", "r,θ", "--volume-element"],
    ["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=1/100000,t=pi/3"],
    ["newton", "x^2 + y^2 - 4, x - y", "--vars", "x,y", "--from", "1,1"],
    ["hessian", "x^2*y^3", "--check"],
    ["sparsity", "u0 - 2*u1 + exp(u1), u1 - 2*u2 + u3, u3^2"],
  ]

  @Test func latexCompiles() throws {
    let engine = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let engine else {
      Issue.record("pdflatex not found: install texlive-latex-base (make check installs it)")
      return
    }
    var body = ""
    for request in Self.requests {
      let result = try ProcessRunner.run(request + ["--latex"])
      #expect(result.status == 0, "\(request): \(result.stderr)")
      // A line break before \] : a --check report ends in '%' comment lines.
      body += "\\[ \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n\\]\n"
    }
    let document = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n\(body)\\end{document}\n"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-latex-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try document.write(to: directory.appendingPathComponent("results.tex"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: engine)
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "results.tex"]
    process.currentDirectoryURL = directory
    let log = Pipe()
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pdflatex failed:\n\(output.suffix(2000))\n\(document)")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("results.pdf").path))
  }
}
