"""Built-ins of the encoding group: repair of text decoded with the wrong
code page (``utf8-read-as-cp1256``, ``cp1256-read-as-latin1``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from arclean.builtins._common import finditer
from arclean.chars import LETTERS_AND_MARKS, REGEX_FLAGS

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span


# UTF-8 bytes of Arabic letters read as cp1256: a lead byte D8-DB shows as
# ط ظ ع غ, the continuation byte 80-BF as one of these.
_CP1256_CONT = bytes(range(0x80, 0xC0)).decode("cp1256", errors="replace").replace("\ufffd", "")
_UTF8_AS_CP1256_RE = regex.compile(
    r"(?:[\N{ARABIC LETTER TAH}\N{ARABIC LETTER ZAH}\N{ARABIC LETTER AIN}\N{ARABIC LETTER GHAIN}]"
    rf"[{regex.escape(_CP1256_CONT)}])"
    r"(?:[ -~]{0,3}"
    r"[\N{ARABIC LETTER TAH}\N{ARABIC LETTER ZAH}\N{ARABIC LETTER AIN}\N{ARABIC LETTER GHAIN}]"
    rf"[{regex.escape(_CP1256_CONT)}])+",
    REGEX_FLAGS,
)
# cp1256 bytes read as Latin-1/cp1252: words made only of characters 0xC0-0xFF,
# separated by spaces and by ¡ º ¿ (the bytes of ، ؛ ؟).
_CP1256_AS_LATIN1_RE = regex.compile(
    rf"(?<![{LETTERS_AND_MARKS}])[\u00C0-\u00FF]+(?:[ \t\u00A1\u00BA\u00BF]+[\u00C0-\u00FF]+)*"
    rf"[\u00A1\u00BA\u00BF]?(?![{LETTERS_AND_MARKS}])",
    REGEX_FLAGS,
)


def _mostly_arabic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\N{ARABIC LETTER HAMZA}" <= ch <= "\N{ARABIC LETTER YEH}")
    return bool(letters) and arabic * 10 >= len(letters) * 9


def utf8_read_as_cp1256(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Repair UTF-8 that was decoded as Windows-1256 (``ط§ظ„ط¹ط±ط¨ظٹط©`` →
    العربية).  A run is repaired only when encoding it back to cp1256 and
    decoding it as UTF-8 succeeds strictly and gives Arabic text."""
    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_UTF8_AS_CP1256_RE, text, spans):
        if len(m.group()) < 6:
            continue
        try:
            new = m.group().encode("cp1256").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _mostly_arabic(new):
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


def cp1256_read_as_latin1(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Repair Windows-1256 text that was decoded as Latin-1 or cp1252
    (``ÇáÚÑÈíÉ`` → العربية).  A run of words made only of Latin-1 letters is
    repaired when it re-encodes strictly and decodes to Arabic letters."""
    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_CP1256_AS_LATIN1_RE, text, spans):
        run = m.group()
        if sum(1 for ch in run if ch.isalpha()) < 4:
            continue
        try:
            new = run.encode("latin-1").decode("cp1256")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _mostly_arabic(new):
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps
