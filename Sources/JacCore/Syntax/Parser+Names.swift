/// The names the parser knows: functions (as typed, with their aliases and the names written as
/// other forms) and constants; every other identifier is a variable.
extension Parser {
  /// Function names, as typed: every ``Function``, `ln` and `sqrt`, the aliases, the names
  /// rewritten at parse time (``Rewrite``) and the operators.
  public static let functionNames: [String] =
    Function.allCases.map(\.name) + ["ln", "sqrt"] + aliases.map(\.0) + Rewrite.allCases.map(\.rawValue)
    + operators.map(\.name)

  /// The elementary functions, which "did you mean" tries before the rest.
  static let elementaryNames: [String] =
    Function.allCases.prefix { $0 != .sech }.map(\.name) + ["ln", "sqrt", "atan2"]

  /// The functions of several arguments.
  static let operators: [Operator] = [.atan2, .max, .min, .polygamma, .beta]

  /// Other names people type for the same functions; each parses to the same node.
  static let aliases: [(String, Function)] = [
    ("arcsin", .asin), ("arccos", .acos), ("arctan", .atan), ("arccot", .acot), ("arcsec", .asec), ("arccsc", .acsc),
    ("arcsinh", .asinh), ("arsinh", .asinh), ("arccosh", .acosh), ("arcosh", .acosh), ("arctanh", .atanh),
    ("artanh", .atanh), ("arccoth", .acoth), ("arcoth", .acoth), ("arcsech", .asech), ("arsech", .asech),
    ("arccsch", .acsch), ("arcsch", .acsch), ("sgn", .sign), ("logistic", .sigmoid), ("lgamma", .loggamma),
    ("psi", .digamma), ("productlog", .lambertw), ("cosec", .csc), ("arccosec", .acsc),
    ("ceiling", .ceil),
    // SymPy's printed names, so that its output pastes in: Abs(x), Heaviside(x), LambertW(x).
    ("Abs", .abs), ("Heaviside", .heaviside), ("LambertW", .lambertw),
    // mpmath's lower-case spellings, MATLAB's and SciPy's names (MATLAB's expint is E₁, not Ei).
    ("ei", .ei), ("si", .si), ("ci", .ci), ("shi", .shi), ("chi", .chi), ("expi", .ei), ("sinint", .si),
    ("cosint", .ci), ("sinhint", .shi), ("coshint", .chi), ("logint", .li),
  ]

  /// Names other notations give the elementary functions (tg and ctg in Russian and German
  /// texts, sh, ch and th for the hyperbolic ones, lg for log10): not read as them, since the
  /// same letters are plain names elsewhere, but suggested by "did you mean".
  static let foreignNames: [(String, String)] = [
    ("tg", "tan"), ("ctg", "cot"), ("cotg", "cot"), ("arctg", "atan"), ("arcctg", "acot"), ("sh", "sinh"),
    ("ch", "cosh"), ("th", "tanh"), ("cth", "coth"), ("lg", "log10"),
  ]

  /// Function names that are also common variable names (Greek letters): a function only when a
  /// `(` follows, a variable otherwise (`beta*gamma(x)`, `--vars psi`).
  /// The integrals' short names (Si, ci, chi, li, …) are among them: `chi` is a Greek letter, and
  /// `Ci`, `li` common names of quantities.
  static let variableOrFunction: [String] = [
    "beta", "gamma", "psi", "pow", "Ei", "Si", "Ci", "Shi", "Chi", "li", "ei", "si", "ci", "shi", "chi",
  ]

