"""A bare-alef spelling that is also an imperative (احمد: the name أحمد, or
"praise!", «احمد الله على نعمه», «احمد ربك», «فاحمد الله») is left alone
only where the text shows the imperative: a name of God right after it
(`GOD`: احمد الله, احمد ربك, احمد لله; not «احمد عبد الله», a father's
name), whatever precedes; or, with no sign of the name, a word that says
what is praised (احمد على كل حال, احمد ما أعطاك, احمد من خلقك), an object
of "you" (اكرم ضيفك), or the proclitic ف (فاحمد).  Signs of the name,
read first: a title or a person noun before it (الشيخ احمد, د.احمد,
م/احمد, طفله احمد), a link of a name chain (بن احمد, احمد بن), a name or
surname after it (احمد عباس, احمد الناظري), another name beside it in a
list (محمد واحمد, احمد، محمد).  Everywhere else (وحضر احمد سعيد, احمد
عبد الله, حضر الاجتماع احمد) the name wins, as before session 26: every
other reading of the bare word (أحمد, I praise; the comparative) is
written with the hamza too.

Which spellings: `glossary.imperative_reading` (the pattern افعل of a name
أفعل: احمد، اشرف، اكرم، اسعد), the one home of the kind; the glossary's
and the text's own rewrites (AR801, AR802) both ask here.
"""

from __future__ import annotations

from collections.abc import Sequence

from arclean.chars import fold
from arclean.names.lexicon import (
    CHAIN,
    CUES,
    KIN,
    KIN_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    STOPWORDS,
    gazetteer,
    lexicon,
    strip_marks,
)
from arclean.names.tokens import Token, fold_word


