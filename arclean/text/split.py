"""A scan that begins with a class of a few characters, run as one pattern
per character (`SplitScan`): `re` finds a leading literal with a fast
search, but tries a leading class at every position.  Offsets are code
points."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from arclean.text.literal import CharsScan, LiteralScan, literal_scan
from arclean.text.re_syntax import parse

#: A scan that begins with a class of at most this many characters is run
#: as one pattern per character (`SplitScan`).
MAX_SPLIT = 10
#: A split scan that finds more than one hit per this many characters goes
#: back to the whole pattern (each hit costs a step in Python).
DENSE = 400

#: The search of a text from a position on, up to an end fixed before:
#: ``seek(pos)`` is ``scan.search(text, pos, end)``.
Seek = Callable[[int], "re.Match[str] | None"]


class SplitScan:
    """A scan that begins with a class of a few characters, run as one
    pattern per character: `re` finds a leading literal with a fast search,
    but tries a leading class at every position (4 MB: 1-3 ms against
    8-12 ms).  `finditer` and `search` give the scan's own matches, in its
    order (a part's match that starts inside the previous match is looked
    for again past it, as one scan would).  Once a text shows the hits to
    be dense, the whole pattern is used instead (the same matches).

    A search runs every part to its first match, to the end of the text
    for a part that has none: searches from successive positions of one
    text go through `searcher`, which keeps each part's next match (as
    `finditer` does), not through `search` (a line per search, each
    rescanning to the text's end: quadratic)."""

    def __init__(
        self, whole: re.Pattern[str], parts: list[re.Pattern[str] | LiteralScan | CharsScan]
    ) -> None:
        self.pattern = whole.pattern
        self.whole = whole
        self.parts = parts
        self.dense = False
        self._hits = self._scanned = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.searcher(text, endpos)(pos)

    def searcher(self, text: str, endpos: int | None = None) -> Seek:
        """``search(text, pos, endpos)`` for one position after another:
        each part's match is kept with the position it was searched from,
        and searched for again only when a position passes its start (or
        comes before the position it was searched from).  A part's match
        from a position is its first match starting there or later, found
        the same from any position up to its start (a match at a place
        sees the text before it whatever the search's start: lookbehinds,
        ``\\b``); a part with no match from a position has none from any
        later one.  Positions that never go back cost one scan of the
        text for each part, however many searches."""
        end = len(text) if endpos is None else endpos
        if self.dense:
            whole = self.whole.search
            return lambda pos: whole(text, pos, end)
        searches = [part.search for part in self.parts]
        # Each part's last search: the position it ran from, its match.
        heads: list[tuple[int, re.Match[str] | None] | None] = [None] * len(searches)

        def seek(pos: int) -> re.Match[str] | None:
            best = None
            for i, search in enumerate(searches):
                head = heads[i]
                if head is None or pos < head[0] or (head[1] is not None and head[1].start() < pos):
                    head = heads[i] = (pos, search(text, pos, end))
                m = head[1]
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            return best

        return seek

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.dense:
            yield from self.whole.finditer(text, pos, end)
            return
        parts = self.parts
        # A part of one character found dense (`LiteralScan.dense`) is
        # searched by its pattern directly: no Python step between.
        searches = [_direct(part) for part in parts]
        heads = [search(text, pos, end) for search in searches]
        cursor = pos
        found = 0
        while True:
            best = None
            index = -1
            for i, m in enumerate(heads):
                if m is not None and m.start() < cursor:
                    m = heads[i] = searches[i](text, cursor, end)
                if m is not None and (best is None or m.start() < best.start()):
                    best, index = m, i
            if best is None:
                break
            yield best
            found += 1
            cursor = best.end()  # past its first character: never empty
            heads[index] = searches[index](text, cursor, end)
            if found & 63 == 0:
                searches = [_direct(part) for part in parts]
        # Counted over every call (a scan may run span by span).
        self._hits += found
        self._scanned += end - pos
        if self._scanned > 100_000 and self._hits * DENSE > self._scanned:
            self.dense = True


def _direct(part: re.Pattern[str] | LiteralScan | CharsScan) -> Callable[..., Any]:
    """The search of a split scan's part: its pattern's own once a one
    character part is known dense."""
    if isinstance(part, LiteralScan) and part.dense:
        return part.whole.search
    return part.search


def split_scan(scan: re.Pattern[str]) -> re.Pattern[str] | SplitScan:
    """`scan` as a `SplitScan` when it begins with a class of at most
    `MAX_SPLIT` characters (not negated, no class escape), else `scan`."""
    pattern = scan.pattern
    close = _class_end(pattern)
    if close < 0:
        return scan
    try:
        ((op, items),) = parse(pattern[: close + 1], scan.flags)
    except Exception:
        return scan
    chars: list[str] = []
    for kind, value in items if str(op) == "IN" else ():
        if str(kind) == "LITERAL":
            chars.append(chr(value))
        elif str(kind) == "RANGE" and value[1] - value[0] < MAX_SPLIT:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return scan
    if not chars or len(set(chars)) > MAX_SPLIT:
        return scan
    rest = pattern[close + 1 :]
    parts = [literal_scan(re.compile(re.escape(c) + rest, scan.flags)) for c in sorted(set(chars))]
    return SplitScan(scan, parts)


def _class_end(pattern: str) -> int:
    """The offset of the `]` closing the class `pattern` begins with; -1
    when it begins otherwise (or with ``[^`` or ``[]``)."""
    if not pattern.startswith("[") or pattern[1:2] in ("^", "]", ""):
        return -1
    i = 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            return -1  # a nested set or a POSIX class: keep it whole
        elif pattern[i] == "]":
            return i
        else:
            i += 1
    return -1
