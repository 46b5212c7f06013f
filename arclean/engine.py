"""The rule engine: applies compiled rules inside prose spans, records every
change with the rule that made it, and repeats until nothing changes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from arclean.builtins import BUILTINS
from arclean.chars import LETTER, lazy_compile, paragraph_language
from arclean.edits import Change, ChangeMap, Finding, Replacement, merge_sorted
from arclean.errors import ConvergenceError
from arclean.formats import ALL_RULES, Span
from arclean.ruleset import REGEX_FLAGS, Rule

_LETTER_RE = lazy_compile(LETTER, regex.VERSION1)

#: How many rounds of fixes before we call it a loop.
MAX_ROUNDS = 10
#: How far past the end of a span lookaheads may look.
_LOOKAHEAD = 64

# URLs and e-mail addresses are never prose, whatever the format.  A URL may
# follow a proclitic (وhttps://...), so only Latin letters and digits may not
# precede it.  They are found from their anchors (://, www., @) with str.find,
# which is far faster than scanning every position with one big pattern.
_URL_BODY = r"""[^\s<>"'«»\u201c\u201d]*[^\s<>"'«»\u201c\u201d.,;:!?،؛؟)\]]"""
_URL_RE = lazy_compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)" + _URL_BODY, REGEX_FLAGS | regex.I)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_EMAIL_RE = lazy_compile(r"[\p{Latin}\d._%+-]+@[\p{Latin}\d.-]+\.[\p{Latin}]{2,}", REGEX_FLAGS)
_EMAIL_LOCAL = lazy_compile(r"[\p{Latin}\d._%+-]+\Z", REGEX_FLAGS)
_LATIN_OR_DIGIT = lazy_compile(r"[\p{Latin}\d]", REGEX_FLAGS)


def protected_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted, merged ranges of URLs and e-mail addresses in `text`."""
    found: list[tuple[int, int]] = []
    position = text.find("://")
    while position != -1:
        start = position
        while start > 0 and text[start - 1] in _SCHEME_CHARS:
            start -= 1
        while start < position and not text[start].isalpha():
            start += 1  # a scheme starts with a letter
        if start < position and not (start and _LATIN_OR_DIGIT.match(text, start - 1)):
            m = _URL_RE.match(text, start)
            if m:
                found.append((m.start(), m.end()))
        position = text.find("://", position + 3)
    lower = text.lower() if "WWW." in text or "Www." in text else text
    position = lower.find("www.")
    while position != -1:
        if not (
            position and (_LATIN_OR_DIGIT.match(text, position - 1) or text[position - 1] in "/.")
        ):
            m = _URL_RE.match(text, position)
            if m:
                found.append((m.start(), m.end()))
        position = lower.find("www.", position + 4)
    position = text.find("@")
    while position != -1:
        local = _EMAIL_LOCAL.search(text, max(0, position - 64), position)
        if local:
            m = _EMAIL_RE.match(text, local.start())
            if m:
                found.append((m.start(), m.end()))
        position = text.find("@", position + 1)
    if not found:
        return found
    found.sort()
    merged = [found[0]]
    for start, end in found[1:]:
        if start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Lines that hold a letter from Persian, Urdu or Kurdish orthography (or the
# Farsi forms of yeh and kaf) may not be Arabic; only those lines are examined.
_MAYBE_OTHER_RE = lazy_compile(
    r"^.*[\N{ARABIC LETTER PEH}\N{ARABIC LETTER TCHEH}\N{ARABIC LETTER JEH}"
    r"\N{ARABIC LETTER GAF}\N{ARABIC LETTER TTEH}\N{ARABIC LETTER DDAL}\N{ARABIC LETTER RREH}"
    r"\N{ARABIC LETTER NOON GHUNNA}\N{ARABIC LETTER HEH DOACHASHMEE}"
    r"\N{ARABIC LETTER YEH BARREE}\N{ARABIC LETTER HEH GOAL}\N{ARABIC LETTER AE}"
    r"\N{ARABIC LETTER FARSI YEH}\N{ARABIC LETTER KEHEH}].*$",
    REGEX_FLAGS,
)


@dataclass(frozen=True)
class Outcome:
    """The result of running rules over a text."""

    text: str
    changes: list[Change]
    findings: list[Finding]
    #: The text differs from the input (true even when changes were not tracked).
    changed: bool = False


def _subtract(spans: Sequence[Span], holes: Sequence[tuple[int, int]]) -> list[Span]:
    """`spans` minus the `holes` (both sorted)."""
    if not holes:
        return list(spans)
    result: list[Span] = []
    j = 0
    for span in spans:
        start = span.start
        while j < len(holes) and holes[j][1] <= start:
            j += 1
        k = j
        while k < len(holes) and holes[k][0] < span.end:
            hole_start, hole_end = holes[k]
            if hole_start > start:
                result.append(Span(start, hole_start, span.disabled))
            start = max(start, hole_end)
            k += 1
        if start < span.end:
            result.append(Span(start, span.end, span.disabled))
    return result


def _other_language_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are not Arabic but use the Arabic script (Persian, Urdu,
    Kurdish...): Arabic-only rules leave them alone."""
    return [
        (m.start(), m.end())
        for m in _MAYBE_OTHER_RE.finditer(text)
        if paragraph_language(m.group()) == "other-arabic-script"
    ]


