"""Test-only transformation: rewrite every Latin and Arabic letter inside the
prose spans, keeping lengths, so any leak of an edit into markup shows."""

from __future__ import annotations

import codecs

from arclean.text.spans import Span

_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_ARABIC_MAP = str.maketrans(_ARABIC, _ARABIC[5:] + _ARABIC[:5])


def scramble_text(s: str) -> str:
    return codecs.encode(s, "rot13").translate(_ARABIC_MAP)


def scramble(text: str, spans: list[Span]) -> str:
    out = []
    pos = 0
    for sp in spans:
        out.append(text[pos : sp.start])
        out.append(scramble_text(text[sp.start : sp.end]))
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)
