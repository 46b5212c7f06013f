"""Helpers shared by the built-in rule functions: matching inside spans,
reading options against the registry, and pairing quotes on a line (and
telling inch marks from them)."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import regex

from arclean.builtins.registry import BUILTINS
from arclean.chars import (
    DIGIT,
    LEFT_DOUBLE_QUOTE,
    LEFT_GUILLEMET,
    REGEX_FLAGS,
    RIGHT_DOUBLE_QUOTE,
    RIGHT_GUILLEMET,
    lazy_compile,
)
from arclean.errors import RuleFileError

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span


def finditer(pattern: regex.Pattern[str], text: str, spans: Sequence[Span]) -> Iterator[Any]:
    """Matches of `pattern` that lie inside one of `spans`.  Lookbehinds see
    the text before a span; lookaheads stop at its end (a run just before a
    URL is not seen to be followed by a word: `repeated_spaces` searches one
    character further)."""
    for span in spans:
        yield from pattern.finditer(text, span.start, span.end)


def option_choice(rule: Rule, builtin: str, name: str) -> str:
    """The value of a choice option of built-in `builtin` for `rule`: as the
    rule file or configuration set it, else the registry's default.  Rules
    are validated when loaded; a rule built by hand with a value outside the
    declared choices raises `RuleFileError` here."""
    declared = BUILTINS[builtin].options[name]
    value = str(rule.option(name, declared.default))
    if value not in declared.choices:
        raise RuleFileError(
            rule.path,
            f"option '{name}' must be one of: {', '.join(declared.choices)} (not {value!r})",
            rule.line,
            rule.code,
        )
    return value


class LineStarts:
    """The start of the line of each offset, asked in increasing order: each
    question scans only from the previous one, so all of them together read
    the text once (asking for each match ``text.rfind("\\n", 0, offset)``
    rereads a long line once per match).  An offset before the previous one
    starts over."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0
        self._start = 0

    def __call__(self, offset: int) -> int:
        if offset < self._offset:
            self._offset = self._start = 0
        newline = self.text.rfind("\n", self._offset, offset)
        if newline >= 0:
            self._start = newline + 1
        self._offset = offset
        return self._start


class MarkFinder:
    """A class of literal characters (`chars`): `finditer` is the `re`
    class's; `marks_per_line` finds them with `str.find` instead (a class
    search tests every character: news, 17 ms a search against 4 ms)."""

    def __init__(self, chars: str) -> None:
        self.chars = "".join(dict.fromkeys(chars))
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in self.chars) + "]")

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        return self.pattern.finditer(text, pos, endpos)


def marks_per_line(
    text: str,
    spans: Sequence[Span],
    finder: MarkFinder | re.Pattern[str] | regex.Pattern[str],
) -> dict[int, list[tuple[int, str]]]:
    """Characters `finder` matches inside `spans`, grouped by the offset of
    their line's start (a pair of quotes or brackets may cross markup but
    never a paragraph).  Each mark is ``(offset, character)``.  (Spans are
    sorted: the marks of a line come together, its start and end are looked
    up once; a class of a few characters is best a stdlib `re` pattern, and
    a `MarkFinder`'s are found with `str.find`.)"""
    per_line: dict[int, list[tuple[int, str]]] = {}
    marks: list[tuple[int, str]] = []
    line_end = -1
    size = len(text)
    for position, mark in _marks_in(text, spans, finder):
        if position > line_end:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            if line_end == -1:
                line_end = size
            marks = per_line.setdefault(line_start, [])
        marks.append((position, mark))
    return per_line


