"""Lines of verse written as two halves (hemistichs) parted by a run of
spaces, told from lines of prose that hold a slip of three spaces: what
AR502 (`arclean.builtins.space`) keeps as a poem's layout.

A line of a poem, read on its own: its number or a bullet first if it has
one (1-, (١), ٣., -), then two halves of 2-6 words each (7-8 when within
`_LONG_RATIO`), of about one length (one metre), short (a hemistich is
some 8 to 40 letters), spelling no number in digits once the footnote
marks and numbers at their ends are left out (تعرفني(1), العظائم ١),
parted by three spaces or more.  Among its neighbours: the line
above or below (over one blank line) is such a line too, shaped alike (the
four halves of about one length) with one sign of verse more: a rhyme
(`rhyme`), halves as even as a metre makes them, vowel marks, or a wide
gap (`same_poem`); or three such lines in a row (`arclean.builtins.space`).
Two lines of prose that each hold a slip of three spaces near their middle
seldom meet all of that."""

from __future__ import annotations

from typing import NamedTuple

from arclean.chars import (
    ARTICLE_FORMS,
    BULLET,
    DIGIT,
    FOOTNOTE_MARK,
    LETTER,
    MARK,
    REGEX_FLAGS,
    RHYME_ALEF,
    RHYME_ENDING_FOLD,
    RHYME_ENDINGS,
    RHYME_MAQSURA,
    RHYME_TAIL,
    TATWEEL,
    fold,
    lazy_compile,
)

#: A gap of this many spaces or more may part the two halves of a verse.
VERSE_GAP = 3
_GAP_RE = lazy_compile(rf"(?<=\S) {{{VERSE_GAP},}}(?=\S)", REGEX_FLAGS)
_HEMISTICH_WORDS = range(2, 7)
#: A half of seven or eight words (Tawil and Basit full of particles: إذا
#: المرء لم يدنس من اللؤم عرضه) when the line's two halves are within
#: `_LONG_RATIO` of each other in letters.
_LONG_WORDS = range(2, 9)
_LONG_RATIO = 1.5
#: The longer half of a line of verse is at most this many times the
#: shorter, in letters; the longest of the four halves of two lines of one
#: poem at most `_POEM_RATIO` times the shortest.
_HEMISTICH_RATIO = 1.5
_POEM_RATIO = 1.8
#: Halves as one metre makes them: each line's two within `_METRE_RATIO`,
#: the four of two lines within `_METRE_SPREAD` (in letters).
_METRE_RATIO = 1.2
_METRE_SPREAD = 1.3
#: No half of a verse has more letters than this (six long words), nor more
#: characters (marks included) than `_HEMISTICH_CHARS`.
_HEMISTICH_LETTERS = 40
_HEMISTICH_CHARS = 200
#: A verse's number at the start of its line: 1- 1. 1) (1) [1] ١ـ or a bare
#: number before a space; or a bullet (- * •).
_NUMBER_RE = lazy_compile(
    rf"[ \t]*(?:[(\[]{DIGIT}{{1,3}}[)\]]|{DIGIT}{{1,3}}[ \t]*[-.):\N{{EN DASH}}"
    rf"\N{{EM DASH}}\N{{ARABIC TATWEEL}}]|{DIGIT}{{1,3}}(?=[ \t])|{BULLET}(?=[ \t]))[ \t]*",
    REGEX_FLAGS,
)
#: Footnote marks and numbers at the end of a half (تعرفني(1), المكارم[1],
#: العظائم ١, ومنزل (1)) or at the start of the second ((1) only: ١٣ - there
#: is a list's next item): not words of it.
_TRAILING_RE = lazy_compile(
    rf"(?:[ \t]*{FOOTNOTE_MARK}|[ \t]+{DIGIT}{{1,3}})+[ \t]*\Z", REGEX_FLAGS
)
_LEADING_RE = lazy_compile(rf"\A[ \t]*(?:{FOOTNOTE_MARK}[ \t]*)+", REGEX_FLAGS)
_DIGIT_RE = lazy_compile(DIGIT, REGEX_FLAGS)
_MARK_RE = lazy_compile(MARK, REGEX_FLAGS)
_LETTER_RE = lazy_compile(LETTER, REGEX_FLAGS)

Line = tuple[int, int]


class Verse(NamedTuple):
    """A line read as a verse: the letters of its two halves (marks not
    counted), the letter each half rhymes on (`_rhyme_letter`), the width of
    its gap, whether it is vowelled (as many marks as words or more), and
    where its gap starts."""

    letters: tuple[int, int]
    rhymes: tuple[str, str]
    gap: int
    vowelled: bool
    #: Where the gap starts in the text.
    at: int
    #: A half holds seven or eight words: even halves alone are no sign of
    #: verse then (`same_poem`), prose's halves are as even.
    long: bool = False


def _bare(half: str) -> str:
    """`half` without the footnote marks and numbers at its ends."""
    if trailing := _TRAILING_RE.search(half):
        half = half[: trailing.start()]
    if leading := _LEADING_RE.match(half):
        half = half[leading.end() :]
    return half


def _letters(half: str) -> int:
    return len(_LETTER_RE.findall(half))


