"""What a person reads of a scan: clusters ranked by what they would change,
their evidence in plain words, and a text rendering that costs next to
nothing beside the scan (issue 9, item 6).

The library's evidence strings (`Member.evidence`) stay as they are for the
JSON output; `explain` turns them into sentences for the table and review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from arclean.chars import FOREIGN_SOUND_LETTERS
from arclean.names.members import FOREIGN_LETTER
from arclean.names.model import (
    COMMON_WORDS,
    DEFAULT_SETTINGS,
    OWN_SPELLINGS,
    Cluster,
    Member,
    times,
)

#: How much of a member's occurrences a tier is expected to change.
CONFIDENCE = {"auto": 1.0, "review": 0.5}

#: The letters of foreign sounds (ڤ پ چ گ ڨ ژ), as a message lists them.
_FOREIGN_LETTERS = ", ".join(sorted(FOREIGN_SOUND_LETTERS))

TIER_WORDS = {
    "auto": "automatic (rewritten by `pipe names` and AR802)",
    "review": "needs a person (only reported)",
}

#: Said of a member no rule supports (a spelling equal to the kept one
#: after folding, left as the writer chose it).
NO_EVIDENCE = "no rule supports merging it"

_COST = re.compile(r"^cost ([0-9.]+)$")
_LEXICON = re.compile(r"^lexicon (\d+)(?:, ال-share ([0-9.]+))?$")
_GAZETTEER = re.compile(r"^gazetteer \((\d+)\)$")


def impact(cl: Cluster) -> float:
    """What accepting the cluster would change: its variants' occurrences,
    each weighed by the confidence of its tier (0 for a member with none)
    and, for a review member, by `_weight`."""
    return sum(m.count * CONFIDENCE.get(m.tier or "", 0.0) * _weight(m) for m in cl.variants)


def _weight(m: Member) -> float:
    """A review member's share of its tier's confidence: a tenth for a
    spelling of its own (`OWN_SPELLINGS`) or for two cheap edits at once
    (cost 0.7: العرج beside العراق, ناسف beside ناصيف, two words as
    often as one slip); one consonant (cost 1, فيان beside فيدان) or one
    cheap edit counts whole."""
    if m.tier != "review":
        return 1.0
    if OWN_SPELLINGS in m.evidence or DEFAULT_SETTINGS.auto_cost < m.cost < 1.0:
        return 0.1
    return 1.0


def ordinary(cl: Cluster) -> bool:
    """A review cluster of ordinary words (`COMMON_WORDS`), not names."""
    return cl.tier != "auto" and COMMON_WORDS in cl.evidence


def ranked(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Clusters by `impact`, largest first, the clusters of ordinary words
    (`ordinary`) after all the others (ties by canonical, stable)."""
    return sorted(clusters, key=lambda cl: (ordinary(cl), -impact(cl), cl.canonical))


def change_words(cl: Cluster) -> str:
    """What accepting the cluster would change, in whole words: the
    automatic members' occurrences, and the review members' ones if a
    person accepts them."""
    auto = sum(m.count for m in cl.variants if m.tier == "auto")
    review = sum(m.count for m in cl.variants if m.tier == "review")
    parts = [f"{auto:,} automatically"] if auto else []
    parts += [f"{review:,} if a person accepts them"] if review else []
    n = auto + review
    return f"would change {n:,} word{'' if n == 1 else 's'} ({', '.join(parts) or 'none'})"


def _cost_words(cost: float) -> str:
    if cost == 0:
        return "the same letters once hamza, final ى/ي and ة/ه are set aside"
    if cost <= 0.35:
        return "one long vowel, doubled letter or similar-sounding letter differs"
    if cost <= 0.5:
        return "a final ا or ه differs"
    if cost <= 0.7:
        return "two small differences (vowels or similar-sounding letters)"
    return "a letter is dropped, added or changed (a bigger change)"


def _one(e: str) -> str:
    m = _COST.match(e)
    if m:
        return _cost_words(float(m.group(1)))
    m = _LEXICON.match(e)
    if m:
        words = f"{times(int(m.group(1)))} in the reference books"
        if m.group(2) is not None:
            words += f", {round(float(m.group(2)) * 100)} % of them with the article ال"
        return words
    m = _GAZETTEER.match(e)
    if m:
        return f"a known name ({times(int(m.group(1)))} in the Wikidata name list)"
    if e.startswith("auto: "):
        return "rewritten automatically because: " + _one(e[len("auto: ") :])
    if e.startswith("cheap edit, "):
        return "a small change, " + _one(e[len("cheap edit, ") :])
    if e.startswith("shared context "):
        return "both spellings stand next to " + e[len("shared context ") :]
    return {
        "canonical in gazetteer": "the kept spelling is a known name (Wikidata)",
        "same after folding": "the same letters apart from hamza, final ى/ي or ة/ه",
        "glossary": "listed in a glossary",
        "rejected": "rejected earlier by a person",
        "gazetteer name, more often a name than a word": (
            "the kept spelling is a known name, more often a name than a word"
        ),
        "spelling in lexicon": "this spelling is itself used in the reference books",
        "both spellings frequent": "both spellings are common in this text",
        "not known as a name": "the word is not known as a name",
        "more usual spelling": "this spelling is the more usual one in the reference books",
        "maybe a pronoun ه": "the final ه may be the pronoun (his/its)",
        FOREIGN_LETTER: (f"a letter for a foreign sound ({_FOREIGN_LETTERS}): the writer's choice"),
        COMMON_WORDS: (
            "the kept spelling may be an ordinary word as well as a name: listed after the names"
        ),
        OWN_SPELLINGS: (
            "this spelling is a known word, name or country of its own (maybe another person"
            " or place): weighs less in the ranking"
        ),
    }.get(e, e)


def explain(evidence: Iterable[str]) -> list[str]:
    """Each evidence string as words a person understands."""
    return [_one(e) for e in evidence]


def member_line(m: Member, canonical: str) -> str:
    """One member: form, count, tier in words, evidence in words."""
    if m.form == canonical:
        return f"{m.form} ×{m.count}: kept spelling"
    tier = TIER_WORDS.get(m.tier or "", "not merged")
    why = "; ".join(explain(m.evidence)) or NO_EVIDENCE
    return f"{m.form} ×{m.count}: {tier}; {why}"


def render(clusters: list[Cluster], total: int | None = None) -> Iterator[str]:
    """The table output as plain lines (one block per cluster, numbered
    "cluster N of `total`": of all found when only the first are shown)."""
    if not clusters:
        yield "no name variants found"
        return
    total = total or len(clusters)
    for i, cl in enumerate(clusters, 1):
        yield (
            f"cluster {i} of {total}: {cl.canonical}  [{cl.tier or 'none'}]  "
            f"{cl.count}×, {change_words(cl)}"
        )
        if cl.evidence:
            yield "  kept spelling: " + "; ".join(explain(cl.evidence))
        for m in cl.members:
            yield "  " + ("* " if m.form == cl.canonical else "- ") + member_line(m, cl.canonical)
            if m.kwic:
                yield "      " + m.kwic
        yield ""
