"""Folding a character map over a text (the search profile's folds): each
key replaced by its value inside the spans, with `str.replace` where that
gives the same text, and the changed ranges for the rules that run after.
Offsets are code points; every list here is sorted and disjoint."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from arclean.text.dirty import coarsen
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
