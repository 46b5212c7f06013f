"""Session 27 (hand-written articles, train): a Gulf family name is a
definite nisba (البلوشي, الدوسري), which the shown-as-name rule of the
sixteenth round took for an adjective (الأمريكي after الرئيس).  Written
right after a first name, it is a family name, and a slip of it that is
no word is mended; after a title or a naming noun only, it stays an
adjective.  Texts written for these tests."""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

ARTICLE = (
    "التقى وزير الخارجية نظيره البحريني سعد البلوشي، وبحثا التعاون المشترك. "
    "من جانبه، أشار البلوشي إلى أن المنامة ترحب بالمبادرة. "
    "وأضاف {v} أن الشباب سيستفيدون من البرنامج."
)


@pytest.mark.parametrize("slip", ["البولوشي", "البلوششي"])
def test_a_slip_of_a_family_name_after_a_first_name_is_mended(slip: str) -> None:
    assert _rewrites(ARTICLE.format(v=slip)) == [(slip, "البلوشي")]


def test_a_slip_that_is_another_name_stays() -> None:
    # بيلوشي is a Wikidata name (John Belushi): البيلوشي may be another family
    assert _rewrites(ARTICLE.format(v="البيلوشي")) == []


def test_a_nisba_after_titles_only_stays_an_adjective() -> None:
    text = (
        "قال الرئيس الأمريكي إن المحادثات مثمرة. وأكد الوزير الأمريكي ذلك. "
        "وأشار المسؤول الأمريكي إلى التقدم. وقال المبعوث الأميريكي إن الاتفاق قريب."
    )
    assert _rewrites(text) == []


def test_a_family_name_of_its_own_context_stays() -> None:
    # another first name before the one-off spelling: another family
    text = (
        "وقال سعد الدوسري إن الفريق جاهز. وأضاف الدوسري أن المباراة صعبة. "
        "وأكد سعد الدوسري ثقته باللاعبين. وحضر خالد الدوسيري التدريب."
    )
    assert ("الدوسيري", "الدوسري") not in _rewrites(text)
