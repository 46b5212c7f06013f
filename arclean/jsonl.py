"""JSON Lines: clean named string fields of each record, and nothing else.

A record is one line (ended by LF or CRLF).  Only the bytes of each cleaned
string value are rewritten: key order, numbers (``1.0``, ``1e5``), other
fields, whitespace and the line ending stay as they were.  Inside a cleaned
value only the changed characters are re-encoded, in the record's own style:
``\\uXXXX`` escapes when the value was written with ASCII escapes (upper-case
hex digits kept), raw UTF-8 otherwise; every other escape of the value
(``\\/``, ``\\n``, ``\\u00e9``) stays as written.

A line that is not a JSON object, or whose field is missing or not a string,
is a `Problem` (with its line number) and is passed through unchanged; blank
lines are passed through silently.  Changes and findings come back in the
coordinates of the whole document, so line and column, diffs and the JSON
report's edits point into the JSON Lines text itself.

>>> from arclean.api import Cleaner
>>> fix_document('{"id": 1.0, "text": "قال ، ثم"}\\n', ("text",), Cleaner()).text
'{"id": 1.0, "text": "قال، ثم"}\\n'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from arclean.jsonl_literal import Literal as _Literal
from arclean.jsonl_literal import record_ascii as _record_ascii
from arclean.text.edits import Change, Finding

if TYPE_CHECKING:
    from arclean.api import Cleaner

#: Told (characters done, characters in all) as a document is worked through.
Progress = Callable[[int, int], None]

__all__ = [
    "Document",
    "Field",
    "Problem",
    "check_document",
    "fix_document",
    "process",
    "records",
]

#: A JSON string literal (the input was validated by `json.loads` first).
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'  # runs of plain characters taken at once
_STRING_RE = re.compile(_STRING, re.S)
#: What matters while skipping a nested value: strings (which may hold
#: brackets) and brackets.
_NESTED_RE = re.compile(_STRING + r"|[\[\]{}]", re.S)
_SCALAR_RE = re.compile(r"[^\s,}\]]+")
_WHITESPACE = " \t\r\n"
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    bool: "a boolean",
    type(None): "null",
    int: "a number",
    float: "a number",
    str: "a string",
}


@dataclass(frozen=True)
class Problem:
    """A record left as it was, and why (`line` is 1-based)."""

    line: int
    message: str


@dataclass(frozen=True)
class Field:
    """One string value to clean: ``document[start:end]`` is the content of
    its literal (between the quotes), `value` what it decodes to."""

    name: str
    start: int
    end: int
    value: str
    line: int = 0


@dataclass
class Document:
    """A JSON Lines document after cleaning."""

    text: str
    changed: bool = False
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(number, offset, line without its ending) for each line of `text`.
    Lines end at LF only: U+2028 and other separators may stand raw in JSON."""
    start = 0
    number = 0
    while start < len(text):
        number += 1
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        line = text[start:stop]
        yield number, start, line[:-1] if line.endswith("\r") else line
        start = stop + 1


def _skip(line: str, i: int) -> int:
    while i < len(line) and line[i] in _WHITESPACE:
        i += 1
    return i


def _value_end(line: str, i: int) -> int:
    """The end of the JSON value starting at `i` of `line` (valid JSON)."""
    char = line[i]
    if char == '"':
        match = _STRING_RE.match(line, i)
        assert match is not None
        return match.end()
    if char in "[{":
        depth = 0
        for match in _NESTED_RE.finditer(line, i):
            token = match.group()
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
                if depth == 0:
                    return match.end()
        raise ValueError("unbalanced brackets")
    scalar = _SCALAR_RE.match(line, i)
    assert scalar is not None
    return scalar.end()


def top_level_values(line: str) -> dict[str, tuple[int, int]]:
    """For each key of the JSON object `line` (valid), where its value
    stands: ``line[start:end]``, quotes included.  A key given twice maps to
    its last value, the one JSON parsers keep."""
    spans: dict[str, tuple[int, int]] = {}
    i = _skip(line, 0) + 1  # past "{"
    while True:
        i = _skip(line, i)
        if line[i] == "}":
            return spans
        key_match = _STRING_RE.match(line, i)
        assert key_match is not None
        key = key_match.group()
        # a key without escapes is its own text (the line is valid JSON)
        key = json.loads(key) if "\\" in key else key[1:-1]
        i = _skip(line, key_match.end()) + 1  # past ":"
        start = _skip(line, i)
        end = _value_end(line, start)
        spans[key] = (start, end)
        i = _skip(line, end)
        if line[i] == ",":
            i += 1


