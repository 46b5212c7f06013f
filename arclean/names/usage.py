"""Step 5b (issue 9, eighth round): is the kept spelling used as a name in
this text?  Many names are ordinary words too (نزيهة, fair; جميلة,
beautiful; أنيس, sociable; هدى, guidance).  The reference data say a word
*can* be a name; only the text says it *is* one here.  An automatic merge
into such a word needs the word (any spelling of it) to stand as a name in
the text: beside a name that is no verb, a title or a speech verb
(`lexicon.CUES`), or after a word of a name sequence (`lexicon.KIN`: ابن
هبيرة); `context.name_uses` counts those occurrences.

Two rules, applied to the clusters' automatic members after every other
rule has spoken (glossary entries and compound names are not touched):

- a spelling that differs from the kept one by its final ى/ي or ة/ه
  (the commonest slip, and the commonest way an adjective looks like a
  first name) needs at least one name use;
- a merge of any kind into a word with a common reading
  (`common_reading`: the lexicon or the text writes it, or the masculine
  of a ة word, with the article) needs name uses in at least
  `Settings.name_use_share` of its occurrences.

Ninth round: a final ى/ي swap into a gazetteer name with no common
reading needs no name use (`final_ya_name`); and a review fold member
that `members.fold_member` marked (the text's usual spelling of a word
with no ordinary reading in the books) becomes automatic when the text
uses the word as a name often enough (`promote`), counting only cues,
kin words and well-attested names as neighbours.

Round 17: in a short text, a hamza or final ى/ي spelling of a word the
books never write needs only one person's signal (`thin_name_use`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from arclean.names.context import name_uses
from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.lexicon import NAMING
from arclean.names.members import NAME_IF_USED, hamzas
from arclean.names.model import Cluster, Member, times
from arclean.names.pairing import text_inflects
from arclean.names.tokens import fold_word


def final_swap(form: str, canonical: str) -> bool:
    """The two spellings (surface) end one with ى and the other with ي, or
    one with ة and the other with ه (whatever else they differ by)."""
    return (
        len(form) == len(canonical)
        and form[-1:] != canonical[-1:]
        and {form[-1:], canonical[-1:]} in ({"ى", "ي"}, {"ة", "ه"})
    )


class Usage:
    """The text's own evidence on the words of one scan: which may be
    common words, and how often each stands as a name.  `counts` are the
    scan's finished counts."""

    def __init__(self, counts: Counts, judge: Judge) -> None:
        self.counts = counts
        self.judge = judge
        self._definite: Counter[str] | None = None  # folded bare form → uses with ال
        self._words: set[str] | None = None  # folded surface words

    def name_beside(self, f: str) -> bool:
        """A neighbour that makes the word beside it a name: a `name_word`
        that is no verb (تروي, a Wikidata token, also "quenches")."""
        judge = self.judge
        return judge.name_word(f) and not judge.verb_like(f) and not judge.text_verb(f)

    def well_known_name(self, f: str) -> bool:
        """A neighbour that is surely a name: a `name_beside` the
        gazetteer has at least `attested_count` times (ninth round: the
        OCR's فير, 4 in the gazetteer and 4 in the books, made المسكونة,
        inhabited, look like a name)."""
        return self.judge.gaz.count(f) >= self.judge.s.attested_count and self.name_beside(f)

    def al_uses(self, f: str) -> int:
        """Uses of the folded bare form `f` with the article, in the
        lexicon and in the scanned text together."""
        if self._definite is None:
            self._definite = Counter()
            for core, n in self.counts.definite.items():
                x = fold_word(core)
                self._definite[x[2:] if x.startswith("ال") else x] += n
        return self.judge.lex.count("ال" + f) + self._definite.get(f, 0)

    def common_reading(self, f: str) -> str | None:
        """Why the folded word `f` (no article) may be an ordinary word as
        well as a name, or None: it, or the masculine of a ة word (نزيه
        of نزيهة), is written with the article at least `known_count` times
        in the lexicon and the text together (الجميلة, النزيه), and the
        lexicon, when it knows the word, writes it so at least
        `common_al_ratio` of the time (not مصطفى: المصطفى, an epithet, is
        3 % of its uses).  Names do not take the article."""
        s, lex = self.judge.s, self.judge.lex
        if f.startswith("ال") or len(f) < s.min_letters:
            return None
        for x in (f, f[:-1]) if f.endswith("ه") else (f,):
            if x == f and self.own_article(f):
                continue
            n = self.al_uses(x)
            ratio = lex.al_ratio(x)
            if n >= s.known_count and (ratio is None or ratio >= s.common_al_ratio):
                return f"ال{x} {times(n)} in the lexicon and the text"
        return None

    def own_article(self, f: str) -> bool:
        """The text's article on `f` is a name's (tenth round: الفيفا): a
        gazetteer word the books never use, which the text never inflects
        (`pairing.text_inflects`: not شاشة, with شاشات and شاشتها)."""
        if not self.judge.gaz.count(f) or self.judge.lex_count(f):
            return False
        if self._words is None:
            self._words = {fold_word(w) for w in self.counts.surface}
        return not text_inflects(f, self._words)


