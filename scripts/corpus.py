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
"""
import argparse
import os
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jac")
    ap.add_argument("--out")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--compare", nargs=2)
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    jac = os.path.abspath(a.jac)
    all_cases = cases(a.count)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda c: run(jac, c), all_cases))
    with open(a.out, "w") as f:
        f.write("\n".join(results))
    print(f"{len(all_cases)} cases written to {a.out}")


if __name__ == "__main__":
    main()
