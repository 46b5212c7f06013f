"""Findings for people and CI logs: one line each (`concise`), with the
source line under it (`full`), or as GitHub Actions annotations (`github`).

Positions are 1-based lines and 1-based columns counted in code points.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from arclean.chars import BIDI_CONTROLS, BIDI_MARKS
from arclean.report.changes import describe
from arclean.text.display import char_name, escape_bidi
from arclean.text.edits import Finding, LineIndex


def message_of(finding: Finding) -> str:
    """The finding's message, naming the bidi controls it is about
    (``... (U+202E RIGHT-TO-LEFT OVERRIDE)``), for every output format."""
    controls = dict.fromkeys(ch for ch in finding.old if ch in BIDI_CONTROLS or ch in BIDI_MARKS)
    if not controls:
        return finding.message
    return f"{finding.message}: {', '.join(char_name(ch) for ch in controls)}"


#: ``(line, column, end_line, end_column)``, all 1-based; columns in code
#: points, the end exclusive.
Span = tuple[int, int, int, int]


def locate(index: LineIndex, finding: Finding) -> Span:
    """Where `finding` starts and ends in the text `index` was built on."""
    line, col = index.line_col(finding.start)
    end_line, end_col = index.line_col(finding.end)
    return line, col, end_line, end_col


def located(entries: Iterable[tuple[str, str, Finding]]) -> Iterator[tuple[str, Finding, Span]]:
    """``(path, finding, span)`` for each ``(path, text, finding)`` entry,
    building one line index per text (entries of one file come together)."""
    indexes: dict[str, LineIndex] = {}
    for path, text, finding in entries:
        index = indexes.get(path)
        if index is None or index.text is not text:
            index = indexes[path] = LineIndex(text)
        yield path, finding, locate(index, finding)


def format_concise(path: str, text: str, findings: Sequence[Finding]) -> str:
    """``path:line:col: CODE [*] message (old → new)``, one finding a line;
    ``[*]`` marks what `arclean fix` would fix, and the parenthesis shows its
    fix.  Empty for no findings."""
    index = LineIndex(text)
    lines = []
    for finding in findings:
        line, col, _, _ = locate(index, finding)
        mark = " [*]" if finding.fixable else ""
        detail = ""
        if finding.new is not None:
            detail = f" ({describe(finding.old, finding.new)})"
        lines.append(f"{path}:{line}:{col}: {finding.code}{mark} {message_of(finding)}{detail}")
    return "".join(line + "\n" for line in lines)


def format_full(path: str, text: str, findings: Sequence[Finding]) -> str:
    """Each concise line (without the fix), then ``  fix: old → new`` for a
    fixable finding (``  unsafe fix (--unsafe-fixes): ...`` for one `fix`
    leaves) and ``  | `` with its source line (cut to about 120 characters
    around the spot when longer than 160; bidi controls escaped)."""
    index = LineIndex(text)
    out = []
    for finding in findings:
        line, col, _, _ = locate(index, finding)
        mark = " [*]" if finding.fixable else ""
        out.append(f"{path}:{line}:{col}: {finding.code}{mark} {message_of(finding)}")
        if finding.new is not None:
            label = "fix" if finding.fixable else "unsafe fix (--unsafe-fixes)"
            out.append(f"  {label}: {describe(finding.old, finding.new)}")
        source = index.line_text(line)
        if len(source) > 160:
            lo = max(0, col - 60)
            source = ("…" if lo else "") + source[lo : lo + 120] + "…"
        out.append(f"  | {escape_bidi(source)}")
    return "".join(line + "\n" for line in out)


def _escape_github(value: str, *, property: bool = False) -> str:
    """`value` escaped as GitHub's workflow commands require: ``%``, CR and
    LF everywhere, and ``:`` and ``,`` in a property (``file=...``)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_file(path: str) -> str:
    """The ``file=`` property of an annotation: `path` as every output for
    people shows it (`arclean.report.diff.shown_name`: quoted as git quotes
    a name holding a control character, bidi controls named), escaped as
    workflow commands require.  An ordinary name is the real path, and
    GitHub attaches the annotation to the file; a name holding a bidi or
    other control character is not written raw (it could reorder or drive
    the terminal or log showing the output), and its annotation is listed
    with the run, attached to no file (B15)."""
    from arclean.report.diff import shown_name

    return _escape_github(shown_name(path), property=True)


def format_github(path: str, text: str, findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands, one ``::level ...::message``
    annotation a line; levels error and warning are kept, others become
    notice.  `path` is the file's real name (`github_file` shows it)."""
    index = LineIndex(text)
    out = []
    for finding in findings:
        line, col, end_line, end_col = locate(index, finding)
        level = {"error": "error", "warning": "warning"}.get(finding.level, "notice")
        props = (
            f"title={_escape_github(f'arclean ({finding.code})', property=True)},"
            f"file={github_file(path)},line={line},col={col},"
            f"endLine={end_line},endColumn={end_col}"
        )
        out.append(f"::{level} {props}::{_escape_github(f'{finding.code} {message_of(finding)}')}")
    return "".join(line + "\n" for line in out)
