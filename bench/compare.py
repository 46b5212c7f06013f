"""Two checkouts side by side, CPU time (user + system), runs interleaved:

    python bench/compare.py --runs 7 /work/main .            # arclean fix, stdin -> stdout
    python bench/compare.py --runs 5 /work/main . -- --profile search
    python bench/compare.py --runs 5 --inprocess /work/main .  # Cleaner()(text), both profiles
    python bench/compare.py --runs 5 --inprocess --rounds 3 /work/main .  # trees alternated

Command line: ``python -m arclean fix --isolated [ARGS] < FILE > (pipe)``
with each tree on ``PYTHONPATH``, byte-compiled into a shared prefix and a
warm rule cache (one unmeasured run of each first), CPU of the child from
`resource.getrusage`.  In-process: each tree in a fresh interpreter timing
``Cleaner()(text)`` and ``Cleaner(profile="search")(text)`` with
`time.process_time` (``ARCLEAN_NO_CACHE=1``); with ``--rounds N`` the trees'
interpreters alternate N times (the load's drift falls on both alike) and
each row gives the minimum of every round.  Prints the median, minimum and
maximum of each, the output's SHA-256 (which must agree between the trees)
and the load average; figures of one run only compare with each other.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TEXTS = {
    "news": "news/saudinewsnet_2015-08-10.txt",
    "books": "plain/hindawi_history.txt",
    "tweets": "messy/arsarcasm_tweets.txt",
}
_INPROCESS = """
import hashlib, statistics, sys, time
from arclean import Cleaner
runs, paths = int(sys.argv[1]), sys.argv[2:]
for profile in ("default", "search"):
    cleaner = Cleaner(profile=profile)
    for path in paths:
        text = open(path, encoding="utf-8").read()
        cleaner(text)
        times, sums = [], set()
        for _ in range(runs):
            start = time.process_time()
            out = cleaner(text)
            times.append(time.process_time() - start)
            sums.add(hashlib.sha256(out.encode()).hexdigest()[:12])
        print(profile, path, statistics.median(times), min(times), max(times), *sorted(sums))
"""


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def _fix(tree: Path, path: Path, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with path.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "arclean", "fix", "--isolated", *args],
            stdin=stdin,
            capture_output=True,
            cwd=tempfile.gettempdir(),
            env={**env, "PYTHONPATH": str(tree)},
            check=False,
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, hashlib.sha256(done.stdout).hexdigest()[:12]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inprocess", action="store_true")
    parser.add_argument("--rounds", type=int, default=1, help="--inprocess: alternate the trees")
    parser.add_argument("trees", nargs=2, type=Path)
    parser.add_argument("args", nargs="*", help="after --: arguments for `arclean fix`")
    opts = parser.parse_args()
    paths = [CORPUS / name for name in TEXTS.values()]
    print(f"load {_load()}")
    if opts.inprocess:
        mins: dict[tuple[Path, str, str], list[str]] = {}
        for _ in range(opts.rounds):
            for tree in opts.trees:
                env = {**os.environ, "PYTHONPATH": str(tree), "ARCLEAN_NO_CACHE": "1"}
                out = subprocess.run(
                    [sys.executable, "-c", _INPROCESS, str(opts.runs), *map(str, paths)],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=tempfile.gettempdir(),  # not a checkout: `-c` puts the cwd first
                    check=True,
                ).stdout
                for line in out.splitlines():
                    profile, text, median, low, high, *sums = line.split()
                    title = Path(text).name
                    mins.setdefault((tree, profile, title), []).append(f"{float(low):.3f}")
                    if opts.rounds == 1:
                        print(
                            f"{tree}  {profile:7} {title:30} median {float(median):.3f} s, "
                            f"min {float(low):.3f}, max {float(high):.3f}  {' '.join(sums)}"
                        )
        if opts.rounds > 1:
            for (tree, profile, title), each in mins.items():
                print(f"{tree}  {profile:7} {title:30} min of each round {' / '.join(each)} s")
        print(f"load {_load()}")
        return 0
    cache = tempfile.mkdtemp(prefix="arclean-compare-")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": f"{cache}/pyc", "XDG_CACHE_HOME": f"{cache}/xdg"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("ARCLEAN_NO_CACHE", None)
    for path in paths:
        for tree in opts.trees:
            _fix(tree, path, opts.args, env)  # warm: byte code, rule cache, page cache
    found: dict[tuple[str, Path], list[tuple[float, str]]] = {}
    for _ in range(opts.runs):
        for path in paths:
            for tree in opts.trees:
                found.setdefault((path.name, tree), []).append(_fix(tree, path, opts.args, env))
    for (name, tree), runs in found.items():
        cpu = [t for t, _ in runs]
        sums = " ".join(sorted({s for _, s in runs}))
        print(
            f"{tree}  {name:30} median {statistics.median(cpu):.3f} s, "
            f"min {min(cpu):.3f}, max {max(cpu):.3f}  {sums}"
        )
    print(f"load {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
