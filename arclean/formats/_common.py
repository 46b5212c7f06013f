"""Helpers shared by the formats: masks, inline control comments, offset
tables and the structure check."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import regex

from arclean.chars import lazy_compile
from arclean.formats.base import StructureChanged
from arclean.text.masks import link_ranges
from arclean.text.spans import ALL_RULES, Range, Span, merge_ranges

# ---------------------------------------------------------------------------
# Masks: things that may sit inside prose text but must never be edited.
# ---------------------------------------------------------------------------

# Templates, attribute blocks and dollar math are frozen in Markdown and HTML;
# URLs and e-mail addresses come from the one masker, `arclean.text.masks`.
MASK_RE = lazy_compile(
    r"(?V1)"
    # template syntax: {{ ... }}, {{< ... >}}, {{% ... %}}, {% ... %}, {# ... #}
    r"\{\{.{0,1000}?\}\}|\{%.{0,1000}?%\}|\{#.{0,1000}?#\}"
    # attribute blocks such as a heading's {#id} or {.class}, with the space before
    # (from the start of the spaces only: linear on long runs of spaces)
    r"|(?<![ \t])[ \t]*+\{[#.][\w:.-]+(?:[ \t][^{}\n]*)?\}"
    # dollar math that the math plugin did not take
    r"|\$\$.{1,1000}?\$\$|(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$(?!\d)"
    # LaTeX math delimiters \( ... \) and \[ ... \] (MathJax, KaTeX)
    r"|(?<!\\)\\\(.{1,1000}?\\\)|(?<!\\)\\\[.{1,1000}?\\\]",
    regex.DOTALL,
)


def mask_ranges(text: str) -> list[Range]:
    """Frozen ranges (URLs, e-mail addresses, templates, math) found in `text`,
    sorted and merged.  Quran quotations are no markup: they stay in the
    prose spans, and the engine keeps each rule out of them as it does in
    plain text (the search profile's folds reach them: an index must match
    an unvowelled query)."""
    return merge_ranges([*link_ranges(text), *(m.span() for m in MASK_RE.finditer(text))])


# ---------------------------------------------------------------------------
# Offsets.
# ---------------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line (line 0 first)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class NewlineMap:
    """Maps offsets in text with CR/CRLF turned into LF back to the original.

    Parsers normalise line endings; spans must point into the original bytes.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        if "\r" not in text:
            self.text = text
            self._cuts: list[int] = []
            return
        # Normalised offsets after which one character (a CR) was dropped.
        cuts: list[int] = []
        parts: list[str] = []
        last = 0
        for removed, m in enumerate(regex.finditer(r"\r\n", text), start=1):
            parts.append(text[last : m.start()])
            cuts.append(m.start() - removed + 1)
            last = m.start() + 1
        parts.append(text[last:])
        self.text = "".join(parts).replace("\r", "\n")
        self._cuts = cuts

    @property
    def identity(self) -> bool:
        """True when offsets need no mapping."""
        return not self._cuts

    def to_original(self, offset: int) -> int:
        if not self._cuts:
            return offset
        return offset + bisect.bisect_right(self._cuts, offset - 1)


# ---------------------------------------------------------------------------
# Inline control comments.
# ---------------------------------------------------------------------------

CONTROL_RE = lazy_compile(
    r"<!--[ \t\n]*arclean-(disable-next-line|disable|enable)(?![\w-])([^>]*?)[ \t\n]*-->"
)
_CODE_SPLIT = lazy_compile(r"[\s,]+")


def parse_codes(raw: str) -> frozenset[str]:
    codes = frozenset(c for c in _CODE_SPLIT.split(raw.strip()) if c)
    return codes or frozenset({ALL_RULES})


