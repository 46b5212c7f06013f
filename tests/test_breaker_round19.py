"""Findings of the session 19 breaker on real text (default profile)."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner
from arclean.text.language import other_script_language, paragraph_language


def test_a_persian_line_with_persian_digits_and_no_arabic_letter_is_persian() -> None:
    """No ی or ک, but Persian digits and no letter only Arabic has: the
    digits stay, and so does the separate و."""
    text = "در سال ۱۳۹۴ به تهران رفتم.\nاو در ۱۳۹۴ آمد و رفت.\n"
    assert Cleaner()(text) == text
    assert paragraph_language("او در ۱۳۹۴ آمد و رفت.") == "other-arabic-script"


def test_arabic_typed_with_persian_digits_is_still_arabic() -> None:
    assert paragraph_language("في سنة ۱۹۵۲ قامت الثورة") == "ar"
    # Arabic-Indic digits are Arabic's own: a mixed number is Arabic typing
    assert Cleaner()("عام ۱۲۸٥.\n") == "عام ١٢٨٥.\n"


@pytest.mark.parametrize(
    ("tag", "other"),
    [
        ("fa", True),
        ("fa-IR", True),
        ("ur", True),
        ("ckb", True),
        ("az-Arab", True),
        ("ar", False),
        ("ar-EG", False),
        ("en", False),
        ("", False),
    ],
)
def test_language_tags(tag: str, other: bool) -> None:
    assert other_script_language(tag) is other


def test_html_text_marked_persian_is_left_alone() -> None:
    page = (
        '<html lang="ar"><body>\n<p>قال الوزير ، ثم غادر.</p>\n'
        '<p lang="fa">او در ۱۳۹۴ آمد و رفت</p>\n'
        '<blockquote lang="fa-IR">کتاب‌ها را و آن‌ها ۱۳۹۴</blockquote>\n'
        '<p lang="ur">یہ کتاب ہے ، اور<p>قال ، ثم</p>\n</body></html>\n'
    )
    out = Cleaner(format="html")(page)
    assert "<p>قال الوزير، ثم غادر.</p>" in out
    assert '<p lang="fa">او در ۱۳۹۴ آمد و رفت</p>' in out
    assert '<blockquote lang="fa-IR">کتاب‌ها را و آن‌ها ۱۳۹۴</blockquote>' in out
    assert "یہ کتاب ہے ، اور" in out
    # an unclosed paragraph ends where the next one starts
    assert "<p>قال، ثم</p>" in out


def test_a_tatweel_under_a_dagger_alef_stays() -> None:
    text = "هَـٰذَا كِتَـٰبٌ وَلَـٰكِنَّ ذَٰلِكَ جمـــيل\n"
    assert Cleaner()(text) == "هَـٰذَا كِتَـٰبٌ وَلَـٰكِنَّ ذَٰلِكَ جميل\n"


def test_a_row_of_values_is_not_prose() -> None:
    text = "الاسم,العمر,المدينة\nمحمد,25,الرياض\n\nقال,ثم ذهب.\n"
    assert Cleaner()(text) == "الاسم,العمر,المدينة\nمحمد,25,الرياض\n\nقال، ثم ذهب.\n"
    rows = "النص,التصنيف\nهذا المنتج رائع,إيجابي\nالخدمة سيئة,سلبي\n"
    assert Cleaner()(rows) == rows
    assert Cleaner()("الاسم,المدينة,\nمحمد,جدة,\n") == "الاسم,المدينة,\nمحمد,جدة,\n"
    # prose lines typed without spaces rarely hold the same count (third
    # tester round): still fixed
    prose2 = (
        "التقى الرئيس بالوزراء,ثم عقد مؤتمرا,وأعلن النتائج\n"
        "وقال إن الاقتصاد بخير,وإن البطالة تراجعت\n"
    )
    assert "," not in Cleaner()(prose2)
    # a number's comma is no field separator: prose around it is fixed
    prose = "بلغت 1,5 مليون,ثم زادت.\nوقدره 1,4 مليار.\n"
    assert Cleaner()(prose) == "بلغت 1,5 مليون، ثم زادت.\nوقدره 1,4 مليار.\n"


def test_word_ligatures_are_kept_and_folded_for_search() -> None:
    text = "ﷰ ﷱ ﷳ ﷴ ﷺ\n"
    assert Cleaner()(text) == text
    assert Cleaner(profile="search")(text) == "ﷰ ﷱ اكبر محمد صلي الله عليه وسلم\n"


def test_an_arabic_domain_keeps_its_dot() -> None:
    assert Cleaner()("زوروا الصحة.مصر اليوم.\n") == "زوروا الصحة.مصر اليوم.\n"
    assert Cleaner()("انتهى الاجتماع.ثم غادر\n") == "انتهى الاجتماع. ثم غادر\n"


def test_html_lang_holds_over_nested_elements_and_not_after_a_void_one() -> None:
    """Second tester round: a nested element of the same name ended the
    frozen block early; `lang` on a void element froze the rest."""
    page = (
        '<div lang="fa"><div>عنوان</div><p>او در سال ۱۳۹۴ به تهران آمد و كتابها را خريد</p></div>\n'
        '<p>نص <img lang="fa" alt="x"> عربي ، هنا</p>\n'
        '<p lang="fa">او در ۱۳۹۴ آمد و رفت\n<ul><li>قال ، ثم</li></ul>\n'
    )
    out = Cleaner(format="html")(page)
    assert "او در سال ۱۳۹۴ به تهران آمد و كتابها" in out
    assert "عربي، هنا" in out
    assert "<li>قال، ثم</li>" in out  # a list ends the open paragraph


def test_a_persian_file_keeps_its_short_lines_persian() -> None:
    """A short line with no letter to tell the languages apart takes its
    text's language: «تو و او» (you and him) became «تو واو» (second
    tester round, a Persian subtitle file)."""
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nمن این را دیدم .\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nاو آمد و رفت .\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nتو و او ؟\n"
    )
    out = Cleaner(format="srt")(srt)
    assert "او آمد و رفت" in out and "تو و او" in out
    two = "این کتاب\u200cها را خریدم و آن\u200cها را خواندم .\nاو در آن شهر بود و رفت .\n"
    assert "بود و رفت" in Cleaner()(two)
    # an Arabic line quoted in it is still Arabic; an Arabic text stays Arabic
    mixed = two + "قال الرجل و هو يبتسم في المدينة\n"
    assert "الرجل وهو يبتسم" in Cleaner()(mixed)
    assert Cleaner()("جاء الرجل و هو يبتسم\n") == "جاء الرجل وهو يبتسم\n"
