"""Measure that fixing is linear in the input: each input below, made ten
times longer, should take at most about twenty times as long.  Run by hand
(not in the test suite, which makes no wall-clock assertions):

    PYTHONPATH=. python scripts/linearity.py
"""

from __future__ import annotations

import time

from arclean.api import Cleaner

CASES = {
    "spaces": (lambda n: "قال ،" + " " * n + "ثم\n", "plain"),
    "marks": (lambda n: "ب" + "\N{ARABIC FATHA}" * n + " قال\n", "plain"),
    "scrambled marks": (lambda n: "ب" + "\N{ARABIC SHADDA}\N{ARABIC FATHA}" * (n // 2), "plain"),
    # n characters in about √n levels (level i is indented 2i spaces)
    "nested list": (
        lambda n: "".join("  " * i + "- بند ،\n" for i in range(int(n**0.5))),
        "markdown",
    ),
    "one long line": (lambda n: '«قال» ، "ثم" (هنا) ' * (n // 20), "plain"),
    "many lines": (lambda n: "«قال» ، ثم هنا\n" * (n // 15), "plain"),
    # short lines ending in a space (OCR): AR501's scan turned quadratic
    # when its lines proved short in the middle of a search
    "trailing spaces": (lambda n: "قال الوزير \n" * (n // 12), "plain"),
}


def seconds(fmt: str, text: str) -> float:
    """One fix of `text` by a new cleaner: scans that adapt to a text (a
    split scan found dense, a line-end scan's short lines) start afresh, as
    in a new process; a short text first compiles what the rules use."""
    cleaner = Cleaner(format=fmt)
    cleaner.fix("قال ، ثم\n", track=False)
    start = time.perf_counter()
    cleaner.fix(text, track=False)
    return time.perf_counter() - start


def main() -> int:
    worst = 0.0
    for name, (make, fmt) in CASES.items():
        small, large = seconds(fmt, make(10_000)), seconds(fmt, make(100_000))
        ratio = large / max(small, 1e-4)
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= 20 else "SUPERLINEAR"
        print(f"{name:16} {small:8.3f} s → {large:8.3f} s  ×{ratio:5.1f}  {verdict}")
    return 0 if worst <= 20 else 1


if __name__ == "__main__":
    raise SystemExit(main())
