"""The fixed cost of cleaning many short texts (issue 13): a corpus cleaned
one line at a time through the Python API, and JSON Lines through
`arclean.jsonl.fix_document` (what ``arclean fix --jsonl`` runs).

    PYTHONPATH=. python bench/short_texts.py --runs 5 [--corpus ../shared/corpus]

Times (CPU time, `time.process_time`; the least of `--runs` runs, and the
median) of:

- one call of `Cleaner()` and `Cleaner(profile="search")` on tiny texts, in
  microseconds (the mean of a loop of calls);
- the tweets of ``messy/arsarcasm_tweets.txt`` cleaned one line at a time,
  and the same lines joined into one text (the cost of the rule work alone);
- `fix_document` over the news records of ``news/saudinewsnet_2015-08-09.txt``
  as JSON Lines (one record per line, ``{"id": N, "text": LINE}``), written
  as ``json.dumps`` writes them (ASCII escapes) and in raw UTF-8;
- with CAMeL Tools importable (the benchmark environment's site-packages on
  PYTHONPATH, see `bench/run.py`), its dediac + normalize chain on the same
  tweets, one line at a time: a peer's cost per call.

To compare two trees, run it once with each on PYTHONPATH, in turns, in the
same session (the machine is shared: figures move by 10-20 % between runs).
Prints JSON: one row per measure, with the output's SHA-256 (the same on
every tree when the output is byte-identical).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

TINY = {"punct": "قال ، ثم", "latin": "hello world"}


def _timed(func: Callable[[], str], runs: int) -> tuple[float, float, str]:
    """(least, median) CPU seconds of `runs` calls of `func`, and its output's hash."""
    times = []
    sums = set()
    for _ in range(runs):
        start = time.process_time()
        out = func()
        times.append(time.process_time() - start)
        sums.add(hashlib.sha256(out.encode("utf-8")).hexdigest())
    if len(sums) != 1:
        raise SystemExit("output changed between runs")
    return min(times), statistics.median(times), sums.pop()


def _camel() -> Callable[[str], str] | None:
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )
    except ImportError as error:
        print(f"CAMeL chain skipped: {error}", file=sys.stderr)
        return None

    def camel(text: str) -> str:
        return normalize_teh_marbuta_ar(
            normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text)))
        )

    return camel


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20000, help="calls per tiny-text run")
    parser.add_argument("--corpus", default=str(Path(__file__).parent.parent / "../shared/corpus"))
    args = parser.parse_args()
    from arclean import Cleaner
    from arclean.jsonl import fix_document

    corpus = Path(args.corpus)
    tweets = (corpus / "messy/arsarcasm_tweets.txt").read_text(encoding="utf-8").splitlines()
    news = (corpus / "news/saudinewsnet_2015-08-09.txt").read_text(encoding="utf-8").splitlines()
    rows: list[dict[str, object]] = []

    def row(name: str, func: Callable[[], str], per: int = 1, unit: str = "s") -> None:
        least, median, digest = _timed(func, args.runs)
        scale = 1e6 / per if unit == "us" else 1.0
        rows.append(
            {
                "name": name,
                "unit": unit,
                "min": round(least * scale, 4 if unit == "s" else 2),
                "median": round(median * scale, 4 if unit == "s" else 2),
                "sha256": digest,
            }
        )

    for profile in ("default", "search"):
        cleaner = Cleaner(profile=profile)
        for label, tiny in TINY.items():

            def calls(c: Cleaner = cleaner, t: str = tiny) -> str:
                out = ""
                for _ in range(args.calls):
                    out = c(t)
                return out

            row(f"{profile}: one call, {label} {tiny!r}", calls, args.calls, "us")

        def one_by_one(c: Cleaner = cleaner) -> str:
            return "\n".join([c(line) for line in tweets])

        def joined(c: Cleaner = cleaner) -> str:
            return c("\n".join(tweets))

        row(f"{profile}: {len(tweets)} tweets one by one", one_by_one)
        row(f"{profile}: the same tweets joined", joined)
        for style, ascii_ in (("ASCII escapes", True), ("raw UTF-8", False)):
            records = "".join(
                json.dumps({"id": i, "text": line}, ensure_ascii=ascii_) + "\n"
                for i, line in enumerate(news)
            )

            def jsonl(c: Cleaner = cleaner, text: str = records) -> str:
                return fix_document(text, ("text",), c, track=False).text

            row(f"{profile}: fix_document, {len(news)} news records ({style})", jsonl)
    camel = _camel()
    if camel is not None:
        row(
            f"CAMeL dediac+normalize: {len(tweets)} tweets one by one",
            lambda: "\n".join([camel(line) for line in tweets]),
        )
    print(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
