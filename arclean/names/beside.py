"""A cheap slip written beside the same word as the kept spelling (issue
9, round 19).

A text that writes a name several times and a slip of it once often
writes the slip in the same phrase as the name: «أمريكا الجنوبية» twice
and «اتحاد أماريكا الجنوبية» once, «مرقد الإمام الحسين» and «مرقد
الحسسين».  The cheap pairs (`PairScorer.score`'s strings-and-counts
checks passed: one long vowel, one doubled or similar-sounding letter)
whose canonical no source makes automatic by itself stayed for review
when no *name* stood beside both spellings.  A content word that stands
right beside every use of the slip, on the same side as beside the kept
spelling, ties the slip to the name: `beside_support`.

Not a title, a speech verb, a naming noun or a word of a name sequence
(الأمير, قال, مدينة, بن: they stand beside many names, and one cue never
carries a merge, ninth round), nor a function word; the variant is no
word at all (`Judge.no_word`), the canonical a name by some source
(a gazetteer token, a place, or `Judge.name_evidence` for a word that is
no word of the books behind a proclitic, `glued`) that the text writes at
least twice and `context_ratio` times as often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from arclean.chars import fold
from arclean.names.context import SPEECH, adjacent_uses, kept
from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.lexicon import CUES, KIN, NAMING
from arclean.names.pairing import Group
from arclean.names.tokens import prefix_splits


def telling(x: str) -> bool:
    """A neighbour (folded core) that may tie two spellings together: a
    word that may say something (`context.kept`), no cue, speech verb,
    naming noun or word of a name sequence."""
    return kept(x) and x not in CUES and x not in SPEECH and x not in NAMING and x not in KIN


def theirs(key: str, here: Counter[str], folded: Counter[str], share: float) -> bool:
    """The neighbour `key` ("L:"/"R:" + folded word) stands on that side
    of the two spellings (`here`, their neighbours) in at least `share` of
    the word's uses in the text (`folded` counts): a word of their phrase
    (قبر الحسين, أمريكا الجنوبية), not one that stands beside every name
    of the text (اللاعب before each player's)."""
    n = folded[key[2:]]
    return n > 0 and here[key] >= share * n


def beside_candidate(v: str, c: str, groups: dict[str, Group], judge: Judge) -> bool:
    """A cheap pair (folded variant and canonical, keys of `groups`) that
    a shared neighbour may make automatic: the variant is no word at all,
    the canonical a name by some source, seen at least twice and
    `context_ratio` times as often as the variant."""
    gc, gv = groups[c], groups[v]
    return (
        gc.count >= 2
        and gc.count >= judge.s.context_ratio * gv.count
        and judge.no_word(v)
        and (
            judge.gaz.count(c) > 0
            or judge.place(c)
            or (judge.name_evidence(c) is not None and not glued(c, judge))
        )
    )


def glued(f: str, judge: Judge) -> bool:
    """The folded word is a word of the books (`known_count`) of four
    letters or more behind one proclitic letter, as `Judge.wordlike` reads
    one: والفنون is و + الفنون, which the books never write with the
    article only because it is glued, no name (news, round 19)."""
    known = judge.s.known_count
    return any(len(p) == 1 and judge.lex_count(core) >= known for p, core in prefix_splits(f, 4))


def beside_support(
    texts: Iterable[str],
    counts: Counts,
    pairs: list[tuple[str, str]],
    judge: Judge,
) -> list[tuple[tuple[str, str], str]]:
    """The `beside_candidate` pairs (variant, canonical) whose variant
    stands, in every one of its uses, right beside a `telling` word that
    also stands on that side of the canonical, with the reason.  One pass
    over `texts` when there are pairs."""
    if not pairs:
        return []
    wanted = {x for p in pairs for x in p}
    uses = adjacent_uses(texts, counts, wanted)
    folded: Counter[str] = Counter()
    for core, n in counts.core.items():
        folded[fold(core)] += n
    share = judge.s.beside_share
    out = []
    for v, c in pairs:
        c_uses, v_uses = uses.get(c, []), uses.get(v, [])
        here = Counter(k for lr in (*c_uses, *v_uses) for k in ("L:" + lr[0], "R:" + lr[1]))
        sides = {
            k
            for left, right in c_uses
            for k in ("L:" + left, "R:" + right)
            if telling(k[2:]) and theirs(k, here, folded, share)
        }
        shared: set[str] = set()
        held = 0
        for left, right in v_uses:
            hit = {k[2:] for k in ("L:" + left, "R:" + right) if k in sides}
            held += bool(hit)
            shared |= hit
        if v_uses and held == len(v_uses):
            why = "cheap edit, both spellings written beside " + ", ".join(
                counts.surface_of(x) for x in sorted(shared)[:2]
            )
            out.append(((v, c), why))
    return out
