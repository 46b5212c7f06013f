"""A search for a scan that is one character (as many scans and split
scans' parts are: ``\\u06cc``, ``،``, ``ـ+``): `re` finds a literal by
testing character after character (about 0.5 ns a character: tweets, a
million characters, 0.5 ms a search that finds nothing), `str.find` with
the C library's byte search (0.03 ms).  Each place the character is found
is matched with the pattern itself, so the matches are those of
``whole.search``.  Offsets are code points."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from arclean.text.re_syntax import MAXREPEAT, bounds, parse

#: A scan of another kind, given back as it is.
S = TypeVar("S")


#: After this many searches, a `LiteralScan` whose places came on average
#: closer than `NEAR` characters apart is searched by `re` alone: a `find`
#: and a `match` in Python cost more than `re`'s own scan over that gap.
SEARCHES = 64
NEAR = 1024


class LiteralScan:
    """A pattern (`whole`) every match of which begins with `prefix` (and
    matches wherever the prefix is): its `search` finds the prefix with
    `str.find` and matches `whole` there (``whole.match`` at a position is
    what ``whole.search`` tries there, lookbehinds seeing the text before
    it alike); once the places prove dense (counted over every call), it is
    ``whole.search``.  `finditer` looks for the first place with `find`
    and leaves the rest to ``whole.finditer`` (no Python step a match)."""

    def __init__(self, whole: re.Pattern[str], prefix: str) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self.prefix = prefix
        self.dense = False
        self._searches = self._gaps = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pos, end = bounds(text, pos, endpos)
        if self.dense:
            return self.whole.search(text, pos, end)
        at = text.find(self.prefix, pos, end)
        self._searches += 1
        self._gaps += (end if at == -1 else at) - pos
        if self._searches >= SEARCHES and self._gaps < NEAR * self._searches:
            self.dense = True
        if at == -1:
            return None
        hit = self.whole.match(text, at, end)
        if hit is not None:
            return hit
        return self.whole.search(text, at + 1, end)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``whole.finditer``, from the first place of the prefix (none
        before it: no match starts there, and none holds it)."""
        pos, end = bounds(text, pos, endpos)
        at = text.find(self.prefix, pos, end)
        if at != -1:
            yield from self.whole.finditer(text, at, end)


#: A class of at most this many characters is found one character at a
#: time (`CharsScan`): each an absent character's `find` costs about
#: 0.07 ms on news, `re`'s class search 6 ns a character (17 ms).
MAX_CHARS = 64
#: Past this many places in one search, or one per `SPARSE` characters,
#: `CharsScan.finditer` leaves the search to `re` (a Python step a place
#: costs about what `re` spends on 100 characters: a vowelled text's marks).
MAX_PLACES = 16384
SPARSE = 100


class CharsScan:
    """A class of literal characters, or a run of them (``[…]+``, AR210's
    marks): `finditer` finds each character with `str.find` between `pos`
    and `endpos` and matches `whole` at the first place of each run (the
    match `re` finds there: the run, to its end or `endpos`), so the
    matches are those of ``whole.finditer``; a short stretch, or one with
    more than `MAX_PLACES` places, is searched by `whole` itself.  `search`
    is the pattern's own.  With `every` false, a pattern that begins with
    a group opening with the class (AR202's ``([…])\\1``): not every place
    begins a match, and a place where `whole` does not match is passed
    over (each match begins at a place: the first after the last match
    where `whole` matches is the next match ``whole.finditer`` finds)."""

    def __init__(self, whole: re.Pattern[str], chars: str, every: bool = True) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self.chars = chars
        self.every = every

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.whole.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        pos, end = bounds(text, pos, endpos)
        places = self._places(text, pos, end) if end - pos > 1024 * len(self.chars) else None
        if places is None:
            yield from self.whole.finditer(text, pos, end)
            return
        match = self.whole.match
        after = pos
        every = self.every
        for at in places:
            if at >= after:  # not inside the last run
                hit = match(text, at, end)
                if hit is None:
                    assert not every  # a character of the class: a match
                    continue
                yield hit
                after = hit.end()

    def _places(self, text: str, pos: int, end: int) -> list[int] | None:
        """The sorted places of the characters in ``text[pos:end]``; None
        as soon as there are more than one per `SPARSE` characters
        (`MAX_PLACES` at most): what is spent finding them then is a third
        of what `re` spends."""
        limit = min(MAX_PLACES, (end - pos) // SPARSE)
        find = text.find
        places: list[int] = []
        for char in self.chars:
            at = find(char, pos, end)
            while at != -1:
                places.append(at)
                if len(places) > limit:
                    return None
                at = find(char, at + 1, end)
        places.sort()
        return places


def literal_scan(pattern: S) -> S | LiteralScan | CharsScan:
    """`pattern` as a `LiteralScan` when it is an `re` pattern of one
    literal character (not case-folded: no ``re.IGNORECASE``) followed by
    nothing but repeats that may be empty (``ـ+`` is ``ــ*``), as a
    `CharsScan` when it is a class of a few literal characters or a run of
    one, or begins with a group opening with such a class; else `pattern`
    (of any kind) itself."""
    if not isinstance(pattern, re.Pattern) or pattern.flags & re.IGNORECASE:
        return pattern
    try:
        parsed = list(parse(pattern.pattern, pattern.flags))
    except re.error:
        return pattern
    # It matches wherever its character is found.  A lookbehind or a class
    # after it (``.(?<= …)``) fails at most places (a full stop in prose),
    # each a `match` in Python; a second literal (``"  "``) is found by
    # `str.find` no faster than by `re`.
    chars = _class_chars(parsed)
    if chars is not None:
        return CharsScan(pattern, chars)
    if parsed and str(parsed[0][0]) == "SUBPATTERN":
        _group, add_flags, del_flags, body = parsed[0][1]
        chars = _class_chars(list(body)[:1]) if not add_flags and not del_flags else None
        if chars is not None and str(body[0][0]) == "IN":
            return CharsScan(pattern, chars, every=False)
    if (
        not parsed
        or str(parsed[0][0]) != "LITERAL"
        or any(
            str(op) not in ("MAX_REPEAT", "MIN_REPEAT") or value[0] != 0 for op, value in parsed[1:]
        )
    ):
        return pattern
    return LiteralScan(pattern, chr(parsed[0][1]))


def _class_chars(parsed: list[tuple[Any, Any]]) -> str | None:
    """The characters of a parsed pattern that is one class of literal
    characters (ranges too; not negated, no category), or a greedy run of
    one (``[…]+``), at most `MAX_CHARS` of them; else None."""
    if len(parsed) != 1:
        return None
    op, value = parsed[0]
    if str(op) == "MAX_REPEAT":
        low, high, body = value
        if low != 1 or high != MAXREPEAT or len(body) != 1:
            return None
        op, value = body[0]
    if str(op) != "IN":
        return None
    chars: list[str] = []
    for kind, item in value:
        if str(kind) == "LITERAL":
            chars.append(chr(item))
        elif str(kind) == "RANGE" and item[1] - item[0] < MAX_CHARS:
            chars.extend(chr(c) for c in range(item[0], item[1] + 1))
        else:
            return None
    unique = "".join(dict.fromkeys(chars))
    return unique if 1 < len(unique) <= MAX_CHARS else None
