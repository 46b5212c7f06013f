"""Built-ins of the diacritics group: marks in canonical order
(``order-marks``), tanween fatha in one place (``tanween-fatha-position``)
and the dagger alef in today's spelling (``dagger-alef``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from arclean.builtins._common import finditer, option_choice
from arclean.chars import (
    LETTER,
    MARK,
    PROCLITICS_WFB,
    REGEX_FLAGS,
    TATWEEL,
    WORD_CHAR,
    lazy_compile,
)

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

_FATHATAN = "\N{ARABIC FATHATAN}"
_ALEF = "\N{ARABIC LETTER ALEF}"
# letter + marks + fathatan + marks + alef at the end of a word  (كتابًا)
_TANWEEN_BEFORE_RE = lazy_compile(
    rf"(?<={LETTER})({MARK}*){_FATHATAN}({MARK}*){_ALEF}(?!{WORD_CHAR})", REGEX_FLAGS
)
# letter + marks + alef + fathatan at the end of a word  (كتاباً)
_TANWEEN_ON_RE = lazy_compile(
    rf"(?<={LETTER})({MARK}*){_ALEF}{_FATHATAN}(?!{WORD_CHAR})", REGEX_FLAGS
)


#: The convention a tie goes to under ``majority`` (documented in AR205): the
#: Quranic spelling, with the mark on the letter that carries the case ending.
_TANWEEN_TIE = "before-alef"

# The marks just before a position, matched backwards: where a match of the
# two patterns above must start (right after a letter, the marks before it).
_MARKS_BACK_RE = lazy_compile(rf"{MARK}*", REGEX_FLAGS | regex.REVERSE)
_MARKS_FWD_RE = lazy_compile(rf"{MARK}*", REGEX_FLAGS)
#: Where a fathatan may begin the before-alef form: not just before a
#: character that is neither a mark nor the alef (no mark lies below U+0300;
#: ، ؛ ؟ are punctuation).  The run of marks ends there, so no alef follows
#: it: `_anchored` need not try (stdlib `re`, a fast scan).
_FATHATAN_NEXT = re.compile("\N{ARABIC FATHATAN}(?![\x00-\u02ff\u060c\u061b\u061f])")


def _anchored(
    pattern: regex.Pattern[str], text: str, spans: Sequence[Span], alef_first: bool
) -> list[regex.Match[str]]:
    """The matches `finditer(pattern, text, spans)` gives, found from each
    fathatan: a match starts where the run of marks before it begins (its
    lookbehind needs a letter there, and a mark everywhere else in the run),
    so one anchored match there per fathatan is all it takes."""
    found: list[regex.Match[str]] = []
    # The fathatan a match may hold: after an alef (on-alef), or before a
    # mark or an alef (before-alef); a match starting at any other one fails.
    needle = _ALEF + _FATHATAN if alef_first else ""
    for span in spans:
        position = _next_fathatan(text, needle, span.start, span.end)
        last = tried = -1
        # The run of marks the previous fathatan was in: text[run_start:run_end]
        # holds marks only.  Fathatan in one long run share its start, so the
        # run is scanned once, not once per fathatan (linear on 100,000 marks).
        run_start = run_end = -1
        while position != -1:
            end = position - 1 if alef_first else position
            if not alef_first or (end >= span.start and text[end] == _ALEF):
                if (
                    run_start >= 0
                    and run_end <= end
                    and _MARKS_FWD_RE.fullmatch(text, run_end, end)
                ):
                    start = run_start
                else:
                    back = _MARKS_BACK_RE.match(text, span.start, end)
                    start = back.start() if back is not None else end
                run_start, run_end = start, end
                if start > last and start != tried:
                    tried = start
                    m = pattern.match(text, start, span.end)
                    if m is not None:
                        found.append(m)
                        last = m.end() - 1
            position = _next_fathatan(text, needle, position + 1, span.end)
    return found


def _next_fathatan(text: str, needle: str, start: int, end: int) -> int:
    """The next fathatan in ``text[start:end]`` that may be part of a match:
    the fathatan of `needle` (alef + fathatan) when given, else one that
    `_FATHATAN_NEXT` finds; -1 when there is none."""
    if needle:
        found = text.find(needle, max(start - 1, 0), end)
        return -1 if found == -1 else found + 1
    hit = _FATHATAN_NEXT.search(text, start, end)
    return -1 if hit is None else hit.start()


def _outside_quotations(text: str, *found: list[Any]) -> list[list[Any]]:
    """Each list of matches in `found` without those inside a run of fully
    vowelled words in unvowelled prose (a quotation of the Quran, a hadith,
    a verse: `arclean.text.quran.vowelled_runs`), which keeps its own
    spelling and decides nothing.  Looked for only when both lists hold
    matches (a text with one form has nothing to move)."""
    if not all(found):
        return list(found)
    from arclean.text.quran import may_be_in_run, vowelled_runs
    from arclean.text.spans import contains

    # a match inside a run is on a vowelled word joined to another (or a
    # mark cut off in its gaps): only the lines around such matches are
    # read for runs
    near = [m.start() for matches in found for m in matches if may_be_in_run(text, m.start())]
    if not near:
        return list(found)
    runs = vowelled_runs(text, near)
    if not runs:
        return list(found)
    return [[m for m in matches if not contains(runs, m.start())] for matches in found]


def tanween_counts(text: str, spans: Sequence[Span]) -> tuple[int, int]:
    """How many tanween fatha `text` has before the alef and on it, inside
    `spans`: what ``majority`` compares (a stream counts them first)."""
    before, on = _outside_quotations(
        text,
        _anchored(_TANWEEN_BEFORE_RE, text, spans, alef_first=False),
        _anchored(_TANWEEN_ON_RE, text, spans, alef_first=True),
    )
    return len(before), len(on)


def _canonical_marks(marks: str) -> str:
    import unicodedata

    return "".join(sorted(marks, key=unicodedata.combining))


def tanween_fatha_position(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Put tanween fatha in one place: ``before-alef`` (كتابًا, on the letter
    before the alef) or ``on-alef`` (كتاباً).  With ``majority`` (the
    default) the form the text uses most wins; a tie goes to ``before-alef``
    (the Quranic spelling, and the letter that carries the case ending), so
    a text never keeps both.  A configured convention wins outright.  Both
    forms are counted only inside `spans`, which leave out the protected
    ranges (a Quranic quotation ﴿…﴾ decides nothing), and a run of fully
    vowelled words in unvowelled prose (a hadith, a verse) is neither
    counted nor changed."""
    from arclean.text.edits import Replacement

    convention = option_choice(rule, "tanween-fatha-position", "convention")
    # Each form is looked for only when needed: once a text is unified, the
    # form it no longer holds is found missing first, and cheaply (its
    # candidates are few), and the other is not looked for at all.
    before = on = []
    if convention != "before-alef":
        before = _anchored(_TANWEEN_BEFORE_RE, text, spans, alef_first=False)
        if not before:
            return []  # nothing to move, or (majority) one form only
    if convention != "on-alef":
        on = _anchored(_TANWEEN_ON_RE, text, spans, alef_first=True)
        if not on:
            return []
    if convention == "majority":
        before, on = _outside_quotations(text, before, on)
    elif convention == "before-alef":
        (on,) = _outside_quotations(text, on)
    else:
        (before,) = _outside_quotations(text, before)
    if convention == "majority":
        if len(before) == len(on):
            convention = _TANWEEN_TIE
        else:
            convention = "before-alef" if len(before) > len(on) else "on-alef"
    if convention == "before-alef":
        return [
            Replacement(
                m.start(), m.end(), _canonical_marks(m.group(1) + _FATHATAN) + _ALEF, rule.code
            )
            for m in on
        ]
    return [
        Replacement(m.start(), m.end(), m.group(1) + m.group(2) + _ALEF + _FATHATAN, rule.code)
        for m in before
    ]


