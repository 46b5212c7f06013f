"""Findings for programs: JSON (ruff's field names) and SARIF 2.1.0.

Rows and columns are 1-based; columns count code points.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from arclean.report.findings import located, message_of
from arclean.text.display import buckwalter, escape_bidi
from arclean.text.edits import Finding


def findings_json(entries: Iterable[tuple[str, str, Finding]]) -> str:
    """A JSON array, one object per ``(path, text, finding)`` entry, with
    ruff's field names: ``code``, ``message``, ``level``, ``filename``,
    ``location`` and ``end_location`` (``{"row", "column"}``), ``fix``
    (``{"applicability", "edits": [{"content", "content_buckwalter",
    "location", "end_location"}]}`` or null when `fix` cannot change it),
    ``original_buckwalter`` and ``original`` (the text found).

    The ``*_buckwalter`` fields repeat ``original`` and ``content`` in
    Buckwalter transliteration (`arclean.chars.buckwalter`), an ASCII view
    for tools and terminals that cannot show Arabic.  Ends with a newline.
    """
    items: list[dict[str, Any]] = []
    for path, finding, (line, col, end_line, end_col) in located(entries):
        fix: dict[str, Any] | None = None
        if finding.new is not None:
            fix = {
                "applicability": finding.applicability or "safe",
                "edits": [
                    {
                        "content": finding.new,
                        "content_buckwalter": buckwalter(finding.new),
                        "location": {"row": line, "column": col},
                        "end_location": {"row": end_line, "column": end_col},
                    }
                ],
            }
        items.append(
            {
                "code": finding.code,
                "message": message_of(finding),
                "level": finding.level,
                "filename": path,
                "location": {"row": line, "column": col},
                "end_location": {"row": end_line, "column": end_col},
                "fix": fix,
                "original_buckwalter": buckwalter(finding.old),
                "original": finding.old,
            }
        )
    return escape_bidi(json.dumps(items, ensure_ascii=False, indent=2), json=True) + "\n"


def findings_sarif(
    entries: Iterable[tuple[str, str, Finding]],
    rules: Mapping[str, Any],
    errors: Iterable[str] = (),
) -> str:
    """A SARIF 2.1.0 log of one run, for code-scanning dashboards: one result
    per ``(path, text, finding)`` entry, and a rule entry for each code used,
    described from `rules` (code to `Rule`; a code missing there is
    described by its finding's message).  ``columnKind`` is
    ``unicodeCodePoints``; URIs are percent-encoded; a result's
    ``properties.fixApplicability`` is ``safe`` or ``unsafe`` when a rule can
    fix it.  `errors` (files that could not be checked) become the
    invocation's notifications.  Ends with a newline."""
    from arclean.version import version

    problems = list(errors)
    results = []
    used: dict[str, dict[str, Any]] = {}
    for path, finding, (line, col, end_line, end_col) in located(entries):
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
                "properties": {"fixApplicability": finding.applicability}
                if finding.new is not None
                else {},
                "message": {"text": message_of(finding)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
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
                        "version": version(),
                        "informationUri": "https://pypi.org/project/arclean/",
                        "rules": list(used.values()),
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not problems,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": text}} for text in problems
                        ],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return escape_bidi(json.dumps(log, ensure_ascii=False, indent=2), json=True) + "\n"


def _uri(path: str) -> str:
    """`path` as a relative URI: ``/`` between parts, each byte beyond ASCII
    percent-encoded, a byte of a name that is not UTF-8 (a lone surrogate,
    Python's surrogateescape) as itself (``%FF``)."""
    return quote(path.replace(os.sep, "/").encode("utf-8", "surrogateescape"))
