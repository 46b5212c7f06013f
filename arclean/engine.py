"""The rule engine: applies compiled rules inside prose spans, records every
change with the rule that made it, and repeats until nothing changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from arclean.builtins import BUILTINS
from arclean.chars import char_class
from arclean.errors import ConvergenceError
from arclean.guard import Guard
from arclean.ruleset import Rule
from arclean.text.edits import (
    Change,
    ChangeMap,
    Finding,
    Replacement,
    apply_replacements,
    merge_sorted,
)
from arclean.text.masks import protected_ranges
from arclean.text.spans import (
    ALL_RULES,
    Range,
    Span,
    overlaps_any,
    shift_ranges,
    shift_spans,
)
from arclean.text.windows import (
    Shift,
    changed_ranges,
    coarsen,
    fold_chars,
    line_windows,
    move_dirty,
    next_line_end,
    scan_windows,
    spans_holding,
    spans_within,
)

#: How many rounds of fixes before we call it a loop.
MAX_ROUNDS = 10
#: How far past the end of a span lookaheads may look.
_LOOKAHEAD = 64
#: Past this many matches, the guard's stretches are worth computing.
_MANY = 200


@dataclass(frozen=True)
class Outcome:
    """The result of running rules over a text."""

    text: str
    changes: list[Change]
    findings: list[Finding]
    #: The text differs from the input (true even when changes were not tracked).
    changed: bool = False


def _disabled_for(span: Span, rule: Rule) -> bool:
    if not span.disabled:
        return False
    return any(
        key == ALL_RULES or key == rule.group or rule.code.startswith(key.upper())
        for key in span.disabled
    )


class CompiledRule:
    """A rule ready to run: finds its matches inside spans and says what each
    becomes."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._replace = self._make_replacer()
        self.trigger = rule.trigger_chars
        self.scan = rule.compiled_scan
        #: Keeps to its line: may look at changed lines only after its first run.
        self.local = self.scan is not None and (
            (rule.kind == "builtin" and BUILTINS[rule.function or ""].line_local)
            or (rule.kind != "builtin" and bool(rule.scan))
            or (rule.kind == "map" and not rule.before and not rule.after)
        )
        # A map of single characters with no context: its scan hits are its
        # matches, and the `regex` pattern need not run at all.
        self.direct = (
            rule.kind == "map"
            and not rule.before
            and not rule.after
            and not rule.scan
            and all(len(key) == 1 for key, _ in rule.mapping)
        )
        #: A direct map of characters to characters (no exception): the text
        #: can be folded without replacement objects when changes are not kept.
        self.fold: dict[str, str] | None = (
            dict(rule.mapping)
            if self.direct and not rule.exceptions and all(len(v) == 1 for _, v in rule.mapping)
            else None
        )
        # A few characters: one `in` test each (a memchr). Many: one class search.
        self._trigger_re = (
            regex.compile(char_class(self.trigger))
            if self.trigger is not None and len(self.trigger) > 16
            else None
        )

    def may_match(self, text: str) -> bool:
        """A cheap test first: a rule that needs one of a few characters
        cannot match a text that has none of them."""
        trigger = self.trigger
        if trigger is None:
            return True
        if self._trigger_re is not None:
            return self._trigger_re.search(text) is not None
        return any(ch in text for ch in trigger)

    def fold_text(
        self, text: str, spans: Sequence[Span], guard: Guard, dirty: list[Range] | None
    ) -> tuple[str, list[Range]] | None:
        """`text` with this map's characters replaced where the rule may act
        (the same as its replacements, applied), and the changed ranges; None
        when nothing changes."""
        assert self.fold is not None and self.scan is not None
        enabled = self._enabled(guard.spans_for(self.rule, spans))
        if dirty is not None:
            enabled = spans_within(enabled, dirty)
        return fold_chars(text, self.scan, self.fold, enabled)

    def _make_replacer(self) -> Callable[[regex.Match[str]], str] | None:
        rule = self.rule
        if rule.kind == "regex":
            template = rule.replace or ""
            if "\\" not in template:
                return lambda m: template
            return lambda m: m.expand(template)
        if rule.kind == "map":
            table = dict(rule.mapping)
            return lambda m: table[m.group()]
        if rule.kind == "words":
            words = dict(rule.words)
            return lambda m: (
                (m.group("prefix") or "" if rule.prefixes else "") + words[m.group("word")]
            )
        return None

    def matches(
        self, text: str, spans: Sequence[Span], guard: Guard, dirty: list[Range] | None = None
    ) -> list[regex.Match[str]]:
        """The rule's matches inside `spans` that the guard allows.  With a
        scan, only windows around its hits are searched; with `dirty` (the
        lines changed since the rule last ran), only those lines: the
        rule already saw the rest.  Every pattern call of a rule is here."""
        found: list[regex.Match[str]] = []
        rule = self.rule
        pattern = rule.compiled  # compiled on first use, then cached on the rule
        if pattern is None:
            return found
        if self.direct and self.scan is not None:
            for span in spans:
                if not _disabled_for(span, rule):
                    for lo, hi in dirty if dirty is not None else ((span.start, span.end),):
                        if lo < span.end and span.start < hi:
                            hits = self.scan.finditer(text, max(lo, span.start), min(hi, span.end))
                            found.extend(hits)  # type: ignore[arg-type]
            return self._allowed(found, text, spans, guard)
        windows = dirty
        if self.scan is not None:
            windows = scan_windows(self.scan, text, rule.reach, dirty, rule.back)
        if windows is not None and not windows:
            return found
        size = len(text)
        w = 0
        for span in spans:
            if _disabled_for(span, rule):
                continue
            # Lookarounds may see a little past the span (the real text, not an
            # artificial end); a match may not extend past it.
            limit = min(size, span.end + _LOOKAHEAD)
            if windows is None:
                for m in pattern.finditer(text, span.start, limit):
                    if m.start() >= span.end:
                        break
                    if m.end() <= span.end:
                        found.append(m)
                continue
            # Windows: the same matches, found by searching only near hits.
            # A search stops at a line break (`$` sees what the text holds)
            # past the lookahead reach; a match that ends beyond the next
            # window's start moves that window on, as one scan would.
            while w < len(windows) and windows[w][1] <= span.start:
                w += 1
            cursor = span.start
            # A search that found nothing before `clear` (up to `clear_end`)
            # spares the windows of that stretch: a long line is searched once.
            clear = clear_end = -1
            k = w
            while k < len(windows) and windows[k][0] < span.end:
                start = max(windows[k][0], cursor)
                stop = min(windows[k][1], span.end)
                k += 1
                end = min(limit, next_line_end(text, stop + _LOOKAHEAD))
                if start >= stop or (end == clear_end and stop <= clear):
                    continue
                clear, clear_end = end, end
                for m in pattern.finditer(text, start, end):
                    if m.start() >= stop:
                        clear = m.start()
                        break
                    cursor = m.end()
                    if m.end() <= span.end:
                        found.append(m)
        return self._allowed(found, text, spans, guard)

    def _allowed(
        self, found: list[regex.Match[str]], text: str, spans: Sequence[Span], guard: Guard
    ) -> list[regex.Match[str]]:
        """The matches the guard allows and no exception vetoes."""
        rule = self.rule
        # The guard: one bisection per match when there are many.
        if len(found) > _MANY:
            allowed = guard.allower(rule, spans)
            found = [m for m in found if allowed(m.start(), m.end())]
        else:
            found = [m for m in found if guard.allows(rule, m.start(), m.end())]
        # A match overlapping a stretch that an exception pattern matches is
        # vetoed; exceptions see the whole text, for context.
        for exception in rule.compiled_exceptions if found else ():
            ranges = [(m.start(), m.end()) for m in exception.finditer(text)]
            if ranges:
                found = [m for m in found if not overlaps_any(m.start(), m.end(), ranges)]
        return found

    def _enabled(self, spans: Sequence[Span]) -> list[Span]:
        return [span for span in spans if not _disabled_for(span, self.rule)]

    def replacements(
        self, text: str, spans: Sequence[Span], guard: Guard, dirty: list[Range] | None = None
    ) -> list[Replacement]:
        """What the rule changes; `dirty`: only the lines there (a built-in
        always sees the whole text: it may decide by counts over it)."""
        rule = self.rule
        if rule.kind == "builtin":
            assert rule.function is not None
            builtin = BUILTINS[rule.function]
            enabled = self._enabled(guard.spans_for(rule, spans))
            if dirty is not None and builtin.line_local:
                enabled = spans_within(enabled, dirty)
            if self.scan is not None:
                enabled = spans_holding(self.scan, text, enabled)
            reps = builtin.func(text, enabled, rule)
            if not guard.protected:
                return list(reps)
            return [r for r in reps if not overlaps_any(r.start, r.end, guard.protected)]
        assert self._replace is not None
        code = rule.code
        result = []
        for m in self.matches(text, spans, guard, dirty):
            new = self._replace(m)
            if new != m.group():
                result.append(Replacement(m.start(), m.end(), new, code))
        return result

    def findings(self, text: str, spans: Sequence[Span], guard: Guard) -> list[Finding]:
        rule = self.rule
        if rule.check:
            enabled = self._enabled(guard.spans_for(rule, spans))
            if self.scan is not None:
                enabled = spans_holding(self.scan, text, enabled)
            return BUILTINS[rule.check].func(text, enabled, rule)
        return [
            Finding(m.start(), m.end(), rule.code, rule.message, rule.level, old=m.group())
            for m in self.matches(text, spans, guard)
        ]


