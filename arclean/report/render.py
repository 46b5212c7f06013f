"""Findings in any output format: the one dispatch over `OUTPUT_FORMATS`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from arclean.report.findings import format_concise, format_full, format_github


def render_findings(
    output_format: str,
    path: str,
    text: str,
    findings: Sequence[Any],
    errors: Sequence[str] = (),
) -> str:
    """Findings in `output_format` (one of `arclean.report.OUTPUT_FORMATS`).

    For ``concise``, ``full`` and ``github``: the `Finding` objects of one
    file, `path` and `text` being that file's label and text.  For ``json``
    and ``sarif``: ``(path, text, finding)`` entries of every file at once
    (`path` and `text` are then unused).  An unknown format is treated as
    ``concise``.  ``sarif`` loads the built-in rule set for the rule
    descriptions, and so may raise what `RuleSet.load` raises; it lists
    `errors` (messages of files that could not be checked) too.
    """
    if output_format == "json":
        from arclean.report.machine import findings_json

        return findings_json(findings)
    if output_format == "sarif":
        from arclean.report.machine import findings_sarif
        from arclean.ruleset import RuleSet

        rules = {r.code: r for r in RuleSet.load().rules}
        return findings_sarif(findings, rules, errors)
    if output_format == "github":  # the name shown as below (`github_file`)
        return format_github(path, text, findings)
    from arclean.report.diff import shown_name

    # a name holding a line break or an escape stays on its line, quoted as git
    # does; a bidi control in it is shown by name
    if output_format == "full":
        return format_full(shown_name(path), text, findings)
    return format_concise(shown_name(path), text, findings)


def render_error(output_format: str, message: str, path: str | None = None) -> str:
    """A file that could not be checked, for the ``github`` format (an
    ``::error`` annotation naming the file `path`, which `message` starts
    with; without `path`, what comes before the first ``: ``); empty for
    the others, whose errors go to stderr (and into the SARIF log).  The
    name is shown as in the findings' annotations (`github_file`), and bidi
    controls in the message are named, as on stderr."""
    if output_format != "github":
        return ""
    from arclean.report.findings import _escape_github, github_file
    from arclean.text.display import escape_bidi

    if path is None or not message.startswith(path + ": "):
        path, sep, _ = message.partition(": ")
        path = path if sep else ""
    props = f"title=arclean,file={github_file(path)}" if path else "title=arclean"
    return f"::error {props}::{_escape_github(escape_bidi(message))}\n"
