"""A stray full stop after a space, glued to the next word: moved by AR105
and spaced by AR106 before a two-letter word that opens a clause (قال .ثم);
reported by AR193 before a word that is also a domain (إلى .مصر); literals
(domains, decimals, abbreviations, file names, URLs) untouched."""

from __future__ import annotations

import pytest

from arclean import Cleaner


def _codes(text: str) -> set[str]:
    return {f.code for f in Cleaner().check(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("قال .ثم ذهب", "قال. ثم ذهب"),
        ("قال.ثم ذهب", "قال. ثم ذهب"),
        ("ذهب .لم يعد", "ذهب. لم يعد"),
        ("طرح سؤال .هل يعود", "طرح سؤال. هل يعود"),
    ],
)
def test_a_stop_before_a_clause_opening_word_is_fixed(text: str, want: str) -> None:
    assert Cleaner()(text) == want


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
