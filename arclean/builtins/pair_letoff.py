"""Marks that `unbalanced-pairs` (AR190, `arclean.builtins.punct`) finds
unpaired on their line but lets off: a round bracket that is no bracket (an
emoticon, a list item's enumerator, the Hijri year's هـ before a closing
bracket), and a straight quotation wrapped over two lines of a paragraph."""

from __future__ import annotations

from arclean.chars import MARK, REGEX_FLAGS, lazy_compile

#: A bracket that is no bracket: an emoticon (:) ;-) :( and, as
#: right-to-left text types them, (: ): after a space) or an item's number
#: or letter at the start of a line (1) … أ) … ب) …).
_EMOTICON_AFTER_RE = lazy_compile(r"[:;=]-?$")
_EMOTICON_BEFORE_RE = lazy_compile(r"-?[:;=](?:[ \t\r\n]|$)")
#: A list item's enumerator: a number, a letter (هـ, the fifth, is written
#: with a tatweel) or an ordinal word (أولا، ثانيًا … عاشرًا).
_ENUMERATOR = (
    r"(?:\p{Nd}{1,3}|\p{L}\N{ARABIC TATWEEL}?"
    rf"|(?:[أا]ول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر){MARK}*ا{MARK}*)\)"
)
#: The number or letter that starts a line, as brackets wrapped over lines
#: are paired (no ordinal: «قال (أولا / ثانيا) ثم» is one aside).
_FIRST_ENUMERATOR_RE = lazy_compile(r"[ \t]*(?:\p{Nd}{1,3}|\p{L})\)", REGEX_FLAGS)
#: The enumerator that starts a line.
_ENUMERATOR_RE = lazy_compile(rf"[ \t]*{_ENUMERATOR}", REGEX_FLAGS)
#: An enumerator after a space, later on a line that starts with one
#: (1) الأول 2) الثاني; أ) هذا ب) ذاك): searched backwards from its bracket.
_LATER_ENUMERATOR_RE = lazy_compile(rf"(?<=[ \t]){_ENUMERATOR}\Z", REGEX_FLAGS)
#: The Hijri year's marker before a closing bracket, after the year (ت 1445
#: هـ), 1445هـ)): a date whose opening bracket is elsewhere, as wrapped
#: references and tables of dates write it.
_HIJRI_RE = lazy_compile(r"\p{Nd}[ \t]*\N{ARABIC LETTER HEH}\N{ARABIC TATWEEL}\)\Z", REGEX_FLAGS)


def not_a_bracket(text: str, position: int, char: str, line_start: int) -> bool:
    """The round bracket at `position` is part of an emoticon, or ends a
    list item's number or letter at the start of its line (plain text's
    ``1)``; Markdown's list markers are markup, never seen here).  Decided
    before brackets wrapped over lines are paired (`late_letoff` after)."""
    if char not in "()":
        return False
    after = text[position + 1 : position + 2]
    if _EMOTICON_AFTER_RE.search(text, max(line_start, position - 2), position) and not (
        after.isalnum()
    ):
        return True  # :) ;-) :( (not the colon before «:(أ)»)
    before = text[position - 1 : position] if position > line_start else " "
    if before.isspace() and _EMOTICON_BEFORE_RE.match(text, position + 1):
        return True  # (: ): typed right to left
    if char == ")":
        m = _FIRST_ENUMERATOR_RE.match(text, line_start)
        return m is not None and m.end() == position + 1
    return False


def late_letoff(text: str, position: int, char: str) -> bool:
    """A closing round bracket left unopened once wrapped brackets are paired
    (so «قال (أولا / ثانيا) ثم» still pairs over its two lines) that ends an
    ordinal or هـ enumerator at the start of its line (أولا) … هـ) …), an
    enumerator after a space on a line that starts with one (1) الأول 2)
    الثاني), or closes after a Hijri year (1445 هـ))."""
    if char != ")":
        return False
    line_start = text.rfind("\n", 0, position) + 1
    if _HIJRI_RE.search(text, max(line_start, position - 8), position + 1):
        return True
    m = _ENUMERATOR_RE.match(text, line_start)
    return m is not None and (
        m.end() == position + 1
        or _LATER_ENUMERATOR_RE.search(text, max(line_start, position - 12), position + 1)
        is not None
    )


#: A blank line: it ends a paragraph.
_BLANK_LINE_RE = lazy_compile(r"\n[ \t]*\r?\n")
#: A heading or a table row: a quotation never runs into or out of one.
_STRUCTURE_LINE_RE = lazy_compile(r"^[ \t]*#|\|", REGEX_FLAGS)


def wrapped_quotation(text: str, first: int, second: int) -> bool:
    """The straight quotes at `first` and `second`, each left unpaired on its
    line, are one quotation wrapped over two lines of a paragraph: the second
    is on the next line (no blank line, heading or table row between), the
    last quote of the first line opens (a word after it) and the first quote
    of the next line closes (a word or a mark before it)."""
    line_end = text.find("\n", first)
    if line_end == -1 or line_end > second:
        return False
    next_end = text.find("\n", line_end + 1)
    if next_end != -1 and next_end < second:
        return False  # not the next line
    line_start = text.rfind("\n", 0, first) + 1
    last_opening = text.rfind('"', line_start, line_end)
    first_closing = text.find('"', line_end + 1)
    if _BLANK_LINE_RE.search(text, first, second) or _STRUCTURE_LINE_RE.search(
        text, line_start, len(text) if next_end == -1 else next_end
    ):
        return False
    return (
        not text[last_opening + 1 : last_opening + 2].isspace()
        and last_opening + 1 < line_end
        and first_closing > line_end + 1
        and not text[first_closing - 1].isspace()
    )
