"""Which spellings of a word's initial alef are words: its readings, as the
Hindawi lexicon attests them (`arclean.names.lexicon.surface_counts`).

A word written with a bare initial alef (الاعلام, اعمالهم) may stand for
several words: أعلام (flags) and إعلام (media), أيمان (oaths) and إيمان
(faith), أمام (in front) and إمام (imam), إنّا (indeed we) and أنا (I), or a
hamzat-wasl word written with the bare alef on purpose (اذهب, go!).  AR304
and the word list of AR303 may give it a hamza only when exactly one
spelling is attested.  Used by `arclean.builtins.alef` and by the tests of
the word lists.
"""

from __future__ import annotations

from functools import cache

#: The three alefs that carry a hamza at the start of a word.
HAMZA_SEATS = (
    "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"
    "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
)
_ALEF = "\N{ARABIC LETTER ALEF}"
#: The readings of an initial alef: the hamza seats and the bare alef of
#: hamzat wasl (اذهب go!, اطلعت I read), which the books write bare.
READINGS = HAMZA_SEATS + _ALEF
_DEFINITE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"
#: Pronoun suffixes a noun or verb takes (أعمالهم, أمامه, أشكرك), longest
#: first.  كن is left out: it ends too many words (أماكن is no أما + كن).
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ك", "ي")
#: The suffixes of the person spoken to (you, object or possessive).
_SECOND_PERSON = ("ك", "كم", "كما")
#: A spelling is attested when the books write it this many times ...
MIN_COUNT = 2
#: ... and at least this share of the times they write the word's most
#: frequent spelling (one in a hundred: آلى "he swore", 14 times against
#: 31,612 إلى, is left out; إعلام, 4 against 28 أعلام, is in).
MIN_SHARE = 0.01
#: A bare alef takes a hamza (AR304) only when the books write that one
#: spelling at least this many times: below it the lexicon may know an old
#: word and miss the modern one written alike (أعمار "ages" 2 and الأعمار 9,
#: إعمار "reconstruction" 0; أجلاء "eminent ones" 2, إجلاء "evacuation" 1;
#: أمطار, أسلاك, أرزاق 2).
WELL_ATTESTED = 10


@cache
def _counts() -> dict[str, int]:
    from arclean.names.lexicon import surface_counts

    return surface_counts()


def pronoun_stem(rest: str) -> tuple[str, str] | None:
    """`rest` (what follows the initial alef) split into a stem and a
    pronoun suffix (مامه → مام + ه), keeping two letters or more of the
    stem; None when it ends in no pronoun suffix."""
    for suffix in PRONOUN_SUFFIXES:
        if rest.endswith(suffix) and len(rest) - len(suffix) >= 2:
            return rest[: -len(suffix)], suffix
    return None


def _is_definite(article: str) -> bool:
    """Does `article` (what precedes the alef) hold the article (ال وال لل)?"""
    return article.endswith((_DEFINITE, "لل"))


def _forms(article: str, rest: str) -> list[tuple[str, str]]:
    """The (before the alef, after it) pairs whose spellings are looked up:
    the word as written (والاعلام), with the article alone (الاعلام), bare
    (اعلام); a bare word with a pronoun suffix also as its stem (اعمالهم →
    اعمال; امارته → امارة)."""
    definite = _is_definite(article)
    forms = [(article, rest)] if article else []
    if definite and article != _DEFINITE:
        forms.append((_DEFINITE, rest))
    if not definite or len(rest) >= 3:  # الان is الآن, not ال + أن or إن
        forms.append(("", rest))
    split = None if definite else pronoun_stem(rest)
    if split:
        stem = split[0]
        forms.append(("", stem))
        if stem.endswith("\N{ARABIC LETTER TEH}"):
            forms.append(("", stem[:-1] + "\N{ARABIC LETTER TEH MARBUTA}"))
    return forms


