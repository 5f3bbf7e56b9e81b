#!/usr/bin/env python3
"""Cross-check jac against SymPy, an independent computer algebra system.

Generates random expressions (fixed, printed seed), runs jac on them in one batch through
standard input with --json, and compares every entry of every Jacobian with SymPy's derivative
numerically at random real points. Points where either side is undefined, infinite or complex
are skipped and counted, never passed. Also checks det, hessian and grad on random small systems,
and measures how long jac's output is against SymPy's simplify (count_ops).

usage: crosscheck.py [--jac PATH] [--count N] [--seed S] [--size-sample K]
"""
import argparse
import json
import math
import random
import signal
import subprocess
import sys

try:
    import sympy
except ImportError:
    sys.exit("crosscheck needs SymPy: pip install sympy")

VARS = ["x", "y", "z"]
FUNCTIONS = ["sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "asinh", "acosh", "atanh", "exp", "log", "sqrt", "abs"]
SYMS = {v: sympy.Symbol(v, real=True) for v in VARS}
LOCALS = dict(SYMS, e=sympy.E, pi=sympy.pi, abs=sympy.Abs, log=sympy.log, sqrt=sympy.sqrt,
              asin=sympy.asin, acos=sympy.acos, atan=sympy.atan, asinh=sympy.asinh,
              acosh=sympy.acosh, atanh=sympy.atanh, cot=sympy.cot, sec=sympy.sec, csc=sympy.csc)


def random_expression(rng, depth):
    """A random expression in jac syntax: sums, products, quotients, powers with integer,
    fractional and symbolic exponents, every function, nested up to `depth`."""
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


def to_sympy(text):
    return sympy.sympify(text.replace("^", "**"), locals=LOCALS)


def real_abs(v):
    # Python's abs would turn a complex intermediate into a real number; refuse instead.
    if isinstance(v, complex):
        raise ValueError("complex intermediate")
    return abs(v)


def real_sign(v):
    if isinstance(v, complex):
        raise ValueError("complex intermediate")
    return (v > 0) - (v < 0)


def dirac_delta(v, *order):
    # SymPy's second derivative of |u| carries DiracDelta(u); at a random real point u != 0.
    if isinstance(v, complex) or v == 0:
        raise ValueError("on the singular set")
    return 0.0


def numeric(f, point):
    """f at the point in real arithmetic, or None where it is undefined, infinite, or any
    intermediate value is complex (outside the real domain)."""
    try:
        v = f(*[point[v] for v in VARS])
    except (ValueError, ZeroDivisionError, OverflowError, TypeError, NameError):
        return None
    if isinstance(v, complex) or not math.isfinite(v):
        return None
    return float(v)


def lambdify(expr):
    return sympy.lambdify([SYMS[v] for v in VARS], expr,
                          modules=[{"Abs": real_abs, "sign": real_sign, "DiracDelta": dirac_delta}, "math"])


def close(a, b):
    return abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b))


def run_jac(jac, args, lines):
    result = subprocess.run([jac] + args + ["--json"], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, timeout=600)
    return [json.loads(line) for line in result.stdout.splitlines()]


class Timeout(Exception):
    pass