_ARABIC_LINE_RE = lazy_compile(r"^[^\n]*" + LETTER + r"[^\n]*$", REGEX_FLAGS)


def _non_arabic_holes(text: str) -> list[tuple[int, int]]:
    """Runs of lines with no Arabic-script letter (with their line breaks):
    consecutive Arabic lines stay one stretch, not a span per line."""
    holes = []
    position = 0
    for m in _ARABIC_LINE_RE.finditer(text):
        if m.start() > position:
            holes.append((position, m.start()))
        position = m.end() + (1 if text.startswith("\n", m.end()) else 0)
    if position < len(text):
        holes.append((position, len(text)))
    return holes


def _whole(text: str) -> list[Span]:
    return [Span(0, len(text))] if text else []


def _pairs(spans: Sequence[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _disabled_for(span: Span, rule: Rule) -> bool:
    if not span.disabled:
        return False
    return any(
        key == ALL_RULES or key == rule.group or rule.code.startswith(key.upper())
        for key in span.disabled
    )


def _apply(text: str, reps: Sequence[Replacement]) -> str:
    """Apply sorted, non-overlapping replacements without recording them."""
    pieces = []
    cursor = 0
    for rep in reps:
        pieces.append(text[cursor : rep.start])
        pieces.append(rep.new)
        cursor = rep.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _shift_spans(spans: Sequence[Span], reps: Sequence[Replacement]) -> list[Span]:
    """Move span boundaries past `reps` (sorted, each inside one span)."""
    result = []
    j = 0
    delta = 0
    for span in spans:
        while j < len(reps) and reps[j].start < span.start:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        start = span.start + delta
        while j < len(reps) and reps[j].end <= span.end:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        result.append(Span(start, span.end + delta, span.disabled))
    return result


def _overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Does [start, end) touch one of the sorted, disjoint `ranges`?"""
    i = bisect_right(ranges, (start, len(ranges) and 1 << 62)) - 1
    return any((lo < end and start < hi) or lo == start for lo, hi in ranges[max(i, 0) : i + 2])


def _shift_ranges(
    ranges: Sequence[tuple[int, int]], reps: Sequence[Replacement], inside: bool = False
) -> list[tuple[int, int]]:
    """Move ranges past `reps`. Protected ranges never hold a replacement;
    line ranges (`inside`) may, and then grow or shrink with it."""
    if not ranges:
        return []
    result = []
    j = 0
    delta = 0
    for start, end in ranges:
        while j < len(reps) and reps[j].start < start:
            delta += len(reps[j].new) - (reps[j].end - reps[j].start)
            j += 1
        new_start = start + delta
        if inside:
            while j < len(reps) and reps[j].start < end:
                delta += len(reps[j].new) - (reps[j].end - reps[j].start)
                j += 1
        result.append((new_start, end + delta))
    return result


class _Guard:
    """Decides, per match, whether a rule may act there: not on a URL or an
    e-mail address, and only on lines of the script and language the rule
    asks for. Checking the few matches is much cheaper than cutting the text
    into a span per line."""

    def __init__(self, text: str, protected: list[tuple[int, int]]) -> None:
        self.text = text
        self.protected = protected
        self._spans_cache: dict[tuple[int, str], list[Span]] = {}
        # Computed on first need, once per text: one scan of the text is far
        # cheaper than finding the line of every match.
        self._no_script: list[tuple[int, int]] | None = None
        self._other: list[tuple[int, int]] | None = None

    def moved(
        self, text: str, protected: list[tuple[int, int]], reps: Sequence[Replacement]
    ) -> _Guard:
        """A guard for the text after `reps`: line maps already computed are
        shifted, not recomputed (rules do not make lines Arabic or not,
        except encoding repair, which the next round's fresh guard sees)."""
        guard = _Guard(text, protected)
        if self._no_script is not None:
            guard._no_script = _shift_ranges(self._no_script, reps, inside=True)
        if self._other is not None:
            guard._other = _shift_ranges(self._other, reps, inside=True)
        return guard

    def _in(self, position: int, ranges: list[tuple[int, int]]) -> bool:
        i = bisect_right(ranges, (position, 1 << 62)) - 1
        return i >= 0 and ranges[i][0] <= position < ranges[i][1]

    def has_script(self, position: int) -> bool:
        """Is `position` on a line holding an Arabic-script letter?"""
        if self._no_script is None:
            self._no_script = _non_arabic_holes(self.text)
        return not (self._no_script and self._in(position, self._no_script))

    def is_arabic(self, position: int) -> bool:
        """...and is that line Arabic rather than Persian, Urdu or Kurdish?"""
        if self._other is None:
            self._other = _other_language_lines(self.text)
        return self.has_script(position) and not (self._other and self._in(position, self._other))

    def allows(self, rule: Rule, start: int, end: int) -> bool:
        if self.protected and _overlaps_any(start, end, self.protected):
            return False
        languages = rule.languages or ("arabic-script",)
        if "any" in languages:
            return True
        # A match spanning lines must satisfy the line it starts and ends on.
        last = max(start, end - 1)
        if "ar" in languages:
            return self.is_arabic(start) and self.is_arabic(last)
        return self.has_script(start) and self.has_script(last)

    def spans_for(self, rule: Rule, spans: Sequence[Span]) -> list[Span]:
        """Spans cut down to where the rule may act, for built-in functions
        that work on spans rather than on matches (cached until the text
        changes, when a new guard is made)."""
        languages = rule.languages or ("arabic-script",)
        key = (id(spans), "any" if "any" in languages else "ar" if "ar" in languages else "")
        cached = self._spans_cache.get(key)
        if cached is not None:
            return cached
        result = _subtract(spans, self.protected)
        if key[1] != "any":
            if self._no_script is None:
                self._no_script = _non_arabic_holes(self.text)
            result = _subtract(result, self._no_script)
        if key[1] == "ar":
            if self._other is None:
                self._other = _other_language_lines(self.text)
            result = _subtract(result, self._other)
        self._spans_cache[key] = result
        return result


def _char_class(chars: str) -> str:
    """A character class for `chars`, written as ranges: a class of a thousand
    single characters is far slower to match than three ranges."""
    codes = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = regex.escape(chr(codes[i])), regex.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


class CompiledRule:
    """A rule ready to run: finds its matches inside spans and says what each
    becomes."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._replace = self._make_replacer()
        self.trigger = rule.trigger_chars
        # A few characters: one `in` test each (a memchr). Many: one class search.
        self._trigger_re = (
            regex.compile(_char_class(self.trigger))
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

    def matches(self, text: str, spans: Sequence[Span], guard: _Guard) -> list[regex.Match[str]]:
        found: list[regex.Match[str]] = []
        rule = self.rule
        pattern = rule.compiled  # compiled on first use, then cached on the rule
        if pattern is None:
            return found
        for span in spans:
            if _disabled_for(span, rule):
                continue
            # Lookarounds may see a little past the span (the real text, not an
            # artificial end); a match may not extend past it.
            limit = min(len(text), span.end + _LOOKAHEAD)
            for m in pattern.finditer(text, span.start, limit):
                if m.start() >= span.end:
                    break
                if m.end() <= span.end and guard.allows(rule, m.start(), m.end()):
                    found.append(m)
        # A match overlapping a stretch that an exception pattern matches is
        # vetoed; exceptions see the whole text, for context.
        for exception in rule.compiled_exceptions if found else ():
            ranges = [(m.start(), m.end()) for m in exception.finditer(text)]
            if ranges:
                found = [m for m in found if not _overlaps_any(m.start(), m.end(), ranges)]
        return found

    def _enabled(self, spans: Sequence[Span]) -> list[Span]:
        return [span for span in spans if not _disabled_for(span, self.rule)]

    def replacements(self, text: str, spans: Sequence[Span], guard: _Guard) -> list[Replacement]:
        rule = self.rule
        if rule.kind == "builtin":
            assert rule.function is not None
            reps = BUILTINS[rule.function].func(
                text, self._enabled(guard.spans_for(rule, spans)), rule
            )
            return [r for r in reps if not _overlaps_any(r.start, r.end, guard.protected)]
        assert self._replace is not None
        code = rule.code
        result = []
        for m in self.matches(text, spans, guard):
            new = self._replace(m)
            if new != m.group():
                result.append(Replacement(m.start(), m.end(), new, code))
        return result

    def findings(self, text: str, spans: Sequence[Span], guard: _Guard) -> list[Finding]:
        rule = self.rule
        if rule.check:
            return BUILTINS[rule.check].func(
                text, self._enabled(guard.spans_for(rule, spans)), rule
            )
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
        guard = _Guard(text, protected)
        # Rules run in order, round after round, until every rule has seen
        # the current text and left it alone; a rule that already saw the
        # final text is not run again for nothing.
        fixers = self.fixers
        quiet = 0  # rules in a row that saw the current text and changed nothing
        applied = 0
        recent: list[str] = []
        while fixers and quiet < len(fixers):
            if applied % len(fixers) == 0 and guard._no_script is not None:
                # Lines may have become Arabic (encoding repair): look again
                # once a round; within a round the line map only moves.
                guard = _Guard(text, protected)
            fixer = fixers[applied % len(fixers)]
            applied += 1
            if applied > MAX_ROUNDS * len(fixers):
                raise ConvergenceError(
                    f"fixes did not settle after {MAX_ROUNDS} rounds; rules still changing "
                    f"the text: {', '.join(sorted(set(recent)))}. They undo each other: "
                    "--ignore one of them."
                )
            reps = (
                merge_sorted(fixer.replacements(text, base, guard)) if fixer.may_match(text) else []
            )
            if not reps:
                quiet += 1
                continue
            text = changes.apply(text, reps) if changes is not None else _apply(text, reps)
            base = _shift_spans(base, reps)
            protected = _shift_ranges(protected, reps)
            guard = guard.moved(text, protected, reps)
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
        return self._report(text, spans, _Guard(text, protected_ranges(text)))

    def _report(
        self, text: str, spans: Sequence[Span], guard: _Guard, include_unsafe: bool = True
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