def verse(text: str, line: Line, start: int, end: int) -> Verse | None:
    """`line` as a verse whose two halves the run of spaces
    ``text[start:end]`` parts (its number left out), or None."""
    if end - start < VERSE_GAP or max(start - line[0], line[1] - end) > _HEMISTICH_CHARS:
        return None
    number = _NUMBER_RE.match(text, line[0], start)
    first = _bare(text[number.end() if number else line[0] : start])
    second = _bare(text[end : line[1]])
    words = len(first.split()), len(second.split())
    if words[0] not in _LONG_WORDS or words[1] not in _LONG_WORDS:
        return None
    if _DIGIT_RE.search(first) or _DIGIT_RE.search(second):
        return None  # a verse spells its numbers: 3 ناقلات, 1.4 تريليون are prose
    letters = _letters(first), _letters(second)
    short, long = sorted(letters)
    if long > _HEMISTICH_LETTERS or long > _HEMISTICH_RATIO * short:
        return None
    if long > _LONG_RATIO * short and max(words) not in _HEMISTICH_WORDS:
        return None
    marks = len(_MARK_RE.findall(text, *line))
    rhymes = _rhyme_letter(first), _rhyme_letter(second)
    long_half = max(words) not in _HEMISTICH_WORDS
    return Verse(letters, rhymes, end - start, marks >= sum(words), start, long_half)


def verse_line(text: str, line: Line) -> Verse | None:
    """`line` as a verse if a gap of three spaces or more parts it so."""
    if line[1] - line[0] > 2 * _HEMISTICH_CHARS + 4 * VERSE_GAP * 10:
        return None
    for m in _GAP_RE.finditer(text, *line):
        found = verse(text, line, *m.span())
        if found is not None:
            return found
    return None


def _rhyme_letter(half: str) -> str:
    """What `half` rhymes on, from the letters of its last word folded (no
    marks, one alef, ة as ه): its last letter; the one before a last ا ي و
    (a vowel drawn out: رسولا / وعقولا, حبيبي / حبيب); the letter before a
    grammatical ending, with the ending (`RHYME_ENDINGS`: الجديدة /
    اليومية differ); for an alef maqsura, written ى or as the ا of a
    definite noun (an indefinite ا may be a case ending: غدا, مسرعا), the
    letter before it marked ى (`_alike_rhyme`); empty if none."""
    words = half.split()
    raw = "".join(ch for ch in words[-1] if ch.isalpha()) if words else ""
    word = fold(raw)
    if not word:
        return ""
    if raw.rstrip(TATWEEL).endswith(RHYME_MAQSURA) or (
        word.endswith(RHYME_ALEF) and word.startswith(ARTICLE_FORMS) and len(word) > 3
    ):
        return word[-2:-1] + RHYME_MAQSURA  # انجلى / علا, النقا / الدجى
    tail = word[-3:-2] + word[-2:].translate(RHYME_ENDING_FOLD)
    for ending in RHYME_ENDINGS:
        if len(tail) > len(ending) and tail.endswith(ending):
            return tail[-len(ending) - 1 :]
    if len(word) > 1 and word[-1] in RHYME_TAIL:
        return word[-2]
    return word[-1]


def _alike_rhyme(one: str, other: str) -> bool:
    """Do two rhymes (`_rhyme_letter`) agree: on one letter, an alef
    maqsura's mark aside (انجلى / علا, الأسطولا / فلولا); or both on an
    alef maqsura, the Maqsura's rhyme (النقا / الدجى)?"""
    if one == "" or other == "":
        return False
    return one.rstrip(RHYME_MAQSURA) == other.rstrip(RHYME_MAQSURA) or (
        one.endswith(RHYME_MAQSURA) and other.endswith(RHYME_MAQSURA)
    )


def rhyme(one: Verse, other: Verse) -> bool:
    """Do two lines rhyme as lines of one poem do: their ends (a qasida's
    one rhyme; a Nabati poem's second halves), or each line's halves with
    each other (a couplet poem's مزدوج, as the Alfiyya)?  (First halves
    alike are no sign: prose's plurals and adjectives end alike, سوريين /
    اللاعبين.)"""
    ends = _alike_rhyme(one.rhymes[1], other.rhymes[1])
    return ends or all(_alike_rhyme(*v.rhymes) for v in (one, other))


def _metre(one: Verse, other: Verse) -> bool:
    """Are the four halves of one length, as in one metre: each line's
    halves within `_METRE_RATIO` of each other, all four within
    `_METRE_SPREAD`?"""
    for short, long in (sorted(one.letters), sorted(other.letters)):
        if long > _METRE_RATIO * short:
            return False
    lengths = sorted((*one.letters, *other.letters))
    return lengths[-1] <= _METRE_SPREAD * lengths[0]


def alike(one: Verse, other: Verse) -> bool:
    """Are two lines shaped as lines of one poem: four halves of about one
    length?"""
    lengths = sorted((*one.letters, *other.letters))
    return lengths[-1] <= _POEM_RATIO * lengths[0]


def same_poem(one: Verse, other: Verse) -> bool:
    """Are two lines, each read as a verse and shaped alike, lines of a
    poem by one sign of verse more: a rhyme, halves of one length as one
    metre makes them, vowel marks, or a wide gap on the other line (four
    spaces or more: layout that was meant)?  Two lines of prose that each
    hold a slip of three spaces near their middle seldom show one."""
    return (
        other.gap > VERSE_GAP
        or one.vowelled
        or other.vowelled
        or rhyme(one, other)
        or (not (one.long or other.long) and _metre(one, other))
    )
