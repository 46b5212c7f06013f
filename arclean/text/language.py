"""The language of each paragraph, from its letters.

Persian, Urdu and Kurdish share the Arabic script but not its orthography,
and Arabic-only rules must leave them alone.  The letter tables live in
`arclean.chars`; this module only counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

from arclean.chars import (
    ARABIC_INDIC_DIGITS,
    ARABIC_ONLY_LETTERS,
    FARSI_FORMS,
    LETTER,
    NON_ARABIC_LETTERS,
    PERSIAN_DIGITS,
    REGEX_FLAGS,
    char_class,
    lazy_compile,
)
from arclean.text.literal import CharsScan, LiteralScan, literal_scan
from arclean.text.spans import Range

Language = Literal["ar", "other-arabic-script", ""]


def paragraph_language(text: str) -> Language:
    """Guess whether a paragraph is Arabic (``"ar"``), another language in the
    Arabic script (``"other-arabic-script"``) or has no Arabic letters (``""``).

    Arabic text typed on a Persian keyboard uses ی and ک and the digits
    ۰-۹ but none of پ چ ژ گ, and keeps ة and Arabic yeh elsewhere; that
    still counts as Arabic.  A line with those forms and no letter only
    Arabic has (در سال ۱۳۹۴ به تهران رفتم) is not.
    """
    arabic_only = 0
    foreign = 0
    farsi_forms = 0
    letters = 0
    for ch in text:
        if ch in NON_ARABIC_LETTERS:
            foreign += 1
        elif ch in ARABIC_ONLY_LETTERS or ch in ARABIC_INDIC_DIGITS:
            arabic_only += 1
        elif ch in FARSI_FORMS or ch in PERSIAN_DIGITS:
            farsi_forms += 1
        elif "\N{ARABIC LETTER HAMZA}" <= ch <= "\N{ARABIC LETTER YEH}":
            letters += 1
    if not (letters or arabic_only or foreign or farsi_forms):
        return ""
    if foreign and foreign * 4 >= arabic_only:
        return "other-arabic-script"
    if farsi_forms and not arabic_only:
        return "other-arabic-script"
    return "ar"


#: Languages written in the Arabic script other than Arabic (BCP 47
#: primary subtags): Persian and Dari, Urdu, Pashto, Kurdish (Sorani),
#: Sindhi, Uyghur, Balochi, Kashmiri, Punjabi (Shahmukhi), Saraiki, Gilaki,
#: Mazanderani, Luri, Bakhtiari, Hazaragi, Khowar, Ottoman Turkish.
OTHER_ARABIC_SCRIPT_LANGUAGES = frozenset(
    {
        "fa",
        "prs",
        "ur",
        "ps",
        "ckb",
        "ku",
        "sd",
        "ug",
        "bal",
        "ks",
        "pnb",
        "skr",
        "glk",
        "mzn",
        "lrc",
        "bqi",
        "haz",
        "khw",
        "ota",
        # ISO 639-2 and 639-3 codes, which xml:lang and older files use
        "fas",
        "per",
        "pes",
        "urd",
        "pus",
        "pbu",
        "pbt",
        "kur",
        "snd",
        "uig",
        "kas",
        "bcc",
        "bgp",
        "bgn",
        "azb",  # South Azerbaijani, written in the Arabic script
        "sdh",  # Southern Kurdish
    }
)


#: Arabic itself (BCP 47 primary subtags): ``ar``, ISO 639-2 ``ara`` and
#: the ISO 639-3 varieties (Standard, Egyptian, Levantine, Moroccan,
#: Tunisian, Algerian, Gulf, Najdi, Iraqi, Sudanese, Hijazi ...).
ARABIC_LANGUAGES = frozenset(
    {"ar", "ara", "arb", "arz", "apc", "ajp", "ary", "aeb", "arq", "afb", "ars"}
    | {"acm", "apd", "acw", "ayl", "ayp", "abv", "acx", "aec", "shu", "ssh"}
)


def _primary(tag: str) -> list[str]:
    return tag.strip().lower().replace("_", "-").split("-")


def arabic_language(tag: str) -> bool:
    """Does the language tag `tag` (``ar``, ``ar-EG``, ``arz``) name Arabic?"""
    return _primary(tag)[0] in ARABIC_LANGUAGES


def other_script_language(tag: str) -> bool:
    """Does the language tag `tag` (an HTML ``lang``, ``fa-IR``, ``ur``,
    ``az-Arab``) name a language other than Arabic written in the Arabic
    script?  An author's statement, stronger than any guess from letters."""
    parts = _primary(tag)
    if not parts[0] or parts[0] in ARABIC_LANGUAGES:
        return False
    return parts[0] in OTHER_ARABIC_SCRIPT_LANGUAGES or "arab" in parts[1:]


_ARABIC_LINE_RE = lazy_compile(r"^[^\n]*" + LETTER + r"[^\n]*$", REGEX_FLAGS)
#: Compiled on first use, from the tables `paragraph_language` counts (so
#: the two can never disagree): a letter or digit of another Arabic-script
#: language (only lines holding one can be anything but Arabic), and one
#: only Arabic writes.
_PATTERNS: list[re.Pattern[str]] = []
#: The letters and digits only Arabic writes, one by one: counted with
#: `str.count` (a search for one character, in C), not with a class (a
#: books text holds half a million of them: 130 ms with `re`, 45 ms so).
_ARABIC_OWN = tuple(sorted(ARABIC_ONLY_LETTERS | ARABIC_INDIC_DIGITS))


#: The first of `_patterns` as a scan of its characters one by one
#: (`arclean.text.literal.CharsScan`: the same matches), made on first use.
_FOREIGN_SCAN: list[re.Pattern[str] | CharsScan | LiteralScan] = []


