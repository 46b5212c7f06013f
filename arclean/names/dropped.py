"""A consonant dropped from a long name (issue 9, round 18).

A short article writes a foreign name two to four times and drops one of
its consonants once (كراتشي ×2, كراشي; ستيلانتيس ×2, ستيلاتيس).  The edit
costs a full consonant (`similarity.weighted_distance` 1.0), above
`Settings.review_cost`, so without a shared cue or name the pair was
dropped and nobody saw it.  A long canonical (`DROP_LETTERS`) the text
writes at least twice and `context_ratio` times as often as a variant that
is no word at all is worth a person's look (`dropped_consonant`: review).

It is automatic only with evidence in proportion to a full edit, never on
one cue word: a first name before both spellings in most of its uses
(`weighing.full_name_support`, which `eligible` opens to these pairs), or
both spellings between the same two words, the word before and the word
after (`frame_support`: «مدينة كراتشي الباكستانية» / «مدينة كراشي
الباكستانية»), each a word that may say something (no function word),
the first a naming noun or a first name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial

from arclean.names.context import frames
from arclean.names.counting import Counts
from arclean.names.evidence import Judge, future_verb
from arclean.names.lexicon import NAMING
from arclean.names.pairing import Group
from arclean.names.shown import first_name
from arclean.names.weighing import first_names, full_name_support, two_words

#: Letters a canonical needs before a consonant dropped from it is offered
#: (issue 9's brief for round 18: a long name, six letters or more; five-letter
#: words lose a consonant into other words: فيدان/فيان is decided by context).
DROP_LETTERS = 6

#: Letters whose loss is a long vowel dropped (cheaper, `similarity`), not a consonant.
_VOWELS = frozenset("اويىء")


def dropped_letter(v: str, c: str) -> bool:
    """`v` is `c` with one consonant left out, not a long vowel nor one of
    two equal letters (a doubled letter is its own kind), and not the
    first letter (a proclitic: وتطوير beside لتطوير)."""
    if len(v) + 1 != len(c) or v[:1] != c[:1]:
        return False
    for i, ch in enumerate(c):
        if c[:i] + c[i + 1 :] == v:
            twin = (i and c[i - 1] == ch) or (i + 1 < len(c) and c[i + 1] == ch)
            return ch not in _VOWELS and not twin
    return False


def swapped_letter(v: str, c: str) -> bool:
    """`v` is `c` with one letter changed (مندليف/منسليف, مايوركا/مايورسا),
    not the first (a proclitic: باستهداف beside لاستهداف)."""
    return (
        len(v) == len(c) and v[:1] == c[:1] and sum(a != b for a, b in zip(v, c, strict=True)) == 1
    )


def consonant_slip(v: str, c: str, candidates: dict[str, Group], judge: Judge) -> bool:
    """`dropped_consonant`'s guards, with one letter changed instead of
    dropped: a long name's consonant misspelt, worth a review only (a
    letter swapped may make another name: مارتن/مارڤن, هاكان/هاكام)."""
    return dropped_consonant(v, c, candidates, judge, swapped=True)


def dropped_consonant(
    v: str, c: str, candidates: dict[str, Group], judge: Judge, swapped: bool = False
) -> bool:
    """The folded variant drops one consonant of a long canonical
    (`DROP_LETTERS`) the text writes at least twice and `context_ratio`
    times as often; the variant is no word at all (`Judge.no_word`), no
    inflected or suffixed word, and holds no word of its own
    (`Judge.own_word`); the canonical is a word the books seldom use
    (`known_count`) or a name by some source (`Judge.name_evidence`:
    مانشستر, 3 times in the books), with the article only if a name by
    some source (the books miss modern nouns: البرنامج, المرشح), and no
    verb of the text or the books; both take the article alike."""
    s = judge.s
    gv, gc = candidates[v], candidates[c]
    share_v = gv.definite / gv.count if gv.count else 0.0
    share_c = gc.definite / gc.count if gc.count else 0.0
    return (
        len(c) >= DROP_LETTERS
        and (dropped_letter(v, c) or (swapped and swapped_letter(v, c)))
        and gc.count >= 2
        and gc.count >= s.context_ratio * gv.count
        and abs(share_v - share_c) < 0.5
        and judge.no_word(v)
        and not judge.suffixed(v)
        and not judge.wordlike(v)
        and judge.own_word(v, c) is None
        and (judge.lex_count(c) < s.known_count or judge.name_evidence(c) is not None)
        and not judge.text_verb(c)
        and not judge.verb_like(c)
        and not future_verb(c, judge)  # ستستمر beside سنستمر
        # a definite word no source calls a name is a noun: البرنامج, المرشح
        # (the books miss modern words, so البرامج is "no word")
        and (not c.startswith("ال") or judge.name_evidence(c) is not None)
        # two words written together are a compound's business (عبدالحليم
        # beside عبدالحكيم: two names; the compound step writes عبد الحليم)
        and not two_words(c, judge)
        and not two_words(v, judge)
    )


def eligible(
    may_support: Callable[[str, str], bool],
    candidates: dict[str, Group],
    judge: Judge,
    v: str,
    c: str,
) -> bool:
    """What `weighing.full_name_support` asks of a pair besides the first
    name: `may_support` (a canonical some source calls a name), or a
    consonant dropped from a long name (`dropped_consonant`)."""
    return may_support(v, c) or auto_drop(v, c, candidates, judge)


def auto_drop(v: str, c: str, candidates: dict[str, Group], judge: Judge) -> bool:
    """A `dropped_consonant` pair that context may make automatic: the
    canonical has no article (a definite word less a consonant is often
    another word, or an OCR misreading of one: الرمن beside الرحمن is
    الزمن, time, in the OCR sample; round 18's real-text check)."""
    return not c.startswith("ال") and dropped_consonant(v, c, candidates, judge)


def frame_support(
    texts: Iterable[str],
    counts: Counts,
    pairs: Iterable[tuple[str, str]],
    groups: dict[str, Group],
    judge: Judge,
) -> dict[tuple[str, str], str]:
    """The pairs (variant, canonical; keys of the fold `groups`) whose
    variant stands, at every use, between two words that also stand
    around the canonical, the first a naming noun (`lexicon.NAMING`) or a
    well-known first name (`shown.first_name`; not a title: «مدير برنامج
    الأمم» beside «مدير برامج الأمم», where the books miss both nouns),
    with the reason (one more pass over `texts`,
    only when some pair is given; not الرمن ×15 in the OCR sample, once
    in «عبد الرمن قال» beside «عبد الرحمن قال»)."""
    todo = list(pairs)
    if not todo:
        return {}
    seen = frames(texts, counts, {x for p in todo for x in p})
    out: dict[tuple[str, str], str] = {}
    for v, c in todo:
        v_frames = seen.get(v, Counter())
        shared = sorted(
            (a, b)
            for a, b in set(v_frames) & set(seen.get(c, Counter()))
            if a in NAMING or first_name(a, judge)
        )
        if shared and sum(v_frames[x] for x in shared) >= groups[v].count:
            left, right = shared[0]
            out[(v, c)] = f"both spellings between {left} and {right}"
    return out


def dropped_pairs(
    need_context: Iterable[tuple[str, str, float]],
    candidates: dict[str, Group],
    judge: Judge,
    support: dict[tuple[str, str], str],
) -> list[tuple[str, str]]:
    """The dearer pairs (variant, canonical, cost) that drop or change a
    consonant of a long name (`consonant_slip`) and have no support yet."""
    return sorted(
        (v, c)
        for v, c, _cost in need_context
        if (v, c) not in support and consonant_slip(v, c, candidates, judge)
    )


def dearer_support(
    texts: Iterable[str],
    counts: Counts,
    judge: Judge,
    nbs: dict[str, Counter[str]],
    need_context: list[tuple[str, str, float]],
    may_support: Callable[[str, str], bool],
    candidates: dict[str, Group],
    support: dict[tuple[str, str], str],
    near: set[tuple[str, str]],
) -> tuple[dict[tuple[str, str], str], set[tuple[str, str]]]:
    """The last step of `scoring.PairScorer.context_support`, given the
    neighbours `nbs` it read: adds to `support` the dearer pairs (variant,
    canonical, cost) of `need_context` a first name before both spellings
    supports (`weighing.full_name_support`, ninth round; `may_support` or
    `dropped_consonant`), then puts the consonants of a long name dropped
    or changed that are left in `near` (review), and in `support` the
    dropped ones whose spellings stand between the same two words
    (`frame_support`).
    Returns (support, near), updated in place."""
    firsts = [
        # a name before both needs neighbours of both (no Counter made for none)
        (v, c, first_names(nbs[v], nbs[c], judge) if v in nbs and c in nbs else [])
        for v, c, cost in need_context
        if cost > judge.s.auto_cost and (v, c) not in support
    ]
    ok = partial(eligible, may_support, candidates, judge)
    support.update(full_name_support(texts, counts, judge, firsts, ok))
    todo = dropped_pairs(need_context, candidates, judge, support)
    near.update(todo)
    drops = [(v, c) for v, c in todo if auto_drop(v, c, candidates, judge)]
    support.update(frame_support(texts, counts, drops, candidates, judge))
    return support, near
