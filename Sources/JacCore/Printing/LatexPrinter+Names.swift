/// Symbol names in LaTeX: Greek names as commands (`theta` → `\theta`), trailing digits or an
/// underscore part as a subscript (`x1`, `x_1` → `x_{1}`), longer names as one italic word
/// (`\mathit{rate}`); ``distinctSymbols(_:)`` keeps two names apart when they would print alike.
extension LatexPrinter {
  static let greek: Set<String> = [
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
    "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
  ]

  /// Greek letters typed as Unicode, to their names (`θ` → `theta`).
  static let greekScalars: [Unicode.Scalar: String] = {
    let lower = [
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
      "mu", "nu", "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ]
    var map: [Unicode.Scalar: String] = [:]
    for (i, name) in lower.enumerated() { map[Unicode.Scalar(0x03B1 + UInt32(i))!] = name }
    let upper = [
      "Gamma": 0x0393, "Delta": 0x0394, "Theta": 0x0398, "Lambda": 0x039B, "Xi": 0x039E, "Pi": 0x03A0,
      "Sigma": 0x03A3, "Upsilon": 0x03A5, "Phi": 0x03A6, "Psi": 0x03A8, "Omega": 0x03A9,
    ]
    for (name, code) in upper { map[Unicode.Scalar(UInt32(code))!] = name }
    map[Unicode.Scalar(0x03D5)!] = "phi"
    map[Unicode.Scalar(0x03C6)!] = "varphi"
    return map
  }()

  /// A variable name as LaTeX: `theta` → `\theta`, `x1` → `x_{1}`, `x_ab` → `x_{ab}`,
  /// `rate` → `\mathit{rate}`.
  public static func symbol(_ name: String) -> String {
    // The common case without the letter tables or Character work: one ASCII letter, then ASCII
    // digits (x, q1, l12; the simplifier measures such names in LaTeX on its first candidate).
    let bytes = name.utf8
    if let first = bytes.first, (0x61...0x7A).contains(first | 0x20),
      bytes.dropFirst().allSatisfy({ (0x30...0x39).contains($0) })
    {
      return bytes.count == 1 ? name : String(name.prefix(1)) + "_{" + String(name.dropFirst()) + "}"
    }
    if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
      let base = String(name[..<underscore])
      let sub = String(name[name.index(after: underscore)...])
      return symbolBase(base) + "_{" + (sub.isEmpty ? "" : subscriptText(sub)) + "}"
    }
    // Trailing digits become a subscript.
    let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty && digits.count < name.count {
      let base = String(name.dropLast(digits.count))
      return symbolBase(base) + "_{" + String(digits.reversed()) + "}"
    }
    return symbolBase(name)
  }

  /// The names among `names` that print otherwise, so that distinct names never print alike:
  /// where ``symbol(_:)`` would give two of them one form (`theta` and `θ` both `\theta`, `x1`
  /// and `x_1` both `x_{1}`), each of those is set literally (``literal(_:)``): `\mathit{theta}`
  /// beside `\mathit{{\theta}}`, `\mathit{x1}` beside `\mathit{x\_1}`.
  public static func distinctSymbols(_ names: some Sequence<String>) -> [String: String] {
    let distinct = Set(names)
    var byForm: [String: [String]] = [:]
    for name in distinct { byForm[symbol(name), default: []].append(name) }
    var out: [String: String] = [:]
    for group in byForm.values where group.count > 1 {
      for name in group { out[name] = literal(name) }
    }
    guard !out.isEmpty else { return [:] }
    // A literal form could in principle meet another name's usual form; then all go literal,
    // which is one-to-one.
    let forms = distinct.map { out[$0] ?? symbol($0) }
    if Set(forms).count < forms.count {
      for name in distinct { out[name] = literal(name) }
    }
    return out
  }

  /// A name set letter by letter: Greek scalars as `{\theta}`, `_` as `\_`, other non-ASCII
  /// scalars as `\text{…}`, in `\mathit{}`. One-to-one: the pieces form a prefix-free code.
  static func literal(_ name: String) -> String {
    var out = ""
    for s in name.unicodeScalars {
      if s == "_" {
        out += "\\_"
      } else if s.isASCII {
        out.unicodeScalars.append(s)
      } else {
        out += "{" + letter(s) + "}"
      }
    }
    return "\\mathit{\(out)}"
  }

  private static func subscriptText(_ s: String) -> String {
    if s.allSatisfy({ $0.isASCII && $0.isNumber }) { return s }
    return symbol(s)
  }

  private static func symbolBase(_ name: String) -> String {
    let scalars = Array(name.unicodeScalars)
    if scalars.count == 1, let g = greekCommand(scalars[0]) { return "\\" + g }
    if greek.contains(name) { return "\\" + name }
    if scalars.count == 1 && scalars[0].isASCII { return name.replacingUnderscores }
    if scalars.allSatisfy({ $0.isASCII }) { return "\\mathit{\(name.replacingUnderscores)}" }
    // Mixed or other letters: each as LaTeX sets it (``letter(_:)``), `_` as `\_`, and a space
    // between a command and a letter that would otherwise run on into its name (`Δx`:
    // `\Delta x`, not the undefined `\Deltax`).
    var out = ""
    var afterCommand = false
    for s in scalars {
      if s.isASCII {
        if afterCommand && s.properties.isAlphabetic { out += " " }
        out += s == "_" ? "\\_" : String(s)
        afterCommand = false
      } else {
        let piece = letter(s)
        out += piece
        afterCommand = piece.last?.isLetter ?? false
      }
    }
    return "\\mathit{\(out)}"
  }
}

extension String {
  fileprivate var replacingUnderscores: String {
    var out = ""
    for c in self { out += c == "_" ? "\\_" : String(c) }
    return out
  }
}
