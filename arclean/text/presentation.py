"""Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) read from
their Unicode decomposition: a form's shape and letters, and the letters
that join on both sides.  Used by AR402 (`arclean.builtins.letters`)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: The shapes a presentation form's Unicode decomposition tag names.
PRESENTATION_SHAPES = ("isolated", "final", "initial", "medial")


@lru_cache(maxsize=4096)  # about 1,000 forms, asked for again and again (AR402)
def presentation_shape(ch: str) -> tuple[str, str]:
    """``(shape, letters)`` of an Arabic presentation form from its Unicode
    decomposition: the shape is one of `PRESENTATION_SHAPES` (``""`` for a
    character with no such tag) and the letters what it decomposes to
    (``("final", "ن")`` for U+FEE6, ``("isolated", "لأ")`` for U+FEF7)."""
    tag, _, codes = unicodedata.decomposition(ch).partition(" ")
    shape = tag.strip("<>")
    if shape not in PRESENTATION_SHAPES:
        return "", ""
    return shape, "".join(chr(int(code, 16)) for code in codes.split())


def _dual_joining() -> frozenset[str]:
    found = set()
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        shape, letters = presentation_shape(chr(cp))
        if shape in ("initial", "medial") and len(letters) == 1:
            found.add(letters)
    return frozenset(found)


#: Letters that join on both sides (ب ت ث ج ح خ س ش ص ض ط ظ ع غ ف ق ك ل م ن
#: ه ي ئ and the other-language letters alike), derived from Unicode data:
#: those with an initial or medial presentation form.  Alef, dal, dhal, reh,
#: zain, waw and their kin join on the right only; hamza ء on neither side.
DUAL_JOINING_LETTERS = _dual_joining()
