"""A consonant written twice in an ordinary word (issue 9, fifteenth round).

The name gate drops a word the books use as an ordinary word (النيل, the
Nile, is also نيل, "obtaining"; الوطني, قوات, الحزب), so its slip (النيلل,
الوططني, قواتت, الحزبب) met no partner and was left, even when the text
writes the word a dozen times.  A spelling that writes one consonant of a
word twice, that no reference list has and that reads as no inflected
form of a known word, is no other word: it is that word with a typing
slip.

`doubled_slips` pairs such a spelling with the word the text writes with
that letter once, at least twice and `context_ratio` (2) times as often
(folded), when the books know that word (`known_count`).  Never at a word's edge, where a
doubled letter is grammar (`similarity.doubled_letter`: ووزير = و + وزير,
تتفاقم, نواجهه, تضامننا), nor after the article before ل (اللجنة = ال +
لجنة), nor a final ت but a plural's (صوتت, she voted), nor into a
function word, nor a letter written three times (an OCR misreading may
hide another word: المممات for المنامات).
"""

from __future__ import annotations

from collections import Counter

from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.lexicon import STOPWORDS
from arclean.names.model import Cluster, Member
from arclean.names.similarity import doubled_letter
from arclean.names.tokens import fold_word

#: Evidence of a doubled-letter slip of an ordinary word (the report shows it).
DOUBLED_WORD = "one consonant written twice, no word; the kept spelling is a word of the books"


def tripled(f: str) -> bool:
    """A letter written three times running: never Arabic, but not a slip
    of the word with it twice either (OCR: «هذه المممات» is no الممات,
    death, but maybe المنامات, dreams)."""
    return any(f[i] == f[i - 1] == f[i - 2] for i in range(2, len(f)))


def relatives(f: str, c: str, words: set[str]) -> bool:
    """Another word of the text (folded `words`, not `f` nor `c`) holds the
    doubled letter of `f` with the letter before it: the doubling is the
    language's (محللي beside المحللين, analysts; مكتتب beside الاكتتاب,
    subscription), not a slip."""
    i = next(i for i in range(len(c) + 1) if i == len(c) or f[i] != c[i])
    key = f[max(0, i - 2) : i + 1]
    return any(key in w for w in words if w not in (f, c))


def undoubled(word: str) -> list[str]:
    """The spellings `word` is one doubled consonant away from, by
    `doubled_letter`, without the article's ل doubled (اللجنة) or a
    final ت but a plural's (قواتت; صوتت is صوت + ت, she voted)."""
    out = []
    for i in range(2, len(word)):
        if word[i] != word[i - 1] or (i == 2 and fold_word(word).startswith("ال")):
            continue
        if i == len(word) - 1 and word[i] == "ت" and word[i - 2] != "ا":
            continue
        c = word[:i] + word[i + 1 :]
        if doubled_letter(fold_word(word), fold_word(c)) and c not in out:
            out.append(c)
    return out


def doubled_slips(
    counts: Counts, judge: Judge, candidates: set[str], taken: set[str]
) -> list[Cluster]:
    """Clusters (automatic) of ordinary words and their doubled-letter
    slips, for the words the name gate dropped (folded forms not in
    `candidates`) and spellings in no cluster yet (`taken`)."""
    s = judge.s
    folded: Counter[str] = Counter()
    for core, n in counts.core.items():
        folded[fold_word(core)] += n
    words = set(folded)
    out: dict[str, Cluster] = {}
    # the cores with a spelling one doubled letter away, in sorted order
    # (sorting them alone keeps their order: the cheap tests come first)
    todo = sorted(
        (core, n, shorter)
        for core, n in counts.core.items()
        if core not in taken
        and len(f := fold_word(core)) > s.min_letters
        and not tripled(f)
        and (shorter := undoubled(core))
    )
    for core, n, shorter in todo:
        f = fold_word(core)
        for canonical in shorter:
            c = fold_word(canonical)
            cn = folded[c]
            if (
                canonical not in counts.core  # the text writes it so: one letter less
                or canonical in taken
                or c in candidates
                or c in STOPWORDS
                or cn < max(2, s.context_ratio * folded[f])
                or judge.lex_count(c) < s.known_count
                or not judge.no_word(f)
                or judge.place(f)
                or relatives(f, c, words)
            ):
                continue
            cl = out.get(canonical)
            if cl is None:
                why = [f"lexicon {judge.lex.count(c)}"]
                cl = out[canonical] = Cluster(canonical, [Member(canonical, cn)], "auto", None, why)
            cl.members.append(Member(core, n, "auto", s.auto_cost, [DOUBLED_WORD]))
            break
    return list(out.values())
