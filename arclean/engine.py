"""The rule engine: applies compiled rules inside prose spans, records every
change with the rule that made it, and repeats until nothing changes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from arclean.builtins import BUILTINS
from arclean.chars import LETTER, paragraph_language
from arclean.edits import Change, ChangeMap, Finding, Replacement, merge_sorted
from arclean.errors import ConvergenceError
from arclean.formats import ALL_RULES, Span
from arclean.ruleset import REGEX_FLAGS, Rule

#: How many rounds of fixes before we call it a loop.
MAX_ROUNDS = 10
#: How far past the end of a span lookaheads may look.
_LOOKAHEAD = 64

# URLs and e-mail addresses are never prose, whatever the format.  A URL may
# follow a proclitic (وhttps://...), so only Latin letters and digits may not
# precede it.  They are found from their anchors (://, www., @) with str.find,
# which is far faster than scanning every position with one big pattern.
_URL_BODY = r"""[^\s<>"'«»\u201c\u201d]*[^\s<>"'«»\u201c\u201d.,;:!?،؛؟)\]]"""
_URL_RE = regex.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)" + _URL_BODY, REGEX_FLAGS | regex.I)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_EMAIL_RE = regex.compile(r"[\p{Latin}\d._%+-]+@[\p{Latin}\d.-]+\.[\p{Latin}]{2,}", REGEX_FLAGS)
_EMAIL_LOCAL = regex.compile(r"[\p{Latin}\d._%+-]+\Z", REGEX_FLAGS)
_LATIN_OR_DIGIT = regex.compile(r"[\p{Latin}\d]", REGEX_FLAGS)


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
_MAYBE_OTHER_RE = regex.compile(
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

    @property
    def changed(self) -> bool:
        return bool(self.changes)


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


_ARABIC_LINE_RE = regex.compile(r"^[^\n]*" + LETTER + r"[^\n]*$", REGEX_FLAGS)


def _arabic_lines(text: str) -> list[tuple[int, int]]:
    """Lines holding at least one Arabic-script letter."""
    return [(m.start(), m.end()) for m in _ARABIC_LINE_RE.finditer(text)]


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


class CompiledRule:
    """A rule ready to run: finds its matches inside spans and says what each
    becomes."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.pattern = rule.compiled
        self.exceptions = rule.compiled_exceptions
        self._replace = self._make_replacer()

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

    def matches(self, text: str, spans: Sequence[Span]) -> list[regex.Match[str]]:
        found: list[regex.Match[str]] = []
        pattern = self.pattern
        if pattern is None:
            return found
        for span in spans:
            if _disabled_for(span, self.rule):
                continue
            # Lookarounds may see a little past the span (the real text, not an
            # artificial end); a match may not extend past it.
            limit = min(len(text), span.end + _LOOKAHEAD)
            for m in pattern.finditer(text, span.start, limit):
                if m.start() >= span.end:
                    break
                if m.end() <= span.end:
                    found.append(m)
        # A match overlapping a stretch that an exception pattern matches is
        # vetoed; exceptions see the whole text, for context.
        for exception in self.exceptions if found else ():
            ranges = [(m.start(), m.end()) for m in exception.finditer(text)]
            if ranges:
                found = [m for m in found if not _overlaps_any(m.start(), m.end(), ranges)]
        return found

    def _enabled(self, spans: Sequence[Span]) -> list[Span]:
        return [span for span in spans if not _disabled_for(span, self.rule)]

    def replacements(self, text: str, spans: Sequence[Span]) -> list[Replacement]:
        if self.rule.kind == "builtin":
            assert self.rule.function is not None
            return BUILTINS[self.rule.function].func(text, self._enabled(spans), self.rule)
        assert self._replace is not None
        code = self.rule.code
        result = []
        for m in self.matches(text, spans):
            new = self._replace(m)
            if new != m.group():
                result.append(Replacement(m.start(), m.end(), new, code))
        return result

    def findings(self, text: str, spans: Sequence[Span]) -> list[Finding]:
        rule = self.rule
        if rule.check:
            return BUILTINS[rule.check].func(text, self._enabled(spans), rule)
        return [
            Finding(m.start(), m.end(), rule.code, rule.message, rule.level, old=m.group())
            for m in self.matches(text, spans)
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

    def _protect(self, text: str, spans: Sequence[Span]) -> list[Span]:
        return _subtract(spans, protected_ranges(text))

    def _rule_spans(self, text: str, spans: list[Span], rule: Rule, cache: dict) -> list[Span]:
        """The spans a rule may act in: by default only lines that hold an
        Arabic-script letter, so text in other scripts is never touched."""
        languages = rule.languages or ("arabic-script",)
        if "any" in languages:
            return spans
        if "no-arabic" not in cache:
            cache["no-arabic"] = _subtract(_whole(text), _arabic_lines(text))
            cache["arabic-script"] = _subtract(spans, _pairs(cache["no-arabic"]))
        if "ar" not in languages:
            return cache["arabic-script"]
        if "ar" not in cache:
            cache["ar"] = _subtract(cache["arabic-script"], _other_language_lines(text))
        return cache["ar"]

    # -- running -------------------------------------------------------------

    def fix(self, text: str, spans: Sequence[Span] | None = None) -> Outcome:
        """Apply every fix until the text stops changing; report what remains.

        `spans` are the prose regions of `text` (all of it by default); they
        move with the text as rules change it.
        """
        original = text
        base = list(spans) if spans is not None else ([Span(0, len(text))] if text else [])
        changes = ChangeMap()
        last_codes: list[str] = []
        for _round in range(MAX_ROUNDS):
            prose = self._protect(text, base)
            cache: dict = {}
            round_codes: list[str] = []
            for fixer in self.fixers:
                rule_spans = self._rule_spans(text, prose, fixer.rule, cache)
                reps = merge_sorted(fixer.replacements(text, rule_spans))
                if reps:
                    text = changes.apply(text, reps)
                    base = _shift_spans(base, reps)
                    prose = self._protect(text, base)
                    cache = {}
                    round_codes.append(fixer.rule.code)
            if not round_codes:
                break
            last_codes = round_codes
        else:
            raise ConvergenceError(
                f"fixes did not settle after {MAX_ROUNDS} rounds; rules still changing the "
                f"text: {', '.join(last_codes)}. They undo each other: --ignore one of them."
            )
        findings = self.report(text, base)
        return Outcome(text, changes.changes(original, text), findings)

    def report(self, text: str, spans: Sequence[Span] | None = None) -> list[Finding]:
        """Findings of check-only rules (and of unsafe fixes not applied)."""
        if spans is None:
            spans = [Span(0, len(text))] if text else []
        spans = self._protect(text, spans)
        cache: dict = {}
        findings: list[Finding] = []
        for reporter in self.reporters:
            rule = reporter.rule
            rule_spans = self._rule_spans(text, spans, rule, cache)
            if rule.fixes:
                for rep in merge_sorted(reporter.replacements(text, rule_spans)):
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
                findings.extend(reporter.findings(text, rule_spans))
        findings.sort(key=lambda f: (f.start, f.code))
        return findings
