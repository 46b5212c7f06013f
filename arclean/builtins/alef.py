"""Built-ins of the alef group: a letter and a separate hamza or madda mark
composed (``decomposed-hamza``), one initial hamza per word within a text
(``hamza-consistency``)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.builtins.hamza_readings import HAMZA_SEATS, one_reading, suffixed_reading
from arclean.chars import (
    ARABIC_MARK_RANGES,
    ARTICLE_FORMS,
    HAMZA_BASES,
    HAMZA_MARKS,
    LETTER,
    PATTERN_MACROS,
    REGEX_FLAGS,
    WORD_CHAR,
    lazy_compile,
)
from arclean.locations import builtin_rules_dir
from arclean.text.spans import merge_ranges

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

_ALEF = "\N{ARABIC LETTER ALEF}"
_ARTICLE = "|".join(ARTICLE_FORMS)
_HAMZA_WORD_RE = lazy_compile(
    rf"(?<!{WORD_CHAR})({_ARTICLE})?([اأإآ])({LETTER}{{3,}})(?!{WORD_CHAR})", REGEX_FLAGS
)
_HAMZA_FORMS = HAMZA_SEATS
#: Hashtags, mentions and underscore identifiers (#ابراهيم_محلب, فى_البيت):
#: names, never respelt (the `{tag}` of the word rules AR302 and AR303).
_TAG_RE = lazy_compile(PATTERN_MACROS["tag"], REGEX_FLAGS)


#: A letter that takes a hamza or madda, then a run of marks holding one.
_DECOMPOSED_RE = lazy_compile(
    f"[{HAMZA_BASES}][{ARABIC_MARK_RANGES}]*?[{HAMZA_MARKS}][{ARABIC_MARK_RANGES}]*", REGEX_FLAGS
)


def decomposed_hamza(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """A letter (ا و ي) and a combining hamza or madda mark, with or without
    other marks between them, to the letter that holds it and the other
    marks in canonical order, as NFC composes it: ا + َ + ٔ (the NFD of أَ)
    and ا + ٔ + َ both become أَ.  Nothing else is composed (ٱ, ە + ٔ stay)."""
    import unicodedata

    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_DECOMPOSED_RE, text, spans):
        old = m.group()
        new = unicodedata.normalize("NFC", old)
        if new != old and new[0] not in HAMZA_BASES:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


_WASL_CACHE: list[tuple[frozenset[str], frozenset[str]]] = []


def _wasl_words() -> tuple[frozenset[str], frozenset[str]]:
    """hamzat_wasl.tsv (AR302's list): its misspelt forms (إستقبال, أثنين)
    and its correct forms (استقبال, اثنين), both without the article."""
    if not _WASL_CACHE:
        path = builtin_rules_dir() / "hamzat_wasl.tsv"
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        pairs = [line.split("\t") for line in lines if line and not line.startswith("#")]
        _WASL_CACHE.append(
            (frozenset(p[0] for p in pairs), frozenset(p[1] for p in pairs if len(p) > 1))
        )
    return _WASL_CACHE[0]


#: Nouns with hamzat wasl (ابن ابنة امرأة اسم اثنان), as their stems after
#: the alef, and the endings they take (ابنه ابنتها امرأته اسمهم اثنتين).
#: امراة, امراته: امرأة with its hamza lost (the OCR sample), not أمراة.
_WASL_NOUN_STEMS = ("بن", "بنت", "بنة", "مرأة", "مرأت", "مرأ", "مرؤ", "مرئ", "مراة", "مرات",
                    "سم", "ثن", "ثنت")  # fmt: skip
_NOUN_ENDINGS = (
    "", "ه", "ها", "هم", "هما", "هن", "ي", "ك", "كم", "كما", "كن", "نا",
    "ا", "ان", "ين", "يه", "يها", "يهم", "ينا",
)  # fmt: skip
_WASL_NOUNS = frozenset(stem + ending for stem in _WASL_NOUN_STEMS for ending in _NOUN_ENDINGS) | {
    # the adjective of اسم (القيمة الاسمية, the nominal value)
    "سمي", "سمية", "سميا", "سميان", "سميين", "سميتان", "سميتين", "سميات",
}  # fmt: skip
#: Form VIII of roots whose ت merges into their first letter (اطّلع, ادّعى,
#: ادّخر, اذّكر): written with one letter, their shape hides the form, and
#: the hamza form is often another word (أطلعت "I informed", اطّلعت "I read").
_MERGED_FORM_VIII = ("طلع", "طلاع", "طرد", "طراد", "دعا", "دعى", "دعي", "دعو", "دخر", "دخار",
                     "دهن", "دهان", "ذكر", "دكر", "ظلم")  # fmt: skip
#: What follows the root of an imperative (ادخلي ادخلوا اكتبا افتحه اذكرني):
#: the person, then an object pronoun.
_IMPERATIVE_ENDINGS = (
    "ي", "وا", "ا", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم", "كما",
    "وه", "وها", "وهم", "وهما", "وني", "ونا", "يه", "يها", "يهم", "يني", "ينا",
    "اه", "اها", "اهم", "اني", "انا",
)  # fmt: skip


def may_be_imperative(rest: str) -> bool:
    """Can alef + `rest` (no article) be the imperative of form I, which
    begins with hamzat wasl: a root of two or three letters, then an
    ending (ادخلي enter!, ادعوا call!, افتحه open it!)?  Then its hamza form
    (أدخلي "bring in!", أفتحه "I open it") is another word."""
    if len(rest) <= 3:
        return True
    return any(
        rest.endswith(ending) and 2 <= len(rest) - len(ending) <= 3
        for ending in _IMPERATIVE_ENDINGS
    )


def is_hamzat_wasl(rest: str) -> bool:
    """True when a word written alef + `rest` (article removed) begins with
    hamzat wasl, so that no hamza may ever be written on it: a listed word
    (اثنين, ادعاء, اطمأن, استقبال ...), a wasl noun with its ending (ابنه,
    ابنتها, امرأته, اسمه, اثنتين), the shape of a verbal noun or verb of
    forms VII, VIII and X (انفعال افتعال استفعال, with the ت of form VIII
    assimilated after ص ض ط ظ د ذ ز: اضطراب, ازدهار), form VIII of a root
    whose ت merges into its first letter (اطّلع, اطّلاعه, ادّعى, ادّخار), or
    form XII (اغرورق)."""
    misspelt, correct = _wasl_words()
    if _ALEF + rest in correct or any(seat + rest in misspelt for seat in _HAMZA_FORMS):
        return True
    if rest in _WASL_NOUNS or rest.startswith(_MERGED_FORM_VIII):
        return True
    # Form XII, افعوعل: اغرورقت (her eyes welled up), اخشوشن, احدودب.
    if len(rest) >= 5 and rest[2] == "و" and rest[1] == rest[3]:
        return True
    return rest.startswith(("ست", "ن", "ت")) or (len(rest) > 1 and rest[1] in "تطد")


def _name_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` ranges (code points) of the hashtags and mentions and
    of the words joined by an underscore in `text`: the `{tag}` pattern, which
    holds every tag of `arclean.text.masks.tag_ranges` and more."""
    if "_" not in text and "#" not in text and "@" not in text:
        return []
    return merge_ranges([m.span() for m in _TAG_RE.finditer(text) if m.group()])


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap one of `ranges` (sorted, disjoint)?"""
    i = bisect.bisect_left(ranges, (end,))
    return i > 0 and ranges[i - 1][1] > start


def hamza_consistency(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Within one text, a word written both with and without its initial
    hamza (أحمد / احمد, الأمم / الامم) takes the hamza form, when the text
    writes it with one hamza form only.  Hamzat-wasl words (`is_hamzat_wasl`:
    استقبال, انتخاب, اسم, ابنه, اطّلعت ...) are never given a hamza, nor a
    bare word that may be an imperative (`may_be_imperative`: اذهب, go! is
    not أذهب, I go; ادخلي is not أدخلي) or may start with the article,
    unless a pronoun suffix shows a word the books know with its hamza only
    (`suffixed_reading`: ابيها, اشكرك).  Nor is a word whose spellings are
    two words in the Hindawi lexicon (`one_reading`: الاعلام is الأعلام
    flags or الإعلام media; الامام, الايمان, احياء), or which the lexicon
    spells with another seat than the text."""
    from arclean.text.edits import Replacement

    names = _name_ranges(text)
    matches = [
        m for m in finditer(_HAMZA_WORD_RE, text, spans) if not _inside(names, m.start(), m.end())
    ]
    seats: dict[tuple[bool, str], set[str]] = {}
    # Every hamza form the text gives the word, with or without the article:
    # الإجلاء beside أجلاء is two words (evacuation, eminent ones).
    any_seats: dict[str, set[str]] = {}
    for m in matches:
        if m.group(2) in _HAMZA_FORMS:
            seats.setdefault((bool(m.group(1)), m.group(3)), set()).add(m.group(2))
            any_seats.setdefault(m.group(3), set()).add(m.group(2))
    reps = []
    for m in matches:
        if m.group(2) != _ALEF:
            continue
        article, rest = bool(m.group(1)), m.group(3)
        # Keyed on the article, not on و ب ف before it: والامم is الأمم.
        forms = seats.get((article, rest), set())
        if len(forms) != 1 or len(any_seats[rest]) != 1:
            continue
        seat = next(iter(forms))
        # A hamzat-wasl word (الاثنين, الادعاء, اطمأن, استقبال) never takes a
        # hamza: the text's hamza form is the misspelling (AR302 reports it).
        if is_hamzat_wasl(rest):
            continue
        # A bare word starting with ل may be the article ال.
        if not article and rest[0] == "ل":
            continue
        # افعل is both an imperative (wasl: اذهب, go!) and a first person
        # (أذهب, I go), and so is it with an ending (ادخلي enter!, أدخلي
        # bring in!): without the article, the word may be a verb, unless a
        # pronoun suffix shows a word the books know only with the hamza
        # (ابيها, امرها, اشكرك: `suffixed_reading`).
        if not article and may_be_imperative(rest):
            if not suffixed_reading(rest, seat):
                continue
        # A word whose spellings are two words (الاعلام: الأعلام flags,
        # الإعلام media; الامام: الأمام forward, الإمام the imam; اذهب: go!,
        # أذهب I go) is never respelt: the text's other spelling may be the
        # other word.
        elif not one_reading(m.group(1) or "", rest, seat):
            continue
        reps.append(Replacement(m.start(2), m.end(2), seat, rule.code))
    return reps
