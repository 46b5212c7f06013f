"""Prose spans and range arithmetic.

A *prose span* is a region ``text[start:end]`` that rules may edit; a *range*
is a bare ``(start, end)`` pair.  Offsets are code points.  Every function
here takes sorted, non-overlapping inputs and returns the same.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arclean.text.edits import Replacement

#: In `Span.disabled`, this code turns every rule off.
ALL_RULES = "*"

Range = tuple[int, int]


@dataclass(frozen=True)
class Span:
    """A region ``text[start:end]`` that rules may edit.

    `disabled` holds rule codes, code prefixes or group names switched off in
    this span by inline comments (``ALL_RULES`` for all of them).
    """

    start: int
    end: int
    disabled: frozenset[str] = field(default_factory=frozenset)


def subtract(ranges: Iterable[Range], holes: Sequence[Range]) -> list[Range]:
    """`ranges` minus `holes` (both sorted); empty pieces are dropped."""
    out: list[Range] = []
    starts = [h[0] for h in holes]
    for start, end in ranges:
        # Holes that may overlap [start, end): the ones starting before `end`.
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        cur = start
        while i < len(holes) and holes[i][0] < end:
            hs, he = holes[i]
            if he > cur:
                if hs > cur:
                    out.append((cur, hs))
                cur = max(cur, he)
            i += 1
        if cur < end:
            out.append((cur, end))
    return out


def subtract_spans(spans: Sequence[Span], holes: Sequence[Range]) -> list[Span]:
    """`spans` minus the `holes` (both sorted; the holes may overlap: one
    cut by two sorted lists of holes together, ``sorted(a + b)``, gives the
    pieces of a cut by `a` and then by `b`); each piece keeps its span's
    disabled codes."""
    if not holes:
        return list(spans)
    result: list[Span] = []
    j = 0
    for span in spans:
        start = span.start
        while j < len(holes) and holes[j][1] <= start:
            j += 1
        k = j
        while k < len(holes) and holes[k][0] < span.end:
            hole_start, hole_end = holes[k]
            if hole_start > start:
                result.append(Span(start, hole_start, span.disabled))
            start = max(start, hole_end)
            k += 1
        if start < span.end:
            result.append(Span(start, span.end, span.disabled))
    return result


def shift_spans(spans: Sequence[Span], reps: Sequence[Replacement]) -> list[Span]:
    """Move span boundaries past `reps` (sorted, each inside one span)."""
    result = []
    j = 0
    delta = 0
    for span in spans:
        while j < len(reps) and reps[j].start < span.start:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        start = span.start + delta
        while j < len(reps) and reps[j].end <= span.end:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        result.append(Span(start, span.end + delta, span.disabled))
    return result


def shift_ranges(
    ranges: Sequence[Range], reps: Sequence[Replacement], inside: bool = False
) -> list[Range]:
    """Move ranges past `reps`.  Protected ranges never hold a replacement;
    line ranges (`inside`) may, and then grow or shrink with it."""
    if not ranges:
        return []
    result = []
    j = 0
    delta = 0
    for start, end in ranges:
        while j < len(reps) and reps[j].start < start:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        new_start = start + delta
        if inside:
            while j < len(reps) and reps[j].start < end:
                delta += len(reps[j].new) - (reps[j].end - reps[j].start)
                j += 1
        result.append((new_start, end + delta))
    return result


def overlaps_any(start: int, end: int, ranges: list[Range]) -> bool:
    """Does ``[start, end)`` touch one of the sorted, disjoint `ranges`?"""
    i = bisect.bisect_right(ranges, (start, len(ranges) and 1 << 62)) - 1
    return any((lo < end and start < hi) or lo == start for lo, hi in ranges[max(i, 0) : i + 2])


def contains(ranges: list[Range], position: int) -> bool:
    """Is `position` inside one of the sorted, disjoint `ranges`?"""
    i = bisect.bisect_right(ranges, (position, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= position < ranges[i][1]


def merge_ranges(found: list[Range]) -> list[Range]:
    """Sort `found` and merge the ranges that overlap or touch."""
    if not found:
        return found
    found = sorted(found)
    merged = [found[0]]
    for start, end in found[1:]:
        if start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
