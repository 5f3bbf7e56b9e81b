/// The names generated code must not give a variable, one list per language: its keywords, the
/// macros and library names a unit can see, and the names the generator itself writes. A
/// variable with such a name gets a trailing `_` (``CodeLanguage/identifier(_:)``). A test
/// compiles or runs a unit whose parameters are every name of each list.
extension CodeLanguage {
  /// Whether a name must start differently: MATLAB names start with a letter, C reserves names
  /// that begin with `__` or with `_` and a capital letter (`_Bool`, `__x`), and Julia cannot
  /// read a name of underscores only.
  func needsPrefix(_ name: String) -> Bool {
    switch self {
    case .matlab: return name.hasPrefix("_")
    case .c:
      let second = name.unicodeScalars.dropFirst().first
      return name.hasPrefix("_") && (second == "_" || second.map { ("A"..."Z").contains($0) } == true)
    // Julia: an identifier of underscores only can be assigned but never read.
    case .julia: return name.allSatisfy { $0 == "_" }
    case .python, .swift: return false
    }
  }

  /// Whether `name` must be renamed in this language.
  func isReserved(_ name: String) -> Bool {
    if Self.common.contains(name) { return true }
    switch self {
    case .c: return Self.cKeywords.contains(name) || Self.mathLibrary.contains(name)
    case .python: return Self.pythonKeywords.contains(name)
    case .swift: return Self.swiftKeywords.contains(name) || Self.mathLibrary.contains(name)
    case .julia: return Self.juliaKeywords.contains(name) || Self.mathLibrary.contains(name)
    case .matlab: return Self.matlabKeywords.contains(name) || Self.mathLibrary.contains(name)
    }
  }

  /// Renamed in every language (jac's first list, kept so existing units do not change).
  static let common: Set<String> = [
    "e", "pi", "i", "j", "in", "is", "if", "for", "end", "function", "return", "def", "lambda", "let", "var",
    "func", "double", "float", "int", "char", "const", "void", "static", "case", "do", "while", "else", "or",
    "and", "not", "import", "from", "global", "begin", "Inf", "NaN", "exp", "log", "sin", "cos", "tan", "sqrt",
    "abs", "pow", "math", "zeros", "J", "out", "result",
  ]

  /// C99 to C23 keywords, C++'s, and the names generated C writes (`out`).
  static let cKeywords: Set<String> = [
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
    "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
    "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas",
    "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
    "_Thread_local", "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert",
    "thread_local", "true", "typeof", "typeof_unqual", "_BitInt", "_Decimal32", "_Decimal64", "_Decimal128",
    "complex", "imaginary", "errno", "main", "out",
    // C++ (generated C compiles as C++ too): its keywords and alternative tokens beyond C's.
    "asm", "catch", "char8_t", "char16_t", "char32_t", "class", "co_await", "co_return", "co_yield", "concept",
    "const_cast", "consteval", "constinit", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend",
    "mutable", "namespace", "new", "noexcept", "operator", "private", "protected", "public", "reinterpret_cast",
    "requires", "static_cast", "template", "this", "throw", "try", "typeid", "typename", "using", "virtual",
    "wchar_t", "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
  ]

