"""Built-ins of the space group: one space between words, except where the
spaces are layout (``repeated-spaces``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import LineStarts
from arclean.chars import MARK, REGEX_FLAGS, lazy_compile
from arclean.text.spans import Range, contains
from arclean.text.verse import Verse, alike, same_poem, verse, verse_line

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

# two or more spaces between two characters that are not white space
_INNER_RUN_RE = lazy_compile(r"(?<=\S) {2,}(?=\S)", REGEX_FLAGS)
# two or more spaces not at the end of a line (indentation included)
_RUN_RE = lazy_compile(r" {2,}(?=\S)", REGEX_FLAGS)
_MARK_RE = lazy_compile(MARK, REGEX_FLAGS)
#: A run this long is a gap that was meant: the one between the two halves
#: (hemistichs) of a line of verse, or a column gap.
_LAYOUT_RUN = 4
#: This many lines in a row read as verses of one shape are a poem, rhyme
#: or no rhyme: prose does not hold a slip of three spaces on each of them.
_POEM_LINES = 3


def _line_at(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _columns(
    text: str, start: int, end: int, pattern: Any, prose: list[Range] | None = None
) -> set[tuple[int, int]]:
    """Where `pattern`'s runs of spaces start and end on the line
    ``text[start:end]``, in columns: characters from the line's start, not
    counting combining marks, which take no column of their own.  With
    `prose`, only the runs that start inside it (not in a quotation or a
    URL, which are no part of the line's layout)."""
    line = text[start:end].rstrip("\r")
    found = set()
    # Columns are counted on from the previous run, so a line holding many
    # runs is read once (not once per run).
    before = counted = 0
    for m in pattern.finditer(line):
        if prose is not None and not contains(prose, start + m.start()):
            continue
        before += len(_MARK_RE.sub("", line[counted : m.start()]))
        counted = m.start()
        found.add((before, before + m.end() - m.start()))
    return found


#: Punctuation that ends a clause, before a space or the line's end.
_CLAUSE_END_RE = lazy_compile(r"[،؛.؟!](?:\s|$)", REGEX_FLAGS)


def _sentence(content: str) -> bool:
    """Does the line read as running prose, not as a row of values: six
    words or more, and a clause ending with a comma or a full stop?  Two
    slips on one line of a news story (طلبية  جديدة   لشراء) are no
    columns; «الاسم  العمر  المدينة» is a row."""
    return len(content.split()) >= 6 and _CLAUSE_END_RE.search(content) is not None


def _row_beside(text: str, start: int, end: int) -> bool:
    """Does the line above or below ``text[start:end]`` also hold two runs
    of spaces or more between words: rows of one block?"""
    near = []
    if start > 0:
        near.append(_line_at(text, start - 1))
    if end < len(text):
        near.append(_line_at(text, end + 1))
    return any(len(_INNER_RUN_RE.findall(text, lo, hi)) >= 2 for lo, hi in near)


def _is_layout(
    text: str, line: tuple[int, int], prose: list[Range], cache: dict[int, bool]
) -> bool:
    """Are the runs of spaces on `line` layout rather than typing slips: a
    table row (| or a tab on the line, two or more runs of spaces in its
    prose unless it reads as a sentence, or a run that starts or ends in
    the same column as one on the line above or below)?"""
    start, end = line
    known = cache.get(start)
    if known is not None:
        return known
    content = text[start:end]
    runs = _columns(text, start, end, _INNER_RUN_RE, prose)
    layout = "|" in content or "\t" in content
    if len(runs) >= 2:
        # a row of columns, unless a sentence among lines of another shape
        # (rows of a list of books or a contents page end in a full stop too)
        layout = layout or not _sentence(content) or _row_beside(text, start, end)
    if not layout:
        neighbours: set[tuple[int, int]] = set()
        if start > 0:
            neighbours |= _columns(text, *_line_at(text, start - 1), _RUN_RE)
        if end < len(text):
            neighbours |= _columns(text, *_line_at(text, end + 1), _RUN_RE)
        starts = {s for s, _ in neighbours}
        ends = {e for _, e in neighbours}
        layout = any(s in starts or e in ends for s, e in runs)
    cache[start] = layout
    return layout


def _neighbour(text: str, line: tuple[int, int], step: int) -> tuple[int, int] | None:
    """The line above (`step` -1) or below (1) `line`, over one blank line."""
    for _ in range(2):
        if (step < 0 and line[0] == 0) or (step > 0 and line[1] >= len(text)):
            return None
        line = _line_at(text, line[0] - 1 if step < 0 else line[1] + 1)
        if text[line[0] : line[1]].strip():
            return line
    return None


def _verse_gap(
    text: str, line: tuple[int, int], start: int, end: int, verses: dict[int, Verse | None]
) -> bool:
    """Is the run ``text[start:end]`` the gap between the two halves of a
    line of a poem (`arclean.text.verse`): three spaces or more between
    halves of 2-8 words of about one length, its number before it if any
    (1- ألا ليت الشباب يعود يوما   فأخبره بما فعل المشيب), beside a line
    of a poem (`arclean.text.verse.same_poem`)?  A poem keeps every line's
    gap, not only the wide ones; a lone line so parted (a headline with a
    slip, تركيا تدين التفجير الإرهابي الذي   استهدف مسجد), or two lines of
    prose that each hold a slip, are prose."""
    known = verses.get(line[0])
    this = known if known is not None and known.at == start else verse(text, line, start, end)
    if this is None:
        return False
    lines = 1
    for step in (-1, 1):
        near, last = line, this
        for hop in range(_POEM_LINES - 1):
            found = _neighbour(text, near, step)
            if found is None:
                break
            if found[0] not in verses:
                verses[found[0]] = verse_line(text, found)
            other = verses[found[0]]
            if other is None or not alike(last, other):
                break
            if hop == 0 and same_poem(this, other):
                return True
            near, last, lines = found, other, lines + 1
    return lines >= _POEM_LINES


def repeated_spaces(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """A run of two or three spaces between words becomes one space.  Left
    alone: indentation and spaces at a line's end; a run of four or more (the
    gap between the halves of a verse: يعود يوما        فأخبره), or of three
    between two halves of a line of a poem (`_verse_gap`); and every run
    on a line laid out in columns, which `_is_layout` tells apart."""
    from arclean.text.edits import Replacement

    reps = []
    cache: dict[int, bool] = {}
    verses: dict[int, Verse | None] = {}
    prose = sorted((span.start, span.end) for span in spans)
    # The line of each run, found once per line: runs come in order.
    line_of = LineStarts(text)
    line = (-1, -1)
    size = len(text)
    # The search runs one character past each span, so that a run right
    # before a URL, a hashtag or inline code (where the span stops) is seen
    # to be followed by a word; the run itself stays inside the span.
    runs = (
        m
        for span in spans
        for m in _INNER_RUN_RE.finditer(text, span.start, min(size, span.end + 1))
        if m.end() <= span.end
    )
    for m in runs:
        if m.end() - m.start() >= _LAYOUT_RUN:
            continue
        start = line_of(m.start())
        if start != line[0]:
            end = text.find("\n", m.start())
            line = (start, len(text) if end == -1 else end)
        if _verse_gap(text, line, m.start(), m.end(), verses) or _is_layout(
            text, line, prose, cache
        ):
            continue
        reps.append(Replacement(m.start(), m.end(), " ", rule.code))
    return reps