def records(
    text: str, fields: Sequence[str], progress: Progress | None = None
) -> Iterator[tuple[list[Field], Problem | None]]:
    """The fields to clean of each record of `text` (document offsets), or
    the problem that leaves the record as it is.  Blank lines yield nothing.
    `progress(done, total)` is called every 1,000 lines, in characters."""
    for number, offset, line in _lines(text):
        if progress is not None and number % 1000 == 0:
            progress(offset, len(text))
        if not line.strip(_WHITESPACE):
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            # json's own ends with "at" before its position: "Unterminated
            # string starting at" (its column is said once, below)
            reason = getattr(exc, "msg", str(exc)).removesuffix(" at")
            column = getattr(exc, "colno", None)
            where = f" at column {column}" if column else ""
            yield [], Problem(number, f"is not valid JSON ({reason}{where}); left unchanged")
            continue
        except RecursionError:
            # valid JSON, but nested deeper than Python's reader goes (about
            # 1,000 arrays or objects): passed through like a record it
            # cannot read, the others cleaned
            yield (
                [],
                Problem(
                    number,
                    "is nested too deeply to be read (about 1,000 levels or more); left unchanged",
                ),
            )
            continue
        if not isinstance(record, dict):
            kind = _JSON_TYPES.get(type(record), "a " + type(record).__name__)
            yield [], Problem(number, f"is not a JSON object ({kind}); left unchanged")
            continue
        missing = [f for f in fields if f not in record]
        if missing:
            names = ", ".join(repr(f) for f in missing)
            yield [], Problem(number, f"has no field {names}; left unchanged")
            continue
        wrong = [f for f in fields if not isinstance(record[f], str)]
        if wrong:
            kinds = ", ".join(f"{f!r} is {_kind(record[f])}" for f in wrong)
            yield [], Problem(number, f"has a value that is not a string: {kinds}; left unchanged")
            continue
        spans = top_level_values(line)
        found = []
        for name in dict.fromkeys(fields):
            start, end = spans[name]
            found.append(Field(name, offset + start + 1, offset + end - 1, record[name], number))
        found.sort(key=lambda f: f.start)
        yield found, None


def _kind(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return _JSON_TYPES.get(type(value), "a " + type(value).__name__)


def _moved(finding: Finding, literal: _Literal, base: int, text: str) -> Finding:
    """`finding` (in the field's coordinates) in the document's."""
    if not literal.maps:  # cannot map: point at the whole value
        start, end = base, base + len(literal.raw)
    else:
        start, end = base + literal.position(finding.start), base + literal.position(finding.end)
    new = literal.encode(finding.new) if finding.new is not None else None
    return replace(finding, start=start, end=end, old=text[start:end], new=new)


def fix_document(
    text: str,
    fields: Sequence[str],
    cleaner: Cleaner,
    *,
    track: bool = True,
    progress: Progress | None = None,
) -> Document:
    """Clean the `fields` of every record of `text` with `cleaner`.  Changes
    are returned (document coordinates) only with `track`; the findings that
    remain always are, in the coordinates of the new text (as `Cleaner.fix`
    gives them).  A record whose cleaning fails is a `Problem`, left as it was."""
    pieces: list[str] = []
    cursor = 0
    shift = 0  # how much longer the new document is, up to `cursor`
    result = Document(text)
    for found, problem in records(text, fields, progress):
        if problem is not None:
            result.problems.append(problem)
            continue
        try:
            cleaned = [_fix_field(item, text, cleaner, track) for item in found]
        except Exception as exc:  # one record never takes down a run
            result.problems.append(_failed(found, exc))
            continue
        for item, (content, changes, findings) in zip(found, cleaned, strict=True):
            result.changes += changes
            base = item.start + shift
            result.findings += [
                replace(f, start=f.start + base, end=f.end + base) for f in findings
            ]
            if content is None:
                continue
            pieces += [text[cursor : item.start], content]
            cursor = item.end
            shift += len(content) - (item.end - item.start)
    if pieces:
        pieces.append(text[cursor:])
        result.text = "".join(pieces)
        result.changed = result.text != text
    return result


def _fix_field(
    item: Field, text: str, cleaner: Cleaner, track: bool
) -> tuple[str | None, list[Change], list[Finding]]:
    """The new raw content of `item` (None: unchanged), its changes
    (document coordinates) and the findings that remain (offsets into the
    new content, to be moved by the caller)."""
    raw = text[item.start : item.end]
    record_ascii = _record_ascii(text, item.start)
    literal = _Literal(raw, item.value, record_ascii)
    # A literal written as `encode` writes its value (raw UTF-8 without
    # escapes, or every character escaped as json.dumps does) takes the new
    # value encoded whole, as a splice of the changes would make it: the
    # changes are not needed.
    whole = not track and literal.canonical(item.value)
    outcome = cleaner.fix(item.value, track=not whole)
    if not outcome.changed and not outcome.findings:
        return None, [], []
    changes: list[Change] = []
    content: str | None = None
    if outcome.changed and whole:
        content = literal.encode(outcome.text)
    elif outcome.changed:
        content = literal.splice(outcome.changes, outcome.text)
        if content is None or not literal.maps:
            content = literal.encode(outcome.text)
            if track:
                codes = tuple(dict.fromkeys(c for ch in outcome.changes for c in ch.codes))
                changes.append(Change(item.start, item.end, raw, content, codes))
        elif track:
            for change in outcome.changes:
                start = item.start + literal.position(change.start)
                end = item.start + literal.position(change.end)
                new = literal.encode(change.new)
                changes.append(Change(start, end, text[start:end], new, change.codes))
    # The findings that remain point into the cleaned value: map them through
    # the new literal, not the old one (its offsets are the old value's).
    if not outcome.findings:
        return content, changes, []
    after = literal if content is None else _Literal(content, outcome.text, record_ascii)
    findings = [_moved(f, after, 0, after.raw) for f in outcome.findings]
    return content, changes, findings


def _check_field(item: Field, text: str, cleaner: Cleaner) -> list[Finding]:
    raw = text[item.start : item.end]
    literal = _Literal(raw, item.value, _record_ascii(text, item.start))
    return [_moved(f, literal, item.start, text) for f in cleaner.check(item.value)]


def _failed(found: Sequence[Field], exc: Exception) -> Problem:
    """The problem of a record whose cleaning raised `exc` (a bug, or a
    rule's limit): it is passed through as it came."""
    from arclean.errors import ArcleanError

    line = found[0].line if found else 0
    if isinstance(exc, ArcleanError):
        return Problem(line, f"could not be cleaned ({exc}); left unchanged")
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Problem(
        line, f"could not be cleaned (internal error, {reason}: please report it); left unchanged"
    )


def check_document(
    text: str, fields: Sequence[str], cleaner: Cleaner, progress: Progress | None = None
) -> tuple[list[Finding], list[Problem]]:
    """Everything the rules report on the `fields` of every record of
    `text` (document coordinates), and the records left out."""
    findings: list[Finding] = []
    problems: list[Problem] = []
    for found, problem in records(text, fields, progress):
        if problem is not None:
            problems.append(problem)
            continue
        try:
            findings += [f for item in found for f in _check_field(item, text, cleaner)]
        except Exception as exc:  # one record never takes down a run
            problems.append(_failed(found, exc))
    findings.sort(key=lambda f: (f.start, f.code))
    return findings, problems


def process(
    text: str,
    fields: Sequence[str],
    cleaner: Cleaner,
    *,
    check: bool,
    track: bool,
    progress: Progress | None = None,
) -> Document:
    """`fix_document`, or with `check` `check_document` as a `Document`
    (the text unchanged; `changed` when a finding is fixable)."""
    if not check:
        return fix_document(text, fields, cleaner, track=track, progress=progress)
    findings, problems = check_document(text, fields, cleaner, progress)
    changed = any(f.fixable for f in findings)
    return Document(text, changed, findings=findings, problems=problems)