def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(another language's letter or digit, Arabic's own), `re` classes."""
    if not _PATTERNS:
        _PATTERNS.append(re.compile(char_class(NON_ARABIC_LETTERS | FARSI_FORMS | PERSIAN_DIGITS)))
        _PATTERNS.append(re.compile(char_class(ARABIC_ONLY_LETTERS | ARABIC_INDIC_DIGITS)))
    return _PATTERNS[0], _PATTERNS[1]


def other_language_lines(
    text: str, start: int = 0, end: int | None = None, mostly_other: bool | None = None
) -> list[Range]:
    """Lines that are not Arabic but use the Arabic script (Persian, Urdu,
    Kurdish...), as sorted ranges without their line breaks.  Only lines
    holding a foreign or Farsi letter are counted, found with `re` (several
    times faster than a `regex` pattern for the whole line).  `start` and
    `end` (a line's start, and a line break's end or the text's end) look
    at those lines only.  In a text in another language as a whole
    (`mostly_other`, `text_in_other_language` of the whole text when not
    given), every line holding no letter or digit only Arabic writes."""
    if mostly_other is None and start == 0 and end is None:
        mostly_other = text_in_other_language(text)
    if mostly_other:
        return _lines_without_arabic(text, start, len(text) if end is None else end)
    finder = _patterns()[0]
    found: list[Range] = []
    position = start
    stop = len(text) if end is None else end
    while True:
        hit = finder.search(text, position, stop)
        if hit is None:
            return found
        first, last = _line_of(text, hit.start())
        if paragraph_language(text[first:last]) == "other-arabic-script":
            found.append((first, last))
        position = last + 1


def _line_of(text: str, position: int) -> Range:
    """The line holding `position`, without its line break."""
    last = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if last == -1 else last


def non_arabic_holes(text: str, start: int = 0, end: int | None = None) -> list[Range]:
    """Runs of lines with no Arabic-script letter (with their line breaks):
    consecutive Arabic lines stay one stretch, not a range per line.
    `start` and `end` (a line's start, and a line break's end or the text's
    end) look at those lines only."""
    stop = len(text) if end is None else end
    holes = []
    position = start
    for m in _ARABIC_LINE_RE.finditer(text, start, stop):
        if m.start() > position:
            holes.append((position, m.start()))
        position = m.end() + (1 if text.startswith("\n", m.end()) else 0)
    if position < stop:
        holes.append((position, stop))
    return holes


def language_counts(text: str) -> tuple[int, int]:
    """(letters and digits of the other Arabic-script languages, letters
    and digits only Arabic writes) in `text`: what `text_in_other_language`
    weighs, summed over the chunks of a stream.  The second is not counted
    (0) when the first is 0: nothing to weigh."""
    other = len(_patterns()[0].findall(text))
    return other, (sum([text.count(char) for char in _ARABIC_OWN]) if other else 0)


def decided_other_lines(text: str) -> tuple[list[Range], bool]:
    """`other_language_lines` of the whole `text`, and whether it is in
    another language as a whole: one scan when it holds no letter of
    another language (the usual Arabic text)."""
    # One scan for the places of the other languages' letters: the count
    # that decides the language (`text_in_other_language`) and the lines
    # holding one (`other_language_lines`, which searched the text again).
    if not _FOREIGN_SCAN:  # each character found with `str.find` (books: 13 -> 6 ms)
        _FOREIGN_SCAN.append(literal_scan(_patterns()[0]))
    hits = [m.start() for m in _FOREIGN_SCAN[0].finditer(text)]
    if not hits:
        return [], False
    if _outnumbered(text, len(hits)):
        return _lines_without_arabic(text, 0, len(text)), True
    found: list[Range] = []
    size = len(hits)
    i = 0
    while i < size:
        first, last = _line_of(text, hits[i])
        if paragraph_language(text[first:last]) == "other-arabic-script":
            found.append((first, last))
        i = bisect_left(hits, last + 1, i + 1)  # the next hit past the line
    return found, False


def in_other_language(other: int, arabic: int) -> bool:
    """Counts of `language_counts`: the Persian, Urdu or Kurdish letters and
    digits outnumber ten times those only Arabic writes (ة ي ى ك, ٠-٩)?
    Arabic typed on a Persian keyboard keeps its ة; a Persian file or
    subtitle track writes none of them."""
    return other > 0 and arabic * 10 < other


def text_in_other_language(text: str) -> bool:
    """Is `text` as a whole in another language of the Arabic script?
    (`in_other_language` of `language_counts`, the letters only Arabic
    writes counted only until they are enough to answer no.)"""
    other = len(_patterns()[0].findall(text))
    return bool(other) and _outnumbered(text, other)


def _outnumbered(text: str, other: int) -> bool:
    """`in_other_language(other, ...)` of `text`, which holds `other` (> 0)
    letters and digits of another language: those only Arabic writes are
    counted until they are enough to answer no."""
    arabic = 0
    for char in _ARABIC_OWN:
        arabic += text.count(char)
        if arabic * 10 >= other:
            return False
    return in_other_language(other, arabic)


def _lines_without_arabic(text: str, start: int, stop: int) -> list[Range]:
    """In a text in another language: the lines from `start` to `stop` but
    those holding a letter or digit only Arabic writes (a quoted Arabic
    line), so that a short line with no letter to tell the languages apart
    (تو و او, you and him) takes the text's language."""
    arabic = _patterns()[1]
    found: list[Range] = []
    position = start
    while position <= stop and position <= len(text):
        last = text.find("\n", position, stop)
        last = min(stop, len(text)) if last == -1 else last
        if last > position and not arabic.search(text, position, last):
            found.append((position, last))
        position = last + 1
    return found
