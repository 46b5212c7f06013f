"""Fuzz the Markdown aligner and the subtitle scanners with atheris, each for
a bounded time:

    python fuzz/run.py --seconds 60            # every target, a minute each
    python fuzz/run.py --seconds 5 markdown    # one target

Each target runs in its own process (atheris takes over the process), from
a corpus of seeds in a temporary folder.  Exit 0 when no target found a
failure; otherwise the failing input is written to ``fuzz/crash-*`` and the
exit code is 1.  Without atheris (it installs on Linux with CPython up to
3.12), says so and exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SEEDS = {
    "markdown": [
        "# عنوان ، هنا\n\nقال ، ثم `code , x` و [رابط](https://x.org/a,b) .\n",
        "- بند ، أول\n  - بند ، ثان\n\n> اقتباس ، هنا\n\n```\nكود ، هنا\n```\n",
        "| عمود ، أ | عمود ، ب |\n|---|---|\n| خلية ، 1 | خلية ، 2 |\n\n[^1]: حاشية ، هنا\n",
    ],
    "mdx": [
        "import X from './x'\n\n# عنوان ، هنا\n\n<Chart title=\"أ ، ب\" />\n\nقال ، ثم {1 + 2}\n"
    ],
    "srt": [
        "1\n00:00:01,000 --> 00:00:02,000\nقال ، ثم\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n<i>هنا ، هناك</i>\n"
    ],
    "vtt": ["WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nقال ، ثم\n\nNOTE ملاحظة ، هنا\n"],
}


def _child(name: str, seconds: int, corpus: str, artifacts: str) -> int:
    import atheris

    with atheris.instrument_imports():
        from targets import FORMATS, target

    atheris.Setup(
        [sys.argv[0], corpus, f"-max_total_time={seconds}", f"-artifact_prefix={artifacts}/crash-"],
        target(FORMATS[name]),
    )
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="markdown, mdx, srt, vtt (default: all)")
    parser.add_argument("--seconds", type=int, default=60, help="per target (default 60)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.seconds, args.corpus, str(HERE))
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("fuzz: atheris is not installed here; nothing fuzzed", file=sys.stderr)
        return 0
    failed = []
    for name in args.targets or list(SEEDS):
        with tempfile.TemporaryDirectory() as corpus:
            for i, seed in enumerate(SEEDS[name]):
                Path(corpus, f"seed{i}").write_text(seed, encoding="utf-8")
            command = [sys.executable, __file__, "--child", name, "--corpus", corpus]
            command += ["--seconds", str(args.seconds)]
            done = subprocess.run(command, capture_output=True, text=True)
            status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
            runs = [line for line in done.stderr.splitlines() if line.startswith("Done ")]
            summary = runs[-1] if runs else "no run count"
            print(f"fuzz {name}: {status}; {summary}", file=sys.stderr)
            if done.returncode != 0:
                failed.append(name)
                print(done.stderr[-4000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
