"""Built-in of the letters group: Arabic presentation forms to the letters
they show (``presentation-forms``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.chars import HARAKAT, LETTER_OR_TATWEEL, REGEX_FLAGS, TATWEEL, lazy_compile

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span


#: Presentation forms used in their own right: ﴾ ﴿, ﷲ ﷺ ﷻ ﷼ ﷽ and the
#: honorific ligatures; NFKC would spell ﷺ out as a whole phrase.
_KEEP_FORMS = frozenset(
    "\N{ORNATE LEFT PARENTHESIS}\N{ORNATE RIGHT PARENTHESIS}"
    "\N{ARABIC LIGATURE ALLAH ISOLATED FORM}"
    "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}"
    "\N{ARABIC LIGATURE JALLAJALALOUHOU}\N{RIAL SIGN}"
    "\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}"
    + "".join(chr(cp) for cp in range(0xFD40, 0xFD50))
    + "".join(chr(cp) for cp in (0xFDCF, 0xFDFE, 0xFDFF))
)
_FORMS_RE = lazy_compile(r"[\uFB50-\uFDFF\uFE70-\uFEFE]")


_JOINS_RE = lazy_compile(LETTER_OR_TATWEEL, REGEX_FLAGS)


def _keep_joining(text: str, start: int, end: int, form: str, letter: str) -> str:
    """An initial or medial form with no letter after it shows a joining
    stroke that the bare letter loses: ٦٣٣ﻫ is the Hijri ٦٣٣هـ, and ﺑ «مرلي» is
    بـ «مرلي».  Tatweel keeps that look, as an editor would write it; likewise
    for a final or medial form with no letter before it (ـﺔ)."""
    import unicodedata

    name = unicodedata.name(form, "")
    after = text[end : end + 8].lstrip(HARAKAT)[:1]
    before = text[max(0, start - 8) : start].rstrip(HARAKAT)[-1:]
    if name.endswith(("INITIAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(after or " "):
        letter += TATWEEL
    if name.endswith(("FINAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(before or " "):
        letter = TATWEEL + letter
    return letter


def presentation_forms(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Arabic presentation forms (glyph codes PDF extraction leaves behind)
    to the letters they show, one character at a time with NFKC (ﻷ → لأ
    keeps the hamza).  Never NFKC over the whole text: that would also turn
    … into ... and the no-break space into a space."""
    import unicodedata

    from arclean.text.edits import Replacement

    reps = []
    for m in finditer(_FORMS_RE, text, spans):
        ch = m.group()
        if ch in _KEEP_FORMS:
            continue
        new = unicodedata.normalize("NFKC", ch)
        if "\ufe70" <= ch <= "\ufe7f":
            new = new.lstrip(" ")  # spacing harakat decompose to SPACE + mark
        elif len(new) == 1:
            new = _keep_joining(text, m.start(), m.end(), ch, new)
        if new and new != ch:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps
