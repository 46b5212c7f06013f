"""Persian-keyboard text inside Arabic paragraphs: which clauses are quoted
Persian, Kurdish or Urdu (to be left alone), and how a word that ends in
Persian yeh ی is spelt in Arabic (ي, ى, or undecided).

Arabic typed on a Persian keyboard writes ی for ي and ى and ک for ك, and so
does a Persian sentence quoted in an Arabic paragraph.  They are told apart
by the words: the Arabic spelling of an Arabic word is attested in the
shipped Hindawi lexicon (`arclean.names.lexicon`), a Persian word's is not.
The lexicon is loaded on first use, only for text holding ی or ک.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from arclean.chars import (
    ARABIC_ONLY_LETTERS,
    ARABIC_WORD,
    CLAUSE_BREAKS,
    DOUBLE_QUOTES,
    FARSI_YEH,
    KEHEH,
    MARKS_AND_TATWEEL,
    NON_ARABIC_LETTERS,
    PERSIAN_LOOKING,
    REGEX_FLAGS,
    WORD_CHAR,
    ZWNJ,
    lazy_compile,
)
from arclean.locations import builtin_rules_dir
from arclean.text.spans import Range

if TYPE_CHECKING:
    from arclean.names.lexicon import WordList

YEH = "\N{ARABIC LETTER YEH}"
MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
KAF = "\N{ARABIC LETTER KAF}"

_CLAUSE_RE = lazy_compile(rf"[^{CLAUSE_BREAKS}]+", REGEX_FLAGS)
_WORD_RE = lazy_compile(ARABIC_WORD, REGEX_FLAGS)
_MARKS_RE = lazy_compile(MARKS_AND_TATWEEL, REGEX_FLAGS)
_PERSIAN_RE = lazy_compile(PERSIAN_LOOKING, REGEX_FLAGS)
#: A language named just before a colon: what follows is a quotation in it
#: (Wikipedia's «العراق (بالكردية: كۆماری عێراق)»), also when the quotation
#: opens with a quotation mark or bracket (قال بالفارسية: «من می خواهم»).
#: Languages other than Arabic written in Arabic script, as Arabic names
#: them: the adjective without its ending (فارس: الفارسية, فارسي).
FOREIGN_LANGUAGES = (
    "فارس", "كرد", "كورد", "أرد", "ارد", "أورد", "اورد", "بشتو", "بلوش", "سند", "بنجاب",
    "كشمير", "أذر", "اذر", "أذربيجان", "عثمان", "أويغور", "دار", "در", "لر", "لور",
    "سوران", "كرمانج",
)  # fmt: skip
_LANGUAGES = "|".join(FOREIGN_LANGUAGES)
_CUE_RE = lazy_compile(
    rf"(?<!{WORD_CHAR})[وف]?[بل]?ال(?:(?:{_LANGUAGES})ية|تركية العثمانية)\s*:\s*"
    rf"(?:[{DOUBLE_QUOTES}'(\[]\s*)?$",
    REGEX_FLAGS,
)
#: A table header that names such a language: فارسی, الكردية, Urdu (with
#: Persian-keyboard ی and ک read as ي and ك).
_LANGUAGE_HEADER_RE = lazy_compile(
    rf"\s*(?:(?:[وف]?[بل]?ال)?(?:{_LANGUAGES})(?:ية|ي)|[أا]و?ردو"
    r"|(?i:persian|farsi|kurdish|urdu|pashto|dari|balochi|sindhi|uyghur|sorani|kurmanji))\s*",
    REGEX_FLAGS,
)


@cache
def _surface() -> WordList:
    from arclean.names.lexicon import surface_word_list

    return surface_word_list()


@cache
def _final_table() -> dict[str, str]:
    """Stem (word without its last letter) → ي, ى or ? (both attested): the
    derived list rules/final_yeh_lexicon.tsv, and the words of
    rules/final_yeh.tsv, which always end in ي."""
    table: dict[str, str] = {}
    folder = builtin_rules_dir()
    for name in ("final_yeh.tsv", "final_yeh_lexicon.tsv"):
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            first, _, second = line.partition("\t")
            if name == "final_yeh.tsv":
                table[second[:-1]] = LISTED
            else:
                table.setdefault(first, second)
    return table


#: The verdict of a word of rules/final_yeh.tsv: ي, whatever its shape.
LISTED = "listed"


def _may_end_in_maksura(core: str, definite: bool) -> bool:
    """Could ``core + ى`` be another word than ``core + ي``, though the
    books write only the latter?  The books (before 1951, some typed with
    ي for ى) miss many words of the shapes that end in ى: short words
    (مرضى, دمى, قوى, لبنى, فتوى, نعى, أولى: the core has three letters or
    fewer) and the participles in م of four (المحتوى, المستوى, المنتدى,
    مصطفى).  Not a word of two letters (مي: none ends in ى), an active
    participle (هادي, قاضي: هادى is no other word), nor a definite nisba
    in وي (الدموي, النووي; the nouns in وى, الفتوى, الدعوى, the books
    know with ى)."""
    if len(core) == 1 or (len(core) == 3 and core[1] == "ا"):
        return False
    if len(core) <= 3:
        return not (definite and len(core) == 3 and core.endswith("و"))
    return core[0] == "م" and len(core) == 4


def bare(word: str) -> str:
    """`word` without marks or tatweel."""
    return _MARKS_RE.sub("", word)


def stems(word: str) -> Iterator[str]:
    """`word`, then `word` without the proclitics و ف, ب ك ل and the article
    (والنووي, النووي, نووي), never shorter than three letters."""
    yield word
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
        yield word
    if word.startswith("لل") and len(word) > 4:
        word = "ال" + word[2:]
        yield word
    elif word[:1] in "بكل" and len(word) > 3:
        word = word[1:]
        yield word
    if word.startswith("ال") and len(word) > 4:
        yield word[2:]


def _arabic_spellings(word: str) -> list[str]:
    """The Arabic spellings a Persian-keyboard word may stand for."""
    word = bare(word).replace(KEHEH, KAF)
    if not word.endswith(FARSI_YEH):
        return [word.replace(FARSI_YEH, YEH)]
    inner = word[:-1].replace(FARSI_YEH, YEH)
    return [inner + YEH, inner + MAKSURA]


def known_arabic(word: str) -> bool:
    """True when an Arabic spelling of `word` (ی → ي or ى, ک → ك) is
    attested, with or without its proclitics."""
    surface = _surface()
    return any(s in surface for w in _arabic_spellings(word) for s in stems(w))


def _nisba_shape(core: str) -> bool:
    """A definite word ال + `core` + ی unknown to the lexicon reads as a nisba
    adjective (النووي, الثانوي, الإلكتروني) unless its shape is one that ends
    in ى: فعالى plurals (النصارى), participles in م (المستشفى, الملتقى) and
    elatives in أ (الأقصى)."""
    if core[:1] in "مأ":
        return False
    if len(core) >= 3 and core.endswith("و"):
        return True
    return len(core) >= 4 and core[2] != "ا"


def final_yeh(word: str) -> str | None:
    """ي or ى for a word that ends in ی, or None when the word may end in
    either (على/علي, إلى/إلي) or is unknown.  Decided by the attested forms:
    the word with its proclitics first, then without them; a definite word
    the lexicon does not know may be a nisba adjective (النووي)."""
    word = bare(word).replace(KEHEH, KAF)
    if not word.endswith(FARSI_YEH) or len(word) < 2:
        return None
    word = word[:-1].replace(FARSI_YEH, YEH) + FARSI_YEH
    table = _final_table()
    forms = list(stems(word))
    if any(table.get(form[:-1]) == LISTED for form in forms):
        return YEH
    core, definite = forms[-1][:-1], any(f.startswith("ال") for f in forms)
    for form in forms:
        verdict = table.get(form[:-1])
        if verdict == YEH and _may_end_in_maksura(core, definite):
            # only ي attested, but the shape often ends in ى: a person decides
            return None
        if verdict is not None:
            return verdict if verdict in (YEH, MAKSURA) else None
    for form in forms:
        if form.startswith("ال") and _nisba_shape(form[2:-1]):
            return YEH
    return None


def _is_foreign(text: str, start: int, clause: str) -> bool:
    if _CUE_RE.search(text, max(0, start - 40), start):
        return True
    words = _WORD_RE.findall(clause)
    marked = [w for w in words if _PERSIAN_RE.search(w)]
    persian = sum(
        1
        for w in marked
        if any(ch in NON_ARABIC_LETTERS for ch in w)
        or not (known_arabic(w) or final_yeh(w) is not None)
    )
    if ZWNJ in clause:
        persian += 1
    if not persian:
        return False
    # A clause with no letter only Arabic writes (ي ى ة ك), holding a word
    # whose Arabic spelling nobody writes, is a quotation; so is a clause
    # where such words are at least half of the Persian-keyboard words.
    if not any(ch in ARABIC_ONLY_LETTERS for ch in clause):
        return True
    return persian >= 2 and 2 * persian >= len(marked)


def foreign_ranges(text: str, start: int, end: int) -> list[Range]:
    """Clauses of ``text[start:end]`` that read as Persian, Kurdish or Urdu
    quoted inside an Arabic paragraph (sorted ranges)."""
    return [
        m.span()
        for m in _CLAUSE_RE.finditer(text, start, end)
        if _PERSIAN_RE.search(m.group()) and _is_foreign(text, m.start(), m.group())
    ]


def persian_keyboard_words(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Arabic words of ``text[start:end]`` typed with ی or ک, as (offset,
    word): never a word holding a Persian or Kurdish letter (پ چ ژ گ ۆ ێ ...),
    nor one inside a quoted Persian clause (`foreign_ranges`)."""
    if FARSI_YEH not in text and KEHEH not in text:
        return
    foreign = foreign_ranges(text, start, end)
    for clause in _CLAUSE_RE.finditer(text, start, end):
        if any(s <= clause.start() and clause.end() <= e for s, e in foreign):
            continue
        for m in _WORD_RE.finditer(text, clause.start(), clause.end()):
            word = m.group()
            if FARSI_YEH not in word and KEHEH not in word:
                continue
            if any(ch in NON_ARABIC_LETTERS for ch in word):
                continue
            yield m.start(), word


def foreign_column(header: str, cells: Iterable[str]) -> bool:
    """Is a table column in Persian, Kurdish or Urdu: does one of its
    `cells` (the header among them) hold a letter only those languages
    write (پ چ ژ گ ...), or does the `header` name the language (فارسی,
    الكردية, Urdu)?  Arabic words typed on a Persian keyboard and Persian
    words are one spelling (کتاب): only the column tells them apart."""
    if _LANGUAGE_HEADER_RE.fullmatch(header.replace(KEHEH, KAF).replace(FARSI_YEH, YEH)):
        return True
    return any(ch in NON_ARABIC_LETTERS for cell in (header, *cells) for ch in cell)
