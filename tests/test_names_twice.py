"""Session 26: a consonant written twice inside a word the text writes
(`arclean/names/twice.py`).  The slip of a name no reference list knows
is mended when no grammar explains the doubled letter and the books write
the kept spelling; a prefix meeting a stem, a geminate root (the last
letter twice, or before an ending) and a spelling only the text knows
stay as they are."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner
from arclean.names.twice import doubled_slip


@pytest.fixture(scope="module")
def names() -> Cleaner:
    return Cleaner(select=["AR802"], unsafe_fixes=True)


MENDED = {
    # a coach the books know 3 times, no source a name: the middle ر twice
    "كيرروش": (
        "قال المدرب كيروش إن الفريق جاهز للمباراة. وأضاف كيروش أن اللاعبين بخير. "
        "ودرب كيروش المنتخب أربع سنوات. وغادر كيرروش الملعب بعد التدريب.",
        "كيروش",
    ),
}


@pytest.mark.parametrize("slip", sorted(MENDED))
def test_a_doubled_consonant_is_mended(names, slip):
    text, kept = MENDED[slip]
    out = names(text)
    words = out.replace(".", " ").split()
    assert slip not in words
    assert words.count(kept) == text.replace(".", " ").split().count(kept) + 1


KEPT = {
    # the last letter of a word of the books twice: new members, not grandfathers
    "الجدد": (
        "زار الجد أحفاده في العيد. وقال الجد إن العائلة اجتمعت كلها. وحكى الجد قصصا "
        "كثيرة. ورحب المجلس بالأعضاء الجدد في أول جلسة."
    ),
    # a prefix meeting a stem: successive explosions, not a follow-up
    "متتابعة": (
        "تواصل الوزارة متابعة الحالة. وطلب الوزير متابعة الملف يوميا. وأكد أهمية "
        "متابعة التنفيذ. وسمع السكان انفجارات متتابعة في المدينة."
    ),
    # a geminate root with an ending: a charity is no excuse
    "مبررة": (
        "افتتحت مبرة الخير فرعا جديدا. وتقدم مبرة الخير مساعدات شهرية لنحو ألف أسرة. "
        "وزارت مبرة الخير المدارس. وقال رئيسها إن الزيادة في الأسعار غير مبررة."
    ),
    # the last letter twice, into a spelling the books never write
    "بكينن": (
        "زار الوفد مدينة بكين أمس. ووصل الرئيس إلى بكين صباحا. وغادر المسؤول بكين مساء. "
        "وقال إن بكينن مدينة كبيرة."
    ),
    # a geminate verb with the past ending: interspersed, not abandoned
    "تخللت": (
        "تخلت الشركة عن خططها. ثم تخلت عن موظفيها. وقد تخلت عن كل شيء. تخللت الحفل فقرات فنية."
    ),
    # the doubled letter with the one before it in another word of the text
    "المحللين": (
        "قال المحلل الاقتصادي إن السوق مستقرة. وأضاف المحلل أن الأسعار سترتفع. "
        "وتوقع المحلل نموا. وأكد المحللون ذلك، واتفق المحللين على التوقع."
    ),
}


@pytest.mark.parametrize("word", sorted(KEPT))
def test_grammar_doubling_is_left_alone(names, word):
    assert names(KEPT[word]) == KEPT[word]


def test_the_limits_one_by_one():
    class FakeJudge:
        """Every spelling is no word; the books know every kept spelling."""

        counts = None

        def no_word(self, f: str) -> bool:
            return True

        def lex_count(self, f: str) -> int:
            return 5

        def text_verb(self, f: str) -> bool:
            return False

        class lex:
            @staticmethod
            def count(f: str) -> int:
                return 0

    j = FakeJudge()
    # only the text writes the kept spelling: an OCR misreading repeated
    books = FakeJudge.lex_count
    FakeJudge.lex_count = lambda self, f: 0  # type: ignore[method-assign]
    assert not doubled_slip("ولككنبا", "ولكنبا", j, set())  # type: ignore[arg-type]
    FakeJudge.lex_count = books  # type: ignore[method-assign]
    assert doubled_slip("كيرروش", "كيروش", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("متتابع", "متابع", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("المتتبع", "المتبع", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("مستتر", "مستر", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("باللغة", "بالغة", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("مبررة", "مبرة", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("عدد", "عد", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("بكينن", "بكين", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("تخللت", "تخلت", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("حددتها", "حدتها", j, set())  # type: ignore[arg-type]
    assert doubled_slip("جوببيتر", "جوبيتر", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("كيررروش", "كيرروش", j, set())  # type: ignore[arg-type]
    assert not doubled_slip("كيرروش", "كيروش", j, {"ايرر"})  # type: ignore[arg-type]
