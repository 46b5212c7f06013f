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
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from arclean.text.linestart import LineEndScan, LineStartScan, line_end_scan, line_start_scan
from arclean.text.literal import CharsScan, LiteralScan, literal_scan
from arclean.text.spans import Range, Span
from arclean.text.split import Seek, SplitScan, split_scan
from arclean.text.wide import WideClass, wide_class

if TYPE_CHECKING:
    from arclean.text.edits import Replacement

#: Windows closer than this are scanned as one (one call instead of two).
MERGE_GAP = 48


#: Past this many parts, `lines_holding` uses a split scan's whole pattern
#: (a line search per part and line costs more than one class search).
MAX_LINE_PARTS = 4


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
    in ``text[position:stop]``, one search per line (by `searcher`: a
    split scan's part with no hit is not searched again line after line)."""
    lines: list[Range] = []
    seek = searcher(scan, text, stop)
    while True:
        hit = seek(position)
        if hit is None:
            break
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.start())
        end = len(text) if end == -1 else end + 1
        lines.append((start, end))
        position = end
    return lines


def searcher(scan: Scan, text: str, endpos: int | None = None) -> Seek:
    """``scan.search(text, pos, endpos)`` as ``seek(pos)``, for searches
    from one position after another: a `SplitScan`'s, or a `LineEndScan`'s
    once its lines prove short, keeps each part's next hit (searching from
    each position afresh rescans, for each part with no hit left, the rest
    of the text: quadratic); any other scan's search stops at its hit."""
    if isinstance(scan, (SplitScan, LineEndScan)):
        return scan.searcher(text, endpos)
    search = scan.search
    end = len(text) if endpos is None else endpos
    return lambda pos: search(text, pos, end)


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
