import Foundation
import Testing

/// Issue 18, the Jacobian at work: every example of the issue run as a person runs it, in text,
/// LaTeX and JSON. The expected answers were computed independently with SymPy (the script's
/// lines are quoted beside each group).
@Suite struct AppliedCommandsTests {
  struct Transcript: CustomStringConvertible {
    var args: [String]
    var stdout: String
    /// What standard error must contain ("" for nothing in particular).
    var note: String = ""
    var status: Int32 = 0
    var description: String { args.joined(separator: " ") }
  }

  static let sphere = "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)"
  static let gramNote = "note: this is sqrt(det(JᵀJ)), the Gram determinant of the 3×2 Jacobian: the area element"

  /// The Gram determinant. SymPy: `sqrt(simplify((J.T*J).det()))` with real symbols gives
  /// R**2*Abs(sin(p)), sqrt(c**2 + u**2), sqrt(4*x**2 + 4*y**2 + 1), sqrt(2).
  static let gram: [Transcript] = [
    Transcript(args: ["det", sphere, "--vars", "p,t"], stdout: "R^2*abs(sin(p))\n", note: gramNote),
    Transcript(args: ["det", "u*cos(v), u*sin(v), c*v", "--vars", "u,v"], stdout: "sqrt(c^2 + u^2)\n", note: gramNote),
    Transcript(args: ["det", "x, y, x^2 + y^2", "--vars", "x,y"], stdout: "sqrt(4*x^2 + 4*y^2 + 1)\n", note: gramNote),
    Transcript(
      args: ["det", "cos(t), sin(t), t", "--vars", "t"], stdout: "sqrt(2)\n", note: "3×1 Jacobian: the length element"),
    Transcript(args: ["det", sphere, "--vars", "p,t", "--volume-element"], stdout: "dS = R^2*abs(sin(p)) dp dt\n"),
    Transcript(args: ["det", "cos(t), sin(t), t", "--vars", "t", "--volume-element"], stdout: "ds = sqrt(2) dt\n"),
    // A solid in 4-space: (r, p, t) ↦ spherical coordinates and a fourth coordinate 0.
    Transcript(
      args: ["det", "r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p), 0", "--vars", "r,p,t", "--volume-element"],
      stdout: "dV = r^2*abs(sin(p)) dr dp dt\n", note: "4×3 Jacobian: the 3-volume element"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--latex", "--lhs"],
      stdout: "\\sqrt{\\det(J^\\top J)} = R^{2} \\left|\\sin(p)\\right|\n"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--volume-element", "--latex"],
      stdout: "dS = R^{2} \\left|\\sin(p)\\right| \\, dp\\,dt\n"),
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--json"],
      stdout: "{\"input\":\"\(sphere)\",\"command\":\"det\",\"vars\":[\"p\",\"t\"],\"result\":\"R^2*abs(sin(p))\","
        + "\"kind\":\"gram\"}\n"),
    Transcript(args: ["det", sphere, "--vars", "p,t", "--at", "R=2,p=pi/2"], stdout: "4\n", note: gramNote),
    // A square det is not a Gram determinant: no note, no kind.
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--json"],
      stdout: "{\"input\":\"r*cos(t), r*sin(t)\",\"command\":\"det\",\"vars\":[\"r\",\"t\"],\"result\":\"r\"}\n"),
    Transcript(
      args: ["det", "x*y, x + y", "--vars", "x,y,z"], stdout: "",
      note: "error: det of a 2×3 Jacobian: a map of 3 variables to 2 functions scales no 3-dimensional volume",
      status: 1),
  ]

  /// log|det J|. SymPy: `log(Abs(simplify(J.det())))`; the planar-style layer's det is
  /// 4 - 3*tanh(x + y)**2, the coupling layer's exp(s(x1)), the sphere's Gram determinant as above.
  static let logdet: [Transcript] = [
    Transcript(args: ["logdet", "x + 2*tanh(x + y), y + tanh(x + y)"], stdout: "log(abs(4 - 3*tanh(x + y)^2))\n"),
    Transcript(args: ["logdet", "x1, x2*exp(s(x1)) + t(x1)", "--funcs", "s,t", "--vars", "x1,x2"], stdout: "s(x1)\n"),
    // A planar flow z + u·tanh(wᵀz + b); SymPy: det = 1 + (u1*w1 + u2*w2)*(1 - tanh(w1*x + w2*y + b)**2).
    Transcript(
      args: ["logdet", "x + u1*tanh(w1*x + w2*y + b), y + u2*tanh(w1*x + w2*y + b)", "--vars", "x,y"],
      stdout: "log(abs(u1*w1 - tanh(w1*x + w2*y + b)^2*(u1*w1 + u2*w2) + u2*w2 + 1))\n"),
    Transcript(
      args: ["logdet", sphere, "--vars", "p,t"], stdout: "log(R^2*abs(sin(p)))\n",
      note: "note: this is log(det(JᵀJ))/2, the log of the Gram determinant of the 3×2 Jacobian"),
    Transcript(
      args: ["logdet", "r*cos(t), r*sin(t)", "--vars", "r,t", "--latex", "--lhs"],
      stdout: "\\log \\left|\\det \\frac{\\partial (f_{1}, f_{2})}{\\partial (r, t)}\\right| = "
        + "\\ln\\left(\\left|r\\right|\\right)\n"),
    Transcript(
      args: ["logdet", sphere, "--vars", "p,t", "--latex", "--lhs"],
      stdout: "\\tfrac{1}{2} \\log \\det(J^\\top J) = \\ln\\left(R^{2} \\left|\\sin(p)\\right|\\right)\n"),
    Transcript(
      args: ["logdet", "r*cos(t), r*sin(t)", "--vars", "r,t", "--json"],
      stdout: "{\"input\":\"r*cos(t), r*sin(t)\",\"command\":\"logdet\",\"vars\":[\"r\",\"t\"],"
        + "\"result\":\"log(abs(r))\"}\n"),
    Transcript(args: ["logdet", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2"], stdout: "0.6931471805599453\n"),
    Transcript(
      args: ["logdet", "x + y, x + y"], stdout: "",
      note: "error: det J = 0 everywhere (the Jacobian is singular); log|det J| is undefined", status: 1),
    Transcript(
      args: ["logdet", "x*y", "--vars", "x,y"], stdout: "", note: "error: logdet of a 1×2 Jacobian", status: 1),
  ]

  static let cartPole =
    "v, (F + m*sin(th)*(l*w^2 - g*cos(th)))/(M + m*sin(th)^2), w, "
    + "(-F*cos(th) - m*l*w^2*cos(th)*sin(th) + (M + m)*g*sin(th))/(l*(M + m*sin(th)^2))"
  static let pendulum = "w, -g/l*sin(th) - b*w + u/(m*l^2)"

  /// linearize. SymPy: `f.jacobian([x, v, th, w]).subs({th: 0, w: 0})` gives
  /// [[0, 1, 0, 0], [0, 0, -g*m/M, 0], [0, 0, 0, 1], [0, 0, g*(M + m)/(M*l), 0]], B = [0, 1/M, 0, -1/(M*l)];
  /// the pendulum's A = [[0, 1], [-g*cos(th)/l, -b]], B = [0, 1/(l**2*m)], at th = pi A[2][1] = g/l.
  static let linearize: [Transcript] = [
    Transcript(
      args: ["linearize", cartPole, "--state", "x,v,th,w", "--input", "F", "--at", "th=0,w=0"],
      stdout: """
        A =
        [ 0  1  0                0 ]
        [ 0  0  -g*m/M           0 ]
        [ 0  0  0                1 ]
        [ 0  0  g*(M + m)/(M*l)  0 ]

        B =
        [ 0        ]
        [ 1/M      ]
        [ 0        ]
        [ -1/(M*l) ]

        """),
    Transcript(
      args: ["linearize", pendulum, "--state", "th,w", "--input", "u", "--output", "th"],
      stdout: """
        A =
        [ 0             1  ]
        [ -g*cos(th)/l  -b ]

        B =
        [ 0         ]
        [ 1/(l^2*m) ]

        C =
        [ 1  0 ]

        D =
        [ 0 ]

        """),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--state", "th,w"], stdout: "A =\n[ 0         1 ]\n[ -cos(th)  0 ]\n"),
    Transcript(
      args: ["linearize", pendulum, "--state", "th,w", "--input", "u", "--at", "th=0", "--latex"],
      stdout: "A = \\begin{pmatrix} 0 & 1 \\\\ -\\frac{g}{l} & -b \\end{pmatrix}, \\quad "
        + "B = \\begin{pmatrix} 0 \\\\ \\frac{1}{l^{2} m} \\end{pmatrix}\n"),
    Transcript(
      args: [
        "linearize", pendulum, "--state", "th,w", "--input", "u", "--output", "th", "--at", "th=pi,w=0", "--json",
      ],
      stdout: "{\"input\":\"\(pendulum)\",\"command\":\"linearize\",\"vars\":[\"th\",\"w\",\"u\"],"
        + "\"state\":[\"th\",\"w\"],\"inputs\":[\"u\"],\"result\":{\"A\":[[\"0\",\"1\"],[\"g/l\",\"-b\"]],"
        + "\"B\":[[\"0\"],[\"1/(l^2*m)\"]],\"C\":[[\"1\",\"0\"]],\"D\":[[\"0\"]]}}\n"),
    // Numbers for every name: decimals where they are not rational.
    Transcript(
      args: ["linearize", pendulum, "--state", "th,w", "--input", "u", "--at", "th=1,g=1,l=1,b=0,m=1"],
      stdout: "A =\n[ 0                    1 ]\n[ -0.5403023058681398  0 ]\n\nB =\n[ 0 ]\n[ 1 ]\n"),
    // A component named after a state is that state's derivative: x' = v, v' = −x in any order.
    Transcript(args: ["linearize", "v = -x, x = v", "--state", "x,v"], stdout: "A =\n[ 0   1 ]\n[ -1  0 ]\n"),
    Transcript(
      args: ["linearize", "v = -x", "x = v", "--state", "x,v", "--json"],
      stdout: "{\"input\":\"v = -x, x = v\",\"command\":\"linearize\",\"vars\":[\"x\",\"v\"],\"names\":[\"x\",\"v\"],"
        + "\"state\":[\"x\",\"v\"],\"inputs\":[],\"result\":{\"A\":[[\"0\",\"1\"],[\"-1\",\"0\"]]}}\n"),
    Transcript(
      args: ["linearize", "q = v, v = -x", "--state", "x,v"], stdout: "",
      note: "error: component 'q' is not named after a state variable (x, v)\n  q = v, v = -x\n  ^\n", status: 65),
    Transcript(
      args: ["linearize", "x = v, -x", "--state", "x,v"], stdout: "",
      note: "error: component 'x' is named but not every component is; name each after its state, or none", status: 65),
    Transcript(
      args: ["linearize", "x = v", "x = -x", "--state", "x,v"], stdout: "",
      note: "error: component 'x' is named twice", status: 65),
    Transcript(
      args: ["linearize", "w", "--state", "th,w"], stdout: "",
      note: "error: linearize needs one function x' = f per state variable; found 1 function for 2 in '--state'",
      status: 1),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--state", "th,w", "--vars", "th"], stdout: "",
      note: "error: '--vars' does not apply to linearize; name the variables with '--state' and '--input'", status: 64),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--input", "th"], stdout: "",
      note: "error: linearize needs the state variables: '--state x,v'", status: 64),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--state", "th,w", "--input", "th"], stdout: "",
      note: "error: 'th' is in both '--state' and '--input'", status: 64),
    Transcript(
      args: ["det", "x", "--state", "x"], stdout: "",
      note: "error: '--state', '--input' and '--output' apply to linearize only", status: 64),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--state", "th,w", "--output", "th +"], stdout: "",
      note: "error: in '--output'", status: 64),
    Transcript(
      args: ["linearize", "w, -sin(th)", "--state", "th,w", "--format", "c", "--at", "th=0"], stdout: "",
      note: "error: '--format c' generates code for the symbolic result", status: 64),
  ]

  /// taylor. SymPy: `series(f(a + t*(x - a)), t, 0, k + 1)` at t = 1: exp(x)*sin(y) → x*y + y
  /// (order 3: + x**2*y/2 - y**3/6), sqrt(x) at 1 → 1 + (x-1)/2 - (x-1)**2/8 + (x-1)**3/16,
  /// x**2*y + y**3 at (1, 2) as below, exp(a*x) → 1 + a*x + … + a**4*x**4/24.
  static let taylor: [Transcript] = [
    Transcript(args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0"], stdout: "y + x*y\n"),
    Transcript(
      args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0", "--order", "3"], stdout: "y + x*y + x^2*y/2 - y^3/6\n"),
    Transcript(
      args: ["taylor", "sqrt(x)", "--at", "x=1", "--order", "3"], stdout: "1 + (x - 1)/2 - (x - 1)^2/8 + (x - 1)^3/16\n"
    ),
    Transcript(
      args: ["taylor", "sin(x)", "--at", "x=pi/6"], stdout: "1/2 + sqrt(3)*(x - pi/6)/2 - (x - pi/6)^2/4\n"),
    Transcript(
      args: ["taylor", "x^2*y + y^3", "--at", "x=1,y=2"],
      stdout: "10 + 4*(x - 1) + 13*(y - 2) + 2*(x - 1)^2 + 2*(y - 2)*(x - 1) + 6*(y - 2)^2\n"),
    Transcript(
      args: ["taylor", "exp(a*x), cos(x)", "--at", "x=0", "--order", "4"],
      stdout: "1 + a*x + a^2*x^2/2 + a^3*x^3/6 + a^4*x^4/24, 1 - x^2/2 + x^4/24\n"),
    Transcript(args: ["taylor", "cos(x)", "--at", "x=0", "--order", "0"], stdout: "1\n"),
    Transcript(
      args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0", "--latex"], stdout: "y + x y\n"),
    Transcript(
      args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0", "--json"],
      stdout: "{\"input\":\"exp(x)*sin(y)\",\"command\":\"taylor\",\"vars\":[\"x\",\"y\"],\"order\":2,"
        + "\"at\":{\"x\":\"0\",\"y\":\"0\"},\"result\":\"y + x*y\"}\n"),
    Transcript(
      args: ["taylor", "log(x)", "--at", "x=0"], stdout: "",
      note: "error: the function is undefined or not real at this point", status: 1),
    // No Taylor polynomial on a kink or jump, decided exactly (SymPy: relu, max(x, 0), floor,
    // heaviside and sign have no derivative there; atan2 jumps by 2π across y = 0 for x < 0).
    Transcript(
      args: ["taylor", "relu(x)", "--at", "x=0"], stdout: "",
      note: "error: the point is on a kink or jump of relu(x); there is no Taylor polynomial there", status: 1),
    Transcript(
      args: ["taylor", "max(x,0)", "--at", "x=0"], stdout: "",
      note: "error: the point is on a kink or jump of max(0, x)", status: 1),
    Transcript(
      args: ["taylor", "max(x,-x)", "--at", "x=0"], stdout: "", note: "kink or jump of max(x, -x)", status: 1),
    Transcript(args: ["taylor", "floor(x)", "--at", "x=1"], stdout: "", note: "kink or jump of floor(x)", status: 1),
    Transcript(
      args: ["taylor", "1 + heaviside(x)", "--at", "x=0"], stdout: "", note: "kink or jump of heaviside(x)", status: 1),
    Transcript(args: ["taylor", "sign(x)", "--at", "x=0"], stdout: "", note: "kink or jump of sign(x)", status: 1),
    Transcript(
      args: ["taylor", "abs(x)", "--at", "x=0"], stdout: "", note: "kink or jump of abs(x)", status: 1),
    Transcript(
      args: ["taylor", "atan2(y, x)", "--at", "x=-1,y=0"], stdout: "", note: "kink or jump of atan2(y, x)", status: 1),
    // Off the kink: floor(x) near 1/2, and min(x, y, 2) at x = y = 3, whose tie is not the minimum.
    Transcript(args: ["taylor", "floor(x)", "--at", "x=1/2"], stdout: "0\n"),
    Transcript(args: ["taylor", "min(x, y, 2)", "--at", "x=3,y=3"], stdout: "2\n"),
    Transcript(
      args: ["taylor", "x*y", "--vars", "x,y", "--at", "x=1"], stdout: "", note: "error: '--at' gives no value for 'y'",
      status: 64),
    Transcript(
      args: ["taylor", "x^2"], stdout: "", note: "error: taylor needs the point to expand about: '--at x=0,y=0'",
      status: 64),
    Transcript(
      args: ["taylor", "x", "--at", "x=0", "--order", "31"], stdout: "",
      note: "error: '--order' needs a whole number from 0 to 30, found '31'", status: 64),
    Transcript(
      args: [
        "taylor", "x1+x2+x3+x4+x5+x6+x7+x8+x9+x10", "--at", "x1=0,x2=0,x3=0,x4=0,x5=0,x6=0,x7=0,x8=0,x9=0,x10=0",
        "--order", "10",
      ], stdout: "", note: "the Taylor polynomial would have 184756 terms", status: 3),
  ]

  static let folium = "x^3 + y^3 = 6*x*y"
  static let foliumNote = "note: valid where ∂F/∂y = 3*y^2 - 6*x ≠ 0 (the implicit function theorem)"

  /// implicit. SymPy: `idiff(x**3 + y**3 - 6*x*y, y, x)` = (x**2 - 2*y)/(2*x - y**2), equal to jac's
  /// (2*y - x^2)/(y^2 - 2*x); `idiff(x**2 + y**2 - 1, y, x)` = -x/y; the systems' -Fu.inv()*Fx
  /// minus jac's matrices simplify to 0.
  static let implicit: [Transcript] = [
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--wrt", "x"], stdout: "(2*y - x^2)/(y^2 - 2*x)\n", note: foliumNote),
    Transcript(args: ["implicit", "x^2 + y^2 - 1", "--dep", "y"], stdout: "-x/y\n", note: "∂F/∂y = 2*y ≠ 0"),
    Transcript(args: ["implicit", folium, "--dep", "y", "--wrt", "x", "--at", "x=3,y=3"], stdout: "-1\n"),
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--wrt", "x", "--latex", "--lhs"],
      stdout: "\\frac{d\\,y}{d\\,x} = \\frac{2 y - x^{2}}{y^{2} - 2 x}\n", note: foliumNote),
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--wrt", "x", "--json"],
      stdout: "{\"input\":\"\(folium)\",\"command\":\"implicit\",\"vars\":[\"x\",\"y\"],\"dep\":[\"y\"],"
        + "\"wrt\":[\"x\"],\"result\":\"(2*y - x^2)/(y^2 - 2*x)\",\"condition\":\"3*y^2 - 6*x\"}\n"),
    Transcript(
      args: ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x,y"],
      stdout: "[ (u*y - 1)/(u - v)  (u*x + 1)/(u - v)  ]\n[ (1 - v*y)/(u - v)  -(v*x + 1)/(u - v) ]\n",
      note: "note: valid where det ∂F/∂(u, v) = u - v ≠ 0"),
    Transcript(
      args: ["implicit", "x*u + y*v^2 = 0, x*v^3 + y^2*u^6 = 0", "--dep", "u,v", "--wrt", "x,y", "--json"],
      stdout: "{\"input\":\"x*u + y*v^2 = 0, x*v^3 + y^2*u^6 = 0\",\"command\":\"implicit\","
        + "\"vars\":[\"x\",\"y\",\"u\",\"v\"],\"shape\":[2,2],\"dep\":[\"u\",\"v\"],\"wrt\":[\"x\",\"y\"],"
        + "\"result\":[[\"v*(3*u*x - 2*v^2*y)/(3*(4*u^5*y^3 - v*x^2))\",\"(3*v^3*x - 4*u^6*y^2)/(3*(4*u^5*y^3 - v*x^2))\"],"
        + "[\"(v^3*x - 6*u^6*y^2)/(3*v*(4*u^5*y^3 - v*x^2))\",\"2*u^5*y*(u*x - 3*v^2*y)/(3*v*(4*u^5*y^3 - v*x^2))\"]],"
        + "\"condition\":\"3*v*(v*x^2 - 4*u^5*y^3)\"}\n"),
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--wrt", "x", "--at", "x=0,y=0"], stdout: "",
      note: "error: det ∂F/∂(dep) = 0 at this point: the implicit function theorem does not apply there", status: 1),
    Transcript(
      args: ["implicit", "x^2 + z^2 - 1", "--dep", "y"], stdout: "",
      note: "error: the equations do not define the '--dep' variables implicitly", status: 1),
    Transcript(
      args: ["implicit", "x + y", "--dep", "y,x"], stdout: "",
      note: "error: implicit needs one equation per dependent variable; found 1 equation for 2 in '--dep'", status: 1),
    Transcript(
      args: ["implicit", "y^2 = 1", "--dep", "y"], stdout: "",
      note: "error: implicit has no independent variables: every name is in '--dep'; give '--wrt'", status: 1),
    Transcript(
      args: ["implicit", "x*y = 1", "--dep", "y", "--wrt", "x,y"], stdout: "",
      note: "error: 'y' is in both '--dep' and '--wrt'", status: 64),
    Transcript(
      args: ["implicit", "x*y = 1", "--dep", "y", "--wrt", "x,x"], stdout: "",
      note: "error: variable 'x' listed twice in '--wrt'", status: 64),
    Transcript(
      args: ["implicit", "x*y = 1"], stdout: "", note: "error: implicit needs the dependent variables: '--dep y'",
      status: 64),
    Transcript(
      args: ["implicit", "x*y = 1 = 2", "--dep", "y"], stdout: "", note: "error: ", status: 65),
    // '=' is an equation here and a component's name elsewhere.
    Transcript(args: ["implicit", "x = y^2", "--dep", "y"], stdout: "1/(2*y)\n", note: "∂F/∂y = -2*y ≠ 0"),
    // Reduced on the circle: SymPy's idiff gives -3*x*(x**2 + y**2)/y**5.
    Transcript(
      args: ["implicit", "x^2 + y^2 = 1", "--dep", "y", "--wrt", "x", "--order", "3", "--json"],
      stdout: "{\"input\":\"x^2 + y^2 = 1\",\"command\":\"implicit\",\"vars\":[\"x\",\"y\"],\"dep\":[\"y\"],"
        + "\"wrt\":[\"x\"],\"order\":3,\"result\":\"-3*x/y^5\",\"condition\":\"2*y\"}\n"),
    // Off the curve, said so (x² + y² − 1 = 3 at (0, 2); u + v − x·y = 1 at (3, 1, 3, 1)); on it not.
    Transcript(
      args: ["implicit", "x^2 + y^2 = 1", "--dep", "y", "--wrt", "x", "--order", "2", "--at", "x=0,y=2"],
      stdout: "-1/8\n", note: "note: the point is not on the curve: F = 3 there, not 0"),
    Transcript(
      args: ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x", "--at", "x=3,y=1,u=3,v=1"],
      stdout: "[ 1 ]\n[ 0 ]\n", note: "note: the point is not on the curve: F1 = 1 there, not 0"),
    // A system's second derivatives along one variable (ImplicitOrderTests has SymPy's).
    Transcript(
      args: ["implicit", "u + v = x*y, u*v = x - y", "--dep", "u,v", "--wrt", "x", "--order", "2", "--latex", "--lhs"],
      stdout: "\\frac{d^{2} (u, v)}{d x^{2}} = \\begin{pmatrix} \\frac{2 (u y - 1) (1 - v y)}{(u - v)^{3}} \\\\ "
        + "\\frac{2 (u v y^{2} - u y - v y + 1)}{(u - v)^{3}} \\end{pmatrix}\n",
      note: "note: valid where det ∂F/∂(u, v) = u - v ≠ 0"),
  ]

  /// hessian --classify and critical. SymPy: `hessian(f, V).subs(p).eigenvals()` gives {6, 2} at
  /// (1, 0) and {-6, 2} at (-1, 0) for x**3 - 3*x + y**2; {±1} for x*y; {0, 0} for x**2*y;
  /// {-1, -2, -3} for the quadratic in three variables; {-1, -1} for sin(x)*sin(y) at (pi/2, pi/2);
  /// {4 ± 2*sqrt(5)} for x**2 + 4*x*y + 3*y**2; {2, -1, -1} for x*y + y*z + x*z; x**2 + y has gradient (0, 1).
  static let classify: [Transcript] = [
    Transcript(
      args: ["hessian", "x^3 - 3*x + y^2", "--at", "x=1,y=0", "--classify"],
      stdout: "[ 6  0 ]\n[ 0  2 ]\nlocal minimum (H positive definite)\n"),
    Transcript(
      args: ["hessian", "x^3 - 3*x + y^2", "--at", "x=-1,y=0", "--classify"],
      stdout: "[ -6  0 ]\n[ 0   2 ]\nsaddle point (H indefinite: 1 positive, 1 negative eigenvalues)\n"),
    Transcript(
      args: ["hessian", "x*y", "--at", "x=0,y=0", "--classify"],
      stdout: "[ 0  1 ]\n[ 1  0 ]\nsaddle point (H indefinite: 1 positive, 1 negative eigenvalues)\n"),
    Transcript(
      args: ["hessian", "x*y + y*z + x*z", "--at", "x=0,y=0,z=0", "--classify", "--json"],
      stdout: "{\"input\":\"x*y + y*z + x*z\",\"command\":\"hessian\",\"vars\":[\"x\",\"y\",\"z\"],\"shape\":[3,3],"
        + "\"result\":[[\"0\",\"1\",\"1\"],[\"1\",\"0\",\"1\"],[\"1\",\"1\",\"0\"]],\"classification\":\"saddle point\","
        + "\"decided\":\"exact\",\"inertia\":[1,2,0]}\n"),
    Transcript(
      args: ["hessian", "x^2 + 3*y^2 + 4*x*y", "--at", "x=0,y=0", "--classify"],
      stdout: "[ 2  4 ]\n[ 4  6 ]\nsaddle point (H indefinite: 1 positive, 1 negative eigenvalues)\n"),
    Transcript(
      args: ["hessian", "x^2*y", "--at", "x=0,y=0", "--classify"],
      stdout: "[ 0  0 ]\n[ 0  0 ]\ndegenerate: the second-derivative test is inconclusive (H = 0)\n"),
    Transcript(
      args: ["hessian", "x^2 - 2*x*y + y^2", "--at", "x=0,y=0", "--classify"],
      stdout:
        "[ 2   -2 ]\n[ -2  2  ]\ndegenerate: the second-derivative test is inconclusive (H positive semidefinite, singular)\n"
    ),
    Transcript(
      args: ["hessian", "-(x^2) - y^2 - z^2 + x*y", "--at", "x=0,y=0,z=0", "--classify"],
      stdout: "[ -2  1   0  ]\n[ 1   -2  0  ]\n[ 0   0   -2 ]\nlocal maximum (H negative definite)\n"),
    Transcript(
      args: ["hessian", "sin(x)*sin(y)", "--at", "x=pi/2,y=pi/2", "--classify", "--latex"],
      stdout: "\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix} \\quad \\text{local maximum (H negative definite)}\n"),
    // Irrational entries: decided on doubles.
    Transcript(
      args: ["hessian", "sqrt(2)*x^2 - pi*y^2", "--at", "x=0,y=0", "--classify"],
      stdout: "[ 2.8284271247461901  0                  ]\n[ 0                   -6.283185307179586 ]\n"
        + "saddle point (H indefinite: 1 positive, 1 negative eigenvalues, decided numerically)\n"),
    Transcript(
      args: ["hessian", "x^2 + y", "--at", "x=0,y=0", "--classify"],
      stdout: "[ 2  0 ]\n[ 0  0 ]\nnot a critical point: the gradient is not 0 there\n"),
    Transcript(
      args: ["hessian", "x^2", "--classify"], stdout: "",
      note: "error: '--classify' tests the point given with '--at'; add '--at'", status: 64),
    Transcript(
      args: ["det", "x^2", "--classify"], stdout: "", note: "error: '--classify' applies to hessian only", status: 64),
    Transcript(
      args: ["critical", "x^3 - 3*x + y^2", "--vars", "x,y", "--from", "-2,1"],
      stdout: """
        k  x                    y    |grad f|
        0  -2.0                 1.0  9.219544457292889
        1  -1.25                0.0  1.6875
        2  -1.025               0.0  0.15187499999999954
        3  -1.0003048780487804  0.0  0.0018295471445561873
        4  -1.0000000464611474  0.0  2.7876689090433615e-07
        5  -1.000000000000001   0.0  6.661338147750939e-15
        critical point: x = -1, y = 0 (exact)
        saddle point (H indefinite: 1 positive, 1 negative eigenvalues)

        """),
    Transcript(
      args: ["critical", "(x-1)^2 + 10*(y - x^2)^2", "--vars", "x,y", "--from", "0,0", "--json"],
      stdout: "{\"input\":\"(x-1)^2 + 10*(y - x^2)^2\",\"command\":\"critical\",\"vars\":[\"x\",\"y\"],"
        + "\"outcome\":\"converged\",\"iterations\":2,\"iterates\":[{\"x\":[0.0,0.0],\"residual\":2.0},"
        + "{\"x\":[1.0,0.0],\"residual\":44.721359549995796},{\"x\":[1.0,1.0],\"residual\":0.0}],\"root\":[1.0,1.0],"
        + "\"exact_point\":[\"1\",\"1\"],\"classification\":\"local minimum\",\"decided\":\"exact\",\"inertia\":[2,0,0]}\n"
    ),

    Transcript(
      args: ["critical", "x^3 - 3*x + y^2", "--vars", "x,y", "--from", "2,1", "--at", "x=1"], stdout: "",
      note: "error: '--at' does not apply to critical; the start is '--from'", status: 64),
    Transcript(
      args: ["critical", "x^2 + y^2, x", "--vars", "x,y", "--from", "2,1"], stdout: "",
      note: "error: critical takes one function, found 2", status: 1),
    Transcript(
      args: ["critical", "x", "--vars", "x", "--from", "1"], stdout: "k  x    |grad f|\n0  1.0  1.0\n",
      note: "error: newton: the Jacobian is singular at iterate 0", status: 1),
  ]

  /// det --steps: the expansion, the raw determinant, the rewrites by rule name.
  static let steps: [Transcript] = [
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--steps"],
      stdout: """
        det J of
        [ cos(t)  -r*sin(t) ]
        [ sin(t)  r*cos(t)  ]
          cofactor expansion along row 1, (-1)^(1+j)*J[1,j]*det M[1,j]:
            j = 1: r*cos(t)^2
            j = 2: r*sin(t)^2
          det J = r*cos(t)^2 + r*sin(t)^2
          simplify:
            r*cos(t)^2 + r*sin(t)^2 → r    pythagorean, prefer-shorter
          = r

        r

        """),
    Transcript(
      args: ["det", "R*sin(p)*cos(t), R*sin(p)*sin(t), R*cos(p)", "--vars", "p,t", "--steps"],
      stdout: """
        det JᵀJ of
        [ R^2  0            ]
        [ 0    R^2*sin(p)^2 ]
          cofactor expansion along row 1, (-1)^(1+j)*JᵀJ[1,j]*det M[1,j]:
            j = 1: R^4*sin(p)^2
            j = 2: 0
          det JᵀJ = R^4*sin(p)^2
          simplify: nothing to do
          = R^4*sin(p)^2

        R^2*abs(sin(p))

        """, note: gramNote),
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--latex"],
      stdout: """
        \\begin{align*}
        \\det J &= \\det \\begin{pmatrix} \\cos(t) & -r \\sin(t) \\\\ \\sin(t) & r \\cos(t) \\end{pmatrix} \\\\
        &= \\left(r \\cos^{2}(t)\\right) + \\left(r \\sin^{2}(t)\\right) && \\text{cofactor expansion along row 1} \\\\
        &= r \\cos^{2}(t) + r \\sin^{2}(t) \\\\
        &= r && \\text{pythagorean, prefer-shorter} \\\\
        &= r && \\text{result}
        \\end{align*}

        \\[
        r
        \\]

        """),
    Transcript(
      args: ["det", "x1 + x2, x2 + x3, x3 + x4, x4 + x1", "--steps"],
      stdout: """
        det J of
        [ 1  1  0  0 ]
        [ 0  1  1  0 ]
        [ 0  0  1  1 ]
        [ 1  0  0  1 ]
          expansion: the shorter of Berkowitz's division-free algorithm and Laplace expansion
          det J = 0
          simplify: nothing to do
          = 0

        0

        """),
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--entry", "1,1"], stdout: "",
      note: "error: '--entry' applies to jacobian, grad and hessian; det explains each function", status: 64),
    Transcript(
      args: ["det", "r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--at", "r=1"], stdout: "",
      note: "error: '--steps' explains the symbolic result", status: 64),
    Transcript(
      args: ["sparsity", "x*y, x", "--steps"], stdout: "",
      note: "error: '--steps' does not apply to sparsity", status: 64),
    Transcript(
      args: ["implicit", "x*y = 1", "--dep", "y", "--steps", "--entry", "1,1"], stdout: "",
      note: "error: '--entry' applies to jacobian, grad and hessian; implicit explains each function", status: 64),
    Transcript(
      args: ["inverse", "x*y, x + y", "--steps"],
      stdout: """
        det J of
        [ y  x ]
        [ 1  1 ]
          cofactor expansion along row 1, (-1)^(1+j)*J[1,j]*det M[1,j]:
            j = 1: y
            j = 2: -x
          det J = y - x
          simplify: nothing to do
          = y - x
        J⁻¹ = adj(J)/det J, entry by entry:
          [1,1] = 1/(y - x)
          [1,2] -x/(y - x)
            -x/(y - x) → x/(x - y)    prefer-shorter
            = x/(x - y)
          [2,1] -1/(y - x)
            -1/(y - x) → 1/(x - y)    prefer-shorter
            = 1/(x - y)
          [2,2] = y/(y - x)

        [ 1/(y - x)  x/(x - y) ]
        [ 1/(x - y)  y/(y - x) ]

        """, note: "note: the inverse does not exist where det J = y - x = 0"),
    Transcript(
      args: ["hessian", "x^2*sin(y)", "--steps", "--entry", "2,1"],
      stdout: """
        entry [2,1]: d/dy of x^2*sin(y)
          d/dy x^2*sin(y) = x^2*cos(y)    product rule: (f·g)' = f'·g + f·g'
            d/dy x^2 = 0                  constant: d c = 0
            d/dy sin(y) = cos(y)          chain rule: f(u)' = f'(u)·u'; table: sin'(u) = cos(u)
          simplify: nothing to do
          = x^2*cos(y)

        entry [2,1]: d/dx of x^2*cos(y)
          d/dx x^2*cos(y) = 2*x*cos(y)    product rule: (f·g)' = f'·g + f·g'
            d/dx x^2 = 2*x                power rule: (u^n)' = n·u^(n-1)·u'
              d/dx x = 1                  d x/dx = 1
            d/dx cos(y) = 0               constant: d c = 0
          simplify: nothing to do
          = 2*x*cos(y)

        [ 2*sin(y)    2*x*cos(y)  ]
        [ 2*x*cos(y)  -x^2*sin(y) ]

        """),
    Transcript(
      args: ["logdet", "x + 2*tanh(x + y), y + tanh(x + y)", "--steps"],
      stdout: """
        det J of
        [ 3 - 2*tanh(x + y)^2  2*(1 - tanh(x + y)^2) ]
        [ 1 - tanh(x + y)^2    2 - tanh(x + y)^2     ]
          cofactor expansion along row 1, (-1)^(1+j)*J[1,j]*det M[1,j]:
            j = 1: (2 - tanh(x + y)^2)*(3 - 2*tanh(x + y)^2)
            j = 2: -2*(1 - tanh(x + y)^2)^2
          det J = (2 - tanh(x + y)^2)*(3 - 2*tanh(x + y)^2) - 2*(1 - tanh(x + y)^2)^2
          simplify:
            (2 - tanh(x + y)^2)*(3 - 2*tanh(x + y)^2) → 2*tanh(x + y)^4 - 7*tanh(x + y)^2 + 6    prefer-shorter
            2*tanh(x + y)^4 - 2*(1 - tanh(x + y)^2)^2 - 7*tanh(x + y)^2 + 6 → 4 - 3*tanh(x + y)^2    prefer-shorter
          = 4 - 3*tanh(x + y)^2

        log(abs(4 - 3*tanh(x + y)^2))

        """),
  ]

  /// The unicode style, for terminals.
  static let unicode: [Transcript] = [
    Transcript(
      args: ["det", sphere, "--vars", "p,t", "--volume-element", "--format", "unicode"],
      stdout: "dS = R²·|sin(p)| dp dt\n"),
    Transcript(
      args: ["linearize", "w, -g/l*sin(θ) - b*w + u/(m*l^2)", "--state", "θ,w", "--input", "u", "--format", "unicode"],
      stdout: "A =\n⎡ 0            1  ⎤\n⎣ −g·cos(θ)/l  −b ⎦\n\nB =\n⎡ 0        ⎤\n⎣ 1/(l²·m) ⎦\n"),
    Transcript(
      args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0", "--order", "3", "--format", "unicode"],
      stdout: "y + x·y + x²·y/2 − y³/6\n"),
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--format", "unicode"], stdout: "(2·y − x²)/(y² − 2·x)\n",
      note: "note: valid where ∂F/∂y = 3·y² − 6·x ≠ 0"),
    Transcript(
      args: ["logdet", "r*cos(θ), r*sin(θ)", "--vars", "r,θ", "--format", "unicode"], stdout: "log(|r|)\n"),
  ]

  /// implicit --steps and taylor --steps: the quantities the answer is built from.
  static let explained: [Transcript] = [
    Transcript(
      args: ["implicit", "x^2 + y^2 = 1", "--dep", "y", "--wrt", "x", "--order", "2", "--steps"],
      stdout: """
        F = x^2 + y^2 - 1
        dF/dy = 2*y
        dF/dx = 2*x
        dy/dx = -(dF/dx)/(dF/dy) = -x/y
        d^2y/dx^2 = -(x^2 + y^2)/y^3
        reduced on the curve F = 0, where x^2 = 1 - y^2

        -1/y^3

        """, note: "note: valid where ∂F/∂y = 2*y ≠ 0"),
    Transcript(
      args: ["implicit", folium, "--dep", "y", "--wrt", "x", "--steps"],
      stdout: """
        F = x^3 + y^3 - 6*x*y
        dF/dy = 3*y^2 - 6*x
        dF/dx = 3*x^2 - 6*y
        dy/dx = -(dF/dx)/(dF/dy) = -(3*x^2 - 6*y)/(3*y^2 - 6*x)

        (2*y - x^2)/(y^2 - 2*x)

        """, note: foliumNote),
    Transcript(
      args: ["taylor", "exp(x)*sin(y)", "--at", "x=0,y=0", "--steps"],
      stdout: """
        f = exp(x)*sin(y)    at the point: 0
        df/dx = exp(x)*sin(y)    at the point: 0
        df/dy = cos(y)*exp(x)    at the point: 1
        d^2f/dx^2 = exp(x)*sin(y)    at the point: 0
        d^2f/dxdy = cos(y)*exp(x)    at the point: 1
        d^2f/dy^2 = -exp(x)*sin(y)    at the point: 0

        y + x*y

        """),
    Transcript(
      args: ["taylor", "exp(x)", "--at", "x=0", "--steps", "--latex"],
      stdout: """
        \\begin{align*}
        f &= e^{x} && \\text{at the point: } 1 \\\\
        \\frac{\\partial f}{\\partial x} &= e^{x} && \\text{at the point: } 1 \\\\
        \\frac{\\partial^{2} f}{\\partial x^{2}} &= e^{x} && \\text{at the point: } 1
        \\end{align*}

        \\[
        1 + x + \\frac{x^{2}}{2}
        \\]

        """),
  ]

  /// linearize --steps: each entry of A and B derived, labelled by its matrix, then the matrices.
  static let linearizeSteps: [Transcript] = [
    Transcript(
      args: ["linearize", "x2, -sin(x1) + u", "--state", "x1,x2", "--input", "u", "--steps", "--format", "text"],
      stdout: """
        entry A[1,1]: d/dx1 of x2
          d/dx1 x2 = 0    constant: d c = 0
          simplify: nothing to do
          = 0

        entry A[1,2]: d/dx2 of x2
          d/dx2 x2 = 1    d x/dx = 1
          simplify: nothing to do
          = 1

        entry A[2,1]: d/dx1 of u - sin(x1)
          d/dx1 (u - sin(x1)) = -cos(x1)    sum rule: (f + g)' = f' + g'
            d/dx1 -sin(x1) = -cos(x1)       product rule: (f·g)' = f'·g + f·g'
              d/dx1 -1 = 0                  constant: d c = 0
              d/dx1 sin(x1) = cos(x1)       chain rule: f(u)' = f'(u)·u'; table: sin'(u) = cos(u)
            d/dx1 u = 0                     constant: d c = 0
          simplify: nothing to do
          = -cos(x1)

        entry A[2,2]: d/dx2 of u - sin(x1)
          d/dx2 (u - sin(x1)) = 0    constant: d c = 0
          simplify: nothing to do
          = 0

        entry B[1,1]: d/du of x2
          d/du x2 = 0    constant: d c = 0
          simplify: nothing to do
          = 0

        entry B[2,1]: d/du of u - sin(x1)
          d/du (u - sin(x1)) = 1    sum rule: (f + g)' = f' + g'
            d/du -sin(x1) = 0       constant: d c = 0
            d/du u = 1              d x/dx = 1
          simplify: nothing to do
          = 1

        A =
        [ 0         1 ]
        [ -cos(x1)  0 ]

        B =
        [ 0 ]
        [ 1 ]

        """)
  ]

  /// critical --steps: the gradient it drives to 0, derived entry by entry, then the run.
  static let criticalSteps: [Transcript] = [
    Transcript(
      args: ["critical", "x^2 + 3*y^2", "--vars", "x,y", "--from", "1,1", "--steps", "--format", "text"],
      stdout: """
        entry [1]: d/dx of x^2 + 3*y^2
          d/dx (x^2 + 3*y^2) = 2*x    sum rule: (f + g)' = f' + g'
            d/dx x^2 = 2*x            power rule: (u^n)' = n·u^(n-1)·u'
              d/dx x = 1              d x/dx = 1
            d/dx 3*y^2 = 0            constant: d c = 0
          simplify: nothing to do
          = 2*x

        entry [2]: d/dy of x^2 + 3*y^2
          d/dy (x^2 + 3*y^2) = 6*y    sum rule: (f + g)' = f' + g'
            d/dy x^2 = 0              constant: d c = 0
            d/dy 3*y^2 = 6*y          product rule: (f·g)' = f'·g + f·g'
              d/dy 3 = 0              constant: d c = 0
              d/dy y^2 = 2*y          power rule: (u^n)' = n·u^(n-1)·u'
                d/dy y = 1            d x/dx = 1
          simplify: nothing to do
          = 6*y

        k  x    y    |grad f|
        0  1.0  1.0  6.324555320336759
        1  0.0  0.0  0.0
        critical point: x = 0.0, y = 0.0
        local minimum (H positive definite)

        """)
  ]

  static let all =
    criticalSteps + linearizeSteps + gram + logdet + linearize + taylor + implicit + classify + steps + unicode
    + explained

  @Test(arguments: all)
  func transcript(_ t: Transcript) throws {
    let result = try ProcessRunner.run(t.args)
    #expect(result.stdout == t.stdout, "\(t)")
    #expect(result.status == t.status, "\(t): \(result.stderr)")
    if !t.note.isEmpty { #expect(result.stderr.contains(t.note), "\(t): \(result.stderr)") }
    if t.args.contains("--json") || t.args.contains("--volume-element") || t.args.contains("--lhs") { return }
    if t.status == 0 && !t.note.isEmpty { #expect(result.stderr.hasPrefix("note: ")) }
  }

  /// x⁴'s minimum is degenerate: Newton's method reaches it slowly (xₖ₊₁ = 2xₖ/3), jac
  /// recognises the limit 0, verifies ∇f(0) = 0 exactly and tests H(0) = 0 exactly.
  @Test func degenerateMinimumFoundByNewton() throws {
    let result = try ProcessRunner.run(["critical", "x^4", "--vars", "x", "--from", "1"])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasSuffix(
        "critical point: x = 0 (exact)\ndegenerate: the second-derivative test is inconclusive (H = 0)\n"))
  }

  /// linearize's code: one function fills A, B, C and D. The C unit is compiled and the Python
  /// unit run at a point, and every entry must match `--at` there.
  @Test func linearizationCodeAgreesWithValues() throws {
    let model = ["linearize", Self.cartPole, "--state", "x,v,th,w", "--input", "F", "--output", "x + l*sin(th), w*F"]
    let point: [(String, Double)] = [
      ("x", 0.2), ("v", -0.3), ("th", 0.4), ("w", 0.5), ("F", 1.5), ("M", 2), ("g", 9.81), ("l", 0.7), ("m", 0.3),
    ]
    let at = try ProcessRunner.run(model + ["--at", point.map { "\($0.0)=\($0.1)" }.joined(separator: ","), "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(at.stdout.utf8)) as? [String: Any]
    let result = object?["result"] as? [String: [[String]]] ?? [:]
    var expected: [Double] = []
    for name in ["A", "B", "C", "D"] {
      for row in result[name] ?? [] {
        // Exact entries print as fractions (3/2).
        expected += row.map { text in
          let parts = text.split(separator: "/").compactMap { Double(String($0)) }
          return parts.count == 2 ? parts[0] / parts[1] : Double(text) ?? .nan
        }
      }
    }
    #expect(expected.count == 16 + 4 + 8 + 2)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jac-linearize-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Parameters: the state, the input, then the other symbols sorted.
    let arguments = ["x", "v", "th", "w", "F", "M", "g", "l", "m"].map { name in
      String(point.first { $0.0 == name }!.1)
    }.joined(separator: ", ")
    let c = try ProcessRunner.run(model + ["--format", "c"]).stdout
    let main = """
      #include <stdio.h>
      int main(void) {
        double A[16] = {0}, B[4] = {0}, C[8] = {0}, D[2] = {0};
        linearization(\(arguments), A, B, C, D);
        for (int i = 0; i < 16; i++) printf("%.17g ", A[i]);
        for (int i = 0; i < 4; i++) printf("%.17g ", B[i]);
        for (int i = 0; i < 8; i++) printf("%.17g ", C[i]);
        for (int i = 0; i < 2; i++) printf("%.17g ", D[i]);
        return 0;
      }

      """
    // C99 and C++ (``CCompilers``).
    let compiled = try CCompilers.compileAndRun(c + main, in: directory)
    #expect(!compiled.isEmpty)
    let python = try ProcessRunner.run(model + ["--format", "python"]).stdout
    let script = python + "\nprint(' '.join(repr(float(v)) for m in linearization(\(arguments)) for v in m.ravel()))\n"
    try script.write(to: directory.appendingPathComponent("unit.py"), atomically: true, encoding: .utf8)
    let runs: [(String, String)] =
      compiled + [("Python", try ProcessRunner.tool("/usr/bin/env", ["python3", "unit.py"], in: directory).log)]
    for (what, log) in runs {
      let got: [Double] = log.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double(String($0)) }
      #expect(got.count == expected.count, "\(what): \(log)")
      for (g, e) in zip(got, expected) {
        let tolerance: Double = 1e-12 * max(1.0, abs(e))
        #expect(abs(g - e) <= tolerance, "\(what): \(g) vs \(e)")
      }
    }
  }

  /// In LaTeX the derivative rules are typeset in math mode, not as verbatim ASCII.
  @Test func latexStepsSetRulesInMathMode() throws {
    let quotient = try ProcessRunner.run(["diff", "x/(x^2 + 1)", "--steps", "--latex"]).stdout
    #expect(quotient.contains("\\text{quotient rule: } \\left(\\frac{f}{g}\\right)' = \\frac{f'g - fg'}{g^{2}}"))
    #expect(!quotient.contains("·") && !quotient.contains("g^2"))
    let chain = try ProcessRunner.run(["diff", "sin(x^2)", "--steps", "--latex"]).stdout
    #expect(
      chain.contains("\\text{chain rule: } f(u)' = f'(u)\\, u'; \\ \\text{table: } \\operatorname{sin}'(u) = \\cos(u)"))
  }

  /// The square case has no Gram note on standard error.
  @Test func squareDeterminantHasNoNote() throws {
    let result = try ProcessRunner.run(["det", "r*cos(t), r*sin(t)", "--vars", "r,t"])
    #expect(result.stderr == "")
  }
}
