#!/usr/bin/env python3
"""Generated code, side by side: jac's C and Python against SymPy (cse + ccode, and
lambdify(cse=True)) and CasADi (Function.generate), on the workloads of bench.py plus a 6-link
DH arm and an EKF with five range-bearing landmarks (atan2).

C, like for like: every function takes the variables as one array (`const double *x`; jac's
`--arguments array`), and each peer is timed against jac's code in the same output form:
- dense: jac's `--layout row` against SymPy's cse + ccode, both writing the m*n row-major array
  (the nonzeros only, into an array zeroed once);
- compact: jac's `--layout csc` against CasADi's generated C, both writing only the nonzeros,
  packed, into one array (CasADi through its arg/res/iw/w calling convention).
Each function is compiled into its own object (gcc -O2), linked into one harness that checks
all four agree at a point (every entry, relative 1e-9; jac's and CasADi's nonzeros scattered
through their own patterns, jac's by its exported `jac_csc_colptr` / `jac_csc_rowval`) and then
times them interleaved: rounds of `reps` evaluations at moving inputs, each function in turn,
the best round per function, in ns per evaluation. "jac/best" is the worse of the two
like-for-like ratios, jac dense / SymPy and jac csc / CasADi: at most 1 means jac is at least as
fast as each peer in that peer's own output form. Also reported: the operations in each source
(additions and subtractions, multiplications, divisions, libm calls), counted by pattern, so
roughly. `--callgrind` also counts each function's instructions per evaluation (libm included)
under callgrind, exact however loaded the machine is: `harness TOOL COUNT` runs one function
COUNT times, and (200 evaluations - 100 evaluations) / 100 cancels the set-up.
Python: jac's `--format python` unit (a NumPy array of shape (m, n)), taking the variables as
scalars, against SymPy's lambdify(cse=True) with the `math` module, which takes scalars too; its
flat list made the same array with np.fromiter (the fastest conversion measured). jac's
`--arguments array` unit (one list) is timed beside them. timeit, interleaved, best of 7.

Installs what it needs: SymPy and CasADi with pip when missing (gcc must be there).
usage: codebench.py [--jac PATH] [--reps N] [--rounds N] [--only names] [--python-only] [--callgrind]
"""
import argparse
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
import timeit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the workload generators)


