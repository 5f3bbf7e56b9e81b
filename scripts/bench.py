#!/usr/bin/env python3
"""Benchmark jac against the peers that are installed (SymPy, SymEngine, GiNaC's ginsh, Giac, Maxima).

Each workload is generated here (sizes are parameters), run by jac and by every peer found, and
timed as whole processes: median wall time of several runs, peak memory (max RSS from wait4),
and output size (jac's default layout and --compact). jac's own compute time comes from its --stats line. Peers without a Jacobian
command get one built from diff (ginsh, Giac). Missing peers are installed first (apt-get for
ginsh and Maxima, pip for SymPy and SymEngine; Giac's xcas package pulls a desktop stack and is
only installed with --install-giac); one that still cannot be installed is listed with how to
install it. --no-install skips the installation.

The matrix-calculus section (issue 19) takes the input Jacobian of deep tanh networks
W_L*tanh(W_{L-1}*tanh(... tanh(W1*x) ...)) with jac's --vector/--matrix, beside SymPy's
matrix-expression derivative (MatrixSymbol, .diff(x)) of the same expression; `--only matrix`
runs that section alone, `--only batch` the batch alone.

usage: bench.py [--jac PATH] [--runs N] [--peer-runs N] [--timeout S] [--no-peers] [--no-install]
                [--install-giac] [--no-scaling] [--batch N] [--only NAMES]
"""
import argparse
import atexit
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

# ---- workloads: (name, kind, components in jac syntax, variables) --------------------------


def polar():
    return "polar", "jacobian", ["r*cos(t)", "r*sin(t)"], ["r", "t"]


def spherical():
    return ("spherical", "det", ["r*sin(p)*cos(t)", "r*sin(p)*sin(t)", "r*cos(p)"], ["r", "p", "t"])


def arm(n):
    qs = [f"q{i}" for i in range(1, n + 1)]
    lengths = [str(Fraction(10 + i % 7, 10)) for i in range(n)]
    angle = lambda i: "(" + " + ".join(qs[: i + 1]) + ")"
    x = " + ".join(f"{lengths[i]}*cos{angle(i)}" for i in range(n))
    y = " + ".join(f"{lengths[i]}*sin{angle(i)}" for i in range(n))
    return f"arm{n}", "jacobian", [x, y], qs


def weight(i, j):
    return str(Fraction(((i * 37 + j * 11) % 19) - 9, 10))


def nn(n):
    xs = [f"x{j}" for j in range(1, n + 1)]
    rows = [f"tanh({' + '.join(f'({weight(i, j)})*{xs[j]}' for j in range(n))} + ({weight(i, n)}))"
            for i in range(n)]
    return f"nn{n}", "jacobian", rows, xs


def chain(n):
    e = "(x*y + 1)"
    for k in range(n):
        e = f"{'sin' if k % 2 == 0 else 'cos'}({e})"
    return f"chain{n}", "grad", [e], ["x", "y"]


def bratu(n):
    us = [f"u{i}" for i in range(1, n + 1)]
    h2 = Fraction(1, (n + 1) ** 2)
    rows = []
    for i in range(n):
        left = us[i - 1] if i > 0 else "0"
        right = us[i + 1] if i < n - 1 else "0"
        rows.append(f"{left} - 2*{us[i]} + {right} + ({h2})*exp({us[i]})")
    return f"bratu{n}", "jacobian", rows, us


def rosen(n):
    xs = [f"x{i}" for i in range(1, n + 1)]
    f = " + ".join(f"100*({xs[i + 1]} - {xs[i]}^2)^2 + (1 - {xs[i]})^2" for i in range(n - 1))
    return f"rosen{n}", "hessian", [f], xs


def det6():
    n = 6
    xs = [f"x{i}" for i in range(1, n + 1)]
    rows = [f"{xs[i]}*exp({xs[(i + 1) % n]}) + sin({xs[i - 1]}*{xs[i]})" for i in range(n)]
    return "det6", "det", rows, xs


# ---- runners ------------------------------------------------------------------------------


