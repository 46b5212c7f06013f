"""Built-in of the letters group: Arabic presentation forms to the letters
they show (``presentation-forms``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.chars import (
    CITATION_OPENERS,
    HARAKAT,
    LETTER_OR_TATWEEL,
    MARK_CATEGORY,
    REGEX_FLAGS,
    TATWEEL,
    WORD_CHAR,
    WORD_END_LETTERS,
    lazy_compile,
)
from arclean.text.mentions import HARAKA_NAME_BEFORE
from arclean.text.presentation import DUAL_JOINING_LETTERS, presentation_shape

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span


#: Presentation forms used in their own right: ﴾ ﴿, the word ligatures
#: U+FDF0-FDFF (the Quranic pause signs ﷰ ﷱ, ﷲ ﷳ ﷴ … ﷺ ﷻ ﷼ ﷽, whose NFKC
#: spells ﷺ out as a whole phrase and the pause signs with Urdu ے) and the
#: honorific ligatures.
_KEEP_FORMS = frozenset(
    "\N{ORNATE LEFT PARENTHESIS}\N{ORNATE RIGHT PARENTHESIS}"
    + "".join(chr(cp) for cp in range(0xFD40, 0xFD50))
    + "".join(chr(cp) for cp in (0xFDCF, *range(0xFDF0, 0xFE00)))
)
_FORMS_RE = lazy_compile(r"[\uFB50-\uFDFF\uFE70-\uFEFE]")


_JOINS_RE = lazy_compile(LETTER_OR_TATWEEL, REGEX_FLAGS)
_WORD_RE = lazy_compile(WORD_CHAR, REGEX_FLAGS)


def _keep_joining(text: str, start: int, end: int, form: str, letter: str) -> str:
    """A presentation form that stands alone as a one-letter word keeps its
    joining stroke with a tatweel, as an editor would write it: ٦٣٣ﻫ is the
    Hijri ٦٣٣هـ, ﺑ «مرلي» is بـ «مرلي», a lone ﺔ is ـة.  Inside a word (a
    letter of any script, or another presentation form, next to it) no
    tatweel is ever added: #ﺎرحل is #ارحل, ﺎﺎ is اا."""

    after = text[end : end + 8].lstrip(HARAKAT)[:1] or " "
    before = text[max(0, start - 8) : start].rstrip(HARAKAT)[-1:] or " "
    if _WORD_RE.match(after) or _WORD_RE.match(before):
        return letter  # part of a longer word: its neighbours show the joins
    name = unicodedata.name(form, "")
    if name.endswith(("INITIAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(after):
        letter += TATWEEL
    if name.endswith(("FINAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(before):
        letter = TATWEEL + letter
    return letter


def _shows_word_break(text: str, start: int, runs: list[int] | None = None) -> bool:
    """Does the presentation form at `start` start a word glued to the one
    before (only marks between them)?  The letter before is an isolated or
    final form of a letter that joins on both sides, or of ة ى, which only
    end words; the form at `start` an initial or isolated letter.  Inside a
    word the letter before would have taken its initial or medial form:
    ﻛﺎﻥﺧﻄﺄ is كان خطأ, ﻧﻔﻮﺱﺍﻟﻜﺜﻴﺮ is نفوس الكثير.  A letter that joins on
    the right only (ا د ذ ر ز و, the lam-alef ligatures) is followed by an
    unjoined one inside a word (ﺍﻷﺳﺪ), and so is hamza ء (ﺷﻲﺀ ends on it,
    ﻣﺴﺎﺀﻟﺔ goes on after it).  Two isolated forms show nothing: text set
    wholly in isolated forms (ﻙﺕﺍﺏ, as some PDF extractions give it) has no
    joins to read (when the glyphs around them show joins, as in ﻧﻔﻮﺱﺍﻟﻜﺜﻴﺮ,
    they do).  A keyboard letter before shows unjoined: a one-letter form
    after it starts a word (#بنغازيﺍﻟﻘﻮﺍﺕ), unless it is a ligature, which
    keyboards type inside words (خﻻص), or the keyboard letter stands alone,
    a proclitic on a pasted word (بﺍﻟﻘﺎﻫﺮﺓ), or the form is one alone
    among keyboard letters (كتﺍب: a letter mistyped, no pasted word)."""
    shape, letters = presentation_shape(text[start])
    if shape not in ("isolated", "initial") or not letters[:1].isalpha():
        return False
    this_shape = shape
    if letters[0] == "\N{ARABIC LETTER HAMZA}":
        return False
    before = start
    while before > 0 and unicodedata.category(text[before - 1]) == MARK_CATEGORY:
        before -= 1
    if before == 0:
        return False
    previous = text[before - 1]
    if not _FORMS_RE.match(previous):
        # A keyboard letter: it shows unjoined before the form, so the text
        # shows a break (#بنغازيﺍﻟﻘﻮﺍﺕ); not before a ligature keyboards type
        # inside words (خﻻص), nor after a lone proclitic (بﺍﻟﻘﺎﻫﺮﺓ).
        if len(letters) > 1 or text[start] in _KEEP_FORMS:
            return False
        if start + 1 < len(text) and not _in_run(text[start + 1]):
            return False  # one form among keyboard letters (كتﺍب)
        if before < 2 or not unicodedata.category(text[before - 2]).startswith("L"):
            return False
        return previous in DUAL_JOINING_LETTERS or previous in WORD_END_LETTERS
    shape, letters = presentation_shape(previous)
    if shape not in ("isolated", "final"):
        return False
    if shape == this_shape == "isolated" and not _shaped_run(text, before - 1, start, runs):
        return False
    previous = next((ch for ch in reversed(letters) if ch.isalpha()), "")
    return previous in DUAL_JOINING_LETTERS or previous in WORD_END_LETTERS


def _shaped_run(text: str, last: int, first: int, runs: list[int] | None = None) -> bool:
    """Do the presentation forms around two isolated ones (the run ending at
    `last`, the one starting at `first`) show joins: an initial, medial or
    final form?  Text set wholly in isolated forms does not.  The answer is
    the whole run's: `runs` keeps the last run's ``[start, end, shaped]``,
    so that a long run is walked once, not once per pair in it."""
    if runs and runs[0] <= last < runs[1]:
        return bool(runs[2])
    i = last
    while i > 0 and _in_run(text[i - 1]):
        i -= 1
    j = i
    shaped = False
    while j < len(text) and _in_run(text[j]):
        shaped = shaped or (
            _FORMS_RE.match(text[j]) is not None and presentation_shape(text[j])[0] != "isolated"
        )
        j += 1
    if runs is not None:
        runs[:] = [i, j, int(shaped)]
    return shaped


def _in_run(ch: str) -> bool:
    """A presentation form or a combining mark: part of a run of forms."""
    return _FORMS_RE.match(ch) is not None or unicodedata.category(ch) == MARK_CATEGORY


def _spacing_mark(ch: str) -> bool:
    """Is `ch` a spacing form of harakat (U+FE70-FE7F ﹶ ﹼ ..., the isolated
    shadda ligatures U+FC5E-FC63): marks alone, on a space or a tatweel?"""
    marks = presentation_shape(ch)[1].lstrip(" " + TATWEEL)
    return bool(marks) and all(unicodedata.category(c) == MARK_CATEGORY for c in marks)


def _shows_mark_alone(text: str, start: int) -> bool:
    """Does the spacing form of a mark at `start` show the mark by itself
    (الفتحة ( ﹶ ), الفتحة ﹶ, ـﹽ, a line starting with ﹼ)?  Its base, the
    character before it (marks and other spacing forms skipped), is a
    tatweel, the line start, or spaces after a bracket, a quote or the
    mark's name.  After a letter, or spaces after an ordinary word, it is a
    mark that PDF extraction spaced out (كتابﹶ, شكرا ﹰ جزيلا)."""
    i = start
    while i > 0 and (
        unicodedata.category(text[i - 1]) == MARK_CATEGORY or _spacing_mark(text[i - 1])
    ):
        i -= 1
    if i == 0 or text[i - 1] == TATWEEL or text[i - 1] == "\n":
        return True
    if unicodedata.category(text[i - 1]).startswith("L"):
        return False
    # after a space: cited only after the mark's name or an opening bracket
    # or quote (الفتحة ( ﹶ )); after a word it was spaced out by PDF
    # extraction (شكرا ﹰ جزيلا) and goes back to its word's mark
    j = i  # back over spaces and other cited marks (التنوين: ﹰ ﹲ ﹴ)
    while j > 0 and (
        text[j - 1] in " \t"
        or unicodedata.category(text[j - 1]) == MARK_CATEGORY
        or _spacing_mark(text[j - 1])
    ):
        j -= 1
    if j == 0 or text[j - 1] in "\n" + TATWEEL or text[j - 1] in CITATION_OPENERS:
        return True
    if not unicodedata.category(text[j - 1]).startswith(("L", "M")):
        return True
    return HARAKA_NAME_BEFORE.search(text, max(0, j - 30), i) is not None


def presentation_forms(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Arabic presentation forms (glyph codes PDF extraction leaves behind)
    to the letters they show, one character at a time with NFKC (ﻷ → لأ
    keeps the hamza).  Never NFKC over the whole text: that would also turn
    … into ... and the no-break space into a space."""

    from arclean.text.edits import Replacement

    reps: list[Any] = []
    runs: list[int] = []  # `_shaped_run`'s last run: [start, end, shaped]
    for m in finditer(_FORMS_RE, text, spans):
        ch = m.group()
        if _shows_word_break(text, m.start(), runs):
            reps.append(Replacement(m.start(), m.start(), " ", rule.code))
        if ch in _KEEP_FORMS or (_spacing_mark(ch) and _shows_mark_alone(text, m.start())):
            continue
        new = unicodedata.normalize("NFKC", ch)
        if new.startswith(" "):
            # The spacing harakat (U+FE70-FE7F) and the isolated shadda
            # ligatures (U+FC5E-FC63) decompose to SPACE + marks: the marks
            # belong on the letter before, the space is not part of the text.
            new = new.lstrip(" ")
        elif len(new) == 1:
            new = _keep_joining(text, m.start(), m.end(), ch, new)
        if new and new != ch:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


# ---------------------------------------------------------------------------
# Persian-keyboard ی and ک in Arabic words (AR403, AR404, AR405, AR407).
# ---------------------------------------------------------------------------


def _keyboard_words(text: str, spans: Sequence[Span]) -> Iterator[tuple[int, str]]:
    from arclean.text.foreign import persian_keyboard_words

    for span in spans:
        yield from persian_keyboard_words(text, span.start, span.end)


def _last_letter(word: str) -> int:
    """Index of the last letter of `word` (marks may follow it)."""
    i = len(word) - 1
    while i > 0 and not word[i].isalpha():
        i -= 1
    return i


def _end_left(word: str) -> bool:
    """Does `word` end in a ی that AR404 leaves for a person (AR407)?  Then
    no other letter of it is mended either: the word stays as typed, not
    half Arabic (یأتی, and «یکی» quoted from Persian: not یكی)."""
    from arclean.text.foreign import FARSI_YEH, YEH, final_yeh

    return word[_last_letter(word)] == FARSI_YEH and final_yeh(word) != YEH


def farsi_yeh_inside_word(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Persian yeh ی at the start or in the middle of an Arabic word is ي
    (یحقق → يحقق).  Not in a word holding a Persian or Kurdish letter, nor
    in a clause quoted in Persian, Kurdish or Urdu (`arclean.text.foreign`),
    nor in a word ending in a ی that AR404 leaves for a person (یأتی: the
    word stays as typed, not half mended)."""
    from arclean.text.edits import Replacement
    from arclean.text.foreign import FARSI_YEH, YEH

    reps: list[Any] = []
    for start, word in _keyboard_words(text, spans):
        if _end_left(word):
            continue  # its end is a person's choice (AR407): no half-mended یأتی → يأتی
        last = _last_letter(word)
        reps.extend(
            Replacement(start + i, start + i + 1, YEH, rule.code)
            for i, ch in enumerate(word)
            if ch == FARSI_YEH and i < last
        )
    return reps


def farsi_yeh_at_word_end(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Persian yeh ی at the end of an Arabic word becomes ي where the
    lexicon attests only ي (هادی → هادي, النووی → النووي).  Nothing becomes
    ى: a word the books spell only with ى may be another word today (ثری
    "rich" is not ثرى "soil", مرسی the name is not مرسى "anchorage"), so it
    is left, as is a word attested with both (علی: على or علي) or with
    neither, for AR407 to report."""
    from arclean.text.edits import Replacement
    from arclean.text.foreign import FARSI_YEH, YEH, final_yeh

    reps: list[Any] = []
    for start, word in _keyboard_words(text, spans):
        last = _last_letter(word)
        if word[last] != FARSI_YEH:
            continue
        letter = final_yeh(word)
        if letter == YEH:
            reps.append(Replacement(start + last, start + last + 1, letter, rule.code))
    return reps


def farsi_yeh_undecided(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Report an Arabic word ending in ی that AR404 leaves: the word may end
    in ي or ى (علی: على or علي, إلی: إلى or إلي), is attested only with ى
    (a choice for a person: ثری, مرسی), or is unknown."""
    from arclean.text.edits import Finding
    from arclean.text.foreign import FARSI_YEH, YEH, final_yeh

    found: list[Any] = []
    for start, word in _keyboard_words(text, spans):
        last = _last_letter(word)
        if word[last] == FARSI_YEH and final_yeh(word) != YEH:
            found.append(
                Finding(start, start + len(word), rule.code, rule.message, rule.level, old=word)
            )
    return found


def keheh_in_arabic(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Persian keheh ک in an Arabic word is ك (الکتاب → الكتاب); not in a
    word holding a Persian or Kurdish letter, nor in a quoted Persian clause."""
    from arclean.text.edits import Replacement
    from arclean.text.foreign import KAF, KEHEH

    reps: list[Any] = []
    for start, word in _keyboard_words(text, spans):
        if _end_left(word):
            continue  # یکی stays یکی, never the half-mended یكی
        reps.extend(
            Replacement(start + i, start + i + 1, KAF, rule.code)
            for i, ch in enumerate(word)
            if ch == KEHEH
        )
    return reps
