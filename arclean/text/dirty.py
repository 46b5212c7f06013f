"""The ranges each rule has not seen yet: the changes since it last ran,
moved with the text after each change and coarsened when they grow many
(`arclean.engine`).  Offsets are code points; every list here is sorted
and disjoint."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import islice
from operator import itemgetter, le, lt

from arclean.text.spans import Range
from arclean.text.windows import Shift

#: Past this many changed ranges, a rule looks at the whole text again.
MAX_DIRTY = 400

#: `move_dirty` walks the replacements' starts along the ranges (instead
#: of two bisections a range) when there are at most this many a range.
_WALK = 8
#: A range's start and end, as bisection keys (C functions).
_first = itemgetter(0)
_second = itemgetter(1)


def coarsen(ranges: list[Range]) -> list[Range]:
    """Sorted `ranges` merged, the near ones too when there are more than
    `MAX_DIRTY` of them (fewer, longer ranges: cheaper to carry along)."""
    merged = _merged(ranges, 0)
    for gap in coarser_gaps():
        if len(merged) <= MAX_DIRTY:
            break
        merged = _merged(merged, gap)
    return merged


def coarser_gaps() -> Iterator[int]:
    """The gaps `coarsen` merges ranges across, one after another, while
    more than `MAX_DIRTY` are left (merging across a wider gap joins all
    that a narrower one did: the result is that of the last gap alone)."""
    gap = 256
    while True:
        yield gap
        gap *= 4


def _merged(ranges: list[Range], gap: int) -> list[Range]:
    """Sorted `ranges` with those that overlap, touch or lie within `gap`
    of the last merged one joined (one pass, the open range in locals)."""
    if not ranges:
        return []
    merged: list[Range] = []
    append = merged.append
    low, high = ranges[0]
    for start, end in ranges:
        if start <= high + gap:
            if end > high:
                high = end
        else:
            append((low, high))
            low, high = start, end
    append((low, high))
    return merged


def move_dirty(
    dirty: list[Range], shift: Shift, changed: list[Range], size: int
) -> list[Range] | None:
    """`dirty` ranges moved by `shift`, with the `changed` ranges added
    (coarsened); None (all of the text) once they cover most of a text of
    `size` characters.  `changed` is coarsened already (`coarsen`)."""
    if not dirty:
        # Coarsened already (coarsen(changed) == changed); never changed in
        # place, so the rules that saw the text last share this list.
        merged = changed
    else:
        starts, deltas = shift.starts, shift.deltas
        if not starts or dirty[-1][1] <= starts[0]:
            moved = dirty  # nothing moves, or every change is past these ranges
        else:
            # Ranges ending at or before the first change keep their place;
            # those starting past the last change all move by its delta.
            first, last, final = starts[0], starts[-1], deltas[-1]
            i = bisect_right(dirty, first, key=_second)
            j = bisect_right(dirty, last, key=_first, lo=i)
            moved = dirty[:i]
            if len(starts) <= _WALK * (j - i):
                moved.extend(_walked(dirty, i, j, starts, deltas))
            else:
                for start, end in dirty[i:j]:  # `shift`, inlined: called for every range
                    new_start = start + deltas[bisect_left(starts, start)]
                    new_end = end + deltas[bisect_left(starts, end)]
                    moved.append((new_start, new_end if new_end > new_start else new_start))
            moved.extend([(start + final, end + final) for start, end in dirty[j:]])
        if len(changed) * 8 < len(moved) and _separated(moved):
            # A few changed ranges into many: spliced in by bisection.
            merged = _spliced(moved, changed)
            if len(merged) > MAX_DIRTY:
                merged = coarsen(merged)
        else:
            merged = coarsen(sorted(moved + changed))
    if (sum([end for _start, end in merged]) - sum([start for start, _end in merged])) * 3 > (
        size * 2
    ):
        return None
    return merged


def _walked(
    dirty: list[Range], i: int, j: int, starts: list[int], deltas: list[int]
) -> list[Range]:
    """``dirty[i:j]`` moved as `move_dirty` moves them (each start and end
    by the replacements starting before it; an end moved before its start
    is the start), the replacements' `starts` walked along with the ranges
    instead of bisected for each (both are sorted: tweets, 380 ranges and
    700 replacements a move, half the time)."""
    moved: list[Range] = []
    append = moved.append
    count = len(starts)
    k = bisect_left(starts, dirty[i][0]) if i < j else 0
    for start, end in dirty[i:j]:
        while k < count and starts[k] < start:
            k += 1
        at = k  # bisect_left(starts, end): from the start's, as end >= start
        while at < count and starts[at] < end:
            at += 1
        new_start = start + deltas[k]
        new_end = end + deltas[at]
        append((new_start, new_end if new_end > new_start else new_start))
    return moved


def _separated(ranges: list[Range]) -> bool:
    """Are `ranges` sorted, each start at or before its end, and each end
    before the next start (what `coarsen` returns)?  In C: no Python step
    per range."""
    starts = list(map(_first, ranges))
    ends = list(map(_second, ranges))
    return all(map(le, starts, ends)) and all(map(lt, ends, islice(starts, 1, None)))


def _spliced(ranges: list[Range], extra: list[Range]) -> list[Range]:
    """``_merged(sorted(ranges + extra), 0)`` for `_separated` `ranges` and
    sorted `extra`: each extra range joins the ranges it overlaps or
    touches (found by bisection), or goes in between them."""
    result = list(ranges)
    for low, high in extra:
        i = bisect_left(result, low, key=_second)  # the first ending at or past low
        j = bisect_right(result, high, key=_first, lo=i)  # past the last starting by high
        if i == j:
            result.insert(i, (low, high))
        else:
            result[i:j] = [(min(low, result[i][0]), max(high, result[j - 1][1]))]
    return result
