"""Where a rule needs to look: windows around its scan hits, and the lines a
round changed.

A rule's `scan` (a pattern of Python's `re`, which scans a character class
several times faster than `regex`) finds every place where the rule can
match; the engine then runs the rule's own pattern only on small windows
around those hits instead of over the whole text.  After the first round,
a rule runs again only on the lines that changed since it last ran (with a
line of context either side).  Offsets are code points; every list here is
sorted and disjoint.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from arclean.text.linestart import LineEndScan, LineStartScan, line_end_scan, line_start_scan
from arclean.text.literal import CharsScan, LiteralScan, literal_scan
from arclean.text.re_syntax import parse
from arclean.text.spans import Range, Span
from arclean.text.wide import WideClass, wide_class

if TYPE_CHECKING:
    from arclean.text.edits import Replacement

#: Windows closer than this are scanned as one (one call instead of two).
MERGE_GAP = 48


#: A scan that begins with a class of at most this many characters is run
#: as one pattern per character (`SplitScan`).
MAX_SPLIT = 10
#: A split scan that finds more than one hit per this many characters goes
#: back to the whole pattern (each hit costs a step in Python).
DENSE = 400


#: Past this many parts, `lines_holding` uses a split scan's whole pattern
#: (a line search per part and line costs more than one class search).
MAX_LINE_PARTS = 4


class SplitScan:
    """A scan that begins with a class of a few characters, run as one
    pattern per character: `re` finds a leading literal with a fast search,
    but tries a leading class at every position (4 MB: 1-3 ms against
    8-12 ms).  `finditer` and `search` give the scan's own matches, in its
    order (a part's match that starts inside the previous match is looked
    for again past it, as one scan would).  Once a text shows the hits to
    be dense, the whole pattern is used instead (the same matches)."""

    def __init__(
        self, whole: re.Pattern[str], parts: list[re.Pattern[str] | LiteralScan | CharsScan]
    ) -> None:
        self.pattern = whole.pattern
        self.whole = whole
        self.parts = parts
        self.dense = False
        self._hits = self._scanned = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self.dense:
            return self.whole.search(text, pos, end)
        best = None
        for part in self.parts:
            m = part.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

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


#: A rule's scan: a compiled `re` pattern, one split by its first class, a
#: class of rare characters found through the text's bytes, a pattern of a
#: line's start tried after line breaks, or one whose literal prefix is
#: found with `str.find`.
Scan = (
    re.Pattern[str] | SplitScan | WideClass | LineStartScan | LiteralScan | CharsScan | LineEndScan
)


def fast_scan(scan: re.Pattern[str]) -> Scan:
    """A search of `scan`'s matches that `re` makes slowly, made fast: from
    the line breaks (`line_end_scan`), split by its first class
    (`split_scan`), through the text's bytes (`wide_class`), after line
    breaks (`line_start_scan`) or with `str.find` (`literal_scan`); else
    `scan` itself."""
    split = split_scan(scan)
    ends = line_end_scan(scan, split)
    if ends is not scan:
        return ends
    if not isinstance(split, re.Pattern):
        return split
    wide = wide_class(split)
    return literal_scan(line_start_scan(split)) if wide is split else wide


def split_scan(scan: re.Pattern[str]) -> Scan:
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


def scan_windows(
    scan: Scan,
    text: str,
    reach: int,
    within: Sequence[Range] | None,
    back: str = "",
) -> list[Range]:
    """Merged windows ``[hit.start - reach, hit.end + reach)`` around the
    hits of `scan` in `text` (only inside the `within` ranges, if given);
    a window starts before the run of `back` characters ahead of its hit.
    Linear in the text, however long a run of hits and `back` characters."""
    windows: list[Range] = []
    append = windows.append
    parts: Sequence[Range] = within if within is not None else ((0, len(text)),)
    size = len(text)
    # The open window is [first, last_end), written out when the next
    # window starts (or at the end).
    first = -1
    last_end = -1 - MERGE_GAP
    for lo, hi in parts:
        for hit in scan.finditer(text, lo, hi):
            start = hit.start() - reach
            end = hit.end() + reach
            if back:
                # Back over the run, but never into the last window: a start
                # there merges all the same, and a long run of `back`
                # characters full of hits is walked once, not once per hit.
                while start > 0 and start > last_end + MERGE_GAP and text[start - 1] in back:
                    start -= 1
            if first >= 0 and start <= last_end + MERGE_GAP:
                if end > last_end:
                    last_end = end
                continue
            if first >= 0:
                append((first, last_end))
            first = max(start, 0)
            last_end = end
    if first >= 0:
        append((first, min(last_end, size)))
    return windows


def spans_holding(scan: Scan, text: str, spans: Sequence[Span]) -> list[Span]:
    """The parts of `spans` on lines that hold a hit of `scan` (each line
    with its line break): a built-in whose every match holds a hit and stays
    on its line has nothing to do elsewhere."""
    if not spans:
        return []
    return spans_within(spans, lines_holding(scan, text, [(spans[0].start, spans[-1].end)]))


def lines_holding(scan: Scan, text: str, within: Sequence[Range]) -> list[Range]:
    """The lines (each with its line break) that hold a hit of `scan`
    starting inside one of the sorted `within` ranges, sorted."""
    found: set[Range] = set()
    if isinstance(scan, SplitScan) and not scan.dense and len(scan.parts) <= MAX_LINE_PARTS:
        # A line holds a hit of the scan where it holds one of a part's.
        for part in scan.parts:
            for lo, hi in within:
                found.update(_lines_holding(part, text, lo, hi))
    else:
        whole = scan.whole if isinstance(scan, SplitScan) else scan
        for lo, hi in within:
            found.update(_lines_holding(whole, text, lo, hi))
    return sorted(found)


def _lines_holding(
    scan: re.Pattern[str] | WideClass | LineStartScan | LiteralScan | CharsScan | LineEndScan,
    text: str,
    position: int,
    stop: int,
) -> list[Range]:
    """The lines (with their line break) holding a hit of `scan` that starts
    in ``text[position:stop]``, one search per line."""
    lines: list[Range] = []
    while True:
        hit = scan.search(text, position, stop)
        if hit is None:
            break
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.start())
        end = len(text) if end == -1 else end + 1
        lines.append((start, end))
        position = end
    return lines


def spans_within(spans: Sequence[Span], ranges: Sequence[Range]) -> list[Span]:
    """The parts of `spans` inside `ranges` (touching parts of one span join)."""
    result: list[Span] = []
    i = 0
    for span in spans:
        while i < len(ranges) and ranges[i][1] <= span.start:
            i += 1
        k = i
        while k < len(ranges) and ranges[k][0] < span.end:
            lo, hi = max(span.start, ranges[k][0]), min(span.end, ranges[k][1])
            if result and result[-1].end == lo and result[-1].disabled == span.disabled:
                result[-1] = Span(result[-1].start, hi, span.disabled)
            else:
                result.append(Span(lo, hi, span.disabled))
            k += 1
    return result


def line_windows(text: str, ranges: Sequence[Range]) -> list[Range]:
    """`ranges` grown to the whole lines they touch (line breaks included),
    merged: where a change can alter what a line-bound rule finds."""
    result: list[Range] = []
    for start, end in ranges:
        if result and end < result[-1][1]:
            continue  # on the lines already taken: a long line is searched once
        # a range starting on the last window's lines shares its start
        inside = result and start < result[-1][1]
        lo = result[-1][0] if inside else text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi == -1 else hi + 1
        if result and lo <= result[-1][1]:
            if hi > result[-1][1]:
                result[-1] = (result[-1][0], hi)
        else:
            result.append((lo, hi))
    return result


def changed_ranges(reps: Sequence[Replacement]) -> list[Range]:
    """Where sorted `reps` put their new text, in the new text's offsets;
    changes closer than `MERGE_GAP` make one range."""
    result: list[Range] = []
    delta = 0
    for rep in reps:
        start = rep.start + delta
        end = start + len(rep.new)
        if result and start <= result[-1][1] + MERGE_GAP:
            result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
        delta += len(rep.new) - (rep.end - rep.start)
    return result


class Shift:
    """Moves offsets of a text past sorted `reps` (one bisection each)."""

    def __init__(self, reps: Sequence[Replacement]) -> None:
        self.starts = [rep.start for rep in reps]
        self.deltas = [0]
        delta = 0
        for rep in reps:
            delta += len(rep.new) - (rep.end - rep.start)
            self.deltas.append(delta)

    def __call__(self, position: int) -> int:
        """`position` in the new text (replacements starting before it moved it)."""
        return position + self.deltas[bisect_left(self.starts, position)]

    def ranges(self, ranges: Sequence[Range], inside: bool = False) -> list[Range]:
        """`arclean.text.spans.shift_ranges` (sorted, disjoint `ranges`):
        each start moved by the replacements starting before it, each end
        by those starting before the range's start, or (`inside`: a line
        range may hold a replacement) before its end.  Fewer ranges than
        replacements: one bisection per range; more: the ranges between two
        replacements' starts move together (one bisection and one
        comprehension), not one Python step per range."""
        starts, deltas = self.starts, self.deltas
        if not starts:
            return list(ranges)
        if len(ranges) < len(starts):  # fewer ranges: a bisection for each
            return [
                (
                    start + deltas[bisect_left(starts, start)],
                    end + deltas[bisect_left(starts, end if inside else start)],
                )
                for start, end in ranges
            ]
        out: list[Range] = []
        i = 0
        size = len(ranges)
        # Group k: the ranges starting after replacement k - 1 starts, up to
        # where replacement k starts; they all move by deltas[k] (only the
        # group's last range may hold a later replacement's start).
        for k, position in enumerate(starts):
            if i == size:
                break
            if ranges[i][0] > position:
                continue
            j = bisect_right(ranges, position, key=_first, lo=i)
            delta = deltas[k]
            if delta:
                out.extend([(start + delta, end + delta) for start, end in ranges[i:j]])
            else:
                out.extend(ranges[i:j])
            if inside:
                start, end = ranges[j - 1]
                if end > position:
                    out[-1] = (start + delta, end + deltas[bisect_left(starts, end)])
            i = j
        if i < size:
            delta = deltas[-1]
            out.extend([(start + delta, end + delta) for start, end in ranges[i:]])
        return out


#: A range's start, as a bisection key (a C function).
_first = itemgetter(0)
