#!/usr/bin/env python3
"""Build rules/teh_marbuta_lexicon.tsv: definite words that the books write
only with a final ة, with the spelling in ه that informal typing gives them
(الجامعه → الجامعة), for AR411.

Source: `arclean/names/data/lexicon.tsv.gz`, word counts from Hindawi books
whose authors died before 1951 (public domain text; counts CC0 1.0), see
`arclean/names/data/README.md`.  Nothing is written by hand.

A stem s (the word without its article and its ة) is listed when:
- ال + s + ة is written at least `MIN_COUNT` times;
- no form ending in ه is written (but as typing noise, `NOISE`): ال + s +
  ه, لل + s + ه, nor ever with a hamza at its start (ألحقه, "he attached
  it", written الحقه without its hamza, is a verb with a pronoun, not
  الحقة);
- ال + s is no verb the books write with another object pronoun
  (`VERB_OBJECTS`: التهمها, so التهمه is "he devoured it");
- after لل, only when ل + s + ه is no word of the books: للهوه is لـ +
  لهوه, "for his amusement" (the line then says ال, `ONLY_AL`).
- s + ه is no stem of its own: no plural or dual built on it (موجهات,
  موجهين: الموجه, "guided", has a root ه and is no misspelt الموجة, "the
  wave", even where the old books never write it).

Usage: python scripts/build_teh_marbuta.py [--out rules/teh_marbuta_lexicon.tsv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arclean.names.lexicon import surface_counts  # noqa: E402

TEH_MARBUTA, HEH = "\u0629", "\u0647"
#: Uses of the definite ة form a listed word needs in the books.
MIN_COUNT = 5
#: Endings built on a stem whose last letter is a root ه (المشبوهين).
ROOT_HEH_ENDINGS = ("ين", "ون", "ات", "ان")
#: Other object pronouns after a verb that begins with the letters ال
#: (التهمها, التهمته: التهمه is "he devoured it", beside التهمة, the charge).
VERB_OBJECTS = ("ها", "هم", "هما", "وه", "ته", "تها", "ني", "نا")
#: Marks a stem listed with the article alone, not after لل.
ONLY_AL = "ال"
#: A spelling in ه below this share of the ة one is typing noise in the
#: books (الأمه 3 times beside الأمة 371), as in build_final_yeh.py.
NOISE = 0.01

HEADER = """\
# Definite words the Hindawi lexicon writes only with a final ة (AR411).
# Source: arclean/names/data/lexicon.tsv.gz (Hindawi books by authors who died
# before 1951: public domain text; counts CC0 1.0).  Built by
# scripts/build_teh_marbuta.py; do not edit by hand.
# One stem per line: the word without its article ال and its final ة;
# "<TAB>ال" after it: with the article only, not after لل (للهوه is لـ + لهوه).
"""


def build() -> list[str]:
    counts = surface_counts()
    get = counts.get
    rows = []
    for word, n in counts.items():
        if n < MIN_COUNT or not word.startswith("ال") or not word.endswith(TEH_MARBUTA):
            continue
        s = word[2:-1]
        if len(s) < 2:
            continue
        heh = s + HEH
        noise = NOISE * n
        if any(get(f, 0) > noise for f in ("ال" + heh, "لل" + heh)):
            continue
        if any(get(f, 0) for f in ("أل" + heh, "إل" + heh, "آل" + heh)):
            continue
        if any(get(p + heh + e, 0) for p in ("", "ال") for e in ROOT_HEH_ENDINGS):
            continue
        if any(get("ال" + s + e, 0) for e in VERB_OBJECTS):
            continue
        # لل + s + ه may also be لـ + a word in ل + ه, "his" (للهوه: for his
        # amusement, لهوه, not للهوة, for the abyss): then with ال only
        rows.append(s + ("\t" + ONLY_AL if get("ل" + s, 0) and get("ل" + heh, 0) else ""))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "teh_marbuta_lexicon.tsv")
    args = parser.parse_args()
    rows = build()
    args.out.write_text(HEADER + "".join(f"{s}\n" for s in rows), encoding="utf-8")
    print(f"{args.out}: {len(rows)} stems", file=sys.stderr)


if __name__ == "__main__":
    main()
