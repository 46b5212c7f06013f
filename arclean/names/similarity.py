"""How far apart two spellings of a name are, in Arabic transliteration terms.

Everything here works on folded forms (`arclean.chars.fold`).  The weighted
edit distance knows that transliterators disagree on long vowels (ترامب/ترمب),
on the letter for a g sound (غوتيريش/جوتيريش) and on emphatic/plain pairs
(ت/ط, س/ص), so those edits cost less than an arbitrary letter change.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

#: Letters that stand for the same foreign sound in some transliteration.
#: Only the groups transliterations really mix (issue 9): ج/غ/ك/ق for g, ت/ط,
#: س/ص/ث/ز (a foreign z or tz: ميرتز/ميرتس), ذ/ز/ظ.  ش/س, د/ض, ه/ح/خ and ا/ع/ء
#: made real words of each other (شاقني/ساقني, أضنى/أدنى, محتما/مهتما,
#: ألعب/الأب) and now cost a full edit.
#: The letters a writer uses for a g (ك ق غ ج): one of the groups below.
G_GROUP = "كقغج"
G_SOUND = frozenset(G_GROUP)
SUBSTITUTION_GROUPS: tuple[str, ...] = (
    "تط",
    "سصثز",
    "زظذ",
    G_GROUP,
    "فڤ",
    "بپ",
)
LONG_VOWELS = frozenset("اوي")

CHEAP = 0.35  # a long vowel in the middle, a letter of the same sound group
FINAL = 0.5  # a final ا or ه added or dropped (أوباما/أوبام is rare, سوريا/سوريه not)
FULL = 1.0

_GROUP_OF: dict[str, set[str]] = {}
for _group in SUBSTITUTION_GROUPS:
    for _ch in _group:
        _GROUP_OF.setdefault(_ch, set()).update(_group)


def sub_cost(a: str, b: str) -> float:
    """Cost of writing `b` where `a` was written."""
    if a == b:
        return 0.0
    if b in _GROUP_OF.get(a, ()):
        return CHEAP
    return FULL


def _indel_cost(word: str, i: int) -> float:
    """Cost of inserting or deleting word[i]."""
    ch = word[i]
    if 0 < i < len(word) - 1 and ch in LONG_VOWELS:
        return CHEAP
    if i > 0 and ch == word[i - 1] and ch not in LONG_VOWELS:
        return CHEAP  # a doubled letter (ماككين/ماكين): the shadda written out
    if i == len(word) - 1 and ch in "اه":
        return FINAL
    return FULL


@lru_cache(maxsize=65536)
def _indel_costs(word: str) -> tuple[float, ...]:
    return tuple(_indel_cost(word, i) for i in range(len(word)))


_SUB: dict[tuple[str, str], float] = {
    (x, y): CHEAP for g in SUBSTITUTION_GROUPS for x in g for y in g if x != y
}


@lru_cache(maxsize=65536)
def weighted_distance(a: str, b: str, limit: float = 99.0) -> float:
    """Weighted Levenshtein distance between two folded words.  When the
    distance is certainly above `limit`, some value above `limit` is
    returned early (not the exact distance).

    >>> weighted_distance("ترامب", "ترمب")
    0.35
    """
    if a == b:
        return 0.0
    n, m = len(a), len(b)
    # every edit costs at least CHEAP, so an alignment leaving the diagonal by
    # more than `band` cells costs more than `limit`: only the band is computed
    band = int(limit / CHEAP) if limit < 10 else max(n, m)
    if abs(n - m) > band:
        return round(abs(n - m) * CHEAP, 4)
    ia, ib = _indel_costs(a), _indel_costs(b)
    sub = _SUB.get
    inf = float("inf")
    prev = [inf] * (m + 1)
    prev[0] = 0.0
    for j in range(1, min(m, band) + 1):
        prev[j] = prev[j - 1] + ib[j - 1]
    for i in range(1, n + 1):
        da = ia[i - 1]
        ca = a[i - 1]
        cur = [inf] * (m + 1)
        lo = max(1, i - band)
        if lo == 1:
            cur[0] = prev[0] + da
        best = cur[0] if lo == 1 else inf
        for j in range(lo, min(m, i + band) + 1):
            cb = b[j - 1]
            x = prev[j - 1] + (0.0 if ca == cb else sub((ca, cb), FULL))
            y = prev[j] + da
            if y < x:
                x = y
            y = cur[j - 1] + ib[j - 1]
            if y < x:
                x = y
            cur[j] = x
            if x < best:
                best = x
        if best > limit + 1e-9:
            return round(best, 4)
        prev = cur
    return round(prev[m], 4)


# ---------------------------------------------------------------------------
# Blocking keys: forms that may be variants share at least one key.
# ---------------------------------------------------------------------------

_PHONETIC_TABLE = str.maketrans(
    {"ط": "ت", "ص": "س", "ث": "س", "ش": "س", "ض": "د", "ذ": "د", "ظ": "ز",
     "ق": "ك", "غ": "ك", "ج": "ك", "ح": "ه", "خ": "ه", "ع": "ا", "ء": "ا"}
)  # fmt: skip


def phonetic_key(folded: str) -> str:
    """Consonant skeleton: sound groups merged, medial long vowels dropped.
    Used to block candidates, never to decide."""
    s = folded.translate(_PHONETIC_TABLE)
    if len(s) <= 2:
        return s
    return s[0] + s[1:-1].translate(_NO_MEDIAL) + s[-1]


#: Deletes the long vowels and ه (`phonetic_key`'s medial letters dropped).
_NO_MEDIAL = str.maketrans("", "", "".join(LONG_VOWELS) + "ه")
#: Deletes the long vowels (`cheap_skeleton`).
_NO_LONG_VOWELS = str.maketrans("", "", "".join(LONG_VOWELS))


#: Letters a cheap substitution may swap, merged into one class (ز is in two
#: groups, so س ص ث ز ذ ظ are one class here; merging more letters than the
#: groups do only keeps more pairs).
_SKELETON_TABLE = str.maketrans(
    {"ط": "ت", "ص": "س", "ث": "س", "ش": "س", "ض": "د", "ذ": "س", "ز": "س", "ظ": "س",
     "ق": "ك", "غ": "ك", "ج": "ك", "ح": "ه", "خ": "ه", "ع": "ا", "ء": "ا", "ڤ": "ف",
     "پ": "ب"}
)  # fmt: skip


def cheap_skeleton(folded: str) -> str:
    """The form with every letter a cheap or final edit can touch erased:
    sound groups merged, long vowels after the first letter dropped, final
    ا/ه stripped.  Two forms whose weighted distance is reached by cheap and
    final edits only have the same skeleton; a pair under `FULL + CHEAP` that
    does not is at most one plain edit apart (Levenshtein distance 1).  Used
    to skip pairs before the weighted DP, never to decide."""
    s = folded.translate(_SKELETON_TABLE)
    s = s[:1] + s[1:].translate(_NO_LONG_VOWELS)
    s = "".join(ch for i, ch in enumerate(s) if i == 0 or ch != s[i - 1])  # doubled letters
    return s.rstrip("اه")


def deletion_keys(folded: str) -> Iterable[str]:
    """The form and each one-letter deletion (SymSpell): any two forms at
    Levenshtein distance 1 share a key."""
    yield folded
    seen = {folded}
    for i in range(len(folded)):
        key = folded[:i] + folded[i + 1 :]
        if key not in seen:
            seen.add(key)
            yield key


def blocking_keys(folded: str) -> set[str]:
    """All keys of a folded form: deletion neighbourhood + phonetic key."""
    # `deletion_keys`, written out: made for every candidate form
    keys = {"d:" + folded[:i] + folded[i + 1 :] for i in range(len(folded))}
    keys.add("d:" + folded)
    keys.add("p:" + phonetic_key(folded))
    return keys


# ---------------------------------------------------------------------------
# Guards: differences that are grammar, not spelling.
# ---------------------------------------------------------------------------

#: Suffixes whose presence or absence changes the word (قال/قالت, لبنان/لبناني).
INFLECTION_SUFFIXES = (
    "ه", "ت", "ي", "و", "ا", "ن", "ون", "ين", "ان", "ات", "يه", "ها", "هم", "هما",
    "كم", "نا", "ني", "يون", "يين", "تا", "تان", "تين", "وا",
)  # fmt: skip
#: Prefixes of verbs, nouns and clitics (يقول/تقول, معلم/علم).
INFLECTION_PREFIXES = ("ي", "ت", "ن", "ا", "م", "ال", "و", "ف", "ب", "ل", "ك", "س", "است")


#: Endings of a noun or adjective on a stem (case, nisba, feminine, plural):
#: a known stem with one of them is a word (`Judge.no_word`, ninth round).
NOUN_ENDINGS = ("ا", "ي", "يا", "ه", "يه", "ات", "ون", "ين", "ان", "يون", "يين")

_SUFFIX_SET = frozenset(INFLECTION_SUFFIXES)
_PREFIX_SET = frozenset(INFLECTION_PREFIXES)
_MAX_SUFFIX = max(map(len, INFLECTION_SUFFIXES))


def inflection_only(a: str, b: str) -> bool:
    """True when two folded forms differ only by an affix (or by an affix
    swap at the same end: لبنانيه/لبنانيون)."""
    if len(a) > len(b):
        a, b = b, a
    la, lb = len(a), len(b)
    if b.startswith(a) and b[la:] in _SUFFIX_SET:
        return True
    if b.endswith(a) and b[: lb - la] in _PREFIX_SET:
        return True
    # same stem (≥ 3 letters), endings from the suffix list (a's may be none)
    for k in range(max(3, la - _MAX_SUFFIX), la + 1):
        if a[:k] != b[:k]:
            break
        sa, sb = a[k:], b[k:]
        if (
            (not sa or sa in _SUFFIX_SET)
            and sb in _SUFFIX_SET
            and sb != sa
            and (not sa or not _vowel_only(sa, sb))
        ):
            return True
    return False


def _vowel_only(sa: str, sb: str) -> bool:
    """Endings that differ only by a long vowel before ن (طولون/طولن,
    تشرين/تشرن): a transliteration difference, not an inflection."""
    x, y = sorted((sa, sb), key=len)
    return x == "ن" and len(y) == 2 and y[0] in LONG_VOWELS and y[1] == "ن"


def pattern_change(a: str, b: str) -> bool:
    """Two folded forms that differ by a long vowel moved (one dropped, one
    added elsewhere): another word pattern of the same root (كامل/كميل,
    خالد/خليد: فاعل/فعيل), not a spelling variant."""
    if len(a) != len(b) or a == b:
        return False
    for i in range(1, len(a) - 1):
        if a[i] in LONG_VOWELS:
            x = a[:i] + a[i + 1 :]
            for j in range(1, len(b) - 1):
                if j != i and b[j] in LONG_VOWELS and b[:j] + b[j + 1 :] == x:
                    return True
    return False


def pattern_insert(a: str, b: str) -> bool:
    """One folded form is the other, a word of three root letters (with a
    final ه, the folded ة, after them or not), with a long vowel added after
    its second letter: another word pattern of the root (فعل/فعيل,
    فعلة/فعيلة, فعول, فعال: حسن/حسين, سعد/سعيد, شبكة/شبيكة), not a vowel a
    transliteration dropped.  Also the alef that makes a derived verb's
    verbal noun (انفعل/انفعال, افتعل/افتعال, استفعل/استفعال: انخفض/انخفاض,
    استهدف/استهداف) and the alef before a stem (أفعال, أفعل, إفعال beside
    مفعال, فعل: المطار/الأمطار)."""
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    root = short[:-1] if len(short) == 4 and short.endswith("ه") else short
    if len(root) == 3 and long[2] in LONG_VOWELS and long[:2] + long[3:] == short:
        return True
    if _nisba_pattern(long, short):
        return True
    verb = (len(short) == 5 and (short.startswith("ان") or short[:3:2] == "ات")) or (
        len(short) == 6 and short.startswith("است")
    )  # انفعل, افتعل, استفعل
    if verb and long == short[:-1] + "ا" + short[-1]:
        return True  # a derived verb and its verbal noun
    stem = 2 if short.startswith("ال") and long.startswith("ال") else 0
    return len(short) - stem >= 3 and long == short[:stem] + "ا" + short[stem:]


def _nisba_pattern(long: str, short: str) -> bool:
    """Two nisbas (ي, the article or not) of one root of three letters,
    the longer with a long vowel after its second letter: another word
    pattern, the diminutive of a family name or another adjective
    (الشمري/الشميري, الجهني/الجهيني, العصمي/العصيمي; العربي/العروبي),
    not a vowel a writer added (session 27, a names breaker)."""
    if not (long.endswith("ي") and short.endswith("ي")):
        return False
    if long.startswith("ال") and short.startswith("ال"):
        long, short = long[2:], short[2:]
    stem, longer = short[:-1], long[:-1]
    return len(stem) == 3 and longer[2] in LONG_VOWELS and longer[:2] + longer[3:] == stem


def alef_pattern(variant: str, canonical: str) -> bool:
    """One spelling is the other, a stem (after ال) of a word pattern, with
    an alef after the stem's second letter: another word, not a vowel a
    writer dropped or added.  The variant with the alef is the broken plural
    of a stem of four letters (مفعل/مفاعل, فوعل/فواعل: المغرب/المغارب,
    مشرق/مشارق, جوهر/جواهر); the variant without it, in م with any ending,
    is a participle's other form (مفعّل/مفاعل: المهجرين, displaced, beside
    المهاجرين, emigrants; مقتل/مقاتل).  A transliteration that drops the
    alef goes the other way (ترمب beside ترامب) and is neither."""
    stem = 2 if canonical.startswith("ال") and variant.startswith("ال") else 0
    if (
        len(canonical) - stem == 4
        and variant == canonical[: stem + 2] + "ا" + canonical[stem + 2 :]
    ):
        return True  # a broken plural
    return (
        len(variant) - stem >= 4
        and variant[stem] == "م"
        and canonical == variant[: stem + 2] + "ا" + variant[stem + 2 :]
    )


def vowel_by_vowel(a: str, b: str) -> bool:
    """The two folded forms differ by one long vowel next to another vowel
    letter (خوالد/خالد, هانوي/هاني): a different word shape (a plural, a
    nisba), not a vowel a transliteration dropped between two consonants."""
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    for i in range(1, len(long) - 1):
        if (
            long[i] in LONG_VOWELS
            and long[:i] + long[i + 1 :] == short
            and (long[i - 1] in LONG_VOWELS or long[i + 1] in LONG_VOWELS)
        ):
            return True
    return False


def orthographic_weight(surface: str) -> int:
    """How much orthographic information a spelling carries that folding
    erases: hamza seats, madda, ة, ى.  More is a better canonical."""
    return sum(surface.count(ch) for ch in "أإآؤئءةى")


def text_only_edit(v: str, c: str) -> bool:
    """An edit safe enough into a canonical that only the scanned text
    attests (no glossary, gazetteer or lexicon): a g-sound letter
    (فينغر/فينجر), or a letter the rewrite drops.  A letter it would add
    (جورجوس → جوريجوس) or another sound-group swap (جوميس/جوميز: Gomis
    and Gomez are two names) is left for review: no source says which
    spelling is right."""
    if len(v) == len(c):
        diff = [(a, b) for a, b in zip(v, c, strict=True) if a != b]
        return len(diff) == 1 and diff[0][0] in G_SOUND and diff[0][1] in G_SOUND
    return len(v) == len(c) + 1


def doubled_letter(v: str, c: str) -> bool:
    """The variant writes one consonant of the canonical twice (الأندللس
    beside الأندلس): the shadda spelled out, or a typing slip.  Not at a
    word boundary, where a doubled letter is grammar: a prefix on a verb
    (تتفاقم = ت + تفاقم), a pronoun ه after ه (نواجهه), نا or ني after ن
    (تضامننا)."""
    if len(v) != len(c) + 1:
        return False
    for i in range(2, len(v)):
        if v[i] != v[i - 1] or v[i] in LONG_VOWELS or v[:i] + v[i + 1 :] != c:
            continue
        if (v[i] == "ه" and i == len(v) - 1) or (v[i] == "ن" and v[i + 1 :] in ("ا", "ي")):
            continue
        return True
    return False
