"""The syntax tree of a stdlib `re` pattern, and the bounds `re` gives a
search, for the scans that look inside one to find it faster
(`arclean.text.literal`, `.linestart`, `.wide`, `.windows`): Python's own
parser, `re._parser` since Python 3.11 and
`sre_parse` in 3.10 (the same module under its old name).  It is not a
public API: every caller falls back to the pattern as it is when `parse`
raises `re.error` or gives a shape it does not know."""

from __future__ import annotations

from typing import Any

try:
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

#: The upper bound of an unbounded repeat (``+``, ``*``) in a parsed pattern.
MAXREPEAT: int = _sre_constants.MAXREPEAT
#: The opcodes of ``$`` (``AT``, ``AT_END``) in a parsed pattern.
AT: Any = _sre_constants.AT
AT_END: Any = _sre_constants.AT_END


def parse(source: str, flags: int) -> Any:
    """`source` parsed as `re.compile(source, flags)` parses it: a sequence
    of ``(opcode, argument)`` items with ``getwidth()``.  Raises `re.error`
    (and `OverflowError` for a width past the limit, from ``getwidth``)."""
    return _sre_parse.parse(source, flags)


def bounds(text: str, pos: int, endpos: int | None) -> tuple[int, int]:
    """``(pos, endpos)`` of a search of `text` bounded as `re` bounds them
    (each within ``0 .. len(text)``; no end: the text's), so that a scan's
    `str.find` (which counts a negative position from the end) searches
    where ``pattern.search(text, pos, endpos)`` would."""
    size = len(text)
    end = size if endpos is None else min(max(endpos, 0), size)
    return min(max(pos, 0), size), end
