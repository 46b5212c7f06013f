"""Built-ins of the boilerplate group: lines that are web-page residue,
reported (``boilerplate-lines``) or removed (``remove-boilerplate-lines``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.chars import REGEX_FLAGS, lazy_compile
from arclean.errors import RuleFileError
from arclean.text.edits import Finding

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

_BOILERPLATE_CACHE: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
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
    candidates = [Path(rule.path).parent / name, builtin_rules_dir() / name]
    target = next((p for p in candidates if p.is_file()), candidates[-1])
    key = str(target)
    if key not in _BOILERPLATE_CACHE:
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


_LINE_RE = lazy_compile(r"^[^\n]*\S[^\n]*$", REGEX_FLAGS)


def _boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[tuple[int, int]]:
    from arclean.chars import fold

    whole, prefixes = _boilerplate_list(rule)
    # The first character of a listed line's normal form: a line whose
    # normal form starts otherwise is not normalized whole.
    firsts = {entry[0] for entry in (*whole, *prefixes) if entry}
    found = []
    for m in finditer(_LINE_RE, text, spans):
        line = m.group()
        if len(line) > 80:
            continue  # residue lines are short; a paragraph is content
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
            found.append((m.start(), m.end()))
    return found


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
