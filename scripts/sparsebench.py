#!/usr/bin/env python3
"""Big sparse Jacobians (issue 20): the 1-D Bratu system at n = 200, 1,600, 25,600, 100,000 and
333,334 (1,000,000 nonzeros), jac's whole process (read, parse, differentiate, simplify, print)
beside CasADi's Jacobian step alone on the same system, in the same run.

jac reads the system as one line on standard input (the bench's bratu workload, `u{i-1} -
2*u{i} + u{i+1} + (1/(n+1)^2)*exp(u{i})`) with no `--vars`: the variables are then the free
names in natural order, u1 … un (`--vars` is one argument, which Linux caps at 128 KiB). CasADi
builds the same system as an SX graph (vectorised, so building it is not timed) and times
`casadi.jacobian(f, u)`. Reported: wall seconds (median of --runs, one run from 100,000 up), jac's
compute from `--stats`, peak RSS (GNU time), µs per nonzero, and jac's whole process over
CasADi's step (< 1: jac is faster). The nonzero counts of the two are checked to agree.

usage: sparsebench.py [--jac PATH] [--runs N] [--sizes 200,1600,...] [--timeout S]
CasADi is the pip package `casadi` (installed with pip when missing).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the workload generators)

SIZES = [200, 1600, 25600, 100000, 333334]

CASADI = r"""
import sys, time
import casadi as ca
n = int(sys.argv[1])
u = ca.SX.sym("u", n)
zero = ca.SX.zeros(1)
f = ca.vertcat(zero, u[0:n - 1]) - 2 * u + ca.vertcat(u[1:n], zero) + (1.0 / (n + 1) ** 2) * ca.exp(u)
start = time.perf_counter()
J = ca.jacobian(f, u)
print(J.nnz(), time.perf_counter() - start)
"""


def bratu_line(n):
    """The bench's bratu workload (``bench.bratu``) as one input line."""
    return ", ".join(bench.bratu(n)[2]) + "\n"


def ensure_casadi():
    if subprocess.run([sys.executable, "-c", "import casadi"], capture_output=True).returncode == 0:
        return True
    print("installing casadi with pip")
    return subprocess.run([sys.executable, "-m", "pip", "install", "casadi"]).returncode == 0


def run_jac(jac, path, timeout):
    """Wall seconds, compute ms (--stats), nonzeros (the listing's header), output bytes."""
    with open(path, "rb") as stdin, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.run([jac, "--stats"], stdin=stdin, stdout=out, stderr=subprocess.PIPE, timeout=timeout)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode()[:300])
        out.seek(0)
        header = out.readline().decode()
        out.seek(0, os.SEEK_END)
        size = out.tell()
    compute = float("nan")
    for line in proc.stderr.decode().splitlines():
        if line.startswith("stats:") and "compute " in line:
            compute = float(line.split("compute ")[1].split(" ms")[0])
    nonzeros = int(header.split(", ")[1].split(" ")[0])
    return wall, compute, nonzeros, size


def peak_mb(argv, path):
    with open(path, "rb") as stdin:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdin=stdin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        return int(proc.stderr.decode().strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")


def run_casadi(n, timeout):
    proc = subprocess.run([sys.executable, "-c", CASADI, str(n)], capture_output=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode()[-300:])
    nnz, seconds = proc.stdout.decode().split()
    return float(seconds), int(nnz)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jac", default=".build-release/release/jac")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    jac = os.path.abspath(args.jac)
    casadi = ensure_casadi()
    print("### Bratu, jac's whole process beside CasADi's Jacobian step (same run)\n")
    print("| n | nonzeros | input MB | jac wall s | jac compute s | jac µs/nz (wall) | jac µs/nz (compute) "
          "| jac peak MB | CasADi jacobian s | CasADi µs/nz | jac/CasADi |")
    print("|" + "---|" * 11)
    for n in map(int, args.sizes.split(",")):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(bratu_line(n))
            path = f.name
        try:
            runs = args.runs if n < 100000 else 1
            jac_runs, cas_runs = [], []
            # Interleaved: jac, then CasADi, run after run.
            for _ in range(runs):
                jac_runs.append(run_jac(jac, path, args.timeout))
                if casadi:
                    cas_runs.append(run_casadi(n, args.timeout))
            wall = statistics.median(r[0] for r in jac_runs)
            compute = statistics.median(r[1] for r in jac_runs) / 1000
            nonzeros = jac_runs[0][2]
            peak = peak_mb([jac], path)
            row = [f"{n:,}", f"{nonzeros:,}", f"{os.path.getsize(path) / 1e6:.1f}", f"{wall:.3f}", f"{compute:.3f}",
                   f"{wall * 1e6 / nonzeros:.2f}", f"{compute * 1e6 / nonzeros:.2f}", f"{peak:.1f}"]
            if cas_runs:
                step = statistics.median(r[0] for r in cas_runs)
                if cas_runs[0][1] != nonzeros:
                    print(f"nonzeros disagree at n = {n}: jac {nonzeros}, CasADi {cas_runs[0][1]}")
                row += [f"{step:.3f}", f"{step * 1e6 / nonzeros:.2f}", f"{wall / step:.2f}"]
            else:
                row += ["-", "-", "-"]
            print("| " + " | ".join(row) + " |", flush=True)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"| {n:,} | failed: {str(error)[:200]} |", flush=True)
        finally:
            os.unlink(path)


if __name__ == "__main__":
    main()