def batch(count=10_000):
    """`count` distinct small Jacobians, one a line (issue 20's batch target: 100,000 of them at
    over 10,000 a second in under 100 MB)."""
    import random
    rng = random.Random(20261122)
    functions = ["sin", "cos", "exp", "tanh", "log", "sqrt", "atan", "cosh"]
    lines, seen = [], set()
    while len(lines) < count:
        a, b, c = (rng.randint(1, 40) for _ in range(3))
        f, g = rng.choice(functions), rng.choice(functions)
        line = f"{a}*x^2*y + {f}({b}*x*y), x*{g}(y) - {a}/{c}*y^3"
        if line not in seen:  # distinct inputs: no answer can be reused from an earlier line
            seen.add(line)
            lines.append(line)
    return "\n".join(lines) + "\n"


# Programs run in a scratch directory: Giac writes a session.tex where it runs.
SCRATCH = tempfile.mkdtemp(prefix="jac-bench-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


def measure(argv, stdin_text, runs, timeout):
    """Median wall seconds, max RSS in MB, output bytes and stdout of `runs` runs; None on
    failure or timeout."""
    times, out, err = [], b"", b""
    for _ in range(runs):
        with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as si:
            si.write(stdin_text.encode())
            si.seek(0)
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdin=si, stdout=so, stderr=subprocess.PIPE, cwd=SCRATCH)
            try:
                _, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                return None
            elapsed = time.perf_counter() - start
            so.seek(0)
            out = so.read()
            if proc.returncode != 0:
                return None
            times.append(elapsed)
    return statistics.median(times), peak_rss(argv, stdin_text), len(out), out, err


