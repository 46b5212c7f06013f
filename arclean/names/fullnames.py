"""Full names: a variant is never rewritten inside an occurrence of a
canonical spelling of several words (عبد الفتاح السيسي), in any spelling
the fold equates, so that a glossary keeping the full name for a surname
never writes the first name twice, and one name's variant is never
rewritten inside another's full name."""

from __future__ import annotations

from arclean.chars import fold
from arclean.names.lexicon import strip_marks
from arclean.names.model import Replacement


def outside_canonicals(
    text: str, found: list[Replacement], canonicals: set[str]
) -> list[Replacement]:
    """`found` less the rewrites near an occurrence of a canonical spelling
    of several words, in any spelling the fold equates (ى/ي, hamza seats,
    marks, tatweel, a compound written joined or with ZWNJ): a glossary
    that keeps «عبد الفتاح السيسي» for السيسي leaves the surname inside
    «عبد الفتاح السيسى» or «عبدالفتاح السيسي» as it is (rewriting it would
    repeat the first name, or never settle), and a variant of one name is
    never rewritten inside another's full name.  Near: within the longest
    canonical's length on either side, so a distant bare surname is still
    rewritten."""
    keys = {_squashed(c) for c in canonicals}
    keys.discard("")
    if not keys:
        return found
    reach = max(len(c) for c in canonicals) + 2
    kept = []
    for r in found:
        left = _squashed(text[max(0, r.start - reach) : r.start])
        mid = _squashed(text[r.start : r.end])
        window = left + mid + _squashed(text[r.end : r.end + reach])
        lo, hi = len(left), len(left) + len(mid)
        if not any(_straddles(window, key, lo, hi) for key in keys):
            kept.append(r)
    return kept


def _straddles(window: str, key: str, lo: int, hi: int) -> bool:
    """Does an occurrence of `key` in `window` hold the variant at
    ``window[lo:hi]`` and more (a full name around it), not the variant
    alone (عبدالله is the compound عبد الله itself, to be rewritten)?"""
    at = window.find(key)
    while at != -1:
        end = at + len(key)
        if at < hi and lo < end and (at < lo or end > hi):
            return True
        at = window.find(key, at + 1)
    return False


def _squashed(text: str) -> str:
    """`text` folded (`chars.fold`, not the word cache of `fold_word`: a
    window of text is no word to remember; hamza seats, ى/ي, ة/ه, tatweel)
    with everything but its letters beyond ASCII dropped: spaces, ZWNJ,
    punctuation, and markup such as ``<b>`` or ``**`` around a name."""
    return "".join(ch for ch in fold(strip_marks(text)) if ch.isalpha() and not ch.isascii())