  /// Every name `<math.h>` declares (C99 and the GNU/POSIX extras glibc shows by default, each
  /// function also with its `f` and `l` forms) and its macros. Swift's Foundation, Julia's Base
  /// and MATLAB define the same functions, so a variable must not hide one the body calls.
  static let mathLibrary: Set<String> = {
    let functions = [
      "acos", "asin", "atan", "atan2", "cos", "sin", "tan", "acosh", "asinh", "atanh", "cosh", "sinh", "tanh",
      "exp", "exp2", "expm1", "frexp", "ilogb", "ldexp", "log", "log10", "log1p", "log2", "logb", "modf", "scalbn",
      "scalbln", "cbrt", "fabs", "hypot", "pow", "sqrt", "erf", "erfc", "lgamma", "tgamma", "ceil", "floor",
      "nearbyint", "rint", "lrint", "llrint", "round", "lround", "llround", "trunc", "fmod", "remainder", "remquo",
      "copysign", "nan", "nextafter", "nexttoward", "fdim", "fmax", "fmin", "fma", "j0", "j1", "jn", "y0", "y1",
      "yn", "gamma", "drem", "finite", "significand", "scalb", "exp10", "pow10", "sincos", "lgamma_r", "gamma_r",
    ]
    let macros = [
      "NAN", "INFINITY", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL", "FP_INFINITE", "FP_NAN", "FP_NORMAL", "FP_SUBNORMAL",
      "FP_ZERO", "FP_FAST_FMA", "FP_FAST_FMAF", "FP_FAST_FMAL", "FP_ILOGB0", "FP_ILOGBNAN", "MATH_ERRNO",
      "MATH_ERREXCEPT", "math_errhandling", "float_t", "double_t", "isfinite", "isinf", "isnan", "isnormal",
      "signbit", "fpclassify", "isgreater", "isgreaterequal", "isless", "islessequal", "islessgreater",
      "isunordered", "issignaling", "iszero", "issubnormal", "iscanonical", "signgam", "M_E", "M_LOG2E",
      "M_LOG10E", "M_LN2", "M_LN10", "M_PI", "M_PI_2", "M_PI_4", "M_1_PI", "M_2_PI", "M_2_SQRTPI", "M_SQRT2",
      "M_SQRT1_2",
    ]
    return Set(functions + functions.map { $0 + "f" } + functions.map { $0 + "l" } + macros)
  }()

  /// Python 3 keywords, the builtins and the module generated Python uses.
  static let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "__debug__", "math",
    "abs", "max", "min", "float", "int", "round", "pow", "sum", "len", "range", "out", "np", "numpy", "scipy",
    "nzval",
  ]

  /// Swift keywords (declarations, statements, expressions and types), `_`, and the types the
  /// generated code names.
  static let swiftKeywords: Set<String> = [
    "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
    "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "private",
    "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
    "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
    "self", "Self", "super", "throws", "true", "try", "_", "Double", "Int", "Float", "Array", "Foundation",
    "Glibc", "Darwin", "out",
  ]

  /// Julia keywords and the Base names generated Julia uses or that read as constants.
  static let juliaKeywords: Set<String> = [
    "baremodule", "begin", "break", "catch", "const", "continue", "do", "else", "elseif", "end", "export", "false",
    "finally", "for", "function", "global", "if", "import", "let", "local", "macro", "module", "quote", "return",
    "struct", "true", "try", "using", "while", "where", "in", "isa", "outer", "public", "abstract", "mutable",
    "primitive", "type", "zeros", "pi", "π", "ℯ", "im", "Inf", "NaN", "nothing", "missing", "abs", "sign",
    "Float64", "J", "size", "copy", "rowvals", "nonzeros", "nzval", "throw", "ArgumentError", "SparseMatrixCSC",
  ]

  /// MATLAB keywords (`iskeyword`), Octave's, and the functions and constants generated MATLAB
  /// uses or that MATLAB predefines.
  static let matlabKeywords: Set<String> = [
    "break", "case", "catch", "classdef", "continue", "else", "elseif", "end", "for", "function", "global", "if",
    "otherwise", "parfor", "persistent", "return", "spmd", "switch", "try", "while", "arguments", "enumeration",
    "events", "methods", "properties", "endfunction", "endif", "endfor", "endwhile", "endswitch", "end_try_catch",
    "unwind_protect", "unwind_protect_cleanup", "end_unwind_protect", "do", "until", "zeros", "pi", "abs", "sign",
    "i", "j", "eps", "Inf", "inf", "NaN", "nan", "ans", "true", "false", "nargin", "nargout", "varargin",
    "varargout", "J",
  ]
}
