"""Session 27, a fresh user on a news day: the first review clusters of
`names scan` were mostly two people or places (سيسي beside عيسى ×25,
كينيا beside غينيا).  A review member that is a spelling of its own (a
well-attested word or name, a word of the books, a country of the
shipped place list) weighs a
tenth in the ranking; nothing else changes."""

from __future__ import annotations

from arclean.names.clustering import make_cluster
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import merge
from arclean.names.model import DEFAULT_SETTINGS, OWN_SPELLINGS, Member
from arclean.names.report import impact, ranked


def _judge() -> Judge:
    return Judge(count_texts(["نص"]), merge([]), DEFAULT_SETTINGS)


def test_a_known_name_or_word_is_marked_a_slip_is_not() -> None:
    judge = _judge()
    people = make_cluster(
        "سيسي", [Member("سيسي", 30), Member("عيسى", 25, "review", 0.35, ["cost 0.35"])], judge
    )
    words = make_cluster(
        "المكرمين",
        [Member("المكرمين", 9), Member("المجرمين", 4, "review", 0.35, ["cost 0.35"])],
        judge,
    )
    slip = make_cluster(
        "فيدان", [Member("فيدان", 9), Member("فيدانن", 4, "review", 0.35, ["cost 0.35"])], judge
    )
    assert OWN_SPELLINGS in people.variants[0].evidence
    assert OWN_SPELLINGS in words.variants[0].evidence
    assert OWN_SPELLINGS not in slip.variants[0].evidence
    assert impact(people) == 25 * 0.5 * 0.1
    assert impact(slip) == 4 * 0.5
    assert ranked([people, words, slip])[0] is slip


def test_automatic_members_weigh_as_before() -> None:
    judge = _judge()
    auto = make_cluster(
        "أردوغان",
        [Member("أردوغان", 9), Member("اردوغان", 3, "auto", 0.0, ["gazetteer name"])],
        judge,
    )
    assert OWN_SPELLINGS not in auto.variants[0].evidence
    assert impact(auto) == 3


def test_two_cheap_edits_weigh_a_tenth_one_consonant_whole() -> None:
    """A review member two cheap edits away (cost 0.7: العرج beside
    العراق) is another word as often as a slip; one consonant (cost 1:
    فيان beside فيدان, the seed's kind) is the slip a person reviews."""
    judge = _judge()
    two = make_cluster(
        "العراق",
        [Member("العراق", 40), Member("العرجج", 10, "review", 0.7, ["cost 0.7"])],
        judge,
    )
    one = make_cluster(
        "فيدان", [Member("فيدان", 9), Member("فيان", 2, "review", 1.0, ["cost 1"])], judge
    )
    assert impact(two) == 10 * 0.5 * 0.1
    assert impact(one) == 2 * 0.5
    assert ranked([two, one])[0] is one
