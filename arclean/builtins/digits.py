"""Built-ins of the digits group: one digit system per text
(``unify-digits``), Persian digits in Arabic text (``persian-digits``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from arclean.builtins._common import finditer, option_choice
from arclean.chars import (
    ARABIC_INDIC_DIGITS,
    KEYCAP_MARKS,
    LETTERS_AND_MARKS,
    NUMBER_SEPARATORS,
    PERSIAN_DIGITS,
    REGEX_FLAGS,
    char_class,
    lazy_compile,
)

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

# A number is atomic: its digits with every separator between them, the
# Arabic comma included (٢٦،٠١٣ writes it as a decimal or thousands mark).
# A comma with no digit on one side is punctuation, not part of the number
# (1945، قال; بلطجية،200).  A keycap (a digit, VS16, U+20E3 COMBINING
# ENCLOSING KEYCAP: the 1️⃣ emoji) is a symbol, not a number.
_NUMBER_RE = lazy_compile(
    "(?<!["
    + LETTERS_AND_MARKS
    + r"\d_#.,\N{ARABIC DECIMAL SEPARATOR}\N{ARABIC THOUSANDS SEPARATOR}-])"
    r"(?<!\d\N{ARABIC COMMA})"
    r"\d+(?:[" + NUMBER_SEPARATORS + r"]\d+)*"
    r"[%\N{ARABIC PERCENT SIGN}]?"
    r"(?![\p{Latin}\d_-]|[" + NUMBER_SEPARATORS + r"]\d|[" + KEYCAP_MARKS + "])",
    REGEX_FLAGS,
)
# A number next to a Latin word (Windows 10, page 3 of) belongs to that text.
_LATIN_BEFORE_RE = lazy_compile(r"\p{Latin}[\p{Latin}\d.]*[ \t\N{NO-BREAK SPACE}]*\Z")
_LATIN_AFTER_RE = lazy_compile(r"[ \t\N{NO-BREAK SPACE}]*\p{Latin}")
_ISBN_RE = lazy_compile(r"(?i)(?:isbn|ردمك)[\s:\N{NO-BREAK SPACE}-]*\Z")


def _digit_value(ch: str) -> int | None:
    import unicodedata

    return unicodedata.digit(ch, None) if ch.isdigit() else None


def unify_digits(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Write every number with one digit system: ``western`` (0-9, with . ,
    %) or ``arabic-indic`` (٠-٩, with ٫ ٬ ٪).  A number is converted whole
    or not at all: its separators, the Arabic comma ، included (kept as
    written: whether it is a decimal or a thousands mark is unknown), belong
    to it.  Numbers glued to Latin text (code, units, v2), versions (1.2.3),
    ISBNs, hyphenated numbers and keycap emoji (1️⃣) are left alone; so is a
    number holding a comma that is not a thousands separator."""
    from arclean.text.edits import Replacement

    target = option_choice(rule, "unify-digits", "target")
    indic = target == "arabic-indic"
    zero = ord("\N{ARABIC-INDIC DIGIT ZERO}") if indic else ord("0")
    separators = (
        {
            ".": "\N{ARABIC DECIMAL SEPARATOR}",
            ",": "\N{ARABIC THOUSANDS SEPARATOR}",
            "%": "\N{ARABIC PERCENT SIGN}",
        }
        if indic
        else {
            "\N{ARABIC DECIMAL SEPARATOR}": ".",
            "\N{ARABIC THOUSANDS SEPARATOR}": ",",
            "\N{ARABIC PERCENT SIGN}": "%",
        }
    )
    reps = []
    for m in finditer(_NUMBER_RE, text, spans):
        number = m.group()
        if len(regex.findall(r"[.\N{ARABIC DECIMAL SEPARATOR}]", number)) > 1:
            continue  # a version or a date, not a decimal
        if _ISBN_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if _LATIN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) or (
            _LATIN_AFTER_RE.match(text, m.end())
        ):
            continue
        if indic and regex.search(r",(?!\d{3}(?!\d))", number):
            continue  # 3,5 may be a decimal comma: ambiguous, so the whole number stays
        out = []
        for ch in number:
            value = _digit_value(ch)
            out.append(chr(zero + value) if value is not None else separators.get(ch, ch))
        new = "".join(out)
        if new != number:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


#: A run of Persian digits ۰-۹, and the Arabic-Indic digit each one is read as.
_PERSIAN_DIGIT_RE = lazy_compile(char_class(PERSIAN_DIGITS) + "+")
_TO_ARABIC_INDIC = str.maketrans(
    dict(zip(sorted(PERSIAN_DIGITS), sorted(ARABIC_INDIC_DIGITS), strict=True))
)


def persian_digits(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Persian digits (۰-۹) in an Arabic paragraph become Arabic-Indic ones
    (٠-٩), except inside a clause quoted in Persian, Kurdish or Urdu
    (`arclean.text.foreign.foreign_ranges`: the clauses the letter rules
    leave their ی and ک), which keeps its own digits."""
    from arclean.text.edits import Replacement
    from arclean.text.foreign import foreign_ranges
    from arclean.text.spans import overlaps_any

    reps: list[Any] = []
    for span in spans:
        foreign: list[tuple[int, int]] | None = None
        for m in _PERSIAN_DIGIT_RE.finditer(text, span.start, span.end):
            if foreign is None:
                foreign = foreign_ranges(text, span.start, span.end)
            if not overlaps_any(m.start(), m.end(), foreign):
                reps.append(
                    Replacement(
                        m.start(), m.end(), m.group().translate(_TO_ARABIC_INDIC), rule.code
                    )
                )
    return reps