def require_name_use(
    clusters: list[Cluster], texts: Iterable[str], counts: Counts, judge: Judge
) -> set[int]:
    """Demote to review every automatic member of `clusters` (in place)
    whose kept spelling is not used as a name enough in `texts` (see the
    module's rules); reads `texts` once when some member needs it.
    Returns the indices of the clusters changed (their tier is stale)."""
    usage = Usage(counts, judge)
    todo: list[tuple[int, Member, str, str | None]] = []
    maybe: list[tuple[int, Member, str]] = []  # review members a name use makes auto
    for i, cl in enumerate(clusters):
        c = fold_word(cl.canonical)
        maybe += [(i, m, c) for m in cl.variants if NAME_IF_USED in m.evidence]
        auto = [m for m in cl.variants if m.tier == "auto"]
        if not auto:
            continue
        common = usage.common_reading(c)
        todo += [
            (i, m, c, common)
            for m in auto
            if common is not None
            or (final_swap(m.form, cl.canonical) and not final_ya_name(m.form, cl.canonical, judge))
        ]
    if not todo and not maybe:
        return set()
    changed: set[int] = set()
    if maybe:
        wanted = {x for _i, m, c in maybe for x in (c, fold_word(m.form))}
        uses = name_uses(texts, counts, wanted, usage.well_known_name, NAMING)
        # a person's signals only (no naming noun: شركة إسمنت is cement),
        # read for a short text only (`thin_name_use`)
        people = (
            name_uses(texts, counts, wanted, usage.well_known_name)
            if counts.tokens < judge.s.big_corpus
            else {}
        )
        changed = promote(maybe, uses, judge, people, [cl.canonical for cl in clusters])
    if not todo:
        return changed
    wanted = {x for _i, m, c, _w in todo for x in (c, fold_word(m.form))}
    uses = name_uses(texts, counts, wanted, usage.name_beside)
    share = judge.s.name_use_share
    for i, m, c, common in todo:
        keys = {c, fold_word(m.form)}
        named = sum(uses.get(x, (0, 0))[0] for x in keys)
        total = sum(uses.get(x, (0, 0))[1] for x in keys)
        if named and (common is None or named >= share * total):
            continue
        m.tier = "review"
        # no longer "rewritten automatically because ..." in the report
        m.evidence = [e.removeprefix("auto: ") for e in m.evidence]
        if common is None:
            end = f"{m.form[-1]}/{clusters[i].canonical[-1]}"
            m.evidence.append(f"final {end}, never beside a name or title in its {total} uses here")
        else:
            where = f"beside a name or title in {named} of its {total} uses here"
            m.evidence.append(f"an ordinary word too ({common}), {where}")
        changed.add(i)
    return changed


