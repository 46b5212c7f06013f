"""A consonant written twice inside a word the text writes (issue 9, session 26).

A cheap pair whose canonical no reference list makes a name (كيروش,
جوبيتر, قاسيون, مانهاتن: the books never or seldom write it, the
gazetteer lacks it) waited for a name beside both spellings, even when
the slip only wrote one consonant twice (كيرروش, جوببيتر).  Arabic
writes a consonant twice running only across a morpheme boundary
(متتابع = مت + تابع, سننشر = سن + نشر, ووزير) or in a root whose last
two letters are one (مبررة, الغدد, عدد, محللين); `doubled_slip` refuses
both readings and takes the rest as a typing slip (the sixth round's
"a doubled letter is never another name"):

- the variant is no word at all (`Judge.no_word`) and writes no letter
  three times (`slips.tripled`); no other word of the text holds the
  doubled letter with the one before it (`slips.relatives`: محللي beside
  المحللين);
- inside the word (after the article), from its fourth letter on: the
  first three letters are where a prefix meets a stem (متتابع, يتتبع,
  سننشر, تتفاقم); nor the ت of است (مستتر, hidden, beside مستر) or the
  ل after an article glued to a letter (باللغة);
- not the last letter, nor before a verb's or a noun's ending with or
  without a pronoun (`_ENDINGS`): a geminate root (الغدد beside الغد,
  عدد, مبررة, تخللت beside تخلت, محللين, حددتها);
- the books write the kept spelling at least once (كيروش 3, جوبيتر 8):
  a spelling only the text knows may be an OCR misreading repeated
  (ولكنبا ×4 beside ولككنبا, round 11);
- the kept spelling is no verb of the text or the books.

Source of the limits: the train split's cost-0.35 misses (`scripts/
eval_names.py --split train --explain`, session 26) and the traps of
round 19's breaker (`tests/test_names_breaker7.py`: مبررة, اللغم).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from arclean.names.evidence import Judge
from arclean.names.similarity import doubled_letter
from arclean.names.slips import relatives, tripled
from arclean.names.tokens import fold_word

#: Evidence of a consonant written twice inside a word the text writes.
DOUBLED_TEXT = "one consonant written twice inside the word, no word"

_WORDS: WeakKeyDictionary[Judge, set[str]] = WeakKeyDictionary()

#: Endings after which a doubled letter is a geminate root's (مبررة, تخللت,
#: محللين, حددتها): a verb's person or a noun's ending, then maybe a pronoun.
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "ني", "نا", "ي")
_ENDINGS = frozenset(
    e + p
    for e in (
        *("", "ت", "تم", "تن", "تما", "نا", "وا", "ن", "ا", "و", "ي", "تا"),
        *("ة", "ات", "ين", "ون", "ان", "ية", "يه", "يا", "يات", "يين", "يون", "ه"),
    )
    for p in _PRONOUNS
)


def _doubled_at(v: str, c: str) -> int:
    """Index in `v` of the second copy of the doubled letter."""
    i = next(i for i in range(len(c) + 1) if i == len(c) or v[i] != c[i])
    return i


def text_words(judge: Judge) -> set[str]:
    """The scanned text's words, folded (once per `Judge`)."""
    words = _WORDS.get(judge)
    if words is None:
        words = _WORDS[judge] = {fold_word(w) for w in judge.counts.core}
    return words


def doubled_slip(v: str, c: str, judge: Judge, words: set[str] | None = None) -> bool:
    """`v` (folded) is `c` with one consonant written twice inside the
    word, by a typing slip, not by grammar (module docstring); `words`:
    the text's words, folded (default `text_words`)."""
    if not doubled_letter(v, c) or tripled(v) or not judge.no_word(v):
        return False
    i = _doubled_at(v, c)
    start = 2 if v.startswith("ال") else 0
    if i - start < 3:
        return False  # a prefix meets a stem: متتابع, سننشر, المتتبع
    if v[i - 2 : i + 1] == "ستت" or v[i - 2 : i + 1] == "الل":
        return False  # است + تر (مستتر beside مستر), بال + لغة (باللغة)
    if v[i + 1 :] in _ENDINGS:
        return False  # a geminate root, bare or with an ending: الغدد, مبررة, تخللت
    if not judge.lex_count(c):
        return False  # only the text writes it: an OCR misreading (ولكنبا) may be anything
    if judge.text_verb(c) or (judge.lex.count(c) and judge.verb_like(c)):
        return False
    return not relatives(v, c, text_words(judge) if words is None else words)
