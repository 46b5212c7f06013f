"""Hand-written news articles with gold name marks, for `eval_names.py`.

The articles live in ``tests/fixtures/names_articles/NN_topic.txt`` (one
article a file, written for this project; see the README there).  Every
name mention is wrapped in ⟦…⟧; a word token of the unmarked text that
overlaps a marked span is a gold name token (a proclitic outside the marks,
و⟦ماكرون⟧, belongs to the token: AQMAR tags whole tokens too).

Articles are split by file number like PUD's sentences: the first 60 %
train, the next 20 % dev, the last 20 % test.
"""

from __future__ import annotations

from pathlib import Path

from arclean.names.lexicon import strip_marks
from arclean.names.tokens import iter_tokens

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "names_articles"
OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧


def parse(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its marks and the (start, end) offsets of the marked
    spans in it.  Raises ValueError on a nested, unclosed or stray mark, or
    an empty span."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0  # offset in the unmarked text
    start: int | None = None
    for i, ch in enumerate(marked):
        if ch == OPEN:
            if start is not None:
                raise ValueError(f"nested {OPEN} at {i}")
            start = pos
        elif ch == CLOSE:
            if start is None:
                raise ValueError(f"stray {CLOSE} at {i}")
            if start == pos:
                raise ValueError(f"empty span at {i}")
            spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    if start is not None:
        raise ValueError(f"unclosed {OPEN}")
    return "".join(out), spans


def files(folder: Path = ARTICLES) -> list[Path]:
    """The article files, in file-number order."""
    return sorted(folder.glob("[0-9][0-9]_*.txt"))


def split_files(split: str, folder: Path = ARTICLES) -> list[Path]:
    """The files of one split: first 60 % train, next 20 % dev, last 20 % test."""
    fs = files(folder)
    n = len(fs)
    lo, hi = {
        "train": (0, int(n * 0.6)),
        "dev": (int(n * 0.6), int(n * 0.8)),
        "test": (int(n * 0.8), n),
    }[split]
    return fs[lo:hi]


def load(
    split: str, folder: Path = ARTICLES
) -> tuple[list[str], set[str], set[str], list[frozenset[str]]]:
    """Articles of one split (unmarked text), the stripped gold name tokens,
    the stripped tokens used outside a name, and per article its gold name
    tokens."""
    texts: list[str] = []
    names: set[str] = set()
    other: set[str] = set()
    gold: list[frozenset[str]] = []
    for path in split_files(split, folder):
        text, spans = parse(path.read_text(encoding="utf-8").strip())
        mine: set[str] = set()
        for tok in iter_tokens(text):
            form = strip_marks(tok.text)
            if any(a < tok.end and tok.start < b for a, b in spans):
                mine.add(form)
            else:
                other.add(form)
        texts.append(text)
        names |= mine
        gold.append(frozenset(mine))
    return texts, names, other, gold
