/// How the generated function takes the variables (`--arguments`): one parameter each, or one
/// array in `--vars` order, as solvers hold their state. Other free symbols stay scalar
/// parameters after the variables either way.
///
/// With `array`, the function reads each variable into a local at its start, so the body is the
/// same in both forms:
/// - C: `void f(const double *x /* [n] */, …)`, `const double r = x[0];` (0-based)
/// - Python: `def f(x, …)`, `r, t = map(float, x)` (any sequence of n numbers: a list, a NumPy
///   array; `float` makes NumPy's scalars plain floats, on which `math` and arithmetic are fast)
/// - Swift: `func f(_ x: [Double], …)`, `let r = x[0]` (0-based)
/// - Julia: `f!(J, x::AbstractVector, …)`, `r = x[1]` (1-based)
/// - MATLAB: `function J = f(x, …)`, `r = x(1);` (1-based)
public enum CodeArguments: String, CaseIterable, Sendable {
  /// One `double` parameter per variable (the default).
  case scalars
  /// One array of the variables.
  case array
}

extension CodeGenerator {
  /// A parameter of the generated function: a scalar, or the array of `count` variables.
  struct Parameter {
    var name: String
    var count: Int?
  }

  /// The parameter as declared in the function's signature.
  func declared(_ p: Parameter) -> String {
    switch language {
    case .c: return p.count.map { "const double *\(p.name) /* [\($0)] */" } ?? "double \(p.name)"
    case .swift: return "_ \(p.name): " + (p.count == nil ? "Double" : "[Double]")
    case .julia: return p.count == nil ? p.name : "\(p.name)::AbstractVector"
    case .python, .matlab: return p.name
    }
  }

  /// C's output arrays, `(name, size)` in order, after `parameters`: `double *restrict out /* [4] */`
  /// when the signature holds another array (`--arguments array`'s `x`, or a second output:
  /// linearize's A and B, `--with-value`'s f and J), `double *out /* [4] */` when it is the only
  /// one. Without `restrict` a C compiler must assume a store to `out` may change `x[k]` or
  /// another output, so no read of `x` or store elsewhere moves across it; gcc's straight-line
  /// vectoriser then drops the whole function (nn30's Jacobian, `--layout csc --arguments
  /// array`, reads `x7` after its first store: 5,598 → 4,873 instructions an evaluation, 955 →
  /// 784 ns, with `restrict`, as fast as CasADi's 792; loading every variable before the first
  /// store did as well for nn30 but cost bratu200 and rosen100 up to 40% more instructions). The
  /// caller's arrays must not overlap, which is how they are used.
  ///
  /// Arrays are written as pointers, the size in a comment: C++ has no `restrict`, and g++
  /// rejects a qualifier inside an array declarator (`double out[__restrict 4]`), while
  /// `double *__restrict out` is g++'s, clang++'s and MSVC's; a prototype in the usual pointer
  /// form (`double *out`) then matches the definition without gcc's `-Warray-parameter`.
  /// ``cUnit(_:restricted:)`` makes `restrict` mean `__restrict` in C++.
  func outputArrays(_ outputs: [(name: String, size: Int)], after parameters: [Parameter]) -> [String] {
    let restricted = restricts(outputs.count, after: parameters)
    return outputs.map { "double *\(restricted ? "restrict " : "")\($0.name) /* [\($0.size)] */" }
  }

  /// Whether `outputs` output arrays after `parameters` are `restrict`: whether the signature
  /// holds more than one array.
  func restricts(_ outputs: Int, after parameters: [Parameter]) -> Bool {
    outputs + parameters.filter { $0.count != nil }.count > 1
  }

  /// A C unit after its `#include <math.h>`: `declarations` (the summary, the function, and CSC's
  /// pattern). One whose signature is `restrict` compiles as C99 and as C++: in C++, where
  /// `restrict` is not a keyword, it is defined as `__restrict` for the unit and undefined after
  /// it, unless the including file defined it already (then its definition is used and kept);
  /// the same before C99 (`__STDC_VERSION__` below 199901L or undefined: MSVC's C by default).
  /// So a unit `#include`d into C++, beside another or twice, leaves nothing behind.
  static func cUnit(_ declarations: String, restricted: Bool) -> String {
    guard restricted else { return declarations }
    return """
      /* Where restrict is no keyword (C++; C before C99, as MSVC's C without /std:c11), it is
       * __restrict (g++, clang++, MSVC) until the end of this unit. */
      #if !defined(restrict) && (defined(__cplusplus) || !defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L)
      #define restrict __restrict
      #define JAC_RESTRICT_DEFINED
      #endif

      \(declarations)
      #ifdef JAC_RESTRICT_DEFINED
      #undef restrict
      #undef JAC_RESTRICT_DEFINED
      #endif

      """
  }

  /// The statements that read the variables `locals` out of the array `array`.
  func loads(_ locals: [String], from array: String) -> [String] {
    switch language {
    case .c: return locals.enumerated().map { "    const double \($1) = \(array)[\($0)];" }
    case .swift: return locals.enumerated().map { "    let \($1) = \(array)[\($0)]" }
    case .python: return ["    \(locals.joined(separator: ", "))\(locals.count == 1 ? "," : "") = map(float, \(array))"]
    case .julia: return locals.enumerated().map { "    \($1) = \(array)[\($0 + 1)]" }
    case .matlab: return locals.enumerated().map { "  \($1) = \(array)(\($0 + 1));" }
    }
  }
}
