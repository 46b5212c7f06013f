"""SubRip (.srt) and WebVTT (.vtt) subtitles: prose is the cue text.

A line scanner, not a subtitle library: those rewrite line endings, renumber
cues and reformat timestamps (see the notes, §4).  Cue numbers and
identifiers, timing lines, header and NOTE/STYLE/REGION blocks, tags, ASS
overrides, entities, line endings and leading direction marks are frozen.
"""

from __future__ import annotations

import regex

from arclean.formats._common import compare_frozen, mask_ranges
from arclean.formats.base import StructureChanged
from arclean.formats.lang_elements import other_language_elements
from arclean.text.spans import Span, merge_ranges, subtract

_LINE_RE = regex.compile(r"([^\r\n]*)(\r\n|\n|\r|\Z)")
# SRT writes 00:00:01,000, WebVTT 00:01.000 (hours optional); settings follow.
# Some Arabic-locale tools write the Arabic comma (00:00:01،000): such a line
# is still a timing line (frozen, and named by `notes`), so its cue is read.
_TIME = r"(?:\d+:)?\d{1,2}:\d{2}[,.\u060c]\d{1,3}"
TIMING_RE = regex.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t].*)?")
_VTT_BLOCK_RE = regex.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
_VTT_HEADER_RE = regex.compile(r"\ufeff?WEBVTT(?:[ \t].*)?")
# Direction marks (and a BOM) that players rely on at a line start, and the
# embeddings and isolates that open a line (LRE, RLE, LRI, RLI, FSI).  Not
# overrides (LRO, RLO) nor closers (PDF, PDI): those stay in the prose, so
# that AR602 reports them here as in every other format (Trojan Source).
_LEADING_MARKS_RE = regex.compile(r"[\ufeff\u200e\u200f\u061c\u202a\u202b\u2066-\u2068]+")
# Tags (<i>, <font ...>, <v Name>, <c.x>, <00:01.000>), ASS overrides, entities.
_MARKUP_RE = regex.compile(
    r"<[^<>\r\n]*>|\{\\[^{}\r\n]*\}|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);"
)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end of content, end with line ending) for every line."""
    out = []
    for m in _LINE_RE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        out.append((m.start(), m.end(1), m.end()))
        if m.end() == len(text):
            break
    return out


def scan(text: str, vtt: bool) -> tuple[list[tuple[int, int]], list[str]]:
    """Prose ranges and the kind of every line (``text`` lines hold the
    prose).  A text line that ends in markup ends with an empty range."""
    lines = _lines(text)
    kinds: list[str] = []
    ranges: list[tuple[int, int]] = []
    line_ends: list[int] = []
    state = "between"
    for i, (start, end, _) in enumerate(lines):
        line = text[start:end]
        nxt = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        if i == 0 and vtt and _VTT_HEADER_RE.fullmatch(line):
            kind, state = "header", "block"
        elif not line.strip():
            kind, state = "blank", "between"
        elif TIMING_RE.fullmatch(line):
            kind, state = "timing", "cue"
        elif state == "block":
            kind = "block"
        elif TIMING_RE.fullmatch(nxt) and (state == "between" or line.strip().isdigit()):
            # A cue number or identifier: the line right before a timing line.
            kind = "id"
        elif state == "cue":
            kind = "text"
        elif vtt and _VTT_BLOCK_RE.fullmatch(line):
            kind, state = "block", "block"
        else:
            kind = "orphan"  # outside any cue: unknown, so frozen
        kinds.append(kind)
        if kind == "text":
            lead = _LEADING_MARKS_RE.match(text, start, end)
            pos = lead.end() if lead else start
            for m in _MARKUP_RE.finditer(text, pos, end):
                if m.start() > pos:
                    ranges.append((pos, m.start()))
                pos = m.end()
            if end > pos:
                ranges.append((pos, end))
            line_ends.append(end)
    holes = mask_ranges(text)
    if vtt and (lang := other_language_elements(text)):
        holes = merge_ranges([*holes, *lang])  # <lang fa>…</lang>
    return _end_lines(subtract(ranges, holes), line_ends), kinds


def _end_lines(ranges: list[tuple[int, int]], line_ends: list[int]) -> list[tuple[int, int]]:
    """`ranges` with an empty range at the end of each cue text line that no
    range reaches (it ends with a tag, an entity or a URL).  Spaces after
    such markup are a range of their own, which vanishes when AR501 removes
    them: with the empty range in its place the text outside prose, piece
    by piece, is the same as before."""
    ends = {e for _, e in ranges}
    missing = [(e, e) for e in line_ends if e not in ends]
    return sorted(ranges + missing) if missing else ranges


#: A line that looks meant as a timing line (a time and an arrow of some
#: kind: `->`, `-->` with `;` for `,`) but is not one `TIMING_RE` reads.
_LOOSE_TIMING_RE = regex.compile(r"\d+:\d{2}.*-+>|-+>.*\d+:\d{2}")


def _more(found: list[int]) -> str:
    return f" (and {len(found) - 1} more)" if len(found) > 1 else ""


class _Subtitles:
    name = ""
    vtt = False
    kind = ""

    def prose_spans(self, text: str) -> list[Span]:
        ranges, _ = scan(text, self.vtt)
        return [Span(s, e) for s, e in ranges if e > s]

    def notes(self, text: str) -> list[tuple[int | None, str]]:
        """What the user should hear about `text`, ``(line, message)`` (no
        line: the whole file): a file with text but no cue was not checked at
        all (not subtitles, or mis-exported), and a timing line written with
        the Arabic comma is read, but players may not read it."""
        _, kinds = scan(text, self.vtt)
        timings = [i for i, k in enumerate(kinds) if k == "timing"]
        if not timings:
            if "orphan" not in kinds:
                return []  # empty, or only a header and NOTE blocks
            example = "00:00:01,000 --> 00:00:02,000" if not self.vtt else "00:01.000 --> 00:02.000"
            return [
                (
                    None,
                    f"no {self.kind} cue found (no timing line such as `{example}`); "
                    "nothing checked: use --format plain if it is prose",
                )
            ]
        lines = _lines(text)
        out: list[tuple[int | None, str]] = []
        broken = [
            i
            for i, k in enumerate(kinds)
            if k == "orphan" and _LOOSE_TIMING_RE.search(text, lines[i][0], lines[i][1])
        ]
        if broken:
            out.append(
                (
                    broken[0] + 1,
                    f"a line like a timing line that cannot be read{_more(broken)}: its cue "
                    "was neither checked nor fixed (a timing line is `start --> end`)",
                )
            )
        odd = [i for i in timings if not text[lines[i][0] : lines[i][1]].isascii()]
        if odd:
            sep = "." if self.vtt else ","
            out.append(
                (
                    odd[0] + 1,
                    f"a timing line written with the Arabic comma ، or Arabic-Indic digits"
                    f"{_more(odd)} (players expect ASCII digits and `{sep}`); its cue was read, "
                    "the timing line left as it is",
                )
            )
        return out

    def verify(self, before: str, after: str) -> None:
        if before == after:
            return
        b_ranges, b_kinds = scan(before, self.vtt)
        a_ranges, a_kinds = scan(after, self.vtt)
        if a_kinds != b_kinds:
            i = next(
                (n for n, (x, y) in enumerate(zip(b_kinds, a_kinds, strict=False)) if x != y), None
            )
            if i is None:
                raise StructureChanged(
                    f"{self.name}: the number of lines changed ({len(b_kinds)} -> {len(a_kinds)})"
                )
            raise StructureChanged(
                f"{self.name}: line {i + 1} was a {b_kinds[i]} line and became a {a_kinds[i]} line"
            )
        compare_frozen(
            self.name,
            before,
            [Span(s, e) for s, e in b_ranges],
            after,
            [Span(s, e) for s, e in a_ranges],
        )


class Srt(_Subtitles):
    """SubRip subtitles."""

    name = "srt"
    vtt = False
    kind = "SubRip"


class WebVtt(_Subtitles):
    """WebVTT subtitles."""

    name = "vtt"
    vtt = True
    kind = "WebVTT"
