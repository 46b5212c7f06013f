"""A rule ready to run: its pattern, scan and replacement compiled once, its
matches found inside prose spans (only near its scan's hits, and in later
rounds only on the lines that changed), each pattern call bounded in time.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

import regex

from arclean.builtins import BUILTINS, Builtin
from arclean.chars import char_class
from arclean.errors import RuleTimeout
from arclean.guard import Guard
from arclean.ruleset import Rule
from arclean.text.edits import (
    Finding,
    Replacement,
)
from arclean.text.folds import fold_chars
from arclean.text.linestart import lines_matches
from arclean.text.spans import (
    ALL_RULES,
    Range,
    Span,
    merge_ranges,
    overlaps_any,
)
from arclean.text.stepped import stepwise, window_matches
from arclean.text.wide import wide_class
from arclean.text.windows import (
    Scan,
    fast_scan,
    line_windows,
    lines_holding,
    scan_windows,
)

#: A scan that is a run of one class of plain characters (\\uXXXX escapes,
#: ranges): `re` and `regex` read it alike.
_PLAIN_RUN = re.compile(r"\[(?:\\u[0-9a-fA-F]{4}|[^\\\[\]^])(?:\\u[0-9a-fA-F]{4}|[^\\\[\]])*\]\+")

#: How far past the end of a span lookaheads may look.
_LOOKAHEAD = 64
#: Past this many matches, the guard's stretches are worth computing.
_MANY = 200
#: Past this many, the stretches are cut even for a guard made anew (`Guard.allower`).
_MANY_MORE = 1000
#: How long one rule's pattern may search one text, in seconds (the regex
#: module's `timeout`): a pattern that backtracks catastrophically is
#: stopped with an error naming the rule, not left to hang.
RULE_TIMEOUT = 10.0


def _timed_out(rule: Rule) -> RuleTimeout:
    where = f" ({rule.location})" if rule.path else ""
    return RuleTimeout(
        f"rule {rule.code}{where} took more than {RULE_TIMEOUT:g} s on this text and was "
        "stopped: its pattern backtracks too much (nested or overlapping repeats such as "
        f"(a|a)+); simplify it, or --ignore {rule.code}. The file was left untouched."
    )


def _disabled_for(span: Span, rule: Rule) -> bool:
    if not span.disabled:
        return False
    return any(
        key == ALL_RULES or key == rule.group or rule.code.startswith(key.upper())
        for key in span.disabled
    )


def _keeping_tab(template: str) -> Callable[[regex.Match[str]], str]:
    """A template ending with a space, for a match ending with a tab: the tab
    stays (مصر,<tab>الأردن → مصر،<tab>الأردن), it may part two columns."""
    tabbed = template[:-1] + "\t"
    if "\\" not in template:
        return lambda m: tabbed if m.group().endswith("\t") else template
    return lambda m: m.expand(tabbed if m.group().endswith("\t") else template)


class CompiledRule:
    """A rule ready to run: finds its matches inside spans and says what each
    becomes."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._replace = self._make_replacer()
        self.trigger = rule.trigger_chars
        scan = rule.compiled_scan
        self.scan: Scan | None = fast_scan(scan) if scan is not None else None
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
        # A regex rule whose pattern is its scan, a run of one class with a
        # fixed replacement (AR210): its hits are its matches too, except a
        # run the span's end cuts (the pattern would run on past it).
        self._run: re.Pattern[str] | None = None
        if (
            rule.kind == "regex"
            and rule.scan
            and (rule.pattern or "").lower() == rule.scan.lower()
            and _PLAIN_RUN.fullmatch(rule.scan)
            and "\\" not in (rule.replace or "")
        ):
            self._run = re.compile(rule.scan[:-1])
            self.direct = self._run.match("\n") is None
        #: A direct map of characters to characters (no exception): the text
        #: can be folded without replacement objects when changes are not kept.
        self.fold: dict[str, str] | None = (
            dict(rule.mapping)
            if self.direct
            and rule.kind == "map"
            and not rule.exceptions
            and all(len(v) == 1 for _, v in rule.mapping)
            else None
        )
        #: A fold of the search profile only (not an editor's fix): it makes
        #: an index, so it folds Quran quotations too (`Engine.fix`).
        self.search_only = rule.belongs_to_other_profile("default")
        # May the pattern's matches in a window be found position by position?
        self._stepwise: bool | None = None
        # Up to 64 characters: one `in` test each (a memchr, 0.1 ms on news
        # for one absent: AR790's 23, 1.3 ms, against 13 ms for `re`'s class,
        # which tests every character).  More: one class search (AR402).
        self._trigger_re = (
            wide_class(re.compile(char_class(self.trigger)))
            if self.trigger is not None and len(self.trigger) > 64
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
        if dirty is not None:
            enabled = guard.spans_in(self.rule, self._enabled(spans), dirty)
        else:
            enabled = self._enabled(guard.spans_for(self.rule, spans))
        return fold_chars(text, self.scan, self.fold, enabled)

    def _make_replacer(self) -> Callable[[regex.Match[str]], str] | None:
        rule = self.rule
        if rule.kind == "regex":
            template = rule.replace or ""
            if template.endswith(" "):
                return _keeping_tab(template)
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
        rule already saw the rest.  Every pattern call of a rule is here,
        and all of them together may take `RULE_TIMEOUT` seconds: past that,
        `RuleTimeout` names the rule."""
        deadline = time.monotonic() + RULE_TIMEOUT
        try:
            return self._matches(text, spans, guard, dirty, deadline)
        except TimeoutError:
            raise _timed_out(self.rule) from None

    def _matches(
        self,
        text: str,
        spans: Sequence[Span],
        guard: Guard,
        dirty: list[Range] | None,
        deadline: float,
    ) -> list[regex.Match[str]]:
        found: list[regex.Match[str]] = []
        rule = self.rule
        if self.direct and self.scan is not None:
            for span in spans:
                if not _disabled_for(span, rule):
                    for lo, hi in dirty if dirty is not None else ((span.start, span.end),):
                        if lo < span.end and span.start < hi:
                            hits = self.scan.finditer(text, max(lo, span.start), min(hi, span.end))
                            found.extend(hits)  # type: ignore[arg-type]
                    run = self._run
                    if run and found and found[-1].end() == span.end and run.match(text, span.end):
                        found.pop()  # the run goes on past the span: not a match
            return self._allowed(found, text, spans, guard, deadline)
        windows = dirty
        if self.scan is not None:
            windows = scan_windows(self.scan, text, rule.reach, dirty, rule.back)
        if windows is not None and not windows:
            return found
        # Compiled on first use, then cached on the rule: a rule whose scan
        # finds nothing, or whose scan hits are its matches, never compiles it.
        pattern = rule.compiled
        if pattern is None:
            return found
        size = len(text)
        w = 0
        # text.find("\n", nl_from) is nl_at: a long line is searched for its
        # end once, not once per window or span on it
        nl_from = nl_at = -1
        for span in spans:
            if _disabled_for(span, rule):
                continue
            # Lookarounds may see a little past the span (the real text, not an
            # artificial end); a match may not extend past it.
            limit = min(size, span.end + _LOOKAHEAD)
            if windows is None:
                left = max(deadline - time.monotonic(), 0.001)
                for m in pattern.finditer(text, span.start, limit, timeout=left):
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
            count = len(windows)
            while k < count and windows[k][0] < span.end:
                low, high = windows[k]
                start = low if low > cursor else cursor
                stop = high if high < span.end else span.end
                k += 1
                # `next_line_end(text, stop + _LOOKAHEAD)`, inlined (per window)
                at = stop + _LOOKAHEAD
                if 0 <= nl_from <= at and (at <= nl_at or nl_at == -1):
                    end = nl_at
                else:
                    end = nl_at = text.find("\n", at)
                    nl_from = at
                if end == -1 or end > limit:
                    end = limit
                if start >= stop or (end == clear_end and stop <= clear):
                    continue
                left = max(deadline - time.monotonic(), 0.001)
                # Near the window's end its positions are tried one by one, not
                # searched on to the line's end (`arclean.text.stepped`).
                if self._steps(pattern):
                    stepped = window_matches(pattern, text, start, stop, end, left)
                    if stepped is not None:
                        matches, learned = stepped
                        clear, clear_end = learned, end
                        for m in matches:
                            cursor = m.end()
                            if m.end() <= span.end:
                                found.append(m)
                        continue
                clear, clear_end = end, end
                for m in pattern.finditer(text, start, end, timeout=left):
                    if m.start() >= stop:
                        clear = m.start()
                        break
                    cursor = m.end()
                    if m.end() <= span.end:
                        found.append(m)
        return self._allowed(found, text, spans, guard, deadline)

    def _steps(self, pattern: regex.Pattern[str]) -> bool:
        """`stepwise` for the rule's pattern, decided once."""
        if self._stepwise is None:
            self._stepwise = stepwise(pattern)
        return self._stepwise

    def _allowed(
        self,
        found: list[regex.Match[str]],
        text: str,
        spans: Sequence[Span],
        guard: Guard,
        deadline: float,
    ) -> list[regex.Match[str]]:
        """The matches the guard allows and no exception vetoes."""
        rule = self.rule
        # The guard: one bisection per match when there are many.
        if len(found) > _MANY:
            allowed = guard.allower(rule, spans, len(found) > _MANY_MORE)
            found = [m for m in found if allowed(m.start(), m.end())]
        else:
            found = [m for m in found if guard.allows(rule, m.start(), m.end())]
        # A match overlapping a stretch that an exception pattern matches is
        # vetoed; exceptions see the whole text, for context.
        if found and rule.exceptions:
            vetoed = self._excepted(text, [(m.start(), m.end()) for m in found], deadline)
            found = [m for m in found if not overlaps_any(m.start(), m.end(), vetoed)]
        return found

    def _excepted(self, text: str, hits: list[Range], deadline: float) -> list[Range]:
        """The stretches of `text` the rule's `exceptions` match, near `hits`
        (sorted ``(start, end)``): a rule with a scan keeps to its line, its
        exceptions too, so they are searched only on the lines of the hits;
        any other rule's on the whole text, for context."""
        lines = line_windows(text, hits) if self.scan is not None else [(0, len(text))]
        ranges: list[Range] = []
        for exception in self.rule.compiled_exceptions:
            ranges.extend(lines_matches(exception, text, lines, _LOOKAHEAD, deadline))
        return merge_ranges(ranges)

    def _holding(self, text: str, spans: Sequence[Span], guard: Guard) -> list[Span]:
        """``spans_holding(scan, text, enabled)`` of the spans where the
        rule may act (`enabled`: `Guard.spans_for`, less the disabled
        spans), with the lines found first and only those cut."""
        assert self.scan is not None
        bounds = guard.free_bounds(self.rule, self._enabled(spans))
        if bounds is None:
            return []
        lines = lines_holding(self.scan, text, [bounds])
        return guard.spans_in(self.rule, self._enabled(spans), lines)

    def _whole_spans(self, builtin: Builtin, guard: Guard, spans: Sequence[Span]) -> bool:
        """Give a `whole_spans` built-in every span where it may act, not
        first cut to the lines holding scan hits?  Only where those spans
        are cheap to have (`Guard.cuts_cheaply`); the result is the same."""
        return builtin.whole_spans and guard.cuts_cheaply(self.rule, spans)

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
            # Where the rule may act (`Guard.spans_for`), cut to the lines
            # it needs to see; the cut is made first when there is one (a
            # few lines of a text with many URLs or foreign lines).
            if self.scan is not None and dirty is not None and builtin.line_local:
                # The changed lines (whole lines) that hold a hit: one cut.
                lines = lines_holding(self.scan, text, dirty)
                enabled = guard.spans_in(rule, self._enabled(spans), lines)
            elif dirty is not None and builtin.line_local:
                enabled = guard.spans_in(rule, self._enabled(spans), dirty)
            elif self.scan is not None and not self._whole_spans(builtin, guard, spans):
                enabled = self._holding(text, spans, guard)
            else:
                enabled = self._enabled(guard.spans_for(rule, spans))
            reps = list(builtin.func(text, enabled, rule))
            if reps and rule.exceptions:  # exceptions veto a built-in's changes too
                hits = sorted((r.start, r.end) for r in reps)
                try:
                    vetoed = self._excepted(text, hits, time.monotonic() + RULE_TIMEOUT)
                except TimeoutError:
                    raise _timed_out(rule) from None
                reps = [r for r in reps if not overlaps_any(r.start, r.end, vetoed)]
            if not guard.protected:
                return reps
            return guard.keeps_apart(
                [r for r in reps if not overlaps_any(r.start, r.end, guard.protected)]
            )
        assert self._replace is not None
        code = rule.code
        result = []
        for m in self.matches(text, spans, guard, dirty):
            new = self._replace(m)
            if new != m.group():
                result.append(Replacement(m.start(), m.end(), new, code))
        return guard.keeps_apart(result)

    def findings(self, text: str, spans: Sequence[Span], guard: Guard) -> list[Finding]:
        rule = self.rule
        if rule.check:
            if self.scan is not None and not self._whole_spans(BUILTINS[rule.check], guard, spans):
                enabled = self._holding(text, spans, guard)
            else:
                enabled = self._enabled(guard.spans_for(rule, spans))
            return BUILTINS[rule.check].func(text, enabled, rule)
        return [
            Finding(m.start(), m.end(), rule.code, rule.message, rule.level, old=m.group())
            for m in self.matches(text, spans, guard)
        ]