_DAGGER = "\N{ARABIC LETTER SUPERSCRIPT ALEF}"
#: Words whose modern spelling has no alef where the dagger alef stands.
_DAGGER_DROP_WORDS = (
    "هذا هذه هذان هذين هؤلاء ذلك ذلكم ذلكما لكن لكنه لكنها لكنهم هكذا أولئك "
    "إله الإله اله الرحمن رحمن الله لله بالله والله تالله اللهم طه يس"
)
_DAGGER_DROP = frozenset(_DAGGER_DROP_WORDS.split())
_DAGGER_WORD_RE = lazy_compile(
    rf"(?<!{WORD_CHAR})[\p{{L}}\p{{M}}]*{_DAGGER}[\p{{L}}\p{{M}}]*(?!{WORD_CHAR})", REGEX_FLAGS
)
_MARKS_RE = lazy_compile(MARK, REGEX_FLAGS)
_MADDA = "\N{ARABIC MADDAH ABOVE}"
_WAW = "\N{ARABIC LETTER WAW}"


def dagger_alef(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """The superscript (dagger) alef in today's spelling: dropped where
    modern Arabic writes no alef (هٰذا → هذا, ذٰلك, لٰكن, الرحمٰن, ٱللّٰه, and on
    ى: علىٰ → على), written as a full alef elsewhere (السمٰوات → السماوات)."""
    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_DAGGER_WORD_RE, text, spans):
        word = m.group()
        if _DAGGER + _MADDA in word:
            # يَٰٓأَيُّهَا, هَٰٓؤُلَآءِ: the vocative or demonstrative ها/يا, which
            # today's spelling writes as a word of its own or not at all:
            # not known here, left as written
            continue
        # A tatweel that carries the dagger alef (هَـٰذَا, الرحمـٰن) is its
        # seat: it goes with it, dropped or written as the full alef.
        bare = _MARKS_RE.sub("", word).replace(TATWEEL, "")
        bare = bare.replace("\N{ARABIC LETTER ALEF WASLA}", _ALEF)
        drop = bare in _DAGGER_DROP or bare.lstrip(PROCLITICS_WFB) in _DAGGER_DROP
        out = []
        for i, ch in enumerate(word):
            if ch == TATWEEL and word[i + 1 : i + 2] == _DAGGER:
                continue
            if ch != _DAGGER:
                out.append(ch)
                continue
            base = next(
                (c for c in reversed(word[:i]) if c != TATWEEL and not _MARKS_RE.match(c)), ""
            )
            if drop or base in ("\N{ARABIC LETTER ALEF MAKSURA}", _ALEF, ""):
                continue
            if base == _WAW:
                # the Uthmani waw that seats the alef (ٱلصَّلَوٰةَ, ٱلْحَيَوٰةِ,
                # مِشْكَوٰةٍ): today's spelling writes the alef in its place
                while out and out[-1] != _WAW:
                    out.pop()  # the waw's own marks, if any
                if out:
                    out.pop()
            out.append(_ALEF)
        new = "".join(out)
        if new != word:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


