"""A cheap edit into a name the text itself shows as a name (issue 9,
sixteenth round).

One news article writes a name two to five times and a slip of it once:
the counts of one text are thin, and the reference lists miss most
modern names.  What the article does show is the name used as one: right
after a first name (هاكان فيدان), a title (الرئيس, وزير) or a naming noun
(مدينة, شركة).  `shown_candidate` says which cheap pairs may ask for this
evidence (the variant must be no word at all); `shown_as_name` reads the
neighbours.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from arclean.names.context import SPEECH, adjacent_neighbours, own_context
from arclean.names.counting import Counts
from arclean.names.evidence import Judge, future_verb
from arclean.names.lexicon import CUES, KIN, NAMING, NISBA_ENDINGS, STOPWORDS
from arclean.names.pairing import Group
from arclean.names.weighing import two_words


def shown_candidate(v: str, c: str, groups: dict[str, Group], judge: Judge) -> bool:
    """A cheap pair (folded variant `v` and canonical `c`, keys of the
    scan's fold `groups`) that the text's own name uses may make automatic:
    the variant is no word at all (`Judge.no_word`: not in the lexicon, the
    gazetteer or the place list, and no inflected form of a known word);
    no letter swapped in a short word (`sub_letters`: دمشج/دمشق needs a
    word next to both, eleventh round); the canonical stands at least
    twice and `context_ratio` times as often, is no adjective or plural
    (an ending of `lexicon.NISBA_ENDINGS` after the article, الأمريكي after
    الرئيس; يه, ات, ين, ون at all: متجاورين after دارين; a bare ي is a
    surname's as often, ميقاتي), no verb (ستعرض = س + تعرض after منطقة;
    تحررت = تحرر + ت after محافظة; a verb of the books or of the text), no
    inflected word and no two words written together (`two_words`:
    عبدالله, beside عبدالإله another name); a canonical without the article
    is never written with it in the text (البروتوكول: a noun); and either
    some source calls the canonical a name (`Judge.name_evidence`) or it
    is what `weighing.cue_candidate` asks of one (a word the books seldom
    use or a name they use bare, five letters or more, no article: المعش
    beside المعيش), a bare final ي allowed."""
    s, gc = judge.s, groups[c]
    if len(v) == len(c) and len(c) < s.sub_letters:
        return False
    if gc.count < 2 or gc.count < s.context_ratio * groups[v].count:
        return False
    if c.endswith(("يه", "يين", "يون", "ات", "ين", "ون")) or (
        c.startswith("ال") and c.endswith(NISBA_ENDINGS)
    ):
        return False
    if not c.startswith("ال") and gc.definite:
        return False
    if c.endswith("ت") and judge.lex.count(c[:-1]) >= s.known_count:
        return False
    if judge.name_evidence(c) is None and not (
        # `weighing.cue_candidate`'s canonical, but a bare ي may end a surname
        len(c) >= 5
        and not c.startswith("ال")
        and (judge.lex_count(c) < s.known_count or judge.bare_name(c))
        and not judge.gaz.count(c)
    ):
        return False
    return (
        judge.no_word(v)
        and not judge.text_verb(c)
        and not future_verb(c, judge)
        and not judge.verb_like(c)
        and not judge.suffixed(c)
        and not judge.wordlike(c)
        and not two_words(c, judge)
    )


def _signal(key: str, judge: Judge) -> bool:
    """A neighbour key ("L:" or "R:" + folded core) that shows the word
    beside it as a name: before it, a first name (`Judge.name_word`), a
    title (a cue that is no speech verb: قال says nothing of the word
    after it) or a naming noun (unless `cue_uses` is 0); a first name only when the gazetteer has it
    at least `attested_count` times and it reads as no inflected word;
    after it, a word of a name sequence (بن)."""
    side, x = key[:2], key[2:]
    if side == "R:":
        return x in KIN
    if x in NAMING:
        return judge.s.cue_uses > 0  # the naming-noun rule off (twelfth round)
    if (x in CUES and x not in SPEECH) or x in KIN:
        return True
    # not دارين (two houses), a first name and the dual of دار
    return first_name(x, judge) and not judge.wordlike(x)


#: A first name may be a word of the books this many times as often as a
#: token of the name list, which counts persons, not uses: أحمد 785 names
#: against 1,070 uses in the books, خالد 166 / 280, أمين 78 / 85; not طالب
#: 28 / 151 («طالب بتجريم», demanded), سعيد 165 / 1,277 or حسن 268 / 578
#: (session 21, set by hand from trial 3's kind of miss, «الوزير خالد
#: خندقجي»; 10 made تغريم تجريم after طالب, a trap of the sixth round)
FIRST_NAME_WORD_RATIO = 2


def first_name(x: str, judge: Judge) -> bool:
    """The folded word `x`, before another, makes it a name: a token of at
    least `attested_count` names of the gazetteer, a word of the lexicon at
    most `FIRST_NAME_WORD_RATIO` times as often, no function word or cue
    (`Judge.name_word` asks a name to be more often a name than a word, and
    so misses أحمد and خالد)."""
    g = judge.gaz.count(x)
    return (
        g >= judge.s.attested_count
        and judge.lex.count(x) <= FIRST_NAME_WORD_RATIO * g
        and x not in STOPWORDS
        and x not in CUES
    )


def shown_as_name(
    canonical: str, v_nbs: Counter[str], c_nbs: Counter[str], uses: int, judge: Judge
) -> str | None:
    """Why the text shows the folded `canonical` (neighbours `c_nbs`,
    `uses` occurrences) as a name a slip (neighbours `v_nbs`) may be
    rewritten into, or None (the canonical's neighbours from
    `adjacent_neighbours`, the variant's as `context.neighbours` gives
    them): a name signal (`_signal`) beside it in at least
    `name_use_share` of its uses, or `shown_uses` times for a word some
    source calls a name (`Judge.name_evidence`; round 17: «مدينة قرطبة»
    once in a text that writes قرطبة six times); a title alone twice when
    no source calls it a name; and the variant in no context of
    its own (`context.own_context`: another naming noun, identifying
    neighbours never beside the canonical)."""
    hits = sorted(x for x in c_nbs if _signal(x, judge))
    n = sum(c_nbs[x] for x in hits)
    sourced = judge.name_evidence(canonical) is not None
    if not hits or (
        n < judge.s.name_use_share * uses
        and not (sourced and judge.s.shown_uses and n >= judge.s.shown_uses)
    ):
        return None
    titles = sum(c_nbs[x] for x in hits if x[2:] in CUES and x[2:] not in NAMING)
    if n - titles < 1 and titles < 2 and judge.name_evidence(canonical) is None:
        # a word no source calls a name, after one title only (الشيخ
        # هيقولك, a tweet: "the sheikh will tell you")
        return None
    if own_context(v_nbs, c_nbs, judge.name_like) is not None:
        return None
    beside = (judge.counts.surface_of(x[2:]) for x in hits[:2])
    return "the text shows it as a name, beside " + ", ".join(beside)


def shown_support(
    texts: Iterable[str],
    counts: Counts,
    nbs: dict[str, Counter[str]],
    pairs: list[tuple[str, str]],
    groups: dict[str, Group],
    judge: Judge,
) -> list[tuple[tuple[str, str], str]]:
    """The `shown_candidate` pairs (variant, canonical) that `shown_as_name`
    supports, with the reason; `nbs` are the neighbours `context.neighbours`
    gave, the canonicals' adjacent ones are read here (one more pass over
    `texts` when there are pairs)."""
    if not pairs:
        return []
    near = adjacent_neighbours(texts, counts, {c for _v, c in pairs})
    out = []
    for v, c in pairs:
        why = shown_as_name(
            c, nbs.get(v, Counter()), near.get(c, Counter()), groups[c].count, judge
        )
        if why is not None:
            out.append(((v, c), "cheap edit, " + why))
    return out
