"""Fixes that would change a document's structure: found, left out, reported.

A fix inside Markdown, HTML or subtitle prose can, rarely, create or remove
markup: joining و in ``[الملحق](و الجداول)`` removes the only space of the
parentheses, which then read as a link destination.  The format's `verify`
catches it.  Rather than refuse the whole file, `without_structure_changes`
finds the changes that break the structure (bisecting them, each half
checked with the format's own `verify`), applies every other change, and
returns the left-out ones as
findings that name their rules and the structure they would change.  Only
when no split helps (the changes break the structure together) does the
original `StructureChanged` stand.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from arclean.engine import Outcome
from arclean.errors import ArcleanError
from arclean.text.edits import Change, Finding

#: ``verify(before, after)``: raises `StructureChanged` (an `ArcleanError`).
Verify = Callable[[str, str], None]

#: Said of a change left out, after the rule's message.
NOT_APPLIED = "not applied: it would change the document's structure"


def _apply(text: str, changes: Sequence[Change]) -> str:
    """`text` with `changes` (sorted, in its coordinates) applied."""
    pieces: list[str] = []
    cursor = 0
    for ch in changes:
        pieces += (text[cursor : ch.start], ch.new)
        cursor = ch.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _problem(verify: Verify, text: str, changes: Sequence[Change]) -> str | None:
    """Why applying `changes` to `text` breaks its structure, or None."""
    try:
        verify(text, _apply(text, changes))
    except ArcleanError as exc:
        return str(exc)
    return None


def _breaking(
    verify: Verify, text: str, groups: list[list[Change]]
) -> list[tuple[list[Change], str]] | None:
    """The groups that break the structure on their own, each with the
    reason, found by bisection (`groups` together are known to break it);
    None when no single group does (they break it only together).  Each
    check parses the document twice: about 2 log2(n) checks per group found."""
    if len(groups) == 1:
        why = _problem(verify, text, groups[0])
        return [(groups[0], why)] if why is not None else None
    half = len(groups) // 2
    found: list[tuple[list[Change], str]] = []
    for part in (groups[:half], groups[half:]):
        if _problem(verify, text, [ch for g in part for ch in g]) is not None:
            found += _breaking(verify, text, part) or []
    return found or None


def without_structure_changes(
    text: str,
    outcome: Outcome,
    verify: Verify,
    message: Callable[[str], str],
) -> Outcome | None:
    """`outcome` (tracked changes of `text`, whose result `verify` refused)
    without the changes that break the structure on their own: those
    become findings (``fixable=False``; `message` of the rule's code followed
    by `NOT_APPLIED` and the reason): in `findings` at their place in the new
    text, in `left_out` at their place in `text`.  None when
    the remaining changes still break it (the caller refuses the file).
    The returned findings are the left-out changes only: what else remains
    is for the caller to look for in the new text."""
    bad = _breaking(verify, text, [[ch] for ch in outcome.changes])
    if bad is None:
        return None
    left_out = {id(ch) for group, _why in bad for ch in group}
    kept = [ch for ch in outcome.changes if id(ch) not in left_out]
    new_text = _apply(text, kept)
    if _problem(verify, text, kept) is not None:
        return None
    # Positions of the left-out changes in the new text.
    ends = [ch.end for ch in kept]
    growth = [0]
    for ch in kept:
        growth.append(growth[-1] + len(ch.new) - (ch.end - ch.start))
    findings: list[Finding] = []
    at_input: list[Finding] = []
    for group, why in bad:
        for ch in group:
            shift = growth[bisect.bisect_right(ends, ch.start)]
            code = ch.codes[0] if ch.codes else "AR000"
            finding = Finding(
                ch.start,
                ch.end,
                code,
                f"{message(code)} ({NOT_APPLIED}: {why})",
                "warning",
                fixable=False,
                old=ch.old,
            )
            at_input.append(finding)
            findings.append(
                dataclasses.replace(finding, start=ch.start + shift, end=ch.end + shift)
            )
    findings.sort(key=lambda f: (f.start, f.code))
    at_input.sort(key=lambda f: (f.start, f.code))
    return Outcome(new_text, kept, findings, changed=new_text != text, left_out=at_input)
