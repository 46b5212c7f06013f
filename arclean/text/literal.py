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
from typing import TypeVar

#: A scan of another kind, given back as it is.
S = TypeVar("S")


class LiteralScan:
    """A pattern (`whole`) every match of which begins with `prefix`: its
    `search` finds the prefix with `str.find` and matches `whole` there
    (``whole.match`` at a position is what ``whole.search`` tries there,
    lookbehinds seeing the text before it alike); when that place is no
    match, `whole.search` takes over past it (a prefix common in the text
    costs one `find` and one `match` more a search, not one a candidate)."""

    def __init__(self, whole: re.Pattern[str], prefix: str) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self.prefix = prefix

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        size = len(text)
        end = size if endpos is None else min(max(endpos, 0), size)
        pos = min(max(pos, 0), size)  # as `re` bounds them (`find` counts from the end)
        at = text.find(self.prefix, pos, end)
        if at == -1:
            return None
        hit = self.whole.match(text, at, end)
        if hit is not None:
            return hit
        return self.whole.search(text, at + 1, end)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``whole.finditer``: each match from the end of the last (none is
        empty: each holds the prefix)."""
        end = len(text) if endpos is None else endpos
        hit = self.search(text, pos, end)
        while hit is not None:
            yield hit
            hit = self.search(text, hit.end(), end)


def literal_scan(pattern: S) -> S | LiteralScan:
    """`pattern` as a `LiteralScan` when it is an `re` pattern of one
    literal character (not case-folded: no ``re.IGNORECASE``) followed by
    nothing but repeats that may be empty (``ـ+`` is ``ــ*``); else
    `pattern` (of any kind) itself."""
    if not isinstance(pattern, re.Pattern) or pattern.flags & re.IGNORECASE:
        return pattern
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return pattern
    # It matches wherever its character is found.  A lookbehind or a class
    # after it (``.(?<= …)``) fails at most places (a full stop in prose),
    # each a `match` in Python; a second literal (``"  "``) is found by
    # `str.find` no faster than by `re`.
    if (
        not parsed
        or str(parsed[0][0]) != "LITERAL"
        or any(
            str(op) not in ("MAX_REPEAT", "MIN_REPEAT") or value[0] != 0 for op, value in parsed[1:]
        )
    ):
        return pattern
    return LiteralScan(pattern, chr(parsed[0][1]))
