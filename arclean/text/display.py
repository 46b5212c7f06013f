"""Characters as a person sees them in a terminal: Unicode and Arabic names,
Buckwalter transliteration, bidi controls escaped, invisible characters
shown.  Most terminals apply no bidi, so characters are named rather than
reordered.  The tables live in `arclean.chars`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from arclean.chars import BIDI_CONTROLS, BIDI_MARKS, LOOKALIKES, TATWEEL


def needs_names(old: str, new: str) -> bool:
    """True when a change from `old` to `new` cannot be read off the glyphs:
    it involves an invisible character, a mark, a look-alike, a kind of space,
    or only reorders characters.  Characters are counted, so removing one of
    two fathas (``كَتَبََ`` to ``كَتَبَ``) involves a mark."""
    if sorted(old) == sorted(new) and old != new:
        return True
    before, after = Counter(old), Counter(new)
    for ch in (before - after) | (after - before):
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Cf", "Zs", "Cc", "Lm") or ch in LOOKALIKES:
            return True
        if ch == TATWEEL:
            return True
    return False


def char_name(ch: str) -> str:
    """``U+0640 ARABIC TATWEEL`` for one character (its Arabic name, when it
    has one, comes from `arabic_char_name`)."""
    name = unicodedata.name(ch, "")
    if not name:
        name = {"\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\r": "CARRIAGE RETURN"}.get(
            ch, "<unnamed>"
        )
    return f"U+{ord(ch):04X} {name}"


def arabic_char_name(ch: str) -> str | None:
    """The Arabic name of one character, as an Arabic editor calls it
    (تطويل for U+0640 ARABIC TATWEEL, فتحتان for U+064B ARABIC FATHATAN, شدة
    for U+0651 ARABIC SHADDA), or None when PyArabic has no name for it.

    PyArabic names the letters U+0621-U+064A, tatweel and the harakat
    U+064B-U+0652; punctuation, Persian and Urdu letters, digits and
    invisible characters have no Arabic name here.  PyArabic is imported on
    first use, so importing this module does not pay for it.
    """
    if len(ch) != 1 or ch.isascii():
        return None
    from pyarabic.araby import name

    return str(name(ch)) or None


def buckwalter(text: str) -> str:
    """`text` with its Arabic letters and marks in Tim Buckwalter's ASCII
    transliteration (PyArabic's table): ``جَميلٌ`` becomes ``jamylN``;
    U+0640 TATWEEL is ``_``, U+064B FATHATAN ``F``, U+0651 SHADDA ``~``,
    U+0623 ALEF WITH HAMZA ABOVE ``>``.

    One character in, one character out: offsets stay valid.  Characters the
    table does not cover (Arabic punctuation and digits, Persian and Urdu
    letters, alef wasla, spaces, invisible characters, other scripts) are
    kept as they are, so the result is ASCII only when the input has nothing
    else.  PyArabic is imported on first use.
    """
    if text.isascii():
        return text
    from pyarabic.trans import convert

    return str(convert(text, "arabic", "buckwalter"))


_BIDI_TAGS = {ord(ch): f"<{char_name(ch)}>" for ch in BIDI_CONTROLS | BIDI_MARKS}
_BIDI_JSON = {ord(ch): f"\\u{ord(ch):04x}" for ch in BIDI_CONTROLS | BIDI_MARKS}
# A byte of a file name that is not UTF-8 reaches us as a lone surrogate
# (U+DC80-U+DCFF, Python's surrogateescape): JSON carries it as a \udcXX
# escape, ASCII that any reader takes, instead of a raw byte that makes the
# whole report invalid UTF-8 (or cannot be written at all).
_BIDI_JSON.update({cp: f"\\u{cp:04x}" for cp in range(0xDC80, 0xDD00)})


def escape_bidi(text: str, *, json: bool = False) -> str:
    """`text` with its bidi controls and marks shown as
    ``<U+202E RIGHT-TO-LEFT OVERRIDE>`` tags (or, with
    `json`, as JSON ``\\u202e`` escapes, the same data, and so are the
    undecodable bytes of a file name, ``\\udcff``), so that printing a
    finding cannot reorder the terminal line it is on."""
    return text.translate(_BIDI_JSON if json else _BIDI_TAGS)


def visible(text: str) -> str:
    """Replace characters that do not show in a terminal by ``<NAME>`` tags,
    so a change to them can be seen."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == " ":
            out.append("\N{MIDDLE DOT}")
        elif category in ("Cf", "Cc", "Zs", "Zl", "Zp") or ch == "\t":
            out.append(f"<U+{ord(ch):04X}>")
        elif category == "Mn":
            # A lone mark renders on whatever precedes it; show it on a
            # dotted circle so it can be seen in isolation.
            out.append("\N{DOTTED CIRCLE}" + ch if not out else ch)
        else:
            out.append(ch)
    return "".join(out)