class Controls:
    """The disable/enable comments of one document, as a timeline of
    disabled-code sets, and the splitting of spans along it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._events: list[tuple[int, str, frozenset[str]]] = []
        self._bounds: list[int] = []
        self._sets: list[frozenset[str]] = []

    def add(self, start: int, end: int) -> None:
        """Record the control comment at ``text[start:end]`` (if it is one)."""
        m = CONTROL_RE.fullmatch(self.text, start, end)
        if m is None:
            return
        kind = m.group(1)
        codes = parse_codes(m.group(2))
        if kind == "enable" and not m.group(2).strip():
            codes = frozenset()
        self._events.append((end, kind, codes))

    def add_all_in(self, start: int, end: int) -> None:
        """Record every control comment inside ``text[start:end]``."""
        for m in CONTROL_RE.finditer(self.text, start, end):
            self.add(m.start(), m.end())

    def _build(self) -> None:
        text = self.text
        state: frozenset[str] = frozenset()
        # (offset, order, change): block changes apply at the comment's end;
        # next-line changes cover the line after the comment's last line.
        changes: list[tuple[int, int, str, frozenset[str]]] = []
        for end, kind, codes in sorted(self._events, key=lambda e: e[0]):
            if kind == "disable-next-line":
                nl = text.find("\n", end)
                if nl < 0:
                    continue
                line_end = text.find("\n", nl + 1)
                line_end = len(text) if line_end < 0 else line_end
                if line_end <= nl + 1:
                    continue  # the next line is empty: nothing to disable
                changes.append((nl + 1, 1, "push", codes))
                changes.append((line_end, 0, "pop", codes))
            else:
                changes.append((end, 2, kind, codes))
        changes.sort(key=lambda c: (c[0], c[1]))
        overlays: list[frozenset[str]] = []
        for offset, _, kind, codes in changes:
            if kind == "disable":
                state = state | codes
            elif kind == "enable":
                state = frozenset() if not codes or ALL_RULES in codes else state - codes
            elif kind == "push":
                overlays.append(codes)
            elif kind == "pop":
                overlays.remove(codes)
            current = state.union(*overlays) if overlays else state
            if self._bounds and self._bounds[-1] == offset:
                self._sets[-1] = current
            else:
                self._bounds.append(offset)
                self._sets.append(current)

    def spans(self, ranges: Iterable[tuple[int, int]]) -> list[Span]:
        """Turn sorted ranges into spans, split where the disabled set changes."""
        if not self._events:
            return [Span(s, e) for s, e in ranges if e > s]
        if not self._bounds:
            self._build()
        bounds, sets = self._bounds, self._sets
        out: list[Span] = []
        for s, e in ranges:
            i = bisect.bisect_right(bounds, s) - 1
            cur = s
            while cur < e:
                disabled = sets[i] if i >= 0 else frozenset()
                nxt = bounds[i + 1] if i + 1 < len(bounds) else e
                stop = min(nxt, e)
                if stop > cur:
                    out.append(Span(cur, stop, disabled))
                cur = stop
                i += 1
        return out


# ---------------------------------------------------------------------------
# Verification helpers.
# ---------------------------------------------------------------------------


def frozen_pieces(text: str, spans: Sequence[Span]) -> list[str]:
    """The text between spans, in order: everything rules must not touch."""
    pieces = []
    pos = 0
    for sp in spans:
        pieces.append(text[pos : sp.start])
        pos = sp.end
    pieces.append(text[pos:])
    return pieces


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def compare_frozen(
    fmt: str, before: str, b_spans: Sequence[Span], after: str, a_spans: Sequence[Span]
) -> None:
    """Raise `StructureChanged` unless the text outside `b_spans` in `before`
    equals the text outside `a_spans` in `after`, piece by piece."""
    b = frozen_pieces(before, b_spans)
    a = frozen_pieces(after, a_spans)
    if a == b:
        return
    for i, (x, y) in enumerate(zip(b, a, strict=False)):
        if x != y:
            where = b_spans[i - 1].end if i else 0
            raise StructureChanged(
                f"{fmt}: text outside prose changed near line {_line_of(before, where)}: "
                f"{_short(x)} became {_short(y)}"
            )
    raise StructureChanged(
        f"{fmt}: the number of prose regions changed ({len(b_spans)} -> {len(a_spans)}); "
        "a change created or removed markup"
    )


def _short(s: str, limit: int = 60) -> str:
    return repr(s if len(s) <= limit else s[: limit - 3] + "...")