class Engine:
    """Runs a fixed list of rules.  Build it once and reuse it: rules are
    compiled here, not per text."""

    def __init__(self, rules: Sequence[Rule], *, unsafe_fixes: bool = False) -> None:
        self.rules = list(rules)
        self.unsafe_fixes = unsafe_fixes
        self.fixers = [
            CompiledRule(r) for r in self.rules if r.fixes and (r.safety == "safe" or unsafe_fixes)
        ]
        # Unsafe fixes that may not be applied are still reported.
        self.reporters = [
            CompiledRule(r)
            for r in self.rules
            if not r.fixes or (r.safety == "unsafe" and not unsafe_fixes)
        ]

    # -- spans -------------------------------------------------------------

    def fix(self, text: str, spans: Sequence[Span] | None = None, *, track: bool = True) -> Outcome:
        """Apply every fix until the text stops changing; report what remains.

        `spans` are the prose regions of `text` (all of it by default); they
        move with the text as rules change it.
        """
        original = text
        base = list(spans) if spans is not None else ([Span(0, len(text))] if text else [])
        changes = ChangeMap() if track else None
        protected = protected_ranges(text)
        guard = Guard(text, protected)
        # Rules run in order, round after round, until every rule has seen
        # the current text and left it alone; a rule that already saw the
        # final text is not run again for nothing.
        fixers = self.fixers
        # For each rule, the ranges changed since it last ran (None: it has
        # not run yet, so all of the text is new to it).
        dirty: list[list[Range] | None] = [None] * len(fixers)
        quiet = 0  # rules in a row that saw the current text and changed nothing
        applied = 0
        recent: list[str] = []
        while fixers and quiet < len(fixers):
            if applied % len(fixers) == 0 and guard._no_script is not None:
                # Lines may have become Arabic (encoding repair): look again
                # once a round; within a round the line map only moves.
                guard = Guard(text, protected)
            index = applied % len(fixers)
            fixer = fixers[index]
            applied += 1
            if applied > MAX_ROUNDS * len(fixers):
                raise ConvergenceError(
                    f"fixes did not settle after {MAX_ROUNDS} rounds; rules still changing "
                    f"the text: {', '.join(sorted(set(recent)))}. They undo each other: "
                    "--ignore one of them."
                )
            seen = dirty[index]
            dirty[index] = []
            if seen is not None and not seen:
                quiet += 1  # nothing changed since this rule saw the text
                continue
            # A rule with a scan keeps to its line: after its first run it
            # looks again only at the lines changed since (any other rule
            # sees the whole text every time).
            lines = line_windows(text, seen) if seen is not None and fixer.local else None
            if changes is None and fixer.fold is not None:
                # Characters for characters: no replacement objects, and
                # nothing moves (changes are not recorded here).
                folded = (
                    fixer.fold_text(text, base, guard, lines) if fixer.may_match(text) else None
                )
                if folded is None:
                    quiet += 1
                    continue
                text, changed = folded
                guard = guard.moved(text, protected, ())
                shift = Shift(())
            else:
                reps = (
                    merge_sorted(fixer.replacements(text, base, guard, lines))
                    if fixer.may_match(text)
                    else []
                )
                if not reps:
                    quiet += 1
                    continue
                if changes is not None:
                    text = changes.apply(text, reps)
                else:
                    text = apply_replacements(text, reps)
                base = shift_spans(base, reps)
                protected = shift_ranges(protected, reps)
                guard = guard.moved(text, protected, reps)
                changed = coarsen(changed_ranges(reps))
                shift = Shift(reps)
            for j, ranges in enumerate(dirty):
                if ranges is not None:
                    dirty[j] = move_dirty(ranges, shift, changed, len(text))
            quiet = 0  # every rule, this one included, must see the new text
            recent = [*recent[-len(fixers) :], fixer.rule.code]
        # After fixing, only what no fix can change is left to report; unsafe
        # fixes that were not applied are for `check` to list.
        findings = self._report(text, base, guard, include_unsafe=False)
        tracked = changes.changes(original, text) if changes is not None else []
        return Outcome(text, tracked, findings, changed=text != original)

    def report(self, text: str, spans: Sequence[Span] | None = None) -> list[Finding]:
        """Findings of check-only rules (and of unsafe fixes not applied)."""
        if spans is None:
            spans = [Span(0, len(text))] if text else []
        return self._report(text, spans, Guard(text, protected_ranges(text)))

    def _report(
        self, text: str, spans: Sequence[Span], guard: Guard, include_unsafe: bool = True
    ) -> list[Finding]:
        findings: list[Finding] = []
        for reporter in self.reporters:
            rule = reporter.rule
            if (rule.fixes and not include_unsafe) or not reporter.may_match(text):
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
