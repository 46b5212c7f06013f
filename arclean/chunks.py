"""Where a stream may be cut into chunks cleaned apart (`arclean.stream`),
on its bytes: after a line break where no rule's context crosses (plain
text), or after any line break (JSON Lines: each value is a text of its
own)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from arclean.text.masks import QURAN_MAX_LINE_BREAKS, pair_ornate

#: Stdin, or a file fixed in place, up to this many bytes is read whole
#: (`ARCLEAN_STREAM_WHOLE` sets it: for tests and for proving chunked output
#: identical on small files).
WHOLE_LIMIT = 8 * 1024 * 1024
#: The size a chunk grows to before it is cut at the next line break.
CHUNK = 1024 * 1024
#: The size of a read.
BLOCK = 1024 * 1024


def limits() -> tuple[int, int]:
    """The inputs read whole (up to how many bytes), and the chunks' size."""
    whole = int(os.environ.get("ARCLEAN_STREAM_WHOLE", WHOLE_LIMIT))
    chunk = int(os.environ.get("ARCLEAN_STREAM_CHUNK", CHUNK))
    return whole, max(1, chunk)


def line_chunks(blocks: Iterator[bytes], size: int, records: bool = False) -> Iterator[bytes]:
    """The bytes of `blocks` again, cut into chunks of whole lines: each
    chunk ends at the first line break at or past `size` bytes where no
    rule's context crosses (`_cut_at`; with `records`, JSON Lines, at the
    first line break; the last chunk may be shorter).  A line is never
    cut, however long."""
    cut_at = _record_end if records else _cut_at
    pending = bytearray()
    searched = 0  # no place to cut in `pending` before this offset
    for block in blocks:
        pending += block
        while len(pending) >= size:
            cut, searched = cut_at(pending, max(size - 1, searched))
            if cut is None:
                break
            yield bytes(pending[:cut])
            del pending[:cut]
            searched = 0
    if pending:
        yield bytes(pending)


#: U+FD3E and U+FD3F (ornate parentheses) in UTF-8, and a paragraph break: as
#: `arclean.text.masks.quran_ranges` pairs them, on bytes.
_ORNATE = re.compile(rb"\xef\xb4[\xbe\xbf]")
_BREAK = re.compile(rb"\n[ \t\r]*\n")


def _record_end(data: bytearray, start: int) -> tuple[int | None, int]:
    """Where to cut JSON Lines `data`: just after the first line break at
    or past `start` (and where to look again when there is none yet)."""
    newline = data.find(b"\n", start)
    return (None, max(len(data) - 1, start)) if newline == -1 else (newline + 1, newline + 1)


def _cut_at(data: bytearray, start: int) -> tuple[int | None, int]:
    """Where to cut `data`: just after the first line break at or past
    `start` such that neither the line before it nor the line after holds
    two spaces in a row (AR502 compares a line's runs of spaces with the
    lines above and below: a table aligned with spaces), and no ornate
    parenthesis waits for its partner in the same paragraph (`quran_ranges`
    would pair it across the cut); and where to look again when there is
    none yet."""
    position = start
    while True:
        newline = data.find(b"\n", position)
        if newline == -1:
            return None, max(position, start)
        cut = newline + 1
        following = data.find(b"\n", cut)
        if following == -1:
            return None, newline  # the line after is not all here yet
        before = data.rfind(b"\n", 0, newline) + 1
        # AR502 reads the lines above and below for runs of spaces (columns).
        spaced = data.find(b"  ", before, newline) != -1 or data.find(b"  ", cut, following) != -1
        if (
            not spaced
            and (data.find(b"\xef\xb4", 0, cut) == -1 or _quotes_closed(data, cut))
            and not _bracket_open(data, cut)
        ):
            return cut, cut
        position = cut


def _bracket_open(data: bytearray, cut: int) -> bool:
    """Does a brace or round bracket opened on the lines a verse may wrap
    over (`QURAN_MAX_LINE_BREAKS` before `cut`) wait for its partner: a
    vowelled verse quoted in {…} or (…) may go on after the cut, and
    `quran_ranges` would not see it whole there.  Cutting a line later is
    always safe, so an unbalanced bracket in prose only moves the cut."""
    start = cut
    for _ in range(QURAN_MAX_LINE_BREAKS + 1):
        start = data.rfind(b"\n", 0, start - 1) + 1
        if start == 0:
            break
    lines = data[start:cut]
    return lines.count(b"{") > lines.count(b"}") or lines.count(b"(") > lines.count(b")")


def _quotes_closed(data: bytearray, cut: int) -> bool:
    """No ornate parenthesis before `cut` waits for a partner after it (the
    pairing of `arclean.text.masks.quran_ranges`, on bytes)."""
    marks = [m.start() for m in _ORNATE.finditer(data, 0, cut)]

    def apart(start: int, end: int) -> bool:
        return (
            data.count(b"\n", start, end) > QURAN_MAX_LINE_BREAKS
            or _BREAK.search(data, start, end) is not None
        )

    _, waiting = pair_ornate(marks, apart, lambda a, b: data.find(b"\n", a, b) == -1)
    return waiting >= len(marks) or apart(marks[waiting], cut)
