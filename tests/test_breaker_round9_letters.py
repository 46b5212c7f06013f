"""Round 9 of the breaker's reports on the letters, diacritics, alef and
invisible rules: each fault as a kind (the reported lines and more of the
same), and the counter-examples that must stay as they are."""

from __future__ import annotations

import unicodedata

import pytest

from arclean import Cleaner
from arclean.chars import DUAL_JOINING_LETTERS, WORD_END_LETTERS


def fix(text: str, **settings) -> str:
    return Cleaner(**settings)(text)


# -- 1. AR402: presentation forms that show a word break ---------------------------

#: The reported tweets (arsarcasm_tweets.txt 3316, 2033, 2075, 2020, 5638, 9382).
WORD_BREAKS = [
    ("ﺍﻷﺳﺪﻋﺎﻡ 2013 ﻛﺎﻥﺧﻄﺄ ﺣﻘﻴﻘﻴﺎً", "الأسدعام 2013 كان خطأ حقيقياً"),
    ("ﻓﻲﻣﻘﺎﺑﻠﺔ", "في مقابلة"),
    ("ﺍﻟﺒﺮﻳﻄﺎﻧﻴﺔﻳﻘﻮﻝﺇﻥ", "البريطانية يقول إن"),
    ("ﻛﻴﺮﻱﺃﺭﻯ", "كيري أرى"),
    ("ﺍﻟﻌﺴﻴﺮﻱﻭﻻﺗﺮﻛﻦ", "العسيري ولاتركن"),
    ("ﺑﺤﺒﻚﺷﺎﻳﻒ", "بحبك شايف"),
    ("ﻧﻔﻮﺱﺍﻟﻜﺜﻴﺮ", "نفوس الكثير"),
    ("ﺍﻟﻌﺮﺑـــﻲﻭﻋﻠــﻢ", "العربي وعلم"),
    ("#نوال_الزغبيﻫﻲّ", "#نوال_الزغبي هيّ"),
    # The kind: ة and ى end words; a ligature's last letter counts.
    ("ﻣﺪﺭﺳﺔﺍﻟﺒﻨﺎﺕ", "مدرسة البنات"),
    ("ﻋﻠﻰﻛﻞ", "على كل"),
    ("ﻣﻦَّﺍﻟﻠﻪ", "منَّ الله"),
    ("ﺑﺴﻢﷲ", "بسم ﷲ"),
]

#: One word each: letters that join on the right only, hamza, keyboard lam-alef.
ONE_WORD = [
    ("ﺍﻷﺳﺪ", "الأسد"),
    ("ﻛﺘﺎﺏ", "كتاب"),
    ("ﺷﻲﺀ", "شيء"),
    ("ﻣﺴﺎﺀﻟﺔ", "مساءلة"),
    ("ﺩﺭﺍﺳﺔ", "دراسة"),
    ("خﻻص", "خلاص"),
    ("أصﻻ", "أصلا"),
    ("مارأيتهﷺ", "مارأيتهﷺ"),
]


@pytest.mark.parametrize(("text", "expected"), WORD_BREAKS + ONE_WORD)
def test_presentation_forms_write_the_word_break_they_show(text: str, expected: str) -> None:
    assert fix(text) == expected


def test_joining_classes_come_from_unicode_data() -> None:
    dual = set("بتثجحخسشصضطظعغفقكلمنهيئ")
    right_only = set("اأإآدذرزوؤء")
    assert dual <= DUAL_JOINING_LETTERS
    assert not right_only & DUAL_JOINING_LETTERS
    assert {"\N{ARABIC LETTER TEH MARBUTA}", "\N{ARABIC LETTER ALEF MAKSURA}"} <= (
        DUAL_JOINING_LETTERS | WORD_END_LETTERS
    )
    for letter in DUAL_JOINING_LETTERS:
        assert unicodedata.category(letter) == "Lo"
