/// The letters of a name in LaTeX that pdflatex sets with amsmath alone: every identifier jac
/// accepts compiles. ASCII letters are themselves; Greek letters are commands (`θ` → `\theta`,
/// `ϑ` → `\vartheta`, `ε` → `\varepsilon`, `ϵ` → `\epsilon`), the capitals that look Latin are
/// upright Latin (`Α` → `\mathrm{A}`, omicron `\mathrm{o}`, so neither prints as the italic Latin letter); a Latin
/// letter with one accent is that accent in math (`é` → `\acute{e}`, `í` → `\acute{\imath}`);
/// any other letter (`ж`, `日`, `ℯ`) is its code point, `\mathtt{U{+}0436}`, since the default
/// fonts have no glyph for it.
extension LatexPrinter {
  /// A scalar that is not ASCII, as LaTeX.
  static func letter(_ s: Unicode.Scalar) -> String {
    if let g = greekCommand(s) { return "\\" + g }
    if let latin = greekLookalikes[s] { return latin }
    if let (accent, base) = accented[s] { return "\\\(accent){\(base)}" }
    let hex = String(s.value, radix: 16, uppercase: true)
    return "\\mathtt{U{+}" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
  }

  /// The LaTeX command of a Greek letter, where LaTeX has one.
  static func greekCommand(_ s: Unicode.Scalar) -> String? {
    if let variant = greekVariants[s] { return variant }
    guard let name = greekScalars[s], name != "omicron" else { return nil }
    return name
  }

  /// Greek letters whose LaTeX command differs from the name code generation spells them with.
  private static let greekVariants: [Unicode.Scalar: String] = [
    "\u{03B5}": "varepsilon", "\u{03F5}": "epsilon", "\u{03D1}": "vartheta", "\u{03F1}": "varrho",
    "\u{03D6}": "varpi", "\u{03C2}": "varsigma",
  ]

  /// Greek capitals written like Latin ones, and omicron.
  private static let greekLookalikes: [Unicode.Scalar: String] = {
    var map: [Unicode.Scalar: String] = ["\u{03BF}": "\\mathrm{o}"]
    let pairs: [(UInt32, String)] = [
      (0x0391, "A"), (0x0392, "B"), (0x0395, "E"), (0x0396, "Z"), (0x0397, "H"), (0x0399, "I"), (0x039A, "K"),
      (0x039C, "M"), (0x039D, "N"), (0x039F, "O"), (0x03A1, "P"), (0x03A4, "T"), (0x03A7, "X"),
    ]
    for (code, latin) in pairs { map[Unicode.Scalar(code)!] = "\\mathrm{\(latin)}" }
    return map
  }()

  /// Latin-1 and Latin Extended-A letters made of an ASCII letter and one accent that math mode
  /// has (from Unicode's canonical decompositions): each scalar to (accent, base).
  private static let accented: [Unicode.Scalar: (String, String)] = {
    let table: [(String, String, String)] = [
      ("grave", "ÀÈÌÒÙàèìòù", "AEIOUaeiou"),
      ("acute", "ÁÉÍÓÚÝáéíóúýĆćĹĺŃńŔŕŚśŹź", "AEIOUYaeiouyCcLlNnRrSsZz"),
      ("hat", "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ", "AEIOUaeiouCcGgHhJjSsWwYy"),
      ("tilde", "ÃÑÕãñõĨĩŨũ", "ANOanoIiUu"),
      ("ddot", "ÄËÏÖÜäëïöüÿŸ", "AEIOUaeiouyY"),
      ("mathring", "ÅåŮů", "AaUu"),
      ("bar", "ĀāĒēĪīŌōŪū", "AaEeIiOoUu"),
      ("breve", "ĂăĔĕĞğĬĭŎŏŬŭ", "AaEeGgIiOoUu"),
      ("dot", "ĊċĖėĠġİŻż", "CcEeGgIZz"),
      ("check", "ČčĎďĚěĽľŇňŘřŠšŤťŽž", "CcDdEeLlNnRrSsTtZz"),
    ]
    var map: [Unicode.Scalar: (String, String)] = [:]
    for (accent, letters, bases) in table {
      for (letter, base) in zip(letters.unicodeScalars, bases.unicodeScalars) {
        // A dotless i or j under an accent, as TeX sets them.
        let b = base == "i" ? "\\imath" : base == "j" ? "\\jmath" : String(base)
        map[letter] = (accent, b)
      }
    }
    return map
  }()
}
