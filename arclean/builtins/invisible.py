"""Built-ins of the invisible group: a zero-width space inside an Arabic
word, decided by the lexicon (``zero-width-space-in-word``, AR603) or
reported (``zero-width-space-undecided``, AR604)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.chars import LETTER, MARK, PERSIAN_LOOKING, REGEX_FLAGS, TATWEEL, lazy_compile

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

ZWSP = "\N{ZERO WIDTH SPACE}"
#: A run of zero-width spaces between two Arabic letters (marks between).
_ZWSP_RE = lazy_compile(rf"(?<={LETTER}{MARK}*){ZWSP}+(?={MARK}*{LETTER})", REGEX_FLAGS)
#: What a word around it is made of: letters, marks, tatweel.
_PART_RE = lazy_compile(rf"{LETTER}|{MARK}|{TATWEEL}", REGEX_FLAGS)
_PERSIAN_RE = lazy_compile(PERSIAN_LOOKING, REGEX_FLAGS)

JOIN, SPACE = "", " "


def _half(text: str, i: int, step: int) -> str:
    """The letters (marks, tatweel) of the word next to offset `i`: going
    back from it (`step` -1) or on from it (`step` 1), up to anything else,
    another zero-width space included."""
    j = i
    if step < 0:
        while j > 0 and _PART_RE.fullmatch(text, j - 1, j):
            j -= 1
        return text[j:i]
    while j < len(text) and _PART_RE.fullmatch(text, j, j + 1):
        j += 1
    return text[i:j]


def verdict(left: str, right: str) -> str | None:
    """What a zero-width space between `left` and `right` (the two halves
    of a word, marks and tatweel allowed) becomes: nothing (`JOIN`) when
    the joined word is one the Hindawi lexicon knows (المست​شفى: المستشفى)
    and the two halves are not both words, a space (`SPACE`) when it does
    not but knows both halves, of two letters or more (كتاب​جديد: كتاب
    جديد), else None: undecided, left as it is (رب​ما, both ربما and رب ما
    are Arabic).  The article ال alone is not taken for a word."""
    from arclean.names.lexicon import strip_marks, surface_word_list

    words = surface_word_list()
    a, b = strip_marks(left), strip_marks(right)
    two_words = len(a) > 1 and len(b) > 1 and a in words and b in words
    if a + b in words:
        # both readings are words (رب​ما: ربما "perhaps" or رب ما "lord
        # of what"; كل​ما, بين​ما, إن​ما): the text's meaning decides, not
        # the lexicon; the article ال alone is no word
        return None if two_words and a != "ال" else JOIN
    return SPACE if two_words else None


def _zero_width_spaces(text: str, spans: Sequence[Span]) -> Iterator[tuple[int, int, str | None]]:
    """``(start, end, verdict)`` of each run of zero-width spaces inside an
    Arabic word; none beside a word holding a Persian-looking letter (a
    Persian quotation: its typists put one where ZWNJ belongs, می​خواهم)."""
    for m in finditer(_ZWSP_RE, text, spans):
        left, right = _half(text, m.start(), -1), _half(text, m.end(), 1)
        if _PERSIAN_RE.search(left) or _PERSIAN_RE.search(right):
            continue
        yield m.start(), m.end(), verdict(left, right)


def zero_width_space_in_word(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """A zero-width space inside an Arabic word goes where the lexicon knows
    the joined word, becomes a space where it knows the two words instead;
    otherwise it is left for AR604 to report."""
    from arclean.text.edits import Replacement

    return [
        Replacement(start, end, new, rule.code)
        for start, end, new in _zero_width_spaces(text, spans)
        if new is not None
    ]


def zero_width_space_undecided(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Report a zero-width space inside an Arabic word that the lexicon
    cannot decide (neither the joined word nor both halves known)."""
    from arclean.text.edits import Finding

    return [
        Finding(start, end, rule.code, rule.message, rule.level, old=text[start:end])
        for start, end, new in _zero_width_spaces(text, spans)
        if new is None
    ]