def peak_rss(argv, stdin_text):
    """Peak resident memory of one run, in MB (GNU time's %M; rusage from Python's wait4
    inherits the parent's high-water mark on Linux)."""
    if not shutil.which("time") and not os.path.exists("/usr/bin/time"):
        return float("nan")
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, input=stdin_text.encode(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=SCRATCH)
    try:
        return int(proc.stderr.decode().strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")


def jac_program(jac, kind, components, variables):
    args = [jac] + (["grad"] if kind == "grad" else ["det"] if kind == "det" else
                    ["hessian"] if kind == "hessian" else []) + ["--vars", ",".join(variables), "--stats"]
    return args, ", ".join(components) + "\n"


def sympy_program(kind, components, variables, module):
    sym = "sympy" if module == "sympy" else "symengine"
    lines = [f"import {sym} as S", f"X = S.symbols({' '.join(variables)!r})",
             "X = list(X) if isinstance(X, (list, tuple)) else [X]",
             f"F = [S.sympify(t) for t in {[c.replace('^', '**') for c in components]!r}]"]
    if kind == "jacobian":
        lines.append("print(S.Matrix(F).jacobian(S.Matrix(X)))")
    elif kind == "grad":
        lines.append("print([S.diff(F[0], x) for x in X])")
    elif kind == "hessian":
        lines.append("print([[S.diff(F[0], a, b) for b in X] for a in X])")
    elif kind == "det":
        lines.append("print(S.Matrix(F).jacobian(S.Matrix(X)).det())")
    return [sys.executable, "-c", "\n".join(lines)], ""


def ginsh_program(kind, components, variables):
    fs = [f"f{i} = {c};" for i, c in enumerate(components)]
    if kind in ("jacobian", "grad"):
        body = [f"diff(f{i}, {v});" for i in range(len(components)) for v in variables]
    elif kind == "hessian":
        body = [f"diff(diff(f0, {a}), {b});" for a in variables for b in variables]
    else:
        rows = ",".join("[" + ",".join(f"diff(f{i},{v})" for v in variables) + "]" for i in range(len(components)))
        body = [f"determinant([{rows}]);"]
    return ["ginsh"], "\n".join(fs + body) + "\nquit;\n"


def giac_program(kind, components, variables):
    """Giac's command-line interpreter runs a file and prints each statement's value."""
    vs = "[" + ",".join(variables) + "]"
    rows = "[" + ",".join(f"diff({c},{vs})" for c in components) + "]"
    expr = {"jacobian": rows, "grad": f"diff({components[0]},{vs})", "hessian": f"hessian({components[0]},{vs})",
            "det": f"det({rows})"}[kind]
    path = os.path.join(SCRATCH, f"giac-{kind}-{len(components)}x{len(variables)}.cas")
    with open(path, "w") as f:
        f.write(expr + "\n")
    return ["icas", path], ""


def maxima_program(kind, components, variables):
    vs = "[" + ",".join(variables) + "]"
    fs = "[" + ",".join(components) + "]"
    expr = {"jacobian": f"jacobian({fs},{vs})", "grad": f"jacobian({fs},{vs})",
            "hessian": f"hessian({components[0]},{vs})", "det": f"determinant(jacobian({fs},{vs}))"}[kind]
    return ["maxima", "--very-quiet", f"--batch-string=display2d:false$ grind({expr})$"], ""


PEERS = {
    "ginsh": (lambda k, c, v: ginsh_program(k, c, v), lambda: shutil.which("ginsh"), "apt-get install ginac-tools"),
    "symengine": (lambda k, c, v: sympy_program(k, c, v, "symengine"), lambda: has_module("symengine"),
                  "pip install symengine"),
    "giac": (lambda k, c, v: giac_program(k, c, v), lambda: shutil.which("icas"), "apt-get install xcas"),
    "maxima": (lambda k, c, v: maxima_program(k, c, v), lambda: shutil.which("maxima"), "apt-get install maxima"),
    "sympy": (lambda k, c, v: sympy_program(k, c, v, "sympy"), lambda: has_module("sympy"), "pip install sympy"),
}


def install_missing(with_giac):
    """apt-get and pip the peers that are not found (quietly; a failure leaves the peer missing)."""
    apt = {"ginsh": "ginac-tools", "maxima": "maxima"}
    if with_giac:
        apt["giac"] = "xcas"
    pip = {"sympy": "sympy", "symengine": "symengine"}
    packages = [pkg for name, pkg in apt.items() if not PEERS[name][1]()]
    if packages and shutil.which("apt-get"):
        print(f"installing {' '.join(packages)} with apt-get", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + packages, capture_output=True, env=env)
    modules = [pkg for name, pkg in pip.items() if not PEERS[name][1]()]
    if modules:
        print(f"installing {' '.join(modules)} with pip", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + modules, capture_output=True)


def batch_peers(text, count, timeout):
    """The same batch through SymEngine in one Python process and through one ginsh session:
    (name, seconds, peak MB) for each peer found."""
    lines = [line for line in text.splitlines() if line]
    results = []
    if has_module("symengine"):
        path = os.path.join(SCRATCH, "batch.txt")
        with open(path, "w") as f:
            f.write(text.replace("^", "**"))
        program = ("import symengine as S, sys\n"
                   "x, y = S.symbols('x y'); X = S.Matrix([x, y]); out = []\n"
                   f"for line in open({path!r}):\n"
                   "    F = S.Matrix([S.sympify(t) for t in line.split(', ')])\n"
                   "    out.append(str(F.jacobian(X)))\n"
                   "sys.stdout.write('\\n'.join(out) + '\\n')\n")
        r = measure([sys.executable, "-c", program], "", 1, timeout)
        if r is not None:
            results.append(("SymEngine (in one Python process)", r[0], r[1]))
    if shutil.which("ginsh"):
        script = []
        for line in lines:
            f, g = line.split(", ")
            script += [f"diff({f}, x); diff({f}, y); diff({g}, x); diff({g}, y);"]
        r = measure(["ginsh"], "\n".join(script) + "\nquit;\n", 1, timeout)
        if r is not None:
            results.append(("ginsh (one session)", r[0], r[1]))
    return results
# ---- matrix calculus (issue 19): deep tanh networks -------------------------------------------


def deep_network(layers):
    """W_L*tanh(W_{L-1}*tanh(... tanh(W1*x) ...)) in jac's syntax, and its matrix names."""
    e = "x"
    for i in range(1, layers + 1):
        e = f"W{i}*{e}" if i == layers else f"tanh(W{i}*{e})"
    return e, [f"W{i}" for i in range(1, layers + 1)]


def sympy_network_program(layers):
    """SymPy's matrix-expression derivative of the same network: x a k×1 MatrixSymbol, the W's k×k,
    tanh applied with applyfunc, d/dx by .diff(x). The time printed is the derivative's alone."""
    return [sys.executable, "-c", "\n".join([
        "import sys, time, sympy as S",
        "k = S.Symbol('k', integer=True, positive=True)",
        "x = S.MatrixSymbol('x', k, 1)",
        f"W = [S.MatrixSymbol(f'W{{i}}', k, k) for i in range(1, {layers + 1})]",
        "e = x",
        f"for i in range({layers}):",
        "    e = W[i] * e",
        f"    e = e.applyfunc(S.tanh) if i < {layers - 1} else e",
        "t = time.perf_counter()",
        "d = e.diff(x)",
        "print(f'derivative {(time.perf_counter() - t) * 1000:.1f} ms', file=sys.stderr)",
        "print(d)"])], ""


def matrix_section(args):
    """jac's whole process (median wall) and compute (best --stats of the runs) for 2 to 80 layers,
    beside SymPy's whole process and its derivative's own time."""
    print("\n## matrix calculus: input Jacobian of a deep tanh network (issue 19)\n")
    sympy = not args.no_peers and has_module("sympy")
    header = ["layers", "jac ms", "jac compute ms", "jac bytes"]
    if sympy:
        header += ["sympy ms", "sympy derivative ms", "jac/sympy"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for layers in [2, 10, 20, 40, 80]:
        e, names = deep_network(layers)
        argv = [args.jac, e, "--vector", "x", "--matrix", ",".join(names), "--vars", "x", "--stats"]
        runs = [measure(argv, "", 1, args.timeout) for _ in range(args.runs)]
        if any(r is None for r in runs):
            print(f"| {layers} | jac failed |")
            continue
        wall = statistics.median(r[0] for r in runs)
        row = [str(layers), f"{wall * 1000:.1f}", f"{min(compute_ms(r[4]) for r in runs):.2f}", str(runs[0][2])]
        if sympy:
            pargv, pstdin = sympy_network_program(layers)
            p = measure_or_error(pargv, args.peer_runs, args.timeout)
            if isinstance(p, str):
                row += [p, "-", "-"]
            else:
                row += [f"{p[0] * 1000:.1f}", p[1], f"{wall / p[0]:.3f}"]
        print("| " + " | ".join(row) + " |", flush=True)


def measure_or_error(argv, runs, timeout):
    """(median wall seconds, the derivative's own time) of a peer's runs, or what went wrong: the
    timeout, or the last line of its error (SymPy raises on deep networks)."""
    times, derivative = [], "-"
    for _ in range(runs):
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, capture_output=True, timeout=timeout, cwd=SCRATCH)
        except subprocess.TimeoutExpired:
            return f"timeout ({timeout:.0f} s)"
        if proc.returncode != 0:
            lines = proc.stderr.decode(errors="replace").strip().splitlines()
            return "fails: " + (lines[-1][:80] if lines else f"exit {proc.returncode}")
        times.append(time.perf_counter() - start)
        for line in proc.stderr.decode().splitlines():
            if line.startswith("derivative "):
                derivative = line.split()[1]
    return statistics.median(times), derivative


def has_module(name):
    return subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True).returncode == 0


