/// The function around the body, by language: the signature with its parameters and outputs,
/// and the summary as a comment; the includes or imports, and the helpers the calls need, which
/// ``CodeUnit`` puts around it. In C:
///
///   /* Jacobian of … Writes only the nonzero entries: pass out zero-filled. */
///   void f(double r, double t, double *out /* [4] */) { … }
///
/// (CSC's unit, with its pattern: ``CodeGenerator/sparseUnit(_:_:rows:columns:name:parameters:summary:)``.)
extension CodeGenerator {
  /// The helpers the calls of `roots` need (``CodeLanguage/helpers(for:)``), each after those
  /// it calls: written after the includes or imports, or after the function in MATLAB (local
  /// functions); log(1 + exp(v)) takes softplus's (``PrintLayout/softplusArgument(_:)``), and
  /// exp(v)/(1 + exp(v)) sigmoid's (``PrintLayout/sigmoidForm(_:)``).
  func helpers(roots: [Expr]) -> [(name: String, source: String)] {
    var needed = Set<String>()
    let layout = PrintLayout(pool: pool)
    for e in pool.distinctNodes(roots) {
      switch pool.node(e) {
      case .call(let f, let u):
        needed.formUnion(language.helpers(for: f))
        if f == .log, layout.softplusArgument(u) != nil { needed.formUnion(language.helpers(for: .softplus)) }
      case .apply(let op, _): needed.formUnion(language.helpers(for: op))
      case .product, .power:
        // exp(v)/(1 + exp(v)) is written σ(v) (``PrintLayout/sigmoidForm(_:)``).
        // A factor 1 + exp(v) below the bar first (most products have none): no fraction built.
        let below = pool.factors(e).contains { f in
          let (base, exponent) = pool.baseAndExponent(f)
          return pool.rational(exponent)?.isNegative == true && layout.softplusArgument(base) != nil
        }
        if below, layout.sigmoidForm(layout.fraction(e)) != nil { needed.formUnion(language.helpers(for: .sigmoid)) }
      case .number, .symbol, .constant, .sum, .undefined: break
      }
    }
    return CodeLanguage.helperOrder.filter(needed.contains).map { ($0, language.helperSource($0)) }
  }

  /// The unit's includes or imports, one a line: Python imports NumPy for an array result, and
  /// SciPy for a CSC one; Julia's CSC unit uses SparseArrays.
  func imports(_ shape: Shape, sparse: Bool) -> [String] {
    switch language {
    case .c: return ["#include <math.h>"]
    case .python:
      if case .scalar = shape { return ["import math"] }
      return ["import math", "import numpy as np"] + (sparse ? ["import scipy.sparse"] : [])
    case .swift: return ["import Foundation"]
    case .julia: return sparse ? ["using SparseArrays"] : []
    case .matlab: return []
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