  /// Functions written at parse time as other forms, chosen because the forms print and
  /// differentiate as well and every pass already knows them:
  /// `log(x, b)` = log(x)/log(b) (SymPy's order; exact when x is a rational power of b:
  /// log(8, 2) = 3), `log10(x)` = log(x)/log(10), `log2(x)` = log(x)/log(2),
  /// `cbrt(x)` = x^(1/3) and `root(x, n)` = x^(1/n) (real for negative x and odd n),
  /// `hypot(x, y)` = sqrt(x^2 + y^2), and C's and NumPy's names: `log1p(x)` = log(1 + x),
  /// `expm1(x)` = exp(x) − 1, `pow(x, y)` = x^y (generated code writes log1p and expm1 back where
  /// they keep digits).
  enum Rewrite: String, CaseIterable {
    case log10, log2, cbrt, root, hypot, log1p, expm1, pow

    var arity: ClosedRange<Int> { self == .root || self == .hypot || self == .pow ? 2...2 : 1...1 }

    /// The form the name stands for, of its arguments (the scalar and the matrix parser alike).
    func form(_ arguments: [Expr], in pool: ExpressionPool) -> Expr {
      let x = arguments[0]
      switch self {
      case .log10: return pool.logarithm(x, base: pool.number(10))
      case .log2: return pool.logarithm(x, base: pool.number(2))
      case .cbrt: return pool.power(x, pool.number(Rational(BigInt(1), BigInt(3))))
      case .root: return pool.power(x, pool.reciprocal(arguments[1]))
      case .hypot: return pool.sqrt(pool.add(pool.square(x), pool.square(arguments[1])))
      case .log1p: return pool.call(.log, pool.add(pool.one, x))
      case .expm1: return pool.subtract(pool.call(.exp, x), pool.one)
      case .pow: return pool.power(x, arguments[1])
      }
    }
  }

  /// What a function name calls.
  enum Callee {
    /// A function of one argument; nil is `sqrt`, a power.
    case unary(Function?)
    /// A function of several arguments.
    case several(Operator)
    /// `log`, of one argument (natural) or two (`log(x, b)`).
    case logarithm
    /// A name written as another form.
    case rewritten(Rewrite)

    var arity: ClosedRange<Int>? {
      switch self {
      case .unary: return 1...1
      case .several(let op): return op.arity
      case .logarithm: return 1...2
      case .rewritten(let r): return r.arity
      }
    }
  }

  /// The callee a name denotes, if it is a function name.
  static func callee(named name: String) -> Callee? {
    // Most names read are variables; those that cannot be a function name by their first byte
    // and length (`u123`, `x`, `r`) skip the hashed lookup.
    let utf8 = name.utf8
    guard let first = utf8.first, mayBeFunctionName(first: first, count: utf8.count) else { return nil }
    return callees[name]
  }

  /// Whether some function name has `count` bytes and starts with the byte `first` (by
  /// ``calleeShapes``; the parser passes its own copy, read without the lazy global's check).
  @inline(__always) static func mayBeFunctionName(first: UInt8, count: Int, shapes: [UInt16] = calleeShapes) -> Bool {
    first < 0x80 && count < 16 && shapes[Int(first)] & (1 << UInt16(count)) != 0
  }

  /// For each ASCII first byte, bit n set when some function name of n bytes starts with it.
  static let calleeShapes: [UInt16] = {
    var shapes = [UInt16](repeating: 0, count: 128)
    for name in callees.names {
      let utf8 = name.utf8
      precondition(utf8.first! < 0x80 && utf8.count < 16, "function names are short ASCII")
      shapes[Int(utf8.first!)] |= 1 << UInt16(utf8.count)
    }
    return shapes
  }()

  /// Every function name and its callee, looked up once per identifier (the parser asks for
  /// each name it reads): `log`, then the functions of one argument (with `sqrt`, `ln` and the
  /// aliases), then the rewritten names, then the operators, an earlier kind winning a name.
  private static let callees: CalleeTable = {
    var callees = CalleeTable()
    for op in operators { callees[op.name] = .several(op) }
    for r in Rewrite.allCases { callees[r.rawValue] = .rewritten(r) }
    callees["sqrt"] = .unary(nil)
    callees["ln"] = .unary(.log)
    for f in Function.allCases { callees[f.name] = .unary(f) }
    for (alias, f) in aliases { callees[alias] = .unary(f) }
    callees["log"] = .logarithm
    return callees
  }()

