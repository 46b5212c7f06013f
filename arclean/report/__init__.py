"""Showing what changed and what was found: unified diffs (`diff`), findings
for people and CI logs (`findings`), JSON and SARIF (`machine`), and change
listings for people (`changes`).

Nothing here writes to a stream or exits: functions return strings (or rich
renderables), and the command line decides where they go.  Offsets are in
code points; lines and columns are 1-based, columns counting code points.

Importing this package costs next to nothing (the command line reads
`OUTPUT_FORMATS` at start-up): the names below are loaded from their
modules on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: The values of `arclean check --output-format`; the first is not the default
#: (``concise`` is).
OUTPUT_FORMATS = ("full", "concise", "json", "github", "sarif")

if TYPE_CHECKING:
    from arclean.report.changes import (
        ChangeRow,
        change_names,
        change_rows,
        context,
        describe,
        name_lines,
        render_changes_plain,
        render_changes_rich,
    )
    from arclean.report.diff import unified_diff
    from arclean.report.findings import (
        format_concise,
        format_full,
        format_github,
    )
    from arclean.report.machine import findings_json, findings_sarif
    from arclean.report.render import render_error, render_findings

_LAZY = {
    "ChangeRow": "changes",
    "change_names": "changes",
    "change_rows": "changes",
    "context": "changes",
    "describe": "changes",
    "name_lines": "changes",
    "render_changes_plain": "changes",
    "render_changes_rich": "changes",
    "unified_diff": "diff",
    "format_concise": "findings",
    "format_full": "findings",
    "format_github": "findings",
    "render_findings": "render",
    "render_error": "render",
    "findings_json": "machine",
    "findings_sarif": "machine",
}

__all__ = [
    "OUTPUT_FORMATS",
    "ChangeRow",
    "change_names",
    "change_rows",
    "context",
    "describe",
    "findings_json",
    "findings_sarif",
    "format_concise",
    "format_full",
    "format_github",
    "name_lines",
    "render_changes_plain",
    "render_changes_rich",
    "render_error",
    "render_findings",
    "unified_diff",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
