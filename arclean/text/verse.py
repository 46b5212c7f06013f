"""Lines of verse written as two halves (hemistichs) parted by a run of
spaces, told from lines of prose that hold a slip of three spaces: what
AR502 (`arclean.builtins.space`) keeps as a poem's layout.

A line of a poem, read on its own: its number first if it has one (1-,
(١), ٣.), then two halves of 2-6 words each, of about one length (one
metre), short (a hemistich is some 8 to 40 letters), spelling no number
in digits, parted by three spaces or more.  Among its neighbours: the line
above or below (over one blank line) is such a line too, shaped alike (the
four halves of about one length) with one sign of verse more: a rhyme
(`rhyme`), halves as even as a metre makes them, vowel marks, or a wide
gap (`same_poem`); or three such lines in a row (`arclean.builtins.space`).
Two lines of prose that each hold a slip of three spaces near their middle
seldom meet all of that."""

from __future__ import annotations

from typing import NamedTuple

from arclean.chars import (
    DIGIT,
    LETTER,
    MARK,
    REGEX_FLAGS,
    RHYME_FOLD,
    RHYME_TAIL,
    fold,
    lazy_compile,
)

#: A gap of this many spaces or more may part the two halves of a verse.
VERSE_GAP = 3
_GAP_RE = lazy_compile(rf"(?<=\S) {{{VERSE_GAP},}}(?=\S)", REGEX_FLAGS)
_HEMISTICH_WORDS = range(2, 7)
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
#: number before a space.
_NUMBER_RE = lazy_compile(
    rf"[ \t]*(?:[(\[]{DIGIT}{{1,3}}[)\]]|{DIGIT}{{1,3}}[ \t]*[-.):\N{{EN DASH}}"
    rf"\N{{EM DASH}}\N{{ARABIC TATWEEL}}]|{DIGIT}{{1,3}}(?=[ \t]))[ \t]*",
    REGEX_FLAGS,
)
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


def _letters(half: str) -> int:
    return len(_LETTER_RE.findall(half))


def verse(text: str, line: Line, start: int, end: int) -> Verse | None:
    """`line` as a verse whose two halves the run of spaces
    ``text[start:end]`` parts (its number left out), or None."""
    if end - start < VERSE_GAP or max(start - line[0], line[1] - end) > _HEMISTICH_CHARS:
        return None
    number = _NUMBER_RE.match(text, line[0], start)
    first = text[number.end() if number else line[0] : start]
    second = text[end : line[1]]
    words = len(first.split()), len(second.split())
    if words[0] not in _HEMISTICH_WORDS or words[1] not in _HEMISTICH_WORDS:
        return None
    if _DIGIT_RE.search(first) or _DIGIT_RE.search(second):
        return None  # a verse spells its numbers: 3 ناقلات, 1.4 تريليون are prose
    letters = _letters(first), _letters(second)
    short, long = sorted(letters)
    if long > _HEMISTICH_LETTERS or long > _HEMISTICH_RATIO * short:
        return None
    marks = len(_MARK_RE.findall(text, *line))
    rhymes = _rhyme_letter(first), _rhyme_letter(second)
    return Verse(letters, rhymes, end - start, marks >= sum(words), start)


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
    """The letter `half` rhymes on: its last letter, folded (no marks, one
    alef, ة as ه, ى as ا), or the one before a last ا ي و (a vowel drawn
    out: رسولا / وعقولا, حبيبي / حبيب); empty if none."""
    letters: list[str] = []
    for ch in reversed(half.rstrip()):
        if ch.isspace() and letters:
            break  # the last word only
        letter = fold(ch.translate(RHYME_FOLD)) if ch.isalpha() else ""
        if letter:
            letters.append(letter)
            if len(letters) == 2:
                break
    if len(letters) > 1 and letters[0] in RHYME_TAIL:
        return letters[1]
    return letters[0] if letters else ""


def rhyme(one: Verse, other: Verse) -> bool:
    """Do two lines rhyme as lines of one poem do: their ends (a qasida's
    one rhyme; a Nabati poem's second halves), or each line's halves with
    each other (a couplet poem's مزدوج, as the Alfiyya)?  (First halves
    alike are no sign: prose's plurals and adjectives end alike, سوريين /
    اللاعبين.)"""
    ends = one.rhymes[1] != "" and one.rhymes[1] == other.rhymes[1]
    return ends or all(v.rhymes[0] != "" and v.rhymes[0] == v.rhymes[1] for v in (one, other))


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
        or _metre(one, other)
    )