  /// The names and their callees in an open-addressing table hashed by FNV-1a of the name's
  /// bytes (about 100 names in 256 slots). Not a `[String: Callee]`: a dictionary of a new type
  /// makes the runtime build its generic metadata on first use, and every lookup runs SipHash;
  /// this table is built in a few thousand instructions (issue 20).
  struct CalleeTable {
    private(set) var names: [String] = []
    private var values: [Callee] = []
    private var slots = [Int16](repeating: -1, count: 256)

    init() {
      names.reserveCapacity(slots.count / 2)
      values.reserveCapacity(slots.count / 2)
    }

    private func slot(of name: String) -> Int {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
      var slot = Int(truncatingIfNeeded: h ^ (h >> 32)) & (slots.count - 1)
      while slots[slot] >= 0 && names[Int(slots[slot])] != name { slot = (slot + 1) & (slots.count - 1) }
      return slot
    }

    /// A later assignment to a name replaces the earlier one, as a dictionary's does.
    subscript(name: String) -> Callee? {
      get {
        let i = slots[slot(of: name)]
        return i < 0 ? nil : values[Int(i)]
      }
      set {
        let s = slot(of: name)
        if slots[s] >= 0 {
          values[Int(slots[s])] = newValue!
        } else {
          precondition(names.count < slots.count / 2, "the table of function names is at most half full")
          slots[s] = Int16(names.count)
          names.append(name)
          values.append(newValue!)
        }
      }
    }
  }

  /// Names that are neither variables nor functions.
  public static let constantNames: [String] = ["pi", "π", "e"]

  /// The function a name denotes: `.some(nil)` is `sqrt`; `log` and `ln` are ``Function/log``.
  static func function(named name: String) -> Function?? {
    if name == "log" { return .some(.log) }
    if case .unary(let f)? = callee(named: name) { return .some(f) }
    return nil
  }

  public static func isVariableName(_ name: String) -> Bool {
    (callee(named: name) == nil || variableOrFunction.contains(name)) && !isConstantName(name)
  }

  /// Whether `name` is one of ``constantNames`` (each of one or two bytes).
  static func isConstantName(_ name: String) -> Bool {
    name.utf8.count <= 2 && constantNames.contains(name)
  }
}

/// Each distinct name of a text looked up once (``NameTable``).
extension Parser {
  /// The ``NameTable`` entry of the name `token` spells, made on its first reading: what the name
  /// denotes is asked once per distinct name.
  @inline(__always) mutating func nameIndex(_ token: Lexeme) -> Int {
    let key = UInt64(UInt(bitPattern: token.value))
    let probe = names.probe(key, token.range, in: lexer.bytes)
    if let i = probe.index { return i }
    return enterName(key, token.range, at: probe)
  }

  /// A name read for the first time in this text: its entry, at `probe`.
  @inline(never) private mutating func enterName(_ key: UInt64, _ range: SourceRange, at probe: NameTable.Probe) -> Int
  {
    let name = lexer.text(range)
    let mayCall = Self.mayBeFunctionName(
      first: lexer.bytes[range.start], count: range.end - range.start, shapes: calleeShapes)
    let callee = mayCall ? Self.callee(named: name) : nil
    let entry = NameTable.Entry(
      name: name, fnv: NameTable.fnv(lexer.bytes, range), callee: callee,
      alsoVariable: callee != nil && Self.variableOrFunction.contains(name),
      isUndefinedFunction: isUndefinedFunction(name))
    return names.insert(entry, key: key, at: probe, range: range)
  }

  /// Whether `name` is among ``functions``; a name of a length no such name has is not hashed
  /// (the conventional names are one letter; a long input's names are mostly longer).
  func isUndefinedFunction(_ name: String) -> Bool {
    functionLengths & (1 << UInt64(min(name.utf8.count, 63))) != 0 && functions.contains(name)
  }
}
