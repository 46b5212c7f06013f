"""Step 5: clusters.  Greedy from the best-ranked canonical, no chaining:
a form is the variant of one canonical at most, and a canonical is never a
variant.  Then the glossary, then one line of context per spelling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from arclean.names.compounds import compound_clusters
from arclean.names.context import kwic
from arclean.names.counting import Counts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.joined import joined_clusters
from arclean.names.members import FOREIGN_LETTER, foreign_letters
from arclean.names.model import COMMON_WORDS, OWN_SPELLINGS, Cluster, Member, Settings, Tier
from arclean.names.pairing import Group, candidate_pairs, fold_groups, fuzzy_splits
from arclean.names.scoring import OTHER_WORD, Merge, PairScorer, fold_member
from arclean.names.similarity import orthographic_weight
from arclean.names.slips import doubled_slips
from arclean.names.tokens import fold_word
from arclean.names.usage import require_name_use

_TIER_ORDER = {"auto": 0, "review": 1}


def cluster(
    texts: Iterable[str], counts: Counts, glossary: Glossary, s: Settings, want_kwic: bool
) -> list[Cluster]:
    """Clusters of the name spellings in `counts` (finished; `fuzzy_splits`
    updates it), best first: auto before the rest, then by total count.

    `texts` are read again (the same texts that were counted): once for the
    neighbours of the pairs that need them, once for the name uses of the
    words automatic merges need them for (`usage.require_name_use`), and
    once for the KWIC lines when `want_kwic`."""
    judge = Judge(counts, glossary, s)
    fuzzy_splits(counts, judge, s)
    candidates = fold_groups(counts, judge, s)
    pairs = candidate_pairs(candidates, counts, judge, s)
    scorer = PairScorer(candidates, judge, s)
    scored, need_context, need_name = scorer.score(pairs)
    support, near = scorer.context_support(texts, counts, scored, need_context, need_name)
    by_canonical = scorer.tiers(scored, support, near)
    roots, assigned = assign(by_canonical, scorer.rank)
    root_set = set(roots)
    clusters = [
        root_cluster(c, by_canonical[c], assigned, root_set, candidates, judge) for c in roots
    ]
    clusters += fold_only_clusters(candidates, root_set, assigned, judge)
    for i in require_name_use(clusters, texts, counts, judge):
        clusters[i] = make_cluster(clusters[i].canonical, clusters[i].members, judge)
    taken = {m.form for cl in clusters for m in cl.members}
    merged = {m.form for cl in clusters for m in cl.variants if m.tier}
    clusters += compound_clusters(texts, counts, judge, s, taken, merged)
    taken = {m.form for cl in clusters for m in cl.members}
    clusters += joined_clusters(texts, counts, judge, s, taken, merged)
    taken = {m.form for cl in clusters for m in cl.members}
    clusters += doubled_slips(counts, judge, set(candidates), taken)
    apply_glossary(clusters, counts, glossary)
    if want_kwic and clusters:
        lines = kwic(texts, counts, {m.form for cl in clusters for m in cl.members})
        for cl in clusters:
            for m in cl.members:
                m.kwic = lines.get(m.form, "")
    clusters.sort(key=lambda cl: (cl.tier != "auto", -cl.count, cl.canonical))
    return clusters


def assign(
    by_canonical: dict[str, list[Merge]], rank: Callable[[str], tuple[bool, float, int]]
) -> tuple[list[str], dict[str, str]]:
    """(roots, assigned): the canonicals in rank order, best first, and each
    variant's canonical.  A form already assigned does not become a root;
    a form that became a root after being assigned stays a variant only."""
    assigned: dict[str, str] = {}  # variant → canonical key
    roots: list[str] = []
    root_set: set[str] = set()
    for c in sorted(by_canonical, key=rank, reverse=True):
        if c in assigned:
            continue
        roots.append(c)
        root_set.add(c)
        for v, _cost, _tier, _ev in sorted(
            by_canonical[c], key=lambda t: (_TIER_ORDER[t[2]], t[1])
        ):
            if v not in assigned and v not in root_set:
                assigned[v] = c
    return roots, assigned


def root_cluster(
    c: str,
    merges: list[Merge],
    assigned: dict[str, str],
    root_set: set[str],
    candidates: dict[str, Group],
    judge: Judge,
) -> Cluster:
    """The cluster of root `c`: the spellings of its fold group, then those
    of the variants assigned to it (not roots themselves)."""
    group_c = candidates[c]
    canonical = canonical_form(group_c, judge)
    members: list[Member] = []
    # spellings equal after folding to the canonical
    members.append(Member(canonical, group_c.forms[canonical]))
    for form, n in group_c.forms.items():
        if form != canonical:
            members.append(fold_member(form, n, canonical, judge, group_c.forms[canonical]))
    for v, cost, tier, evidence in merges:
        if assigned.get(v) != c or v in root_set:
            continue
        for form, n in candidates[v].forms.items():
            if tier == "auto" and foreign_letters(form) != foreign_letters(canonical):
                # غڤارا beside غيفارا: a letter the writer chose for the sound
                # (a pronunciation note), as for a spelling equal after folding
                members.append(Member(form, n, "review", cost, [*evidence, FOREIGN_LETTER]))
                continue
            members.append(Member(form, n, tier, cost, list(evidence)))
    return make_cluster(canonical, members, judge)


def fold_only_clusters(
    candidates: dict[str, Group], root_set: set[str], assigned: dict[str, str], judge: Judge
) -> list[Cluster]:
    """Fold groups with several spellings and no fuzzy partner."""
    clusters: list[Cluster] = []
    for f, g in candidates.items():
        if f in root_set or f in assigned or len(g.forms) < 2:
            continue
        canonical = canonical_form(g, judge)
        members = [Member(canonical, g.forms[canonical])]
        members += [
            fold_member(form, n, canonical, judge, g.forms[canonical])
            for form, n in g.forms.items()
            if form != canonical
        ]
        clusters.append(make_cluster(canonical, members, judge))
    return clusters


def canonical_form(group: Group, judge: Judge) -> str:
    """Among spellings equal after folding (they differ only by hamza seat,
    ى/ي or ة/ه): the glossary's; then attestation, never a rare form over
    a frequent one: the count in the text, then how often the reference
    lexicon and gazetteer spell it so, then the one carrying more marks
    (hamza, ة), then final ي over ى.  On news 2015-08-10 عبدالله ×429
    is kept over عبداللة ×1 (before, the form with more marks won)."""
    for e in judge.glossary.entries:
        if e.canonical in group.forms:
            return e.canonical
    return max(
        group.forms,
        key=lambda w: (
            group.forms[w],
            judge.known_spelling(w),
            orthographic_weight(w) - w.endswith("ى"),
            w.endswith("ى"),
            w,
        ),
    )


def make_cluster(canonical: str, members: list[Member], judge: Judge) -> Cluster:
    """A cluster of `members` (the canonical's own member included), without
    the members that are another word, sorted canonical first then by count;
    its tier is the best tier of its variants."""
    members = [m for m in members if OTHER_WORD not in m.evidence]
    tiers = {m.tier for m in members if m.form != canonical}
    tier: Tier | None = "auto" if "auto" in tiers else ("review" if "review" in tiers else None)
    evidence = []
    f = fold_word(canonical)
    if judge.gaz.count(f):
        evidence.append(f"gazetteer ({judge.gaz.count(f)})")
    ratio = judge.lex.al_ratio(f)
    evidence.append(
        f"lexicon {judge.lex.count(f)}" + (f", ال-share {ratio:.2f}" if ratio is not None else "")
    )
    members.sort(key=lambda m: (m.form != canonical, -m.count))
    if tier == "review" and ordinary_words(canonical, members, judge):
        evidence.append(COMMON_WORDS)
    for m in members:
        g = fold_word(m.form)
        known = judge.attested(g) or judge.lex_count(g) >= judge.s.known_count
        if m.tier == "review" and (known or judge.place(g)):
            m.evidence.append(OWN_SPELLINGS)  # عيسى beside سيسي, غينيا beside كينيا
    return Cluster(canonical, members, tier, evidence=evidence)


def ordinary_words(canonical: str, members: list[Member], judge: Judge) -> bool:
    """The kept spelling is no name by the reference data, or it and every
    variant a person would review are words the lexicon knows (أنهم/إنهم:
    a hamza or a verb beside its noun is the business of other rules, not
    of names; seventh round)."""
    if judge.name_evidence(fold_word(canonical)) is None:
        return True
    known = judge.s.known_count
    return all(
        judge.lex_count(fold_word(m.form)) >= known
        for m in members
        if m.form == canonical or m.tier is not None
    )


def apply_glossary(clusters: list[Cluster], counts: Counts, glossary: Glossary) -> None:
    """Glossary entries whose spellings occur become (or override) clusters."""
    if not glossary.entries:
        return
    by_form = {m.form: cl for cl in clusters for m in cl.members}
    for e in glossary.entries:
        present = [v for v in e.variants if counts.core.get(v)]
        if not present:
            continue
        cl = by_form.get(e.canonical) or next((by_form[v] for v in present if v in by_form), None)
        if cl is None:
            cl = Cluster(
                e.canonical, [Member(e.canonical, counts.core.get(e.canonical, 0))], "auto"
            )
            clusters.append(cl)
        if cl.canonical != e.canonical:
            cl.canonical = e.canonical
            if not any(m.form == e.canonical for m in cl.members):
                cl.members.insert(0, Member(e.canonical, counts.core.get(e.canonical, 0)))
        for m in cl.members:
            if m.form in e.variants:
                m.tier, m.evidence = "auto", ["glossary"]
            elif m.form == e.canonical:
                m.tier = None
        for v in present:
            if not any(m.form == v for m in cl.members):
                cl.members.append(Member(v, counts.core[v], "auto", 0.0, ["glossary"]))
        cl.type = e.type
        cl.tier = "auto"
        cl.evidence.insert(0, "glossary")
