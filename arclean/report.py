"""Showing what changed and what was found: unified diffs, one-line findings,
JSON, GitHub annotations, and readable change listings for people.

Nothing here writes to a stream by itself: functions return strings (or
rich renderables), and the command line decides where they go.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import regex

from arclean.chars import char_name, needs_names, visible
from arclean.text.edits import Change, Finding, LineIndex

OUTPUT_FORMATS = ("full", "concise", "json", "github", "sarif")


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff that ``patch -p1`` and ``git apply`` accept, with the
    ``\\ No newline at end of file`` marker where it applies."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    display = _diff_path(path)
    out: list[str] = []
    for line in difflib.unified_diff(
        old_lines, new_lines, fromfile=f"a/{display}", tofile=f"b/{display}", n=3
    ):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
            continue
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _diff_path(path: str) -> str:
    """The path as the diff names it: relative to the current folder when the
    file is below it, so that `patch -p1` and `git apply` find it."""
    if path == "-":
        return "<stdin>"
    import os

    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here + os.sep):
        return os.path.relpath(absolute, here).replace(os.sep, "/")
    return path.lstrip("/").replace(os.sep, "/")


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------


def _location(index: LineIndex, finding: Finding) -> tuple[int, int, int, int]:
    line, col = index.line_col(finding.start)
    end_line, end_col = index.line_col(finding.end)
    return line, col, end_line, end_col


def format_concise(path: str, text: str, findings: Sequence[Finding]) -> str:
    """``path:line:col: CODE [*] message``, one finding a line; ``[*]`` marks
    what `arclean fix` would fix."""
    index = LineIndex(text)
    lines = []
    for finding in findings:
        line, col, _, _ = _location(index, finding)
        mark = " [*]" if finding.fixable else ""
        detail = ""
        if finding.fixable and finding.new is not None:
            detail = f" ({_describe(finding.old, finding.new)})"
        lines.append(f"{path}:{line}:{col}: {finding.code}{mark} {finding.message}{detail}")
    return "".join(line + "\n" for line in lines)


def format_full(path: str, text: str, findings: Sequence[Finding]) -> str:
    """Concise lines, each followed by the source line and a caret under the
    spot (positions counted in characters, not in display columns)."""
    index = LineIndex(text)
    out = []
    for finding in findings:
        line, col, _, _ = _location(index, finding)
        mark = " [*]" if finding.fixable else ""
        out.append(f"{path}:{line}:{col}: {finding.code}{mark} {finding.message}")
        if finding.fixable and finding.new is not None:
            out.append(f"  fix: {_describe(finding.old, finding.new)}")
        source = index.line_text(line)
        if len(source) > 160:
            lo = max(0, col - 60)
            source = ("…" if lo else "") + source[lo : lo + 120] + "…"
        out.append(f"  | {source}")
    return "".join(line + "\n" for line in out)


def _located(
    entries: Iterable[tuple[str, str, Finding]],
) -> Iterator[tuple[str, Finding, tuple[int, int, int, int]]]:
    """Each finding with its line and column span, one line index per text."""
    indexes: dict[str, LineIndex] = {}
    for path, text, finding in entries:
        index = indexes.get(path)
        if index is None or index.text is not text:
            index = indexes[path] = LineIndex(text)
        yield path, finding, _location(index, finding)


def findings_json(entries: Iterable[tuple[str, str, Finding]]) -> str:
    """JSON array with ruff's field names; columns are 1-based code points."""
    items: list[dict[str, Any]] = []
    for path, finding, (line, col, end_line, end_col) in _located(entries):
        items.append(
            {
                "code": finding.code,
                "message": finding.message,
                "level": finding.level,
                "filename": path,
                "location": {"row": line, "column": col},
                "end_location": {"row": end_line, "column": end_col},
                "fix": (
                    {
                        "applicability": "safe",
                        "edits": [
                            {
                                "content": finding.new,
                                "location": {"row": line, "column": col},
                                "end_location": {"row": end_line, "column": end_col},
                            }
                        ],
                    }
                    if finding.fixable and finding.new is not None
                    else None
                ),
                "original": finding.old,
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_github(value: str, *, property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(path: str, text: str, findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    index = LineIndex(text)
    out = []
    for finding in findings:
        line, col, end_line, end_col = _location(index, finding)
        level = {"error": "error", "warning": "warning"}.get(finding.level, "notice")
        props = (
            f"title={_escape_github(f'arclean ({finding.code})', property=True)},"
            f"file={_escape_github(path, property=True)},line={line},col={col},"
            f"endLine={end_line},endColumn={end_col}"
        )
        out.append(f"::{level} {props}::{_escape_github(f'{finding.code} {finding.message}')}")
    return "".join(line + "\n" for line in out)


# ---------------------------------------------------------------------------
# Changes, for people
# ---------------------------------------------------------------------------

_WORDS_BEFORE = regex.compile(r"(?:\S+[^\S\n]+){0,2}\S*\Z")
_WORDS_AFTER = regex.compile(r"\A\S*(?:[^\S\n]+\S+){0,2}")


def _describe(old: str, new: str) -> str:
    """``old → new`` with invisible characters made visible."""
    return f"{visible(old) or '∅'} → {visible(new) or '∅'}"


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to two words on each side of ``text[start:end]``, on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    before_text = text[max(line_start, start - 80) : start]
    after_text = text[end : min(line_end, end + 80)].rstrip("\r")
    before = _WORDS_BEFORE.search(before_text)
    after = _WORDS_AFTER.search(after_text)
    return (before.group() if before else ""), (after.group() if after else "")


def name_lines(old: str, new: str) -> list[str]:
    """``- U+0640 ARABIC TATWEEL ×3`` / ``+ ...`` lines: the characters removed
    and added, or every character of both sides when the change only reorders."""
    if sorted(old) == sorted(new):
        lines = [f"- {char_name(c)}" for c in old] + [f"+ {char_name(c)}" for c in new]
    else:
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        lines = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            lines.extend(f"- {char_name(c)}" for c in old[i1:i2])
            lines.extend(f"+ {char_name(c)}" for c in new[j1:j2])
    # Runs of the same line (three tatweels) are shown once, with a count.
    grouped: list[str] = []
    count = 0
    for i, line in enumerate(lines):
        count += 1
        if i + 1 == len(lines) or lines[i + 1] != line:
            grouped.append(f"{line} ×{count}" if count > 1 else line)
            count = 0
    return grouped


def change_rows(path: str, text: str, changes: Sequence[Change]) -> list[dict[str, Any]]:
    """Everything needed to show each change: location, codes, context, the
    two sides, and code point names when the glyphs alone would not tell."""
    index = LineIndex(text)
    rows = []
    for change in changes:
        line, col = index.line_col(change.start)
        before, after = context(text, change.start, change.end)
        rows.append(
            {
                "location": f"{path}:{line}:{col}",
                "codes": ",".join(change.codes),
                "before": before,
                "old": change.old,
                "new": change.new,
                "after": after,
                "names": name_lines(change.old, change.new)
                if needs_names(change.old, change.new)
                else [],
            }
        )
    return rows


def render_changes_plain(rows: Sequence[dict[str, Any]]) -> str:
    """Change listing without escape codes: ``[-old-]{+new+}`` as in git's
    word diff.  Text is never reordered for display."""
    out = []
    for row in rows:
        body = f"{row['before']}[-{visible(row['old'])}-]{{+{visible(row['new'])}+}}{row['after']}"
        out.append(f"{row['location']} {row['codes']}  {body}")
        out.extend(f"    {name}" for name in row["names"])
    return "".join(line + "\n" for line in out)


def render_changes_rich(rows: Sequence[dict[str, Any]]) -> list[Any]:
    """The same listing as rich `Text` lines: old struck in red, new
    underlined in green (still marked without colour)."""
    from rich.text import Text

    lines = []
    for row in rows:
        text = Text()
        text.append(row["location"], style="bold")
        text.append(" ")
        text.append(row["codes"], style="cyan")
        text.append("  ")
        text.append(row["before"])
        text.append(visible(row["old"]) or "∅", style="red strike")
        text.append(visible(row["new"]) or "∅", style="green underline")
        text.append(row["after"])
        lines.append(text)
        for name in row["names"]:
            lines.append(Text("    " + name, style="red" if name.startswith("-") else "green"))
    return lines


def findings_sarif(entries: Iterable[tuple[str, str, Finding]], rules: dict[str, Any]) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    from arclean import __version__

    results = []
    used: dict[str, dict[str, Any]] = {}
    for path, finding, (line, col, end_line, end_col) in _located(entries):
        rule = rules.get(finding.code)
        used.setdefault(
            finding.code,
            {
                "id": finding.code,
                "name": getattr(rule, "slug", finding.code),
                "shortDescription": {"text": getattr(rule, "message", finding.message)},
                "fullDescription": {
                    "text": (getattr(rule, "description", "") or "").strip()
                    or getattr(rule, "message", finding.message)
                },
            },
        )
        results.append(
            {
                "ruleId": finding.code,
                "level": {"error": "error", "warning": "warning"}.get(finding.level, "note"),
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": path},
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                            },
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "arclean",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/arclean/",
                        "rules": list(used.values()),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_findings(output_format: str, path: str, text: str, findings: Sequence[Any]) -> str:
    """Findings of one file (or, for json and sarif, (path, text, finding)
    entries of all files) in the chosen output format."""
    if output_format == "json":
        return findings_json(findings)
    if output_format == "sarif":
        from arclean.ruleset import RuleSet

        rules = {r.code: r for r in RuleSet.load().rules}
        return findings_sarif(findings, rules)
    if output_format == "github":
        return format_github(path, text, findings)
    if output_format == "full":
        return format_full(path, text, findings)
    return format_concise(path, text, findings)
