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
    ["hessian", "g(x*y, x + y) + f(x)", "--vars", "x,y"],
    ["diff", "f(g(x))", "--wrt", "x,x,x,x"],
    ["grad", "L(u, v)*f'(u)", "--funcs", "L", "--lhs"],
    // Issue 16's functions, each name once (ψ⁽ⁿ⁾, B, ⌊⌋, ⌈⌉, Γ beside the variable γ).
    [
      "simplify",
      "sech(x)^2 + csch(x) + coth(x) + acot(x) + asec(x) + acsc(x) + asech(x) + acsch(x) + acoth(x) + sign(x)"
        + " + heaviside(x) + floor(x/2) + ceil(x) + relu(x) + sigmoid(x) + softplus(x) + erf(x) + erfc(x) + gamma*gamma(x)"
        + " + loggamma(x) + digamma(x) + polygamma(2, x/3) + beta(x, y) + max(x, y, 1) + min(x, y) + atan2(y, x)"
        + " + lambertw(x)^2 + lambertw(x/(x + 1))",
    ],
    // The integrals and sinc (\\operatorname{Si}, S and C for the Fresnel integrals).
    [
      "simplify",
      "erfi(x) + Ei(x) + Si(x)^2 + Ci(x) + Shi(x) + Chi(x) + li(x) + fresnels(x)^2 + fresnelc(x/(x + 1)) + sinc(x)",
    ],
    // Matrix calculus (issue 19): bold vectors, transposes, ⊙, Hadamard powers, diag, norms.
    ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--check"],
    ["W2*tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1,W2", "--vars", "x"],
    ["grad", "log(det(X)) + tr(A*X)", "--matrix", "X,A", "--vars", "X"],
    ["hessian", "sum(log(1 + exp(-y .* (X*w))))", "--vector", "w,y", "--matrix", "X", "--vars", "w"],
    ["grad", "-y'*log(softmax(z))", "--vector", "z,y", "--vars", "z"],
    ["grad", "norm(x - a) + a'*inv(B)*x", "--vector", "x,a", "--matrix", "B", "--vars", "x"],
    ["W2*tanh(W1*x + b1)", "--vector", "x,b1,g", "--matrix", "W1,W2", "--vars", "W1", "--vjp", "g"],
    // A transpose, inverse or power of an exponential, which prints with a superscript already.
    ["jacobian", "softmax(z)", "--vector", "z"],
    ["simplify", "exp(X)' + inv(exp(X)) + inv(exp(X))'", "--matrix", "X"],
  ]

  /// Left-hand sides and matrix environments (issue 6), each compiled below.
  static let statements: [[String]] = [
    ["x = r*cos(θ), y = r*sin(θ)", "--vars", "r,θ", "--lhs"],
    ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--lhs"],
    ["grad", "x^2*y", "--lhs", "--env", "bmatrix"],
    ["hessian", "x^2*y", "--lhs", "--env", "vmatrix"],
    ["diff", "x^2*y^3", "--wrt", "x,y,y", "--lhs"],
    ["diff", "sin(x), cos(x)", "--lhs"],
    ["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t", "--lhs", "--env", "Bmatrix"],
    ["r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,t=pi/3", "--lhs"],
    ["grad", "c*x'*A*x", "--vector", "x", "--matrix", "A", "--at", "x=[1, 2], A=[1/2, sqrt(2); 3, 4], c=2", "--lhs"],
    ["r*cos(t), r*sin(t)", "--vars", "r,t", "--vjp", "1,0", "--lhs", "--env", "Vmatrix"],
    ["simplify", "E = m*c^2", "--lhs"],
    // Names that would print alike are set literally (theta beside θ, x1 beside x_1).
    ["grad", "theta*θ + x1*x_1 + φ_2*phi2", "--lhs"],
    // Issue 18: the Gram determinant and the commands that use the Jacobian.
    ["det", "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", "--vars", "p,t", "--lhs"],
    ["det", "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", "--vars", "p,t", "--volume-element"],
    ["logdet", "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", "--vars", "p,t", "--lhs"],
    ["logdet", "x + 2*tanh(x + y), y + tanh(x + y)", "--lhs"],
    ["taylor", "sqrt(x)*exp(y)", "--at", "x=1,y=0", "--order", "3"],
    ["implicit", "x^3 + y^3 = 6*x*y", "--dep", "y", "--wrt", "x", "--lhs"],
    ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x,y", "--lhs"],
    ["implicit", "x^2 + y^2 = 1", "--dep", "y", "--wrt", "x", "--order", "3", "--lhs"],
    ["implicit", "x^2 + y^2 + z^2 = 1", "--dep", "z", "--wrt", "x,y", "--order", "2", "--lhs"],
    ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x", "--order", "2", "--lhs"],
    ["hessian", "x*y + y*z + x*z", "--at", "x=0,y=0,z=0", "--classify"],
    ["critical", "x^3 - 3*x + y^2", "--vars", "x,y", "--from", "2,1"],
    ["linearize", "w, -g/l*sin(th) - b*w + u/(m*l^2)", "--state", "th,w", "--input", "u", "--output", "th", "--lhs"],
    ["grad", "x'*S*x", "--vector", "x", "--symmetric", "S", "--lhs"],
    ["simplify", "sqrt(x^2)*abs(y)", "--assume", "x > 0, y >= 0"],
  ]

  static var engine: String? {
    ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test func latexCompiles() throws {
    var body = ""
    for request in Self.requests + Self.statements {
      let result = try ProcessRunner.run(request + ["--latex"])
      #expect(result.status == 0, "\(request): \(result.stderr)")
      // A line break before \] : a --check report ends in '%' comment lines.
      body += "\\[ \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n\\]\n"
    }
    let document = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n\(body)\\end{document}\n"
    try compile(document)
  }

  /// `--standalone` output is a whole document as it is: a batch with a check report (comment
  /// lines after the display) and an error line (reported on stderr, the document still whole).
  @Test func standaloneDocumentCompiles() throws {
    let result = try ProcessRunner.run(
      ["--latex", "--standalone", "--lhs", "--check"], stdin: "x = r*cos(t), y = r*sin(t)\nsin(x\nx^2*y\n")
    #expect(result.status == 65)
    #expect(result.stdout.hasPrefix("\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n\\[\n"))
    #expect(result.stdout.hasSuffix("\\end{document}\n"))
    try compile(result.stdout) { pdf in try renderFirstPage(pdf) }
  }

  /// One page rendered to PNG, as `make docs-png` does for docs/images/.
  private func renderFirstPage(_ pdf: URL) throws {
    guard
      let pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      Issue.record("pdftoppm not found: install poppler-utils (make check installs it)")
      return
    }
    let png = pdf.deletingPathExtension()
    let status = try ProcessRunner.tool(
      pdftoppm, ["-png", "-r", "100", "-singlefile", pdf.path, png.path], in: pdf.deletingLastPathComponent())
    #expect(status.code == 0, "\(status.log)")
    let bytes = try Data(contentsOf: png.appendingPathExtension("png"))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 1000)
  }

  /// `--steps --latex`: align* blocks for each entry, then the answer as a display.
  /// Every kind of letter jac accepts in a name compiles with plain pdflatex and amsmath: all of
  /// Greek (and the Latin look-alikes, omicron, the variant forms), Latin-1 and Latin Extended-A
  /// (accents where math mode has them), other scripts and letterlike symbols (as code points),
  /// alone, mixed with ASCII, with subscripts, and set letter by letter where names collide.
  @Test func everyLetterCompiles() throws {
    var letters = ["ж", "日本", "ℯ", "ϑ", "ϕ", "ϱ", "ϖ", "ϵ", "ς", "ℓ", "א", "ب", "ñandú", "θ1", "x_é", "theta"]
    // A Greek command before a Latin letter, and underscores that are not subscripts.
    letters += ["Δx", "Δt", "αx", "θdot", "δx1", "x_Δt", "x__", "_", "_α", "ζ_", "ωn_αk"]
    for code in Array(0x0391...0x03C9) + Array(0x00C0...0x017F) + Array(0x0410...0x044F) {
      if let s = Unicode.Scalar(UInt32(code)), s.properties.isAlphabetic { letters.append(String(s)) }
    }
    let input = "q = " + letters.joined(separator: " + ") + " + θ*x1 + x_1"
    let result = try ProcessRunner.run(["simplify", input, "--latex", "--standalone", "--lhs"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\\acute{e}") && result.stdout.contains("\\mathtt{U{+}0436}"))
    #expect(result.stdout.contains("\\mathit{\\Delta x}") && result.stdout.contains("x_{\\_}"))
    try compile(result.stdout)
  }

  @Test func stepsCompile() throws {
    for request in [
      ["grad", "x^2*sin(y) + atan(x/y)", "--steps"], ["diff", "x^y + sqrt(x)/(1 + x^2)", "--steps"],
      ["r*cos(θ), r*sin(θ)", "--vars", "r,θ", "--steps", "--entry", "2,2", "--lhs"],
      ["det", "r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p)", "--vars", "r,p,t", "--steps"],
      ["inverse", "x*y, x + y", "--steps"],
      ["linearize", "x2, -sin(x1) + u", "--state", "x1,x2", "--input", "u", "--steps"],
      ["taylor", "sin(θ)*exp(y)", "--at", "θ=0,y=0", "--steps"],
      ["taylor", "sin(x)/x", "--at", "x=0", "--order", "4", "--steps"],
      ["implicit", "x^3 + y^3 = 6*x*y", "--dep", "y", "--wrt", "x", "--order", "2", "--steps"],
      ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x,y", "--steps"],
      ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x", "--order", "2", "--steps"],
      ["logdet", "x + 2*tanh(x + y), y + tanh(x + y)", "--steps", "--lhs"],
      ["det", "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", "--vars", "p,t", "--steps", "--lhs"],
    ] {
      let result = try ProcessRunner.run(request + ["--latex", "--standalone"])
      #expect(result.status == 0, "\(request): \(result.stderr)")
      #expect(result.stdout.contains("\\begin{align*}"))
      try compile(result.stdout)
    }
  }

  /// Compiles a document with pdflatex and hands the PDF to `inspect`, in a temporary folder
  /// that is removed afterwards.
  private func compile(_ document: String, inspect: (URL) throws -> Void = { _ in }) throws {
    guard let engine = Self.engine else {
      Issue.record("pdflatex not found: install texlive-latex-base (make check installs it)")
      return
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-latex-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try document.write(to: directory.appendingPathComponent("results.tex"), atomically: true, encoding: .utf8)
    let status = try ProcessRunner.tool(
      engine, ["-interaction=nonstopmode", "-halt-on-error", "results.tex"], in: directory)
    #expect(status.code == 0, "pdflatex failed:\n\(status.log.suffix(2000))\n\(document)")
    let pdf = directory.appendingPathComponent("results.pdf")
    #expect(FileManager.default.fileExists(atPath: pdf.path))
    try inspect(pdf)
  }

}
