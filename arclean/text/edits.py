"""What changed, where, and by which rule.

Rules run one after another, each on the text the previous one left, so the
positions a rule sees drift away from the original text.  `ChangeMap` keeps
the changed regions of the current text together with the region of the
original text each one replaced, so that every change can be reported at its
line and column in the text the user gave us.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter, le, lt
from typing import Protocol


@dataclass(frozen=True)
class Replacement:
    """Replace ``text[start:end]`` by `new`; made by rule `code`."""

    start: int
    end: int
    new: str
    code: str


@dataclass(frozen=True)
class Change:
    """One changed region: ``original[start:end]`` became `new`."""

    start: int
    end: int
    old: str
    new: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """Something a rule reports at ``text[start:end]`` (positions in the text
    that was checked, in code points).  `fixable` findings carry the fix's
    replacement in `new`."""

    start: int
    end: int
    code: str
    message: str
    level: str = "warning"
    fixable: bool = False
    old: str = ""
    new: str | None = None
    #: ``safe`` or ``unsafe`` when a rule can fix it (`fixable`: `fix` would
    #: apply it with the same settings), None for what only a person can fix.
    applicability: str | None = None


@dataclass
class _Region:
    cur_start: int
    cur_end: int
    orig_start: int
    orig_end: int
    codes: list[str] = field(default_factory=list)

    def moved(self, delta: int) -> _Region:
        """This region, moved `delta` further along the current text (in
        place: regions belong to one map, and copying them made long texts
        with many changes quadratic in allocations)."""
        if delta:
            self.cur_start += delta
            self.cur_end += delta
        return self


class ChangeMap:
    """Changed regions of the current text, each mapped to the original."""

    def __init__(self) -> None:
        self._regions: list[_Region] = []

    def __bool__(self) -> bool:
        return bool(self._regions)

    def apply(self, text: str, replacements: Sequence[Replacement]) -> str:
        """Apply sorted, non-overlapping `replacements` to `text` (the current
        text), record them, and return the new current text."""
        if not replacements:
            return text
        regions = self._regions
        out: list[_Region] = []
        pieces: list[str] = []
        i = 0
        cursor = 0  # position in the current text up to which pieces are built
        delta = 0  # new position minus current position, after what is done
        # (current end, original end) of the last region before the cursor,
        # taken before the region moves into new coordinates.
        last: tuple[int, int] | None = None
        for rep in replacements:
            # Regions wholly before this replacement keep their extent.
            while i < len(regions) and regions[i].cur_end < rep.start:
                region = regions[i]
                last = (region.cur_end, region.orig_end)
                out.append(region.moved(delta))
                i += 1
            start, end = rep.start, rep.end
            codes: list[str] = []
            group_first: _Region | None = None
            group_last: _Region | None = None
            # Regions that overlap or touch this replacement merge with it.
            while i < len(regions) and regions[i].cur_start <= rep.end:
                region = regions[i]
                group_first = group_first or region
                group_last = region
                start = min(start, region.cur_start)
                end = max(end, region.cur_end)
                codes.extend(c for c in region.codes if c not in codes)
                i += 1
            if rep.code not in codes:
                codes.append(rep.code)
            if group_first is not None and group_first.cur_start == start:
                orig_start = group_first.orig_start
            else:
                orig_start = _to_original(start, last)
            if group_last is not None:
                last = (group_last.cur_end, group_last.orig_end)
            if group_last is not None and group_last.cur_end == end:
                orig_end = group_last.orig_end
            else:
                orig_end = _to_original(end, last)
            pieces.append(text[cursor : rep.start])
            pieces.append(rep.new)
            cursor = rep.end
            new_start = start + delta
            before = delta
            delta += len(rep.new) - (rep.end - rep.start)
            new_end = end + delta
            if out and out[-1].cur_end >= new_start:
                # Touches the region made by the previous replacement: one region.
                prev = out.pop()
                for c in prev.codes:
                    if c not in codes:
                        codes.insert(0, c)
                new_start, orig_start = prev.cur_start, prev.orig_start
                prev_end = prev.cur_end - before  # in the current text
                if prev_end > end:
                    # This replacement lies inside it (the previous one merged
                    # a region reaching past it): the region ends where it did.
                    new_end, orig_end = prev_end + delta, prev.orig_end
            out.append(_Region(new_start, new_end, orig_start, orig_end, codes))
        pieces.append(text[cursor:])
        for region in regions[i:]:
            out.append(region.moved(delta))
        self._regions = out
        return "".join(pieces)

    def changes(self, original: str, current: str) -> list[Change]:
        """The changes from `original` to `current`, in order.  Regions whose
        text came back to what it was (a rule undid another) are dropped."""
        result = []
        for region in self._regions:
            old = original[region.orig_start : region.orig_end]
            new = current[region.cur_start : region.cur_end]
            if old != new:
                result.append(
                    Change(region.orig_start, region.orig_end, old, new, tuple(region.codes))
                )
        return result


def _to_original(position: int, last: tuple[int, int] | None) -> int:
    """Map a current position outside every region to the original text,
    using the (current end, original end) of the last region before it."""
    if last is None:
        return position
    cur_end, orig_end = last
    return orig_end + (position - cur_end)


class LineIndex:
    """Turns offsets into 1-based line and column (columns count code points)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


class Edit(Protocol):
    """What `apply_replacements` needs of an edit: a `Replacement`, or a
    `Change` applied to the text it was recorded on."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def new(self) -> str: ...


def apply_replacements(text: str, replacements: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping `replacements` (`Replacement` or
    `Change` objects) to `text` without recording them (offsets are code
    points into `text`)."""
    if not replacements:
        return text
    pieces = []
    cursor = 0
    for rep in replacements:
        pieces.append(text[cursor : rep.start])
        pieces.append(rep.new)
        cursor = rep.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def merge_sorted(replacements: Iterable[Replacement]) -> list[Replacement]:
    """Sort replacements and drop any that overlap an earlier one."""
    reps = list(replacements)
    starts = list(map(_start, reps))
    ends = list(map(_end, reps))
    # Already in order, none overlapping the one before and no two empty
    # ones at one point (a rule's matches, found left to right: the usual
    # case): the list as it is, tested in C (the sort's key was a Python
    # call per replacement).
    if (
        all(map(le, starts, ends))
        and all(map(le, ends, islice(starts, 1, None)))
        and all(map(lt, starts, islice(ends, 1, None)))
    ):
        return reps
    result: list[Replacement] = []
    for rep in sorted(reps, key=lambda r: (r.start, r.end)):
        if result and rep.start < result[-1].end:
            continue
        if result and rep.start == result[-1].end == rep.end == result[-1].start:
            continue  # two insertions at one point: keep the first
        result.append(rep)
    return result


#: A replacement's start and end, as C functions (`merge_sorted`).
_start = attrgetter("start")
_end = attrgetter("end")
