"""Fixes that would change a document's structure: found, left out, reported.

A fix inside Markdown, HTML or subtitle prose can, rarely, create or remove
markup: joining و in ``[الملحق](و الجداول)`` removes the only space of the
parentheses, which then read as a link destination.  The format's `verify`
catches it.  Rather than refuse the whole file, `without_structure_changes`
finds the changes that break the structure (in order, by bisection over the
changes kept so far, each check with the format's own `verify`), applies
every other change, and returns the left-out ones as findings that name
their rules and the structure they would change.  Changes that break it
only together lose the later one.  Were the kept changes still refused,
the original `StructureChanged` would stand.  The same bisection leaves out
the changes that write a character the output encoding has no byte for
(cp1256: a `verify` that raises `Unencodable`).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from arclean.engine import Outcome
from arclean.errors import ArcleanError, Unencodable
from arclean.text.edits import Change, Finding, apply_replacements

#: ``verify(before, after)``: raises `StructureChanged` (an `ArcleanError`).
Verify = Callable[[str, str], None]

#: Said of a change left out, after the rule's message, before the reason.
NOT_APPLIED = "not applied"
#: The reason of a change left out because `verify` refused the structure.
STRUCTURE = "it would change the document's structure"


def _problem(verify: Verify, text: str, changes: Sequence[Change]) -> str | None:
    """Why applying `changes` to `text` is refused, or None: the structure
    changed, or (`Unencodable`) the output encoding cannot hold the text."""
    try:
        verify(text, apply_replacements(text, changes))
    except Unencodable as exc:
        return str(exc)
    except ArcleanError as exc:
        return f"{STRUCTURE}: {exc}"
    return None


def _left_out(verify: Verify, text: str, changes: Sequence[Change]) -> list[tuple[Change, str]]:
    """The changes to leave out, each with the reason, so that the others
    together keep the structure: in order, the first change whose prefix of
    the kept ones breaks it (found by bisection, each check with `verify`)
    is left out, and the search goes on after it.  A change that breaks the
    structure only together with earlier ones (a ``[`` and a ``](u)`` making
    a link) is the one left out.  Each check parses the document twice:
    about 2 log2(n) checks per change left out."""
    kept: list[Change] = []
    rest = list(changes)
    out: list[tuple[Change, str]] = []
    while rest:
        if _problem(verify, text, kept + rest) is None:
            break
        lo, hi = 0, len(rest) - 1  # the smallest k with kept + rest[:k + 1] broken
        while lo < hi:
            mid = (lo + hi) // 2
            if _problem(verify, text, kept + rest[: mid + 1]) is None:
                lo = mid + 1
            else:
                hi = mid
        why = _problem(verify, text, kept + rest[: lo + 1]) or STRUCTURE
        kept += rest[:lo]
        out.append((rest[lo], why))
        rest = rest[lo + 1 :]
    return out


def without_structure_changes(
    text: str,
    outcome: Outcome,
    verify: Verify,
    message: Callable[[Sequence[str]], str],
) -> Outcome | None:
    """`outcome` (tracked changes of `text`, whose result `verify` refused)
    without the changes that break the structure (alone, or with changes
    before them: `_left_out`): those
    become findings (``fixable=False``; `message` of the rules' codes (the
    first names the finding, the others are said "with") followed
    by `NOT_APPLIED` and the reason): in `findings` at their place in the new
    text, in `left_out` at their place in `text`.  None when
    the remaining changes still break it (the caller refuses the file).
    The returned findings are the left-out changes only: what else remains
    is for the caller to look for in the new text."""
    bad = [([ch], why) for ch, why in _left_out(verify, text, outcome.changes)]
    left_out = {id(ch) for group, _why in bad for ch in group}
    kept = [ch for ch in outcome.changes if id(ch) not in left_out]
    new_text = apply_replacements(text, kept)
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
                f"{message(ch.codes or (code,))} ({NOT_APPLIED}: {why})",
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
