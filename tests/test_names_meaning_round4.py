"""Issue 9, fourth round: the words the recall work put at risk on the
news days and the book (each found while re-reading every automatic
rewrite) are left alone, run as `pipe names` runs them; and the text's own
evidence still carries a cheap edit of a place name."""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

# (word that must stay, the spelling it was turned into, text)
CASES = [
    (  # a verb writing a hamza the name lacks (يؤنس, he cheers)
        "يؤنس",
        "يونس",
        "قال يونس إن السفر طويل. وعاد يونس إلى بيته. ونام يونس مبكرا. "
        "وكان الشيخ يؤنس القوم بالبشر.",
    ),
    (  # Bayern (once in the books) is no slip for Byron, 2 against 1
        "بايرن",
        "بايرون",
        "كتب الشاعر بايرون قصيدة. وأحب بايرون اليونان. وفاز بايرن ميونخ الألماني.",
    ),
    (  # an Arabic word (the divining arrows) is not the article's name
        "الأزلام",
        "الإسلام",
        "جاء الإسلام بالعدل. ونشر الإسلام العلم. وحرم الإسلام الأزلام. "
        "وفي الإسلام رحمة. وكانوا يقرعون بسهام تسمى الأزلام.",
    ),
    (  # a verb with a pronoun beside its other form
        "جازاك",
        "جزاك",
        "قال جزاك الله خيرا. ثم قال جزاك الله. وقالت جزاك الله خيرا. ولكن جازاك الله فقد آلمتني.",
    ),
]


@pytest.mark.parametrize(("word", "other", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_word_or_another_name_is_left_alone(word: str, other: str, text: str) -> None:
    assert other in text and word in text
    assert (word, other) not in _rewrites(text)


def test_a_place_name_the_text_spells_consistently_carries_a_cheap_edit() -> None:
    # a gazetteer name, spelled so three times, with a variant no book uses
    text = (
        "زار الوفد كانساس أمس. وقالت ولاية كانساس إن الطقس جيد. "
        "وعاد الحاكم إلى كانساس. وتحقق شرطة كنساس في الحادث."
    )
    assert ("كنساس", "كانساس") in _rewrites(text)


def test_a_vowelled_word_is_not_rewritten_without_its_marks() -> None:
    # news 2015-08-09: «في ايادٍ معادية» (in hostile hands) became أياد,
    # the tanween dropped; a fuzzy rewrite leaves a vowelled word alone
    text = "قال إياد إن الأمر. وأكد أياد ذلك. وقال أياد. وأضاف أياد. يقع في ايادٍ معادية."
    assert all(old != "ايادٍ" for old, _new in _rewrites(text))
