"""A search for a character of a class whose characters all lie far from
the text's own blocks (the presentation forms, U+FB50-U+FEFF): `re` tests a
class at every character of a text (news, 2.6 million characters: 15-23 ms
a search that finds nothing), while the class's few high bytes (code point
// 256) are found in the text's UTF-16 bytes by a search for one byte
(`bytes.find`), a piece of text encoded after another (news: 2 ms).
Offsets are code points."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arclean.text.re_syntax import parse

#: High bytes (code point // 256) too common in the texts arclean reads to
#: look for this way: ASCII and Latin-1, Latin Extended, and the Arabic
#: block with its supplement (most characters of an Arabic text).
_COMMON_HIGH = frozenset(range(0x00, 0x08))
#: Candidates (a high byte of the class that is not one of its characters)
#: one search tries before it leaves the rest to `re` (a text full of
#: variation selectors, U+FE0F, next to the presentation forms).
_MISSES = 64
#: At most this many high bytes, each found with `bytes.find` (a `re` class
#: of bytes tests every byte, as slowly as a class of characters).
_MAX_HIGHS = 8
#: The text is encoded a piece at a time: a search that finds its character
#: early encodes little, and a piece's bytes (32 KiB at most) are taken from
#: the heap, not mapped afresh (a new 10 MB buffer costs 10 ms of page
#: faults, as much as the search it saves).
_FIRST_CHUNK = 1024
_CHUNK = 16384
#: Flags that change nothing in a class: a scan's ``re.MULTILINE``.
_PLAIN_FLAGS = re.UNICODE | re.MULTILINE | re.DOTALL


class WideClass:
    """A class pattern (`whole`) whose `search` finds its first character
    through the text's UTF-16 bytes; `finditer` is the pattern's own.  The
    same matches as `whole` in every case: each candidate (a byte of the
    class's high bytes where a code point's second byte lies) is checked
    with ``whole.match``; a piece of text holding a character past U+FFFF
    (four bytes in UTF-16), and the rest of a text after `_MISSES`
    candidates that are not the class's, are searched with `whole`."""

    def __init__(self, whole: re.Pattern[str], highs: frozenset[int]) -> None:
        self.whole = whole
        self.pattern = whole.pattern
        self._highs = [bytes([high]) for high in sorted(highs)]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        match = self.whole.match
        highs = self._highs
        misses = 0
        start = max(pos, 0)
        size = _FIRST_CHUNK
        while start < end:
            stop = min(end, start + size)
            size = min(4 * size, _CHUNK)
            # UTF-16-LE: two bytes a code point, the high byte second.
            data = text[start:stop].encode("utf-16-le", "surrogatepass")
            if len(data) != 2 * (stop - start):  # a character past U+FFFF
                hit = self.whole.search(text, start, stop)
                if hit is not None:
                    return hit
                start = stop
                continue
            ahead = [data.find(high) for high in highs]
            while True:
                offset = min([found for found in ahead if found >= 0], default=-1)
                if offset < 0:
                    break
                index = start + (offset >> 1)
                if offset & 1:
                    hit = match(text, index, end)
                    if hit is not None:
                        return hit
                misses += 1
                if misses > _MISSES:
                    return self.whole.search(text, index, end)
                ahead = [
                    data.find(high, offset + 1) if found == offset else found
                    for high, found in zip(highs, ahead, strict=True)
                ]
            start = stop
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.whole.finditer(text, pos, len(text) if endpos is None else endpos)


def wide_class(pattern: re.Pattern[str]) -> re.Pattern[str] | WideClass:
    """`pattern` as a `WideClass` when it is one class (no quantifier, not
    negated, no class escape, no flag but `_PLAIN_FLAGS`) of characters whose
    high bytes are all rare (`_COMMON_HIGH`); else `pattern` itself."""
    source = pattern.pattern
    if pattern.flags & ~_PLAIN_FLAGS or not source.startswith("[") or source[1:2] in ("^", "]"):
        return pattern
    try:
        parsed = parse(source, pattern.flags)
    except Exception:
        return pattern
    if len(parsed) != 1 or str(parsed[0][0]) != "IN":
        return pattern
    highs: set[int] = set()
    for kind, value in parsed[0][1]:
        if str(kind) == "LITERAL":
            highs.add(value >> 8)
        elif str(kind) == "RANGE":
            highs.update(range(value[0] >> 8, (value[1] >> 8) + 1))
        else:  # a negation, a category (\d, \w) or a case-folded set
            return pattern
    if not highs or highs & _COMMON_HIGH or max(highs) > 0xFF or len(highs) > _MAX_HIGHS:
        return pattern
    return WideClass(pattern, frozenset(highs))
