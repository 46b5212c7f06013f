"""Folding a character map over a text (the search profile's folds): each
key replaced by its value inside the spans, with `str.replace` where that
gives the same text, and the changed ranges for the rules that run after.
Offsets are code points; every list here is sorted and disjoint."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from arclean.text.dirty import MAX_DIRTY, coarsen, coarser_gaps
from arclean.text.spans import Range, Span
from arclean.text.windows import MERGE_GAP, Scan


def fold_chars(
    text: str, scan: Scan, table: dict[str, str], spans: Sequence[Span]
) -> tuple[str, list[Range]] | None:
    """`text` with each hit of `scan` inside `spans` (one character) replaced
    by its entry in `table`, and the changed ranges; None when nothing
    changes.  What a map of single characters does, without a replacement
    object per change: when no value is itself a key, each span is folded
    with `str.replace` (a fast C loop per key) and the changed ranges come
    from one `re` scan for runs of keys at most `MERGE_GAP` apart."""
    keys = tuple(sorted(k for k, v in table.items() if v != k))
    if any(table[k] in table for k in keys):
        return _fold_hits(text, scan, table, spans)
    if len(keys) <= FIND_KEYS:
        places = _places(text, keys, spans)
        if places is not None:  # a few: folded one by one
            return _fold_places(text, table, places)
        return _fold_found(text, keys, table, spans)
    runs = _runs_of(keys)
    changed: list[Range] = []
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        before = len(changed)
        for hit in runs.finditer(text, span.start, span.end):
            start, end = hit.span()
            if changed and start <= changed[-1][1] + MERGE_GAP:
                changed[-1] = (changed[-1][0], end)
            else:
                changed.append((start, end))
        if len(changed) == before and (not changed or changed[-1][1] <= span.start):
            continue  # nothing to fold here
        piece = text[span.start : span.end]
        for key in keys:
            if key in piece:
                piece = piece.replace(key, table[key])
        pieces.append(text[cursor : span.start])
        pieces.append(piece)
        cursor = span.end
    if not changed:
        return None
    pieces.append(text[cursor:])
    return "".join(pieces), coarsen(changed)


#: Up to this many keys, a fold's changed ranges are found with `str.find`
#: and `str.rfind` in a copy with one key for all (a search for one
#: character runs in C at several hundred million characters a second, and
#: so does writing a key as another; a class of several, in `re`, ten times
#: slower: the search profile's 23 digits, news 12 ms against 5.5 ms).
FIND_KEYS = 32


#: Up to this many places of a fold's keys in a text (news: 291 digits for
#: AR790, 23 keys; 42,000 alef forms for AR390), each is found with
#: `str.find` and written in the one copy of the text: a `str.replace` per
#: key copies the whole text once more for every key that occurs.
FEW_PLACES = 4096


def _places(text: str, keys: tuple[str, ...], spans: Sequence[Span]) -> list[int] | None:
    """The sorted places of `keys` inside `spans` (sorted, disjoint); None
    past `FEW_PLACES` of them between the first span's start and the last
    one's end."""
    if not spans:
        return []
    low, high = spans[0].start, spans[-1].end
    places: list[int] = []
    find = text.find
    for key in keys:
        at = find(key, low, high)
        while at != -1:
            places.append(at)
            if len(places) > FEW_PLACES:
                return None
            at = find(key, at + 1, high)
    places.sort()
    inside: list[int] = []
    k = 0
    for span in spans:
        k = bisect_left(places, span.start, k)
        stop = bisect_left(places, span.end, k)
        inside.extend(places[k:stop])
        k = stop
    return inside


def _fold_places(
    text: str, table: dict[str, str], places: list[int]
) -> tuple[str, list[Range]] | None:
    """`fold_chars` of a few `places` (sorted): each key written as its
    value, the changed ranges merged across `MERGE_GAP` and coarsened (what
    `_fold_found` finds)."""
    if not places:
        return None
    changed: list[Range] = []
    pieces: list[str] = []
    cursor = 0
    for at in places:
        if changed and at <= changed[-1][1] + MERGE_GAP:
            changed[-1] = (changed[-1][0], at + 1)
        else:
            changed.append((at, at + 1))
        pieces.append(text[cursor:at])
        pieces.append(table[text[at]])
        cursor = at + 1
    pieces.append(text[cursor:])
    return "".join(pieces), coarsen(changed)


