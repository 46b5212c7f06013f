"""A stray full stop after a space, glued to the next word: moved by AR105
and spaced by AR106 before a two-letter word that opens a clause (قال .ثم),
never after a word that cannot end a sentence (إذا .لم يكن);
reported by AR193 before a word that is also a domain (إلى .مصر); literals
(domains, decimals, abbreviations, file names, URLs) untouched."""

from __future__ import annotations

import pytest
import regex

from arclean import Cleaner
from arclean.chars import REGEX_FLAGS
from arclean.text.clauses import NO_SENTENCE_END


def _codes(text: str) -> set[str]:
    return {f.code for f in Cleaner().check(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("قال .ثم ذهب", "قال. ثم ذهب"),
        ("قال.ثم ذهب", "قال. ثم ذهب"),
        ("طرح سؤال .هل يعود", "طرح سؤال. هل يعود"),
        ("طرح سؤال.بل عرض", "طرح سؤال. بل عرض"),
        # harakat, as the other alternatives allow them
        ("قالَ .ثُمَّ ذهبَ", "قالَ. ثُمَّ ذهبَ"),
        ("قالَ.ثُمَّ ذهبَ", "قالَ. ثُمَّ ذهبَ"),
        ("الاجتماعُ .ثُمَّ غادر", "الاجتماعُ. ثُمَّ غادر"),
        # a word of four letters or more before لم: as before today
        ("انتهى الاجتماع .لم يحضر أحد", "انتهى الاجتماع. لم يحضر أحد"),
    ],
)
def test_a_stop_before_a_clause_opening_word_is_fixed(text: str, want: str) -> None:
    assert Cleaner()(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a word that cannot end a sentence: the stop is no sentence end
        "إذا .لم يكن هناك حل",
        "إذا.لم يكن هناك حل",
        "اذا .لم يكن",
        "لكن .لم يحدث شيء",
        "ولكن .هل يعقل",
        "كان .قد غادر المدينة",
        "كانت .قد غادرت",
        "إنه .قد يعود",
        "أنه .لن يعود",
        "حتى .لم يبق أحد",
        "فإن .لم يكن",
        "ألا .هل بلغت",
        "مثل .قد يحدث",
        "ولا .بل هو",
        "إِذَا .لَمْ يَكُنْ",
        "إذا .كانت هناك فرصة",
        "إذا.كانت هناك فرصة",
        "الذي .لم يعد",
        "عندما .ثم",
        # لم لن قد after a word of three: maybe a clause that describes it
        "في يوم .لم تشرق فيه الشمس",
        "ذهب .لم يعد",
        "ذهب.لم يعد",
        "ذهبَ .لَمْ يعدْ",
        "رجل .قد شاب شعره",
        "أمر .لن يتكرر",
    ],
)
def test_no_sentence_end_is_made_where_none_can_be(text: str) -> None:
    assert Cleaner()(text) == text
    assert not {"AR105", "AR106"} & _codes(text)


@pytest.mark.parametrize(
    "text",
    ["سافر إلى .مصر أمس", "قال .مصر تستعد للانتخابات", "زوروا موقع الصحة .مصر"],
)
def test_a_stop_before_a_domain_word_is_reported_not_fixed(text: str) -> None:
    assert Cleaner()(text) == text
    assert "AR193" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "د.محمد",
        "أ.د.أحمد",
        "م.أحمد قال",
        "ص.ب ١٢٣",
        "كيو.آي",
        "بلغ 3.5 مليون",
        "زوروا الصحة.مصر اليوم",
        "موقع العربية .نت",
        "الملف تقرير.pdf هنا",
        "انظر https://ar.wikipedia.org/wiki/مصر.ثم هنا",
        "شركة أيه .إم.دي",
        "نادي أحد .من جانبه",
    ],
)
def test_literals_are_untouched(text: str) -> None:
    assert Cleaner()(text) == text


@pytest.mark.parametrize(
    ("word", "never_ends"),
    [
        ("إذا", True),
        ("فإذا", True),
        ("لأنها", True),
        ("كَانَ", True),
        ("الذي", True),
        ("قال", False),
        ("يوم", False),
        ("ذلك", False),
        ("لماذا", False),
        ("إذاعة", False),
        ("علي", False),
    ],
)
def test_the_no_sentence_end_macro(word: str, never_ends: bool) -> None:
    pattern = regex.compile(NO_SENTENCE_END, REGEX_FLAGS)
    assert bool(pattern.fullmatch(word)) is never_ends