def compute_ms(stderr):
    for line in stderr.decode().splitlines():
        if line.startswith("stats:") and "compute " in line:
            return float(line.split("compute ")[1].split(" ms")[0])
    return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jac", default=".build-release/release/jac")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--peer-runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get/pip missing peers")
    ap.add_argument("--install-giac", action="store_true", help="also apt-get xcas (large)")
    ap.add_argument("--batch", type=int, default=100_000, help="lines in the batch of distinct Jacobians")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--only", help="comma-separated workload names (e.g. det6,polar; matrix for the "
                    "matrix-calculus section, batch for the batch); skips scaling")
    args = ap.parse_args()
    args.jac = os.path.abspath(args.jac)

    if not args.no_peers and not args.no_install:
        install_missing(args.install_giac)
    peers = {} if args.no_peers else {name: p for name, p in PEERS.items() if p[1]()}
    for name, p in PEERS.items():
        if name not in peers and not args.no_peers:
            print(f"peer {name} not found: {p[2]}")
    print(f"# jac benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.platform()}")
    print(f"whole-process wall time, median of {args.runs} runs (peers: {args.peer_runs}); "
          f"peak RSS; output bytes; jac compute = parse+differentiate+simplify+print from --stats\n")
    if args.only == "matrix":
        matrix_section(args)
        return
    workloads = [polar(), spherical(), arm(50), nn(30), chain(200), bratu(200), rosen(100), det6()]
    if args.only:
        workloads = [w for w in workloads if w[0] in args.only.split(",")]
    header = ["workload", "jac ms", "jac compute ms", "jac MB", "jac bytes", "jac --compact bytes"]
    for name in peers:
        header += [f"{name} ms", f"{name} bytes", f"jac/{name}"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, kind, components, variables in workloads:
        argv, stdin = jac_program(args.jac, kind, components, variables)
        j = measure(argv, stdin, args.runs, args.timeout)
        if j is None:
            print(f"| {name} | jac failed |")
            continue
        # The same answer without the spaces around + and - and the column padding (--compact),
        # the peers' own spacing: the size that compares simplification, not layout.
        c = measure(argv + ["--compact"], stdin, 1, args.timeout)
        row = [name, f"{j[0] * 1000:.1f}", f"{compute_ms(j[4]):.1f}", f"{j[1]:.1f}", str(j[2]),
               str(c[2]) if c else "failed"]
        for peer, (program, _, _) in peers.items():
            pargv, pstdin = program(kind, components, variables)
            p = measure(pargv, pstdin, args.peer_runs, args.timeout)
            if p is None:
                row += ["timeout/failed", "-", "-"]
            else:
                row += [f"{p[0] * 1000:.1f}", str(p[2]), f"{j[0] / p[0]:.3f}"]
        print("| " + " | ".join(row) + " |", flush=True)

    if args.only:
        if "matrix" in args.only.split(","):
            matrix_section(args)
        if "batch" not in args.only.split(","):
            return
    text = batch(args.batch)
    distinct = len(set(text.splitlines()))
    j = measure([args.jac, "--vars", "x,y", "--stats"], text, min(args.runs, 3), args.timeout)
    print(f"\n## batch: {args.batch:,} small Jacobians ({distinct:,} distinct) through stdin in one process\n")
    print("| tool | wall ms | inputs/s | peak MB | jac/tool |")
    print("|---|---|---|---|---|")
    if j is not None:
        print(f"| jac | {j[0] * 1000:.0f} | {args.batch / j[0]:,.0f} | {j[1]:.1f} | 1.00 |", flush=True)
        if not args.no_peers:
            for name, seconds, mb in batch_peers(text, args.batch, args.timeout * 10):
                print(f"| {name} | {seconds * 1000:.0f} | {args.batch / seconds:,.0f} | {mb:.1f} | "
                      f"{j[0] / seconds:.2f} |", flush=True)

    if not args.no_scaling and not args.only:
        print("\n## scaling (jac only): compute time per output entry should stay flat\n")
        print("| family | size | entries | wall ms | compute ms | µs per entry | peak MB |")
        print("|---|---|---|---|---|---|---|")
        families = [("arm", arm, [50, 100, 200, 400], lambda n: 2 * n), ("chain", chain, [200, 400, 800, 1600],
                    lambda n: 2), ("bratu", bratu, [200, 400, 800, 1600], lambda n: n * n),
                    ("nn", nn, [30, 60, 120], lambda n: n * n)]
        for family, make, sizes, entries in families:
            for n in sizes:
                name, kind, components, variables = make(n)
                argv, stdin = jac_program(args.jac, kind, components, variables)
                j = measure(argv, stdin, 3, args.timeout)
                if j is None:
                    print(f"| {family} | {n} | - | failed | | | |")
                    continue
                c = compute_ms(j[4])
                print(f"| {family} | {n} | {entries(n)} | {j[0] * 1000:.1f} | {c:.1f} | "
                      f"{c * 1000 / entries(n):.2f} | {j[1]:.1f} |", flush=True)

    if not args.only:
        matrix_section(args)


if __name__ == "__main__":
    main()