def _folded(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


#: Names of God and of the Lord, the object of "praise!" (folded; with a
#: proclitic too: لله, فالله).  Written by hand (the usual names after
#: احمد/اشكر in prayers and greetings); no epithet that is also a family
#: name (العلي, الكريم: أحمد العلي).
GOD = _folded(
    """
    الله لله اللهم الرب رب ربك ربكم ربكما ربه ربها ربهم ربهما ربي ربنا المولى مولاك
    مولاي مولانا الرحمن الإله إلهك إلهي الخالق خالقك الباري البارئ يارب يالله
    الرزاق المنعم الواهب الوهاب المعطي المتفضل
    """
)
#: Titles, person nouns, kin words and speech verbs before a name
#: (`lexicon.CUES`: قال احمد, Ahmed said; «قال احمد الله» stays the verb,
#: God's name comes first).
_TITLES = CUES | PERSON_NOUNS | KIN
#: What may stand between a title and the name it announces: spaces and an
#: opening quotation mark or bracket (وطفله "احمد").
_OPENERS = frozenset(" \t\"«“('")
#: What may part two names of a list: a comma and spaces (محمد، احمد).
_LIST_GAP = frozenset(" \t،,")
#: A name after the imperative reading, at most this many times as often
#: an ordinary word of the books as a name (عباس 89/85; not نعمة 77/5).
_WORD_RATIO = 3
_PROCLITICS = ("و", "ف", "ل", "ب")
#: Abbreviated titles (د. م/ أ/), folded: a one-letter token, then a dot or
#: a slash before the name (د.احمد, م/ احمد).
_ABBREVIATIONS = frozenset("دما")
_ABBREVIATION_MARKS = frozenset("./")
#: What the imperative's praise is for (احمد على كل حال, احمد ما أعطاك,
#: احمد من خلقك), surface spellings: علي is a name.
_PRAISED = frozenset({"على", "ما", "من"})
#: Object pronouns of "you" (اكرم ضيفك, اسعد بيومك): the imperative's.
_YOU = ("ك", "كم", "كما", "كن")


def god(word: str) -> bool:
    """The word (surface, marks allowed) is a name of God, with or without
    a proclitic (فالله, ولله)."""
    f = fold_word(strip_marks(word))
    return f in GOD or (f[:1] in _PROCLITICS and f[1:] in GOD)


def _title(word: str) -> bool:
    """A title, a person noun or a kin word before a name, with a proclitic
    (والدكتور, للاعب) or, a kin noun, with a pronoun (طفله, شقيقها)."""
    f = fold_word(strip_marks(word))
    forms = [f]
    if f[:1] in _PROCLITICS and len(f) > 3:
        forms.append(f[1:])
        if f.startswith("لل"):
            forms.append("ا" + f[1:])  # للاعب = ل + اللاعب
    for x in forms:
        if x in _TITLES or x in KIN_NOUNS:
            return True
        if x.startswith("ال") and x[2:] in KIN_NOUNS:
            return True
        if any(x.endswith(p) and x[: len(x) - len(p)] in KIN_NOUNS for p in PRONOUNS):
            return True
    return False


def _name(word: str, strict: bool = False) -> bool:
    """A name after (or, `strict`, beside) the imperative reading: a token
    of the gazetteer no far more frequent word of the books (عباس, حسن;
    not نعمة, not على though علي is a name), or, not `strict`, a definite
    word of four letters or more the books never use (a family name:
    الناظري, اليحيى).  `strict`: a first name of a list (محمد)."""
    surface = strip_marks(word)
    f = fold_word(surface)
    if surface == "على" or (f in STOPWORDS and surface != "علي"):
        return False
    if god(surface) or f in _TITLES:
        return False
    g, n = gazetteer().count(f), lexicon().count(f)
    if strict:
        return g >= 20 and n <= 2 * g
    if g and n <= _WORD_RATIO * g:
        return True
    return f.startswith("ال") and len(f) >= 5 and n == 0


def _between(text: str, start: int, end: int, allowed: frozenset[str]) -> bool:
    return start <= end and all(ch in allowed for ch in text[start:end])


def _abbreviated_title(text: str, prev: Token, start: int) -> bool:
    """Token `prev` is a title written short before the name at `start`
    (د.احمد, م/ احمد, أ. احمد); not the م of a year (1990م.)."""
    gap = text[prev.end : start].strip(" \t")
    if len(gap) != 1 or gap not in _ABBREVIATION_MARKS:
        return False
    if fold_word(strip_marks(prev.text)) not in _ABBREVIATIONS:
        return False
    return not text[: prev.start].rstrip(" \t")[-1:].isdigit()


def _imperative(nxt: Token | None, next_adjacent: bool, prefix: str) -> bool:
    """The imperative's own signs, where none of the name's is: فاحمد, or
    the word after it says what is praised (على, ما, من) or is an object
    of "you" (اكرم ضيفك)."""
    if fold_word(prefix).startswith("ف"):
        return True
    if nxt is None or not next_adjacent:
        return False
    word = strip_marks(nxt.text)
    if word in _PRAISED:
        return True
    f = fold_word(word)
    return f not in STOPWORDS and any(f.endswith(p) and len(f) - len(p) >= 2 for p in _YOU)


def name_occurrence(text: str, tokens: Sequence[Token], idx: int, prefix: str) -> bool:
    """Is token `idx` of `text` (proclitic `prefix` glued on) the name, not
    the imperative?  See the module's docstring."""
    tok = tokens[idx]
    nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
    prev = tokens[idx - 1] if idx > 0 else None
    next_adjacent = nxt is not None and _between(text, tok.end, nxt.start, frozenset(" \t"))
    if nxt is not None and next_adjacent and god(nxt.text):
        return False
    if prev is not None and (
        (_between(text, prev.end, tok.start, _OPENERS) and _title(prev.text))
        or _abbreviated_title(text, prev, tok.start)
    ):
        return True
    if nxt is not None and next_adjacent:
        f = fold_word(strip_marks(nxt.text))
        if f in CHAIN or _name(nxt.text):
            return True
    # a list of names: محمد واحمد, الضويحي وأحمد (a surname before), محمد، احمد,
    # احمد ومحمد, احمد، محمد
    if prev is not None:
        gap = text[prev.end : tok.start]
        if fold_word(prefix) == "و" and gap.strip() == "" and _name(prev.text):
            return True
        if (
            _between(text, prev.end, tok.start, _LIST_GAP)
            and ("،" in gap or "," in gap)
            and _name(prev.text, strict=True)
        ):
            return True
    if nxt is not None and _between(text, tok.end, nxt.start, _LIST_GAP):
        word = strip_marks(nxt.text)
        bare = word[1:] if word[:1] == "و" and next_adjacent else word
        if (bare != word or not next_adjacent) and _name(bare, strict=True):
            return True
    # no sign of the name: the imperative only where the text shows it
    return not _imperative(nxt, next_adjacent, prefix)
