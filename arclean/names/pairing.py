"""Step 3: candidate cores and the pairs of them worth scoring.

Cores equal after folding form a `Group`; groups of common words are
dropped; the rest are blocked (deletion neighbourhood and phonetic key,
`similarity.blocking_keys`) and paired within a block, with the guards that
look at one form at a time applied before any distance is computed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Set
from dataclasses import dataclass
from functools import cache, cached_property

from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.lexicon import PRONOUNS, STOPWORDS, inflected
from arclean.names.model import Settings
from arclean.names.similarity import (
    CHEAP,
    FULL,
    blocking_keys,
    cheap_skeleton,
    doubled_letter,
    phonetic_key,
    weighted_distance,
)
from arclean.names.tokens import fold_word, prefix_splits


@dataclass
class Group:
    """Cores equal after folding."""

    key: str
    forms: Counter[str]
    definite: int = 0

    @cached_property
    def count(self) -> int:
        """Total count; read only once the group is complete."""
        return sum(self.forms.values())


def max_cost(s: Settings) -> float:
    """The dearest pair cost that can still give a tier (review or auto)."""
    return max(s.review_cost, s.context_cost)


def fuzzy_splits(counts: Counts, judge: Judge, s: Settings) -> None:
    """Split a proclitic off a rare word whose core is not attested as such
    but is a cheap variant of an attested core (بترمب when ترامب occurs):
    the variant itself is what we are looking for."""
    index: dict[str, list[str]] = defaultdict(list)
    for core in counts.core:
        f = fold_word(core)
        if len(f) >= s.min_letters and f not in STOPWORDS:
            index[phonetic_key(f)].append(f)
    moves: list[tuple[str, str, str]] = []
    spellings: dict[str, set[str]] = defaultdict(set)  # folded core → the text's spellings
    for core in counts.core:
        spellings[fold_word(core)].add(core)
    for w, (prefix, _core) in counts.analysis.items():
        if prefix:
            continue
        fw = fold_word(w)
        if len(fw) <= s.min_letters:
            continue
        if judge.lex.count(fw) or judge.gaz.count(fw):
            split = fold_spelling_split(w, spellings, judge, s.min_letters)
            if split is not None:
                moves.append((w, *split))
            continue
        for p, c in prefix_splits(w, s.min_letters):
            fc = fold_word(c)
            targets = index.get(phonetic_key(fc), ())
            if len(targets) > s.max_block:
                continue
            if any(
                t != fw and weighted_distance(fc, t, s.split_cost) <= s.split_cost for t in targets
            ) or doubled_core(fc, index):
                moves.append((w, p, c))
                break
    for w, p, c in moves:
        n = counts.surface[w]
        counts.reanalyse(w, p, c)
        counts.core[w] -= n
        if counts.core[w] <= 0:
            del counts.core[w]
        counts.core[c] += n
        if fold_word(p).endswith(("ال", "لل")):
            counts.definite[c] += n


def fold_spelling_split(
    w: str, spellings: dict[str, set[str]], judge: Judge, min_letters: int
) -> tuple[str, str] | None:
    """(proclitic, core) of `w` when it is another spelling (hamza seat,
    ى/ي, ة/ه) of a word with the article that the text writes bare in
    another spelling, or None (fourteenth round: بالقاهره beside القاهرة;
    the books write بالقاهرة, so the folded word is known and the split
    above never looked at it).  Only a one-letter proclitic before the
    article (ب, و, ف, ك, ل of لل), and only when the books and the
    gazetteer never write `w` so: the spelling then joins the core's fold
    group, whose own guards (`members.fold_member`) give its tier."""
    if judge.known_spelling(w):
        return None
    for p, c in prefix_splits(w, min_letters):
        if len(p) != 1 or not c.startswith("ال"):
            continue
        others = spellings.get(fold_word(c), set()) - {c}
        if others and not judge.known_spelling(c):
            return p, c
    return None


def doubled_core(fc: str, index: dict[str, list[str]]) -> bool:
    """The folded core writes one consonant of an attested core twice
    (فيففا beside فيفا; `similarity.doubled_letter`), which the phonetic
    key keeps apart (tenth round: الفيففا stayed glued to its article)."""
    for i in range(1, len(fc)):
        if fc[i] == fc[i - 1]:
            t = fc[:i] + fc[i + 1 :]
            if doubled_letter(fc, t) and t in index.get(phonetic_key(t), ()):
                return True
    return False


def fold_groups(counts: Counts, judge: Judge, s: Settings) -> dict[str, Group]:
    """Groups of cores equal after folding, keyed by the folded form, that
    may be names: long enough, no function word, not a common word."""
    groups: dict[str, Group] = {}
    for core, n in counts.core.items():
        f = fold_word(core)
        if len(f) < s.min_letters or f in STOPWORDS:
            continue
        g = groups.get(f)
        if g is None:
            g = groups[f] = Group(f, Counter())
        g.forms[core] += n
        g.definite += counts.definite.get(core, 0)

    @cache
    def words() -> Set[str]:
        return {fold_word(w) for w in counts.surface} | {fold_word(w) for w in counts.core}

    return {f: g for f, g in groups.items() if not common_here(f, g, judge, words)}


def common_here(f: str, g: Group, judge: Judge, words: Callable[[], Set[str]] = frozenset) -> bool:
    """A common word (`Judge.common`), by the lexicon or by the text's own
    uses with ال.  The text's article share does not make common a
    frequent gazetteer name (`common_count`) the lexicon does not call
    common (ninth round: سانتياغو, الحسن), nor a word the books never use
    that the text never inflects (tenth round:
    الفيفا and its slip الفيففا are a name's article; الشاشة is a noun: the
    text writes شاشات, شاشتها; `words` gives the text's folded words,
    built once when first needed)."""
    if not judge.common(f, g.definite, g.count):
        return False
    if judge.common(f):
        return True
    if judge.gaz.count(f) >= judge.s.common_count:
        return False
    return judge.lex_count(f) > 0 or text_inflects(f, words())


def text_inflects(f: str, words: Set[str]) -> bool:
    """The text (folded words `words`) writes the folded bare word `f` with
    a pronoun suffix or a feminine plural (شاشتها, شاشات; ة becomes ت
    before them): a noun, not a name."""
    if f.startswith("ال"):
        f = f[2:]
    stem = f[:-1] + "ت" if f.endswith("ه") else f
    ends = [p for p in PRONOUNS if p != "ي" or f.endswith("ه")]
    plural = (f[:-1] if f.endswith("ه") else f) + "ات"
    return plural in words or any(stem + p in words for p in ends)


def candidate_pairs(
    candidates: dict[str, Group], counts: Counts, judge: Judge, s: Settings
) -> set[tuple[str, str]]:
    """Pairs (a, b) of folded candidate forms, a < b, that share a blocking
    key and are close enough by plain Levenshtein to be worth the weighted
    distance."""
    # Only a block of two forms or more (and not too many) pairs anything,
    # and most keys are one form's: those get no list.
    keys = [(f, blocking_keys(f)) for f in candidates]
    size = Counter(key for _f, ks in keys for key in ks)
    blocks: dict[str, list[str]] = defaultdict(list)
    for f, ks in keys:
        for key in ks:
            if 1 < size[key] <= s.max_block:
                blocks[key].append(f)
    from rapidfuzz.distance import Levenshtein  # C speed prefilter before the weighted DP

    # On a large corpus a pair of two one-off spellings is never worth a
    # rewrite (the canonical must be seen at least twice): pair every member
    # of a block only with the block's anchors.
    min_anchor = 2 if counts.tokens > s.big_corpus else 1
    limit = max_cost(s)
    # A pair within `limit` < FULL + CHEAP is either one plain edit apart or
    # reached by cheap and final edits only, and then shares its skeleton
    # (`cheap_skeleton`): every other pair is skipped before the DP.
    skeleton = {f: cheap_skeleton(f) for f in candidates} if limit < FULL + CHEAP else None
    max_lev = 1 if skeleton is not None else 2
    # the pair guards that look at one form at a time (step 3), decided once
    # per form: a pronoun/plural suffix rules a form out; two lexicon words
    # or two well-attested words never pair
    ruled_out = {f for f in candidates if inflected(f)}
    word = {f for f in candidates if judge.lex.count(f) >= s.known_count}
    well_known = {f for f in candidates if judge.attested(f)}
    pairs: set[tuple[str, str]] = set()
    seen: set[tuple[str, str]] = set()
    lev = Levenshtein.distance
    # the anchors of the blocks, decided once per form
    anchor = {f for f, g in candidates.items() if g.count >= min_anchor}
    for members in blocks.values():
        if len(members) < 2 or len(members) > s.max_block:
            continue
        anchors = [a for a in members if a in anchor and a not in ruled_out]
        for a in anchors:
            la = len(a)
            ka = skeleton[a] if skeleton is not None else None
            a_word, a_known = a in word, a in well_known
            for b in members:
                if b == a or abs(la - len(b)) > 2 or b in ruled_out:
                    continue
                if b in anchor and a > b:
                    continue  # both anchors: taken once, from the smaller
                if (a_word and b in word) or (a_known and b in well_known):
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                d = lev(a, b, score_cutoff=2)
                if d <= max_lev or (d <= 2 and ka == skeleton[b]):  # type: ignore[index]
                    pairs.add(pair)
    return pairs
