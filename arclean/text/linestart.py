"""A search for a scan that begins with ``^`` (a line's start, under
``re.MULTILINE``): `re` tries such a pattern at every position of a text
(news, 2.6 million characters: 13 ms for a check's scan that finds 19
lines), while the same pattern after a line break (``\\n`` first) is a
search for one character.  The same for a rule's exception in `regex`
(`lines_matches`): matched at each line start only.  Offsets are code
points."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from arclean.text.re_syntax import AT, AT_END, bounds, parse
from arclean.text.required import required_pieces
from arclean.text.split import Seek, SplitScan


class LineStartScan:
    """A ``^``-anchored multiline pattern (`whole`) whose `search` tries it
    only at the text's start and after each line break (found by
    ``\\n(?:...)``, the pattern's rest after a line break); each hit is
    the match of `whole` itself at that line's start, so the matches are
    those of ``whole.search``.  `finditer` searches on from each match's
    end (`re` tries ``^`` at every position: books, 25 ms against 2 ms),
    and leaves what follows an empty match to the pattern's own."""

    def __init__(self, whole: re.Pattern[str], after_break: re.Pattern[str]) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self._after_break = after_break

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        pos = min(max(pos, 0), len(text))  # as `re` bounds them
        if pos > end:
            return None
        match = self.whole.match
        if pos == 0 or text[pos - 1] == "\n":
            found = match(text, pos, end)
            if found is not None:
                return found
        hit = self._after_break.search(text, pos, end)
        while hit is not None:
            found = match(text, hit.start() + 1, end)
            if found is not None:
                return found
            hit = self._after_break.search(text, hit.start() + 1, end)
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``whole.finditer``: after a match of one character or more, the
        next is the first match from its end (where `re` searches on); an
        empty match and all after it are the pattern's own."""
        end = len(text) if endpos is None else endpos
        hit = self.search(text, pos, end)
        while hit is not None:
            if hit.end() == hit.start():
                yield from self.whole.finditer(text, hit.start(), end)
                return
            yield hit
            hit = self.search(text, hit.end(), end)


def line_start_scan(pattern: re.Pattern[str]) -> re.Pattern[str] | LineStartScan:
    """`pattern` as a `LineStartScan` when it is multiline and ``^`` begins
    all of it (the rest compiling after a line break); else `pattern`."""
    source = pattern.pattern
    if not (pattern.flags & re.MULTILINE) or not source.startswith("^") or source[1:2] in "*+?{":
        return pattern
    try:
        # ``^`` must anchor the whole pattern, not one branch of it (``^a|b``).
        first = next(iter(parse(source, pattern.flags)))
        if str(first[0]) != "AT" or str(first[1]) != "AT_BEGINNING":
            return pattern
        after_break = re.compile("\n(?:" + source[1:] + ")", pattern.flags)
    except (re.error, StopIteration):
        return pattern
    if after_break.groups != pattern.groups:
        return pattern
    return LineStartScan(pattern, after_break)


def lines_matches(
    pattern: regex.Pattern[str],
    text: str,
    lines: list[tuple[int, int]],
    lookahead: int,
    deadline: float,
) -> list[tuple[int, int]]:
    """The spans of `pattern`'s matches that start in one of the sorted
    `lines` ``(lo, hi)``, each searched up to `lookahead` characters past
    its end (``finditer(text, lo, end)``), all of them by `deadline`
    (`time.monotonic`; `TimeoutError` past it).  A pattern anchored at a
    line's start (`line_anchored`) is matched at each line start only
    (`regex` tries ``^`` at every position: AR102's exceptions, news,
    28 ms against 7 ms); an empty match there hands the lines back to
    `finditer` (its rules for what may follow an empty match).  A line
    without any of the characters every match holds (`required_pieces`)
    up to its search's end is passed over: no match lies there."""
    anchored = line_anchored(pattern)
    needed = required_pieces(pattern)
    found: list[tuple[int, int]] = []
    size = len(text)
    for lo, hi in lines:
        end = min(size, hi + lookahead) if hi < size else hi
        if needed is not None and needed.search(text, lo, end) is None:
            continue
        left = max(deadline - time.monotonic(), 0.001)
        if anchored:
            spans = _anchored_matches(pattern, text, lo, hi, end, left)
            if spans is not None:
                found.extend(spans)
                continue
        for m in pattern.finditer(text, lo, end, timeout=left):
            if m.start() >= hi:
                break
            found.append(m.span())
    return found