def with_timeout(seconds, fn):
    def handler(signum, frame):
        raise Timeout()
    signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jac", default=".build/release/jac")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--points", type=int, default=4)
    parser.add_argument("--size-sample", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"crosscheck: seed {args.seed}, {args.count} expressions, {args.points} points each")

    stats = {"passed": 0, "failed": 0, "skipped": 0}
    failures = []
    undefined = []

    def compare(label, jac_text, reference, rng_points, original=None):
        try:
            domain = lambdify(original) if original is not None else None
            jac_fn = lambdify(to_sympy(jac_text))
        except Exception as error:  # a result jac printed that SymPy cannot read is a failure
            stats["failed"] += 1
            failures.append(f"{label}: unreadable '{jac_text}': {error}")
            return
        try:
            ref_fn = lambdify(reference)
        except Exception:  # SymPy left the reference unevaluated (e.g. a Derivative of sign)
            stats["skipped"] += args.points
            return
        for _ in range(args.points):
            point = {v: rng_points.uniform(-2, 2) for v in VARS}
            a, b = numeric(jac_fn, point), numeric(ref_fn, point)
            if domain is not None and numeric(domain, point) is None:
                a = None  # the function itself is not real here
            if a is None or b is None:
                stats["skipped"] += 1
            elif close(a, b):
                stats["passed"] += 1
            else:
                stats["failed"] += 1
                failures.append(f"{label}\n  jac:   {jac_text}\n  sympy: {reference}\n  at {point}: {a} vs {b}")

    # Jacobians of random expressions.
    inputs = [random_expression(rng, rng.randint(4, 6)) for _ in range(args.count)]
    answers = run_jac(args.jac, ["jacobian", "--vars", ",".join(VARS)], inputs)
    point_rng = random.Random(args.seed + 1)
    size_ratios = []
    for i, (text, answer) in enumerate(zip(inputs, answers)):
        f = to_sympy(text)
        if "error" in answer:
            # jac refuses only what is undefined as written (a literal division by zero);
            # these are counted and listed, not passed.
            stats["skipped"] += 1
            undefined.append(f"{text}: {answer['error']}")
            continue
        for j, v in enumerate(VARS):
            reference = sympy.diff(f, SYMS[v])
            compare(f"d/d{v} {text}", answer["result"][0][j], reference, point_rng, f)
            if len(size_ratios) < args.size_sample:
                try:
                    simplified = with_timeout(5, lambda: sympy.simplify(reference))
                    ops = sympy.count_ops(simplified)
                    jac_ops = sympy.count_ops(to_sympy(answer["result"][0][j]))
                    size_ratios.append((jac_ops + 1) / (ops + 1))
                except Timeout:
                    pass

    # det, hessian and grad of random small systems.
    systems = [", ".join(random_expression(rng, 3) for _ in range(2)) for _ in range(max(10, args.count // 10))]
    dets = run_jac(args.jac, ["det", "--vars", "x,y"], systems)
    for text, answer in zip(systems, dets):
        if "error" in answer:
            stats["skipped"] += 1
            continue
        fs = [to_sympy(part) for part in text.split(", ")]
        reference = sympy.Matrix(fs).jacobian([SYMS["x"], SYMS["y"]]).det()
        compare(f"det {text}", answer["result"], reference, point_rng, sympy.Add(*fs))
    scalars = [random_expression(rng, 3) for _ in range(max(10, args.count // 10))]
    for command in ["hessian", "grad"]:
        results = run_jac(args.jac, [command, "--vars", ",".join(VARS)], scalars)
        for text, answer in zip(scalars, results):
            if "error" in answer:
                stats["skipped"] += 1
                continue
            f = to_sympy(text)
            if command == "grad":
                for j, v in enumerate(VARS):
                    compare(f"grad[{j}] {text}", answer["result"][j], sympy.diff(f, SYMS[v]), point_rng, f)
            else:
                for j, u in enumerate(VARS):
                    for k, v in enumerate(VARS):
                        compare(f"hessian[{j}][{k}] {text}", answer["result"][j][k],
                                sympy.diff(f, SYMS[u], SYMS[v]), point_rng, f)

    for failure in failures:
        print("FAIL", failure)
    for entry in undefined:
        print("undefined as written (skipped):", entry)
    if size_ratios:
        size_ratios.sort()
        median = size_ratios[len(size_ratios) // 2]
        print(f"size jac/sympy-simplify (count_ops+1) over {len(size_ratios)} derivatives: "
              f"median {median:.2f}, worst {size_ratios[-1]:.2f}, best {size_ratios[0]:.2f}")
    print(f"crosscheck: {stats['passed']} passed, {stats['failed']} failed, {stats['skipped']} skipped")
    sys.exit(1 if stats["failed"] else 0)


if __name__ == "__main__":
    main()
