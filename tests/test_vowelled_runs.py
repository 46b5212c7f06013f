"""AR205 leaves a run of three fully vowelled words or more inside
otherwise unvowelled prose (a hadith, a verse quoted without brackets):
its tanween is neither moved nor counted."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.text.quran import vowelled_runs

PROSE = "قال الرئيس في كلمته اليوم إن الوضع كان صعباً جداً وواضحاً، واستشهد بقوله: "
QUOTE = "«وَمَنْ يَقْتُلْ مُؤْمِنًا مُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا»"
AFTER = " ثم أضاف أن الحكومة ستعمل سريعاً على الحل."


def fix(text: str) -> str:
    return Cleaner()(text)


def test_a_vowelled_quotation_in_prose_keeps_its_tanween():
    text = PROSE + QUOTE + AFTER
    assert fix(text) == text


def test_the_quotation_is_not_counted():
    # Without the quotation's three before-alef forms counted, the prose's
    # on-alef majority stands, and the prose's one before-alef form follows it.
    text = PROSE + QUOTE + " ثم أضاف أن الحكومة ستعمل سريعًا على الحل."
    assert fix(text) == PROSE + QUOTE + AFTER


def test_a_verse_on_its_own_line_inside_prose():
    text = (
        "وكان الجو صعباً والطريق طويلاً جداً كما قال الشاعر في قصيدته المعروفة:\n"
        "وَكُنتُ إِذا ما زُرتُ لَيلى بِأَرضِها أَرى الأَرضَ تُطوى لي وَيَدنو بَعيدُها\n"
        "ثم تابع الكاتب حديثه عن الرحلة فقال إنها كانت صعبة جداً وطويلة."
    )
    assert vowelled_runs(text)
    assert fix(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A text vowelled throughout is no quotation: unified as usual.
        ("جدًّا جدًّا وجدّاً", "جدًّا جدًّا وجدًّا"),
        ("كتابًا وقلمًا ودفتراً", "كتابًا وقلمًا ودفترًا"),
        # Two vowelled words are no run.
        (
            "كان الأمر صعباً جداً وواضحاً وقد قال «مُؤْمِنًا مُتَعَمِّدًا» ثم مضى سريعاً.",
            "كان الأمر صعباً جداً وواضحاً وقد قال «مُؤْمِناً مُتَعَمِّداً» ثم مضى سريعاً.",
        ),
    ],
)
def test_no_quotation_no_exemption(text, expected):
    assert fix(text) == expected