#: Rank of each mark that `order-marks` moves: vowels and tanween, then
#: shadda, then sukun, then the superscript alef (Unicode canonical order).
_MARK_RANK = {
    **{chr(c): 0 for c in range(ord("\N{ARABIC FATHATAN}"), ord("\N{ARABIC KASRA}") + 1)},
    "\N{ARABIC SHADDA}": 1,
    "\N{ARABIC SUKUN}": 2,
    _DAGGER: 3,
}
_MARK_RUN_RE = lazy_compile(
    "[\N{ARABIC FATHATAN}-\N{ARABIC SUKUN}\N{ARABIC LETTER SUPERSCRIPT ALEF}]{2,}", REGEX_FLAGS
)


def order_marks(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Each run of harakat in canonical order, in one step: vowels and
    tanween before shadda, shadda before sukun, the superscript alef last
    (a stable sort, so two vowels keep their order for AR202 to see).
    Linear in the run, however long or scrambled (ب + ّ َ × 10 settles at
    once, where swapping pairs took a round per position)."""
    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_MARK_RUN_RE, text, spans):
        run = m.group()
        ordered = "".join(sorted(run, key=_MARK_RANK.__getitem__))
        if ordered != run:
            reps.append(Replacement(m.start(), m.end(), ordered, rule.code))
    return reps
