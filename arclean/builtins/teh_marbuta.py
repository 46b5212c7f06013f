"""AR411: a definite word typed with a final ه that the books write only
with ة (الجامعه → الجامعة, والحكومه → والحكومة, للمدرسه → للمدرسة).

The words come from rules/teh_marbuta_lexicon.tsv, built by
scripts/build_teh_marbuta.py from the Hindawi lexicon (public domain):
definite words written at least five times with ة and never with ه, whose
ه spelling is no verb with a pronoun (الحقه for ألحقه) and no stem of its
own (الموجه, guided, beside الموجة, the wave), and after لل only when
it cannot be لـ + a word in ل with the pronoun (للهوه: for his
amusement).  Only words with the
article: after it, a final ه cannot be the pronoun "his" (جامعه, his
university, and كتابه are left alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import regex

from arclean.chars import ARTICLE_FORMS, LETTER, REGEX_FLAGS, WORD_CHAR
from arclean.locations import builtin_rules_dir

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

#: The shipped list, next to the rule files.
LEXICON_FILE = "teh_marbuta_lexicon.tsv"

HEH, TEH_MARBUTA = "\N{ARABIC LETTER HEH}", "\N{ARABIC LETTER TEH MARBUTA}"
#: The article and the proclitics fused with it, و and ف before them too
#: (وبالحكومه, فللمره).
_PREFIXES = sorted(
    set(ARTICLE_FORMS) | {c + a for c in "وف" for a in ARTICLE_FORMS if a[0] not in "وف"},
    key=lambda p: (-len(p), p),
)
_CANDIDATE_RE = regex.compile(
    rf"(?<!{WORD_CHAR})(?P<prefix>{'|'.join(_PREFIXES)})(?P<stem>{LETTER}{{2,}}?){HEH}(?!{WORD_CHAR})",
    REGEX_FLAGS,
)


#: The prefixes that end in لل: لـ + the article, or لـ + a word in ل.
_LIL = "\N{ARABIC LETTER LAM}\N{ARABIC LETTER LAM}"


@cache
def stems() -> tuple[frozenset[str], frozenset[str]]:
    """The listed stems (a word without its article and its final ة), and
    those of them listed with the article alone, never after لل."""
    path = builtin_rules_dir() / LEXICON_FILE
    every, only_al = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        stem, _, flag = line.partition("\t")
        every.add(stem)
        if flag:
            only_al.add(stem)
    return frozenset(every), frozenset(only_al)


def teh_marbuta_written_as_heh(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """The final ه of each listed definite word in `spans` becomes ة (one
    replacement of one code point per word; offsets in code points)."""
    from arclean.text.edits import Replacement

    listed, only_al = stems()
    reps: list[Any] = []
    for span in spans:
        for m in _CANDIDATE_RE.finditer(text, span.start, span.end):
            stem = m.group("stem")
            if stem in listed and not (stem in only_al and m.group("prefix").endswith(_LIL)):
                end = m.end()
                reps.append(Replacement(end - 1, end, TEH_MARBUTA, rule.code))
    return reps
