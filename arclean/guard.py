"""Where a rule may act: not on a URL or an e-mail address, and only on
lines of the script and language it asks for (`Guard`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from arclean.chars import HSPACE, LINK_CLOSERS, MAX_LINK_CLOSERS, REGEX_FLAGS, lazy_compile
from arclean.text.language import (
    decided_other_lines,
    non_arabic_holes,
    other_language_lines,
    text_in_other_language,
)
from arclean.text.masks import QURAN_OPENERS, ends_with_link
from arclean.text.spans import (
    Range,
    Span,
    contains,
    merge_ranges,
    overlaps_any,
    subtract,
    subtract_spans,
)
from arclean.text.windows import Shift, spans_within

if TYPE_CHECKING:
    from arclean.ruleset import Rule
    from arclean.text.edits import Replacement


#: The spaces after a link that part it from more text on its line.
_GAP_RE = lazy_compile(HSPACE + r"+(?=[^\s])", REGEX_FLAGS)


#: Up to this many protected ranges (links), cutting them out of the prose
#: (`Guard.spans_for`, again after every change) costs less than finding a
#: built-in's lines first; tweets hold thousands of links.
FEW_LINKS = 1000


class Guard:
    """Decides, per match, whether a rule may act there: not on a URL or an
    e-mail address, and only on lines of the script and language the rule
    asks for. Checking the few matches is much cheaper than cutting the text
    into a span per line."""

    def __init__(self, text: str, protected: list[Range], mostly_other: bool | None = None) -> None:
        self.text = text
        self.protected = protected
        #: The text as a whole is in another language of the Arabic script
        #: (`text_in_other_language`): decided once, on the first text a
        #: line map is made for, and kept as rules change it (a stream
        #: gives the whole stream's decision).
        self.mostly_other = mostly_other
        # Keyed by the spans' id, each with the spans (kept alive: an id
        # is not reused while its entry holds them).
        self._spans_cache: dict[tuple[int, str], tuple[Sequence[Span], list[Span]]] = {}
        # Computed on first need, once per text: one scan of the text is far
        # cheaper than finding the line of every match.
        self._no_script: list[Range] | None = None
        self._other: list[Range] | None = None
        self._empty_protected: bool | None = None

    def moved(self, text: str, protected: list[Range], shift: Shift) -> Guard:
        """A guard for the text after the replacements of `shift`: line maps
        already computed are shifted, not recomputed (rules do not make
        lines Arabic or not, except encoding repair, which the next round's
        fresh guard sees)."""
        guard = Guard(text, protected, self.mostly_other)
        if self._no_script is not None:
            guard._no_script = shift.ranges(self._no_script, inside=True)
        if self._other is not None:
            guard._other = shift.ranges(self._other, inside=True)
        if not shift.starts and protected is self.protected:
            # Nothing moved (a fold): the cut spans are those the new guard
            # would cut, from the same holes (the line maps just copied).
            guard._spans_cache = dict(self._spans_cache)
            guard._empty_protected = self._empty_protected
        return guard

    def _language_lines(self, text: str, lo: int = 0, hi: int | None = None) -> list[Range]:
        """`other_language_lines` of `text` (from `lo` to `hi`), with the
        whole text's language decided once (`mostly_other`)."""
        if self.mostly_other is None:
            if lo == 0 and hi is None and text is self.text:
                lines, self.mostly_other = decided_other_lines(text)
                return lines
            self.mostly_other = text_in_other_language(self.text)
        return other_language_lines(text, lo, hi, self.mostly_other)

    def refreshed(self, text: str, protected: list[Range], lines: list[Range] | None) -> Guard:
        """A guard whose line maps are looked at again (a change may have
        made a line Arabic or not: encoding repair): only on `lines` (whole
        lines, with their line breaks, holding every change since the maps
        were made), the rest kept; all of them when `lines` is None."""
        guard = Guard(text, protected, self.mostly_other)
        if lines is None:
            if self._other is not None:  # other-language lines stay so (below)
                guard._other = merge_ranges([*self._other, *self._language_lines(text)])
            return guard
        if self._no_script is not None:
            guard._no_script = _patched(
                self._no_script, lines, lambda lo, hi: non_arabic_holes(text, lo, hi)
            )
        if self._other is not None:
            # A line of another language stays one: a search fold writes its
            # Persian letters as Arabic ones (ی → ي), which makes it no
            # Arabic line for the rules after it (issue of session 19).
            guard._other = _patched(
                self._other, lines, lambda lo, hi: self._language_lines(text, lo, hi), sticky=True
            )
        return guard

    def languages_now(self) -> None:
        """Take each line's language from the text as it is now, before any
        fold changes its letters (`refreshed` keeps other-language lines)."""
        if self._other is None:
            self._other = self._language_lines(self.text)

    def link_gap(self, position: int) -> int | None:
        """Where the gap after a URL or e-mail address ending at `position`
        (or before up to `MAX_LINK_CLOSERS` closing brackets and quotes that
        end there) ends: the spaces that part the link from more text on its line (not
        at a line's end); None when no link ends there or no such gap
        follows.  The links: protected ranges (`protected_ranges`, moved with
        the text) ending with a URL or e-mail address, not a file name, path,
        host or Quran quotation; ends looked up by bisection, no list of them
        per guard (a scan of the text per guard made tweets 3x slower)."""
        protected = self.protected
        text = self.text
        # A link ends at `position`, or just before the brackets and quotes
        # that close there (``(https://x.org/a) ،``).
        end = position
        while True:
            i = bisect_left(protected, end, key=_end)
            if i < len(protected) and protected[i][1] == end:
                if end < position and text[max(0, protected[i][0] - 2) : protected[i][0]] == "](":
                    return None  # a Markdown link's own `)` ends it: the mark may attach
                break
            if end == 0 or position - end >= MAX_LINK_CLOSERS or text[end - 1] not in LINK_CLOSERS:
                return None
            end -= 1
        start = protected[i][0]
        if text[start : start + 1] in QURAN_OPENERS or not ends_with_link(text[start:end]):
            return None  # a file name, path or bare host is prose's: the mark attaches
        m = _GAP_RE.match(text, position)
        return m.end() if m else None

    def link_gaps(self) -> dict[int, int]:
        """Every `link_gap`, as ``{start: end}`` (for tests and reports)."""
        found = {end: self.link_gap(end) for _start, end in self.protected}
        return {start: end for start, end in found.items() if end is not None}

    def keeps_apart(self, reps: list[Replacement]) -> list[Replacement]:
        """`reps` without those that would glue a URL or e-mail address to
        the text after it: that remove all the spaces after it (AR101 made
        ``https://t.co/x ،`` into ``https://t.co/x،``, which readers and
        Markdown autolinks take into the link) or write something else
        there.  Making the gap one space (AR502) is allowed."""
        if not self.protected or not reps:
            return reps
        reps = self._not_glued_before(reps)
        if len(reps) <= len(self.protected):
            return [r for r in reps if not _glues(r, self.link_gap(r.start))]
        # Many changes: only one at most `MAX_LINK_CLOSERS` past a link's
        # end can have a gap (`link_gap` looks no further back).
        near = {end + d for _start, end in self.protected for d in range(MAX_LINK_CLOSERS + 1)}
        return [r for r in reps if r.start not in near or not _glues(r, self.link_gap(r.start))]

    def _not_glued_before(self, reps: list[Replacement]) -> list[Replacement]:
        """`reps` less those gluing a letter or digit to a protected literal starting
        with one (AR109: «و اردوغان.png» → «واردوغان.png», another file)."""
        t = self.text
        starts = {start for start, _end in self.protected if t[start : start + 1].isalnum()}

        def glues(r: Replacement) -> bool:
            before = r.new[-1:] or t[r.start - 1 : r.start]  # what then precedes the literal
            return r.end in starts and before.isalnum() and not t[r.start : r.end].strip()

        return [r for r in reps if not glues(r)] if starts else reps

    def has_script(self, position: int) -> bool:
        """Is `position` on a line holding an Arabic-script letter?"""
        if self._no_script is None:
            self._no_script = non_arabic_holes(self.text)
        return not (self._no_script and contains(self._no_script, position))

    def is_arabic(self, position: int) -> bool:
        """...and is that line Arabic rather than Persian, Urdu or Kurdish?"""
        if self._other is None:
            self._other = self._language_lines(self.text)
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

    def allower(
        self, rule: Rule, spans: Sequence[Span], many: bool = False
    ) -> Callable[[int, int], bool]:
        """`allows` for `rule`, fast for a match that lies inside one of the
        stretches `spans_for` leaves (no URL, the right script and language
        all along): one bisection; any other match gets the full test.
        `many`: thousands of matches, for which the stretches are cut when
        that is cheap (`cuts_cheaply`: a bisection costs less than `allows`)."""
        allows = self.allows
        if self._empty_protected is None:
            self._empty_protected = any(start == end for start, end in self.protected)
        if self._empty_protected or (many and self.cuts_cheaply(rule, spans)):
            return self._stretch_allower(rule, spans)
        # A match of one character or more that lies inside a stretch is
        # allowed by `allows` too (the stretches are what its tests leave),
        # so `allows` alone gives the same answers, without cutting the
        # stretches (a guard per change, thousands of holes on tweets).  An
        # empty match at a stretch's end is allowed by the stretches only:
        # those take them.
        stretches: list[Callable[[int, int], bool]] = []

        def allowed(start: int, end: int) -> bool:
            if start < end:
                return allows(rule, start, end)
            if not stretches:
                stretches.append(self._stretch_allower(rule, spans))
            return stretches[0](start, end)

        return allowed

    def _stretch_allower(self, rule: Rule, spans: Sequence[Span]) -> Callable[[int, int], bool]:
        """`allower` by the stretches of `spans_for`: one bisection for a
        match inside one, `allows` for any other."""
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
        if cached is not None and cached[0] is spans:
            return cached[1]
        holes = [self.protected]
        if key[1] != "any":
            if self._no_script is None:
                self._no_script = non_arabic_holes(self.text)
            holes.append(self._no_script)
        if key[1] == "ar":
            if self._other is None:
                self._other = self._language_lines(self.text)
            holes.append(self._other)
        # One cut by all the holes together (sorted, overlapping or not)
        # gives the pieces that one cut after another gives, without the
        # spans in between (5,000 links of tweets: 5,000 spans a cut).
        parts = [part for part in holes if part]
        cut = parts[0] if len(parts) == 1 else sorted([hole for part in parts for hole in part])
        result = subtract_spans(spans, cut)
        self._spans_cache[key] = (spans, result)
        return result

    def cuts_cheaply(self, rule: Rule, spans: Sequence[Span]) -> bool:
        """Is ``spans_for(rule, spans)`` known already, or cheap to compute
        (at most `FEW_LINKS` protected ranges to cut out)?"""
        if len(self.protected) <= FEW_LINKS:
            return True
        languages = rule.languages or ("arabic-script",)
        kind = "any" if "any" in languages else "ar" if "ar" in languages else ""
        cached = self._spans_cache.get((id(spans), kind))
        return cached is not None and cached[0] is spans

    def _holes(self, rule: Rule) -> list[list[Range]]:
        """What `spans_for` cuts out for `rule`, as sorted lists of ranges."""
        languages = rule.languages or ("arabic-script",)
        holes = [self.protected]
        if "any" not in languages:
            if self._no_script is None:
                self._no_script = non_arabic_holes(self.text)
            holes.append(self._no_script)
            if "ar" in languages:
                if self._other is None:
                    self._other = self._language_lines(self.text)
                holes.append(self._other)
        return holes

    def spans_in(self, rule: Rule, spans: Sequence[Span], ranges: Sequence[Range]) -> list[Span]:
        """``spans_within(self.spans_for(rule, spans), ranges)`` (sorted
        `ranges`), computed on the ranges only: cheap when they are a few
        lines of a text with many URLs or foreign lines.  An empty span or
        range (which `spans_within` may keep as an empty piece) takes the
        long way, so that the pieces are always the same."""
        if any(start == end for start, end in ranges) or any(s.start == s.end for s in spans):
            return spans_within(self.spans_for(rule, spans), ranges)
        result = spans_within(spans, ranges)
        for holes in self._holes(rule):
            if holes and result:
                result = _cut(result, holes)
        return result

    def free_bounds(self, rule: Rule, spans: Sequence[Span]) -> Range | None:
        """The first and last positions (end exclusive) of
        ``self.spans_for(rule, spans)``; None when it is empty.  Found by
        bisection, without cutting the spans (an empty span of `spans`
        takes the long way)."""
        if any(span.start == span.end for span in spans):
            whole = self.spans_for(rule, spans)
            return (whole[0].start, whole[-1].end) if whole else None
        holes = self._holes(rule)
        first = last = None
        for span in spans:
            position = _free_from(span.start, span.end, holes)
            if position is not None:
                first = position
                break
        for span in reversed(spans):
            position = _free_until(span.start, span.end, holes)
            if position is not None:
                last = position
                break
        if first is None or last is None:
            return None
        return first, last


