"""Evidence in proportion to an edit's cost (issue 9, ninth round).

A letter swapped in a short word makes other words (جوبا/كوبا, بصمة/بسمة):
only a g-sound letter, in a variant that is no word at all, beside a
gazetteer name, is automatic (`short_swap`).  A well-attested name that
is also a word (صلاح) is evidence beside a variant that is no word
(`well_attested`).

A consonant dropped or changed (فيدان/فيان) costs a full edit, and one cue
word (الأمير, قال) never carries it.  A first name that stands before both
spellings, and before (almost) nothing else in the text, is stronger: it
names one person, so the two spellings are one surname (هاكان فيدان /
هاكان فيان, ألبرت أينشتاين / ألبرت أيمشتاين).  A common first name (محمد,
before many surnames) says nothing, and a word after both spellings (مارتن
قاي / مارڤن قاي: two first names, one surname) is not a full-name bigram
(`first_names`, `full_name_support`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from arclean.names.context import neighbours, other_naming
from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.lexicon import COMMON_ENDINGS, NAMING, NISBA_ENDINGS
from arclean.names.model import Settings
from arclean.names.pairing import Group
from arclean.names.similarity import doubled_letter, text_only_edit
from arclean.names.tokens import fold_word


def short_swap(v: str, c: str, judge: Judge) -> bool:
    """A letter swapped in a word under `sub_letters` letters that may
    still be automatic: a g-sound letter (`similarity.G_SOUND`: جورغ,
    يونج/يونغ, how transliterations write a foreign g), the variant no
    word at all (`Judge.no_word`; not كوبا beside جوبا) and the canonical
    a gazetteer name (`Judge.auto_evidence`).  Other swaps in a short word
    make other words, some of them missing from the books (بصمة,
    fingerprint, beside بسمة; عصام, نظيف).

    A canonical the books use as a bare name (`Judge.bare_name`: دمشق, 748
    times, never with ال or an ending; a place, so no Wikidata person
    name) passes too: `PairScorer.score` then asks the text for a word
    next to both spellings, as for every cheap edit into such a name
    (eleventh round; train: دمشج beside دمشق)."""
    return (
        text_only_edit(v, c)
        and judge.no_word(v)
        and (judge.auto_evidence(c) is not None or judge.bare_name(c))
    )


def final_letter_differs(variant: Iterable[str], canonical: Iterable[str]) -> bool:
    """Every spelling of the variant ends in ي where every spelling of the
    canonical ends in ى (or the other way round, or ه against ة): a second
    difference, which folding hides, beside a cheap edit.  A
    transliteration of another name (ليللي, Lilly, beside ليلى) more likely
    than a slip: not automatic (second breaker round)."""
    ends_v = {x[-1:] for x in variant}
    ends_c = {x[-1:] for x in canonical}
    return any(
        ends_v == {a} and ends_c == {b} for a, b in (("ي", "ى"), ("ى", "ي"), ("ه", "ة"), ("ة", "ه"))
    )


def well_attested(v: str, c: str, judge: Judge) -> str | None:
    """Name evidence for a canonical that `Judge.name_evidence` does not
    call a name, when the variant is no word at all: a well-attested
    Wikidata name (`attested_count`) the books also use as a word (صلاح,
    عبيد; `usage` still asks for name uses when it has a common reading).
    A word no source knows is not enough: on train it made اليكتروني →
    إلكتروني (a modern word the books lack)."""
    if judge.gaz.count(c) >= judge.s.attested_count and judge.no_word(v):
        return "a well-attested name"
    return None


def book_name(f: str, judge: Judge) -> bool:
    """A gazetteer name the books use as a bare name (`Judge.bare_name`:
    often, never with ال, a suffix or an ending): طولون (769 times in the
    books) reads as طول + ون to `Judge.wordlike`, but the books never
    inflect it (eleventh round).  Words such as نفسه or كانوا are bare in
    the books too, but no Wikidata name."""
    return judge.name_evidence(f) == "gazetteer" and judge.bare_name(f)


def seldom_used(v: str, c: str, judge: Judge) -> str | None:
    """Evidence for a consonant written twice (`similarity.doubled_letter`)
    in a variant that is no word at all, when the canonical has none of
    its own: a Wikidata name (any count: بلجيكا 3, المكسيك 1) that the books
    use under `name_count` times and never as a verb.  Not a rare word of
    any kind: Arabic writes a letter twice in its own words (تخللت,
    المتتبع: the old books miss both, and تخلت, المتبع are other words),
    and OCR repeats its own misreadings (ولكنبا ×4 beside ولككنبا); nor a
    verb in the past (تعاقدت) or a stretched word (هههه).  `usage` still
    asks a word with a common reading to stand as a name (eleventh round)."""
    if (
        judge.gaz.count(c)
        and doubled_letter(v, c)
        and judge.no_word(v)
        and judge.lex_count(c) < judge.s.name_count
        and not judge.verb_like(c)
        and not judge.suffixed(c)
        and not (c.endswith("ت") and judge.lex_count(c[:-1]))  # تعاقدت: تعاقد + ت
        and not any(a == b == d for a, b, d in zip(c, c[1:], c[2:], strict=False))
    ):
        return "a name the books seldom use"
    return None


def slip_evidence(v: str, c: str, judge: Judge) -> str | None:
    """`well_attested` or `seldom_used`: name evidence for a canonical
    that `Judge.name_evidence` does not call a name, from the variant."""
    return well_attested(v, c, judge) or seldom_used(v, c, judge)


def first_names(v_nbs: Counter[str], c_nbs: Counter[str], judge: Judge) -> list[str]:
    """The names (`Judge.name_word`) that stand right before both the
    variant and the canonical (their neighbours `v_nbs`, `c_nbs` as
    `context.neighbours` gives them), sorted."""
    return sorted(
        x[2:] for x in v_nbs.keys() & c_nbs.keys() if x.startswith("L:") and judge.name_word(x[2:])
    )


def full_name_support(
    texts: Iterable[str],
    counts: Counts,
    judge: Judge,
    pairs: list[tuple[str, str, list[str]]],
    eligible: Callable[[str, str], bool],
) -> dict[tuple[str, str], str]:
    """The pairs (variant, canonical, first names before both) that a full
    name supports, with the reason: some first name stands before the
    canonical or the variant in at least `full_name_share` of its uses in
    the text, the variant is no word at all (`Judge.no_word`) and
    `eligible(variant, canonical)` holds (counts and name evidence).  One
    more pass over `texts`, only when some pair has a first name."""
    share = judge.s.full_name_share
    todo = [(v, c, xs) for v, c, xs in pairs if xs and judge.no_word(v) and eligible(v, c)]
    if not todo:
        return {}
    wanted = {x for _v, _c, xs in todo for x in xs}
    after = neighbours(texts, counts, wanted)
    uses: Counter[str] = Counter()
    for core, n in counts.core.items():
        f = fold_word(core)
        if f in wanted:
            uses[f] += n
    out: dict[tuple[str, str], str] = {}
    for v, c, xs in todo:
        for x in xs:
            nb = after.get(x, Counter())
            held = nb["R:" + v] + nb["R:" + c]
            if uses[x] and held >= share * uses[x]:
                out[(v, c)] = f"full name: {x} before both spellings ({held} of its {uses[x]} uses)"
                break
    return out


def cue_candidate(v: str, c: str, judge: Judge) -> bool:
    """A cheap edit into a canonical that no source calls a name, which
    the text may still use as one (twelfth round, `named_here`): the
    variant is no word at all (`Judge.no_word`); the canonical is no
    Wikidata token (a person's name) nor two words written together
    (`two_words`: عبدالله, beside عبدالإله another name), has five
    letters or more and no article (إنتر, المعش: a vowel more makes
    another name or word), no adjective ending
    (`lexicon.NISBA_ENDINGS`), is a word the books seldom use (under
    `known_count` times: كربلاء once) or a name they use bare
    (`Judge.bare_name`: هولندا), and no inflected word (`Judge.wordlike`:
    قاسيون, also "harsh ones") nor a verb of the text or of the past
    (تحررت = تحرر + ت).  A common noun after a naming noun (فريق عمل,
    شركة طيران) is a word of the books, so never one."""
    return (
        judge.no_word(v)
        and not judge.gaz.count(c)
        and len(c) >= 5
        and not c.startswith("ال")
        and not c.endswith(NISBA_ENDINGS)
        and (judge.lex_count(c) < judge.s.known_count or judge.bare_name(c))
        and not judge.text_verb(c)
        and not judge.wordlike(c)
        and not two_words(c, judge)
        # a verb in the past (تحررت: تحرر + ت, after «محافظة» in «محافظة
        # تحررت», the governorate was freed) is no place name (thirteenth
        # round, news audit; the test of `Judge.bare_name`)
        and not (c.endswith("ت") and judge.lex.count(c[:-1]) >= judge.s.known_count)
    )


def two_words(f: str, judge: Judge) -> bool:
    """The folded word is two well-attested words of the books written
    together (عبدالله = عبد + الله, عبدالإله another name of that shape):
    a compound name, whose second part a slip may make another word."""
    n = judge.s.attested_count
    return any(
        judge.lex_count(f[:i]) >= n and judge.lex_count(f[i:]) >= n for i in range(3, len(f) - 2)
    )


def named_here(v_nbs: Counter[str], c_nbs: Counter[str], uses: int, s: Settings) -> str | None:
    """Why the text uses a `cue_candidate` canonical as a name, or None:
    a naming noun (`lexicon.NAMING`: مدينة, جبل, نادي, منتخب, شمال) right
    before it at least `cue_uses` times and in `name_use_share` of its
    `uses` (its neighbours `c_nbs` as `context.neighbours` gives them;
    not one «مملكة» before an OCR misreading seen six times), and none
    before the variant (neighbours `v_nbs`) that never stands before the
    canonical (فندق انتور beside نادي إنتر, فريق أتالانتا beside شمال
    أتلانتا: two names; the compass words are one kind: جنوب أفريقيا,
    شمال أفريقيا).  `cue_uses` 0: never."""
    cues = {x for x in c_nbs if x.startswith("L:") and x[2:] in NAMING}
    if other_naming(v_nbs, c_nbs) is not None:
        return None
    n = sum(c_nbs[x] for x in cues)
    if s.cue_uses and n >= s.cue_uses and n >= s.name_use_share * uses:
        return "the text names it after " + ", ".join(sorted(x[2:] for x in cues)[:2])
    return None


def text_name(f: str, g: Group, judge: Judge) -> str | None:
    """An unknown word (not in the lexicon, with or without ال, nor in
    the gazetteer) that the text uses several times (its fold group `g`),
    never with ال: a foreign name (ستولمان, تورفالدز).  Moved from
    `scoring` (twelfth round)."""
    s = judge.s
    if (
        g.count < s.text_name_count
        or len(f) < 5
        or judge.lex_count(f) >= s.known_count
        or judge.gaz.count(f)
        or judge.suffixed(f)
    ):
        return None
    if f.startswith("ال") or g.definite or f.endswith(COMMON_ENDINGS):
        return None  # الهيليوم, عالميا, يشغلون: ordinary words new to the lexicon
    return "unknown word, never with ال"


def rare_definite_swap(v: str, c: str, judge: Judge) -> bool:
    """A letter swapped (same length) into a definite noun the books write
    less than `attested_count` times: a rare definite noun never seen bare
    there may just be a noun (الإذعان, 18 times), and الأظعان (litters) is
    no slip for it, however often the text writes it.  A letter swap needs
    a definite name the books write often (العراق, الفاطميين)."""
    return len(v) == len(c) and judge.lex.count(c) < judge.s.attested_count
