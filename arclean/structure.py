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

Rules whose changes touch are tracked as one change (a number AR703 writes
in ٠-٩ and the space AR101 takes from before the ، after it).  When such a
change is left out, the rules are run again without each of its rules in
turn (`Rerun`): the first run whose changes there are accepted is kept, and
only the rule it ran without is left out.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence

from arclean.engine import Outcome
from arclean.errors import ArcleanError, Unencodable
from arclean.text.edits import Change, Finding, apply_replacements

#: ``verify(before, after)``: raises `StructureChanged` (an `ArcleanError`).
Verify = Callable[[str, str], None]
#: ``rerun(code)``: the fix of the same text by the same rules less `code`
#: (changes tracked).
Rerun = Callable[[str], Outcome]

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


def _split(
    text: str, kept: list[Change], bad: list[tuple[Change, str]], verify: Verify, rerun: Rerun
) -> tuple[list[Change], list[tuple[Change, str]]]:
    """`kept` and `bad` after splitting each left-out change that several
    rules made: the changes inside it of a run without one of its rules
    that `verify` accepts with `kept` are kept too, and only that rule's
    part is left out (the whole change, in its name).  The rules are tried
    most frequent among those changes first, each for all of them together
    (one check: AR703 in each of a cp1256 file's); then, for the changes
    still whole, one change at a time."""
    tally = Counter(code for ch, _why in bad if len(ch.codes) > 1 for code in ch.codes)
    out = list(bad)
    runs: dict[str, list[Change]] = {}
    for together in (True, False):
        for code, _n in tally.most_common():
            todo = [i for i, (ch, _why) in enumerate(out) if len(ch.codes) > 1 and code in ch.codes]
            if not todo:
                continue
            if code not in runs:
                runs[code] = rerun(code).changes
            inside = {i: found for i in todo if (found := _within(runs[code], out[i][0]))}
            groups = [list(inside)] if together else [[i] for i in inside]
            for group in groups:
                trial = sorted([*kept, *(c for i in group for c in inside[i])], key=_at)
                if group and _problem(verify, text, trial) is None:
                    kept = trial
                    for i in group:
                        out[i] = (dataclasses.replace(out[i][0], codes=(code,)), out[i][1])
    return kept, out


def _within(changes: Sequence[Change], region: Change) -> list[Change]:
    """The `changes` (sorted) inside `region`."""
    i = bisect.bisect_left(changes, region.start, key=lambda c: c.start)
    found = []
    while i < len(changes) and changes[i].start <= region.end:
        if changes[i].end <= region.end:
            found.append(changes[i])
        i += 1
    return found


def _at(change: Change) -> tuple[int, int]:
    return change.start, change.end


def without_structure_changes(
    text: str,
    outcome: Outcome,
    verify: Verify,
    message: Callable[[Sequence[str]], str],
    rerun: Rerun | None = None,
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
    is for the caller to look for in the new text.  With `rerun`, a change
    several rules made is left out in the name of one rule only when the
    others' changes there can be kept (`_split`)."""
    out = _left_out(verify, text, outcome.changes)
    left_out = {id(ch) for ch, _why in out}
    kept = [ch for ch in outcome.changes if id(ch) not in left_out]
    if _problem(verify, text, kept) is not None:
        return None
    if rerun is not None and any(len(ch.codes) > 1 for ch, _why in out):
        kept, out = _split(text, kept, out, verify, rerun)
    bad = [([ch], why) for ch, why in out]
    new_text = apply_replacements(text, kept)
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
            hint = ""
            if why.startswith(STRUCTURE):
                # the text may be right as it is: say how `check` stops asking
                codes = " ".join(ch.codes or (code,))
                hint = f"; to keep it, put <!-- arclean-disable-next-line {codes} --> above it"
            finding = Finding(
                ch.start,
                ch.end,
                code,
                f"{message(ch.codes or (code,))} ({NOT_APPLIED}: {why}{hint})",
                "warning",
                fixable=False,
                old=ch.old,
            )
            at_input.append(finding)
            end = ch.end + growth[bisect.bisect_right(ends, ch.end)]  # with the kept inside
            findings.append(dataclasses.replace(finding, start=ch.start + shift, end=end))
    findings.sort(key=lambda f: (f.start, f.code))
    at_input.sort(key=lambda f: (f.start, f.code))
    return Outcome(new_text, kept, findings, changed=new_text != text, left_out=at_input)
