"""Word tokens and proclitic analysis for name matching.

Only the `regex` module is used (Unicode properties, set operations).  A
proclitic (و ف ب ك ل ال and their chains) is split off only when the bare form
is attested, because names often begin with those letters (فيدان, بوتين,
لافروف) and a stemmer would mangle them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from arclean.chars import LETTER, MARK, NAME_WORD_CONTINUE, TATWEEL, fold
from arclean.text.masks import protected_ranges, tag_ranges
from arclean.text.spans import merge_ranges

#: An Arabic word: an Arabic letter, then Arabic-script letters and marks,
#: harakat and tatweel (`NAME_WORD_CONTINUE`): مُحَمَّد and محـــمد are one word
#: each (the harakat are Script=Inherited and tatweel Script=Common, so an
#: Arabic-script class alone would end the word at the first of them).
WORD_RE = regex.compile(f"{LETTER}{NAME_WORD_CONTINUE}*", regex.VERSION1)
#: A word longer than this (code points, marks included) is no name: letters
#: glued over a whole line (OCR, a broken file).  Such a word is neither
#: counted nor rewritten: its one-letter deletions alone, the blocking keys
#: of the pairing, would take memory in the square of its length (4.9 GB for
#: a 70 KB word).
MAX_WORD_LENGTH = 48

_MARKS = f"[{MARK}{TATWEEL}]*"
# conjunction, then a preposition, then the article; ل + ال is written لل.
_PREFIX_RE = regex.compile(
    rf"(?:[وف]{_MARKS})?(?:(?:ل{_MARKS}ل{_MARKS})|(?:[بك]{_MARKS})?(?:ا{_MARKS}ل{_MARKS})|[بكل]{_MARKS})?",
    regex.VERSION1,
)
_PREFIX_PIECES = regex.compile(
    rf"[وف]{_MARKS}|ل{_MARKS}ل{_MARKS}|ا{_MARKS}ل{_MARKS}|[بكل]{_MARKS}", regex.VERSION1
)

#: The letters a proclitic chain of `_PREFIX_RE` begins with.
_PROCLITIC_INITIALS = frozenset("وفلبكا")

#: Folded proclitic chains, for a quick check.
PROCLITICS = frozenset(
    {
        "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل",
        "وب", "وك", "ول", "فب", "فك", "فل", "وبال", "وكال", "فبال", "فكال", "ولل", "فلل",
    }
)  # fmt: skip


@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """`chars.fold` of one word, remembered: a scan folds the same few
    thousand words of a text millions of times (1.8 million calls for a
    megabyte of news, a fifth of the scan's time)."""
    return fold(word)


class Token(NamedTuple):
    """A word in a text, with its offsets (a tuple: made by the million)."""

    start: int
    end: int
    text: str


def iter_tokens(text: str, only: Container[str] | None = None) -> Iterator[Token]:
    """Arabic word tokens of `text` with their offsets; with `only`, just
    the tokens whose word is in it."""
    new = tuple.__new__  # `Token` without its Python-level __new__: made by the million
    for m in WORD_RE.finditer(text):
        start, end = m.span()
        if end - start <= MAX_WORD_LENGTH:
            word = m.group()
            if only is None or word in only:
                yield new(Token, (start, end, word))


def unprotected(text: str) -> str:
    """`text` with what no rule may edit (`arclean.text.masks`: URLs,
    e-mail addresses, hashtags and mentions, Quranic quotations) blanked
    out, line breaks kept: the same length, so offsets and line numbers
    hold.  A word inside a tag (#ترمب) or a link is no evidence for or
    against a spelling and is never rewritten (seventh round)."""
    ranges = protected_ranges(text)
    if "#" in text or "@" in text:
        ranges = merge_ranges([*ranges, *tag_ranges(text)])
    if not ranges:
        return text
    pieces, last = [], 0
    for start, end in ranges:
        pieces.append(text[last:start])
        pieces.append("".join(ch if ch == "\n" else " " for ch in text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def words(text: str) -> list[str]:
    """The Arabic words of `text` (no offsets): the fast path for counting."""
    found: list[str] = WORD_RE.findall(text)
    if found and max(map(len, found)) > MAX_WORD_LENGTH:
        return [w for w in found if len(w) <= MAX_WORD_LENGTH]
    return found


def prefix_splits(word: str, min_core: int = 3) -> tuple[tuple[str, str], ...]:
    """Every (proclitic, core) split of `word`, shortest proclitic first; the
    core keeps at least `min_core` letters.  ``لل`` is ل + ال with the alef
    elided: للرياض also yields ("ل", "الرياض"), a core that is not a substring
    (see `core_span`)."""
    if word[:1] not in _PROCLITIC_INITIALS:
        return ()  # what `_PREFIX_RE` would find: no proclitic
    out: list[tuple[str, str]] = []
    m = _PREFIX_RE.match(word)
    if not m or not m.group():
        return ()
    for piece in _PREFIX_PIECES.finditer(m.group()):
        pos = piece.end()
        if pos >= len(word):
            break
        core = word[pos:]
        if len(fold_word(core)) < min_core:
            continue
        if fold_word(piece.group()) == "لل":
            # ل + (ال + core): the article's alef is not written after ل.
            out.append((word[: piece.start() + 1], "ا" + word[piece.start() + 1 :]))
        out.append((word[:pos], core))
    return tuple(out)


def attach(prefix: str, core: str) -> str | None:
    """Put a proclitic back on a (new) core.  After ل, the article's alef is
    dropped (ل + الرياض = للرياض); ل before a core without the article is kept.
    Returns None when the pair cannot be written (a core that lost its article
    after an elided prefix)."""
    folded = fold_word(prefix)
    if folded.endswith(("ال", "لل")) and fold_word(core).startswith("ال"):
        return None
    if folded[-1:] == "ل" and fold_word(core).startswith("ال"):
        # ل + ال... : write لل..., dropping the alef (and its marks).
        i = 1
        while i < len(core) and not fold_word(core[i]):
            i += 1
        return prefix + core[i:]
    return prefix + core


def analyse(
    word: str,
    attested: Callable[[str], int],
    whole_count: int | None = None,
    min_core: int = 3,
) -> tuple[str, str]:
    """Split `word` into (proclitic, core) when the core is attested.

    `attested(form)` returns how often `form` occurs standalone.  The longest
    proclitic whose core is attested wins, unless the whole word occurs more
    often than the core (وزير is not و+زير when زير is rarer than وزير).
    """
    best = ("", word)
    if whole_count is None:
        whole_count = attested(word)
    for prefix, core in prefix_splits(word, min_core):
        n = attested(core)
        if n and n >= whole_count:
            best = (prefix, core)
    return best
