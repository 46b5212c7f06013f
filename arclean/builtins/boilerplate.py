"""Built-ins of the boilerplate group: lines that are web-page residue,
reported (``boilerplate-lines``) or removed (``remove-boilerplate-lines``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from arclean.chars import REGEX_FLAGS, lazy_compile
from arclean.errors import RuleFileError
from arclean.text.edits import Finding

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

#: The lists read, by rule file and list name (each text asks again).
_BOILERPLATE_CACHE: dict[tuple[str, str], tuple[frozenset[str], tuple[str, ...]]] = {}
#: For each list: the first characters of its normal forms.
_FIRSTS: dict[tuple[frozenset[str], tuple[str, ...]], set[str]] = {}
#: The punctuation and space a line's normal form leaves out: at its start
#: (`_LEAD_RE`) and at its end (`_TAIL_RE`, searched backwards from the end).
_LEAD_RE = lazy_compile(r"[\s\p{Pd}*•·|>]*")
_TAIL_RE = lazy_compile(
    r"(?r)[\s.:!\N{ARABIC QUESTION MARK}\N{ARABIC COMMA}\N{HORIZONTAL ELLIPSIS}\p{Pd}|>«»]*\Z"
)


def _trimmed(line: str) -> tuple[int, int]:
    """Where `line` is left once the punctuation and space around it are
    trimmed: ``(start, end)``, code points (``end <= start``: nothing left)."""
    lead, tail = _LEAD_RE.match(line), _TAIL_RE.search(line)
    assert lead is not None and tail is not None  # both may match nothing
    return lead.end(), tail.start()


def _normalize_line(line: str) -> str:
    from arclean.chars import fold

    start, end = _trimmed(line)
    return " ".join(fold(line[start:end] if end > start else "").split())


def _boilerplate_list(rule: Rule) -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole lines and line prefixes (entries ending in …) from the list file
    next to the rule file (or among the shipped rules)."""
    from pathlib import Path

    from arclean.locations import builtin_rules_dir

    name = str(rule.option("list", "boilerplate.txt"))
    key = (rule.path, name)
    if key not in _BOILERPLATE_CACHE:
        candidates = [Path(rule.path).parent / name, builtin_rules_dir() / name]
        target = next((p for p in candidates if p.is_file()), candidates[-1])
        try:
            lines = target.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise RuleFileError(
                rule.path, f"cannot read list {name!r}: {exc}", rule.line, rule.code
            ) from None
        whole, prefixes = set(), []
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.rstrip().endswith("\N{HORIZONTAL ELLIPSIS}"):
                prefixes.append(_normalize_line(line.rstrip()[:-1]) + " ")
            else:
                whole.add(_normalize_line(line))
        _BOILERPLATE_CACHE[key] = (frozenset(whole), tuple(prefixes))
    return _BOILERPLATE_CACHE[key]


def _first_verdict(char: str, firsts: set[str]) -> bool | None:
    """For a line starting with `char`: does its normal form start with one
    of `firsts`?  None when `char` alone cannot tell (trimming may remove it,
    or `fold` makes it white space or nothing)."""
    from arclean.chars import fold

    head = fold(char).lstrip()
    if not head or _trimmed(char) != (0, 1):
        return None
    return head[0] in firsts


def _boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[tuple[int, int]]:
    from arclean.chars import fold

    listed = _boilerplate_list(rule)
    whole, prefixes = listed
    # The first character of a listed line's normal form: a line whose
    # normal form starts otherwise is not normalized whole.
    firsts = _FIRSTS.get(listed)
    if firsts is None:
        firsts = _FIRSTS[listed] = {entry[0] for entry in (*whole, *prefixes) if entry}
    # Most lines start with a letter, which no trimming removes: whether
    # such a line may be listed is known from that letter alone.
    verdicts: dict[str, bool | None] = {}
    found: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text, spans):
        if line_end - line_start > 80:
            continue  # residue lines are short; a paragraph is content
        line = text[line_start:line_end]
        first = line[0]
        verdict = verdicts.get(first)
        if verdict is None and first not in verdicts:
            verdict = verdicts[first] = _first_verdict(first, firsts)
        if verdict is False:
            continue
        if not _VISIBLE_RE.search(line):
            continue  # white space only
        start, end = _trimmed(line)
        # `fold` goes character by character: the normal form starts with
        # the first character folded to more than white space (none: empty).
        head = ""
        for char in line[start:end]:
            head = fold(char).lstrip()
            if head:
                break
        if head and head[0] not in firsts:
            continue
        normal = " ".join(fold(line[start:end]).split()) if head else ""
        if normal in whole or (normal.startswith(prefixes) and len(normal.split()) <= 8):
            if _after_speech(text, line_start, found):
                continue
            found.append((line_start, line_end))
    return found


def _after_speech(text: str, line_start: int, found: list[tuple[int, int]]) -> bool:
    """Does the line at `line_start` follow, with no blank line between, a
    line that ends in a colon and is not residue itself («وقالت:» then
    «شاركها.»)?  Such a line is what was said, not a share button."""
    if line_start == 0 or text[line_start - 1] != "\n":
        return False
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    if not text[prev_start:prev_end].rstrip().endswith(":"):
        return False
    return not (found and found[-1][0] == prev_start)


#: What makes a line more than white space (as the `regex` module sees it).
_VISIBLE_RE = lazy_compile(r"\S", REGEX_FLAGS)


def _lines(text: str, spans: Sequence[Span]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the lines ``^[^\n]*$`` (MULTILINE, `regex`) finds
    in each span, empty ones aside: those starting in the span (at a line
    break, or at the text's start), cut at its end."""
    for span in spans:
        position, stop = span.start, span.end
        if position and text[position - 1] != "\n":
            position = text.find("\n", position, stop) + 1  # the next line's start
            if not position:
                continue
        while position < stop:
            end = text.find("\n", position, stop)
            if end == -1:
                end = stop
            if end > position:
                yield position, end
            position = end + 1


def boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[Finding]:
    """Lines that are web-page residue (share buttons, "read also", "follow
    us on ..."), from a list of whole lines; never part of a line."""
    return [
        Finding(s, e, rule.code, rule.message, rule.level, old=text[s:e])
        for s, e in _boilerplate_lines(text, spans, rule)
    ]


def remove_boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Remove the lines `boilerplate-lines` reports, with their line break."""
    from arclean.text.edits import Replacement

    reps = []
    for start, end in _boilerplate_lines(text, spans, rule):
        if end < len(text) and text[end] == "\n":
            end += 1
        elif start > 0 and text[start - 1] == "\n":
            start -= 1
        reps.append(Replacement(start, end, "", rule.code))
    return reps