def _anchored_matches(
    pattern: regex.Pattern[str], text: str, lo: int, hi: int, end: int, timeout: float
) -> list[tuple[int, int]] | None:
    """`lines_matches` in ``[lo, hi)`` for a `line_anchored` pattern: ``match`` at each
    line start in ``[lo, hi)`` (what `finditer` tries there: lookbehinds
    see the text before it alike), the next from the end of a match;
    None at an empty match."""
    found: list[tuple[int, int]] = []
    position = lo
    while position < hi:
        if position and text[position - 1] != "\n":
            position = text.find("\n", position, hi) + 1
            if not position:
                break
            continue
        m = pattern.match(text, position, end, timeout=timeout)
        if m is None:
            position += 1
        elif m.end() == m.start():
            return None
        else:
            found.append(m.span())
            position = m.end()
    return found


@cache
def line_anchored(pattern: regex.Pattern[str]) -> bool:
    """Does every match of `pattern` (a `regex` pattern) start at a line's
    start: multiline, ``^`` first (after inline flags, and white space and
    comments when verbose) and no ``|`` outside a group?  False when
    unsure."""
    if not pattern.flags & regex.MULTILINE:
        return False
    source = pattern.pattern
    verbose = bool(pattern.flags & regex.VERBOSE)
    i = 0
    while i < len(source):  # what comes before the `^`
        if verbose and source[i].isspace():
            i += 1
        elif verbose and source[i] == "#":
            i = _line_end(source, i)
        elif (flags := _INLINE_FLAGS.match(source, i)) is not None:
            i = flags.end()
        else:
            break
    if not source.startswith("^", i) or source[i + 1 : i + 2] in ("*", "+", "?", "{"):
        return False
    return not _bar_outside_groups(source, i + 1, verbose)


#: Inline flags for the whole pattern, or a comment: ``(?x)``, ``(?#…)``.
_INLINE_FLAGS = regex.compile(r"\(\?(?:[a-zA-Z0-9-]+\)|#[^)]*\))")


def _line_end(source: str, i: int) -> int:
    end = source.find("\n", i)
    return len(source) if end == -1 else end


def _bar_outside_groups(source: str, i: int, verbose: bool) -> bool:
    """Is there a ``|`` outside every group and class of ``source[i:]``
    (or a source it cannot read: unbalanced)?"""
    depth = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            if i < 0:
                return True
        elif char == "(":
            if source.startswith("(?#", i):
                i = source.find(")", i)
                if i < 0:
                    return True
            else:
                depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return True
        elif char == "|" and depth == 0:
            return True
        elif char == "#" and verbose:
            i = _line_end(source, i)
            continue
        i += 1
    return depth != 0


def _class_end(source: str, i: int) -> int:
    """The offset of the ``]`` closing the class (V1: sets may nest) that
    opens at ``source[i]``; -1 when it does not close."""
    i += 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1  # a `]` first is a literal one
    depth = 1
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


#: The widest scan `line_end_scan` takes (code points).
_MAX_END_WIDTH = 8
#: Lines shorter than this on average (over every search) send a
#: `LineEndScan` back to `re` (tweets: 103 characters a line, news 210).
SHORT_LINES = 150


