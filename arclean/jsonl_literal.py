"""One JSON string literal of a JSON Lines record (`arclean.jsonl`): where
each decoded character of it stands in the raw text, and new text encoded
in the literal's own style (``\\uXXXX`` escapes or raw UTF-8)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from arclean.text.edits import Change

#: One decoded character of a string literal's content: a surrogate pair of
#: escapes, another escape, or a raw character.
_UNIT_RE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.|.", re.S
)
_HEX_RE = re.compile(r"\\u([0-9a-f]{4})")


class Literal:
    """Maps the decoded characters of one string literal to its raw content,
    and encodes new text in the literal's style."""

    def __init__(self, raw: str, value: str, record_ascii: bool) -> None:
        self.raw = raw
        self.offsets: list[int] | None = None
        if "\\" not in raw:
            self.offsets = list(range(len(raw) + 1)) if len(raw) == len(value) else None
        else:
            starts = [m.start() for m in _UNIT_RE.finditer(raw)]
            if len(starts) == len(value):
                self.offsets = [*starts, len(raw)]
        if not raw.isascii():
            self.ascii = False
        else:
            self.ascii = "\\u" in raw or record_ascii
        self.upper = (
            self.ascii
            and bool(re.search(r"\\u[0-9]*[A-F]", raw))
            and not re.search(r"\\u[0-9]*[a-f]", raw)
        )

    def encode(self, text: str) -> str:
        """`text` as the content of a literal in this literal's style."""
        encoded = json.dumps(text, ensure_ascii=self.ascii)[1:-1]
        if self.upper:
            encoded = _HEX_RE.sub(lambda m: "\\u" + m.group(1).upper(), encoded)
        return encoded

    def position(self, offset: int) -> int:
        """The raw position of decoded offset `offset` (offsets must map)."""
        assert self.offsets is not None
        return self.offsets[offset]

    def splice(self, changes: Sequence[Change], new_value: str) -> str | None:
        """The raw content with only `changes` re-encoded, or None when they
        cannot be placed (the caller then re-encodes the whole value)."""
        if self.offsets is None or not changes:
            return None
        pieces = []
        cursor = 0
        for change in sorted(changes, key=lambda c: (c.start, c.end)):
            start, end = self.offsets[change.start], self.offsets[change.end]
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
