"""The rule engine: applies compiled rules inside prose spans, records every
change with the rule that made it, and repeats until nothing changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from arclean.compiled import CompiledRule
from arclean.errors import ConvergenceError, GrowthError
from arclean.guard import Guard
from arclean.ruleset import Rule
from arclean.text.dirty import coarsen, move_dirty
from arclean.text.edits import (
    Change,
    ChangeMap,
    Finding,
    apply_replacements,
    merge_sorted,
)
from arclean.text.masks import link_ranges, protected_ranges
from arclean.text.spans import (
    Range,
    Span,
    shift_spans,
)
from arclean.text.windows import (
    Shift,
    changed_ranges,
    line_windows,
)
from arclean.triggers import SHORT_TEXT, Triggers

#: How many rounds of fixes before we call it a loop.
MAX_ROUNDS = 10
#: Fixes may grow a text to this many times its length (plus `GROWTH_SLACK`
#: characters) before the rule growing it is stopped.
GROWTH_FACTOR = 8
GROWTH_SLACK = 4096
#: The ranges of a rule that saw the text as it is: one list for all of
#: them (never changed in place), so that a change moves it once.
_SEEN: list[Range] = []


@dataclass(frozen=True)
class Outcome:
    """The result of running rules over a text."""

    text: str
    changes: list[Change]
    findings: list[Finding]
    #: The text differs from the input (true even when changes were not tracked).
    changed: bool = False
    #: Changes left out because they would change the document's structure
    #: or write a character the output encoding lacks (`arclean.structure`),
    #: as findings at their place in the input text
    #: (`findings` holds them too, at their place in the new text).
    left_out: list[Finding] = field(default_factory=list)


def _convergence(recent: list[str]) -> ConvergenceError:
    return ConvergenceError(
        f"fixes did not settle after {MAX_ROUNDS} rounds; rules still changing "
        f"the text: {', '.join(sorted(set(recent)))}. Either they undo each other "
        "(then --ignore one of them) or a rule keeps rewriting its own output "
        "(a bug in that rule: please report it); the text was left untouched."
    )


class Engine:
    """Runs a fixed list of rules.  Build it once and reuse it: rules are
    compiled here, not per text."""

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        unsafe_fixes: bool = False,
        index: bool = False,
        mostly_other: bool | None = None,
        vowelled: bool | None = None,
    ) -> None:
        self.rules = list(rules)
        self.unsafe_fixes = unsafe_fixes
        self.fixers = [
            CompiledRule(r) for r in self.rules if r.fixes and (r.safety == "safe" or unsafe_fixes)
        ]
        #: The output is a search index (`INDEX_PROFILES`): every rule keeps
        #: out of links only, and folds and mends Quran quotations too.
        #: Otherwise every rule keeps out of the quotations, a search fold
        #: selected into the profile as well (folded, a vowelled {…} would
        #: read as prose to the next run, which would then edit it).
        self.index = index
        #: A search fold is selected into another profile: the lines'
        #: languages are taken before it writes Persian letters as Arabic.
        self.folding = not index and any(f.search_only for f in self.fixers)
        #: The texts are in another language of the Arabic script as a
        #: whole (`Guard.mostly_other`); None: decided on each text.
        self.mostly_other = mostly_other
        #: The texts are parts of one vowelled throughout (a chunk of a
        #: stream, `arclean.text.quran.vowelled_throughout`); None: decided
        #: on each text.
        self.vowelled = vowelled
        # Unsafe fixes that may not be applied are still reported.
        self.reporters = [
            CompiledRule(r)
            for r in self.rules
            if not r.fixes or (r.safety == "unsafe" and not unsafe_fixes)
        ]
        self._triggers = Triggers(self.fixers)
        self._report_triggers = Triggers(self.reporters)

    # -- spans -------------------------------------------------------------

    def fix(
        self,
        text: str,
        spans: Sequence[Span] | None = None,
        *,
        track: bool = True,
        report: bool = True,
    ) -> Outcome:
        """Apply every fix until the text stops changing; report what remains
        (with ``report=False`` the findings are not looked for: empty).

        `spans` are the prose regions of `text` (all of it by default); they
        move with the text as rules change it.
        """
        original = text
        base = list(spans) if spans is not None else ([Span(0, len(text))] if text else [])
        changes = ChangeMap() if track else None
        # A search index folds Quran quotations too (it must match an
        # unvowelled query) and keeps out of links only; an edited text
        # keeps the quotations as written, whatever rules are selected.
        protected = link_ranges(text) if self.index else protected_ranges(text, self.vowelled)
        guard = Guard(text, protected, self.mostly_other)
        if self.index or self.folding:
            guard.languages_now()  # before a fold writes Persian letters as Arabic
        # Rules run in order, round after round, until every rule has seen
        # the current text and left it alone; a rule that already saw the
        # final text is not run again for nothing.
        fixers = self.fixers
        count = len(fixers)
        triggers = self._triggers
        # For each rule, the ranges changed since it last ran (None: it has
        # not run yet, so all of the text is new to it; `_SEEN`, one list
        # shared by every rule that saw the text as it is: moved once for all).
        dirty: list[list[Range] | None] = [None] * count
        # For each rule, whether the text is known to hold none of its trigger
        # characters: then only a change that writes one can make it present
        # (looked for in the new text of the changes, not in the whole text).
        # The trigger characters the text holds (`Triggers.held`), found once
        # per version of a short text for all the rules (None: not yet).
        held: frozenset[str] | None = None
        small = len(text) <= SHORT_TEXT
        if small:
            # Known at once for the rules with a few trigger characters:
            # the text holds none of them, nor will before a change writes one.
            held = triggers.held(text)
            absent = triggers.absent(held)
        else:
            absent = [False] * count
        quiet = 0  # rules in a row that saw the current text and changed nothing
        applied = 0
        recent: list[str] = []
        limit = MAX_ROUNDS * count
        # For each rule, whether its next turn may do anything: not `absent`,
        # and the text changed since it last ran.  The turns of the others
        # (most rules, on a short text) are taken all at once.  One more
        # entry, always true, ends the round.
        pending = [not out for out in absent]
        pending.append(True)
        while quiet < count:
            index = applied % count
            if applied and index == 0 and guard._no_script is not None:
                # Lines may have become Arabic (encoding repair): look again
                # once a round, at the lines the round changed (what the first
                # rule has not seen); within a round the line map only moves.
                since = dirty[0]
                window = line_windows(text, since) if since is not None else None
                guard = guard.refreshed(text, protected, window)
            turn = pending.index(True, index)
            if turn > index:
                # Rules that saw the text as it is, or hold none of their
                # triggers: each turn leaves the text alone.
                skipped = min(turn - index, count - quiet)
                applied += skipped
                if applied > limit:
                    raise _convergence(recent)
                quiet += skipped
                dirty[index : index + skipped] = [_SEEN] * skipped
                if turn == count or quiet >= count:
                    continue  # the round's end, or every rule has seen the text
                index = turn
            applied += 1
            if applied > limit:
                raise _convergence(recent)
            seen = dirty[index]
            dirty[index] = _SEEN
            pending[index] = False
            fixer = fixers[index]
            if triggers.sets[index] is not None:
                if small and held is None:
                    held = triggers.held(text)
                if not triggers.may_match(index, fixer, text, held if small else None):
                    absent[index] = True
                    quiet += 1
                    continue
            # A rule with a scan keeps to its line: after its first run it
            # looks again only at the lines changed since (any other rule
            # sees the whole text every time).
            lines = line_windows(text, seen) if seen is not None and fixer.local else None
            if changes is None and fixer.fold is not None:
                # Characters for characters: no replacement objects, and
                # nothing moves (changes are not recorded here).
                folded = fixer.fold_text(text, base, guard, lines)
                if folded is None:
                    quiet += 1
                    continue
                text, changed = folded
                shift = Shift(())
                guard = guard.moved(text, protected, shift)
                added = triggers.folds[index]
            else:
                reps = merge_sorted(fixer.replacements(text, base, guard, lines))
                if not reps:
                    quiet += 1
                    continue
                if changes is not None:
                    text = changes.apply(text, reps)
                else:
                    text = apply_replacements(text, reps)
                if len(text) > GROWTH_FACTOR * len(original) + GROWTH_SLACK:
                    raise GrowthError(
                        f"rule {fixer.rule.code} grew the text past {GROWTH_FACTOR} times its "
                        "length and was stopped: its replacement keeps matching its own output; "
                        f"fix the rule or --ignore {fixer.rule.code}. The file was left untouched."
                    )
                base = shift_spans(base, reps)
                shift = Shift(reps)
                protected = shift.ranges(protected)
                guard = guard.moved(text, protected, shift)
                changed = coarsen(changed_ranges(reps))
                added = frozenset("".join([rep.new for rep in reps]))
            held = None
            small = len(text) <= SHORT_TEXT
            if added and True in absent:
                absent = [
                    out and chars.isdisjoint(added)  # type: ignore[union-attr]
                    for out, chars in zip(absent, triggers.sets, strict=True)
                ]
            # Rules that ran with no change between them hold one list of
            # ranges (never changed in place): it is moved once for all.
            # Most hold `_SEEN`; the others, a list from an earlier change.
            size = len(text)
            fresh = move_dirty(_SEEN, shift, changed, size)
            older = {id(r): r for r in dirty if r is not _SEEN and r is not None}
            moved = {key: move_dirty(r, shift, changed, size) for key, r in older.items()}
            dirty = [fresh if r is _SEEN else None if r is None else moved[id(r)] for r in dirty]
            quiet = 0  # every rule, this one included, must see the new text
            if fresh != [] and [] not in moved.values():
                pending = [not out for out in absent]
            else:
                pending = [not out and r != [] for out, r in zip(absent, dirty, strict=True)]
            pending.append(True)
            recent = [*recent[-count:], fixer.rule.code]
        # After fixing, only what no fix can change is left to report; unsafe
        # fixes that were not applied are for `check` to list.
        findings = self._report(text, base, guard, include_unsafe=False) if report else []
        tracked = changes.changes(original, text) if changes is not None else []
        return Outcome(text, tracked, findings, changed=text != original)

    def remaining(self, text: str, spans: Sequence[Span]) -> list[Finding]:
        """What `fix` reports after fixing, looked for in `text` (a text
        already fixed): the check-only findings, not the unsafe fixes."""
        return self._report(
            text,
            spans,
            Guard(text, protected_ranges(text, self.vowelled), self.mostly_other),
            include_unsafe=False,
        )

    def report(self, text: str, spans: Sequence[Span] | None = None) -> list[Finding]:
        """Findings of check-only rules (and of unsafe fixes not applied)."""
        if spans is None:
            spans = [Span(0, len(text))] if text else []
        protected = protected_ranges(text, self.vowelled)
        return self._report(text, spans, Guard(text, protected, self.mostly_other))

    def _report(
        self, text: str, spans: Sequence[Span], guard: Guard, include_unsafe: bool = True
    ) -> list[Finding]:
        findings: list[Finding] = []
        triggers = self._report_triggers
        held = triggers.held(text) if len(text) <= SHORT_TEXT else None
        for index, reporter in enumerate(self.reporters):
            rule = reporter.rule
            if rule.fixes and not include_unsafe:
                continue
            if not triggers.may_match(index, reporter, text, held):
                continue
            if rule.scope == "text":  # the whole text, markup and URLs included
                whole = [Span(0, len(text))] if text else []
                findings.extend(reporter.findings(text, whole, Guard(text, [])))
                continue
            if rule.fixes:
                for rep in merge_sorted(reporter.replacements(text, spans, guard)):
                    findings.append(
                        Finding(
                            rep.start,
                            rep.end,
                            rule.code,
                            rule.message,
                            rule.level,
                            fixable=True,
                            old=text[rep.start : rep.end],
                            new=rep.new,
                        )
                    )
            else:
                findings.extend(reporter.findings(text, spans, guard))
        findings.sort(key=lambda f: (f.start, f.code))
        return findings