def spelling_counts(article: str, rest: str) -> dict[str, int]:
    """For each reading of the initial alef (`READINGS`), the largest count
    the lexicon gives its spelling over the forms of the word (`_forms`).
    `article` is what precedes the alef as written (``""``, ال, وال, لل,
    or a proclitic و ف); `rest` what follows the alef."""
    counts = _counts()
    forms = _forms(article, rest)
    found = {
        seat: max(counts.get(before + seat + after, 0) for before, after in forms)
        for seat in HAMZA_SEATS
    }
    # The bare alef is read with the article the word has: احمرّ (it turned
    # red) is a word, but الاحمر is only الأحمر.
    definite = _is_definite(article)
    found[_ALEF] = max(counts.get(before + _ALEF + after, 0) for before, after in forms
                       if before or not definite)  # fmt: skip
    return found


def attested_readings(article: str, rest: str) -> frozenset[str]:
    """The readings of the initial alef (a hamza seat, or the bare alef of
    hamzat wasl) that the lexicon attests as words: written at least
    `MIN_COUNT` times and at least `MIN_SHARE` of the most frequent one.
    Empty for a word the books do not know (a modern name: اوباما)."""
    found = spelling_counts(article, rest)
    top = max(found.values())
    return frozenset(seat for seat, n in found.items() if n >= MIN_COUNT and n >= MIN_SHARE * top)


def one_reading(article: str, rest: str, seat: str) -> bool:
    """May the bare alef of the word (`article` + alef + `rest`) take
    `seat`?  Yes when the lexicon writes `seat` at least `WELL_ATTESTED`
    times and no other reading at all (once is enough to block, unless it
    is under `MIN_SHARE` of the most frequent one: آلى against إلى), or
    when the lexicon knows none (a modern word: the text's own hamza form
    is then the only one).  No when another reading is a word (الاعلام:
    الأعلام flags, الإعلام media; اجلاء: أجلاء 2, إجلاء 1; اذهب: go!, أذهب
    I go), or when `seat` is thinly attested (اعمار: أعمار 2, and the
    modern إعمار, reconstruction, missing from the books)."""
    found = spelling_counts(article, rest)
    top = max(found.values())
    if not top:
        return True
    others = [n for s, n in found.items() if s != seat and n >= 1 and n >= MIN_SHARE * top]
    return not others and found[seat] >= WELL_ATTESTED


def suffixed_reading(rest: str, seat: str) -> bool:
    """For a bare word that may be an imperative (alef + `rest`: اعرفه know
    him!, or أعرفه I know him): may it still take `seat`?  Only when it
    ends in a pronoun suffix (ابيها, امرها, اشكرك), its hamza spelling is
    attested (أبيها), `seat` is the one reading of its stem (أبي), written
    `WELL_ATTESTED` times, no other reading written at all, and the
    books never write the word or its stem with the bare alef an imperative
    has (اعرفه, اعرف)."""
    split = pronoun_stem(rest)
    # ي ends a feminine imperative (ادخلي enter!) as well as "my".
    if split is None or split[1] == "ي":
        return False
    counts = _counts()
    stem, suffix = split
    if counts.get(seat + rest, 0) < MIN_COUNT or counts.get(_ALEF + rest, 0):
        return False
    # An imperative never takes its addressee as object (اشكر + ك): the
    # stem's own imperative (اشكر, thank!) is then no reading of the word.
    if suffix not in _SECOND_PERSON and counts.get(_ALEF + stem, 0) >= MIN_COUNT:
        return False
    found = spelling_counts("", rest)  # the stem's readings included
    if suffix in _SECOND_PERSON:
        found[_ALEF] = 0
    top = max(found.values())
    others = [n for s, n in found.items() if s != seat and n >= 1 and n >= MIN_SHARE * top]
    return not others and found[seat] >= WELL_ATTESTED


def word_readings(word: str) -> frozenset[str]:
    """`attested_readings` of a whole word (والاعلام, واذا, انا): split
    after the article (ال وال بال فال كال لل) or a proclitic و ف when the
    next letter is an alef of any reading.  Empty when the word does not
    start, after them, with an alef of `READINGS`."""
    from arclean.chars import ARTICLE_FORMS

    for before in (*sorted(ARTICLE_FORMS, key=len, reverse=True), "و", "ف", ""):
        if word.startswith(before) and word[len(before) : len(before) + 1] in tuple(READINGS):
            return attested_readings(before, word[len(before) + 1 :])
    return frozenset()