def _glues(rep: Replacement, gap_end: int | None) -> bool:
    """Would `rep`, which starts where a link's gap starts (`gap_end` is
    where that gap ends; None: no gap there), leave no space after it?"""
    if gap_end is None:
        return False
    if rep.new:
        return not rep.new[0].isspace()
    return rep.end >= gap_end


def _patched(
    ranges: list[Range],
    lines: list[Range],
    fresh: Callable[[int, int], list[Range]],
    sticky: bool = False,
) -> list[Range]:
    """Sorted `ranges` of whole lines with the part on `lines` found afresh
    (touching ranges join, as one scan of the text joins them); `sticky`:
    what `ranges` held is kept, what is found afresh is added."""
    kept = list(ranges) if sticky else subtract(ranges, lines)
    for lo, hi in lines:
        kept.extend(fresh(lo, hi))
    return merge_ranges(kept)


#: A range's end, as a bisection key (a C function: bisecting thousands of
#: holes per cut called a Python function at every step).
_end = itemgetter(1)


def _cut(spans: Sequence[Span], holes: list[Range]) -> list[Span]:
    """`subtract_spans(spans, holes)` with each span's holes found by
    bisection (few spans, many holes), where an empty hole cuts nothing
    (`spans_within` joins the two pieces such a hole leaves)."""
    result: list[Span] = []
    size = len(holes)
    for span in spans:
        start, end = span.start, span.end
        k = bisect_right(holes, start, key=_end)  # the first hole ending past start
        while k < size and holes[k][0] < end:
            hole_start, hole_end = holes[k]
            if hole_start < hole_end:
                if hole_start > start:
                    result.append(Span(start, hole_start, span.disabled))
                start = max(start, hole_end)
            k += 1
        if start < end:
            result.append(Span(start, end, span.disabled))
    return result


def _free_from(start: int, end: int, holes: list[list[Range]]) -> int | None:
    """The first position of ``[start, end)`` in none of the `holes`."""
    moved = True
    while moved and start < end:
        moved = False
        for ranges in holes:
            i = bisect_right(ranges, start, key=_end)
            if i < len(ranges) and ranges[i][0] <= start < ranges[i][1]:
                start = ranges[i][1]
                moved = True
    return start if start < end else None


def _free_until(start: int, end: int, holes: list[list[Range]]) -> int | None:
    """One past the last position of ``[start, end)`` in none of the `holes`."""
    moved = True
    while moved and start < end:
        moved = False
        for ranges in holes:
            i = bisect_right(ranges, end - 1, key=_end)
            if i < len(ranges) and ranges[i][0] <= end - 1 < ranges[i][1]:
                end = ranges[i][0]
                moved = True
    return end if start < end else None
