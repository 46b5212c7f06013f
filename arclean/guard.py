"""Where a rule may act: not on a URL or an e-mail address, and only on
lines of the script and language it asks for (`Guard`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from arclean.text.language import non_arabic_holes, other_language_lines
from arclean.text.spans import (
    Range,
    Span,
    contains,
    merge_ranges,
    overlaps_any,
    shift_ranges,
    subtract,
    subtract_spans,
)

if TYPE_CHECKING:
    from arclean.ruleset import Rule
    from arclean.text.edits import Replacement


class Guard:
    """Decides, per match, whether a rule may act there: not on a URL or an
    e-mail address, and only on lines of the script and language the rule
    asks for. Checking the few matches is much cheaper than cutting the text
    into a span per line."""

    def __init__(self, text: str, protected: list[Range]) -> None:
        self.text = text
        self.protected = protected
        self._spans_cache: dict[tuple[int, str], list[Span]] = {}
        # Computed on first need, once per text: one scan of the text is far
        # cheaper than finding the line of every match.
        self._no_script: list[Range] | None = None
        self._other: list[Range] | None = None

    def moved(self, text: str, protected: list[Range], reps: Sequence[Replacement]) -> Guard:
        """A guard for the text after `reps`: line maps already computed are
        shifted, not recomputed (rules do not make lines Arabic or not,
        except encoding repair, which the next round's fresh guard sees)."""
        guard = Guard(text, protected)
        if self._no_script is not None:
            guard._no_script = shift_ranges(self._no_script, reps, inside=True)
        if self._other is not None:
            guard._other = shift_ranges(self._other, reps, inside=True)
        return guard

    def refreshed(self, text: str, protected: list[Range], lines: list[Range] | None) -> Guard:
        """A guard whose line maps are looked at again (a change may have
        made a line Arabic or not: encoding repair): only on `lines` (whole
        lines, with their line breaks, holding every change since the maps
        were made), the rest kept; all of them when `lines` is None."""
        guard = Guard(text, protected)
        if lines is None:
            return guard
        if self._no_script is not None:
            guard._no_script = _patched(
                self._no_script, lines, lambda lo, hi: non_arabic_holes(text, lo, hi)
            )
        if self._other is not None:
            guard._other = _patched(
                self._other, lines, lambda lo, hi: other_language_lines(text, lo, hi)
            )
        return guard

    def has_script(self, position: int) -> bool:
        """Is `position` on a line holding an Arabic-script letter?"""
        if self._no_script is None:
            self._no_script = non_arabic_holes(self.text)
        return not (self._no_script and contains(self._no_script, position))

    def is_arabic(self, position: int) -> bool:
        """...and is that line Arabic rather than Persian, Urdu or Kurdish?"""
        if self._other is None:
            self._other = other_language_lines(self.text)
        return self.has_script(position) and not (self._other and contains(self._other, position))

    def allows(self, rule: Rule, start: int, end: int) -> bool:
        if self.protected and overlaps_any(start, end, self.protected):
            return False
        languages = rule.languages or ("arabic-script",)
        if "any" in languages:
            return True
        # A match spanning lines must satisfy the line it starts and ends on.
        last = max(start, end - 1)
        if "ar" in languages:
            return self.is_arabic(start) and self.is_arabic(last)
        return self.has_script(start) and self.has_script(last)

    def allower(self, rule: Rule, spans: Sequence[Span]) -> Callable[[int, int], bool]:
        """`allows` for `rule`, fast for a match that lies inside one of the
        stretches `spans_for` leaves (no URL, the right script and language
        all along): one bisection; any other match gets the full test."""
        good = self.spans_for(rule, spans)
        starts = [span.start for span in good]
        ends = [span.end for span in good]
        allows = self.allows

        def allowed(start: int, end: int) -> bool:
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= ends[i]:
                return True
            return allows(rule, start, end)

        return allowed

    def spans_for(self, rule: Rule, spans: Sequence[Span]) -> list[Span]:
        """Spans cut down to where the rule may act, for built-in functions
        that work on spans rather than on matches (cached until the text
        changes, when a new guard is made)."""
        languages = rule.languages or ("arabic-script",)
        key = (id(spans), "any" if "any" in languages else "ar" if "ar" in languages else "")
        cached = self._spans_cache.get(key)
        if cached is not None:
            return cached
        result = subtract_spans(spans, self.protected)
        if key[1] != "any":
            if self._no_script is None:
                self._no_script = non_arabic_holes(self.text)
            result = subtract_spans(result, self._no_script)
        if key[1] == "ar":
            if self._other is None:
                self._other = other_language_lines(self.text)
            result = subtract_spans(result, self._other)
        self._spans_cache[key] = result
        return result


def _patched(
    ranges: list[Range], lines: list[Range], fresh: Callable[[int, int], list[Range]]
) -> list[Range]:
    """Sorted `ranges` of whole lines with the part on `lines` found afresh
    (touching ranges join, as one scan of the text joins them)."""
    kept = subtract(ranges, lines)
    for lo, hi in lines:
        kept.extend(fresh(lo, hi))
    return merge_ranges(kept)