def ensure(module, package):
    try:
        __import__(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", package], check=True)


def dh6():
    """A 6-link arm by Denavit-Hartenberg parameters (a puma-like table): the position of the
    end effector, 3 functions of 6 joint angles."""
    import sympy as S
    qs = S.symbols("q1:7")
    table = [(0, S.Rational(1, 2), S.pi / 2), (S.Rational(43, 100), 0, 0), (S.Rational(2, 100), S.Rational(15, 100),
             -S.pi / 2), (0, S.Rational(43, 100), S.pi / 2), (0, 0, -S.pi / 2), (0, S.Rational(1, 10), 0)]
    T = S.eye(4)
    for q, (a, d, alpha) in zip(qs, table):
        ca, sa = S.cos(alpha), S.sin(alpha)
        T = T * S.Matrix([[S.cos(q), -S.sin(q) * ca, S.sin(q) * sa, a * S.cos(q)],
                          [S.sin(q), S.cos(q) * ca, -S.cos(q) * sa, a * S.sin(q)],
                          [0, sa, ca, d], [0, 0, 0, 1]])
    rows = [str(T[i, 3]).replace("**", "^") for i in range(3)]
    return "dh6", "jacobian", rows, [str(q) for q in qs]


def ekf5():
    """An EKF measurement model: range and bearing from the pose (x, y, th) to five landmarks."""
    marks = [(4, 1), (-2, 3), (5, -4), (-3, -2), (1, 6)]
    rows = []
    for px, py in marks:
        rows.append(f"sqrt(({px} - x)^2 + ({py} - y)^2)")
        rows.append(f"atan2({py} - y, {px} - x) - th")
    return "ekf5", "jacobian", rows, ["x", "y", "th"]


def workloads():
    return [bench.arm(50), bench.nn(30), bench.bratu(200), bench.rosen(100), dh6(), ekf5()]


def sympy_matrix(kind, rows, variables):
    """The Jacobian or Hessian in SymPy, its variables renamed x_0, x_1, … (the C's inputs)."""
    import sympy as S
    X = [S.Symbol(f"x_{k}") for k in range(len(variables))]
    loc = {v: x for v, x in zip(variables, X)}
    F = [S.sympify(r.replace("^", "**"), locals=loc) for r in rows]
    J = S.Matrix(F).jacobian(X) if kind == "jacobian" else S.hessian(F[0], X)
    return X, J


def sympy_c(kind, rows, variables):
    """SymPy's cse and ccode: `void sympy_fn(const double *x, double *out)`, row-major dense."""
    import sympy as S
    X, J = sympy_matrix(kind, rows, variables)
    m, n = J.shape
    entries = [J[i, j] for i in range(m) for j in range(n)]
    replacements, reduced = S.cse(entries)
    body = [f"  const double x_{k} = x[{k}];" for k in range(len(X))]
    body += [f"  const double {s} = {S.ccode(e)};" for s, e in replacements]
    body += [f"  out[{k}] = {S.ccode(e)};" for k, e in enumerate(reduced) if e != 0]
    return "#include <math.h>\nvoid sympy_fn(const double *x, double *out) {\n" + "\n".join(body) + "\n}\n", (m, n)


def casadi_c(kind, rows, variables, folder):
    """CasADi's generated C for the sparse Jacobian or Hessian, and where each nonzero goes (the
    harness scatters them row-major)."""
    import casadi as C
    X = C.SX.sym("x", len(variables))
    env = {v: X[k] for k, v in enumerate(variables)}
    env.update({f: getattr(C, f) for f in ["sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "atan2"]})
    F = C.vertcat(*[eval(r.replace("^", "**"), {"__builtins__": {}}, env) for r in rows])
    J = C.jacobian(F, X) if kind == "jacobian" else C.hessian(F[0], X)[0]
    f = C.Function("casadi_fn", [X], [J])
    f.generate("casadi_fn.c", {"with_header": False})
    os.replace("casadi_fn.c", os.path.join(folder, "casadi.c"))
    rows_, cols_ = J.sparsity().get_triplet()
    m, n = J.shape
    return [r * n + c for r, c in zip(rows_, cols_)], f.sz_w(), f.sz_iw()


def operations(source):
    body = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    body = re.sub(r"//[^\n]*", "", body)
    body = re.sub(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b", "c", body)
    return {"add": len(re.findall(r"[\w)\]]\s*[-+]\s*[\w(]", body)), "mul": len(re.findall(r"[\w)\]]\s*\*\s*[\w(]", body)),
            "div": len(re.findall(r"[\w)\]]\s*/\s*[\w(]", body)),
            "calls": len(re.findall(r"\b(sin|cos|tan|exp|log|sqrt|tanh|atan2|pow|fabs|copysign)\s*\(", body))}


HARNESS = r"""
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
%(declarations)s
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
enum { N = %(n)d, M = %(size)d, NZ = %(nz)d, REPS = %(reps)d, ROUNDS = %(rounds)d, TOOLS = 4 };
static double x[N], a[M], b[M], c[M], d[M], nz[NZ + 1], jnz[NZ + 1], w[%(w)d + 1];
static long long iw[%(iw)d + 1];
static const double *arg[1] = {x};
static double *res[1] = {nz};
/* Evaluation i by one tool (0 jac dense, 1 SymPy, 2 jac csc, 3 CasADi) at a moving input; an
   entry of its result, summed by the caller so that nothing is optimised away. Inlined, so that
   the instructions per evaluation are the function's and its loop's, as before it was shared. */
static inline __attribute__((always_inline)) double evaluate(int tool, int i) {
  x[i %% N] += 1e-9;
  if (tool == 0) { jac_fn(%(args)s, a); return a[i %% M]; }
  if (tool == 1) { sympy_fn(x, b); return b[i %% M]; }
  if (tool == 2) { jac_csc(%(args)s, jnz); return jnz[i %% (NZ ? NZ : 1)]; }
  casadi_fn(arg, res, (void *)iw, w, 0);
  return nz[i %% (NZ ? NZ : 1)];
}
int main(int argc, char **argv) {
  static const int where[NZ + 1] = {%(where)s};
  for (int k = 0; k < N; k++) x[k] = 0.3 + 0.017 * k;
  jac_fn(%(args)s, a);
  sympy_fn(x, b);
  casadi_fn(arg, res, (void *)iw, w, 0);
  for (int k = 0; k < NZ; k++) c[where[k]] = nz[k];
  /* jac's CSC values scattered through its own pattern: column j, rows rowval[colptr[j] ..]. */
  jac_csc(%(args)s, jnz);
  for (int j = 0; j < %(columns)d; j++)
    for (int k = jac_csc_colptr[j]; k < jac_csc_colptr[j + 1]; k++) d[jac_csc_rowval[k] * %(columns)d + j] = jnz[k];
  double worst = 0;
  for (int k = 0; k < M; k++) {
    double s = fmax(1, fabs(a[k]));
    worst = fmax(worst, fmax(fmax(fabs(a[k] - b[k]), fabs(a[k] - c[k])), fabs(a[k] - d[k])) / s);
  }
  double best[TOOLS] = {1e300, 1e300, 1e300, 1e300}, sink = 0;
  if (argc == 3) {  /* `harness TOOL COUNT`: one function COUNT times, for callgrind */
    const int tool = atoi(argv[1]), count = atoi(argv[2]);
    for (int i = 0; i < count; i++) sink += evaluate(tool, i);
    printf("%%g\n", sink);
    return 0;
  }
  for (int r = 0; r < ROUNDS; r++) {
    for (int tool = 0; tool < TOOLS; tool++) {
      double t0 = now();
      for (int i = 0; i < REPS; i++) sink += evaluate(tool, i);
      double t = (now() - t0) / REPS;
      if (t < best[tool]) best[tool] = t;
    }
  }
  printf("%%.1f %%.1f %%.1f %%.1f %%.3g %%g\n", best[0], best[1], best[2], best[3], worst, sink * 0);
  return 0;
}
"""


def takes_arrays(jac):
    """Whether this jac has `--arguments array` (a build before it is measured with the
    variables as scalar arguments, `x[0], x[1], …`)."""
    return subprocess.run([jac, "x", "--format", "c", "--arguments", "array"], capture_output=True).returncode == 0


def jac_source(jac, name, kind, rows, variables, form, layout=None):
    cmd = [jac, kind, ", ".join(rows), "--vars", ",".join(variables), "--format", form, "--name", name]
    if form == "c" and takes_arrays(jac):
        cmd += ["--arguments", "array"]
    return subprocess.run(cmd + (["--layout", layout] if layout else []), capture_output=True, text=True,
                          check=True).stdout


def run_c(jac, name, kind, rows, variables, reps, rounds, callgrind=False):
    folder = tempfile.mkdtemp(prefix=f"codebench-{name}-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    dense = jac_source(jac, "jac_fn", kind, rows, variables, "c", "row")
    sparse = jac_source(jac, "jac_csc", kind, rows, variables, "c", "csc")
    sympy_source, (m, n) = sympy_c(kind, rows, variables)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        where, w, iw = casadi_c(kind, rows, variables, folder)
    finally:
        os.chdir(cwd)
    for base, text in [("jac.c", dense), ("jac_csc.c", sparse), ("sympy.c", sympy_source)]:
        with open(os.path.join(folder, base), "w") as f:
            f.write(text)
    with open(os.path.join(folder, "casadi.c")) as f:
        casadi_source = f.read()
    array = takes_arrays(jac)
    parameters = f"const double x[{n}]" if array else ", ".join("double" for _ in variables)
    declarations = "\n".join([
        f"void jac_fn({parameters}, double *out);",
        f"void jac_csc({parameters}, double *nzval);",
        f"extern const int jac_csc_colptr[{n + 1}], jac_csc_rowval[];",
        "void sympy_fn(const double *x, double *out);",
        "int casadi_fn(const double **arg, double **res, long long *iw, double *w, int mem);"])
    harness = HARNESS % {"declarations": declarations, "n": len(variables), "size": m * n, "nz": len(where),
                         "columns": n, "reps": reps, "rounds": rounds, "where": ", ".join(map(str, where)) or "0",
                         "w": w, "iw": iw, "args": "x" if array else ", ".join(f"x[{k}]" for k in range(n))}
    with open(os.path.join(folder, "harness.c"), "w") as f:
        f.write(harness)
    objects = []
    for base in ["jac.c", "jac_csc.c", "sympy.c", "casadi.c", "harness.c"]:
        obj = base.replace(".c", ".o")
        subprocess.run(["gcc", "-O2", "-c", base, "-o", obj], cwd=folder, check=True, capture_output=True)
        objects.append(obj)
    subprocess.run(["gcc", "-O2", "-o", "harness"] + objects + ["-lm"], cwd=folder, check=True)
    out = subprocess.run([os.path.join(folder, "harness")], capture_output=True, text=True, check=True).stdout.split()
    times = [float(t) for t in out[:4]]
    ops = [operations(s) for s in (dense, sympy_source, sparse, casadi_source)]
    return times, float(out[4]), ops, (instructions(folder) if callgrind else None)


def instructions(folder):
    """Instructions per evaluation of each function under callgrind (exact, whatever the load):
    the difference between 200 and 100 evaluations, over 100, so the set-up cancels."""
    def total(tool, count):
        out = os.path.join(folder, f"cg.{tool}.{count}")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "./harness", str(tool),
                        str(count)], cwd=folder, check=True, capture_output=True)
        with open(out) as f:
            return int(re.search(r"^summary: (\d+)", f.read(), re.M).group(1))
    return [(total(tool, 200) - total(tool, 100)) / 100 for tool in range(4)]


def run_python(jac, name, kind, rows, variables):
    import numpy as np
    import sympy as S
    cmd = [jac, kind, ", ".join(rows), "--vars", ",".join(variables), "--format", "python", "--name", "jac_fn"]
    scope, array_scope = {}, {}
    exec(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout, scope)
    array = takes_arrays(jac)
    if array:
        exec(subprocess.run(cmd + ["--arguments", "array"], capture_output=True, text=True, check=True).stdout,
             array_scope)
    else:  # a build before `--arguments`: the scalar unit, called with the list spread
        array_scope["jac_fn"] = lambda p: scope["jac_fn"](*p)
    X, J = sympy_matrix(kind, rows, variables)
    # lambdify's cse does not look inside nested lists: it writes a flat list (with `math`), made
    # here the (m, n) NumPy array jac's unit returns, so both do the same work, by the fastest
    # conversion measured (np.fromiter: about 25 ns an entry against 50 for np.array).
    flat = S.lambdify(X, [J[i, j] for i in range(J.rows) for j in range(J.cols)], modules="math", cse=True)
    shape, size = (J.rows, J.cols), J.rows * J.cols

    def f(*p):
        return np.fromiter(flat(*p), np.float64, size).reshape(shape)

    point = [0.3 + 0.017 * k for k in range(len(variables))]
    expected = list(f(*point).ravel())
    worst = 0
    for got in (scope["jac_fn"](*point), array_scope["jac_fn"](point)):
        worst = max([worst] + [abs(g - e) / max(1, abs(e)) for g, e in zip(list(got.ravel()), expected)])
    best = [1e300] * 3
    calls = (lambda: scope["jac_fn"](*point), lambda: array_scope["jac_fn"](point), lambda: f(*point))
    for _ in range(7):  # interleaved: one timing of each in turn, the best of 7 per tool
        for k, fn in enumerate(calls):
            best[k] = min(best[k], timeit.timeit(fn, number=50) / 50 * 1e6)
    return best, worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jac", default=".build-release/release/jac")
    ap.add_argument("--reps", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--only")
    ap.add_argument("--python-only", action="store_true", help="skip the C comparison")
    ap.add_argument("--callgrind", action="store_true",
                    help="also count the C's instructions per evaluation under callgrind (exact on a loaded machine)")
    args = ap.parse_args()
    jac = os.path.abspath(args.jac)
    ensure("sympy", "sympy")
    ensure("casadi", "casadi")
    counted = []
    chosen = [w for w in workloads() if not args.only or w[0] in args.only.split(",")]
    print("## generated C: ns per evaluation (gcc -O2, best of interleaved rounds)\n")
    print("| workload | jac dense ns | SymPy ns | ratio | jac csc ns | CasADi ns | ratio | jac/best | agree "
          "| ops (+ * / calls): jac dense | SymPy | jac csc | CasADi |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, kind, rows, variables in ([] if args.python_only else chosen):
        t, worst, ops, ir = run_c(jac, name, kind, rows, variables, args.reps, args.rounds, args.callgrind)
        if ir:
            counted.append((name, ir))
        text = " | ".join(f"{o['add']} {o['mul']} {o['div']} {o['calls']}" for o in ops)
        print(f"| {name} | {t[0]:.0f} | {t[1]:.0f} | {t[0] / t[1]:.2f} | {t[2]:.0f} | {t[3]:.0f} | {t[2] / t[3]:.2f} "
              f"| {max(t[0] / t[1], t[2] / t[3]):.2f} | {worst:.1e} | {text} |", flush=True)
    if counted:
        print("\n## generated C: instructions per evaluation (callgrind, libm included)\n")
        print("| workload | jac dense | SymPy | ratio | jac csc | CasADi | ratio | jac/best |")
        print("|---|---|---|---|---|---|---|---|")
        for name, ir in counted:
            print(f"| {name} | {ir[0]:.0f} | {ir[1]:.0f} | {ir[0] / ir[1]:.2f} | {ir[2]:.0f} | {ir[3]:.0f} | "
                  f"{ir[2] / ir[3]:.2f} | {max(ir[0] / ir[1], ir[2] / ir[3]):.2f} |")
    print("\n## generated Python: µs per evaluation (timeit, best of 7, interleaved)\n")
    print("| workload | jac µs | jac --arguments array µs | SymPy lambdify(cse=True) µs | jac/SymPy | agree |")
    print("|---|---|---|---|---|---|")
    for name, kind, rows, variables in chosen:
        (j, a, s), worst = run_python(jac, name, kind, rows, variables)
        print(f"| {name} | {j:.1f} | {a:.1f} | {s:.1f} | {j / s:.2f} | {worst:.1e} |", flush=True)


if __name__ == "__main__":
    main()
