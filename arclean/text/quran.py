"""Quotations of the Quran that no rule may edit: between ornate
parentheses ﴿…﴾ (either order), and, as Arabic websites and news quote it,
a vowelled verse between braces {…} or round brackets (…) in unvowelled
prose (a sacred text is quoted exactly as written, with its own spelling).
`arclean.text.masks` joins them with the links into the protected ranges.
Offsets are code points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from arclean.chars import (
    DIGIT,
    HARAKAT,
    LETTER,
    MARK,
    ORNATE_PARENTHESES,
    REGEX_FLAGS,
    TATWEEL,
    lazy_compile,
)
from arclean.text.spans import Range, merge_ranges

_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t\r]*\n", REGEX_FLAGS)

#: A Quranic quotation closes within this many line breaks: an ornate
#: parenthesis left open (a truncated tweet, a line of a list) must not
#: freeze the lines after it.
QURAN_MAX_LINE_BREAKS = 2


def pair_ornate(
    marks: Sequence[int],
    apart: Callable[[int, int], bool],
    same_line: Callable[[int, int], bool],
) -> tuple[list[Range], int]:
    """Pair sorted positions of ornate parentheses, each with the next one,
    unless `apart(start, end)` says the two cannot belong together (an
    opener whose quotation ended first pairs with nothing), or the next one
    has a partner on its own line while `start` is on another.  Returns the
    pairs as ranges (both marks included) and the index of the first mark
    left waiting for a partner (``len(marks)`` when none is)."""
    found: list[Range] = []
    i = 0
    while i + 1 < len(marks):
        start, end = marks[i], marks[i + 1]
        if apart(start, end) or (
            i + 2 < len(marks) and not same_line(start, end) and same_line(end, marks[i + 2])
        ):
            i += 1
            continue
        found.append((start, end + 1))
        i += 2
    return found, i


def quran_apart(text: str, start: int, end: int) -> bool:
    """Can ornate parentheses at `start` and `end` not pair: a blank line
    between them, or more than `QURAN_MAX_LINE_BREAKS` line breaks?"""
    return (
        text.count("\n", start, end) > QURAN_MAX_LINE_BREAKS
        or _PARAGRAPH_BREAK.search(text, start, end) is not None
    )


#: What a quotation of the Quran `quran_ranges` finds starts with.
QURAN_OPENERS = frozenset(ORNATE_PARENTHESES + "{(")


def quran_ranges(text: str, vowelled: bool | None = None) -> list[Range]:
    """Sorted ``(start, end)`` quotations of the Quran: from an ornate
    parenthesis to the next one within a few lines of the same paragraph,
    both included.  Texts write the pair in either order (﴿…﴾ as
    right-to-left text shows it, or ﴾…﴿); an ornate parenthesis with no
    partner protects nothing.  Also a verse between braces, the way Arabic
    websites and news quote the Quran (`braced_verses`), or between round
    brackets in unvowelled prose (`vowelled_parentheses`; `vowelled`: see
    there)."""
    marks = sorted(i for ch in ORNATE_PARENTHESES for i in _positions(text, ch))
    found = pair_ornate(
        marks, lambda a, b: quran_apart(text, a, b), lambda a, b: "\n" not in text[a:b]
    )[0]
    if "{" in text:
        found = merge_ranges([*found, *braced_verses(text)])
    if "(" in text:
        found = merge_ranges([*found, *vowelled_parentheses(text, found, vowelled)])
    return found


#: Braces with nothing braced inside, over at most `QURAN_MAX_LINE_BREAKS`
#: line breaks (a verse wrapped in a paragraph).
_BRACES_RE = lazy_compile(
    rf"\{{[^{{}}\n]*(?:\n[^{{}}\n]*){{0,{QURAN_MAX_LINE_BREAKS}}}\}}", REGEX_FLAGS
)
_LETTER_RE = lazy_compile(r"\p{L}", REGEX_FLAGS)
_ARABIC_LETTER_RE = lazy_compile(LETTER, REGEX_FLAGS)
_MARKED_LETTER_RE = lazy_compile(f"{LETTER}{MARK}", REGEX_FLAGS)
#: The fewest Arabic letters a braced verse holds (a word or two).
VERSE_MIN_LETTERS = 4


def braced_verses(text: str) -> list[Range]:
    """``(start, end)`` of each ``{…}`` (both braces included), on one line
    or wrapped over at most `QURAN_MAX_LINE_BREAKS` line breaks of one
    paragraph, that quotes a verse (`_vowelled_verse`), as a fully vowelled text does
    ({وَمَنْ يَقْتُلْ مُؤْمِنًا}).  Code and templates (``{name}``,
    ``{اسم}``) and unvowelled Arabic in braces are no verses."""
    return [
        m.span()
        for m in _BRACES_RE.finditer(text)
        if _vowelled_verse(m.group()) and not _PARAGRAPH_BREAK.search(m.group())
    ]


def _vowelled_verse(body: str) -> bool:
    """`body` (a bracketed stretch) reads as a vowelled verse: its letters
    are Arabic (tatweel aside: Uthmani text writes ـٰ), at least
    `VERSE_MIN_LETTERS`, and most of them carry a mark."""
    arabic = len(_ARABIC_LETTER_RE.findall(body))
    return (
        arabic >= VERSE_MIN_LETTERS
        and arabic == len(_LETTER_RE.findall(body)) - body.count(TATWEEL)
        and 2 * len(_MARKED_LETTER_RE.findall(body)) > arabic
    )


#: How much text each side of a vowelled bracket tells whether the text
#: around it is vowelled too (a book) or not (news quoting a verse).
VOWELLED_CONTEXT = 400
#: Harakat per character above which a text is vowelled throughout (a
#: vowelled book: about one per two characters; news quoting a verse: a few
#: per thousand).
VOWELLED_SHARE = 0.15
#: A pair of round brackets holding at least one vowel mark, over at most
#: `QURAN_MAX_LINE_BREAKS` line breaks.
_MARKED_PARENS_RE = lazy_compile(
    rf"\((?=[^()]*{MARK})[^()\n]*(?:\n[^()\n]*){{0,{QURAN_MAX_LINE_BREAKS}}}\)", REGEX_FLAGS
)


def vowelled_throughout(length: int, harakat: int) -> bool:
    """Is a text of `length` characters holding `harakat` harakat (the
    marks of `HARAKAT`) vowelled throughout, a book whose brackets are
    prose?  Long (over ten times `VOWELLED_CONTEXT`) and over
    `VOWELLED_SHARE` harakat per character."""
    return length > 10 * VOWELLED_CONTEXT and VOWELLED_SHARE * length < harakat


def harakat_count(text: str) -> int:
    """The harakat of `text` (the marks `vowelled_throughout` counts)."""
    return sum(text.count(ch) for ch in HARAKAT)


def vowelled_parentheses(
    text: str, verses: Sequence[Range] = (), vowelled: bool | None = None
) -> list[Range]:
    """``(start, end)`` of each ``(…)`` (on one line or wrapped over at most
    `QURAN_MAX_LINE_BREAKS` line breaks of one paragraph) that quotes a
    verse the way news pages do (الآية الكريمة ( أُحِلَّ لَكُمْ … )): a vowelled verse
    (`_vowelled_verse`), while the text around it (`VOWELLED_CONTEXT`
    characters each side, every verse candidate left out: the vowelled
    brackets and `verses`, the sorted quotations already found) mostly does
    not: a vowelled quotation stands out from unvowelled prose, even on a
    line of its own, beside a vowelled hadith or another verse; in a book
    vowelled throughout, a bracket is no quotation and stays prose.
    `vowelled` says whether the text is vowelled throughout
    (`vowelled_throughout`) when it is part of a larger one (a chunk of a
    stream: the whole stream decides); None: decided on `text`."""
    candidates: list[Range] = []
    for m in _MARKED_PARENS_RE.finditer(text):
        if not _vowelled_verse(m.group()) or _PARAGRAPH_BREAK.search(m.group()):
            continue
        if not candidates and (
            vowelled
            if vowelled is not None
            else vowelled_throughout(len(text), harakat_count(text))
        ):
            return []  # a long text vowelled throughout: its brackets are prose
        candidates.append(m.span())
    skip = merge_ranges([*verses, *candidates])
    found: list[Range] = []
    for start, end in candidates:
        around = _outside(text, max(0, start - VOWELLED_CONTEXT), start, skip) + _outside(
            text, end, end + VOWELLED_CONTEXT, skip
        )
        if 4 * len(_MARKED_LETTER_RE.findall(around)) < len(_ARABIC_LETTER_RE.findall(around)):
            found.append((start, end))
    return found


def _outside(text: str, lo: int, hi: int, skip: Sequence[Range]) -> str:
    """``text[lo:hi]`` without what the sorted, disjoint `skip` ranges cover."""
    pieces = []
    for a, b in skip:
        if a < hi and b > lo:
            pieces.append(text[lo:a])
            lo = b
    return "".join(pieces) + text[lo:hi]


def _positions(text: str, ch: str) -> list[int]:
    found = []
    position = text.find(ch)
    while position != -1:
        found.append(position)
        position = text.find(ch, position + 1)
    return found


_WORD_RE = lazy_compile(rf"{LETTER}(?:{LETTER}|{MARK})*", REGEX_FLAGS)
_MARK_RE = lazy_compile(MARK, REGEX_FLAGS)
_LETTER_MARKS_RE = lazy_compile(rf"({LETTER})({MARK}*)", REGEX_FLAGS)
#: What may part two words of a run: no letter, digit or line break.
_GAP_RE = lazy_compile(rf"[^\n\p{{L}}{DIGIT}]*", REGEX_FLAGS)
#: Letters that stand for a long vowel (or seat a hamza) when unmarked: a
#: vowelled text leaves them bare, so they are not counted.
_LONG_VOWELS = frozenset("اوىي")
#: The fewest vowelled words in a row that make a quotation (`vowelled_runs`).
VOWELLED_RUN_WORDS = 3


@lru_cache(maxsize=65536)  # a text writes the same marked words again and again
def _vowelled_word(word: str) -> bool:
    """Is `word` fully vowelled: a mark on at least half of its consonants
    (the article and bare long vowels not counted: الدَخولِ, اللِوى), and
    two marks or more unless it has two consonants or fewer (إِذا)?"""
    pairs = _LETTER_MARKS_RE.findall(word[2:] if word.startswith("ال") else word)
    consonants = [marks for letter, marks in pairs if marks or letter not in _LONG_VOWELS]
    marked = sum(1 for marks in consonants if marks)
    harakat = sum(len(marks) for _, marks in pairs)
    return marked > 0 and 2 * marked >= len(consonants) and (harakat > 1 or len(consonants) < 3)


_WORD_PART_RE = lazy_compile(rf"{LETTER}|{MARK}", REGEX_FLAGS)
#: A word (as `_WORD_RE` reads one) that holds a mark: only such words can
#: be vowelled, and most words of unvowelled prose are passed over unread.
_MARKED_WORD_RE = lazy_compile(rf"(?<!{LETTER}){LETTER}+{MARK}(?:{LETTER}|{MARK})*", REGEX_FLAGS)


def _groups(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, int]]:
    """``(start, last_end, line_end)`` of each group of `VOWELLED_RUN_WORDS`
    vowelled words or more with no other marked word and no line break
    between them: the only places a run can be (a run never spans a line
    break, nor a marked word that is not vowelled).  `start` is the first
    word's start, `last_end` the last word's end."""
    groups: list[tuple[int, int, int]] = []
    first = last = line_end = -1
    count = 0
    for m in _MARKED_WORD_RE.finditer(text, pos, len(text) if endpos is None else endpos):
        if m.start() >= line_end:  # a new line: a group ends
            if count >= VOWELLED_RUN_WORDS:
                groups.append((first, last, line_end))
            found = text.find("\n", m.start())
            line_end = len(text) if found == -1 else found
            count = 0
        if _vowelled_word(m.group()):
            if count == 0:
                first = m.start()
            last, count = m.end(), count + 1
        else:
            if count >= VOWELLED_RUN_WORDS:
                groups.append((first, last, line_end))
            count = 0
    if count >= VOWELLED_RUN_WORDS:
        groups.append((first, last, line_end))
    return groups


def _runs_in(text: str, lo: int, last: int, hi: int, runs: list[Range]) -> None:
    """Add to `runs` the runs of fully vowelled words from `lo` (one line,
    up to `hi`), stopping after `last` at the first word a run cannot take
    (past `last` only bare particles may still join the run before)."""
    start = end = count = 0
    for m in _WORD_RE.finditer(text, lo, hi):
        word = m.group()
        joined = count and _GAP_RE.fullmatch(text, end, m.start())
        if not _vowelled_word(word):
            if joined and _bare_particle(word):
                end = m.end()  # a bare particle (ما, لي) inside a verse: part of it
                continue
            if m.start() >= last:
                break
            continue
        if joined:
            end, count = m.end(), count + 1
            continue
        if count >= VOWELLED_RUN_WORDS:
            runs.append((start, end))
        start, end, count = m.start(), m.end(), 1
    if count >= VOWELLED_RUN_WORDS:
        runs.append((start, end))


def may_be_in_run(text: str, at: int) -> bool:
    """Can offset `at` be inside a run of `vowelled_runs`?  Only on a fully
    vowelled word (`_vowelled_word`) joined to another one before or after
    it (across a gap and bare particles, as a run joins them), or in no
    word at all (a mark cut off from its letter, which a run's gap may
    hold).  A cheap test that lets most of a text go unread."""
    lo = at
    while lo > 0 and _WORD_PART_RE.match(text, lo - 1, lo):
        lo -= 1
    m = _WORD_RE.match(text, lo)
    if m is None or m.end() <= at:
        return True
    if not _vowelled_word(m.group()):
        return False
    window = max(0, m.start() - _NEIGHBOUR_REACH)
    before = list(_WORD_RE.finditer(text, window, m.start()))
    end = m.start()
    for w in reversed(before):
        if not _GAP_RE.fullmatch(text, w.end(), end):
            break
        if _vowelled_word(w.group()):
            return True
        if not _bare_particle(w.group()):
            break
        end = w.start()
    end = m.end()
    for w in _WORD_RE.finditer(text, end, min(len(text), end + _NEIGHBOUR_REACH)):
        if not _GAP_RE.fullmatch(text, end, w.start()):
            break
        if _vowelled_word(w.group()):
            return True
        if not _bare_particle(w.group()):
            break
        end = w.end()
    return False


#: How far `may_be_in_run` looks for a neighbour (characters each side).
_NEIGHBOUR_REACH = 200


def _bare_particle(word: str) -> bool:
    """A word a run takes between its vowelled words: two letters or fewer,
    no mark (ما, لي)."""
    return len(word) <= 2 and not _MARK_RE.search(word)


def _regions(text: str, near: Sequence[int]) -> list[Range]:
    """Whole lines around each of the positions `near`: the line of each,
    widened by `VOWELLED_CONTEXT` characters each side to whole lines.  A run
    holding a position is on its line, and every run its context reads lies
    in these lines."""
    out: list[Range] = []
    for p in sorted(near):
        line_start = text.rfind("\n", 0, p) + 1
        line_end = text.find("\n", p)
        line_end = len(text) if line_end == -1 else line_end
        lo = text.rfind("\n", 0, max(0, line_start - VOWELLED_CONTEXT)) + 1
        hi = text.find("\n", min(len(text), line_end + VOWELLED_CONTEXT))
        hi = len(text) if hi == -1 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def vowelled_runs(text: str, near: Sequence[int] | None = None) -> list[Range]:
    """``(start, end)`` of each run of `VOWELLED_RUN_WORDS` fully vowelled
    words or more in a row, on one line, inside otherwise unvowelled prose:
    a quotation of the Quran, a hadith or a verse that is not bracketed
    (قال: «إِنَّمَا الْأَعْمَالُ بِالنِّيَّاتِ» ...).  The prose around it
    (`VOWELLED_CONTEXT` characters each side, every run left out) holds
    Arabic words and mostly no marks; in a text vowelled throughout, or a
    few vowelled words alone, a run is no quotation.  With `near`
    (offsets, code points), only the runs that may hold one of them, and
    are decided the same way, are looked for: those in the lines around
    them (a text of thousands of lines with a few vowelled words)."""
    runs: list[Range] = []
    regions = [(0, len(text))] if near is None else _regions(text, near)
    for pos, endpos in regions:
        for lo, last, hi in _groups(text, pos, endpos):
            _runs_in(text, lo, last, hi, runs)
    found: list[Range] = []
    for start, end in runs:
        around = _outside(text, max(0, start - VOWELLED_CONTEXT), start, runs) + _outside(
            text, end, end + VOWELLED_CONTEXT, runs
        )
        letters = len(_ARABIC_LETTER_RE.findall(around))
        if (
            letters >= 2 * VERSE_MIN_LETTERS
            and 4 * len(_MARKED_LETTER_RE.findall(around)) < letters
        ):
            found.append((start, end))
    return found
