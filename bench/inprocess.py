"""In-process timings, run by `bench/run.py` inside the benchmark environment.

    python bench/inprocess.py --runs 5 news=PATH books=PATH ...

Times one call on the whole text (CPU time, `time.process_time`) of:
arclean's `Cleaner()` (default profile) and `Cleaner(profile="search")`,
CAMeL Tools' dediac + alef + alef maksura + teh marbuta chain, and PyArabic's
strip/normalize chain.  Every run's output must hash the same; prints JSON.
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


def functions() -> dict[str, Callable[[str], str]]:
    from arclean import Cleaner

    found: dict[str, Callable[[str], str]] = {
        "arclean Cleaner() (default)": Cleaner(),
        "arclean Cleaner(profile='search')": Cleaner(profile="search"),
    }
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        def camel(text: str) -> str:
            return normalize_teh_marbuta_ar(
                normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text)))
            )

        found["CAMeL dediac+alef+alef maksura+teh marbuta"] = camel
    except ImportError as error:
        print(f"CAMeL chain skipped: {error}", file=sys.stderr)
    try:
        from pyarabic import araby

        def pyarabic(text: str) -> str:
            text = araby.strip_tashkeel(araby.strip_tatweel(text))
            return araby.normalize_teh(araby.normalize_alef(araby.normalize_hamza(text)))

        found["PyArabic strip_tatweel+strip_tashkeel+normalize hamza/alef/teh"] = pyarabic
    except ImportError as error:
        print(f"PyArabic chain skipped: {error}", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("texts", nargs="+", help="NAME=PATH")
    args = parser.parse_args()
    rows = []
    funcs = functions()
    for item in args.texts:
        name, _, path = item.partition("=")
        text = Path(path).read_text(encoding="utf-8")
        mb = len(text.encode("utf-8")) / 1e6
        for label, func in funcs.items():
            times = []
            sums = set()
            for _ in range(args.runs):
                start = time.process_time()
                result = func(text)
                times.append(time.process_time() - start)
                sums.add(hashlib.sha256(result.encode("utf-8")).hexdigest())
            if len(sums) != 1:
                print(f"{label}: output changed between runs", file=sys.stderr)
                return 2
            rows.append(
                {
                    "text": name,
                    "mb": mb,
                    "name": label,
                    "median": statistics.median(times),
                    "min": min(times),
                    "spread": max(times) - min(times),
                    "sha256": sums.pop(),
                }
            )
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