class LineEndScan:
    """A multiline pattern (`whole`) whose last item is ``$``, a match of
    `low` to `high` characters (AR501's ``[ \\t\\u00a0]\\r?$``): `re` tries
    it at every character that may begin it (every space: books, 24 ms),
    while each match ends at a line break or at `endpos` (where ``$``
    holds), so it begins `low` to `high` characters before one.  `search`
    tries those places only, in order (each at most once; `firsts`, when
    known, the characters a match may begin with); `finditer` searches on
    from each match's end.  The matches are those of ``whole.search``."""

    def __init__(
        self,
        whole: re.Pattern[str],
        low: int,
        high: int,
        firsts: frozenset[str] | None,
        fallback: Any,
    ) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self._low = low
        self._high = high
        self._firsts = firsts
        #: The search used once lines prove short (`SHORT_LINES`): `re`'s.
        self.fallback = fallback
        self.dense = False
        self._lines = self._chars = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pos, end = bounds(text, pos, endpos)
        if self.dense:
            return self.fallback.search(text, pos, end)
        low, high, firsts = self._low, self._high, self._firsts
        match = self.whole.match
        tried = pos  # every place before it was tried
        lines = 0
        line_end = text.find("\n", pos + low, end)
        while True:
            lines += 1
            at = end if line_end == -1 else line_end
            for place in range(max(tried, at - high), at - low + 1):
                if firsts is None or text[place] in firsts:
                    hit = match(text, place, end)
                    if hit is not None:
                        self._count(lines, hit.end() - pos)
                        return hit
            tried = max(tried, at - low + 1)
            if line_end == -1:
                self._count(lines, end - pos)
                return None
            line_end = text.find("\n", line_end + 1, end)

    def _count(self, lines: int, chars: int) -> None:
        """Lines and characters passed (over every call): short lines go
        back to `fallback` (a step in Python a line costs more than `re`
        spends on a short line's spaces: the tweets)."""
        self._lines += lines
        self._chars += chars
        if self._lines > 256 and self._chars < SHORT_LINES * self._lines:
            self.dense = True

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.dense:
            yield from self.fallback.finditer(text, pos, end)
            return
        hit = self.search(text, pos, end)
        while hit is not None:
            yield hit
            if self.dense:  # lines found short on the way: the rest is the fallback's
                yield from self.fallback.finditer(text, hit.end(), end)
                return
            hit = self.search(text, hit.end(), end)

    def searcher(self, text: str, endpos: int | None = None) -> Seek:
        """``search(text, pos, endpos)`` for one position after another:
        once the lines prove short, by the fallback's own `searcher` (a
        `SplitScan`'s keeps each part's next hit: its `search` from each
        position rescans the rest of the text for a part with none)."""
        later: Seek | None = None

        def seek(pos: int) -> re.Match[str] | None:
            nonlocal later
            if not self.dense:
                return self.search(text, pos, endpos)
            if later is None:
                later = _fallback_searcher(self.fallback, text, endpos)
            return later(pos)

        return seek


def _fallback_searcher(fallback: Any, text: str, endpos: int | None) -> Seek:
    """A `LineEndScan`'s `fallback` (a `SplitScan` or an `re` pattern) as a
    `Seek` of `text` up to `endpos`."""
    if isinstance(fallback, SplitScan):
        return fallback.searcher(text, endpos)
    search = fallback.search
    end = len(text) if endpos is None else endpos
    return lambda pos: search(text, pos, end)


def line_end_scan(pattern: re.Pattern[str], fallback: Any = None) -> re.Pattern[str] | LineEndScan:
    """`pattern` as a `LineEndScan` when it is multiline, not case-folded,
    ends with ``$`` (its last item, outside any alternation) and its
    matches are 1 to `_MAX_END_WIDTH` characters long (searched by
    `fallback`, `pattern` itself by default, on short lines); else
    `pattern`."""
    if not pattern.flags & re.MULTILINE or pattern.flags & re.IGNORECASE:
        return pattern
    try:
        parsed = parse(pattern.pattern, pattern.flags)
        low, high = parsed.getwidth()
    except (re.error, OverflowError):
        return pattern
    items = list(parsed)
    if not items or items[-1] != (AT, AT_END):
        return pattern
    if low < 1 or high > _MAX_END_WIDTH:
        return pattern
    op, value = items[0]
    firsts: frozenset[str] | None = None
    if str(op) == "LITERAL":
        firsts = frozenset(chr(value))
    elif str(op) == "IN" and all(str(kind) in ("LITERAL", "RANGE") for kind, _ in value):
        chars: set[str] = set()
        for kind, item in value:
            if str(kind) == "LITERAL":
                chars.add(chr(item))
            else:
                chars.update(map(chr, range(item[0], item[1] + 1)))
        firsts = frozenset(chars)
    return LineEndScan(pattern, low, high, firsts, pattern if fallback is None else fallback)
