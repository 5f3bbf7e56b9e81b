/// The function around the body, by language: the includes or imports, the signature with its
/// parameters and outputs, the summary as a comment, and the helpers the calls need. In C:
///
///   #include <math.h>
///
///   /* Jacobian of … Writes only the nonzero entries: pass out zero-filled. */
///   void f(double r, double t, double *out /* [4] */) { … }
///
/// (CSC's unit, with its pattern: ``CodeGenerator/sparseUnit(_:_:rows:columns:name:parameters:summary:)``.)
extension CodeGenerator {
  /// The unit with the helpers its calls need (``CodeLanguage/helpers(for:)``): after the
  /// includes or imports, or after the function in MATLAB (local functions).
  func withHelpers(_ unit: String, roots: [Expr]) -> String {
    var needed = Set<String>()
    for e in pool.distinctNodes(roots) {
      switch pool.node(e) {
      case .call(let f, _): needed.formUnion(language.helpers(for: f))
      case .apply(let op, _): needed.formUnion(language.helpers(for: op))
      case .number, .symbol, .constant, .sum, .product, .power, .undefined: break
      }
    }
    if needed.isEmpty { return unit }
    let helpers = CodeLanguage.helperOrder.filter(needed.contains).map(language.helperSource).joined()
    switch language {
    case .matlab: return unit + helpers
    case .julia: return helpers + unit
    case .c, .python, .swift:
      // After the includes or imports and the blank lines that follow them.
      let blank = language == .python ? 3 : 2
      var run = 0
      let end = unit.firstIndex { c in
        run = c == "\n" ? run + 1 : 0
        return run == blank
      }
      guard let end else { return helpers + unit }
      let after = unit.index(after: end)
      return unit[..<after] + helpers + (language == .c ? "\n" : "") + unit[after...]
    }
  }

  func wrap(
    _ body: [String], shape: Shape, name: String, parameters: [Parameter], result: String,
    outputs: [(name: String, size: Int)], allocations: [String], summary: String
  ) -> String {
    let lines = body.joined(separator: "\n")
    var size = 1
    if case .list(let es) = shape { size = es.count }
    if case .matrix(let m) = shape { size = m.rows * m.columns }
    let scalar: Bool
    if case .scalar = shape { scalar = true } else { scalar = false }
    switch language {
    case .c:
      let arrays = outputs.isEmpty && !scalar ? [(name: result, size: size)] : outputs
      let params = parameters.map(declared) + outputArrays(arrays, after: parameters)
      let filled = Inapplicable.list(arrays.map(\.name))
      let note = scalar ? "" : "\n * Writes only the nonzero entries: pass \(filled) zero-filled."
      let function = """
        /* \(summary)\(note) */
        \(scalar ? "double" : "void") \(name)(\(params.joined(separator: ", "))) {
        \(lines)
        }

        """
      return Self.cUnit(function, restricted: restricts(arrays.count, after: parameters))
    case .python:
      return """
        import math
        \(scalar ? "" : "\nimport numpy as np\n")

        def \(name)(\(parameters.map(\.name).joined(separator: ", "))):
            \"\"\"\(summary)\"\"\"
        \(lines)

        """
    case .swift:
      let params = parameters.map(declared).joined(separator: ", ")
      let type =
        outputs.isEmpty
        ? (scalar ? "Double" : "[Double]") : "(" + outputs.map { "\($0.name): [Double]" }.joined(separator: ", ") + ")"
      return """
        import Foundation

        /// \(summary)
        func \(name)(\(params)) -> \(type) {
        \(lines)
        }

        """
    case .julia:
      if scalar {
        return """
          # \(summary)
          function \(name)(\(parameters.map(declared).joined(separator: ", ")))
          \(lines)
          end

          """
      }
      let filled = outputs.isEmpty ? [result] : outputs.map(\.name)
      let names = parameters.map(\.name)
      return """
        # \(summary)
        # \(name)! fills \(Inapplicable.list(filled)) in place; \(name) allocates.
        function \(name)!(\((filled + parameters.map(declared)).joined(separator: ", ")))
        \(lines)
        end

        \(name)(\(parameters.map(declared).joined(separator: ", "))) = \(name)!(\((allocations + names).joined(separator: ", ")))

        """
    case .matlab:
      let results = outputs.isEmpty ? "J" : "[" + outputs.map(\.name).joined(separator: ", ") + "]"
      return """
        function \(results) = \(name)(\(parameters.map(\.name).joined(separator: ", ")))
        % \(summary)
        \(lines)
        end

        """
    }
  }
}