def _fold_found(
    text: str, keys: tuple[str, ...], table: dict[str, str], spans: Sequence[Span]
) -> tuple[str, list[Range]] | None:
    """`fold_chars` for a few keys: the changed ranges (``coarsen`` of the
    keys' places in `spans`, merged across `MERGE_GAP`) found by `_merged_at`
    in a copy of the text with every key written as the first (the places
    are the same), first across the narrowest gap, then across each wider
    one `coarsen` would try, each given up as soon as it makes more ranges
    than `MAX_DIRTY` (dense keys: a short stretch of text shows it).  Spans
    with no key between them (the usual case: links and lines in another
    script hold none) are searched and folded as one stretch."""
    if not spans:
        return None
    key = keys[0]
    probe = text
    for other in keys[1:]:
        probe = probe.replace(other, key)
    starts = [spans[0].start]
    ends = [spans[0].end]
    for before, after in itertools.pairwise(spans):
        if probe.find(key, before.end, after.start) == -1:
            ends[-1] = after.end  # nothing to fold in between: one stretch
        else:
            starts.append(after.start)
            ends.append(after.end)
    changed = _merged_at(probe, key, starts, ends, MERGE_GAP)
    gaps = coarser_gaps()
    while changed is None:
        changed = _merged_at(probe, key, starts, ends, next(gaps))
    if not changed:
        return None
    pieces: list[str] = []
    cursor = 0
    for start, end in zip(starts, ends, strict=True):
        if probe.find(key, start, end) != -1:
            piece = text[start:end]
            for each in keys:
                piece = piece.replace(each, table[each])
            pieces.append(text[cursor:start])
            pieces.append(piece)
            cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), changed


def _merged_at(
    text: str, key: str, starts: list[int], ends: list[int], gap: int
) -> list[Range] | None:
    """``_merged(hits, gap)`` of the places of `key` inside the spans
    ``starts[i]:ends[i]`` (sorted, disjoint), as ranges (one past the last
    key); None as soon as there are more than `MAX_DIRTY` (there are as
    many or more in the end: a later key only joins the last range).  A
    range grows by the last key within reach of its end (`str.rfind`: a
    stride of about `gap` where keys are dense); the next begins at the
    next key (`str.find`)."""
    runs: list[Range] = []
    find = text.find
    rfind = text.rfind
    for start, stop in zip(starts, ends, strict=True):
        hit = find(key, start, stop)
        while hit != -1:
            high = hit + 1
            while True:
                reach = high + gap + 1
                last = rfind(key, high, reach if reach < stop else stop)
                if last == -1:
                    break
                high = last + 1
            if runs and hit <= runs[-1][1] + gap:
                runs[-1] = (runs[-1][0], high)
            else:
                runs.append((hit, high))
                if len(runs) > MAX_DIRTY:
                    return None
            hit = find(key, high, stop)
    return runs


@cache
def _runs_of(keys: tuple[str, ...]) -> re.Pattern[str]:
    """Runs of `keys` (characters), each at most `MERGE_GAP` characters
    after the previous one (the farthest one in reach is taken, so a run is
    what merging the keys one by one gives)."""
    one = "[" + "".join(re.escape(key) for key in keys) + "]"
    return re.compile(f"{one}(?:.{{0,{MERGE_GAP - 1}}}{one})*", re.DOTALL)


def _fold_hits(
    text: str, scan: Scan, table: dict[str, str], spans: Sequence[Span]
) -> tuple[str, list[Range]] | None:
    """`fold_chars` one hit at a time (a value that is also a key must not
    be folded twice)."""
    pieces: list[str] = []
    changed: list[Range] = []
    cursor = 0
    for span in spans:
        for hit in scan.finditer(text, span.start, span.end):
            position = hit.start()
            new = table[hit.group()]
            if new != hit.group():
                pieces.append(text[cursor:position])
                pieces.append(new)
                cursor = position + 1
                if changed and position <= changed[-1][1] + MERGE_GAP:
                    changed[-1] = (changed[-1][0], position + 1)
                else:
                    changed.append((position, position + 1))
    if not changed:
        return None
    pieces.append(text[cursor:])
    return "".join(pieces), coarsen(changed)