def _marks_in(
    text: str, spans: Sequence[Span], finder: MarkFinder | re.Pattern[str] | regex.Pattern[str]
) -> Iterator[tuple[int, str]]:
    """`finder`'s matches inside `spans`, in order, as ``(offset, text)``.
    A `MarkFinder` over sorted, disjoint spans: each character found with
    `str.find` between the first span's start and the last one's end, the
    offsets sorted and kept where a span holds them (found by bisection)."""
    if not isinstance(finder, MarkFinder) or not _ordered(spans):
        for span in spans:
            for m in finder.finditer(text, span.start, span.end):
                yield m.start(), m.group()
        return
    if not spans:
        return
    low, high = spans[0].start, spans[-1].end
    found: list[int] = []
    find = text.find
    for char in finder.chars:
        position = find(char, low, high)
        while position != -1:
            found.append(position)
            position = find(char, position + 1, high)
    found.sort()
    k = 0
    for span in spans:
        k = bisect_left(found, span.start, k)
        while k < len(found) and found[k] < span.end:
            yield found[k], text[found[k]]
            k += 1


def _ordered(spans: Sequence[Span]) -> bool:
    """Are `spans` sorted, none ending before it starts or after the next
    one starts?"""
    return all(span.start <= span.end for span in spans) and all(
        before.end <= after.start for before, after in pairwise(spans)
    )


def quote_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pair the quotes of one line, each family on its own: straight quotes
    when their count is even, curly quotes and guillemets when they strictly
    alternate (the first curly quote on the line decides which one opens).
    Anything else is ambiguous and gives no pair.  Returns ``(opening
    offset, closing offset)`` pairs, sorted."""
    pairs: list[tuple[int, int]] = []
    straight = [p for p, c in marks if c == '"']
    if len(straight) % 2 == 0:
        pairs.extend(zip(straight[::2], straight[1::2], strict=True))
    for family in ((LEFT_DOUBLE_QUOTE, RIGHT_DOUBLE_QUOTE), (LEFT_GUILLEMET, RIGHT_GUILLEMET)):
        seq = [(p, c) for p, c in marks if c in family]
        if not seq or len(seq) % 2:
            continue
        opener = seq[0][1] if family[0] == LEFT_DOUBLE_QUOTE else LEFT_GUILLEMET
        closer = family[1] if opener == family[0] else family[0]
        if all(c == (opener if i % 2 == 0 else closer) for i, (_, c) in enumerate(seq)):
            pairs.extend((seq[i][0], seq[i + 1][0]) for i in range(0, len(seq), 2))
    return sorted(pairs)


def guillemet_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pair the guillemets of one line, nested or not: « opens, » closes.  A
    line where any guillemet is left without a partner (what AR190 reports)
    gives no pair at all.  That includes a line written »…« as some
    newspapers do, and a line whose first » closes a quotation opened on the
    line before: the two cannot be told apart, so which guillemet opens is
    unknown, and a space beside one may be the space between two words.
    Returns ``(opening offset, closing offset)`` pairs, sorted."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for position, char in marks:
        if char == LEFT_GUILLEMET:
            stack.append(position)
        elif char == RIGHT_GUILLEMET:
            if not stack:
                return []
            pairs.append((stack.pop(), position))
    return [] if stack else sorted(pairs)


#: A straight quote between a number and a space (or the line's end), one
#: space or more before it: where a pair would open, an inch mark more
#: likely than a quotation (شاشة 55 " بوصة); a quotation opens glued to its
#: word (في 2016 "يأتي).
INCH_RE = lazy_compile(f'(?<={DIGIT}[ \\t]+)"(?=[ \\t\\r]|$)', REGEX_FLAGS)


def inch_marks(text: str, quotes: Sequence[int]) -> set[int]:
    """The straight quotes at `quotes` (the positions of one line's, in
    order) that read as inch marks, not quotation marks: each between a
    number and a space (`INCH_RE`) where a pair would open (after an even
    number of the quotes before it that are not inch marks), as AR108's
    ``punct.trusted_pairs`` reads them; a quotation may end with a number
    (" ستاندرد آند بورز 500 "); one glued to its number (55" or 1.4") may
    as well close a quotation, and is a quote."""
    found: set[int] = set()
    opening = True
    for position in quotes:
        if opening and INCH_RE.match(text, position):
            found.add(position)
        else:
            opening = not opening
    return found
