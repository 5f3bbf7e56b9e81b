import JacCore

/// Help in swift-argument-parser's layout: OVERVIEW, USAGE, COMMANDS, ARGUMENTS, OPTIONS, read off
/// the command descriptions (``CommandDescription``) and the option table (``Option``).
enum HelpText {
  static let version = "jac 0.1.0"

  static let overview = "Jacobians, gradients, Hessians and derivatives: exact, simplified, as text, LaTeX or JSON."

  /// The USAGE line: jac's default command's, or the command's.
  static func usage(_ command: Request.Command?) -> String { (command ?? .jacobian).description.usage }

  /// Labels are padded to this width after a two-space indent; continuation lines start under the text.
  private static let labelWidth = 24

  private static func row(_ label: String, _ lines: [String]) -> String {
    let indent = String(repeating: " ", count: 2 + labelWidth)
    let first = "  " + label + String(repeating: " ", count: max(labelWidth - label.count, 1)) + lines[0]
    return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
  }

  static func text(_ command: Request.Command?) -> String {
    var out = "OVERVIEW: \(command?.description.overview ?? overview)\n\nUSAGE: \(usage(command))\n"
    if command == nil {
      out += "\nCOMMANDS:\n"
      for (k, d) in CommandDescription.all.enumerated() {
        out += row(d.name + (k == 0 ? " (default)" : ""), [d.summary]) + "\n"
      }
    }
    out += """

      ARGUMENTS:
        <functions>             Comma-separated component functions, e.g. "r*cos(t), r*sin(t)".
                                Without any, jac reads standard input: one input per line;
                                empty lines and lines starting with '#' are skipped.

      OPTIONS:

      """
    out += Option.allCases.compactMap { $0.help.map { row($0.label, $0.lines) } }.joined(separator: "\n")
    out += """


      EXAMPLES:
        jac "r*cos(t), r*sin(t)" --vars r,t
        jac det "r*cos(t), r*sin(t)" --vars r,t
        jac grad "x^2*sin(y)" --vars x,y --latex
        jac inverse "r*cos(t), r*sin(t)" --vars r,t
        jac newton "x^2 + y^2 - 4, x - y" --vars x,y --from 1,1
        echo "x^2*y, x+y" | jac --vars x,y --json

      Exit status: 0 success, 1 mathematical failure, 3 a limit exceeded, 64 usage error, 65 input does not parse.

      """
    return out
  }
}
