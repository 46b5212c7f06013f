"""The letters rules and و-joining act on Arabic paragraphs only: Persian,
Urdu and Kurdish text (and their words quoted inside Arabic) stay as
written."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner

PERSIAN = "من این کتاب را دیروز خریدم و خیلی دوست دارم."
URDU = "یہ کتاب بہت اچھی ہے اور میں اسے پڑھ رہا ہوں۔"
KURDISH = "ئەم کتێبە زۆر باشە و من خۆشم دەوێت."


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("text", [PERSIAN, URDU, KURDISH])
def test_other_languages_keep_their_letters(cleaner, text):
    letters_and_waw = Cleaner(select=["letters", "AR109", "AR701"])
    assert letters_and_waw(text) == text
    # The whole default profile may fix spacing only: no letter changes.
    assert [ch for ch in cleaner(text) if ch.isalpha()] == [ch for ch in text if ch.isalpha()]


def test_persian_paragraph_untouched_next_to_an_arabic_one(cleaner):
    text = f"ذهب إلی المدرسة فی الصباح الباکر مع أصدقائه.\n{PERSIAN}\n"
    # Final ی is resolved per word: ي in a word attested only with ي (في);
    # إلی may be إلى or إلي (to me): left as written (AR407 reports it).
    assert cleaner(text) == f"ذهب إلی المدرسة في الصباح الباكر مع أصدقائه.\n{PERSIAN}\n"


def test_kurdish_word_quoted_in_arabic_keeps_its_letters(cleaner):
    text = (
        "العراق (بالكردية: كۆماری عێراق) هي دولة عربية تقع في غرب آسيا، "
        "وعاصمتها مدينة بغداد التاريخية الكبيرة."
    )
    assert cleaner(text) == text


def test_persian_waw_stays_apart():
    assert Cleaner(select=["AR109"])("جنگ و صلح را خواندم") == "جنگ و صلح را خواندم"
    assert Cleaner(select=["AR109"])("السلام و الحرب") == "السلام والحرب"


@pytest.mark.parametrize(
    "text",
    ["بين 10 و 20", "القاهرة و Cairo", "قال و «نعم»", 'قال و "نعم"', "السلام و\nالحرب"],
)
def test_waw_never_joins_numbers_latin_quotes_or_lines(text):
    assert Cleaner(select=["AR109"])(text) == text


def test_final_yeh_list_never_touches_ala_or_ila():
    rule = Cleaner(select=["AR410"], unsafe_fixes=True)
    assert rule("ذهب إلى على وعلي فى البيت") == "ذهب إلى على وعلي في البيت"


@pytest.mark.parametrize(
    "text",
    [
        "بۆ و من",  # ۆ (OE)
        "گوڵ و دار",  # ڵ (LAM WITH SMALL V)
        "ڕێگا و شار",  # ڕ (REH WITH SMALL V BELOW), ێ (YEH WITH SMALL V)
    ],
)
def test_kurdish_letters_mark_the_line_as_not_arabic(cleaner, text):
    """The engine's language pre-filter is built from the same letter table
    as the paragraph language: a Kurdish line keeps its و apart."""
    from arclean.text.language import paragraph_language

    assert paragraph_language(text) == "other-arabic-script"
    assert cleaner(text) == text
