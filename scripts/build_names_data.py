#!/usr/bin/env python3
"""Build the data files that `arclean.names` ships, from public-domain and
CC0 text only.

Inputs (from the shared corpus, see ../shared/corpus/SOURCES.md):
- plain/hindawi_{history,novels,translated}.txt: Hindawi books whose authors
  died before 1951, public domain.  → word frequencies (lexicon.tsv.gz).
- names/wikidata_en_ar_name_tokens.tsv: Wikidata person-name token pairs,
  CC0 1.0.  → gazetteer of name tokens and transliteration variants
  (gazetteer.tsv.gz).

Usage: python scripts/build_names_data.py [--corpus ../shared/corpus] [--out arclean/names/data]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arclean.names.tokens import words  # noqa: E402

HINDAWI = ("hindawi_history.txt", "hindawi_novels.txt", "hindawi_translated.txt")


def strip_marks(word: str) -> str:
    """Surface form without harakat/tatweel, hamza seats kept."""
    if any("\ufb50" <= ch <= "\ufeff" for ch in word):
        word = unicodedata.normalize("NFKC", word)
    return "".join(ch for ch in word if unicodedata.category(ch) != "Mn" and ch != "\u0640")


def build_lexicon(corpus: Path, min_count: int) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    for name in HINDAWI:
        with open(corpus / "plain" / name, encoding="utf-8") as fh:
            for line in fh:
                counts.update(words(line))
    merged: Counter[str] = Counter()
    for w, n in counts.items():
        merged[strip_marks(w)] += n
    total = sum(merged.values())
    return Counter({w: n for w, n in merged.items() if n >= min_count}), total


def build_gazetteer(corpus: Path) -> Counter[str]:
    """Arabic name tokens with how often Wikidata uses them in person names."""
    tokens: Counter[str] = Counter()
    with open(corpus / "names" / "wikidata_en_ar_name_tokens.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2].isdigit():
                continue
            ar = strip_marks(parts[1])
            if words(ar) != [ar]:  # multi-word or non-Arabic alignments are noise
                continue
            tokens[ar] += int(parts[2])
    return tokens


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "arclean" / "names" / "data")
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    lex, total = build_lexicon(args.corpus, args.min_count)
    with gzip.open(args.out / "lexicon.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#total\t{total}\n")
        for w, n in sorted(lex.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{w}\t{n}\n")

    gaz = build_gazetteer(args.corpus)
    with gzip.open(args.out / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("#token\tcount\n")
        for ar, n in sorted(gaz.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{ar}\t{n}\n")
    print(f"lexicon: {len(lex)} words (of {total} tokens); gazetteer: {len(gaz)} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