def final_ya_name(form: str, canonical: str, judge: Judge) -> bool:
    """With `Settings.final_ya_gazetteer` (ninth round): a final ى/ي swap
    into a gazetteer name that is more a name than a word
    (`Judge.auto_evidence`: روني, عيسى) needs no name use when the word has
    no common reading (checked by the caller).  The name use guards ة/ه
    (نزيهة, fair); an ordinary word in ى/ي (ليلي, my night; سلمي,
    peaceful) is a spelling of the lexicon, left for review before."""
    return (
        judge.s.final_ya_gazetteer
        and {form[-1:], canonical[-1:]} == {"ى", "ي"}
        and judge.auto_evidence(fold_word(canonical)) is not None
    )


def promote(
    maybe: list[tuple[int, Member, str]],
    uses: dict[str, tuple[int, int]],
    judge: Judge,
    people: dict[str, tuple[int, int]] | None = None,
    kept: list[str] | None = None,
) -> set[int]:
    """Make automatic (in place) each review fold member of `maybe`
    (cluster index, member, folded kept spelling) whose word the text uses
    as a name (`uses`, from `context.name_uses`) at least `fold_name_uses`
    times and in at least `fold_use_share` of its uses (ninth round: المنورة
    in «المدينة المنورة»), or, in a short text, by `thin_name_use` (round
    17; `people` counts a person's signals only, `kept` are the clusters'
    kept spellings by index).  The others say how often
    it stood as a name.  Returns the indices of the clusters changed."""
    s = judge.s
    changed: set[int] = set()
    for i, m, c in maybe:
        keys = {c, fold_word(m.form)}
        # a ه for the ة of a word without the article may be a pronoun on a
        # word the old books lack (مصنعه, its factory, beside «شركة مصنعة»
        # twice, a manufacturing company): a naming noun before a feminine
        # adjective says nothing, only a person's signals count (breaker 6,
        # session 21; `people` is read for a short text only)
        kept_form = kept[i] if kept else ""
        pronoun = m.form.endswith("ه") and kept_form.endswith("ة") and not c.startswith("ال")
        counted = (people or {}) if pronoun else uses
        named = sum(counted.get(x, (0, 0))[0] for x in keys)
        total = sum(counted.get(x, (0, 0))[1] for x in keys)
        m.evidence.remove(NAME_IF_USED)
        where = f"beside a name or title in {named} of its {total} uses here"
        if thin_name_use(m.form, kept[i] if kept else "", keys, people or {}, judge) or (
            named >= s.fold_name_uses and named >= s.fold_use_share * total
        ):
            m.tier = "auto"
            m.evidence[-1] = f"auto: the text's usual spelling, used as a name: {where}"
            changed.add(i)
        else:
            m.evidence.append(where)
    return changed


def thin_name_use(
    form: str, canonical: str, keys: set[str], people: dict[str, tuple[int, int]], judge: Judge
) -> bool:
    """`promote`'s rule for a short text (round 17): a text of fewer than
    `big_corpus` tokens; the `canonical` is a word the books never write
    (أمزيان), with one hamza letter at most (not OCR's أءود); the spelling
    `form` differs from it by a hamza seat or a final ى/ي, not by ة/ه
    (OCR's ابنه read اببه is a pronoun ه, no slip of a ة); its
    spellings `keys` stand fewer times than `fold_name_uses` and
    `fold_use_share` could ever judge (fewer than 2 / 0.4 = 5: one
    article); and a person's signal (`people`: a title, a speech verb, a
    well-known first name, a name chain; no naming noun: «شركة إسمنت» is
    cement) stands beside them at least `fold_unread_uses` times and in
    `name_use_share` of their uses."""
    s = judge.s
    named = sum(people.get(x, (0, 0))[0] for x in keys)
    total = sum(people.get(x, (0, 0))[1] for x in keys)
    return (
        s.fold_unread_uses > 0
        and judge.counts.tokens < s.big_corpus
        and len(canonical) == len(form)
        and judge.lex_count(fold_word(canonical)) == 0
        and hamzas(canonical) <= 1
        and (form[-1] == canonical[-1] or {form[-1], canonical[-1]} == {"ى", "ي"})
        and total * s.fold_use_share < s.fold_name_uses
        and named >= s.fold_unread_uses
        and named >= s.name_use_share * total
    )
