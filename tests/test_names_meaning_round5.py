"""Fifth round: a corpus of many articles.

Across two news days together, a name one article spells consistently
(بينز, the Everton player, six times) outnumbered another article's other
name (بيناز صالح from Oslo) and the cheap-edit rule merged them: per day
the counts were too thin.  Each case below is two small articles; the
variant has neighbours of its own (a first or family name, a nisba, a
place word) that never stand beside the canonical, and the two spellings
share none: two names, left for review.
"""

from __future__ import annotations

import pytest

from arclean.names import Reconciler, scan

EVERTON = (
    "قال المدرب روبرتو مارتينيز إن ليتون بينز الظهير الأيسر لإيفرتون سيغيب فترة طويلة. "
    "وغاب بينز عن تعادل إيفرتون مع واتفورد. وخضع بينز (30 عاما) لجراحة في الكاحل. "
    "إيفرتون مصدوم بإصابة بينز مجددا.\n"
)
BRAZILIAN = (
    "ضم الفريق المالي الأصل جبريل سيديبيه إلى صفوفه. وقاد التدريب جبريل العميريني "
    "مع زملائه. وقال مساعده جبريل العميريني إن الفريق جاهز.\n"
)
CASES = [
    # a first name before its own family name; the canonical is a family name
    ("بيناز", EVERTON + "من جهته قال بيناز صالح، الذي أتى من أوسلو مع ابنه وصديقه.\n"),
    # Gabriel, a Brazilian, beside Jibril the Malian and Jibril the coach
    ("جابريل", BRAZILIAN + "وتعاقد النادي مع النيجيري أونيليو وأخيرا البرازيلي جابريل لينضم.\n"),
    # Brno, a Czech city, beside Bruno Cesar the player
    (
        "برنو",
        "قال اللاعب البرازيلي برونو سيزار إنه لم يكن صاحب وزن زائد. وانتقل برونو سيزار "
        "إلى استوريل. سمات برونو سيزار لاعب الأهلي.\n"
        "وأقيم المعسكر الخارجي للحكام في مدينة برنو بجمهورية التشيك.\n",
    ),
    # Margus Tsahkna, the Estonian minister, beside two men named Marcus
    (
        "مارجوس",
        "وخصص ماركوس بروكس، مدير الصندوق، مبلغا للبحث. ويقول ماركوس بوكنغهام، الباحث "
        "لدى المؤسسة، إن. وأضاف ماركوس بروكس أن النتائج مشجعة.\n"
        "ونقلت الصحيفة عن وزير الشؤون الاجتماعية الأستوني، مارجوس تساكخنا، قوله إن.\n",
    ),
]


@pytest.mark.parametrize(("variant", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_name_with_its_own_context_is_not_merged(variant: str, text: str) -> None:
    reconciler = Reconciler(fuzzy=True, tier="auto")
    reconciler.prepare([text])
    fixed, replacements = reconciler.rewrite(text)
    assert replacements == []
    assert fixed == text
    tiers = [m.tier for c in scan([text]) for m in c.variants if m.form == variant]
    assert "auto" not in tiers


def test_the_same_name_in_two_articles_is_still_merged() -> None:
    # the shared first name says one person (ماكسي موراليس / ماكسي موراليز)
    text = (
        "فشل إتمام صفقة الأرجنتيني ماكسي موراليس لاعب أتالانتا. وقال ماكسي موراليس إن. "
        "وأكد موراليس أن.\n"
        "وتحدث الأرجنتيني ماكسي موراليز عن رحيله.\n"
    )
    reconciler = Reconciler(fuzzy=True, tier="auto")
    reconciler.prepare([text])
    _, replacements = reconciler.rewrite(text)
    assert [(r.old, r.new) for r in replacements] == [("موراليز", "موراليس")]


def test_a_neighbour_spelled_otherwise_is_still_shared() -> None:
    # بافيتمبي غوميس / بافيتيمبي جوميس: the family name in two spellings
    text = (
        "تكفل بافيتيمبي جوميس بالهدف. وأعاقه بافيتيمبي جوميس. ثم سجل بافيتيمبي جوميس.\n"
        "ونجح الفريق في إدراك التعادل بواسطة الفرنسي بافيتمبي غوميس من ركلة جزاء.\n"
    )
    reconciler = Reconciler(fuzzy=True, tier="auto")
    reconciler.prepare([text])
    _, replacements = reconciler.rewrite(text)
    assert [(r.old, r.new) for r in replacements] == [("بافيتمبي", "بافيتيمبي")]
