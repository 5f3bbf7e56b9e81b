#!/usr/bin/env python3
"""The comparison corpus: jac's whole observable behaviour on a fixed set of invocations, in one
file, so a refactor can be shown to change nothing (diff two runs) and a deliberate change can be
counted (lines changed, bytes before and after).

Each case runs the binary as a process and records its arguments, standard input (summarised),
exit status, standard output and standard error. The cases: 3,000 random expressions (the
cross-check's generator, fixed seed) through every command and format as batches; the 10,000-line
batch of the benchmark; the closed forms; the benchmark workloads at small sizes in every format,
code language and option; error cases (bad input, bad options) and every help text.

usage: corpus.py --jac PATH --out FILE [--count N]
       corpus.py --compare OLD NEW     (lines that differ, and bytes before and after)
       corpus.py --compare-entries OLD NEW [--show N]
                                       (answers one entry at a time: shorter, as long, longer)
       corpus.py --check-entries OLD NEW (those entries of the text outputs against each other
                                       with SymPy at random points)
"""
import argparse
import os
import re
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

FUNCTIONS = ["sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "asinh", "acosh", "atanh", "exp", "log", "sqrt", "abs"]
VARS = ["x", "y", "z"]


def random_expression(rng, depth):
    """The cross-check's generator (scripts/crosscheck.py), repeated here so this script needs no SymPy."""
    if depth == 0 or rng.random() < 0.15:
        if rng.random() < 0.6:
            return rng.choice(VARS)
        n, d = rng.randint(-5, 6), rng.randint(1, 3)
        return f"({n}/{d})" if d != 1 else f"({n})"
    a = random_expression(rng, depth - 1)
    b = random_expression(rng, depth - 1)
    kind = rng.randrange(8)
    if kind == 0:
        return f"({a} + {b})"
    if kind == 1:
        return f"({a} - {b})"
    if kind == 2:
        return f"({a})*({b})"
    if kind == 3:
        return f"({a})/({b})"
    if kind == 4:
        exponent = rng.choice(["2", "3", "(-1)", "(1/2)", "(2/3)", "(-3/2)", rng.choice(VARS)])
        return f"({a})^{exponent}"
    return f"{rng.choice(FUNCTIONS)}({a})"


def workloads():
    import bench
    return [bench.polar(), bench.spherical(), bench.arm(4), bench.nn(3), bench.chain(6), bench.bratu(6),
            bench.rosen(4), bench.det6()]


def cases(count):
    rng = random.Random(20261129)
    exprs = [random_expression(rng, 3) for _ in range(count)]
    systems = [f"{random_expression(rng, 2)}, {random_expression(rng, 2)}" for _ in range(count // 10)]
    batch = "\n".join(exprs) + "\n"
    small = "\n".join(exprs[: count // 6]) + "\n"
    sys_batch = "\n".join(systems) + "\n"
    out = []
    vars3 = ["--vars", "x,y,z"]
    for fmt in ["--text", "--json", "--latex", "--format=unicode", "--compact"]:
        out.append(([*vars3, fmt], batch))
        out.append((["grad", *vars3, fmt], small))
        out.append((["hessian", *vars3, fmt], small))
        out.append((["simplify", fmt], small))
        out.append((["diff", "--wrt", "x,y", fmt], small))
        out.append((["det", "--vars", "x,y", fmt], sys_batch))
        out.append((["inverse", "--vars", "x,y", fmt], sys_batch))
    out.append(([*vars3, "--no-simplify"], small))
    out.append(([*vars3, "--at", "x=1/3,y=2,z=5/7"], small))
    out.append(([*vars3, "--at", "x=1/3,y=2,z=5/7", "--exact"], small))
    out.append((["--vars", "x,y", "--jvp", "1,2"], sys_batch))
    out.append((["--vars", "x,y", "--vjp", "a,b", "--json"], sys_batch))
    out.append((["det", "--vars", "x,y", "--volume-element"], sys_batch))
    out.append((["sparsity", "--vars", "x,y"], sys_batch))
    import bench
    out.append(([], bench.batch()))
    out.append((["--json"], bench.batch(2000)))
    # closed forms
    tsv = os.path.join(HERE, "..", "Tests", "JacCoreTests", "Golden", "closed-forms.tsv")
    for line in open(tsv):
        if line.startswith("#") or not line.strip():
            continue
        name, command, functions, variables = line.rstrip("\n").split("\t")[:4]
        for fmt in ["--text", "--latex", "--json"]:
            out.append(([command, functions, "--vars", variables, fmt], None))
        out.append(([functions, "--vars", variables], None))
        out.append((["inverse", functions, "--vars", variables], None))
    # workloads
    formats = ["--text", "--format=unicode", "--latex", "--json", "--compact", "--format=c", "--format=python",
               "--format=swift", "--format=julia", "--format=matlab"]
    for name, kind, components, variables in workloads():
        fs, vs = ", ".join(components), ",".join(variables)
        for command in ["jacobian", kind, "sparsity"]:
            for fmt in formats:
                out.append(([command, fs, "--vars", vs, fmt], None))
        out.append((["jacobian", fs, "--vars", vs, "--latex", "--lhs", "--standalone"], None))
        out.append((["jacobian", fs, "--vars", vs, "--json", "--with-latex"], None))
        out.append((["jacobian", fs, "--vars", vs, "--check"], None))
        out.append((["jacobian", fs, "--vars", vs, "--format=c", "--no-cse"], None))
        out.append((["jacobian", fs, "--vars", vs, "--dense"], None))
    for args in [
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--steps"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--latex"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--format=unicode"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--steps", "--entry", "2,2"],
        ["grad", "x^2*sin(y)/(1+x)", "--vars", "x,y", "--steps"],
        ["diff", "exp(x*y)*tan(x)", "--wrt", "x,y", "--steps"],
        ["diff", "exp(x*y)*tan(x), sqrt(x)", "--wrt", "x", "--steps", "--latex", "--lhs"],
        ["grad", "x^2*sin(y)", "--vars", "x,y", "--at", "x=1,y=pi/3", "--latex", "--lhs"],
        ["grad", "x^2*sin(y)", "--vars", "x,y", "--at", "x=1,y=pi/3", "--json", "--with-latex"],
        ["hessian", "x^3*y - exp(x*y)", "--vars", "x,y", "--check", "--json"],
        ["hessian", "x^3*y - exp(x*y)", "--vars", "x,y", "--check", "--at", "x=1,y=2"],
        ["diff", "x^3*y", "--wrt", "x,x,y", "--latex", "--lhs"],
        ["diff", "x^3*y, sin(x)", "--wrt", "x", "--latex", "--lhs", "--at", "x=2,y=3"],
        ["simplify", "q = sin(x)^2 + cos(x)^2", "--latex", "--lhs"],
        ["x = r*cos(t), y = r*sin(t)", "--vars", "r,t", "--latex", "--lhs", "--env", "bmatrix"],
        ["det", "x = r*cos(t), y = r*sin(t)", "--vars", "r,t", "--volume-element", "--latex", "--lhs"],
        ["det", "x = r*cos(t), y = r*sin(t)", "--vars", "r,t", "--volume-element", "--json"],
        ["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=2,t=pi/3", "--latex", "--lhs"],
        ["inverse", "r*cos(t), r*sin(t)", "--vars", "r,t", "--at", "r=0,t=1"],
        ["inverse", "x+y, 2*x+2*y", "--vars", "x,y"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--jvp", "dr,dt", "--latex", "--lhs"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--vjp", "1,0", "--latex", "--lhs"],
        ["r*cos(t), r*sin(t)", "--vars", "r,t", "--vjp", "1,0", "--at", "r=2,t=1"],
        ["newton", "x^2 + y^2 - 4, x - y", "--vars", "x,y", "--from", "1,1"],
        ["newton", "x^2 + y^2 - 4, x - y", "--vars", "x,y", "--from", "1,1", "--json"],
        ["newton", "x^2 + y^2 - 4, x - y", "--vars", "x,y", "--from", "1,1", "--latex"],
        ["newton", "x^2 + 1", "--vars", "x", "--from", "1", "--max-iter", "5"],
        ["newton", "x^2, y", "--vars", "x,y", "--from", "0,0"],
        ["newton", "x^2 - a", "--vars", "x", "--from", "1"],
        ["grad", "x*y", "--vars", "x,yy"],
        ["sin(x)", "--at", "x=1", "--format=unicode"],
        ["simplify", "sqrt(3)/2 + x", "--at", "x=1"],
        ["simplify", "x", "--at", "x=3^200"],
        ["--version"],
    ]:
        out.append((args, None))
    # help
    out.append((["--help"], None))
    for command in ["jacobian", "det", "grad", "hessian", "diff", "simplify", "inverse", "newton", "sparsity"]:
        out.append(([command, "--help"], None))
    # errors
    for args in [
        ["sin(x"], ["x +"], ["sinn(x)"], ["f(x)"], ["1/0"], ["x^^2"], ["--vars", "x,x", "x"], ["--bogus", "x"],
        ["--var", "x", "x"], ["--format", "pdf", "x"], ["--vars"], ["--tol", "1e-3", "x"], ["det", "x, y", "--vars", "x"],
        ["grad", "x, y"], ["x", "--steps", "--json"], ["x", "--lhs"], ["x", "--with-latex"], ["x", "--entry", "1,1"],
        ["x", "--compact", "--latex"], ["x", "--no-cse"], ["newton", "x"], ["newton", "x", "--from", "1", "--at", "x=1"],
        ["x", "--from", "1"], ["x", "--wrt", "x"], ["x", "--jvp", "1", "--vjp", "1"], ["det", "x", "--jvp", "1"],
        ["det", "x", "--check"], ["simplify", "x", "--steps"], ["x", "--exact"], ["grad", "x", "--volume-element"],
        ["sparsity", "x", "--format=c"], ["x", "--format=c", "--at", "x=1"], ["sparsity", "x", "--at", "x=1"],
        ["x*y", "--at", "z=1"], ["x*y", "--at", "x=1"], ["x*y", "--at", "x"], ["x*y", "--at", "x=1,x=2"],
        ["x*y", "--at", "x=(1"], ["x,y", "--vars", "x,y", "--jvp", "1"], ["x,y", "--vars", "x,y", "--jvp", "1,("],
        ["x", "--max-iter", "0"], ["newton", "x", "--from", "pi*i"], ["x", "--env", "foo", "--latex"],
        ["x", "--latex", "--latex"], ["x", "--format", "json", "--json"], ["x", "--entry", "0", "--steps"],
        ["x*y", "--vars", "x,y", "--steps", "--entry", "3,3"], ["simplify", "log(0)"], ["simplify", "x/(x-x)"],
        ["hesian", "x^2*y"], ["taylor", "exp(x)"], ["x", "--vars", "sin"], ["x", "--vars", "2x"],
        ["x", "--check", "--jvp", "1"], ["x", "--steps", "--compact"], ["x", "--steps", "--at", "x=1"],
        ["inverse", "x, y", "--vars", "x,y,z"], ["x", "--at", "x=1", "--steps"], ["cso(x)"], ["x", "--vars", ""],
        ["diff", "x", "--wrt", "x,,y"], ["--format=c"], ["--version", "x"], ["-h"], ["--json", "sin(x"],
    ]:
        out.append((args, None))
    out.append((["--vars", "x,y"], "x*y\nsin(x\n\n# comment\nx+\nx^2\n\xff\n1/0\n"))
    out.append((["--vars", "x,y", "--json"], "x*y\nsin(x\nx^2\n1/0\n"))
    return out


def run(jac, case):
    args, stdin = case
    p = subprocess.run([jac, *args], input=(stdin or "").encode("utf-8", "surrogateescape"),
                       capture_output=True, timeout=300)
    summary = "" if stdin is None else f" < stdin ({stdin.count(chr(10))} lines, {len(stdin)} chars)"
    head = "### jac " + " ".join(repr(a) if (" " in a or not a) else a for a in args) + summary
    return (f"{head}\nstatus {p.returncode}\n--- stdout\n{p.stdout.decode('utf-8', 'replace')}"
            f"--- stderr\n{p.stderr.decode('utf-8', 'replace')}")


def compare(old, new):
    a, b = open(old).read().split("\n### "), open(new).read().split("\n### ")
    changed = 0
    for x, y in zip(a, b):
        if x != y:
            changed += 1
            xl, yl = x.split("\n"), y.split("\n")
            diff = sum(1 for p, q in zip(xl, yl) if p != q) + abs(len(xl) - len(yl))
            print(f"case differs ({diff} lines): {x.splitlines()[0][:150]}")
    print(f"{changed} of {len(a)} cases differ; {len(open(old).read())} -> {len(open(new).read())} bytes")
    return 1 if changed or len(a) != len(b) else 0


CODE_FORMATS = ["--format=c", "--format=python", "--format=swift", "--format=julia", "--format=matlab"]


def entries(line):
    """A text matrix row's entries (split on the column gaps), or the line itself."""
    s = line.strip()
    if s.startswith("[") and s.endswith("]"):
        return re.split(r"\s{2,}", s[1:-1].strip())
    return [s]


def compare_entries(old, new, show):
    """Answers compared one entry at a time (a matrix entry, or an output line): how many got
    shorter, longer or stayed as long, and their bytes before and after. Generated code, --steps
    transcripts, help texts and error messages are left out (they are not answers), and so are
    cases whose line counts differ."""
    a, b = open(old).read().split("\n### "), open(new).read().split("\n### ")
    shorter = longer = same = before = after = 0
    left_out = []
    examples = []
    for x, y in zip(a, b):
        if x == y:
            continue
        head = x.splitlines()[0]
        if "--help" in head or head.strip() in ("jac -h", "jac --version") or "--steps" in head \
                or any(c in head for c in CODE_FORMATS):
            continue
        xl, yl = x.split("\n"), y.split("\n")
        if len(xl) != len(yl):
            left_out.append(head)
            continue
        for p, q in zip(xl, yl):
            if p == q or p.startswith("error:") or q.startswith("error:"):
                continue
            ep, eq = entries(p), entries(q)
            if len(ep) != len(eq):
                ep, eq = [p], [q]
            for u, v in zip(ep, eq):
                if u == v:
                    continue
                before += len(u.encode())
                after += len(v.encode())
                if len(v) > len(u):
                    longer += 1
                    examples.append((head, u, v))
                elif len(v) < len(u):
                    shorter += 1
                else:
                    same += 1
    print(f"{shorter + longer + same} entries differ: {shorter} shorter, {same} as long, {longer} longer; "
          f"{before} -> {after} bytes")
    for head in left_out:
        print(f"left out (line counts differ): {head[:150]}")
    for head, u, v in examples[:show]:
        print(f"longer in: {head[:150]}\n  - {u[:300]}\n  + {v[:300]}")
    return 0


def check_entries(old, new):
    """Each answer entry that differs between two corpus files, in the text outputs, evaluated
    with SymPy at up to six random rational points against the old one (needs SymPy)."""
    import sympy as sp
    names = {"abs": sp.Abs}
    skip = ["--latex", "--json", "--format", "--compact", "--help", "--steps", "--at", "sparsity", "newton",
            "--jvp", "--vjp", "--check"]
    rng = random.Random(7)
    agree = differ = unknown = 0
    a, b = open(old).read().split("\n### "), open(new).read().split("\n### ")
    for x, y in zip(a, b):
        head = x.splitlines()[0]
        if x == y or any(f in head for f in skip):
            continue
        xl, yl = x.split("\n"), y.split("\n")
        if len(xl) != len(yl):
            continue
        for p, q in zip(xl, yl):
            if p == q or p.startswith(("note:", "error")):
                continue
            ep, eq = entries(p), entries(q)
            if len(ep) != len(eq):
                continue
            for u, v in zip(ep, eq):
                if u == v:
                    continue
                try:
                    eu, ev = (sp.sympify(t.replace("^", "**"), locals=names) for t in (u, v))
                except Exception:
                    unknown += 1
                    continue
                symbols = sorted(eu.free_symbols | ev.free_symbols, key=str)
                verdict = None
                for _ in range(6):
                    point = {s: sp.Rational(rng.randint(-300, 300), 97) for s in symbols}
                    try:
                        fu, fv = (complex(sp.N(e.subs(point), 30)) for e in (eu, ev))
                    except Exception:
                        continue
                    if any(c != c or abs(c) == float("inf") or abs(c.imag) > 1e-12 for c in (fu, fv)):
                        continue
                    same = abs(fu - fv) <= 1e-9 * max(1, abs(fu))
                    verdict = same if verdict is None else verdict and same
                    if not same:
                        break
                if verdict is None:
                    unknown += 1
                elif verdict:
                    agree += 1
                else:
                    differ += 1
                    print(f"differ: {head[:80]} | {u} | {v}")
    print(f"{agree} entries agree, {differ} differ, {unknown} without a real point or not read by SymPy")
    return 1 if differ else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jac")
    ap.add_argument("--out")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--compare", nargs=2)
    ap.add_argument("--compare-entries", nargs=2)
    ap.add_argument("--check-entries", nargs=2)
    ap.add_argument("--show", type=int, default=20)
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    if a.compare_entries:
        sys.exit(compare_entries(*a.compare_entries, a.show))
    if a.check_entries:
        sys.exit(check_entries(*a.check_entries))
    jac = os.path.abspath(a.jac)
    all_cases = cases(a.count)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda c: run(jac, c), all_cases))
    with open(a.out, "w") as f:
        f.write("\n".join(results))
    print(f"{len(all_cases)} cases written to {a.out}")


if __name__ == "__main__":
    main()
