"""One JSON string literal of a JSON Lines record (`arclean.jsonl`): where
each decoded character of it stands in the raw text, and new text encoded
in the literal's own style (``\\uXXXX`` escapes or raw UTF-8)."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate
from operator import add, sub

from arclean.text.edits import Change

#: One escape of a string literal's content: a surrogate pair of escapes
#: (one decoded character), another ``\\u`` escape, or a short escape.
_ESCAPE_RE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.", re.S
)
_HEX_RE = re.compile(r"\\u([0-9a-f]{4})")
_UPPER_RE = re.compile(r"\\u[0-9]*[A-F]")
_LOWER_RE = re.compile(r"\\u[0-9]*[a-f]")


class Literal:
    """Maps the decoded characters of one string literal to its raw content,
    and encodes new text in the literal's style."""

    def __init__(self, raw: str, value: str, record_ascii: bool) -> None:
        self.raw = raw
        self._size = len(value)
        # Where each escape's character stands in the decoded value, and how
        # many raw characters more than decoded ones there are up to it and
        # it included: every other character is one raw character (found
        # on first need, `_escapes`).
        self._at: list[int] | None = None
        self._extra: list[int] = []
        self._maps = False
        if not raw.isascii():
            self.ascii = False
        else:
            self.ascii = "\\u" in raw or record_ascii
        self._upper: bool | None = None

    def _escapes(self) -> list[int]:
        """`_at`, found (with `_extra` and `_maps`) on first call, in C
        steps: a value written in escapes holds one per character."""
        if self._at is not None:
            return self._at
        raw = self.raw
        extra = 0
        self._at = []
        if "\\" in raw:
            between = list(map(len, _ESCAPE_RE.split(raw)))  # the text around the escapes
            count = len(between) - 1
            escapes = accumulate(map(len, _ESCAPE_RE.findall(raw)))
            self._extra = list(map(sub, escapes, range(1, count + 1)))
            self._at = list(map(add, accumulate(between[:count]), range(count)))
            extra = self._extra[-1] if count else 0
        self._maps = len(raw) - extra == self._size
        return self._at

    @property
    def maps(self) -> bool:
        """Whether decoded offsets map to raw ones (False: the value and
        the literal disagree, and only the whole value can be replaced)."""
        self._escapes()
        return self._maps

    @property
    def upper(self) -> bool:
        """Are the literal's ``\\u`` escapes written in upper case (found on
        first need)?"""
        if self._upper is None:
            raw = self.raw
            self._upper = self.ascii and bool(_UPPER_RE.search(raw)) and not _LOWER_RE.search(raw)
        return self._upper

    def canonical(self, value: str) -> bool:
        """Is the literal `value` (the value it decodes to) as `encode`
        writes it?  Then a value spliced into it is that value encoded (the
        encoding is character by character)."""
        if "\\" not in self.raw and not self.ascii:
            return True  # raw UTF-8 with no escape: the value itself
        plain = json.dumps(value, ensure_ascii=self.ascii)[1:-1]
        return plain == self.raw and not self.upper

    def encode(self, text: str) -> str:
        """`text` as the content of a literal in this literal's style."""
        encoded = json.dumps(text, ensure_ascii=self.ascii)[1:-1]
        if self.upper:
            encoded = _HEX_RE.sub(lambda m: "\\u" + m.group(1).upper(), encoded)
        return encoded

    def position(self, offset: int) -> int:
        """The raw position of decoded offset `offset` (`maps` must hold)."""
        assert self.maps
        before = bisect_left(self._escapes(), offset)  # escapes decoded before `offset`
        return offset + (self._extra[before - 1] if before else 0)

    def splice(self, changes: Sequence[Change], new_value: str) -> str | None:
        """The raw content with only `changes` re-encoded, or None when they
        cannot be placed (the caller then re-encodes the whole value)."""
        if not self.maps or not changes:
            return None
        pieces = []
        cursor = 0
        for change in sorted(changes, key=lambda c: (c.start, c.end)):
            start, end = self.position(change.start), self.position(change.end)
            if start < cursor:
                return None
            pieces += [self.raw[cursor:start], self.encode(change.new)]
            cursor = end
        pieces.append(self.raw[cursor:])
        content = "".join(pieces)
        try:
            same = json.loads('"' + content + '"') == new_value
        except ValueError:
            return None
        return content if same else None


def record_ascii(text: str, at: int) -> bool:
    """Is the record holding offset `at` written in ASCII (``\\u`` escapes)?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : len(text) if end < 0 else end]
    return line.isascii() and "\\u" in line
