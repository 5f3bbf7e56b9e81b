import JacCore

/// Help in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
enum HelpText {
  static let version = "jac 0.1.0"

  static func usage(_ command: Request.Command?) -> String {
    switch command {
    case nil, .jacobian?:
      return
        "jac [jacobian] <functions>... [--vars <names>] [--at <point>] [--jvp <v> | --vjp <u>] [--check] [--format text|latex|json]"
    case .det?:
      return "jac det <functions>... [--vars <names>] [--at <point>] [--volume-element] [--format text|latex|json]"
    case .grad?: return "jac grad <function> [--vars <names>] [--at <point>] [--check] [--format text|latex|json]"
    case .hessian?: return "jac hessian <function> [--vars <names>] [--at <point>] [--check] [--format text|latex|json]"
    case .diff?: return "jac diff <functions>... [--wrt <names>] [--at <point>] [--check] [--format text|latex|json]"
    case .simplify?: return "jac simplify <expressions>... [--at <point>] [--format text|latex|json]"
    case .inverse?: return "jac inverse <functions>... [--vars <names>] [--at <point>] [--format text|latex|json]"
    case .sparsity?: return "jac sparsity <functions>... [--vars <names>] [--format text|latex|json]"
    case .newton?:
      return
        "jac newton <equations>... --vars <names> --from <start> [--tol <t>] [--max-iter <n>] [--format text|latex|json]"
    }
  }

  static func overview(_ command: Request.Command?) -> String {
    switch command {
    case nil: return "Jacobians, gradients, Hessians and derivatives: exact, simplified, as text, LaTeX or JSON."
    case .jacobian?: return "The Jacobian matrix J[i][j] = dfi/dxj (m×n; a single function gives a 1×n row)."
    case .det?: return "The Jacobian determinant of a square system."
    case .grad?: return "The gradient of one function, as an n×1 column."
    case .hessian?: return "The Hessian matrix H[i][j] = d²f/dxi dxj (symmetric)."
    case .diff?: return "The (mixed) partial derivative along --wrt, left to right: --wrt x,x,y is d³f/dx²dy."
    case .simplify?: return "Parse, simplify and print expressions."
    case .inverse?: return "The inverse Jacobian adj(J)/det(J), simplified."
    case .newton?: return "Solve F(x) = 0 by Newton's method with the symbolic Jacobian."
    case .sparsity?: return "The Jacobian's pattern of structural nonzeros (* and .) and their count."
    }
  }

  static func text(_ command: Request.Command?) -> String {
    var out = "OVERVIEW: \(overview(command))\n\nUSAGE: \(usage(command))\n"
    if command == nil {
      out += """

        COMMANDS:
          jacobian (default)      Jacobian matrix
          det                     Jacobian determinant
          grad                    gradient (column)
          hessian                 Hessian matrix
          diff                    partial derivative along --wrt
          simplify                simplify expressions
          inverse                 inverse Jacobian
          newton                  solve F(x) = 0 by Newton's method
          sparsity                pattern of the Jacobian's nonzeros

        """
    }
    out += """

      ARGUMENTS:
        <functions>             Comma-separated component functions, e.g. "r*cos(t), r*sin(t)".
                                Without any, jac reads standard input: one input per line;
                                empty lines and lines starting with '#' are skipped.

      OPTIONS:
        --vars <names>          Variables in order, e.g. r,t (default: the free variables by name, x2 before x10).
        --wrt <names>           diff only: differentiate along these, left to right (default: --vars).
        --format <format>       text (default; unicode on a terminal), unicode, latex, json (one JSON object
                                per line), or code:
                                c, python, swift, julia, matlab (a function computing the result).
        --no-cse                Code: compute every entry in full, without shared temporaries.
        --dense                 Text: print a big sparse matrix aligned, zeros and all, not as its nonzero entries.
        --compact               Text and JSON: no spaces around + and -; a matrix row a line as [a,b], unpadded.
        --latex, --json         Short for --format latex, --format json.
        --no-simplify           Print the raw result of the differentiation rules.
        --at <point>            Values at a point, e.g. r=2,t=pi/3 (exact where exact, else decimals).
        --exact                 With --at: keep exact closed forms such as sqrt(3)/2.
        --jvp <v>               Jacobian only: print J·v (a column), e.g. --jvp 1,0 or --jvp dx,dy.
        --vjp <u>               Jacobian only: print uᵀ·J (a row).
        --check                 Compare every entry with central finite differences; exit 1 on a mismatch.
        --volume-element        det only: state the change of variables, dx dy = |det J| dr dt.
        --from <start>          newton: the starting point, one value per variable.
        --tol <t>               newton: stop when |F| <= t (default 1e-12).
        --max-iter <n>          newton: at most n steps (default 50).
        --lhs                   LaTeX: state the left-hand side, e.g. \\det \\frac{\\partial(x, y)}{\\partial(r, t)} = r.
        --env <name>            LaTeX matrix environment: pmatrix (default), bmatrix, Bmatrix, vmatrix, Vmatrix, matrix.
        --standalone            LaTeX: a whole document that pdflatex compiles, one display per answer.
        --with-latex            JSON: add "latex" (each result as LaTeX) and "latex_display".
        --steps                 jacobian, grad, diff: explain the derivation rule by rule, then the simplification.
        --entry <i,j>           With --steps: only entry (i, j) (grad: entry i).
        --stats                 After the answers, print compute time by phase on standard error.
        --version               Show the version.
        -h, --help              Show help information (also per command: jac det --help).

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
