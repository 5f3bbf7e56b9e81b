#!/usr/bin/env python3
"""The start-up order: the functions a short run of jac executes, for the linker to place side by
side (issue 20; docs/performance.md, "Session 10: process costs").

A short run touches about 1,200 functions scattered over 8 MB of code; on this project's VMs each
first touch of a 64 KiB stretch of code is a page fault of about 5 µs. `make release` passes the
list this script writes to gold (`--section-ordering-file`), which puts those functions together at
the end of the code, so that a short run faults in a few stretches instead of about 85. Each
function must be in a section of its own: the release build compiles with `-function-sections`
(the Swift runtime and standard library already are; the C library is not, and stays where it is).

The list is a build input, not a source: regenerate it when the start-up path changes (a function
missing from it still works, it is only placed with the rest). It is made from callgrind runs of
a built release binary, with names left mangled, because sections are named after symbols:

usage: startup_order.py --jac .build-release/release/jac [--out scripts/startup.order]
"""
import argparse
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Short runs whose paths should be cheap: the polar determinant first, then the other
# commands' common paths, a batch of a few lines, help and an error.
RUNS = [
    (["det", "r*cos(t), r*sin(t)", "--vars", "r,t"], None),
    (["x*y"], None),
    (["--version"], None),
    (["grad", "x^2*sin(y)", "--vars", "x,y"], None),
    (["hessian", "exp(x*y) + log(x)"], None),
    (["diff", "x/(x^2 + 1)"], None),
    (["simplify", "sin(x)^2 + cos(x)^2"], None),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--latex"], None),
    (["r*cos(t), r*sin(t)", "--vars", "r,t", "--format", "json"], None),
    (["--vars", "x,y"], "x^2*y, x + y\nsin(x*y), exp(x) - y\n"),
    (["simplify", "sin(x"], None),
    (["--help"], None),
]

NAME = re.compile(r"^c?fn=\(\d+\) (.+)$")


def functions(jac, arguments, stdin):
    """The mangled names of the functions one run executes (callgrind, `--demangle=no`)."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + out.name, jac] + arguments,
            input=(stdin or "").encode(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        names = set()
        with open(out.name, errors="replace") as f:
            for line in f:
                m = NAME.match(line.rstrip("\n"))
                if m:
                    # Recursion depth (`'2`) is callgrind's, not the symbol's.
                    name = re.sub(r"'\d+$", "", m.group(1))
                    if not name.startswith("0x") and " " not in name and name != "(below main)":
                        names.add(name)
        return names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jac", required=True)
    parser.add_argument("--out", default=os.path.join(HERE, "startup.order"))
    args = parser.parse_args()
    seen = set()
    lines = []
    for arguments, stdin in RUNS:
        # Each run's new functions, sorted: the first runs' functions come first.
        new = sorted(functions(args.jac, arguments, stdin) - seen)
        seen.update(new)
        lines += [".text." + name for name in new]
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} functions written to {args.out}")


if __name__ == "__main__":
    main()
