"""Side-by-side benchmarks of arclean and its peers, in one run.

1. Start-up: ``arclean fix --check`` on a small file against pre-commit's
   ``trailing-whitespace-fixer`` (both as the console scripts a hook runs).
2. Throughput: ``arclean fix`` (default profile, stdin to stdout) against
   CAMeL Tools' ``camel_arclean`` on the same real text from
   ``../shared/corpus``.

Peers are found on PATH or with ``--peer-bin DIR`` (a virtual environment's
``bin``). Install them with ``pip install pre-commit-hooks`` and
``pip install --no-deps camel-tools docopt six`` (camel_arclean needs no more).

    python bench/compare.py [--runs 5] [--peer-bin /tmp/benchenv/bin]

Prints a Markdown table (median wall time of N runs) for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TEXTS = [
    CORPUS / "plain" / "hindawi_history.txt",
    CORPUS / "plain" / "arcd_wikipedia_paragraphs.txt",
    CORPUS / "messy" / "arsarcasm_tweets.txt",
]


def find(name: str, peer_bin: str | None) -> str | None:
    if peer_bin and (Path(peer_bin) / name).exists():
        return str(Path(peer_bin) / name)
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def timed(command: list[str], runs: int, stdin: Path | None = None) -> tuple[float, int]:
    """Median wall time in seconds, and the exit code of the last run."""
    times = []
    code = 0
    for _ in range(runs):
        handle = stdin.open("rb") if stdin else subprocess.DEVNULL
        start = time.perf_counter()
        result = subprocess.run(
            command, stdin=handle, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        times.append(time.perf_counter() - start)
        code = result.returncode
        if stdin:
            handle.close()  # type: ignore[union-attr]
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-bin", help="folder holding the peers' console scripts")
    args = parser.parse_args()

    arclean = find("arclean", None)
    if arclean is None:
        print("arclean is not installed in this environment", file=sys.stderr)
        return 2
    rows: list[tuple[str, str, str, str]] = []

    trailing = find("trailing-whitespace-fixer", args.peer_bin)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.md"
        small.write_text("# عنوان\n\nقال الوزير، ثم غادر.\n", encoding="utf-8")
        ours, _ = timed([arclean, "fix", "--check", "--isolated", str(small)], args.runs)
        if trailing:
            theirs, _ = timed([trailing, str(small)], args.runs)
            rows.append(
                (
                    "start-up, small file",
                    f"{ours * 1000:.0f} ms",
                    f"{theirs * 1000:.0f} ms (trailing-whitespace-fixer)",
                    f"{ours / theirs:.1f}× (target ≤ 3×)",
                )
            )
        else:
            rows.append(("start-up, small file", f"{ours * 1000:.0f} ms", "not installed", "-"))

    camel = find("camel_arclean", args.peer_bin)
    for text in TEXTS:
        if not text.exists():
            continue
        size = text.stat().st_size / 1e6
        ours, _ = timed([arclean, "fix", "--isolated"], args.runs, stdin=text)
        label = f"{text.name} ({size:.1f} MB)"
        if camel:
            theirs, _ = timed([camel], args.runs, stdin=text)
            rows.append(
                (
                    label,
                    f"{ours:.2f} s ({size / ours:.1f} MB/s)",
                    f"{theirs:.2f} s ({size / theirs:.1f} MB/s) (camel_arclean)",
                    f"{theirs / ours:.2f}× as fast (target ≥ 2×)",
                )
            )
        else:
            rows.append((label, f"{ours:.2f} s", "camel_arclean not installed", "-"))

    print(f"Median of {args.runs} runs; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs.\n")
    print("| measurement | arclean | peer | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
