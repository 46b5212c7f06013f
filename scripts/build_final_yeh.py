#!/usr/bin/env python3
"""Build rules/final_yeh_lexicon.tsv: which Arabic words end in ي, which in
ى, and which may end in either, as the shipped Hindawi lexicon attests them.

Source: `arclean/names/data/lexicon.tsv.gz`, word counts from Hindawi books
whose authors died before 1951 (public domain text; counts CC0 1.0), see
`arclean/names/data/README.md`.  Nothing is written by hand.

Each line is ``stem<TAB>ending``: the word without its last letter, and ي
(only the ي form is attested), ى (only the ى form) or ? (both).  A form
seen less than 1% as often as the other one is typing noise in the books
(فى for في: 14 against 54,528) and does not count.

Usage: python scripts/build_final_yeh.py [--out rules/final_yeh_lexicon.tsv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arclean.names.lexicon import surface_counts  # noqa: E402

YEH, MAKSURA = "\u064a", "\u0649"
#: A minority spelling below this share of the other one is noise.
NOISE = 0.01

HEADER = """\
# Word-final ي or ى, per word, as attested in the Hindawi lexicon.
# Source: arclean/names/data/lexicon.tsv.gz (Hindawi books by authors who died
# before 1951: public domain text; counts CC0 1.0).  Built by
# scripts/build_final_yeh.py; do not edit by hand.
# stem<TAB>ending: ي only the ي form attested, ى only the ى form, ? both.
"""


def build() -> list[tuple[str, str]]:
    counts = surface_counts()
    stems = {w[:-1] for w in counts if w.endswith((YEH, MAKSURA)) and len(w) > 1}
    rows = []
    for stem in sorted(stems):
        yeh, maksura = counts.get(stem + YEH, 0), counts.get(stem + MAKSURA, 0)
        if yeh and maksura and min(yeh, maksura) >= NOISE * max(yeh, maksura):
            rows.append((stem, "?"))
        else:
            rows.append((stem, YEH if yeh >= maksura else MAKSURA))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "final_yeh_lexicon.tsv")
    args = parser.parse_args()
    rows = build()
    args.out.write_text(HEADER + "".join(f"{s}\t{e}\n" for s, e in rows), encoding="utf-8")
    print(f"{args.out}: {len(rows)} stems", file=sys.stderr)


if __name__ == "__main__":
    main()
