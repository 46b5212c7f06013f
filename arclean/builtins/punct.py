"""Built-ins of the punct group: quotes and brackets that pair up
(``unbalanced-pairs``), no space just inside them (``space-inside-pairs``)
and one style of double quotes (``quote-style``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import (
    INCH_RE,
    MarkFinder,
    guillemet_pairs,
    inch_marks,
    marks_per_line,
    option_choice,
    quote_pairs,
)
from arclean.builtins.pair_letoff import late_letoff, wrapped_quotation
from arclean.builtins.pair_letoff import not_a_bracket as _not_a_bracket
from arclean.chars import (
    DIGIT,
    DOUBLE_QUOTES,
    LEFT_DOUBLE_QUOTE,
    LEFT_GUILLEMET,
    LETTER,
    LETTERS_AND_MARKS,
    MARKS_AND_TATWEEL,
    PROCLITICS_WFB,
    REGEX_FLAGS,
    RIGHT_DOUBLE_QUOTE,
    RIGHT_GUILLEMET,
    lazy_compile,
)
from arclean.errors import RuleFileError
from arclean.text.edits import Finding
from arclean.text.masks import ends_with_link

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

_HAS_ARABIC_RE = lazy_compile(LETTER, REGEX_FLAGS)

_CURLY_PAIRS = (
    LEFT_DOUBLE_QUOTE + RIGHT_DOUBLE_QUOTE,
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
)


def mark_finder(chars: str) -> MarkFinder:
    """A class of the literal `chars` (`MarkFinder`): stdlib `re` finds
    them several times faster than `regex` (news: 17 ms against 4 ms), and
    `marks_per_line` faster still, with `str.find`."""
    return MarkFinder(chars)


def unbalanced_pairs(text: str, spans: Sequence[Span], rule: Rule) -> list[Finding]:
    """Quotes and brackets must pair up within a paragraph (a line).  A mark
    whose opening and closing forms are the same (") must come an even number
    of times.  Curly quotes may open with either form, as right-to-left text
    often writes ”…“: the first one on the line decides.  A quotation may run
    over several paragraphs, as books set it (`_continued_quotations`)."""
    pairs = [str(p) for p in rule.option("pairs", ())]
    for pair in pairs:
        if len(pair) != 2:
            raise RuleFileError(
                rule.path, f"pair {pair!r} must be two characters", rule.line, rule.code
            )
    chars = "".join(sorted(set("".join(pairs))))
    if not chars:
        return []
    finder = mark_finder(chars)
    symmetric = {pair[0] for pair in pairs if pair[0] == pair[1]}
    asymmetric = [pair for pair in pairs if pair[0] != pair[1]]
    found: list[tuple[int, str, str]] = []
    # What a line's marks leave unpaired depends on the marks alone (their
    # characters, in order): most lines repeat a few sequences, ``()`` or
    # ``«»``, worked out once each.  A pair may cross markup but not a
    # paragraph.
    faults: dict[str, list[tuple[int, str, str]]] = {}
    for line_start, marks in marks_per_line(text, spans, finder).items():
        quotes = [p for p, c in marks if c == '"'] if '"' in symmetric else []
        if quotes and (inches := inch_marks(text, quotes)):  # شاشة 55 " بوصة: no quote
            marks = [(p, c) for p, c in marks if p not in inches]
        sequence = "".join([char for _, char in marks])
        unpaired = faults.get(sequence)
        if unpaired is None:
            unpaired = faults[sequence] = _line_faults(sequence, symmetric, asymmetric)
        for index, char, what in unpaired:
            position = marks[index][0]
            # a lone bracket may be an emoticon or a list item's number: not a fault
            if not _not_a_bracket(text, position, char, line_start):
                found.append((position, char, what))
    found.sort()
    continued = _continued_quotations(text, found, asymmetric)
    return [
        Finding(position, position + 1, rule.code, f"{rule.message}: {what} {char}", rule.level)
        for position, char, what in found
        if position not in continued and not late_letoff(text, position, char)
    ]


def _line_faults(
    sequence: str, symmetric: set[str], asymmetric: Sequence[str]
) -> list[tuple[int, str, str]]:
    """The marks of one line (`sequence`: their characters, in order) that
    `unbalanced_pairs` reports: ``(index in sequence, mark, what)`` each,
    before the emoticons and list items are let off."""
    found: list[tuple[int, str, str]] = []
    openers = {p[0]: p[1] for p in asymmetric}
    same: set[str] = set()
    for pair in _CURLY_PAIRS:
        used = {c for c in sequence if c in pair}
        if len(used) == 1 and pair in asymmetric and sum(c in pair for c in sequence) > 1:
            # one form on both sides (لـ”عين اليوم”, a house style):
            # paired like a straight quote, by count
            same |= used
            continue
        first = next((c for c in sequence if c in pair), None)
        if first == pair[1] and pair in asymmetric:
            del openers[pair[0]]
            openers[pair[1]] = pair[0]
    for char in same:
        openers.pop(char, None)
    closers = {closing: opening for opening, closing in openers.items() if closing not in same}
    stack: list[tuple[str, int]] = []
    # How many of each opener the stack holds: whether a closer has an
    # opener below the top is known at once (linear on ([([…, not a
    # search of the stack per closer).
    held: dict[str, int] = dict.fromkeys(openers, 0)
    counts: dict[str, list[int]] = {}
    for index, char in enumerate(sequence):
        if char in symmetric or char in same:
            counts.setdefault(char, []).append(index)
        elif char in openers:
            stack.append((char, index))
            held[char] += 1
        elif stack and stack[-1][0] == closers[char]:
            held[stack.pop()[0]] -= 1
        elif held[closers[char]]:
            # Close the nearest matching opener; the ones above it are unclosed.
            while stack[-1][0] != closers[char]:
                opener, where = stack.pop()
                held[opener] -= 1
                found.append((where, opener, "unclosed"))
            held[stack.pop()[0]] -= 1
        else:
            found.append((index, char, "unopened"))
    for opener, where in stack:
        found.append((where, opener, "unclosed"))
    for char, indexes in counts.items():
        if len(indexes) % 2:
            found.append((indexes[-1], char, "unpaired"))
    return found


#: Quotation marks (not brackets) whose quotation may run over paragraphs.
_QUOTATIONS = (LEFT_GUILLEMET + RIGHT_GUILLEMET, *_CURLY_PAIRS)
#: How many paragraphs (lines) a quotation may run over.
_QUOTATION_MAX_LINES = 20
#: Brackets, closed on a later line of the same paragraph (a wrapped
#: Markdown or text paragraph), at most this many lines on.
_WRAPPED = ("()", "[]")
_WRAPPED_MAX_LINES = 5
#: White space before the next line's first mark.  Not across a blank line:
#: news pages start the next article's headline with « («المزمار».. ضابط).
_LINE_START_SPACE_RE = lazy_compile(r"[ \t]*")
#: A heading or a table row: a quotation never runs into or out of one.
_STRUCTURE_LINE_RE = lazy_compile(r"^[ \t]*#|\|", REGEX_FLAGS)
_BLANK_LINE_RE = lazy_compile(r"\n[ \t]*\r?\n")


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _continued_quotations(
    text: str, found: Sequence[tuple[int, str, str]], pairs: Sequence[str]
) -> set[int]:
    """Positions of the findings in `found` (position, mark, what; sorted)
    that are a quotation running over paragraphs, as books set it, and not a
    fault:

    - a quotation left open at the end of its paragraph and closed by the
      first unopened closing mark of its kind, at most `_QUOTATION_MAX_LINES`
      lines on, with no blank line between (a blank line ends an article or
      a section: news pages run one article's open quotation into the next
      one's stray closer); both findings go;
    - a quotation left open whose next line opens again with the same mark
      (the convention of repeating « at each paragraph; not across a blank
      line, where news pages start the next headline with «).

    - a straight quotation wrapped over two lines of a paragraph: its
      opening quote left unpaired on one line, its closing one on the next
      (`wrapped_quotation`); both findings go.

    Never across a heading (``#``) or a table row (``|``).
    """
    closer_of = {pair[0]: pair[1] for pair in pairs if pair in _QUOTATIONS or pair in _WRAPPED}
    opener_of = {closing: opening for opening, closing in closer_of.items()}
    drop: set[int] = set()
    open_at: dict[str, int] = {}
    straight: int | None = None  # the last straight quote left unpaired
    for position, char, what in found:
        if what == "unpaired" and char == '"':
            if straight is not None and wrapped_quotation(text, straight, position):
                drop.update((straight, position))
                straight = None
            else:
                straight = position
        elif what == "unclosed" and char in closer_of:
            line_end = text.find("\n", position)
            if line_end != -1 and char + closer_of[char] in _QUOTATIONS:
                next_start = _LINE_START_SPACE_RE.match(text, line_end + 1)
                assert next_start is not None
                if text.startswith(char, next_start.end()) and not _STRUCTURE_LINE_RE.search(
                    text, text.rfind("\n", 0, position) + 1, _line_end(text, next_start.end())
                ):
                    drop.add(position)  # reopened on the next paragraph
                    continue
            open_at[char] = position
        elif what == "unopened" and char in opener_of:
            start = open_at.pop(opener_of[char], None)
            lines = _WRAPPED_MAX_LINES if opener_of[char] + char in _WRAPPED else None
            if (
                start is not None
                and 0 < text.count("\n", start, position) <= (lines or _QUOTATION_MAX_LINES)
                and not _BLANK_LINE_RE.search(text, start, position)
                and not _STRUCTURE_LINE_RE.search(
                    text, text.rfind("\n", 0, start) + 1, _line_end(text, position)
                )
            ):
                drop.update((start, position))
    return drop


_BRACKETS = {"(": ")", "[": "]"}
_PAIR_CHARS_RE = mark_finder("()[]" + DOUBLE_QUOTES)


def _bracket_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Brackets of one line that close what they open."""
    closers = {v: k for k, v in _BRACKETS.items()}
    stack: list[tuple[str, int]] = []
    pairs = []
    for position, char in marks:
        if char in _BRACKETS:
            stack.append((char, position))
        elif char in closers:
            if stack and stack[-1][0] == closers[char]:
                pairs.append((stack.pop()[1], position))
            else:
                stack.clear()  # broken nesting: trust nothing before it
    return pairs


#: A letter, a mark or a digit: a quote next to one is glued to a word.
_WORDLIKE_RE = lazy_compile(f"[{LETTERS_AND_MARKS}{DIGIT}]", REGEX_FLAGS)
#: A one-letter proclitic written as a word of its own, right before a
#: position: و"فيسبوك" and بـ"نعم" open a quotation after a letter.
#: One-letter proclitics: wa-, fa-, bi-, li-, ka-.
_PROCLITICS = PROCLITICS_WFB + "\N{ARABIC LETTER LAM}\N{ARABIC LETTER KAF}"
_PROCLITIC_BEFORE_RE = lazy_compile(
    f"(?<=(?<![{LETTERS_AND_MARKS}{DIGIT}])[{_PROCLITICS}]{MARKS_AND_TATWEEL}*)", REGEX_FLAGS
)


def _glued_pair(text: str, start: int, end: int) -> bool:
    """Does the straight-quote pair at `start` (opening) and `end` (closing)
    read wrongly: an opening quote glued to the word before it (a proclitic
    of one letter aside: و"فيسبوك"), a closing quote glued to the word
    after it, or an opening quote between a number and a space (an inch
    mark: شاشة 55 " بوصة و 32 " أخرى; a quotation may end with a number:
    " ستاندرد آند بورز 500 ")?  Nested quotations ("إن فريق
    "الهلال" فاز") and a stray quote that shifts every pair after it give
    such pairs."""
    if end + 1 < len(text) and _WORDLIKE_RE.match(text, end + 1):
        return True
    if INCH_RE.match(text, start):
        return True
    return (
        start > 0
        and _WORDLIKE_RE.match(text, start - 1) is not None
        and _PROCLITIC_BEFORE_RE.match(text, start) is None
    )


def trusted_pairs(text: str, pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted quote pairs of one line (``quote_pairs``) that can be
    trusted: those of straight quotes are dropped from the first one that
    reads wrongly (`_glued_pair`) to the end of the line, since one stray
    or nested quote throws the count off for every pair after it; the pairs
    of curly quotes and guillemets are kept."""
    cut = next((s for s, e in pairs if text[s] == '"' and _glued_pair(text, s, e)), None)
    if cut is None:
        return list(pairs)
    return [(s, e) for s, e in pairs if text[s] != '"' or s < cut]


#: Marks that only open a pair (`_bracket_pairs`, `guillemet_pairs`), and
#: marks that only close one; a quote may do either.
_ONLY_OPENS = "([" + LEFT_GUILLEMET
_ONLY_CLOSES = ")]" + RIGHT_GUILLEMET


def _space_inside(text: str, size: int, marks: list[tuple[int, str]]) -> bool:
    """Is there a space or tab just after a mark of `marks` that may open a
    pair, or just before one that may close a pair?  Without one, no pair
    of the line has a space just inside (`size`: the length of `text`)."""
    for position, char in marks:
        if char not in _ONLY_CLOSES and position + 1 < size and text[position + 1] in " \t":
            return True
        if char not in _ONLY_OPENS and position and text[position - 1] in " \t":
            return True
    return False


def space_inside_pairs(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """No space just inside brackets and quotes: ``( نص )`` → ``(نص)``.
    Only pairs that close on the same line and enclose Arabic text are
    touched; guillemets are paired as `guillemet_pairs` explains (never on
    a line where one is unpaired, such as »…«) and other quotes as
    `quote_pairs` does, so a quote whose partner is unknown (and so whether
    it opens or closes) is left alone, and so are the straight quotes that
    `trusted_pairs` does not trust.  Both spaces of a pair go, or neither:
    trailing spaces after a URL or e-mail address, which the engine keeps
    apart from what follows (`Guard.keeps_apart`), keep the leading ones,
    and a tab on either side (two columns of a tab-separated row) keeps both."""
    from arclean.text.edits import Replacement

    reps: list[Replacement] = []
    size = len(text)
    for marks in marks_per_line(text, spans, _PAIR_CHARS_RE).values():
        if not _space_inside(text, size, marks):
            continue  # no pair of these marks can hold a space just inside
        quotes = [(p, c) for p, c in marks if c not in (LEFT_GUILLEMET, RIGHT_GUILLEMET)]
        pairs = (
            _bracket_pairs(marks)
            + guillemet_pairs(marks)
            + trusted_pairs(text, quote_pairs(quotes))
        )
        for start, end in pairs:
            if text[start + 1] not in " \t" and text[end - 1] not in " \t":
                continue  # no space inside: nothing to remove
            inner = text[start + 1 : end]
            if not _HAS_ARABIC_RE.search(inner) or not inner.strip(" \t"):
                continue
            lead = len(inner) - len(inner.lstrip(" \t"))
            trail = len(inner) - len(inner.rstrip(" \t"))
            if "\t" in inner[:lead] or "\t" in inner[len(inner) - trail :]:
                continue  # a tab parts two columns (a TSV row): both stay, or neither
            if trail and ends_with_link(inner[:-trail]):
                continue  # the space after a link stays (`Guard.keeps_apart`): both or neither
            if lead:
                reps.append(Replacement(start + 1, start + 1 + lead, "", rule.code))
            if trail:
                reps.append(Replacement(end - trail, end, "", rule.code))
    return reps


_QUOTE_STYLES = {
    "guillemets": (LEFT_GUILLEMET, RIGHT_GUILLEMET),
    "curly-rtl": (
        RIGHT_DOUBLE_QUOTE,
        LEFT_DOUBLE_QUOTE,
    ),  # curly quotes do not mirror: in RTL ” opens
    "straight": ('"', '"'),
}
_QUOTES_RE = mark_finder(DOUBLE_QUOTES)


def quote_style(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Double quotes around Arabic text in one style: ``guillemets`` («…»,
    the default), ``curly-rtl`` (”…“) or ``straight`` ("…").  Quotes are
    paired within a line; unpaired or ambiguous ones are left for AR190."""
    from arclean.text.edits import Replacement

    style = option_choice(rule, "quote-style", "style")
    opener, closer = _QUOTE_STYLES[style]
    reps = []
    for marks in marks_per_line(text, spans, _QUOTES_RE).values():
        for start, end in trusted_pairs(text, quote_pairs(marks)):
            if not _HAS_ARABIC_RE.search(text, start, end):
                continue
            if text[start] != opener:
                reps.append(Replacement(start, start + 1, opener, rule.code))
            if text[end] != closer:
                reps.append(Replacement(end, end + 1, closer, rule.code))
    return reps
