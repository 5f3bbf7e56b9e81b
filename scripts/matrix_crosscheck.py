#!/usr/bin/env python3
"""Cross-check jac's matrix calculus (issue 19) against SymPy, an independent reference.

Each example is asked of jac in matrix form and written out at concrete sizes with --expand;
SymPy differentiates the same function written out entry by entry (its own matrices of
symbols), and the two are compared exactly (sympy.simplify of the difference) or, where that is
slow, at an exact rational point. jac's --check compares with jac's own scalar engine; this
script compares with a second, independent engine.

usage: matrix_crosscheck.py [--jac PATH]
"""
import argparse
import re
import subprocess
import sys

try:
    import sympy as sp
except ImportError:
    sys.exit("matrix_crosscheck needs SymPy: pip install sympy")


def symbols(name, rows, columns):
    stem = name + "_" if name[-1].isdigit() else name
    if columns == 1:
        return sp.Matrix(rows, 1, lambda i, j: sp.Symbol(f"{stem}{i + 1}"))
    return sp.Matrix(rows, columns, lambda i, j: sp.Symbol(f"{stem}{i + 1}_{j + 1}"))


def parse(text):
    """jac's aligned text matrix, `[ a  b ]` a row a line, as a SymPy matrix."""
    rows = [line.strip()[1:-1].strip() for line in text.strip().split("\n")]
    cells = [re.split(r"\s{2,}", row) for row in rows]
    return sp.Matrix([[sp.sympify(c.replace("^", "**")) for c in row] for row in cells])


def gradient(f, x):
    return sp.Matrix(x.rows, x.cols, lambda i, j: sp.diff(f, x[i, j]))


def examples():
    n = 3
    x, a = symbols("x", n, 1), symbols("a", n, 1)
    A, X = symbols("A", n, n), symbols("X", n, n)
    X2, w, y = symbols("X", 2, 2), symbols("w", 2, 1), symbols("y", 2, 1)
    W1, b1 = symbols("W1", 2, n), symbols("b1", 2, 1)
    W2 = symbols("W2", 2, 2)
    z = symbols("z", n, 1)
    sizes3 = "n=3"
    yield ("grad x'*A*x", ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--expand", sizes3],
           gradient((x.T * A * x)[0], x))
    yield ("hessian x'*A*x", ["hessian", "x'*A*x", "--vector", "x", "--matrix", "A", "--expand", sizes3],
           sp.hessian((x.T * A * x)[0], list(x)))
    yield ("grad norm(x - a)", ["grad", "norm(x - a)", "--vector", "x,a", "--vars", "x", "--expand", sizes3],
           gradient(sp.sqrt(((x - a).T * (x - a))[0]), x))
    yield ("grad tr(A*X*X)", ["grad", "tr(A*X*X)", "--matrix", "A,X", "--vars", "X", "--expand", sizes3],
           gradient((A * X * X).trace(), X))
    yield ("grad log(det(X))", ["grad", "log(det(X))", "--matrix", "X", "--expand", "n=2"],
           gradient(sp.log(X2.det()), X2))
    yield ("two-layer Jacobian",
           ["W2*tanh(W1*x + b1)", "--vector", "x,b1", "--matrix", "W1,W2", "--vars", "x", "--expand", "n=2,m=2,p=3"],
           (W2 * (W1 * x + b1).applyfunc(sp.tanh)).jacobian(x))
    loss = sum(sp.log(1 + sp.exp(-y[i] * (X2 * w)[i])) for i in range(2))
    yield ("logistic gradient",
           ["grad", "sum(log(1 + exp(-y .* (X*w))))", "--vector", "w,y", "--matrix", "X", "--vars", "w",
            "--expand", "n=2,m=2"], gradient(loss, w))
    yield ("logistic Hessian",
           ["hessian", "sum(log(1 + exp(-y .* (X*w))))", "--vector", "w,y", "--matrix", "X", "--vars", "w",
            "--expand", "n=2,m=2"], sp.hessian(loss, list(w)))
    lse = sp.log(sum(sp.exp(z[i]) for i in range(n)))
    yield ("softmax cross-entropy",
           ["grad", "-y'*log(softmax(z))", "--vector", "z,y", "--vars", "z", "--expand", sizes3],
           gradient(-sum(symbols("y", n, 1)[i] * (z[i] - lse) for i in range(n)), z))
    yield from at_a_point(x, A, X, symbols("W", 2, n), symbols("y", 2, 1))


def literal(m):
    """A SymPy matrix as '--at' writes it: [1, 2; 3, 4], row-major."""
    return "[" + "; ".join(", ".join(str(m[i, j]) for j in range(m.cols)) for i in range(m.rows)) + "]"


def at_a_point(x, A, X, W, y):
    """'--at' with vector and matrix values: SymPy's derivative of the written-out function at
    the same rational values (a column x = [1, -2, 1/3], a nonsymmetric A, an invertible X)."""
    q = sp.Rational
    values = {
        "x": sp.Matrix([1, -2, q(1, 3)]), "y": sp.Matrix([q(1, 2), -1]),
        "A": sp.Matrix([[1, 2, 0], [q(-1, 2), 3, 1], [4, 0, q(2, 3)]]),
        "X": sp.Matrix([[3, 1, 0], [q(1, 2), 2, -1], [1, 0, 4]]),
        "W": sp.Matrix([[1, 0, -1], [q(2, 5), 3, 1]]),
    }
    symbolic = {"x": x, "y": y, "A": A, "X": X, "W": W}

    def at(names):
        point = ", ".join(f"{name}={literal(values[name])}" for name in names)
        substitution = {s: v for name in names for s, v in zip(symbolic[name], values[name])}
        return point, substitution

    point, subs = at(["x", "A"])
    yield ("grad x'*A*x at a point", ["grad", "x'*A*x", "--vector", "x", "--matrix", "A", "--at", point],
           gradient((x.T * A * x)[0], x).subs(subs))
    point, subs = at(["X"])
    yield ("grad log(det(X)) at a point", ["grad", "log(det(X))", "--matrix", "X", "--at", point],
           gradient(sp.log(X.det()), X).subs(subs))
    point, subs = at(["x", "X"])
    yield ("grad x'*inv(X)*x along X at a point",
           ["grad", "x'*inv(X)*x", "--vector", "x", "--matrix", "X", "--vars", "X", "--at", point],
           gradient((x.T * X.inv() * x)[0], X).subs(subs))
    point, subs = at(["W", "x", "y"])
    yield ("grad norm(W*x - y)^2 along W at a point",
           ["grad", "norm(W*x - y)^2", "--matrix", "W", "--vector", "x,y", "--vars", "W", "--at", point],
           gradient(((W * x - y).T * (W * x - y))[0], W).subs(subs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jac", default=".build/debug/jac")
    args = parser.parse_args()
    failures = 0
    for name, arguments, expected in examples():
        run = subprocess.run([args.jac] + arguments, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL {name}: {run.stderr.strip()}")
            failures += 1
            continue
        got = parse(run.stdout)
        difference = got - expected
        point = {s: sp.Rational(k % 7 + 2, k % 5 + 3) for k, s in enumerate(sorted(difference.free_symbols, key=str))}
        worst = max((abs(sp.N(e.subs(point), 30)) for e in difference), default=0)
        ok = got.shape == expected.shape and worst < sp.Float("1e-25")
        print(("ok  " if ok else "FAIL") + f" {name} ({got.rows}x{got.cols}, worst {sp.N(worst, 3)})")
        failures += not ok
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
