"""`-j 2` against `-j 1` on many files (issue 13, item 3).

One command (from the repository root, with arclean importable)::

    python bench/jobs.py /tmp/files200 --runs 5

For each run, ``arclean fix --check --isolated -q -j N FOLDER`` with N = 1
and 2, alternately, timed by wall and CPU (user + system of the process and
its workers), with the load average before each; then the median and
minimum of each and their ratio.

It also reports the *critical path* of ``-j 2`` in CPU time, which a loaded
machine disturbs much less than wall time: the parent's CPU until the pool
starts (its serial part), plus the busiest worker's CPU (each worker writes
its ``time.process_time()`` after every batch of files).  ``-j 1``'s CPU
divided by it is the speed-up an idle machine would show, bar the cost of
starting processes.  On a loaded machine the workers' shares drift apart
(one is descheduled, the other takes more files), so the *balanced* path,
the parent's CPU plus the workers' mean, is printed too.

Every run's exit code must be 0 or 1 (1: something to fix), and all runs
must agree on it.  A benchmark, never a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Runs arclean's command line in a child process, recording per-process CPU
#: into the folder given as the first argument.
_PROBE = """
import os, sys, time
folder, argv = sys.argv[1], sys.argv[2:]
import arclean.pool as pool

work = pool._work
def _work(args):
    result = work(args)
    with open(os.path.join(folder, str(os.getpid())), "w") as out:
        out.write(repr(time.process_time()))
    return result
pool._work = _work
fork = os.fork
def _fork():  # the first fork: the workers start (a forked pool, or multiprocessing's)
    if not os.path.exists(os.path.join(folder, "parent")):
        with open(os.path.join(folder, "parent"), "w") as out:
            out.write(repr(time.process_time()))
    return fork()
os.fork = _fork
sys.argv = ["arclean", *argv]
from arclean.cli.app import main
main()
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall s, CPU s of the process and its children, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.run(cmd, env=env, capture_output=True).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, code


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="arclean-jobs-") as cache:
        return measure(cache)


def measure(cache: str) -> int:
    """Time ``fix --check`` with ``-j 1`` and ``-j 2`` (byte code cached in
    `cache`, removed afterwards)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of text files")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # Byte-compiled modules, as an installed arclean has them: written by the
    # first (unmeasured) run into a folder of their own, whatever
    # PYTHONDONTWRITEBYTECODE says (without them, each run compiles arclean's
    # sources: about 0.06 s more of serial start-up).
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPYCACHEPREFIX": f"{cache}/pycache"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = ["fix", "--check", "--isolated", "-q"]
    figures: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    critical: list[tuple[float, float, list[float]]] = []
    codes: set[int] = set()
    loads: list[float] = []
    timed([sys.executable, "-m", "arclean", *argv, str(args.folder)], env)  # fill the cache
    for _ in range(args.runs):
        for jobs in (1, 2):
            loads.append(os.getloadavg()[0])
            cmd = [sys.executable, "-m", "arclean", *argv, "-j", str(jobs), str(args.folder)]
            wall, cpu, code = timed(cmd, env)
            figures[jobs].append((wall, cpu))
            codes.add(code)
        with tempfile.TemporaryDirectory() as probe:
            cmd = [sys.executable, "-c", _PROBE, probe, *argv, "-j", "2", str(args.folder)]
            codes.add(timed(cmd, env)[2])
            parent = float((Path(probe) / "parent").read_text())
            workers = [float(p.read_text()) for p in Path(probe).iterdir() if p.name.isdigit()]
        critical.append((parent, parent + max(workers), workers))
    if len(codes) != 1 or not codes <= {0, 1}:
        print(f"jobs: exit codes {sorted(codes)}: not timed", file=sys.stderr)
        return 2
    print(f"{args.folder}, {args.runs} runs; load average {min(loads):.2f}-{max(loads):.2f}")
    for jobs, runs in figures.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"-j {jobs}: wall median {statistics.median(walls):.2f} s (min {min(walls):.2f}), "
            f"CPU median {statistics.median(cpus):.2f} s"
        )
    one = [w for w, _ in figures[1]]
    two = [w for w, _ in figures[2]]
    print(
        f"-j 2 speed-up, wall: {statistics.median(one) / statistics.median(two):.2f}× "
        f"(medians), {min(one) / min(two):.2f}× (minimums)"
    )
    one_cpu = statistics.median(c for _, c in figures[1])
    for parent, path, workers in critical:
        shown = ", ".join(f"{w:.2f}" for w in sorted(workers))
        balanced = parent + statistics.mean(workers)
        print(
            f"critical path: parent {parent:.2f} s + busiest worker ({shown} s) = {path:.2f} s; "
            f"-j 1 CPU ÷ it = {one_cpu / path:.2f}× (balanced {balanced:.2f} s: "
            f"{one_cpu / balanced:.2f}×)"
        )
    print(
        f"parent's serial CPU, median {statistics.median(p for p, _, _ in critical):.3f} s; "
        f"critical path median {statistics.median(c for _, c, _ in critical):.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
